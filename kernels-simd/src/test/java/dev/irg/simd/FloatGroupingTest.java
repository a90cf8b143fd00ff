package dev.irg.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * FloatGrouping, the float path's grouping by region: for blocks of every size (whole vectors) and one
 * to seven occupied regions, each region's run holds exactly its elements in block order (no run's
 * whole-vector stores overwrite another's), starts on a vector boundary and is padded with its last
 * element (with a uniform p0 or p1 too, which gather fills instead of compressing), and scatter puts
 * every result back in its slot; a zero region (FloatFamily.zeroRegion), when given, is counted, gets an empty
 * run, and its lanes come back as 0.
 */
class FloatGroupingTest {
    private static final int REGIONS = 7;

    @Test
    void runsHoldEachRegionInOrderAndResultsReturnToTheirSlots() {
        int lanes = Lanes.SF.length();
        int block = SimdKernels.BLOCK;
        FloatGrouping g = new FloatGrouping(REGIONS, block);
        int cap = FloatGrouping.capacity(block, REGIONS);
        SplittableRandom rnd = new SplittableRandom(31);
        for (int occupied = 1; occupied <= REGIONS; occupied++) {
            for (int m = lanes; m <= block; m += lanes * (1 + rnd.nextInt(5))) {
                int[] used = rnd.ints(0, REGIONS).distinct().limit(occupied).toArray();
                float[] codes = new float[block];
                float[] p0 = new float[block];
                float[] p1 = new float[block];
                float[] x = new float[block];
                for (int i = 0; i < m; i++) {
                    // skewed mixes too: one region may hold almost all elements
                    codes[i] = used[rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(occupied)];
                    p0[i] = i;
                    p1[i] = -i;
                    x[i] = 1000 + i;
                }
                String at = "occupied " + occupied + " m " + m;
                int only = g.count(codes, REGIONS, m);
                int present = 0;
                for (int r = 0; r < REGIONS; r++) {
                    present += g.count[r] > 0 ? 1 : 0;
                }
                assertEquals(present == 1 ? (int) codes[0] : -1, only, at);
                float[] g0 = new float[cap];
                float[] g1 = new float[cap];
                float[] gx = new float[cap];
                // p0 or p1 the same for the whole block (a broadcast operand), which gather fills
                boolean uniform0 = rnd.nextInt(4) == 0;
                boolean uniform1 = rnd.nextBoolean();
                if (uniform0) {
                    java.util.Arrays.fill(p0, 0, m, 3f);
                }
                if (uniform1) {
                    java.util.Arrays.fill(p1, 0, m, -7f);
                }
                // half the blocks with a zero region, most often an occupied one
                int zero = rnd.nextBoolean() ? -1 : rnd.nextInt(3) > 0 ? used[rnd.nextInt(occupied)] : rnd.nextInt(REGIONS);
                at += " zero region " + zero;
                int total = g.gather(codes, REGIONS, zero, m, p0, p1, x, g0, g1, gx, uniform0, uniform1);
                assertTrue(total <= cap, at);
                float[] gout = new float[cap];
                for (int r = 0; r < REGIONS; r++) {
                    List<Integer> want = new ArrayList<>();
                    for (int i = 0; i < m; i++) {
                        if (codes[i] == r) {
                            want.add(i);
                        }
                    }
                    assertEquals(want.size(), g.count[r], at);
                    int s = g.start[r];
                    int e = g.end[r];
                    assertEquals(0, s % lanes, at + " region " + r + " start");
                    assertEquals(r == zero ? 0 : (want.size() + lanes - 1) / lanes * lanes, e - s, at + " region " + r + " length");
                    for (int j = s; j < e; j++) {
                        int i = want.get(Math.min(j - s, want.size() - 1)); // padding repeats the last element
                        assertEquals(p0[i], g0[j], at + " region " + r + " slot " + j);
                        assertEquals(p1[i], g1[j], at);
                        assertEquals(x[i], gx[j], at);
                        gout[j] = 10 * r + 0.25f * (x[i] - 1000); // i: exact in float for these i
                    }
                }
                float[] out = new float[m];
                g.scatter(codes, REGIONS, m, gout, out);
                float[] expected = new float[m];
                for (int i = 0; i < m; i++) {
                    expected[i] = codes[i] == zero ? 0 : 10 * codes[i] + 0.25f * i;
                }
                assertArrayEquals(expected, out, at);
            }
        }
    }
}
