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
            x = Math.sqrt(-2 * Math.log(Philox.u52(w[0], w[1]))) * Math.cos(2 * Math.PI * Philox.u32(w[2]));
            double cx = c * x;
            if (cx <= -1) {
                continue;
            }
            double v = (1 + cx) * (1 + cx) * (1 + cx);
            double u = Philox.u32(w[3]);
            double x2 = x * x;
            if (u < 1 - GAMMA_SQUEEZE * x2 * x2) {
                return x;
            }
            if (Math.log(u) < 0.5 * x2 + d * (1 - v + 3 * Math.log1p(cx))) {
                return x;
            }
        }
        // Fallback (probability < 1e-21): the last proposal as it is, or the mode when it was negative.
        return c * x <= -1 ? 0 : x;
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
                yield g * Math.pow(Philox.u52(w[0], w[1]), 1 / alpha);
            }
        };
    }

    private static double direct(long seed, long i, int sub, double a, int[] w) {
        double d = a - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        double cx = 1 + c * acceptedNormal(seed, i, sub, d, c, w);
        return d * (cx * cx * cx);
    }

    private static double logDirect(long seed, long i, int sub, double a, int[] w) {
        double d = a - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        return Math.log(d) + 3 * Math.log1p(c * acceptedNormal(seed, i, sub, d, c, w));
    }

    /** log(U)/alpha of the boost, U from the boost block. */
    private static double logBoost(long seed, long i, int sub, double alpha, int[] w) {
        Philox.elementBlock(seed, i, sub, GAMMA_BOOST_BLOCK, w);
        return Math.log(Philox.u52(w[0], w[1])) / alpha;
    }
}
