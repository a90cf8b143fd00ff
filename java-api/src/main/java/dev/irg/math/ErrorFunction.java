package dev.irg.math;

import static dev.irg.math.SpecialConstants.ERFCX_TAYLOR;
import static dev.irg.math.SpecialConstants.ERFCX_TAYLOR_HI;
import static dev.irg.math.SpecialConstants.ERFCX_TAYLOR_LO;
import static dev.irg.math.SpecialConstants.ERFCX_TAYLOR_TERMS;
import static dev.irg.math.SpecialConstants.ERFCX_TAYLOR_WIDTH;
import static dev.irg.math.SpecialConstants.ERFC_CF_TERMS;
import static dev.irg.math.SpecialConstants.ERFC_UNDERFLOW_X;
import static dev.irg.math.SpecialConstants.ERF_SERIES;
import static dev.irg.math.SpecialConstants.ERF_SERIES_MAX;
import static dev.irg.math.SpecialConstants.INV_SQRT_PI;

/**
 * erf, erfc and the scaled erfcx(x) = exp(x^2) erfc(x), with full relative accuracy of erfc far
 * into its tail (until it underflows near x = 27.2). Regions ({@link SpecialConstants}): the
 * Maclaurin series of erf for |x| &lt; ERF_SERIES_MAX; Taylor polynomials of erfcx on intervals of
 * width 0.5 up to ERFCX_TAYLOR_HI; the Laplace continued fraction above. exp(-x^2) is evaluated
 * with x^2 split exactly (fma), so its relative error does not grow with x^2.
 */
public final class ErrorFunction {
    private ErrorFunction() {
    }

    /** erf(x). */
    public static double erf(double x) {
        double ax = Math.abs(x);
        if (ax < ERF_SERIES_MAX) {
            return erfSeries(x);
        }
        if (Double.isNaN(x)) {
            return x;
        }
        double r = 1 - erfcPositive(ax);
        return x < 0 ? -r : r;
    }

    /** erfc(x) = 1 - erf(x). */
    public static double erfc(double x) {
        if (Math.abs(x) < ERF_SERIES_MAX) {
            return 1 - erfSeries(x);
        }
        if (Double.isNaN(x)) {
            return x;
        }
        return x > 0 ? erfcPositive(x) : 2 - erfcPositive(-x);
    }

    /** erfcx(x) = exp(x^2) erfc(x); ~ 1/(x sqrt(pi)) for large x, overflows to +infinity below x ~ -26.6. */
    public static double erfcx(double x) {
        if (x >= ERF_SERIES_MAX) {
            return erfcxPositive(x);
        }
        if (Double.isNaN(x)) {
            return x;
        }
        if (x > -ERF_SERIES_MAX) {
            return Math.exp(x * x) * (1 - erfSeries(x));
        }
        // erfcx(-y) = 2 exp(y^2) - erfcx(y)
        double y = -x;
        double e = expSquare(y);
        return 2 * e - erfcxPositive(y);
    }

    /** exp(-x^2) with x^2 = s + e split exactly, so the result is accurate to a few ulp for any x. */
    static double expMinusSquare(double x) {
        double s = x * x;
        double e = Math.fma(x, x, -s);
        return Math.exp(-s) * (1 - e);
    }

    /** exp(x^2), split as in expMinusSquare. */
    private static double expSquare(double x) {
        double s = x * x;
        double e = Math.fma(x, x, -s);
        return Math.exp(s) * (1 + e);
    }

    /** erfc(x) for x &ge; ERF_SERIES_MAX. */
    private static double erfcPositive(double x) {
        if (x > ERFC_UNDERFLOW_X) {
            return 0;
        }
        return expMinusSquare(x) * erfcxPositive(x);
    }

    /** erfcx(x) for x &ge; ERF_SERIES_MAX (including +infinity, where it is 0). */
    private static double erfcxPositive(double x) {
        if (x < ERFCX_TAYLOR_HI) {
            int i = (int) ((x - ERFCX_TAYLOR_LO) / ERFCX_TAYLOR_WIDTH);
            double h = x - (ERFCX_TAYLOR_LO + (i + 0.5) * ERFCX_TAYLOR_WIDTH);
            int base = i * ERFCX_TAYLOR_TERMS;
            double s = 0;
            for (int k = ERFCX_TAYLOR_TERMS - 1; k >= 0; k--) {
                s = Math.fma(s, h, ERFCX_TAYLOR[base + k]);
            }
            return s;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0;
        }
        return INV_SQRT_PI / erfcContinuedFraction(x);
    }

    /**
     * K = x + (1/2)/(x + 1/(x + (3/2)/(x + ...))) with erfcx(x) = 1/(sqrt(pi) K) (DLMF 7.9.2),
     * evaluated backward from ERFC_CF_TERMS terms (a fixed count: no convergence test needed).
     */
    private static double erfcContinuedFraction(double x) {
        double k = x;
        for (int n = ERFC_CF_TERMS; n >= 1; n--) {
            k = x + (0.5 * n) / k;
        }
        return k;
    }

    /** erf(x) = x sum_n c_n x^(2n), |x| &lt; ERF_SERIES_MAX. */
    private static double erfSeries(double x) {
        double x2 = x * x;
        double s = 0;
        for (int k = ERF_SERIES.length - 1; k >= 0; k--) {
            s = Math.fma(s, x2, ERF_SERIES[k]);
        }
        return x * s;
    }
}
