package dev.irg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Backend;
import dev.irg.Distribution;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.Vec;
import dev.irg.math.Reference;
import dev.irg.spi.Batch;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Beta pairs computed in one pass ({@link SimdKernels#evaluatePair}, {@link BetaKernels#evaluatePair}: dz/da with
 * dz/db, dI/da with dI/db, either order) against the scalar reference with the equivalence bounds of every single
 * operation ({@link Tolerances}), NaN in the same slots, every element of both outputs written; on the equivalence
 * domain (edge and invalid operands included), on samples next to the mean and the switch point (the continued
 * fraction's longest runs, up to min(a, b) = 1e8), at batch sizes around the vector and block lengths, in float64 and
 * float32; and the pair against the two single calls of the same backend.
 */
class BetaPairTest {
    private static final Op[][] PAIRS = {
        {Op.BETA_GRAD_A, Op.BETA_GRAD_B}, {Op.BETA_GRAD_B, Op.BETA_GRAD_A},
        {Op.BETA_DCDF_DA, Op.BETA_DCDF_DB}, {Op.BETA_DCDF_DB, Op.BETA_DCDF_DA},
    };

    /** Operands: the equivalence domain, then samples near the mean of Beta(a, b) with a, b up to 1e8. */
    private static double[][] inputs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] in = new double[3][n];
        for (int i = 0; i < n; i++) {
            double[] t;
            if (i % 3 == 2) {
                double a = Domains.logUniform(r, 1e-3, 1e8);
                double b = Domains.logUniform(r, 1e-3, 1e8);
                double m = a / (a + b);
                double sd = Math.sqrt(m * (b / (a + b)) / (a + b + 1));
                double sw = (a + 1) / (a + b + 2);
                double x = i % 2 == 0 ? m + sd * r.nextGaussian() : sw + 0.1 * sd * (2 * r.nextDouble() - 1);
                t = new double[] {a, b, Math.min(Math.max(x, 1e-300), 1 - 0x1p-53)};
            } else {
                t = Domains.draw(Distribution.BETA, r);
            }
            for (int k = 0; k < 3; k++) {
                in[k][i] = t[k];
            }
        }
        return in;
    }

    @Test
    void pairsMatchTheScalarReferenceAndTheSingleOperations() {
        SimdKernels k = SimdKernels.create(0);
        int[] sizes = {0, 1, 7, 15, 17, 1023, 4097, 30011};
        for (Precision pr : Precision.values()) {
            for (Op[] pair : PAIRS) {
                for (int n : sizes) {
                    double[][] in = inputs(n, 977 + n);
                    if (pr == Precision.F32) {
                        for (double[] col : in) {
                            for (int i = 0; i < n; i++) {
                                col[i] = (float) col[i];
                            }
                        }
                    }
                    Vec[] ops = new Vec[3];
                    for (int c = 0; c < 3; c++) {
                        ops[c] = vec(in[c], pr);
                    }
                    Vec out0 = filled(n, pr);
                    Vec out1 = filled(n, pr);
                    k.evaluatePair(new Batch(pair[0], pr, ops[0], ops[1], ops[2], out0, n),
                            new Batch(pair[1], pr, ops[0], ops[1], ops[2], out1, n));
                    for (int side = 0; side < 2; side++) {
                        Op op = pair[side];
                        Vec got = side == 0 ? out0 : out1;
                        Vec single = filled(n, pr);
                        k.evaluate(new Batch(op, pr, ops[0], ops[1], ops[2], single, n));
                        Reference.Fn f = Reference.of(op);
                        EquivalenceHarness.Tolerance tol = Tolerances.of(op, pr);
                        for (int i = 0; i < n; i++) {
                            double want = f.apply(in[0][i], in[1][i], in[2][i]);
                            if (pr == Precision.F32) {
                                want = (float) want;
                            }
                            double g = got.get(i);
                            String at = pr + " " + pair[0] + "+" + pair[1] + ", " + op + " at (" + in[0][i] + ", "
                                    + in[1][i] + ", " + in[2][i] + "), n = " + n;
                            assertTrue(g != EquivalenceHarness.SENTINEL64 && g != EquivalenceHarness.SENTINEL32,
                                    at + ": not written");
                            assertEquals(Double.isNaN(want), Double.isNaN(g), at + ": NaN positions");
                            if (!Double.isNaN(want)) {
                                double floor = pr == Precision.F32 ? Float.MIN_NORMAL : Double.MIN_NORMAL;
                                double scale = Math.max(Math.abs(want), floor);
                                double bound = tol.bound(in[0][i], in[1][i], in[2][i], want);
                                assertTrue(Math.abs(g - want) <= bound * scale, at + ": " + g + " against " + want
                                        + " (bound " + bound + ")");
                                // the single operation of the same backend: the same bound
                                assertTrue(Math.abs(g - single.get(i)) <= bound * scale, at + ": " + g
                                        + " against the single operation's " + single.get(i));
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void apiPairsRunOnTheSimdBackendAndCheckTheirOperands() {
        int n = 5000;
        double[][] in = inputs(n, 31);
        double[] ga = new double[n];
        double[] gb = new double[n];
        Irg simd = Irg.using(Backend.SIMD);
        simd.beta().grad(in[0], in[1], in[2], ga, gb);
        double[] sa = new double[n];
        double[] sb = new double[n];
        Irg.using(Backend.SCALAR).beta().grad(in[0], in[1], in[2], sa, sb);
        for (int i = 0; i < n; i++) {
            assertClose(Op.BETA_GRAD_A, in[0][i], in[1][i], in[2][i], sa[i], ga[i]);
            assertClose(Op.BETA_GRAD_B, in[0][i], in[1][i], in[2][i], sb[i], gb[i]);
        }
        // broadcast parameters: one (a, b) for every sample
        double[] x = new double[1001];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i + 0.5) / x.length;
        }
        double[] da = new double[x.length];
        double[] db = new double[x.length];
        simd.beta().dcdf(2.5, 700.0, x, da, db);
        for (int i = 0; i < x.length; i++) {
            assertClose(Op.BETA_DCDF_DA, 2.5, 700.0, x[i], dev.irg.math.IncompleteBeta.dcdfDa(2.5, 700.0, x[i]), da[i]);
            assertClose(Op.BETA_DCDF_DB, 2.5, 700.0, x[i], dev.irg.math.IncompleteBeta.dcdfDb(2.5, 700.0, x[i]), db[i]);
        }
        // outputs that overlap each other or an operand, ops of two distributions, one op twice: refused before any work
        double[] same = new double[n];
        assertThrows(IllegalArgumentException.class, () -> simd.beta().grad(in[0], in[1], in[2], same, same));
        assertThrows(IllegalArgumentException.class, () -> simd.beta().grad(in[0], in[1], in[2], in[2], gb));
        var e = assertThrows(IllegalArgumentException.class, () -> simd.beta().grad(Vec.of(in[0], 0, n - 10),
                Vec.of(in[1], 0, n - 10), Vec.of(in[2], 0, n - 10), Vec.of(ga, 0, n - 10), Vec.of(in[1], 10, n - 10)));
        assertTrue(e.getMessage().contains("the second output overlaps b"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> simd.evaluatePair(Op.BETA_GRAD_A, Op.GAMMA_GRAD_ALPHA,
                Vec.of(in[0]), Vec.of(in[1]), Vec.of(in[2]), Vec.of(ga), Vec.of(gb)));
        assertThrows(IllegalArgumentException.class, () -> simd.evaluatePair(Op.BETA_GRAD_A, Op.BETA_GRAD_A,
                Vec.of(in[0]), Vec.of(in[1]), Vec.of(in[2]), Vec.of(ga), Vec.of(gb)));
        assertThrows(IllegalArgumentException.class, () -> simd.beta().grad(in[0], in[1], in[2], ga, new double[n - 1]));
    }

    /** {@code got} equals the scalar {@code want} within the float64 equivalence bound of {@code op}, or both are NaN. */
    private static void assertClose(Op op, double a, double b, double x, double want, double got) {
        String at = op + " at (" + a + ", " + b + ", " + x + ")";
        assertEquals(Double.isNaN(want), Double.isNaN(got), at + ": NaN positions");
        if (!Double.isNaN(want)) {
            double bound = Tolerances.of(op, Precision.F64).bound(a, b, x, want);
            assertTrue(Math.abs(got - want) <= bound * Math.max(Math.abs(want), Double.MIN_NORMAL), at + ": " + got
                    + " against " + want);
        }
    }

    private static Vec vec(double[] a, Precision pr) {
        if (pr == Precision.F64) {
            return Vec.of(a.clone());
        }
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return Vec.of(f);
    }

    private static Vec filled(int n, Precision pr) {
        if (pr == Precision.F64) {
            double[] d = new double[n];
            java.util.Arrays.fill(d, EquivalenceHarness.SENTINEL64);
            return Vec.of(d);
        }
        float[] f = new float[n];
        java.util.Arrays.fill(f, EquivalenceHarness.SENTINEL32);
        return Vec.of(f);
    }
}
