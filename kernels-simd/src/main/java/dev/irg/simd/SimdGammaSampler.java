package dev.irg.simd;

import static dev.irg.sampling.SamplingConstants.GAMMA_BOOST_BLOCK;
import static dev.irg.sampling.SamplingConstants.GAMMA_FIRST_ATTEMPT_BLOCK;
import static dev.irg.sampling.SamplingConstants.GAMMA_MAX_ATTEMPTS;

import dev.irg.sampling.GammaSampler;

/**
 * Standard Gamma(alpha, 1) samples (or their logs) for a block of consecutive elements, bit-identical
 * to {@link GammaSampler}: Marsaglia-Tsang for alpha &ge; 1, the boost for alpha &lt; 1, the same
 * counters (docs/sampling.md).
 *
 * <p>Shape of the computation: classify every element (invalid / boost / direct), then run the
 * attempts as rounds over the list of still-pending elements. A round generates the Philox block of
 * attempt {@code k} for all pending elements in vectors ({@link VectorPhilox}), then forms each
 * lane's Box-Muller normal and acceptance test; rejected elements form the next round's list (a
 * compacted lane mask: a round's vectors hold only live lanes, so no lane idles while a neighbour
 * retries). At most {@link dev.irg.sampling.SamplingConstants#GAMMA_MAX_ATTEMPTS} rounds, then the
 * scalar fallback. The per-lane steps ({@code log}, {@code cos}, {@code log1p}, {@code pow} and the
 * arithmetic around them) are the scalar sampler's own methods: the Vector API's {@code LOG} and
 * {@code COS} differ from {@code java.lang.Math} by an ulp on some inputs, and the SPI requires the
 * scalar samples bit for bit. (A vector squeeze test was tried and removed: no measurable gain,
 * the per-lane transcendental functions dominate.)
 */
final class SimdGammaSampler {
    private static final byte INVALID = 0;
    private static final byte BOOST = 1;
    private static final byte DIRECT = 2;

    private final VectorPhilox philox;
    private final int maxAttempts;

    SimdGammaSampler(VectorPhilox philox) {
        this(philox, GAMMA_MAX_ATTEMPTS);
    }

    /** With another attempt cap (tests exercise the fallback with a small one). */
    SimdGammaSampler(VectorPhilox philox, int maxAttempts) {
        this.philox = philox;
        this.maxAttempts = maxAttempts;
    }

    /**
     * {@code out[i]} = the standard Gamma(alpha[i], 1) sample (its log when {@code log}) of element
     * {@code base + i}, substream {@code sub}, for {@code i < cnt}; NaN for an invalid alpha.
     */
    void sample(long seed, int sub, long base, double[] alpha, int cnt, boolean log, double[] out, SamplerScratch s) {
        s.ensure(cnt);
        byte[] region = s.region;
        double[] d = s.d;
        double[] c = s.c;
        double[] x = s.x;
        int[] pend = s.pend;
        int n = 0;
        for (int i = 0; i < cnt; i++) {
            GammaSampler.Region r = GammaSampler.classify(alpha[i]);
            if (r == GammaSampler.Region.INVALID) {
                region[i] = INVALID;
                continue;
            }
            region[i] = r == GammaSampler.Region.BOOST ? BOOST : DIRECT;
            double a = r == GammaSampler.Region.BOOST ? alpha[i] + 1 : alpha[i];
            d[i] = GammaSampler.mtD(a);
            c[i] = GammaSampler.mtC(d[i]);
            x[i] = 0; // the proposal before any attempt (what the fallback sees with a cap of 0)
            pend[n++] = i;
        }
        for (int k = 0; k < maxAttempts && n > 0; k++) {
            n = attempt(seed, sub, base, GAMMA_FIRST_ATTEMPT_BLOCK + k, n, s);
        }
        for (int p = 0; p < n; p++) {
            int i = pend[p];
            x[i] = GammaSampler.fallback(x[i], c[i]);
        }
        int nb = 0;
        for (int i = 0; i < cnt; i++) {
            if (region[i] == INVALID) {
                out[i] = Double.NaN;
                continue;
            }
            out[i] = log ? GammaSampler.logFromNormal(d[i], c[i], x[i]) : GammaSampler.fromNormal(d[i], c[i], x[i]);
            if (region[i] == BOOST) {
                pend[nb++] = i;
            }
        }
        if (nb > 0) {
            philox.uniformsAt(seed, sub, GAMMA_BOOST_BLOCK, base, pend, nb, s.pe, s.uA, null, null);
            for (int p = 0; p < nb; p++) {
                int i = pend[p];
                out[i] = log ? out[i] + GammaSampler.logBoost(s.uA[p], alpha[i])
                        : GammaSampler.boost(out[i], s.uA[p], alpha[i]);
            }
        }
    }

    /**
     * One Marsaglia-Tsang round over the {@code n} pending elements {@code s.pend[0..n)}: records each
     * proposal in {@code s.x}, keeps the rejected ones (in order) at the front of {@code s.pend} and
     * returns their number.
     */
    private int attempt(long seed, int sub, long base, int block, int n, SamplerScratch s) {
        int[] pend = s.pend;
        double[] uA = s.uA;
        double[] uB = s.uB;
        double[] uC = s.uC;
        philox.uniformsAt(seed, sub, block, base, pend, n, s.pe, uA, uB, uC);
        int rejected = 0;
        for (int p = 0; p < n; p++) {
            int i = pend[p];
            double x = GammaSampler.normal(uA[p], uB[p]);
            s.x[i] = x;
            if (!GammaSampler.accepts(x, uC[p], s.d[i], s.c[i])) {
                pend[rejected++] = i;
            }
        }
        return rejected;
    }
}
