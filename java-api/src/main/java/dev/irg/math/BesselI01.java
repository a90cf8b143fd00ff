package dev.irg.math;

import static dev.irg.math.VonMisesConstants.BESSEL_ASYMPTOTIC_MIN_KAPPA;
import static dev.irg.math.VonMisesConstants.BESSEL_DIFF_ASYM;
import static dev.irg.math.VonMisesConstants.BESSEL_I0E_ASYM;
import static dev.irg.math.VonMisesConstants.BESSEL_SERIES_MAX_TERMS;
import static dev.irg.math.VonMisesConstants.INV_SQRT_TWO_PI;

/**
 * Modified Bessel functions of order 0 and 1 as the von Mises CDF needs them, for kappa &ge; 0:
 * the scaled {@code I0(k) e^-k} and {@code 1 - A(k)} with {@code A = I1/I0}, each to a few ulps.
 *
 * <p>Regions ({@link #isAsymptotic}): below {@link VonMisesConstants#BESSEL_ASYMPTOTIC_MIN_KAPPA}
 * the power series of I0 and I1 (positive terms); above it the asymptotic series in 1/kappa of
 * {@code I0 e^-k} and of {@code (I0 - I1) e^-k}, the latter so that {@code 1 - A ~ 1/(2k)} is
 * computed without cancellation. Invalid kappa (negative, NaN, infinite) gives NaN.
 */
public final class BesselI01 {
    private BesselI01() {
    }

    /** Region choice: true when the asymptotic series are used at this kappa. */
    public static boolean isAsymptotic(double kappa) {
        return kappa >= BESSEL_ASYMPTOTIC_MIN_KAPPA;
    }

    /** {@code I0(kappa) e^-kappa}. */
    public static double i0e(double kappa) {
        if (!(kappa >= 0) || kappa == Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        if (isAsymptotic(kappa)) {
            return asymptoticI0e(kappa);
        }
        return seriesI0(kappa) * Math.exp(-kappa);
    }

    /** {@code 1 - I1(kappa)/I0(kappa)}: 1 at kappa = 0, about 1/(2 kappa) for large kappa. */
    public static double oneMinusRatio(double kappa) {
        if (!(kappa >= 0) || kappa == Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        if (isAsymptotic(kappa)) {
            return asymptoticDiff(kappa) / asymptoticI0e(kappa);
        }
        return 1.0 - seriesI1(kappa) / seriesI0(kappa);
    }

    /** {@code A(kappa) = I1(kappa)/I0(kappa)}. */
    public static double ratio(double kappa) {
        if (!(kappa >= 0) || kappa == Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        if (isAsymptotic(kappa)) {
            return 1.0 - asymptoticDiff(kappa) / asymptoticI0e(kappa);
        }
        return seriesI1(kappa) / seriesI0(kappa);
    }

    /** Power series I0(k) = sum (k^2/4)^j / (j!)^2; NaN if not converged within the cap. */
    static double seriesI0(double kappa) {
        double q = 0.25 * kappa * kappa;
        double term = 1.0;
        double sum = 1.0;
        for (int j = 1; j <= BESSEL_SERIES_MAX_TERMS; j++) {
            term *= q / ((double) j * j);
            sum += term;
            if (term <= 0x1p-60 * sum) {
                return sum;
            }
        }
        return Double.NaN;
    }

    /** Power series I1(k) = (k/2) sum (k^2/4)^j / (j! (j+1)!); NaN if not converged. */
    static double seriesI1(double kappa) {
        double q = 0.25 * kappa * kappa;
        double term = 1.0;
        double sum = 1.0;
        for (int j = 1; j <= BESSEL_SERIES_MAX_TERMS; j++) {
            term *= q / ((double) j * (j + 1));
            sum += term;
            if (term <= 0x1p-60 * sum) {
                return 0.5 * kappa * sum;
            }
        }
        return Double.NaN;
    }

    /** I0(k) e^-k by the asymptotic series (all terms positive), Horner in 1/k. */
    static double asymptoticI0e(double kappa) {
        double r = 1.0 / kappa;
        double s = 0.0;
        for (int j = BESSEL_I0E_ASYM.length - 1; j >= 0; j--) {
            s = s * r + BESSEL_I0E_ASYM[j];
        }
        return s * INV_SQRT_TWO_PI / Math.sqrt(kappa);
    }

    /** (I0(k) - I1(k)) e^-k by the asymptotic series (terms positive, leading 1/(2k)). */
    static double asymptoticDiff(double kappa) {
        double r = 1.0 / kappa;
        double s = 0.0;
        for (int j = BESSEL_DIFF_ASYM.length - 1; j >= 0; j--) {
            s = s * r + BESSEL_DIFF_ASYM[j];
        }
        return s * INV_SQRT_TWO_PI / Math.sqrt(kappa);
    }
}
