package dev.irg.math;

import static dev.irg.math.SpecialConstants.DIGAMMA_ASYMPTOTIC;
import static dev.irg.math.SpecialConstants.DIGAMMA_ASYMPTOTIC_MIN;
import static dev.irg.math.SpecialConstants.DIGAMMA_ROOT_HI;
import static dev.irg.math.SpecialConstants.DIGAMMA_ROOT_LO;
import static dev.irg.math.SpecialConstants.DIGAMMA_ROOT_SERIES;
import static dev.irg.math.SpecialConstants.LGAMMA2_SERIES;
import static dev.irg.math.SpecialConstants.LGAMMA2_SERIES_RADIUS;
import static dev.irg.math.SpecialConstants.LGAMMA_STIRLING;
import static dev.irg.math.SpecialConstants.LGAMMA_STIRLING_MIN;
import static dev.irg.math.SpecialConstants.LOG1PMX_SERIES;
import static dev.irg.math.SpecialConstants.LOG1PMX_SERIES_HI;
import static dev.irg.math.SpecialConstants.LOG1PMX_SERIES_LO;
import static dev.irg.math.SpecialConstants.LOG_SQRT_2PI;
import static dev.irg.math.SpecialConstants.STIRLING_RECURRENCE_MIN;
import static dev.irg.math.SpecialConstants.TRIGAMMA_ASYMPTOTIC;
import static dev.irg.math.SpecialConstants.TRIGAMMA_ASYMPTOTIC_MIN;

/**
 * log Gamma, digamma, trigamma and the helpers that the incomplete gamma and beta functions need
 * without cancellation: log Gamma(1+x) near 0, log Gamma*(x) (Stirling's correction),
 * log(1+t) - t, and log x - psi(x). Defined for x &gt; 0 (log1pmx: t &gt; -1); other arguments give
 * NaN, poles give +-infinity as noted. Coefficients and thresholds: {@link SpecialConstants}.
 *
 * <p>Accuracy (against mpmath, see GammaFunctionsTest): logGamma has absolute error below ~2e-16
 * on (0, 3] (including near its zeros 1 and 2) and relative error of a few ulp elsewhere.
 */
public final class GammaFunctions {
    private GammaFunctions() {
    }

    /** log Gamma(x) for x &gt; 0; +infinity at 0 and for x above ~2.5e305, NaN for x &lt; 0 or NaN. */
    public static double logGamma(double x) {
        if (!(x >= 0)) {
            return Double.NaN;
        }
        if (x == 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (x < 1 - LGAMMA2_SERIES_RADIUS) {
            // log Gamma(x) = log Gamma(1 + x) - log x
            return logGamma1pNearZero(x) - Math.log(x);
        }
        return logGammaFromHalf(x);
    }

    /** log Gamma(1 + x) for x &gt; -1, accurate (relative) near x = 0 and x = 1. */
    public static double logGamma1p(double x) {
        if (!(x > -1)) {
            return x == -1 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (Math.abs(x) <= LGAMMA2_SERIES_RADIUS) {
            return logGamma1pNearZero(x);
        }
        if (x < -LGAMMA2_SERIES_RADIUS) {
            double y = 1 + x; // exact for x in [-1, -0.5]; y in (0, 0.5)
            return logGamma1pNearZero(y) - Math.log(y);
        }
        if (x < 1 + LGAMMA2_SERIES_RADIUS) {
            return lgamma2Series(x - 1); // exact subtraction for x in [0.5, 2]
        }
        return logGammaFromHalf(1 + x); // rounded once, harmless at 1 + x >= 2.5
    }

    /** log Gamma(1 + t) for |t| &le; LGAMMA2_SERIES_RADIUS: log Gamma(2 + t) - log(1 + t). */
    private static double logGamma1pNearZero(double t) {
        return lgamma2Series(t) - Math.log1p(t);
    }

    /** log Gamma(x) for x &ge; 1 - LGAMMA2_SERIES_RADIUS (no calls back into logGamma: no recursion for GPU ports). */
    private static double logGammaFromHalf(double x) {
        if (x < 1 + LGAMMA2_SERIES_RADIUS) {
            double t = x - 1; // exact (Sterbenz)
            return logGamma1pNearZero(t);
        }
        if (x < 2 + LGAMMA2_SERIES_RADIUS) {
            return lgamma2Series(x - 2);
        }
        if (x < LGAMMA_STIRLING_MIN) {
            // Gamma(x) = (x-1)(x-2)...(x-n) Gamma(x-n) with x - n in [1.5, 2.5): all factors exact or
            // rounded once, no cancellation.
            double prod = 1;
            double y = x;
            while (y >= 2 + LGAMMA2_SERIES_RADIUS) {
                y -= 1; // exact: y and 1 are multiples of ulp(x), the result has fewer bits
                prod *= y;
            }
            return Math.log(prod) + lgamma2Series(y - 2);
        }
        if (x == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        double lx = Math.log(x);
        return x * (lx - 1) - 0.5 * lx + LOG_SQRT_2PI + stirlingSeries(x);
    }

    /**
     * log Gamma*(x), where Gamma(x) = Gamma*(x) sqrt(2 pi / x) x^x e^-x, for x &gt; 0. Stirling's
     * series without cancellation for x &ge; LGAMMA_STIRLING_MIN; below, down to
     * STIRLING_RECURRENCE_MIN, the recurrence log Gamma*(y) = log Gamma*(y+1) + (y + 1/2) log1pmx(1/y) + 1/(2y);
     * below that, from logGamma.
     */
    public static double logGammaStirlingCorrection(double x) {
        if (!(x > 0)) {
            return x == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (x >= LGAMMA_STIRLING_MIN) {
            return x == Double.POSITIVE_INFINITY ? 0 : stirlingSeries(x);
        }
        if (x >= STIRLING_RECURRENCE_MIN) {
            double acc = 0;
            double y = x;
            while (y < LGAMMA_STIRLING_MIN) {
                double r = 1 / y;
                acc += Math.fma(y + 0.5, log1pmx(r), 0.5 * r);
                y += 1;
            }
            return acc + stirlingSeries(y);
        }
        double lx = Math.log(x);
        return logGamma(x) - ((x - 0.5) * lx - x + LOG_SQRT_2PI);
    }

    /** log(1 + t) - t for t &gt; -1, relative accuracy near t = 0 (where it is ~ -t^2/2). */
    public static double log1pmx(double t) {
        if (t >= LOG1PMX_SERIES_LO && t <= LOG1PMX_SERIES_HI) {
            double u = t / (2 + t);
            double u2 = u * u;
            double s = 0;
            for (int k = LOG1PMX_SERIES.length - 1; k >= 0; k--) {
                s = Math.fma(s, u2, LOG1PMX_SERIES[k]);
            }
            return -t * u + 2 * u * u2 * s;
        }
        if (!(t > -1)) {
            return t == -1 ? Double.NEGATIVE_INFINITY : Double.NaN;
        }
        return Math.log1p(t) - t;
    }

    /** digamma psi(x) for x &gt; 0 (relative accuracy also near its root 1.4616...); -infinity at 0. */
    public static double digamma(double x) {
        if (!(x >= 0)) {
            return Double.NaN;
        }
        if (x == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x >= DIGAMMA_ASYMPTOTIC_MIN) {
            if (x == Double.POSITIVE_INFINITY) {
                return x;
            }
            return Math.log(x) - 0.5 / x - digammaAsymptoticTail(x);
        }
        double acc = 0;
        if (x < 1) {
            // psi(x) = psi(x + 1) - 1/x
            acc = -1 / x;
            x += 1;
        } else {
            while (x > 2) {
                // psi(x) = psi(x - 1) + 1/(x - 1); x - 1 exact for x < 16
                x -= 1;
                acc += 1 / x;
            }
        }
        double s = (x - DIGAMMA_ROOT_HI) - DIGAMMA_ROOT_LO;
        double p = 0;
        for (int k = DIGAMMA_ROOT_SERIES.length - 1; k >= 0; k--) {
            p = Math.fma(p, s, DIGAMMA_ROOT_SERIES[k]);
        }
        return p * s + acc;
    }

    /** trigamma psi'(x) for x &gt; 0; +infinity at 0. */
    public static double trigamma(double x) {
        if (!(x >= 0)) {
            return Double.NaN;
        }
        if (x == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double acc = 0;
        while (x < TRIGAMMA_ASYMPTOTIC_MIN) {
            acc += 1 / (x * x);
            x += 1;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return acc;
        }
        double r = 1 / x;
        double r2 = r * r;
        double s = 0;
        for (int k = TRIGAMMA_ASYMPTOTIC.length - 1; k >= 0; k--) {
            s = Math.fma(s, r2, TRIGAMMA_ASYMPTOTIC[k]);
        }
        return acc + r * (1 + r * (0.5 + s * r));
    }

    /**
     * log x - psi(x) for x &gt; 0, without cancellation for large x (where it is ~ 1/(2x)): the
     * asymptotic series above DIGAMMA_ASYMPTOTIC_MIN, the difference below (relative error a few
     * 1e-15 near x = 10, where the two terms are ~20x the result).
     */
    public static double logMinusDigamma(double x) {
        if (!(x > 0)) {
            return x == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (x >= DIGAMMA_ASYMPTOTIC_MIN) {
            if (x == Double.POSITIVE_INFINITY) {
                return 0;
            }
            return 0.5 / x + digammaAsymptoticTail(x);
        }
        return Math.log(x) - digamma(x);
    }

    /** sum_k B_2k/(2k) x^(-2k), x &ge; DIGAMMA_ASYMPTOTIC_MIN. */
    private static double digammaAsymptoticTail(double x) {
        double r2 = 1 / (x * x);
        double s = 0;
        for (int k = DIGAMMA_ASYMPTOTIC.length - 1; k >= 0; k--) {
            s = Math.fma(s, r2, DIGAMMA_ASYMPTOTIC[k]);
        }
        return s * r2;
    }

    /** Stirling's series for log Gamma*(x), x &ge; LGAMMA_STIRLING_MIN. */
    private static double stirlingSeries(double x) {
        double r = 1 / x;
        double r2 = r * r;
        double s = 0;
        for (int k = LGAMMA_STIRLING.length - 1; k >= 0; k--) {
            s = Math.fma(s, r2, LGAMMA_STIRLING[k]);
        }
        return s * r;
    }

    /** log Gamma(2 + t) for |t| &le; 0.5 from its Taylor series at 2. */
    private static double lgamma2Series(double t) {
        double s = 0;
        for (int k = LGAMMA2_SERIES.length - 1; k >= 0; k--) {
            s = Math.fma(s, t, LGAMMA2_SERIES[k]);
        }
        return s * t;
    }
}
