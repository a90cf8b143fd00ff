package dev.irg.simd;

import static dev.irg.sampling.SamplingConstants.PHILOX_M0;
import static dev.irg.sampling.SamplingConstants.PHILOX_M1;
import static dev.irg.sampling.SamplingConstants.PHILOX_ROUNDS;
import static dev.irg.sampling.SamplingConstants.PHILOX_W0;
import static dev.irg.sampling.SamplingConstants.PHILOX_W1;
import static dev.irg.sampling.SamplingConstants.TWO_POW_M32;
import static dev.irg.sampling.SamplingConstants.TWO_POW_M52;
import static jdk.incubator.vector.VectorOperators.L2D;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Philox4x32-10 in vectors: one element per lane, the same counter layout and words as the scalar
 * {@link dev.irg.sampling.Philox} (docs/sampling.md). Each 32-bit word lives zero-extended in a
 * 64-bit lane, so the 32x32 -> 64-bit products of a round are plain 64-bit lane multiplies (no
 * mulhi emulation): the high half is {@code p >>> 32}, the low half {@code p & 0xFFFFFFFF}. Integer
 * arithmetic only, hence bit-identical to the scalar generator at every vector width.
 *
 * <p>The species is the JVM's constant {@link Lanes#SL} in a {@code static final} field: with the
 * species in an instance field or a parameter C2 does not compile the lane operations to vector
 * instructions (measured in one JVM, 512-bit, 512 elements per call: about 50 M elements/s with an
 * instance-field species, as fast as the scalar generator, against 390 M elements/s with a static
 * final one).
 */
final class VectorPhilox {
    private static final VectorSpecies<Long> SL = Lanes.SL;
    private static final VectorPhilox INSTANCE = new VectorPhilox();
    private static final long LOW32 = 0xFFFF_FFFFL;
    private static final long M0 = PHILOX_M0 & LOW32;
    private static final long M1 = PHILOX_M1 & LOW32;

    private VectorPhilox() {
    }

    /** The generator for {@code bits}-bit vectors: this JVM's width ({@link Lanes}); any other is an error. */
    static VectorPhilox forBits(int bits) {
        if (bits != SL.vectorBitSize()) {
            throw new IllegalArgumentException("this JVM's vector width is " + SL.vectorBitSize() + " bits, not " + bits);
        }
        return INSTANCE;
    }

    /** Lanes per vector. */
    int lanes() {
        return SL.length();
    }

    /**
     * The uniforms of block {@code block} of substream {@code sub} of the elements {@code elem[0..m)}
     * under {@code seed} ({@code m} a multiple of the lane count):
     * {@code uA[i] = u52(w0, w1)}, {@code uB[i] = u32(w2)}, {@code uC[i] = u32(w3)}, all strictly
     * inside (0, 1) and equal to {@link dev.irg.sampling.Philox#u52}/{@link dev.irg.sampling.Philox#u32}
     * of the scalar words. {@code uB} and {@code uC} may be null when not needed. {@code w3} is
     * negative as an int exactly when {@code uC > 1/2}.
     */
    void uniforms(long seed, int sub, int block, long[] elem, int m, double[] uA, double[] uB, double[] uC) {
        long[] k = roundKeys(seed);
        for (int i = 0; i < m; i += SL.length()) {
            LongVector e = LongVector.fromArray(SL, elem, i);
            LongVector x0 = LongVector.broadcast(SL, block & LOW32);
            LongVector x1 = LongVector.broadcast(SL, sub & LOW32);
            LongVector x2 = e.and(LOW32);
            LongVector x3 = e.lanewise(LSHR, 32);
            for (int r = 0; r < PHILOX_ROUNDS; r++) {
                LongVector p0 = x0.mul(M0);
                LongVector p1 = x2.mul(M1);
                LongVector n0 = p1.lanewise(LSHR, 32).lanewise(XOR, x1).lanewise(XOR, k[r]);
                LongVector n2 = p0.lanewise(LSHR, 32).lanewise(XOR, x3).lanewise(XOR, k[PHILOX_ROUNDS + r]);
                x1 = p1.and(LOW32);
                x3 = p0.and(LOW32);
                x0 = n0;
                x2 = n2;
            }
            store(x0, x1, x2, x3, i, uA, uB, uC);
        }
    }

    /** The round keys: {@code k[r] = k0 + r W0}, {@code k[ROUNDS + r] = k1 + r W1} (mod 2^32), zero-extended. */
    static long[] roundKeys(long seed) {
        long[] k = new long[2 * PHILOX_ROUNDS];
        int a = (int) seed;
        int b = (int) (seed >>> 32);
        for (int r = 0; r < PHILOX_ROUNDS; r++) {
            k[r] = a & LOW32;
            k[PHILOX_ROUNDS + r] = b & LOW32;
            a += PHILOX_W0;
            b += PHILOX_W1;
        }
        return k;
    }

    /**
     * The uniforms from the four words of a round's output: u52: the top 52 bits of
     * {@code (w1 << 32) | w0}, plus one half, times 2^-52 (exact); u32: {@code (w + 1/2) 2^-32}.
     */
    static void store(LongVector w0, LongVector w1, LongVector w2, LongVector w3, int i,
                      double[] uA, double[] uB, double[] uC) {
        LongVector top52 = w1.lanewise(LSHL, 32).or(w0).lanewise(LSHR, 12);
        ((DoubleVector) top52.convert(L2D, 0)).add(0.5).mul(TWO_POW_M52).intoArray(uA, i);
        if (uB != null) {
            ((DoubleVector) w2.convert(L2D, 0)).add(0.5).mul(TWO_POW_M32).intoArray(uB, i);
        }
        if (uC != null) {
            ((DoubleVector) w3.convert(L2D, 0)).add(0.5).mul(TWO_POW_M32).intoArray(uC, i);
        }
    }

    /**
     * {@link #uniforms} for the elements {@code base + idx[p]}, {@code p < n} (a compacted list, e.g.
     * the elements still pending in a rejection loop), padded to whole vectors by repeating the last
     * element (its lanes are computed and ignored; {@code idx} is padded the same way, so that gathers
     * through it over whole vectors see that element). Returns the padded length; {@code idx}, {@code pe}
     * and the outputs need room for it.
     */
    int uniformsAt(long seed, int sub, int block, long base, int[] idx, int n, long[] pe,
                   double[] uA, double[] uB, double[] uC) {
        return uniformsAt(seed, sub, block, base, idx, 0, n, pe, uA, uB, uC);
    }

    /**
     * {@link #uniformsAt} for the part {@code idx[from .. from + n)} of a list, into the outputs from index 0 (a
     * chunk of a longer list; padding, where {@code n} is not a whole number of vectors, writes {@code idx} past
     * {@code from + n}).
     */
    int uniformsAt(long seed, int sub, int block, long base, int[] idx, int from, int n, long[] pe,
                   double[] uA, double[] uB, double[] uC) {
        int lanes = lanes();
        int m = (n + lanes - 1) / lanes * lanes;
        for (int p = 0; p < n; p++) {
            pe[p] = base + idx[from + p];
        }
        for (int p = n; p < m; p++) {
            idx[from + p] = idx[from + n - 1];
            pe[p] = pe[n - 1];
        }
        uniforms(seed, sub, block, pe, m, uA, uB, uC);
        return m;
    }
}
