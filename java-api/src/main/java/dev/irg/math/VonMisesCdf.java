package dev.irg.math;

import static dev.irg.math.VonMisesConstants.CENTRAL_NODES;
import static dev.irg.math.VonMisesConstants.CENTRAL_WEIGHTS;
import static dev.irg.math.VonMisesConstants.INV_TWO_PI;
import static dev.irg.math.VonMisesConstants.PI_A;
import static dev.irg.math.VonMisesConstants.PI_B;
import static dev.irg.math.VonMisesConstants.PI_C;
import static dev.irg.math.VonMisesConstants.REDUCTION_EXACT_MAX;
import static dev.irg.math.VonMisesConstants.REGION_CENTRAL;
import static dev.irg.math.VonMisesConstants.REGION_INVALID;
import static dev.irg.math.VonMisesConstants.REGION_TAIL;
import static dev.irg.math.VonMisesConstants.TAIL_EXPONENT_CUTOFF;
import static dev.irg.math.VonMisesConstants.TAIL_NODES;
import static dev.irg.math.VonMisesConstants.TAIL_WEIGHTS;
import static dev.irg.math.VonMisesConstants.TWO_PI;

/**
 * The von Mises CDF with location 0 on the real line, its kappa-derivative and the implicit
 * reparameterization gradient dz/dkappa, in float64: the scalar reference.
 *
 * <pre>
 *   F(x)      = int_{-pi}^{x} e^{kappa cos t} dt / (2 pi I0(kappa)),   F(x + 2pi) = F(x) + 1
 *   dF/dkappa = int_{-pi}^{x} (cos t - A) e^{kappa cos t} dt / (2 pi I0(kappa)),   A = I1/I0
 *   dz/dkappa = -(dF/dkappa) / p(x) = -int_{-pi}^{x} (cos t - A) e^{kappa (cos t - cos x)} dt
 * </pre>
 *
 * <p>Method (see docs/vonmises.md). x is reduced to r in [-pi, pi] with a three-part pi, and the
 * small side is always computed directly: for r &gt; 0 the symmetry 1 - F(r) = F(-r) (dF/dkappa and
 * dz/dkappa odd) maps it to the lower half, so only {@code ax = |r|} and {@code y = pi - ax} (both
 * accurate, also next to 0 and pi) enter. With {@code g(t) = cos t - A}, whose only zero on
 * [-pi, 0] is at {@code -arccos A}, {@link #classify} picks one of two integrals with a one-signed
 * integrand:
 * <ul>
 *   <li>{@link VonMisesConstants#REGION_CENTRAL} ({@code cos x > A}): over [-ax, 0], using
 *       F(0) = 1/2 and dF/dkappa(0) = 0; {@link #centralIntegral}, Gauss-Legendre in t.</li>
 *   <li>{@link VonMisesConstants#REGION_TAIL} ({@code cos x <= A}): over [-pi, -ax] with the
 *       integrand scaled by {@code e^{-kappa cos x}} (bounded by 1), truncated where the exponent
 *       falls below {@code -TAIL_EXPONENT_CUTOFF}; {@link #tailIntegral}, Gauss-Legendre in the
 *       distance d = -ax - t. cos t - cos x = -2 sin(ax + d/2) sin(d/2) and
 *       A - cos t = (2 sin^2(ax/2) - (1 - A)) + 2 sin(ax + d/2) sin(d/2) are formed without
 *       cancellation.</li>
 * </ul>
 * The division by the density happens analytically: dz/dkappa never needs I0 or e^{kappa cos x},
 * so it stays finite and accurate where F and p underflow (large kappa next to pi).
 *
 * <p>Domain: kappa &ge; 0 finite (kappa = 0 is the uniform law, with derivatives equal to their
 * limits), x finite; otherwise NaN. Nothing here throws.
 */
public final class VonMisesCdf {
    private VonMisesCdf() {
    }

    /** F(x; kappa) on the real line. */
    public static double cdf(double kappa, double x) {
        return cdf(kappa, x, 0.0);
    }

    /**
     * F(x + xLo; kappa) for a remainder {@code xLo} (|xLo| at most an ulp of x): x - loc carried exactly as
     * the double x - loc plus {@link #differenceLo}. The remainder enters the reduction (r and y = pi - |r| +-
     * xLo), which is where it matters: next to x = -pi the CDF is ~p(-pi) (pi - |r|), so a rounded x - loc was
     * a relative error of up to ulp(pi)/(2 (pi - |r|)) (1.7e-4 at 1e-12 from -pi with loc = 0.3).
     */
    public static double cdf(double kappa, double x, double xLo) {
        if (!valid(kappa, x)) {
            return Double.NaN;
        }
        Reduced r = reduce(x, xLo);
        double omA = BesselI01.oneMinusRatio(kappa);
        double i0e = BesselI01.i0e(kappa);
        double lower;
        if (region(r.ax, omA) == REGION_CENTRAL) {
            lower = 0.5 - centralIntegral(kappa, r.ax, omA, 0) / (TWO_PI * i0e);
        } else {
            double v = kappa * (2.0 * sq(Math.sin(0.5 * r.ax))); // not (2 kappa): it overflows above MAX_VALUE/2
            lower = Math.exp(-v) * (tailIntegral(kappa, r.ax, r.y, tailG0(r.ax, omA), 0) / (TWO_PI * i0e));
        }
        return r.upper ? (r.k + 1.0) - lower : r.k + lower;
    }

    /** dF(x; kappa)/dkappa (periodic in x, odd about 0). */
    public static double dcdfDkappa(double kappa, double x) {
        return dcdfDkappa(kappa, x, 0.0);
    }

    /** dF/dkappa at x + xLo (see {@link #cdf(double, double, double)}). */
    public static double dcdfDkappa(double kappa, double x, double xLo) {
        if (!valid(kappa, x)) {
            return Double.NaN;
        }
        Reduced r = reduce(x, xLo);
        double omA = BesselI01.oneMinusRatio(kappa);
        double i0e = BesselI01.i0e(kappa);
        double lower;
        if (region(r.ax, omA) == REGION_CENTRAL) {
            lower = -centralIntegral(kappa, r.ax, omA, 1) / (TWO_PI * i0e);
        } else {
            double v = kappa * (2.0 * sq(Math.sin(0.5 * r.ax))); // not (2 kappa): it overflows above MAX_VALUE/2
            lower = -Math.exp(-v) * (tailIntegral(kappa, r.ax, r.y, tailG0(r.ax, omA), 1) / (TWO_PI * i0e));
        }
        return r.upper ? -lower : lower;
    }

    /** dz/dkappa = -(dF/dkappa)/p(x; kappa) (periodic in x, sign of -x on (-pi, pi)). */
    public static double gradKappa(double kappa, double x) {
        return gradKappa(kappa, x, 0.0);
    }

    /** dz/dkappa at x + xLo (see {@link #cdf(double, double, double)}). */
    public static double gradKappa(double kappa, double x, double xLo) {
        if (!valid(kappa, x)) {
            return Double.NaN;
        }
        Reduced r = reduce(x, xLo);
        double omA = BesselI01.oneMinusRatio(kappa);
        double lower;
        if (region(r.ax, omA) == REGION_CENTRAL) {
            double v = kappa * (2.0 * sq(Math.sin(0.5 * r.ax))); // not (2 kappa): it overflows above MAX_VALUE/2
            lower = centralIntegral(kappa, r.ax, omA, 1) * Math.exp(v);
        } else {
            lower = tailIntegral(kappa, r.ax, r.y, tailG0(r.ax, omA), 1);
        }
        return r.upper ? -lower : lower;
    }

    /**
     * The region that evaluates (kappa, x): {@link VonMisesConstants#REGION_INVALID},
     * {@link VonMisesConstants#REGION_CENTRAL} or {@link VonMisesConstants#REGION_TAIL}.
     */
    public static int classify(double kappa, double x) {
        return classify(kappa, x, 0.0);
    }

    /** {@link #classify(double, double)} at x + xLo (see {@link #cdf(double, double, double)}). */
    public static int classify(double kappa, double x, double xLo) {
        if (!valid(kappa, x)) {
            return REGION_INVALID;
        }
        return region(reduce(x, xLo).ax, BesselI01.oneMinusRatio(kappa));
    }

    /**
     * The remainder of {@code d = x - loc} (the double difference): x - loc = d + differenceLo(x, loc, d) exactly
     * (Knuth's TwoSum of x and -loc); 0 where the difference is exact (always within a factor 2, Sterbenz).
     */
    public static double differenceLo(double x, double loc, double d) {
        double b = d - x;
        return (x - (d - b)) + (-loc - b);
    }

    /**
     * Region from the reduced |x| ({@code ax} in [0, pi]) and {@code 1 - A(kappa)}: central where
     * cos(ax) &gt; A, i.e. 2 sin^2(ax/2) &lt; 1 - A.
     */
    public static int region(double ax, double oneMinusA) {
        return 2.0 * sq(Math.sin(0.5 * ax)) < oneMinusA ? REGION_CENTRAL : REGION_TAIL;
    }

    /**
     * Central region: {@code int_{-ax}^{0} g(t)^m e^{kappa (cos t - 1)} dt} for m = 0 or 1, with
     * {@code g = cos t - A = (1 - A) - 2 sin^2(t/2)} (positive here). Gauss-Legendre with
     * {@link VonMisesConstants#CENTRAL_POINTS} points: on this interval the exponent varies by at
     * most kappa (1 - A) &lt; 0.61, so the integrand is a smooth, nearly constant function.
     */
    public static double centralIntegral(double kappa, double ax, double oneMinusA, int m) {
        double sum = 0.0;
        for (int i = 0; i < CENTRAL_NODES.length; i++) {
            double s = Math.sin(0.5 * ax * CENTRAL_NODES[i]);
            double q = 2.0 * s * s;
            double w = Math.exp(-kappa * q);
            sum += CENTRAL_WEIGHTS[i] * (m == 0 ? w : (oneMinusA - q) * w);
        }
        return ax * sum;
    }

    /** {@code A - cos x = 2 sin^2(ax/2) - (1 - A)}: the tail integrand's g at t = -ax (&ge; 0). */
    public static double tailG0(double ax, double oneMinusA) {
        return 2.0 * sq(Math.sin(0.5 * ax)) - oneMinusA;
    }

    /**
     * Tail region: {@code int_{-pi}^{-ax} h(t)^m e^{kappa (cos t - cos x)} dt} for m = 0 or 1, with
     * {@code h = A - cos t} (positive here) and x = -ax, y = pi - ax. In d = -ax - t,
     * {@code cos t - cos x = -q}, {@code q = 2 sin(ax + d/2) sin(d/2)} (the first factor taken as
     * sin(y - d/2) when ax &ge; pi/2, so that it is accurate next to pi) and {@code h = g0 + q}.
     * The range of d is cut where kappa q reaches {@link VonMisesConstants#TAIL_EXPONENT_CUTOFF};
     * Gauss-Legendre with {@link VonMisesConstants#TAIL_POINTS} points.
     */
    public static double tailIntegral(double kappa, double ax, double y, double g0, int m) {
        double dmax = tailLength(kappa, ax, y);
        // sin(ax + d/2) = sa cos(d/2) + ca sin(d/2) with (sa, ca) = (sin ax, cos ax) for ax < pi/2
        // (two non-negative terms), else (sin y, -cos y) = sin(y - d/2) (y <= pi/2, y - d/2 >= y/2:
        // at most one bit cancels). cos(d/2) = sqrt(1 - sin^2(d/2)): d/2 <= pi/2 - arccos(A)/2, and it
        // comes close to pi/2 only for large kappa, where dmax is short (d/2 small) unless
        // kappa (1 + cos x) <= cutoff; the relative error of cos(d/2) stays below ~1e-14 at nodes
        // whose weight e^{-kappa q} matters (measured: VonMisesAccuracyTest, docs/vonmises.md).
        boolean nearPi = ax >= 0.5 * Math.PI;
        double sa = nearPi ? Math.sin(y) : Math.sin(ax);
        double ca = nearPi ? -Math.cos(y) : Math.cos(ax);
        double sum = 0.0;
        for (int i = 0; i < TAIL_NODES.length; i++) {
            double sd = Math.sin(0.5 * dmax * TAIL_NODES[i]);
            double cd = Math.sqrt(1.0 - sd * sd);
            double q = 2.0 * (sa * cd + ca * sd) * sd;
            double w = Math.exp(-kappa * q);
            sum += TAIL_WEIGHTS[i] * (m == 0 ? w : (g0 + q) * w);
        }
        return dmax * sum;
    }

    /**
     * Length of the tail integration range in d: all of [0, y] when
     * {@code U = kappa (1 + cos x) = 2 kappa sin^2(y/2)} is at most the cutoff, else up to the point t
     * where kappa (cos x - cos t) = cutoff: y - 2 phi with sin phi = sqrt(sin^2(y/2) - c), c = L/(2 kappa).
     * Evaluated as 2 asin(c / (sin(y/2) sqrt(cos^2(y/2) + c) + cos(y/2) sqrt(sin^2(y/2) - c))) (sin(y/2 - phi),
     * rationalized): the direct difference lost every digit once c fell below the rounding of sin^2(y/2)
     * (kappa above ~1e17: CDF -0.5 at kappa = 1e19, found with mpmath references at kappa 1e13..1e21).
     * sin(y/2), cos(y/2) come from ax/2 = pi/2 - y/2 where ax &lt; pi/2, so that both keep their relative accuracy.
     */
    static double tailLength(double kappa, double ax, double y) {
        boolean nearPi = ax >= 0.5 * Math.PI;
        double sh = nearPi ? Math.sin(0.5 * y) : Math.cos(0.5 * ax); // sin(y/2)
        double ch = nearPi ? Math.cos(0.5 * y) : Math.sin(0.5 * ax); // cos(y/2)
        double s2 = sh * sh;
        double c = 0.5 * TAIL_EXPONENT_CUTOFF / kappa; // not / (2 kappa): 2 kappa overflows above MAX_VALUE/2
        if (!(s2 > c)) {
            return y;
        }
        return 2.0 * Math.asin(c / (sh * Math.sqrt(ch * ch + c) + ch * Math.sqrt(s2 - c)));
    }

    /** x reduced: {@code x = 2 pi k + r}, r in [-pi, pi]; ax = |r|, y = pi - ax; upper = r &gt; 0. */
    record Reduced(double k, double ax, double y, boolean upper) {
    }

    /**
     * Cody-Waite reduction with the three-part pi: r = x - 2k pi and y = pi - |r| computed
     * directly as +-(x - m pi) with m odd, so both are accurate to an ulp of themselves for
     * |x| up to {@link VonMisesConstants#REDUCTION_EXACT_MAX}.
     */
    static Reduced reduce(double x) {
        return reduce(x, 0.0);
    }

    /**
     * {@link #reduce(double)} of x + xLo: the remainder added to r = x - 2k pi and to x - (2k +- 1) pi after the
     * three-part subtraction (so r and y keep their accuracy relative to themselves next to 0 and pi). Far
     * arguments ignore it (their reduction is accurate to an ulp of x, more than xLo).
     */
    static Reduced reduce(double x, double xLo) {
        if (Math.abs(x) > REDUCTION_EXACT_MAX) {
            return reduceFar(x);
        }
        double k = Math.rint(x * INV_TWO_PI);
        for (int attempt = 0; attempt < 2; attempt++) {
            double r = minusMultipleOfPi(x, 2.0 * k) + xLo;
            if (r > 0) {
                double y = -(minusMultipleOfPi(x, 2.0 * k + 1.0) + xLo);
                if (y >= 0) {
                    return new Reduced(k, r, y, true);
                }
                k += 1.0; // r just above pi: it belongs to the next period's lower half
            } else {
                double y = minusMultipleOfPi(x, 2.0 * k - 1.0) + xLo;
                if (y >= 0) {
                    return new Reduced(k, -r, y, false);
                }
                k -= 1.0; // r just below -pi: previous period's upper half
            }
        }
        // not reached for finite x (after one shift r is inside (-pi, pi)); NaN rather than a guess
        return new Reduced(Double.NaN, Double.NaN, Double.NaN, false);
    }

    /**
     * Far arguments (|x| beyond {@link VonMisesConstants#REDUCTION_EXACT_MAX}, where the three-part pi
     * is no longer exact): the phase from sin x and cos x, which the platform reduces exactly for every
     * finite double (Math.sin/cos are within 1 ulp of the true values at any argument), so
     * r = atan2(sin x, cos x) keeps its relative accuracy next to 0 and y = pi - |r| =
     * atan2(|sin x|, -cos x) next to pi. k = (x - r)/2pi is an integer that the rounding of the
     * product cannot move by 1/2 while k &lt; 2^51 (beyond, F = k + F(r) is k to within an ulp anyway).
     * (The first version took the IEEE remainder modulo the double nearest 2 pi: its phase drifted by
     * k * 2.4e-16, 1e-9 at |x| = 2.6e7 and O(1) at 1e15.)
     */
    static Reduced reduceFar(double x) {
        double s = Math.sin(x);
        double c = Math.cos(x);
        double r = Math.atan2(s, c);
        double y = Math.atan2(Math.abs(s), -c);
        double k = Math.rint((x - r) * INV_TWO_PI);
        return new Reduced(k, Math.abs(r), y, r > 0);
    }

    /**
     * {@code x - m pi} with the three-part pi (exact to an ulp of the result for integer |m| &lt; 2^23).
     * Public for the vector ports: with k = rint(x / 2pi), r = x - 2k pi, and y = pi - |r| is
     * {@code -minusMultipleOfPi(x, 2k + 1)} for r &gt; 0, {@code minusMultipleOfPi(x, 2k - 1)} otherwise.
     */
    public static double minusMultipleOfPi(double x, double m) {
        return ((x - m * PI_A) - m * PI_B) - m * PI_C;
    }

    private static boolean valid(double kappa, double x) {
        return kappa >= 0 && kappa < Double.POSITIVE_INFINITY && Math.abs(x) < Double.POSITIVE_INFINITY;
    }

    private static double sq(double v) {
        return v * v;
    }
}
