package dev.irg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The API's contract: validation before work, broadcasting, slices, segments, backends, thread safety. */
class ApiContractTest {
    private final Irg scalar = Irg.using(Backend.SCALAR);

    @Test
    void lengthMismatchThrowsBeforeAnyWork() {
        double[] z = {1, 2, 3};
        double[] out = {7, 7};
        var e = assertThrows(IllegalArgumentException.class, () -> scalar.gamma().gradRate(Vec.scalar(1), Vec.scalar(2), Vec.of(z), Vec.of(out)));
        assertTrue(e.getMessage().contains("x has 3 elements but out has 2"), e.getMessage());
        assertArrayEquals(new double[] {7, 7}, out, "nothing written");
        var e2 = assertThrows(IllegalArgumentException.class, () -> scalar.gamma().gradAlpha(new double[2], new double[3], new double[3]));
        assertTrue(e2.getMessage().startsWith("alpha has 2 elements"), e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class, () -> scalar.beta().cdf(Vec.of(new double[3]), Vec.of(new double[4]), Vec.of(new double[3]), Vec.of(new double[3])));
        assertTrue(e3.getMessage().startsWith("b has 4 elements"), e3.getMessage());
    }

    @Test
    void nullsAndScalarsWhereArraysAreNeededThrow() {
        assertThrows(NullPointerException.class, () -> scalar.gamma().cdf((double[]) null, new double[1], new double[1]));
        var e = assertThrows(NullPointerException.class, () -> scalar.gamma().cdf(Vec.scalar(1), null, Vec.of(new double[1]), Vec.of(new double[1])));
        assertEquals("rate", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> scalar.gamma().cdf(Vec.scalar(1), Vec.scalar(1), Vec.scalar(1), Vec.of(new double[1])));
        assertThrows(IllegalArgumentException.class, () -> scalar.gamma().cdf(Vec.scalar(1), Vec.scalar(1), Vec.of(new double[1]), Vec.scalar(1)));
    }

    @Test
    void offsetsOutOfRangeThrow() {
        assertThrows(IndexOutOfBoundsException.class, () -> Vec.of(new double[4], 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> Vec.of(new float[4], -1, 2));
    }

    @Test
    void mixedPrecisionThrows() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> scalar.gamma().gradRate(Vec.of(new float[2]), Vec.scalar(1), Vec.of(new double[2]), Vec.of(new double[2])));
        assertTrue(e.getMessage().contains("same precision"), e.getMessage());
    }

    @Test
    void readOnlySegmentOutputThrows() {
        MemorySegment ro = MemorySegment.ofArray(new double[3]).asReadOnly();
        assertThrows(IllegalArgumentException.class,
                () -> scalar.gamma().gradRate(Vec.scalar(1), Vec.scalar(2), Vec.of(new double[3]), Vec.of(ro, Precision.F64)));
    }

    @Test
    void gradRateBroadcastSlicesAndSegments() {
        double[] z = {0, 1, 2, 3, 4, 5};
        double[] out = new double[6];
        Arrays.fill(out, 99);
        scalar.gamma().gradRate(Vec.scalar(1.5), Vec.scalar(2), Vec.of(z, 1, 4), Vec.of(out, 2, 4));
        assertArrayEquals(new double[] {99, 99, -0.5, -1, -1.5, -2}, out);

        float[] zf = {2, 4};
        float[] outf = new float[2];
        scalar.gamma().gradRate(Vec.scalar(1.5), Vec.of(new float[] {2, 8}), Vec.of(zf), Vec.of(outf));
        assertArrayEquals(new float[] {-1, -0.5f}, outf);

        try (Arena arena = Arena.ofConfined()) {
            MemorySegment zs = arena.allocate(ValueLayout.JAVA_DOUBLE, 3);
            MemorySegment os = arena.allocate(ValueLayout.JAVA_DOUBLE, 3);
            for (int i = 0; i < 3; i++) {
                zs.setAtIndex(ValueLayout.JAVA_DOUBLE, i, i + 1);
            }
            scalar.gamma().gradRate(Vec.scalar(3), Vec.scalar(4), Vec.of(zs, Precision.F64), Vec.of(os, Precision.F64));
            assertEquals(-0.75, os.getAtIndex(ValueLayout.JAVA_DOUBLE, 2));
        }
    }

    @Test
    void outOfDomainElementsGiveNanInTheirSlotOnly() {
        double[] alpha = {1, -1, Double.NaN, 2, 2};
        double[] rate = {1, 1, 1, 0, Double.POSITIVE_INFINITY};
        double[] z = {1, 1, 1, 1, 1};
        double[] out = new double[5];
        scalar.gamma().gradRate(Vec.of(alpha), Vec.of(rate), Vec.of(z), Vec.of(out));
        assertEquals(-1.0, out[0]);
        for (int i = 1; i < 5; i++) {
            assertTrue(Double.isNaN(out[i]), "slot " + i);
        }
    }

    /**
     * A call with two outputs: the scalar backend's Beta pairs equal the two single calls bit for bit (one evaluation
     * gives every output), other pairs run one after the other (the SPI's default), float32 included; invalid calls
     * (overlapping outputs, an output over an operand, ops of two distributions, one op twice, outputs of different
     * lengths) throw before anything is written.
     */
    @Test
    void pairsEqualTheSingleCallsAndCheckTheirOutputs() {
        var rnd = RandomGenerator.of("L64X128MixRandom");
        int n = 777;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = Math.exp(rnd.nextDouble(-5, 9));
            b[i] = Math.exp(rnd.nextDouble(-5, 9));
            x[i] = i % 50 == 0 ? -0.5 : rnd.nextDouble();
        }
        double[] ga = new double[n];
        double[] gb = new double[n];
        scalar.beta().grad(a, b, x, ga, gb);
        double[] wa = new double[n];
        double[] wb = new double[n];
        scalar.beta().gradA(a, b, x, wa);
        scalar.beta().gradB(a, b, x, wb);
        assertArrayEquals(wa, ga);
        assertArrayEquals(wb, gb);
        scalar.beta().dcdf(a, b, x, ga, gb);
        scalar.beta().dcdfDa(a, b, x, wa);
        scalar.beta().dcdfDb(a, b, x, wb);
        assertArrayEquals(wa, ga);
        assertArrayEquals(wb, gb);
        // float32, one (a, b) for every sample
        float[] xf = new float[n];
        for (int i = 0; i < n; i++) {
            xf[i] = (float) x[i];
        }
        float[] fa = new float[n];
        float[] fb = new float[n];
        float[] sa = new float[n];
        float[] sb = new float[n];
        scalar.beta().grad(3.5, 0.25, xf, fa, fb);
        scalar.beta().gradA(3.5, 0.25, xf, sa);
        scalar.beta().gradB(3.5, 0.25, xf, sb);
        assertArrayEquals(sa, fa);
        assertArrayEquals(sb, fb);
        // a pair no backend fuses: Gamma's CDF and dz/dalpha, one after the other
        double[] p = new double[n];
        double[] g = new double[n];
        scalar.evaluatePair(Op.GAMMA_CDF, Op.GAMMA_GRAD_ALPHA, Vec.of(a), Vec.scalar(2.0), Vec.of(b), Vec.of(p), Vec.of(g));
        scalar.gamma().cdf(Vec.of(a), Vec.scalar(2.0), Vec.of(b), Vec.of(wa));
        scalar.gamma().gradAlpha(Vec.of(a), Vec.scalar(2.0), Vec.of(b), Vec.of(wb));
        assertArrayEquals(wa, p);
        assertArrayEquals(wb, g);
        // invalid calls: nothing written
        double[] out = new double[n];
        Arrays.fill(out, 7);
        double[] out2 = out.clone();
        var e = assertThrows(IllegalArgumentException.class, () -> scalar.beta().grad(a, b, x, out, out));
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> scalar.beta().grad(Vec.of(a, 0, 400), Vec.of(b, 0, 400),
                Vec.of(x, 0, 400), Vec.of(out, 0, 400), Vec.of(out, 300, 400)));
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> scalar.beta().grad(a, b, x, out, x));
        assertTrue(e.getMessage().contains("the second output overlaps x"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> scalar.beta().grad(a, b, x, a, out));
        assertTrue(e.getMessage().contains("the first output overlaps a"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> scalar.evaluatePair(Op.BETA_GRAD_A, Op.GAMMA_CDF,
                Vec.of(a), Vec.of(b), Vec.of(x), Vec.of(out), Vec.of(out2)));
        assertTrue(e.getMessage().contains("different distributions"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> scalar.evaluatePair(Op.BETA_GRAD_A, Op.BETA_GRAD_A,
                Vec.of(a), Vec.of(b), Vec.of(x), Vec.of(out), Vec.of(out2)));
        assertTrue(e.getMessage().contains("two different operations"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> scalar.beta().grad(a, b, x, out, new double[n + 1]));
        assertTrue(e.getMessage().contains("the second output has " + (n + 1) + " elements but the first has " + n), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> scalar.beta().grad(Vec.of(a), Vec.of(b), Vec.of(x), Vec.of(out),
                Vec.of(new float[n])));
        assertTrue(e.getMessage().contains("both outputs of a pair have the same precision"), e.getMessage());
        double[] seven = new double[n];
        Arrays.fill(seven, 7);
        assertArrayEquals(seven, out, "nothing written");
        assertArrayEquals(seven, out2, "nothing written");
    }

    @Test
    void emptyBatchIsFine() {
        scalar.gamma().gradRate(Vec.scalar(1), Vec.scalar(1), Vec.of(new double[0]), Vec.of(new double[0]));
    }

    @Test
    void backendsAreReportedAndScalarAlwaysAvailable() {
        List<BackendInfo> infos = Irg.backends();
        assertTrue(infos.stream().anyMatch(i -> i.backend() == Backend.SCALAR && i.available()));
        assertEquals(3, infos.size(), infos.toString());
        for (BackendInfo i : infos) {
            assertTrue(!i.detail().isBlank(), i.toString());
        }
    }

    @Test
    void unavailableForcedBackendSaysWhy() {
        for (BackendInfo i : Irg.backends()) {
            if (!i.available()) {
                var e = assertThrows(IllegalStateException.class, () -> Irg.using(i.backend()));
                assertTrue(e.getMessage().contains(i.detail()), e.getMessage());
            }
        }
    }

    @Test
    void propertyForcesBackendAndBadValuesFallBackToAuto() {
        String old = System.getProperty(Irg.BACKEND_PROPERTY);
        try {
            System.setProperty(Irg.BACKEND_PROPERTY, "scalar");
            assertEquals(Backend.SCALAR, Irg.get().backend());
            System.setProperty(Irg.BACKEND_PROPERTY, "nonsense");
            assertEquals(Backend.AUTO, Irg.get().backend());
        } finally {
            if (old == null) {
                System.clearProperty(Irg.BACKEND_PROPERTY);
            } else {
                System.setProperty(Irg.BACKEND_PROPERTY, old);
            }
        }
    }

    @Test
    void parsing() {
        assertEquals(Backend.SIMD, Backend.parse("SIMD"));
        assertEquals(Precision.F32, Precision.parse("f32"));
        assertEquals(Distribution.VONMISES, Distribution.parse("vonmises"));
        assertEquals(Op.BETA_GRAD_B, Op.of(Distribution.BETA, "grad_b"));
        assertThrows(IllegalArgumentException.class, () -> Backend.parse("gpu"));
        assertThrows(IllegalArgumentException.class, () -> Op.of(Distribution.GAMMA, "grad_b"));
    }

    /** Many threads on one instance, large enough batches to be split across the pool: same result as one thread. */
    @Test
    void threadSafeAndSplitInvariant() throws Exception {
        int n = 100_003;
        RandomGenerator rng = RandomGenerator.of("L64X128MixRandom");
        double[] alpha = new double[n];
        double[] rate = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            alpha[i] = Math.exp(rng.nextDouble(-5, 5));
            rate[i] = Math.exp(rng.nextDouble(-3, 3));
            z[i] = rng.nextDouble(0, 10);
        }
        double[] expected = new double[n];
        scalar.threads(1).gamma().gradAlpha(Vec.of(alpha), Vec.of(rate), Vec.of(z), Vec.of(expected));
        Irg shared = Irg.get().threads(4);
        ExecutorService ex = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                fs.add(ex.submit(() -> {
                    double[] out = new double[n];
                    shared.gamma().gradAlpha(Vec.of(alpha), Vec.of(rate), Vec.of(z), Vec.of(out));
                    return out;
                }));
            }
            for (Future<double[]> f : fs) {
                assertArrayEquals(expected, f.get());
            }
        } finally {
            ex.shutdownNow();
        }
    }
}
