package dev.irg.math;

import static dev.irg.math.BetaConstants.STIRLING_MIN;

/** Special-function helpers of the incomplete beta function that GammaFunctions does not offer. */
public final class BetaFunctions {
    private BetaFunctions() {
    }

    /**
     * log Gamma(q + p) - log Gamma(q) for p, q &gt; 0, accurate relative to the result also when p
     * is tiny (where it is ~ p psi(q) and the plain difference of log Gamma values loses up to
     * log10(|log Gamma(q)| / |p psi(q)|) digits: 1e-12 relative at p = 1e-4, q = 8). q is raised
     * by the recurrence Gamma(z + 1) = z Gamma(z) to q' = q + n &ge; STIRLING_MIN, where the
     * difference is q' log1pmx(p/q') - log1p(p/q')/2 + p log(q' + p) + log Gamma*(q' + p) -
     * log Gamma*(q'), with no cancellation; the n steps contribute -sum log1p(p / (q + k)).
     */
    public static double logGammaIncrement(double q, double p) {
        if (!(p > 0) || !(q > 0) || p == Double.POSITIVE_INFINITY || q == Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        double acc = 0;
        double z = q;
        // at most ceil(STIRLING_MIN) = 8 steps
        while (z < STIRLING_MIN) {
            acc -= Math.log1p(p / z);
            z += 1;
        }
        double t = p / z;
        return acc + z * GammaFunctions.log1pmx(t) - 0.5 * Math.log1p(t) + p * Math.log(z + p)
                + GammaFunctions.logGammaStirlingCorrection(z + p) - GammaFunctions.logGammaStirlingCorrection(z);
    }
}
