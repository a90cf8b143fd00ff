package dev.irg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.irg.Distribution;
import dev.irg.Op;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The vector classification of {@link BetaKernels} against its scalar specification
 * {@link BetaKernels#driverRegion} (IncompleteBeta.classify plus the bands), element by element, on
 * the equivalence domain (edge and out-of-domain operands included) and on points exactly at the
 * band edges; every region is reached.
 */
class BetaKernelsTest {

    @Test
    void vectorClassifyEqualsScalarRegions() {
        BetaKernels f = new BetaKernels();
        int m = SimdKernels.BLOCK;
        double[] a = new double[m];
        double[] b = new double[m];
        double[] x = new double[m];
        byte[] region = new byte[m];
        int[] seen = new int[f.regions()];
        SplittableRandom r = new SplittableRandom(41);
        for (int block = 0; block < 400; block++) {
            for (int i = 0; i < m; i++) {
                double[] t = Domains.draw(Distribution.BETA, r);
                a[i] = t[0];
                b[i] = t[1];
                x[i] = t[2];
                if (r.nextInt(16) == 0) {
                    // exactly on a series band edge: u (1 + q) = key with u = x on the lower side
                    double key = r.nextBoolean() ? BetaKernels.SERIES_SHORT_KEY : BetaKernels.SERIES_MID_KEY;
                    b[i] = 3.0;
                    a[i] = 50.0;
                    x[i] = key / 4.0;
                }
            }
            f.classify(Op.BETA_CDF, a, b, x, region, m);
            for (int i = 0; i < m; i++) {
                int want = BetaKernels.driverRegion(a[i], b[i], x[i]);
                assertEquals(want, region[i], "region of (" + a[i] + ", " + b[i] + ", " + x[i] + ")");
                seen[want]++;
            }
        }
        for (int c = 0; c < seen.length; c++) {
            assertEquals(true, seen[c] > 0, "region " + c + " never reached");
        }
    }

    /**
     * Parameters above BetaKernels.PARAMETER_VECTOR_MAX go to the scalar code (the vector stages form
     * products of three parameters): every operation gives the scalar reference's value or NaN.
     */
    @Test
    void hugeParametersGiveTheScalarResult() {
        double[] big = {1e99, 1e101, 1e150, 1e200, 1e300, Double.MAX_VALUE};
        double[] other = {1e-4, 0.5, 3, 1e6};
        double[] xs = {1e-300, 1e-9, 0.25, 0.5, 0.999, 1 - 1e-12};
        int n = 2 * big.length * other.length * xs.length;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] x = new double[n];
        int i = 0;
        for (double g : big) {
            for (double o : other) {
                for (double xx : xs) {
                    a[i] = g;
                    b[i] = o;
                    x[i++] = xx;
                    a[i] = o;
                    b[i] = g;
                    x[i++] = xx;
                }
            }
        }
        SimdKernels k = SimdKernels.create(0);
        for (Op op : Distribution.BETA.ops()) {
            double[] out = new double[n];
            k.evaluate(new dev.irg.spi.Batch(op, dev.irg.Precision.F64, dev.irg.Vec.of(a), dev.irg.Vec.of(b),
                    dev.irg.Vec.of(x), dev.irg.Vec.of(out), n));
            dev.irg.math.Reference.Fn f = dev.irg.math.Reference.of(op);
            for (int j = 0; j < n; j++) {
                double want = f.apply(a[j], b[j], x[j]);
                String at = op + " at (" + a[j] + ", " + b[j] + ", " + x[j] + ")";
                if (Double.isNaN(want) || Double.isNaN(out[j])) {
                    assertEquals(Double.isNaN(want), Double.isNaN(out[j]), at + ": NaN positions");
                } else {
                    assertEquals(want, out[j], 1e-12 * Math.max(Math.abs(want), Double.MIN_NORMAL), at);
                }
            }
        }
    }
}
