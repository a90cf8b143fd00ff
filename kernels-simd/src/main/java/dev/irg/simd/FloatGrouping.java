package dev.irg.simd;

import static jdk.incubator.vector.VectorOperators.EQ;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Grouping of a float32 block by region in vector operations ({@link SimdKernels}' float path): the
 * region codes are floats (one per element, from {@link FloatFamily#classify}), counted with one
 * compare and one mask population count per region and vector, the operands of each region moved into
 * one run with {@code compress} (each run starting on a vector boundary, padded by repeating its last
 * element) and the results moved back with {@code expand} and a blend. Both in one pass over the block's
 * vectors: each vector is loaded once and compressed (expanded) once per occupied region.
 *
 * <p>It replaces, for float lanes, the counting sort of {@link SimdKernels.Grouping} (a byte histogram
 * and an index list, both chains of dependent loads and stores, then a scalar gather and scatter through
 * the index list), which took about a quarter of the float Gamma kernels' time on two-region blocks, and
 * 20 % on blocks of seven regions (docs/simd.md, "Grouping in vectors").
 */
final class FloatGrouping {
    private static final VectorSpecies<Float> SP = Lanes.SF;

    /** Elements per region. */
    final int[] count;
    /**
     * Region r's run is {@code start[r] .. end[r]} of the grouped arrays (a multiple of the lane count long).
     * An occupied run is followed by a vector of slack before the next one: a compressed vector is stored
     * whole, and its lanes beyond the region's must not reach the next run, which may already be written.
     */
    final int[] start;
    /** See start. */
    final int[] end;

    /** The occupied regions, in order, and the next free position of each one's run (see occupiedRegions). */
    private final int[] regionOf;
    private final int[] fill;

    /** The zero region of the block being grouped (FloatFamily.zeroRegion, from gather; -1: none). */
    private int zeroRegion = -1;

    FloatGrouping(int regions, int block) {
        count = new int[regions];
        start = new int[regions];
        end = new int[regions];
        fill = new int[regions];
        regionOf = new int[regions];
    }

    /**
     * Grouped arrays for a block of {@code block} elements and {@code regions} regions: the runs' padding
     * (less than a vector per region), a vector of slack after each run (see start) and one more
     * ({@link #scatter} loads whole vectors from the last positions of a run).
     */
    static int capacity(int block, int regions) {
        return block + (2 * regions + 1) * SP.length();
    }

    /**
     * Counts the elements of each region among {@code codes[0 .. m)} ({@code m} a multiple of the lane
     * count); returns the region holding all of them, else -1.
     */
    int count(float[] codes, int nr, int m) {
        java.util.Arrays.fill(count, 0, nr, 0);
        for (int i = 0; i < m; i += SP.length()) {
            FloatVector c = FloatVector.fromArray(SP, codes, i);
            for (int r = 0; r < nr; r++) {
                count[r] += c.compare(EQ, (float) r).trueCount();
            }
        }
        for (int r = 0; r < nr; r++) {
            if (count[r] == m) {
                return r;
            }
        }
        return -1;
    }

    /**
     * After {@link #count}: the operands of region r into {@code g0, g1, gx} at {@code start[r] ..
     * end[r]}, in their order in the block, the run's last vector padded by repeating its last element.
     * {@code p0Uniform}, {@code p1Uniform}: every p0 (p1) of the block equals p0[0] (p1[0]), a broadcast
     * operand such as the default rate or one alpha for the batch; g0 (g1) is then filled with it instead of
     * compressed. The compressed stores bound this pass (a 64-byte store at an unaligned position per region
     * and operand): on blocks of eight regions 1.75-1.93 ns per element with three operands, 1.23-1.26 with
     * two. {@code zeroRegion} (FloatFamily.zeroRegion, -1: none) is counted but gets no run: {@link #scatter}
     * writes 0 into its lanes. Returns the end of the last run, slack included.
     */
    int gather(float[] codes, int nr, int zeroRegion, int m, float[] p0, float[] p1, float[] x, float[] g0, float[] g1,
            float[] gx, boolean p0Uniform, boolean p1Uniform) {
        this.zeroRegion = zeroRegion;
        int lanes = SP.length();
        int pos = 0;
        for (int r = 0; r < nr; r++) {
            start[r] = pos;
            end[r] = r == zeroRegion ? pos : pos + (count[r] + lanes - 1) / lanes * lanes;
            pos = count[r] > 0 && r != zeroRegion ? end[r] + lanes : pos;
        }
        int k = occupiedRegions(nr);
        compress(codes, k, m, p0, p1, x, g0, g1, gx, p0Uniform, p1Uniform);
        if (p0Uniform) {
            java.util.Arrays.fill(g0, 0, pos, p0[0]);
        }
        if (p1Uniform) {
            java.util.Arrays.fill(g1, 0, pos, p1[0]);
        }
        for (int q = 0; q < k; q++) {
            int at = fill[q];
            int e = end[regionOf[q]];
            java.util.Arrays.fill(g0, at, e, g0[at - 1]);
            java.util.Arrays.fill(g1, at, e, g1[at - 1]);
            java.util.Arrays.fill(gx, at, e, gx[at - 1]);
        }
        return pos;
    }

    /**
     * The pass of gather over the block's vectors for the k occupied regions; p0 and p1 only where not
     * uniform (loop-invariant tests the JIT unswitches: with three operands GroupingTime measures the same
     * gather time as a loop without the tests, 1.80-1.94 against 1.75-1.93 ns per element).
     */
    private void compress(float[] codes, int k, int m, float[] p0, float[] p1, float[] x, float[] g0, float[] g1,
            float[] gx, boolean p0Uniform, boolean p1Uniform) {
        for (int i = 0; i < m; i += SP.length()) {
            FloatVector c = FloatVector.fromArray(SP, codes, i);
            FloatVector v0 = FloatVector.fromArray(SP, p0, i);
            FloatVector v1 = FloatVector.fromArray(SP, p1, i);
            FloatVector vx = FloatVector.fromArray(SP, x, i);
            for (int q = 0; q < k; q++) {
                int at = fill[q];
                VectorMask<Float> in = c.compare(EQ, (float) regionOf[q]);
                if (!p0Uniform) {
                    v0.compress(in).intoArray(g0, at);
                }
                if (!p1Uniform) {
                    v1.compress(in).intoArray(g1, at);
                }
                vx.compress(in).intoArray(gx, at);
                fill[q] = at + in.trueCount();
            }
        }
    }

    /** The occupied regions but the zero region into regionOf[0 .. k) and their runs' starts into fill[0 .. k); returns k. */
    private int occupiedRegions(int nr) {
        int k = 0;
        for (int r = 0; r < nr; r++) {
            if (count[r] > 0 && r != zeroRegion) {
                regionOf[k] = r;
                fill[k++] = start[r];
            }
        }
        return k;
    }

    /**
     * The inverse of {@link #gather} (of the same block) for the results: {@code out[i]} from region {@code codes[i]}'s
     * run in {@code gout}, 0 in the zero region's lanes.
     */
    void scatter(float[] codes, int nr, int m, float[] gout, float[] out) {
        int k = occupiedRegions(nr);
        float zero = zeroRegion >= 0 && count[zeroRegion] > 0 ? zeroRegion : Float.NaN; // NaN equals no code
        for (int i = 0; i < m; i += SP.length()) {
            FloatVector c = FloatVector.fromArray(SP, codes, i);
            FloatVector o = c.blend(0.0f, c.compare(EQ, zero));
            for (int q = 0; q < k; q++) {
                int at = fill[q];
                VectorMask<Float> in = c.compare(EQ, (float) regionOf[q]);
                o = o.blend(FloatVector.fromArray(SP, gout, at).expand(in), in);
                fill[q] = at + in.trueCount();
            }
            o.intoArray(out, i);
        }
    }
}
