package dev.irg.simd;

import dev.irg.Op;
import dev.irg.Precision;

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

    /**
     * As {@link #evaluate(Op, int, double[], double[], double[], double[], int, int)}, for results that
     * will be stored in {@code precision}: a family may stop its series earlier for float32 as long as
     * the float32 results stay within the float32 limits (docs/simd.md). The driver calls this one;
     * the default ignores the precision.
     */
    default void evaluate(Op op, int region, Precision precision, double[] p0, double[] p1, double[] x, double[] out,
            int from, int to) {
        evaluate(op, region, p0, p1, x, out, from, to);
    }

    /** Whether {@link #evaluatePair} computes {@code op0} and {@code op1} together (else the driver runs them one after the other). */
    default boolean fuses(Op op0, Op op1) {
        return false;
    }

    /**
     * {@code out0[i] = op0(...)} and {@code out1[i] = op1(...)} for {@code from <= i < to}, all elements in
     * {@code region}, in one pass; called only where {@link #fuses}{@code (op0, op1)}.
     */
    default void evaluatePair(Op op0, Op op1, int region, Precision precision, double[] p0, double[] p1, double[] x,
            double[] out0, double[] out1, int from, int to) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not fuse " + op0 + " and " + op1);
    }
}
