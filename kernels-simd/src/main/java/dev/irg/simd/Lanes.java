package dev.irg.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector species of this JVM, a {@code static final} constant: the width forced by
 * {@value SimdProvider#BITS_PROPERTY} when the class is initialized, else the machine's preferred
 * shape. Every kernel takes its species from here. The JIT compiles Vector API operations to
 * machine vectors only where it knows a vector's exact class; a constant species gives every vector
 * loaded, broadcast or computed from it that class. Species held in fields or passed as parameters
 * (the first version) left the JIT to guess the class from call-site profiles inside the Vector API,
 * and where those were missing the operations ran as the non-intrinsic Java fallback (JFR profiles:
 * 150-900 bytes allocated per element; docs/simd.md). Consequence: one width per JVM; the tests of the
 * narrower widths run in JVMs of their own (kernels-simd/pom.xml).
 */
final class Lanes {
    /** The species of the float64 kernels. */
    static final VectorSpecies<Double> SD = species(SimdProvider.requestedBits());

    /** Lanes per vector. */
    static final int LANES = SD.length();

    /** The species of the float32-arithmetic kernels: the same width, twice the lanes (16 at 512 bits). */
    static final VectorSpecies<Float> SF = floatSpecies(SD.vectorBitSize());

    /** The species of the integer code (the vector Philox generator): the same width, 64-bit lanes. */
    static final VectorSpecies<Long> SL = longSpecies(SD.vectorBitSize());

    /**
     * The species of int lanes as many as {@link #SD}'s (half the width): index lists compressed in vectors
     * under a mask of SD's lanes ({@code mask.cast(SI)}).
     */
    static final VectorSpecies<Integer> SI = intSpecies(SD.length());

    /** The lane numbers 0, 1, ... of SD, as doubles (tests of lanes past a count) and as ints (index lists). */
    static final double[] LANE_NUMBERS = java.util.stream.IntStream.range(0, SD.length()).asDoubleStream().toArray();
    /** See LANE_NUMBERS. */
    static final int[] LANE_NUMBERS_INT = java.util.stream.IntStream.range(0, SD.length()).toArray();

    /**
     * -0.0 in every lane: the identity of addition for every double, -0.0 included. {@code NEG_ZERO.add(v)} is
     * {@code v} unchanged as a vector of the JIT-known exact class, for vectors that arrive as parameters of,
     * or are returned by, a method the JIT may not inline: operations on such a receiver dispatch through
     * profiles inside the Vector API and were seen to run as the non-intrinsic fallback; one addition on a
     * constant receiver avoids that. Written out at each use, not as a method of ours: the Vector API's
     * {@code add} is always inlined (force-inline, delayed past the inlining budget), while a call to a helper
     * of ours is refused once a compilation reaches C2's node budget (NodeCountInliningCutoff), and then that
     * helper ran as a real call with boxed vectors (measured: a first version, {@code Lanes.exact(v)}, was not
     * inlined at six places of the Gamma stages, and the float64 Gamma gradient ran 25-30 % slower in about
     * one JVM in three, docs/simd.md "Inlining").
     */
    static final DoubleVector NEG_ZERO = DoubleVector.broadcast(SD, -0.0);

    /** -0.0f in every lane: {@code NEG_ZERO_F.add(v)} is the float form of {@link #NEG_ZERO}{@code .add(v)}. */
    static final FloatVector NEG_ZERO_F = FloatVector.broadcast(SF, -0.0f);

    private Lanes() {
    }

    private static VectorSpecies<Double> species(int bits) {
        return switch (bits) {
            case 128 -> DoubleVector.SPECIES_128;
            case 256 -> DoubleVector.SPECIES_256;
            case 512 -> DoubleVector.SPECIES_512;
            default -> DoubleVector.SPECIES_PREFERRED;
        };
    }

    private static VectorSpecies<Float> floatSpecies(int bits) {
        return switch (bits) {
            case 128 -> FloatVector.SPECIES_128;
            case 256 -> FloatVector.SPECIES_256;
            case 512 -> FloatVector.SPECIES_512;
            default -> FloatVector.SPECIES_PREFERRED;
        };
    }

    private static VectorSpecies<Integer> intSpecies(int lanes) {
        return switch (lanes) {
            case 2 -> IntVector.SPECIES_64;
            case 4 -> IntVector.SPECIES_128;
            case 8 -> IntVector.SPECIES_256;
            default -> VectorSpecies.of(int.class, jdk.incubator.vector.VectorShape.forBitSize(32 * lanes));
        };
    }

    private static VectorSpecies<Long> longSpecies(int bits) {
        return switch (bits) {
            case 128 -> LongVector.SPECIES_128;
            case 256 -> LongVector.SPECIES_256;
            case 512 -> LongVector.SPECIES_512;
            default -> LongVector.SPECIES_PREFERRED;
        };
    }
}
