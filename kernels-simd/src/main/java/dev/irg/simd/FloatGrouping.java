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
 * element) and the results moved back with {@code expand} and a blend.
 *
 * <p>It replaces, for float lanes, the counting sort of {@link SimdKernels.Grouping} (a byte histogram
 * and an index list, both chains of dependent loads and stores, then a scalar gather and scatter through
 * the index list), which took about a quarter of the float Gamma kernels' time on two-region blocks
 * (docs/simd.md, "Grouping in vectors").
 */
final class FloatGrouping {
    private static final VectorSpecies<Float> SP = Lanes.SF;

    /**
     * Blocks with at most this many occupied regions are grouped by compress and expand, the others
     * through an index list: compress costs one pass over the block's vectors per occupied region, the
     * index list a fixed amount per element, and on the RegionTime inputs the two break even at about
     * four regions (docs/simd.md, "Grouping in vectors").
     */
    static final int VECTOR_MAX_REGIONS = 3;

    /** Elements per region. */
    final int[] count;
    /** Region r's run is {@code start[r] .. start[r+1]} of the grouped arrays (a multiple of the lane count long). */
    final int[] start;

    /** Index list of the counting sort (blocks with more than VECTOR_MAX_REGIONS occupied regions). */
    private final int[] perm;
    private final int[] fill;
    /** Whether the last {@link #gather} used compress (else the index list). */
    private boolean compressed;

    FloatGrouping(int regions, int block) {
        count = new int[regions];
        start = new int[regions + 1];
        fill = new int[regions];
        perm = new int[capacity(block, regions)];
    }

    /**
     * Grouped arrays for a block of {@code block} elements and {@code regions} regions: the runs' padding
     * (less than a vector per region) and a vector of slack (a compressed vector is stored whole, and
     * {@link #scatter} loads whole vectors from the last positions of a run).
     */
    static int capacity(int block, int regions) {
        return block + (regions + 1) * SP.length();
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
     * start[r+1]}, in their order in the block, the run's last vector padded by repeating its last
     * element. Returns the total length of the runs.
     */
    int gather(float[] codes, int nr, int m, float[] p0, float[] p1, float[] x, float[] g0, float[] g1, float[] gx) {
        int lanes = SP.length();
        int occupied = 0;
        int pos = 0;
        for (int r = 0; r < nr; r++) {
            start[r] = pos;
            pos += (count[r] + lanes - 1) / lanes * lanes;
            occupied += count[r] > 0 ? 1 : 0;
        }
        start[nr] = pos;
        compressed = occupied <= VECTOR_MAX_REGIONS;
        if (compressed) {
            for (int r = 0; r < nr; r++) {
                if (count[r] > 0) {
                    compressRun(codes, r, m, p0, p1, x, g0, g1, gx);
                }
            }
        } else {
            indexRuns(codes, nr, m);
            for (int j = 0; j < start[nr]; j++) {
                int i = perm[j];
                g0[j] = p0[i];
                g1[j] = p1[i];
                gx[j] = x[i];
            }
        }
        return start[nr];
    }

    /** Region r's operands into its run by compress, in the block's order; the last vector padded. */
    private void compressRun(float[] codes, int r, int m, float[] p0, float[] p1, float[] x, float[] g0, float[] g1,
            float[] gx) {
        float code = r;
        int pos = start[r];
        for (int i = 0; i < m; i += SP.length()) {
            VectorMask<Float> in = FloatVector.fromArray(SP, codes, i).compare(EQ, code);
            FloatVector.fromArray(SP, p0, i).compress(in).intoArray(g0, pos);
            FloatVector.fromArray(SP, p1, i).compress(in).intoArray(g1, pos);
            FloatVector.fromArray(SP, x, i).compress(in).intoArray(gx, pos);
            pos += in.trueCount();
        }
        int end = start[r + 1];
        java.util.Arrays.fill(g0, pos, end, g0[pos - 1]);
        java.util.Arrays.fill(g1, pos, end, g1[pos - 1]);
        java.util.Arrays.fill(gx, pos, end, gx[pos - 1]);
    }

    /** The index list of the counting sort: region r's block indices at perm[start[r] ..], its run padded by repeating its last. */
    private void indexRuns(float[] codes, int nr, int m) {
        System.arraycopy(start, 0, fill, 0, nr);
        for (int i = 0; i < m; i++) {
            perm[fill[(int) codes[i]]++] = i;
        }
        for (int r = 0; r < nr; r++) {
            for (int j = fill[r]; j < start[r + 1]; j++) {
                perm[j] = perm[fill[r] - 1];
            }
        }
    }

    /** The inverse of {@link #gather} for the results: {@code out[i]} from region {@code codes[i]}'s run in {@code gout}. */
    void scatter(float[] codes, int nr, int m, float[] gout, float[] out) {
        if (!compressed) {
            for (int j = 0; j < start[nr]; j++) {
                out[perm[j]] = gout[j];
            }
            return;
        }
        for (int r = 0; r < nr; r++) {
            if (count[r] == 0) {
                continue;
            }
            float code = r;
            int pos = start[r];
            for (int i = 0; i < m; i += SP.length()) {
                VectorMask<Float> in = FloatVector.fromArray(SP, codes, i).compare(EQ, code);
                FloatVector e = FloatVector.fromArray(SP, gout, pos).expand(in);
                FloatVector.fromArray(SP, out, i).blend(e, in).intoArray(out, i);
                pos += in.trueCount();
            }
        }
    }
}
