package dev.irg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Distribution;
import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.Vec;
import dev.irg.spi.Batch;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The driver's grouping of a block by region: every region's evaluation sees only its own elements,
 * on vector boundaries, and every result lands back in its slot, for mixes from one region to all.
 */
class RegionGroupingTest {

    /** Region of x in [0, 3): floor(x); out = 100 * region + x, so a misplaced result is visible. */
    static final class ThreeRegions implements Family {
        final int lanes;
        final AtomicInteger misrouted = new AtomicInteger();
        final AtomicInteger unaligned = new AtomicInteger();

        ThreeRegions(int lanes) {
            this.lanes = lanes;
        }

        @Override
        public int regions() {
            return 3;
        }

        @Override
        public boolean has(Op op) {
            return op == Op.GAMMA_CDF;
        }

        @Override
        public void classify(Op op, double[] p0, double[] p1, double[] x, byte[] region, int m) {
            for (int i = 0; i < m; i++) {
                region[i] = (byte) Math.min(2, Math.max(0, (int) Math.floor(x[i])));
            }
        }

        @Override
        public void evaluate(Op op, int region, double[] p0, double[] p1, double[] x, double[] out, int from, int to) {
            if (from % lanes != 0 || to % lanes != 0) {
                unaligned.incrementAndGet();
            }
            for (int i = from; i < to; i++) {
                int r = (int) Math.min(2, Math.max(0, Math.floor(x[i])));
                if (r != region) {
                    misrouted.incrementAndGet();
                }
                out[i] = 100 * region + x[i];
            }
        }
    }

    @Test
    void everyElementEvaluatedInItsRegionAndReturnedToItsSlot() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int w : EquivalenceHarness.testWidths()) {
            SimdKernels base = SimdKernels.create(w);
            ThreeRegions f = new ThreeRegions(base.species().length());
            SimdKernels k = base.with(Distribution.GAMMA, f);
            for (int n : new int[] {1, 5, 17, 511, 512, 513, 1500, 5000}) {
                for (int mix = 0; mix < 4; mix++) {
                    double[] x = new double[n];
                    for (int i = 0; i < n; i++) {
                        x[i] = mix == 3 ? 3 * rnd.nextDouble() : mix + rnd.nextDouble(); // one region, or all three
                    }
                    double[] out = new double[n];
                    k.evaluate(new Batch(Op.GAMMA_CDF, Precision.F64, Vec.scalar(1), Vec.scalar(1), Vec.of(x), Vec.of(out), n));
                    for (int i = 0; i < n; i++) {
                        assertEquals(100 * Math.min(2, (int) x[i]) + x[i], out[i], 0.0, "width " + w + " n " + n + " element " + i);
                    }
                }
            }
            assertEquals(0, f.misrouted.get(), "elements evaluated in another region's run");
            assertEquals(0, f.unaligned.get(), "region runs not on vector boundaries");
            assertTrue(k.supports(Op.GAMMA_CDF, Precision.F32));
        }
    }
}
