package dev.irg.sampling;

import static dev.irg.sampling.SamplingConstants.GAMMA_BOOST_BELOW;
import static dev.irg.sampling.SamplingConstants.GAMMA_BOOST_BLOCK;
import static dev.irg.sampling.SamplingConstants.GAMMA_FIRST_ATTEMPT_BLOCK;
import static dev.irg.sampling.SamplingConstants.GAMMA_MAX_ATTEMPTS;
import static dev.irg.sampling.SamplingConstants.GAMMA_SQUEEZE;

/**
 * Standard Gamma(alpha, 1) samples from Philox counters: Marsaglia & Tsang (2000) for
 * {@code alpha >= 1}; for {@code alpha < 1} the boost {@code G(alpha) = G(alpha + 1) U^(1/alpha)}
 * carried out in log space, so {@code log z} stays finite for tiny alpha where {@code z} underflows.
 *
 * <p>Counters (docs/sampling.md): block {@link SamplingConstants#GAMMA_BOOST_BLOCK} gives the boost
 * uniform (alpha &lt; 1 only); attempt {@code k} of Marsaglia-Tsang uses block
 * {@code GAMMA_FIRST_ATTEMPT_BLOCK + k}: a normal by Box-Muller from {@code u52(w0, w1)} (radius)
 * and {@code u32(w2)} (angle), and the acceptance uniform {@code u32(w3)}. After
 * {@link SamplingConstants#GAMMA_MAX_ATTEMPTS} rejections (probability below 1e-21) the last
 * proposal is taken as it is (the Wilson-Hilferty approximation), or the mode {@code d} when it was
 * negative: never a loop without end.
 */
public final class GammaSampler {
    private GammaSampler() {
    }

    /** Which method samples a shape. */
    public enum Region {
        /** alpha NaN, not positive or infinite: the sample is NaN. */
        INVALID,
        /** alpha &lt; 1: sample alpha + 1, then multiply by U^(1/alpha) in log space. */
        BOOST,
        /** alpha &gt;= 1: Marsaglia-Tsang directly. */
        DIRECT
    }

    /** Region selection for shape {@code alpha}. */
    public static Region classify(double alpha) {
        if (!(alpha > 0) || alpha == Double.POSITIVE_INFINITY) {
            return Region.INVALID;
        }
        return alpha < GAMMA_BOOST_BELOW ? Region.BOOST : Region.DIRECT;
    }

    /**
     * The accepted Marsaglia-Tsang normal {@code x} for shape {@code a >= 1}: the sample is
     * {@code d (1 + c x)^3} with {@code d = a - 1/3}, {@code c = 1/sqrt(9 d)}.
     */
    static double acceptedNormal(long seed, long i, int sub, double d, double c, int[] w) {
        return acceptedNormal(seed, i, sub, d, c, w, GAMMA_MAX_ATTEMPTS);
    }

    /** As above with a given attempt cap (tests exercise the fallback with a small one). */
    static double acceptedNormal(long seed, long i, int sub, double d, double c, int[] w, int maxAttempts) {
        double x = 0;
        for (int k = 0; k < maxAttempts; k++) {
            Philox.elementBlock(seed, i, sub, GAMMA_FIRST_ATTEMPT_BLOCK + k, w);
            x = normal(Philox.u52(w[0], w[1]), Philox.u32(w[2]));
            if (accepts(x, Philox.u32(w[3]), d, c)) {
                return x;
            }
        }
        return fallback(x, c);
    }

    /*
     * The per-attempt steps below are shared with the SIMD backend (which generates the Philox
     * words in vectors and calls them per lane), so both evaluate the same operations in the same
     * order and give the same bits.
     */

    /** The Box-Muller normal of one attempt from its radius uniform u52(w0, w1) and angle uniform u32(w2). */
    public static double normal(double uRadius, double uAngle) {
        return Math.sqrt(-2 * SamplerMath.log(uRadius)) * SamplerMath.cos2pi(uAngle);
    }

    /**
     * Whether Marsaglia-Tsang accepts the proposal {@code x} with acceptance uniform {@code u} for
     * {@code d = a - 1/3}, {@code c = 1/sqrt(9 d)}: false when {@code 1 + c x <= 0}, true when the
     * squeeze {@link #squeezeAccepts} does, else the exact log test.
     */
    public static boolean accepts(double x, double u, double d, double c) {
        double cx = c * x;
        if (cx <= -1) {
            return false;
        }
        if (squeezeAccepts(x * x, u)) {
            return true;
        }
        return exactTest(SamplerMath.log(u), SamplerMath.log1p(cx), x, d, c);
    }

    /**
     * The exact test of Marsaglia-Tsang, {@code log u < x^2/2 + d (1 - v + log v)} with v = (1 + c x)^3 and
     * log v = 3 log1p(c x), given {@code logU = SamplerMath.log(u)} and {@code log1pCx = SamplerMath.log1p(c x)}
     * (the SIMD sampler computes the two for many lanes at once, then this per lane).
     */
    public static boolean exactTest(double logU, double log1pCx, double x, double d, double c) {
        double cx = c * x;
        double v = (1 + cx) * (1 + cx) * (1 + cx);
        return logU < 0.5 * (x * x) + d * (1 - v + 3 * log1pCx);
    }

    /** The squeeze of Marsaglia-Tsang: {@code u < 1 - 0.0331 x^4} (given {@code x2 = x^2}) accepts at once. */
    public static boolean squeezeAccepts(double x2, double u) {
        return u < 1 - GAMMA_SQUEEZE * x2 * x2;
    }

    /** Fallback after every attempt failed (probability < 1e-21): the last proposal as it is, or the mode when it was negative. */
    public static double fallback(double x, double c) {
        return c * x <= -1 ? 0 : x;
    }

    /** {@code d = a - 1/3} of Marsaglia-Tsang for shape {@code a >= 1}. */
    public static double mtD(double a) {
        return a - 1.0 / 3;
    }

    /** {@code c = 1/sqrt(9 d)} of Marsaglia-Tsang. */
    public static double mtC(double d) {
        return 1 / Math.sqrt(9 * d);
    }

    /** The sample {@code d (1 + c x)^3} from the accepted normal. */
    public static double fromNormal(double d, double c, double x) {
        double cx = 1 + c * x;
        return d * (cx * cx * cx);
    }

    /** {@code log} of the sample: {@code log d + 3 log1p(c x)}. */
    public static double logFromNormal(double d, double c, double x) {
        return SamplerMath.log(d) + 3 * SamplerMath.log1p(c * x);
    }

    /** The boost of alpha &lt; 1: {@code g U^(1/alpha)} = {@code g exp(log(U)/alpha)} for the Gamma(alpha + 1) sample g and the boost uniform U. */
    public static double boost(double g, double u, double alpha) {
        return g * SamplerMath.exp(SamplerMath.log(u) / alpha);
    }

    /** The boost in log space: {@code log(U)/alpha}, added to the log of the Gamma(alpha + 1) sample. */
    public static double logBoost(double u, double alpha) {
        return SamplerMath.log(u) / alpha;
    }

    /**
     * {@code log} of the standard Gamma(alpha, 1) sample of element {@code i}, substream
     * {@code sub}; NaN for an invalid alpha. May be {@code -inf} only for alpha below about 1e-306.
     *
     * @param w scratch of at least 4 ints
     */
    public static double logSample(long seed, long i, int sub, double alpha, int[] w) {
        return switch (classify(alpha)) {
            case INVALID -> Double.NaN;
            case DIRECT -> logDirect(seed, i, sub, alpha, w);
            case BOOST -> logDirect(seed, i, sub, alpha + 1, w) + logBoost(seed, i, sub, alpha, w);
        };
    }

    /** The standard Gamma(alpha, 1) sample of element {@code i}, substream {@code sub}; NaN for an invalid alpha. */
    public static double sample(long seed, long i, int sub, double alpha, int[] w) {
        return switch (classify(alpha)) {
            case INVALID -> Double.NaN;
            case DIRECT -> direct(seed, i, sub, alpha, w);
            case BOOST -> {
                double g = direct(seed, i, sub, alpha + 1, w);
                Philox.elementBlock(seed, i, sub, GAMMA_BOOST_BLOCK, w);
                yield boost(g, Philox.u52(w[0], w[1]), alpha);
            }
        };
    }

    private static double direct(long seed, long i, int sub, double a, int[] w) {
        double d = mtD(a);
        double c = mtC(d);
        return fromNormal(d, c, acceptedNormal(seed, i, sub, d, c, w));
    }

    private static double logDirect(long seed, long i, int sub, double a, int[] w) {
        double d = mtD(a);
        double c = mtC(d);
        return logFromNormal(d, c, acceptedNormal(seed, i, sub, d, c, w));
    }

    /** log(U)/alpha of the boost, U from the boost block. */
    private static double logBoost(long seed, long i, int sub, double alpha, int[] w) {
        Philox.elementBlock(seed, i, sub, GAMMA_BOOST_BLOCK, w);
        return logBoost(Philox.u52(w[0], w[1]), alpha);
    }
}
