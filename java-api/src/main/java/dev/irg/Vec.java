package dev.irg;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * One operand of a batch call: a run of {@code double} or {@code float} elements (a slice of a Java
 * array or a {@link MemorySegment}), or a single scalar broadcast over the whole batch.
 *
 * <pre>{@code
 * Vec.of(alphas)              // every element of a double[]
 * Vec.of(zs, 100, 50)         // elements 100..149 of a float[]
 * Vec.of(segment, Precision.F32)
 * Vec.scalar(2.5)             // one value for every element
 * }</pre>
 */
public final class Vec {
    private final MemorySegment segment; // null for a scalar
    private final Precision precision;   // null for a scalar: adapts to the batch
    private final double scalar;
    private final long length;

    private Vec(MemorySegment segment, Precision precision, double scalar, long length) {
        this.segment = segment;
        this.precision = precision;
        this.scalar = scalar;
        this.length = length;
    }

    /** All elements of {@code a}. */
    public static Vec of(double[] a) {
        Objects.requireNonNull(a, "array");
        return new Vec(MemorySegment.ofArray(a), Precision.F64, Double.NaN, a.length);
    }

    /** Elements {@code offset .. offset+length-1} of {@code a}. */
    public static Vec of(double[] a, int offset, int length) {
        Objects.requireNonNull(a, "array");
        Objects.checkFromIndexSize(offset, length, a.length);
        return new Vec(MemorySegment.ofArray(a).asSlice(8L * offset, 8L * length), Precision.F64, Double.NaN, length);
    }

    /** All elements of {@code a}. */
    public static Vec of(float[] a) {
        Objects.requireNonNull(a, "array");
        return new Vec(MemorySegment.ofArray(a), Precision.F32, Double.NaN, a.length);
    }

    /** Elements {@code offset .. offset+length-1} of {@code a}. */
    public static Vec of(float[] a, int offset, int length) {
        Objects.requireNonNull(a, "array");
        Objects.checkFromIndexSize(offset, length, a.length);
        return new Vec(MemorySegment.ofArray(a).asSlice(4L * offset, 4L * length), Precision.F32, Double.NaN, length);
    }

    /** The whole segment, read as elements of {@code precision} (its size must be a multiple of the element size). */
    public static Vec of(MemorySegment segment, Precision precision) {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(precision, "precision");
        if (segment.byteSize() % precision.bytes() != 0) {
            throw new IllegalArgumentException("segment of " + segment.byteSize() + " bytes is not a whole number of "
                    + precision + " elements (" + precision.bytes() + " bytes each)");
        }
        return new Vec(segment, precision, Double.NaN, segment.byteSize() / precision.bytes());
    }

    /** One value broadcast over every element of the batch. */
    public static Vec scalar(double value) {
        return new Vec(null, null, value, -1);
    }

    public boolean isScalar() {
        return segment == null;
    }

    /** The broadcast value; only for {@link #isScalar()}. */
    public double scalarValue() {
        if (segment != null) {
            throw new IllegalStateException("not a scalar operand");
        }
        return scalar;
    }

    /** The elements; only for non-scalars. Heap segments come from {@code double[]}/{@code float[]}. */
    public MemorySegment segment() {
        if (segment == null) {
            throw new IllegalStateException("scalar operand has no segment");
        }
        return segment;
    }

    /** Element type, or {@code null} for a scalar. */
    public Precision precision() {
        return precision;
    }

    /** Number of elements, or -1 for a scalar. */
    public long length() {
        return length;
    }

    /** Element {@code i} as a double (the scalar for a broadcast operand). */
    public double get(long i) {
        if (segment == null) {
            return scalar;
        }
        return precision == Precision.F64
                ? segment.getAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE_UNALIGNED, i)
                : segment.getAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED, i);
    }

    /** Stores {@code v} (rounded to float for F32) at element {@code i}. */
    public void set(long i, double v) {
        if (precision == Precision.F64) {
            segment.setAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE_UNALIGNED, i, v);
        } else {
            segment.setAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED, i, (float) v);
        }
    }

    /** A view of elements {@code from .. from+count-1} (a scalar is returned as is). */
    public Vec slice(long from, long count) {
        if (segment == null) {
            return this;
        }
        Objects.checkFromIndexSize(from, count, length);
        int b = precision.bytes();
        return new Vec(segment.asSlice(from * b, count * b), precision, Double.NaN, count);
    }

    @Override
    public String toString() {
        return segment == null ? "scalar(" + scalar + ")" : precision + "[" + length + "]";
    }
}
