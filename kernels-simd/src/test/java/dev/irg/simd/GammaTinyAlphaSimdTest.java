package dev.irg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Vec;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The SIMD Gamma kernels at tiny and subnormal alpha (java-api's GammaTinyAlphaTest for the scalar
 * reference): P never above 1 (the vector series' P is clamped as the scalar one), and equal to the
 * scalar reference there, subnormal alpha included (those lanes go to the scalar code).
 */
class GammaTinyAlphaSimdTest {
    @Test
    void tinyAlphaMatchesReferenceAndCdfStaysInRange() {
        SplittableRandom r = new SplittableRandom(6);
        int n = 20003;
        double[] a = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i % 7 == 0 ? Double.MIN_VALUE * (1 + r.nextInt(1 << 20))
                    : Math.exp(Math.log(1e-300) + r.nextDouble() * (Math.log(1e-3) - Math.log(1e-300)));
            x[i] = Math.exp(Math.log(1e-12) + r.nextDouble() * (Math.log(60.0) - Math.log(1e-12)));
        }
        Irg simd = Irg.using(Backend.SIMD).threads(1);
        Irg ref = Irg.using(Backend.SCALAR).threads(1);
        for (Op op : new Op[] {Op.GAMMA_CDF, Op.GAMMA_DCDF_DALPHA, Op.GAMMA_GRAD_ALPHA}) {
            double[] s = new double[n];
            double[] q = new double[n];
            simd.evaluate(op, Vec.of(a), Vec.scalar(1), Vec.of(x), Vec.of(s));
            ref.evaluate(op, Vec.of(a), Vec.scalar(1), Vec.of(x), Vec.of(q));
            for (int i = 0; i < n; i++) {
                String at = op + " alpha=" + a[i] + " x=" + x[i];
                if (op == Op.GAMMA_CDF) {
                    assertTrue(s[i] >= 0 && s[i] <= 1, at + ": P = " + s[i]);
                }
                assertTrue(!Double.isNaN(q[i]), at + ": reference NaN");
                if (s[i] != q[i]) {
                    assertEquals(q[i], s[i], 1e-13 * Math.abs(q[i]), at);
                }
            }
        }
    }

    /**
     * Beta with one small parameter (1e-4 down to 1e-250, above the tiny-parameter proxy) next to a moderate one,
     * x above the switch point: the vector prefactor's Stirling-correction increment (VectorBetaFunctions
     * .stirlingIncrementStage) as the reference's, every operation within 1e-12 (java-api's BetaTinyParameterTest
     * checks the reference against mpmath there; the plain difference of corrections was 150 % off from b = 1e-18 on).
     */
    @Test
    void betaSmallParameterMatchesReference() {
        double[] small = {1e-4, 1e-7, 1e-10, 1e-14, 1e-18, 1e-30, 1e-100, 4.733490922439829e-141, 1e-250};
        double[][] ax = {{20.87969741496312, 0.9581336638269059}, {10.353434604928191, 0.9562623813345078}, {150, 0.995},
            {8.5, 0.92}, {1e3, 0.9993}};
        int n = small.length * ax.length * 2;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] x = new double[n];
        int k = 0;
        for (double s : small) {
            for (double[] p : ax) {
                for (int swap = 0; swap < 2; swap++) {
                    a[k] = swap == 0 ? p[0] : s;
                    b[k] = swap == 0 ? s : p[0];
                    x[k++] = swap == 0 ? p[1] : 1 - p[1];
                }
            }
        }
        assertBetaMatchesReference(a, b, x);
    }

    /** Beta with one tiny parameter (IncompleteBeta.tinyParameter; the vector stages hand such lanes to the scalar code). */
    @Test
    void betaTinyParameterMatchesReference() {
        SplittableRandom r = new SplittableRandom(8);
        int n = 4001;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double tiny = i % 3 == 0 ? Double.MIN_VALUE * (1 + r.nextInt(1 << 20)) : Math.exp(Math.log(1e-300) + r.nextDouble() * Math.log(1e50));
            double other = Math.exp(Math.log(1e-5) + r.nextDouble() * Math.log(1e95));
            boolean swap = r.nextBoolean();
            a[i] = swap ? other : tiny;
            b[i] = swap ? tiny : other;
            x[i] = r.nextInt(4) == 0 ? Math.exp(-700 * r.nextDouble()) : r.nextDouble();
        }
        assertBetaMatchesReference(a, b, x);
    }

    /** Every Beta operation on SIMD equals the scalar reference within 1e-12 relative at (a, b, x), never NaN. */
    private static void assertBetaMatchesReference(double[] a, double[] b, double[] x) {
        int n = x.length;
        Irg simd = Irg.using(Backend.SIMD).threads(1);
        Irg ref = Irg.using(Backend.SCALAR).threads(1);
        for (Op op : new Op[] {Op.BETA_CDF, Op.BETA_DCDF_DA, Op.BETA_DCDF_DB, Op.BETA_GRAD_A, Op.BETA_GRAD_B}) {
            double[] s = new double[n];
            double[] q = new double[n];
            simd.evaluate(op, Vec.of(a), Vec.of(b), Vec.of(x), Vec.of(s));
            ref.evaluate(op, Vec.of(a), Vec.of(b), Vec.of(x), Vec.of(q));
            for (int i = 0; i < n; i++) {
                String at = op + " a=" + a[i] + " b=" + b[i] + " x=" + x[i];
                assertTrue(!Double.isNaN(q[i]), at + ": reference NaN");
                if (s[i] != q[i]) {
                    assertEquals(q[i], s[i], 1e-12 * Math.abs(q[i]), at);
                }
            }
        }
    }
}
