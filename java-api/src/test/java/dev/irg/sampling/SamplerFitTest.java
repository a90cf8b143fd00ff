package dev.irg.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Sampling;
import dev.irg.Vec;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Goodness of fit of every sampler against its CDF (Kolmogorov-Smirnov, Commons Statistics), over
 * parameter grids that include the extremes. Fixed seeds: deterministic. A correct sampler fails
 * one of these with probability {@value #P_MIN} per case.
 */
class SamplerFitTest {
    static final int N = 20_000;
    static final double P_MIN = 1e-4;
    static final Sampling S = Irg.using(Backend.SCALAR).sampling();

    static void assertFits(String what, double[] sample, DoubleUnaryOperator cdf) {
        var r = KolmogorovSmirnovTest.withDefaults().test(sample, cdf);
        assertTrue(r.getPValue() > P_MIN, what + ": KS D = " + r.getStatistic() + ", p = " + r.getPValue());
    }

    /** P(alpha, x) for x = e^t, also where e^t underflows: x^alpha / Gamma(alpha + 1) (1 + O(x)) there. */
    static double gammaCdfOfLog(double alpha, double t) {
        if (t < -40) {
            return Math.exp(alpha * t - LogGamma.value(alpha + 1));
        }
        return GammaDistribution.of(alpha, 1).cumulativeProbability(Math.exp(t));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.3, 0.999, 1, 1.5, 7, 1e3, 1e6})
    void gamma(double alpha) {
        assertFits("Gamma(" + alpha + ")", S.gamma(11, alpha, 1, N), GammaDistribution.of(alpha, 1)::cumulativeProbability);
    }

    @ParameterizedTest
    @CsvSource({"2.5, 4", "0.2, 0.01", "40, 1e-3"})
    void gammaWithRate(double alpha, double rate) {
        assertFits("Gamma(" + alpha + ", rate " + rate + ")", S.gamma(12, alpha, rate, N),
                GammaDistribution.of(alpha, 1 / rate)::cumulativeProbability);
    }

    /** log z for tiny shapes, where z itself underflows to 0 for most samples. */
    @ParameterizedTest
    @ValueSource(doubles = {1e-4, 1e-2, 0.3, 3})
    void gammaLog(double alpha) {
        double[] lz = S.gammaLog(13, alpha, 1, N);
        for (double v : lz) {
            assertTrue(Double.isFinite(v), "log z finite for alpha " + alpha);
        }
        assertFits("log Gamma(" + alpha + ")", lz, t -> gammaCdfOfLog(alpha, t));
    }

    @ParameterizedTest
    @CsvSource({"0.5, 0.5", "1, 1", "2, 5", "50, 0.3", "1e3, 1e3", "0.05, 0.7"})
    void beta(double a, double b) {
        assertFits("Beta(" + a + ", " + b + ")", S.beta(14, a, b, N), BetaDistribution.of(a, b)::cumulativeProbability);
    }

    /**
     * The logit log(z/(1-z)) of Beta samples with tiny shapes (pytorch#76030, #15738), tested in
     * both tails: F(t) = I_sigma(t)(a, b) for t &lt;= 0 and 1 - I_sigma(-t)(b, a) above, with the
     * leading term x^a/(a B(a, b)) where sigma(t) is below 1e-17.
     */
    @ParameterizedTest
    @CsvSource({"1e-3, 1e-3", "1e-2, 0.5", "0.3, 1e-3", "0.05, 0.05"})
    void betaLogitTinyShapes(double a, double b) {
        int[] w = new int[4];
        double[] logit = new double[N];
        double[] z = S.beta(15, a, b, N);
        for (int i = 0; i < N; i++) {
            logit[i] = BetaSampler.logit(15, i, a, b, w);
            assertEquals(BetaSampler.sigmoid(logit[i]), z[i], 0.0, "API sample is sigmoid(logit)");
        }
        assertFits("logit Beta(" + a + ", " + b + ")", logit, t -> t <= 0 ? betaLowerTail(a, b, t) : 1 - betaLowerTail(b, a, -t));
    }

    /** I_x(a, b) with x = sigma(t), t &lt;= 0. */
    static double betaLowerTail(double a, double b, double t) {
        if (t < -40) {
            return Math.exp(a * t - Math.log(a) - LogBeta.value(a, b));
        }
        return BetaDistribution.of(a, b).cumulativeProbability(BetaSampler.sigmoid(t));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1e-250, 1e-8, 0.1, 1, 4, 30, 1e3, 1e5})
    void vonMises(double kappa) {
        double[] z = S.vonMises(16, kappa, 0, N);
        for (double v : z) {
            assertTrue(v >= -Math.PI && v <= Math.PI, "in [-pi, pi]: " + v);
        }
        assertFits("vonMises(" + kappa + ")", z, new VonMisesTestCdf(kappa)::cdf);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2, 0.5, 3})
    void vonMisesLocation(double loc) {
        double[] z = S.vonMises(17, 2.0, loc, N);
        VonMisesTestCdf f = new VonMisesTestCdf(2.0);
        assertFits("vonMises(2, loc " + loc + ")", z, x -> f.cdf(x - loc));
    }

    /** Marginals of Dirichlet(alpha) are Beta(alpha_j, alpha_0 - alpha_j); rows sum to one. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3})
    void dirichletMarginals(int j) {
        double[] alpha = {0.05, 0.5, 2, 10};
        double a0 = 12.55;
        int k = alpha.length;
        double[] z = S.dirichlet(18, alpha, N);
        double[] m = new double[N];
        for (int r = 0; r < N; r++) {
            double s = 0;
            for (int c = 0; c < k; c++) {
                s += z[r * k + c];
            }
            assertEquals(1, s, 1e-15);
            m[r] = z[r * k + j];
        }
        assertFits("Dirichlet marginal " + j, m, BetaDistribution.of(alpha[j], a0 - alpha[j])::cumulativeProbability);
    }

    /**
     * Tiny concentrations: each row sits at a vertex, vertex j with probability alpha_j/alpha_0
     * (Gamma-ratio samplers collapse here); the counts must match within 5 binomial sigmas.
     */
    @org.junit.jupiter.api.Test
    void dirichletTinyConcentrations() {
        double[] alpha = {1e-3, 2e-3, 1e-3};
        int k = 3;
        double[] z = new double[N * k];
        S.dirichlet(19, k, Vec.of(alpha), Vec.of(z));
        int[] count = new int[k];
        for (int r = 0; r < N; r++) {
            double s = 0;
            int arg = 0;
            for (int c = 0; c < k; c++) {
                assertTrue(z[r * k + c] >= 0);
                s += z[r * k + c];
                if (z[r * k + c] > z[r * k + arg]) {
                    arg = c;
                }
            }
            assertEquals(1, s, 1e-15);
            count[arg]++;
        }
        for (int c = 0; c < k; c++) {
            double p = alpha[c] / 4e-3;
            double sd = Math.sqrt(N * p * (1 - p));
            assertEquals(N * p, count[c], 5 * sd, "vertex " + c);
        }
    }
}
