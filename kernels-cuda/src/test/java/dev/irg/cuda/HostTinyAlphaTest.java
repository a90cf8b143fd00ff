package dev.irg.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.math.Reference;
import org.junit.jupiter.api.Test;

/**
 * The host-compiled CUDA Gamma math at tiny and subnormal alpha (GammaConstants.TINY_ALPHA_PROXY:
 * evaluated at the proxy and scaled), against the Java reference, which java-api's GammaTinyAlphaTest
 * checks against E1 from mpmath: equal within 1e-14 relative (both are the same formulas; rounding only).
 */
class HostTinyAlphaTest {
    @Test
    void tinyAlphaAsJava() throws Exception {
        double[] alphas = {Double.MIN_VALUE, 1e-320, 1e-310, Double.MIN_NORMAL, 1e-250, 0x1p-664, 1e-150, 1e-30};
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
        for (Op op : new Op[] {Op.GAMMA_CDF, Op.GAMMA_DCDF_DALPHA, Op.GAMMA_GRAD_ALPHA}) {
            double[] got = HostEval.eval(op, Precision.F64, p0, p1, x);
            for (int i = 0; i < n; i++) {
                double want = Reference.of(op).apply(p0[i], p1[i], x[i]);
                String at = op + " alpha=" + p0[i] + " x=" + x[i];
                if (want != got[i]) {
                    assertEquals(want, got[i], 1e-14 * Math.abs(want), at);
                }
            }
        }
    }
}
