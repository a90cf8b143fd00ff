package dev.irg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
     * Large parameters (a, b log-uniform in [1e6, 1e14]) next to the switch point, where the continued
     * fraction needs up to ~1e5 steps and each lane stops at its own cap (IncompleteBeta.fractionCap;
     * beyond min(a, b) ~ 1e13 the ceiling is reached: NaN), within a few sd of it and in the tails:
     * every operation equals the scalar reference within 1e-12 relative, NaN in the same slots.
     */
    @Test
    void largeParametersMatchTheScalarReference() {
        SplittableRandom r = new SplittableRandom(1729);
        int n = 240;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = Domains.logUniform(r, 1e6, 1e14);
            b[i] = Domains.logUniform(r, 1e6, 1e14);
            double m = a[i] / (a[i] + b[i]);
            double sd = Math.sqrt(m * (b[i] / (a[i] + b[i])) / (a[i] + b[i] + 1));
            double sw = (a[i] + 1) / (a[i] + b[i] + 2);
            x[i] = switch (i % 4) {
                case 0 -> sw;
                case 1 -> sw + 0.05 * sd * (2 * r.nextDouble() - 1);
                case 2 -> m + 4 * sd * (2 * r.nextDouble() - 1);
                default -> m + sd * (r.nextBoolean() ? 1 : -1) * Domains.logUniform(r, 4, 30);
            };
        }
        assertMatchesReference(a, b, x, n);
    }

    /**
     * Parameters from BetaKernels.PARAMETER_VECTOR_MAX on go to the scalar code (the vector stages form
     * products of three parameters): every operation gives the scalar reference's value or NaN.
     */
    @Test
    void hugeParametersGiveTheScalarResult() {
        double[] big = {1e96, 0x1p320, 1e99, 1e101, 1e150, 1e200, 1e300, Double.MAX_VALUE};
        double[] other = {1e-4, 0.5, 3, 1e6, 1e160, 1e300};
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
        assertMatchesReference(a, b, x, n);
    }

    private static void assertMatchesReference(double[] a, double[] b, double[] x, int n) {
        SimdKernels k = SimdKernels.create(0);
        for (Op op : Distribution.BETA.ops()) {
            double[] out = new double[n];
            k.evaluate(new dev.irg.spi.Batch(op, dev.irg.Precision.F64, dev.irg.Vec.of(a), dev.irg.Vec.of(b),
                    dev.irg.Vec.of(x), dev.irg.Vec.of(out), n));
            dev.irg.math.Reference.Fn f = dev.irg.math.Reference.of(op);
            for (int j = 0; j < n; j++) {
                double want = f.apply(a[j], b[j], x[j]);
                String at = op + " at (" + a[j] + ", " + b[j] + ", " + x[j] + ")";
                double lo = Math.min(a[j], b[j]);
                if (Math.max(a[j], b[j]) >= dev.irg.math.BetaConstants.GAMMA_LIMIT_MIN && x[j] > 0 && x[j] < 1
                        && (lo <= 1e6 || lo >= dev.irg.math.BetaConstants.BOTH_HUGE_MIN)) {
                    // one huge parameter next to one <= 1e6 (IncompleteBeta.gammaLimit) or both huge
                    // (IncompleteBeta.bothHugeTail): never NaN
                    assertTrue(!Double.isNaN(out[j]), at + ": NaN");
                }
                if (Double.isNaN(want) || Double.isNaN(out[j])) {
                    assertEquals(Double.isNaN(want), Double.isNaN(out[j]), at + ": NaN positions");
                } else {
                    assertEquals(want, out[j], 1e-12 * Math.max(Math.abs(want), Double.MIN_NORMAL), at);
                }
            }
        }
    }
}
