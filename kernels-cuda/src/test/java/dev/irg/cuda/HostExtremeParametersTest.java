package dev.irg.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.math.Reference;
import org.junit.jupiter.api.Test;

/**
 * The host-compiled CUDA math at extreme parameters, against the Java reference: Gamma at tiny and
 * subnormal alpha (GammaConstants.TINY_ALPHA_PROXY: evaluated at the proxy and scaled; java-api's
 * GammaTinyAlphaTest checks the reference against E1 from mpmath) and von Mises at huge kappa (the tail
 * length in its cancellation-free form; kernels-simd's VonMisesHugeKappaTest checks the normal limit):
 * equal within 1e-14 relative (the same formulas; rounding only).
 */
class HostExtremeParametersTest {
    @Test
    void tinyAlphaAsJava() throws Exception {
        double[] alphas = {Double.MIN_VALUE, 1e-320, 1e-310, Double.MIN_NORMAL, 1e-250, 0x1p-100, 1e-150, 1e-30, 1e-31};
        double[] xs = {1e-310, 1e-300, 1e-5, 0.5, 1, 5, 50};
        int n = alphas.length * xs.length;
        double[] p0 = new double[n];
        double[] p1 = new double[n];
        double[] x = new double[n];
        int k = 0;
        for (double a : alphas) {
            for (double v : xs) {
                p0[k] = a;
                p1[k] = 1;
                x[k++] = v;
            }
        }
        assertAsJava(new Op[] {Op.GAMMA_CDF, Op.GAMMA_DCDF_DALPHA, Op.GAMMA_GRAD_ALPHA}, p0, p1, x);
    }

    @Test
    void hugeKappaAsJava() throws Exception {
        double[] kappas = {1e5, 1e12, 1e16, 1e18, 1e19, 1e21, 1e50, 1e150, 1e300, Double.MAX_VALUE};
        double[] ms = {-8, -3, -1, 0.5, 3};
        int n = kappas.length * (ms.length + 3);
        double[] p0 = new double[n];
        double[] p1 = new double[n];
        double[] x = new double[n];
        int k = 0;
        for (double kappa : kappas) {
            for (double m : ms) {
                p0[k] = kappa;
                x[k++] = m / Math.sqrt(kappa);
            }
            for (double v : new double[] {0.2288, -3.1, 3.0}) {
                p0[k] = kappa;
                x[k++] = v;
            }
        }
        assertAsJava(new Op[] {Op.VONMISES_CDF, Op.VONMISES_DCDF_DKAPPA, Op.VONMISES_GRAD_KAPPA}, p0, p1, x);
    }

    @Test
    void betaTinyParameterAsJava() throws Exception {
        double[] tiny = {Double.MIN_VALUE, 1e-320, Double.MIN_NORMAL, 1e-300, 6.5e-266, 1e-160};
        double[] other = {0.86, 876, 1e16, 2.67e52, 9e87, 1e-160, 3e-300};
        double[] xs = {1e-45, 1e-10, 0.3, 0.7, 0.999};
        int n = tiny.length * other.length * xs.length * 2;
        double[] p0 = new double[n];
        double[] p1 = new double[n];
        double[] x = new double[n];
        int k = 0;
        for (double t : tiny) {
            for (double o : other) {
                for (double v : xs) {
                    for (int swap = 0; swap < 2; swap++) {
                        p0[k] = swap == 0 ? t : o;
                        p1[k] = swap == 0 ? o : t;
                        x[k++] = v;
                    }
                }
            }
        }
        assertAsJava(new Op[] {Op.BETA_CDF, Op.BETA_DCDF_DA, Op.BETA_DCDF_DB, Op.BETA_GRAD_A, Op.BETA_GRAD_B}, p0, p1, x);
    }

    /**
     * One small parameter (1e-4 down to 1e-250) next to a moderate one, x above the switch point: the prefactor's
     * Stirling-correction increment as the reference's (java-api's BetaTinyParameterTest checks it against mpmath).
     */
    @Test
    void betaSmallParameterAsJava() throws Exception {
        double[] small = {1e-4, 1e-7, 1e-10, 1e-14, 1e-18, 1e-30, 1e-100, 4.733490922439829e-141, 1e-250};
        double[][] ax = {{20.87969741496312, 0.9581336638269059}, {10.353434604928191, 0.9562623813345078}, {150, 0.995},
            {8.5, 0.92}, {1e3, 0.9993}};
        int n = small.length * ax.length * 2;
        double[] p0 = new double[n];
        double[] p1 = new double[n];
        double[] x = new double[n];
        int k = 0;
        for (double s : small) {
            for (double[] p : ax) {
                for (int swap = 0; swap < 2; swap++) {
                    p0[k] = swap == 0 ? p[0] : s;
                    p1[k] = swap == 0 ? s : p[0];
                    x[k++] = swap == 0 ? p[1] : 1 - p[1];
                }
            }
        }
        assertAsJava(new Op[] {Op.BETA_CDF, Op.BETA_DCDF_DA, Op.BETA_DCDF_DB, Op.BETA_GRAD_A, Op.BETA_GRAD_B}, p0, p1, x);
    }

    /** One huge parameter next to a moderate or tiny one (IncompleteBeta.gammaLimit: the Gamma limit and the tail). */
    @Test
    void betaHugeParameterAsJava() throws Exception {
        double[] huge = {0x1p320, 1e100, 1e110, 1e170, 1e250, 1e300, Double.MAX_VALUE};
        double[] other = {Double.MIN_VALUE, 1e-300, 1e-100, 0.01, 0.5, 2.5, 1e3, 1e6, 1e12, 0x1p53, 1e20, 0x1p100};
        double[] lambdas = {1e-3, 1, 5, 700, Double.NaN, Double.NaN}; // NaN: o and o + sqrt(o), next to the mean
        double[] xs = {1e-300, 1e-40, 1e-3, 0.3, 0.999};
        int n = huge.length * other.length * (lambdas.length + xs.length) * 2;
        double[] p0 = new double[n];
        double[] p1 = new double[n];
        double[] x = new double[n];
        int k = 0;
        for (double h : huge) {
            for (double o : other) {
                for (int j = 0; j < lambdas.length + xs.length; j++) {
                    double lam = j == 4 ? o : j == 5 ? o + Math.sqrt(o) : j < 4 ? lambdas[j] : 0;
                    double v = j < lambdas.length ? Math.max(Double.MIN_VALUE, lam / h) : xs[j - lambdas.length];
                    for (int swap = 0; swap < 2; swap++) {
                        p0[k] = swap == 0 ? o : h;
                        p1[k] = swap == 0 ? h : o;
                        x[k++] = swap == 0 ? v : 1 - v;
                    }
                }
            }
        }
        assertAsJava(new Op[] {Op.BETA_CDF, Op.BETA_DCDF_DA, Op.BETA_DCDF_DB, Op.BETA_GRAD_A, Op.BETA_GRAD_B}, p0, p1, x);
    }

    /** Both parameters huge (IncompleteBeta.bothHugeTail), x at and away from the mean. */
    @Test
    void betaBothHugeAsJava() throws Exception {
        double[] huge = {1e20, 1e60, 0x1p512, 1e160, 1e200, 3e200, 1e300, Double.MAX_VALUE};
        double[] xs = {1e-300, 1e-115, 1e-40, 0.25, 0.3, 0.5, 0.5000000000000001, 0.7, 0.999, 1 - 0x1p-53};
        int n = huge.length * huge.length * xs.length;
        double[] p0 = new double[n];
        double[] p1 = new double[n];
        double[] x = new double[n];
        int k = 0;
        for (double a : huge) {
            for (double b : huge) {
                for (double v : xs) {
                    p0[k] = a;
                    p1[k] = b;
                    x[k++] = v;
                }
            }
        }
        assertAsJava(new Op[] {Op.BETA_CDF, Op.BETA_DCDF_DA, Op.BETA_DCDF_DB, Op.BETA_GRAD_A, Op.BETA_GRAD_B}, p0, p1, x);
    }

    /** The host-compiled CUDA values of {@code ops} equal the Java reference's within 1e-14 relative (NaN where it is NaN). */
    private static void assertAsJava(Op[] ops, double[] p0, double[] p1, double[] x) throws Exception {
        for (Op op : ops) {
            double[] got = HostEval.eval(op, Precision.F64, p0, p1, x);
            for (int i = 0; i < x.length; i++) {
                double want = Reference.of(op).apply(p0[i], p1[i], x[i]);
                if (Double.compare(want, got[i]) != 0) {
                    assertEquals(want, got[i], 1e-14 * Math.abs(want), op + " p0=" + p0[i] + " p1=" + p1[i] + " x=" + x[i]);
                }
            }
        }
    }
}
