package dev.irg.sampling;

import static dev.irg.sampling.SamplingConstants.SUBSTREAM_BETA_B;
import static dev.irg.sampling.SamplingConstants.SUBSTREAM_MAIN;

/**
 * Beta(a, b) samples as {@code G_a / (G_a + G_b)} with both Gammas drawn in log space
 * ({@link GammaSampler#logSample}, substreams 0 and 1 of the element): the logit
 * {@code d = log G_a - log G_b} is exact to rounding even when both Gammas underflow (a, b much
 * below 1, pytorch#76030 and #15738, where the ratio of underflowed Gammas gives 0/0 or collapses),
 * and {@code z = 1/(1 + exp(-d))} is formed from it without cancellation on either side.
 */
public final class BetaSampler {
    private BetaSampler() {
    }

    /** The logit {@code log(z/(1 - z))} of the Beta(a, b) sample of element {@code i}; NaN when a or b is invalid. */
    public static double logit(long seed, long i, double a, double b, int[] w) {
        double la = GammaSampler.logSample(seed, i, SUBSTREAM_MAIN, a, w);
        double lb = GammaSampler.logSample(seed, i, SUBSTREAM_BETA_B, b, w);
        return logitOf(la, lb);
    }

    /** The logit {@code log G_a - log G_b} from the two log-Gammas; NaN when both are -inf or either is NaN. */
    public static double logitOf(double la, double lb) {
        if (la == Double.NEGATIVE_INFINITY && lb == Double.NEGATIVE_INFINITY) {
            return Double.NaN; // both shapes below ~1e-306: no information left in float64
        }
        return la - lb;
    }

    /** The Beta(a, b) sample of element {@code i}; NaN when a or b is invalid. */
    public static double sample(long seed, long i, double a, double b, int[] w) {
        return sigmoid(logit(seed, i, a, b, w));
    }

    /**
     * {@code 1/(1 + exp(-d))}, accurate in both tails (NaN stays NaN); {@code exp} is {@link SamplerMath#exp},
     * so the CUDA port gives the same bits.
     */
    public static double sigmoid(double d) {
        if (d >= 0) {
            return 1 / (1 + SamplerMath.exp(-d));
        }
        double e = SamplerMath.exp(d);
        return e / (1 + e);
    }
}
