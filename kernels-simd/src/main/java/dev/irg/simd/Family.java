package dev.irg.simd;

import dev.irg.Op;

/**
 * The vector kernels of one distribution, in the shape that {@link SimdKernels} drives: a
 * {@link #classify} step that assigns every element a region, then one {@link #evaluate} per region
 * over a contiguous run of elements of that region (the driver groups them). Arrays hold whole
 * vectors: {@code from} and {@code to} are multiples of the lane count.
 */
interface Family {
    /** Number of regions {@link #classify} can return (region codes are {@code 0 .. regions()-1}). */
    int regions();

    /** Whether this family has a kernel for {@code op}. */
    boolean has(Op op);

    /**
     * Writes the region of elements {@code 0 .. m-1} of {@code op}'s operands into {@code region}.
     * Out-of-domain elements go to any region whose evaluation gives them NaN (or their edge value).
     */
    void classify(Op op, double[] p0, double[] p1, double[] x, byte[] region, int m);

    /** {@code out[i] = op(p0[i], p1[i], x[i])} for {@code from <= i < to}, all elements in {@code region}. */
    void evaluate(Op op, int region, double[] p0, double[] p1, double[] x, double[] out, int from, int to);
}
