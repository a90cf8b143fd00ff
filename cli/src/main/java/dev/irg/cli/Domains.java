package dev.irg.cli;

import dev.irg.Distribution;
import dev.irg.Precision;
import java.util.SplittableRandom;

/**
 * Random valid inputs over each distribution's documented domain, for {@code irg bench} and the
 * report's throughput runs: parameters log-uniform over the domain the accuracy limits are stated
 * for, samples drawn from the distribution itself (gradients are taken at samples). These samplers
 * make benchmark inputs only; they are not irg's samplers and make no accuracy claim.
 * Adding a distribution is adding one case to {@link #random}.
 */
final class Domains {
    /** Gamma alpha range of the accuracy statement (issue 2): [1e-4, 1e6]. */
    static final double GAMMA_ALPHA_MIN = 1e-4;
    static final double GAMMA_ALPHA_MAX = 1e6;
    /** Beta a, b range of the accuracy statement (issue 3): [1e-4, 1e6]. */
    static final double BETA_MIN = 1e-4;
    static final double BETA_MAX = 1e6;
    /** von Mises kappa range of the accuracy statement (issue 3): [1e-4, 1e5]. */
    static final double KAPPA_MIN = 1e-4;
    static final double KAPPA_MAX = 1e5;
    /**
     * Above this kappa the von Mises sample is drawn from its normal limit N(0, 1/kappa): Best-Fisher's
     * envelope constants lose digits to cancellation for large kappa, and the normal limit's error
     * (order 1/kappa) does not matter for benchmark inputs.
     */
    static final double KAPPA_NORMAL_LIMIT = 1e3;
    /**
     * Dirichlet concentrations of the report's rsample throughput rows: log-uniform over [1e-2, 1e2], the
     * range PyTorch's Dirichlet gradient was studied on (../shared/notes/numerics.md: a, b in [1e-2, 1e3]);
     * the extremes of the Gamma domain are covered by the Gamma rows.
     */
    static final double DIRICHLET_ALPHA_MIN = 1e-2;
    static final double DIRICHLET_ALPHA_MAX = 1e2;
    /** Components per Dirichlet row in the report. */
    static final int DIRICHLET_K = 3;
    /** Cap on rejection-loop iterations per sample; a sample that hits it takes the mode/mean instead. */
    static final int MAX_REJECTIONS = 1000;

    private Domains() {
    }

    /** {@code n} random valid inputs of {@code d}, rounded to {@code pr}; the second parameter at its default (absent) when it has one. */
    static Inputs random(Distribution d, int n, long seed, Precision pr) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] p0 = new double[n];
        double[] p1 = Double.isNaN(d.param1Default()) ? new double[n] : null;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            switch (d) {
                case GAMMA -> {
                    p0[i] = logUniform(rng, GAMMA_ALPHA_MIN, GAMMA_ALPHA_MAX);
                    x[i] = Math.exp(logGamma(rng, p0[i]));
                }
                case BETA -> {
                    p0[i] = logUniform(rng, BETA_MIN, BETA_MAX);
                    p1[i] = logUniform(rng, BETA_MIN, BETA_MAX);
                    double la = logGamma(rng, p0[i]);
                    double lb = logGamma(rng, p1[i]);
                    x[i] = 1 / (1 + Math.exp(lb - la)); // G_a / (G_a + G_b), in log space
                }
                case VONMISES -> {
                    p0[i] = logUniform(rng, KAPPA_MIN, KAPPA_MAX);
                    x[i] = vonMises(rng, p0[i]);
                }
                default -> throw new IllegalArgumentException("no benchmark input domain for " + d.id());
            }
        }
        return new Inputs(d, Precision.F64, p0, p1, x).as(pr);
    }

    /** {@code rows} rows of {@code k} concentrations (row-major), log-uniform over the Dirichlet range. */
    static double[] dirichletAlpha(int rows, int k, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] a = new double[rows * k];
        for (int i = 0; i < a.length; i++) {
            a[i] = logUniform(rng, DIRICHLET_ALPHA_MIN, DIRICHLET_ALPHA_MAX);
        }
        return a;
    }

    static double logUniform(SplittableRandom rng, double lo, double hi) {
        return Math.exp(Math.log(lo) + rng.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }

    /**
     * log of a Gamma(alpha, 1) sample: Marsaglia-Tsang (2000) for alpha >= 1, and
     * G(alpha) = G(alpha + 1) U^(1/alpha) in log space below, so tiny alpha gives a finite log.
     */
    static double logGamma(SplittableRandom rng, double alpha) {
        if (alpha < 1) {
            double u = 1 - rng.nextDouble(); // (0, 1]
            return logGamma(rng, alpha + 1) + Math.log(u) / alpha;
        }
        double d = alpha - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        for (int it = 0; it < MAX_REJECTIONS; it++) {
            double z = gaussian(rng);
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1 - rng.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return Math.log(d * v);
            }
        }
        return Math.log(alpha);
    }

    /** A von Mises(0, kappa) sample on (-pi, pi]: Best and Fisher (1979), or the normal limit for large kappa. */
    static double vonMises(SplittableRandom rng, double kappa) {
        if (kappa > KAPPA_NORMAL_LIMIT) {
            double z = gaussian(rng) / Math.sqrt(kappa);
            return Math.max(-Math.PI, Math.min(Math.PI, z));
        }
        double tau = 1 + Math.sqrt(1 + 4 * kappa * kappa);
        double rho = (tau - Math.sqrt(2 * tau)) / (2 * kappa);
        double r = (1 + rho * rho) / (2 * rho);
        for (int it = 0; it < MAX_REJECTIONS; it++) {
            double z = Math.cos(Math.PI * rng.nextDouble());
            double f = (1 + r * z) / (r + z);
            double c = kappa * (r - f);
            double u2 = 1 - rng.nextDouble();
            if (c * (2 - c) - u2 > 0 || Math.log(c / u2) + 1 - c >= 0) {
                double t = Math.acos(Math.max(-1, Math.min(1, f)));
                return rng.nextBoolean() ? t : -t;
            }
        }
        return 0;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller (one of the pair); u in (0, 1]
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
