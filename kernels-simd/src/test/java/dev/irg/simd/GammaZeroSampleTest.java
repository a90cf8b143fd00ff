package dev.irg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Vec;
import dev.irg.math.GammaConstants;
import dev.irg.math.Reference;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * z = 0, a Gamma sample that underflowed (common for small alpha, in float32 most of all), in blocks mixed
 * with other regions: the SIMD kernels evaluate it in their series region (float32 and float64 arithmetic)
 * rather than the scalar edge path, and must give the reference's exact value there, +0 for the CDF, dP/da
 * and dz/da, for alpha across its range (the float kernels' range and below it), rates above and below 1,
 * and z = -0 too.
 */
class GammaZeroSampleTest {
    private static final Op[] OPS = {Op.GAMMA_CDF, Op.GAMMA_DCDF_DALPHA, Op.GAMMA_GRAD_ALPHA};

    @Test
    void zeroSampleGivesTheReferenceZeroInBothPrecisions() {
        int n = 1000;
        double[] a = new double[n];
        double[] rate = new double[n];
        double[] z = new double[n];
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            a[i] = (float) Math.exp(Math.log(GammaConstants.FLOAT_A_MIN / 100) + r.nextDouble() * Math.log(1e13));
            rate[i] = r.nextBoolean() ? 1 : (float) Math.exp(Math.log(1e-3) + r.nextDouble() * Math.log(1e6));
            z[i] = i % 3 == 0 ? (i % 2 == 0 ? 0.0 : -0.0) : (float) (a[i] / rate[i]);
        }
        Irg irg = Irg.using(Backend.SIMD).threads(1);
        for (Op op : OPS) {
            double[] out = new double[n];
            irg.evaluate(op, Vec.of(a), Vec.of(rate), Vec.of(z), Vec.of(out));
            float[] fout = new float[n];
            irg.evaluate(op, Vec.of(toFloat(a)), Vec.of(toFloat(rate)), Vec.of(toFloat(z)), Vec.of(fout));
            for (int i = 0; i < n; i += 3) {
                String at = op + " at a=" + a[i] + " rate=" + rate[i] + " z=" + z[i];
                assertEquals(0L, Double.doubleToRawLongBits(Reference.of(op).apply(a[i], rate[i], z[i])), "reference " + at);
                assertEquals(0L, Double.doubleToRawLongBits(out[i]), "F64 " + at);
                assertEquals(0, Float.floatToRawIntBits(fout[i]), "F32 " + at);
            }
        }
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
