package dev.irg.simd;

import dev.irg.Op;

/**
 * Float32-arithmetic kernels of one distribution (docs/simd.md, "float32 arithmetic"), driven by
 * {@link SimdKernels} for float32 batches of the operations in {@link #has}: {@link #classify} assigns
 * every element a region; region {@link #WIDEN} (invalid input, edges, and the hard places where float
 * arithmetic does not meet the float32 limits) is evaluated by the distribution's float64
 * {@link Family} on the widened operands, every other region by {@link #evaluate} in float lanes.
 * Arrays hold whole vectors of {@link Lanes#SF}: {@code from} and {@code to} are multiples of its lane count.
 */
interface FloatFamily {
    /** The region evaluated by the float64 kernels. */
    int WIDEN = 0;

    /** Number of regions {@link #classify} can return (codes {@code 0 .. regions()-1}, {@link #WIDEN} included). */
    int regions();

    /** Whether {@code op} has float-arithmetic kernels. */
    boolean has(Op op);

    /**
     * Writes the region of elements {@code 0 .. m-1} into {@code codes}, as floats (the region number
     * exactly; {@link FloatGrouping} compares them in float lanes).
     */
    void classify(Op op, float[] p0, float[] p1, float[] x, float[] codes, int m);

    /**
     * A region whose every result is +0 (-1: none), such as Gamma's z = 0: {@link FloatGrouping} neither groups
     * it nor asks {@link #evaluate} for it, the scatter writes 0 into its lanes. On blocks where it is occupied
     * at all it would cost a full region of the grouping pass (compresses and expands per vector), however few
     * its elements.
     */
    default int zeroRegion() {
        return -1;
    }

    /**
     * A run of region {@link #WIDEN} ({@code from .. to}, whole vectors) that the family can evaluate in float after
     * all: writes every {@code out[i]} and returns true, or writes nothing and returns false (the driver then widens
     * the run). For hard places that are cheap in float but need a test the classification's vector code has no room
     * for (Gamma's tiny x); the default takes none.
     */
    default boolean evaluateWidened(Op op, float[] p0, float[] p1, float[] x, float[] out, int from, int to) {
        return false;
    }

    /**
     * {@code out[i] = op(p0[i], p1[i], x[i])} rounded to float, for {@code from <= i < to}, all in
     * {@code region} (never {@link #WIDEN}); an element the float code cannot finish (a sum that did not
     * converge or overflowed) is computed by the scalar float64 reference.
     */
    void evaluate(Op op, int region, float[] p0, float[] p1, float[] x, float[] out, int from, int to);
}
