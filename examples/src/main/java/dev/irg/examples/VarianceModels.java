package dev.irg.examples;

import dev.irg.Sampling;
import dev.irg.Vec;
import dev.irg.math.BesselI01;
import dev.irg.math.GammaFunctions;

/**
 * The three conjugate models of the variance experiment, each with a variational family q(z; p1, p2)
 * whose expected log joint g(p) = E_q[log p(x, z)] and its gradient are known in closed form.
 * Each model gives the log joint f(z) with all its constants, f'(z), the score d log q/dp, irg's
 * samples (with and without implicit gradients), and the exact g and dg/dp.
 */
final class VarianceModels {
    private VarianceModels() {
    }

    /** One model with its variational parameters fixed. */
    interface Model {
        String name();

        String[] paramNames();

        /** log p(x, z), every constant included (they matter to the score-function estimator). */
        double f(double z);

        double df(double z);

        /** d log q(z)/dp1, d log q(z)/dp2 into out. */
        void score(double z, double[] out);

        /** n samples; with grads != null also dz/dp1, dz/dp2 (irg's implicit gradients, fused rsample). */
        void sample(Sampling s, long seed, double[] z, double[][] grads);

        /** g = E_q[log p(x, z)] in closed form. */
        double expected(double p1, double p2);

        /** dg/dp1, dg/dp2 in closed form at the model's parameters. */
        double[] exactGradient();

        double p1();

        double p2();
    }

    /** log I0(k), from the reference's scaled Bessel function. */
    static double logI0(double k) {
        return Math.log(BesselI01.i0e(k)) + k;
    }

    /**
     * Gamma-Poisson: z ~ Gamma(a0, b0) (rate), x_i ~ Poisson(z); q = Gamma(alpha, beta) (rate).
     * With S = sum x_i, n counts: g = (S + a0 - 1)(psi(alpha) - log beta) - (n + b0) alpha/beta + const;
     * dg/dalpha = (S + a0 - 1) psi'(alpha) - (n + b0)/beta; dg/dbeta = -(S + a0 - 1)/beta + (n + b0) alpha/beta^2.
     */
    record GammaPoisson(double a0, double b0, int[] x, double alpha, double beta) implements Model {
        int sum() {
            int s = 0;
            for (int v : x) {
                s += v;
            }
            return s;
        }

        double constant() {
            double c = a0 * Math.log(b0) - GammaFunctions.logGamma(a0);
            for (int v : x) {
                c -= GammaFunctions.logGamma(v + 1.0);
            }
            return c;
        }

        @Override
        public String name() {
            return "gamma-poisson";
        }

        @Override
        public String[] paramNames() {
            return new String[] {"alpha", "rate"};
        }

        @Override
        public double f(double z) {
            return (sum() + a0 - 1) * Math.log(z) - (x.length + b0) * z + constant();
        }

        @Override
        public double df(double z) {
            return (sum() + a0 - 1) / z - (x.length + b0);
        }

        @Override
        public void score(double z, double[] out) {
            out[0] = Math.log(beta) + Math.log(z) - GammaFunctions.digamma(alpha);
            out[1] = alpha / beta - z;
        }

        @Override
        public void sample(Sampling s, long seed, double[] z, double[][] grads) {
            if (grads == null) {
                s.gamma(seed, Vec.scalar(alpha), Vec.scalar(beta), Vec.of(z));
            } else {
                s.gammaRsample(seed, Vec.scalar(alpha), Vec.scalar(beta), Vec.of(z), Vec.of(grads[0]), Vec.of(grads[1]));
            }
        }

        @Override
        public double expected(double a, double b) {
            return (sum() + a0 - 1) * (GammaFunctions.digamma(a) - Math.log(b)) - (x.length + b0) * a / b + constant();
        }

        @Override
        public double[] exactGradient() {
            double c = sum() + a0 - 1, d = x.length + b0;
            return new double[] {c * GammaFunctions.trigamma(alpha) - d / beta, -c / beta + d * alpha / (beta * beta)};
        }

        @Override
        public double p1() {
            return alpha;
        }

        @Override
        public double p2() {
            return beta;
        }
    }

    /**
     * Beta-Bernoulli: z ~ Beta(a0, b0), x_i ~ Bernoulli(z); q = Beta(a, b). With A = s + a0 - 1,
     * B = n - s + b0 - 1: g = A(psi(a) - psi(a+b)) + B(psi(b) - psi(a+b)) - log B(a0, b0);
     * dg/da = A psi'(a) - (A + B) psi'(a+b); dg/db = B psi'(b) - (A + B) psi'(a+b).
     */
    record BetaBernoulli(double a0, double b0, int n, int successes, double a, double b) implements Model {
        double cA() {
            return successes + a0 - 1;
        }

        double cB() {
            return n - successes + b0 - 1;
        }

        double constant() {
            return -(GammaFunctions.logGamma(a0) + GammaFunctions.logGamma(b0) - GammaFunctions.logGamma(a0 + b0));
        }

        @Override
        public String name() {
            return "beta-bernoulli";
        }

        @Override
        public String[] paramNames() {
            return new String[] {"a", "b"};
        }

        @Override
        public double f(double z) {
            return cA() * Math.log(z) + cB() * Math.log1p(-z) + constant();
        }

        @Override
        public double df(double z) {
            return cA() / z - cB() / (1 - z);
        }

        @Override
        public void score(double z, double[] out) {
            double ab = GammaFunctions.digamma(a + b);
            out[0] = Math.log(z) - GammaFunctions.digamma(a) + ab;
            out[1] = Math.log1p(-z) - GammaFunctions.digamma(b) + ab;
        }

        @Override
        public void sample(Sampling s, long seed, double[] z, double[][] grads) {
            if (grads == null) {
                s.beta(seed, Vec.scalar(a), Vec.scalar(b), Vec.of(z));
            } else {
                s.betaRsample(seed, Vec.scalar(a), Vec.scalar(b), Vec.of(z), Vec.of(grads[0]), Vec.of(grads[1]));
            }
        }

        @Override
        public double expected(double pa, double pb) {
            double ab = GammaFunctions.digamma(pa + pb);
            return cA() * (GammaFunctions.digamma(pa) - ab) + cB() * (GammaFunctions.digamma(pb) - ab) + constant();
        }

        @Override
        public double[] exactGradient() {
            double t = GammaFunctions.trigamma(a + b);
            return new double[] {cA() * GammaFunctions.trigamma(a) - (cA() + cB()) * t,
                    cB() * GammaFunctions.trigamma(b) - (cA() + cB()) * t};
        }

        @Override
        public double p1() {
            return a;
        }

        @Override
        public double p2() {
            return b;
        }
    }

    /**
     * von Mises with a von Mises likelihood: z ~ vM(0, k0), x_i ~ vM(z, kx); q = vM(mu, kappa).
     * f(z) = C cos z + S sin z + const with C = kx sum cos x_i + k0, S = kx sum sin x_i;
     * with A(k) = I1(k)/I0(k): g = A(kappa)(C cos mu + S sin mu) + const; dg/dmu = A(kappa)(S cos mu - C sin mu);
     * dg/dkappa = A'(kappa)(C cos mu + S sin mu), A'(k) = 1 - A/k - A^2.
     */
    record VonMisesVonMises(double k0, double kx, double[] x, double mu, double kappa) implements Model {
        double c() {
            double c = k0;
            for (double v : x) {
                c += kx * Math.cos(v);
            }
            return c;
        }

        double s() {
            double s = 0;
            for (double v : x) {
                s += kx * Math.sin(v);
            }
            return s;
        }

        double constant() {
            return -(x.length + 1) * Math.log(2 * Math.PI) - logI0(k0) - x.length * logI0(kx);
        }

        @Override
        public String name() {
            return "vonmises-vonmises";
        }

        @Override
        public String[] paramNames() {
            return new String[] {"mu", "kappa"};
        }

        @Override
        public double f(double z) {
            return c() * Math.cos(z) + s() * Math.sin(z) + constant();
        }

        @Override
        public double df(double z) {
            return -c() * Math.sin(z) + s() * Math.cos(z);
        }

        @Override
        public void score(double z, double[] out) {
            out[0] = kappa * Math.sin(z - mu);
            out[1] = Math.cos(z - mu) - BesselI01.ratio(kappa);
        }

        @Override
        public void sample(Sampling s, long seed, double[] z, double[][] grads) {
            if (grads == null) {
                s.vonMises(seed, Vec.scalar(kappa), Vec.scalar(mu), Vec.of(z));
            } else {
                s.vonMisesRsample(seed, Vec.scalar(kappa), Vec.scalar(mu), Vec.of(z), Vec.of(grads[1]));
                java.util.Arrays.fill(grads[0], 1.0); // dz/dmu = 1
            }
        }

        @Override
        public double expected(double m, double k) {
            return BesselI01.ratio(k) * (c() * Math.cos(m) + s() * Math.sin(m)) + constant();
        }

        @Override
        public double[] exactGradient() {
            double a = BesselI01.ratio(kappa);
            double da = 1 - a / kappa - a * a;
            return new double[] {a * (s() * Math.cos(mu) - c() * Math.sin(mu)), da * (c() * Math.cos(mu) + s() * Math.sin(mu))};
        }

        @Override
        public double p1() {
            return mu;
        }

        @Override
        public double p2() {
            return kappa;
        }
    }

    /** Fixed observed counts of the Gamma-Poisson model (20 counts, sum 62). */
    static final int[] POISSON_COUNTS = {2, 4, 3, 1, 5, 3, 2, 6, 3, 4, 2, 3, 1, 4, 3, 5, 2, 3, 4, 2};
    /** Fixed observed angles of the von Mises model (10 angles, radians). */
    static final double[] ANGLES = {0.3, 0.8, 1.1, -0.2, 0.5, 0.9, 0.4, 1.3, 0.0, 0.6};

    /** The experiment's three models at their fixed variational parameters (away from the optimum). */
    static Model[] defaults() {
        return new Model[] {
            new GammaPoisson(1, 1, POISSON_COUNTS, 1.5, 0.8),
            new BetaBernoulli(1, 1, 20, 7, 2, 3),
            new VonMisesVonMises(1, 2, ANGLES, 0.2, 3)
        };
    }
}
