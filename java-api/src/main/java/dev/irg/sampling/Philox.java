package dev.irg.sampling;

import static dev.irg.sampling.SamplingConstants.PHILOX_M0;
import static dev.irg.sampling.SamplingConstants.PHILOX_M1;
import static dev.irg.sampling.SamplingConstants.PHILOX_ROUNDS;
import static dev.irg.sampling.SamplingConstants.PHILOX_W0;
import static dev.irg.sampling.SamplingConstants.PHILOX_W1;
import static dev.irg.sampling.SamplingConstants.TWO_POW_M32;
import static dev.irg.sampling.SamplingConstants.TWO_POW_M52;

/**
 * Philox4x32-10, the counter-based generator of Salmon et al. (SC 2011): a 128-bit counter and a
 * 64-bit key map to 128 random bits. Stateless: the same (counter, key) gives the same bits on
 * every backend.
 *
 * <p>irg's counter layout (docs/sampling.md): element {@code i} of a call with seed {@code s} draws
 * block {@code j} of substream {@code sub} from
 * {@code counter = (j, sub, lo32(i), hi32(i))}, {@code key = (lo32(s), hi32(s))}; block words are
 * {@code w0..w3} in Random123's order. Uniforms: {@link #u52(int, int)} from {@code (w0, w1)} and
 * {@link #u32(int)} from one word, both strictly inside (0, 1).
 */
public final class Philox {
    private Philox() {
    }

    /**
     * One Philox4x32-10 block: writes the four output words of counter {@code (c0, c1, c2, c3)}
     * under key {@code (k0, k1)} into {@code out[0..3]}.
     */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out) {
        for (int r = 0; r < PHILOX_ROUNDS; r++) {
            long p0 = (PHILOX_M0 & 0xFFFF_FFFFL) * (c0 & 0xFFFF_FFFFL);
            long p1 = (PHILOX_M1 & 0xFFFF_FFFFL) * (c2 & 0xFFFF_FFFFL);
            int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
            int n1 = (int) p1;
            int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
            int n3 = (int) p0;
            c0 = n0;
            c1 = n1;
            c2 = n2;
            c3 = n3;
            k0 += PHILOX_W0;
            k1 += PHILOX_W1;
        }
        out[0] = c0;
        out[1] = c1;
        out[2] = c2;
        out[3] = c3;
    }

    /**
     * Block {@code j} of substream {@code sub} of element {@code i} under {@code seed} (irg's
     * counter layout).
     */
    public static void elementBlock(long seed, long i, int sub, int j, int[] out) {
        block(j, sub, (int) i, (int) (i >>> 32), (int) seed, (int) (seed >>> 32), out);
    }

    /**
     * A double uniform in (0, 1) from two words: the top 52 bits {@code m} of
     * {@code (hi << 32) | lo}, as {@code (m + 1/2) 2^-52}, exact in float64. Smallest value 2^-53,
     * largest 1 - 2^-53.
     */
    public static double u52(int lo, int hi) {
        long bits = ((hi & 0xFFFF_FFFFL) << 32) | (lo & 0xFFFF_FFFFL);
        return ((bits >>> 12) + 0.5) * TWO_POW_M52;
    }

    /** A double uniform in (0, 1) from one word: {@code (w + 1/2) 2^-32}, exact in float64. */
    public static double u32(int w) {
        return ((w & 0xFFFF_FFFFL) + 0.5) * TWO_POW_M32;
    }
}
