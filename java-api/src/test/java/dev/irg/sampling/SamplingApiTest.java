package dev.irg.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Sampling;
import dev.irg.Vec;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Reproducibility (splits, threads, offsets, precisions), domain handling and misuse of the sampling API. */
class SamplingApiTest {
    static final Irg ONE = Irg.using(Backend.SCALAR).threads(1);
    static final Irg TWO = Irg.using(Backend.SCALAR).threads(2);

    /** Calls one family's sampler with seed s on n elements (rows for Dirichlet) from {@code first}. */
    interface Call {
        double[] run(Sampling s, long seed, int n);
    }

    static final Call[] CALLS = {
        (s, seed, n) -> s.gamma(seed, 0.37, 2.0, n),
        (s, seed, n) -> s.gamma(seed, 5.5, 1.0, n),
        (s, seed, n) -> s.gammaLog(seed, 1e-4, 1.0, n),
        (s, seed, n) -> s.beta(seed, 0.01, 3.0, n),
        (s, seed, n) -> s.vonMises(seed, 1e5, 0.3, n),
        (s, seed, n) -> s.vonMises(seed, 0.7, 0, n),
        (s, seed, n) -> s.dirichlet(seed, new double[] {0.2, 1, 3}, n),
    };

    @Test
    void sameSamplesWhateverTheThreadCount() {
        int n = 40_000; // above 2 x Sampling.MIN_ELEMENTS_PER_TASK: the two-thread call splits
        for (Call c : CALLS) {
            assertArrayEquals(c.run(ONE.sampling(), 99, n), c.run(TWO.sampling(), 99, n));
        }
    }

    @Test
    void sameSamplesWhateverTheBatchSplit() {
        int n = 1000;
        for (Call c : CALLS) {
            double[] whole = c.run(ONE.sampling(), 5, n);
            int per = whole.length / n;
            for (int cut : new int[] {0, 1, 333, 999}) {
                double[] a = c.run(ONE.sampling(), 5, cut);
                double[] b = c.run(ONE.sampling().startingAt(cut), 5, n - cut);
                assertArrayEquals(Arrays.copyOfRange(whole, 0, cut * per), a);
                assertArrayEquals(Arrays.copyOfRange(whole, cut * per, n * per), b);
            }
        }
    }

    @Test
    void seedsGiveDifferentStreams() {
        for (Call c : CALLS) {
            double[] a = c.run(ONE.sampling(), 1, 64);
            double[] b = c.run(ONE.sampling(), 2, 64);
            int same = 0;
            for (int i = 0; i < a.length; i++) {
                same += a[i] == b[i] ? 1 : 0;
            }
            assertTrue(same < 3, "seeds 1 and 2 agree in " + same + " places");
        }
    }

    /** Element i depends only on (seed, i) and its own parameters: per-element arrays agree with broadcasts. */
    @Test
    void perElementParametersMatchBroadcasts() {
        int n = 500;
        double[] alpha = new double[n], rate = new double[n], kappa = new double[n], loc = new double[n];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            alpha[i] = Math.exp(r.nextDouble(-9, 9));
            rate[i] = Math.exp(r.nextDouble(-3, 3));
            kappa[i] = Math.exp(r.nextDouble(-9, 12));
            loc[i] = r.nextDouble(-3, 3);
        }
        Sampling s = ONE.sampling();
        double[] g = new double[n], lg = new double[n], b = new double[n], v = new double[n];
        s.gamma(8, Vec.of(alpha), Vec.of(rate), Vec.of(g));
        s.gammaLog(8, Vec.of(alpha), Vec.of(rate), Vec.of(lg));
        s.beta(8, Vec.of(alpha), Vec.of(rate), Vec.of(b));
        s.vonMises(8, Vec.of(kappa), Vec.of(loc), Vec.of(v));
        for (int i : new int[] {0, 1, 17, 250, 499}) {
            assertEquals(s.gamma(8, alpha[i], rate[i], n)[i], g[i]);
            assertEquals(s.gammaLog(8, alpha[i], rate[i], n)[i], lg[i]);
            assertEquals(s.beta(8, alpha[i], rate[i], n)[i], b[i]);
            assertEquals(s.vonMises(8, kappa[i], loc[i], n)[i], v[i]);
        }
    }

    /** float32 samples are the float64 samples rounded once (scalar backend). */
    @Test
    void float32IsRoundedFloat64() {
        int n = 300;
        Sampling s = ONE.sampling();
        float[] z = new float[n];
        s.gamma(4, Vec.scalar(0.8), Vec.scalar(1), Vec.of(z));
        double[] zd = s.gamma(4, 0.8, 1, n);
        float[] v = new float[n];
        s.vonMises(4, Vec.scalar(3), Vec.scalar(0), Vec.of(v));
        double[] vd = s.vonMises(4, 3, 0, n);
        float[] d = new float[3 * n];
        s.dirichlet(4, 3, Vec.of(new float[] {0.5f, 2f, 7f}), Vec.of(d));
        double[] dd = s.dirichlet(4, new double[] {0.5, 2, 7}, n);
        for (int i = 0; i < n; i++) {
            assertEquals((float) zd[i], z[i]);
            assertEquals((float) vd[i], v[i]);
            assertEquals((float) dd[i], d[i]);
        }
    }

    @Test
    void memorySegmentsWork() {
        int n = 100;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(8L * n);
            ONE.sampling().beta(6, Vec.scalar(2), Vec.scalar(3), Vec.of(seg, dev.irg.Precision.F64));
            double[] ref = ONE.sampling().beta(6, 2, 3, n);
            for (int i = 0; i < n; i++) {
                assertEquals(ref[i], seg.getAtIndex(ValueLayout.JAVA_DOUBLE, i));
            }
        }
    }

    @Test
    void invalidParametersGiveNaNInTheirSlotOnly() {
        double[] alpha = {1, 0, -1, Double.NaN, Double.POSITIVE_INFINITY, 2};
        double[] rate = {1, 1, 1, 1, 1, 1};
        double[] z = new double[6], lz = new double[6], b = new double[6], v = new double[6];
        Sampling s = ONE.sampling();
        s.gamma(1, Vec.of(alpha), Vec.of(rate), Vec.of(z));
        s.gammaLog(1, Vec.of(alpha), Vec.of(rate), Vec.of(lz));
        s.beta(1, Vec.of(alpha), Vec.scalar(1), Vec.of(b));
        s.vonMises(1, Vec.of(new double[] {1, -1, Double.NaN, Double.POSITIVE_INFINITY, 0, 3}), Vec.scalar(0), Vec.of(v));
        for (int i = 1; i <= 4; i++) {
            assertTrue(Double.isNaN(z[i]) && Double.isNaN(lz[i]) && Double.isNaN(b[i]), "slot " + i);
        }
        assertTrue(Double.isNaN(v[1]) && Double.isNaN(v[2]) && Double.isNaN(v[3]));
        for (int i : new int[] {0, 5}) {
            assertTrue(z[i] > 0 && Double.isFinite(lz[i]) && b[i] > 0 && b[i] < 1, "slot " + i);
        }
        assertTrue(Double.isFinite(v[0]) && Double.isFinite(v[4]) && Double.isFinite(v[5]));
        double[] bad = s.gamma(1, 2, -1, 3);
        assertTrue(Double.isNaN(bad[0]));
        double[] d = new double[6];
        s.dirichlet(1, 3, Vec.of(new double[] {1, 1, 1, 1, -1, 1}), Vec.of(d));
        assertTrue(Double.isFinite(d[0]) && Double.isFinite(d[2]));
        assertTrue(Double.isNaN(d[3]) && Double.isNaN(d[4]) && Double.isNaN(d[5]));
    }

    @Test
    void misuseThrowsBeforeAnyWork() {
        Sampling s = ONE.sampling();
        double[] z = new double[10];
        Arrays.fill(z, 7);
        assertThrows(IllegalArgumentException.class, () -> s.gamma(1, Vec.of(new double[9]), Vec.scalar(1), Vec.of(z)));
        assertThrows(IllegalArgumentException.class, () -> s.gamma(1, Vec.of(new float[10]), Vec.scalar(1), Vec.of(z)));
        assertThrows(IllegalArgumentException.class, () -> s.gammaRsample(1, Vec.scalar(1), Vec.scalar(1), Vec.of(z), Vec.of(new double[3]), null));
        assertThrows(NullPointerException.class, () -> s.beta(1, null, Vec.scalar(1), Vec.of(z)));
        assertThrows(IllegalArgumentException.class, () -> s.vonMises(1, Vec.scalar(1), Vec.scalar(0), Vec.scalar(0)));
        assertThrows(IllegalArgumentException.class, () -> s.dirichlet(1, 3, Vec.scalar(1), Vec.of(z)));
        assertThrows(IllegalArgumentException.class, () -> s.dirichlet(1, 0, Vec.scalar(1), Vec.of(z)));
        assertThrows(IllegalArgumentException.class, () -> s.dirichlet(1, 5, Vec.of(new double[3]), Vec.of(z)));
        assertThrows(IllegalArgumentException.class, () -> s.startingAt(-1));
        assertThrows(IllegalArgumentException.class, () -> s.gamma(1, Vec.scalar(1), Vec.scalar(1),
                Vec.of(MemorySegment.ofArray(new double[4]).asReadOnly(), dev.irg.Precision.F64)));
        for (double v : z) {
            assertEquals(7, v);
        }
        s.gamma(1, Vec.scalar(1), Vec.scalar(1), Vec.of(new double[0])); // empty batch: nothing to do
    }

    /** The VJP equals the explicit product with the Jacobian (delta_ij - z_i) h_j, for any factor h. */
    @Test
    void dirichletVjpMatchesTheJacobian() {
        int k = 5, rows = 7;
        SplittableRandom r = new SplittableRandom(2);
        double[] z = ONE.sampling().dirichlet(3, new double[] {0.3, 1, 2, 4, 0.05}, rows);
        double[] h = new double[rows * k], u = new double[rows * k], out = new double[rows * k];
        for (int i = 0; i < h.length; i++) {
            h[i] = r.nextDouble(-2, 2);
            u[i] = r.nextDouble(-2, 2);
        }
        Sampling.dirichletVjp(k, Vec.of(z), Vec.of(h), Vec.of(u), Vec.of(out));
        for (int row = 0; row < rows; row++) {
            for (int j = 0; j < k; j++) {
                double e = 0;
                for (int i = 0; i < k; i++) {
                    e += u[row * k + i] * ((i == j ? 1 : 0) - z[row * k + i]) * h[row * k + j];
                }
                assertEquals(e, out[row * k + j], 1e-14 * (1 + Math.abs(e)));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Sampling.dirichletVjp(k, Vec.of(z), Vec.of(h), Vec.of(new double[3]), Vec.of(out)));
    }

    /** Under AUTO with no sampling backend on the class path (this module alone) the scalar samplers run. */
    @Test
    void autoFallsBackToTheScalarSamplers() {
        Sampling auto = Irg.using(Backend.AUTO).sampling();
        assertArrayEquals(ONE.sampling().gamma(31, 3.5, 2, 100), auto.gamma(31, 3.5, 2, 100));
        assertEquals(Backend.SCALAR, auto.backendFor(dev.irg.spi.SamplerKernels.Kind.BETA, false, dev.irg.Precision.F32, 1 << 20));
    }

    @Test
    void irgReportsTheSamplingBackend() {
        assertEquals(Backend.SCALAR, ONE.sampling().backendFor(dev.irg.spi.SamplerKernels.Kind.GAMMA, true, dev.irg.Precision.F64, 1000));
    }
}
