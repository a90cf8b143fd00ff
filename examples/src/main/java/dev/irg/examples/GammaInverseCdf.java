package dev.irg.examples;

import dev.irg.math.IncompleteGamma;

/**
 * The Gamma(alpha, rate) quantile by a bracketed root finder on the scalar reference CDF: the
 * "numerically inverted CDF" that the variance example differentiates by finite differences, and
 * the tests use to move a sample with its parameters while its CDF value u stays fixed (the map
 * whose derivative the implicit gradient is).
 *
 * <p>Solves in t = log x (x = rate * z), where the CDF is increasing and smooth: P(alpha, e^t) = u for
 * u at most 1/2, Q(alpha, e^t) = 1 - u above (1 - u is exact there, and Q keeps the upper tail's
 * digits). Illinois regula falsi inside a bracket found by doubling steps from log(alpha).
 */
final class GammaInverseCdf {
    /** Bracket expansion cap: steps double, so 64 steps cover |t| up to 2^64. */
    static final int MAX_BRACKET_STEPS = 64;
    /** Root iteration cap: Illinois converges superlinearly; 200 steps leave ample room (tests see about 10-30). */
    static final int MAX_ITERATIONS = 200;
    /** Stop when the bracket in t is this narrow: 4 ulps of t near 1, i.e. x to about 1e-15 relative. */
    static final double T_TOLERANCE = 1e-15;

    private GammaInverseCdf() {
    }

    /** The z with P(alpha, rate z) = u, 0 < u < 1; NaN outside the domain. */
    static double quantile(double alpha, double rate, double u) {
        if (!(alpha > 0) || alpha == Double.POSITIVE_INFINITY || !(rate > 0) || rate == Double.POSITIVE_INFINITY
                || !(u > 0 && u < 1)) {
            return Double.NaN;
        }
        boolean lower = u <= 0.5;
        double target = lower ? u : 1 - u;
        double t0 = Math.log(alpha);
        double lo = t0 - 1, hi = t0 + 1;
        double flo = g(alpha, lo, target, lower), fhi = g(alpha, hi, target, lower);
        double step = 2;
        for (int i = 0; i < MAX_BRACKET_STEPS && flo > 0; i++, step *= 2) {
            hi = lo;
            fhi = flo;
            lo -= step;
            flo = g(alpha, lo, target, lower);
        }
        step = 2;
        for (int i = 0; i < MAX_BRACKET_STEPS && fhi < 0; i++, step *= 2) {
            lo = hi;
            flo = fhi;
            hi += step;
            fhi = g(alpha, hi, target, lower);
        }
        if (!(flo <= 0 && fhi >= 0)) {
            return Double.NaN;
        }
        int side = 0;
        for (int i = 0; i < MAX_ITERATIONS && hi - lo > T_TOLERANCE * Math.max(1, Math.abs(lo)); i++) {
            double t = (lo * fhi - hi * flo) / (fhi - flo);
            if (!(t > lo && t < hi)) {
                t = 0.5 * (lo + hi);
            }
            double f = g(alpha, t, target, lower);
            if (f == 0) {
                return Math.exp(t) / rate;
            }
            if (f < 0) {
                lo = t;
                flo = f;
                if (side == -1) {
                    fhi *= 0.5; // Illinois: halve the stale end's value
                }
                side = -1;
            } else {
                hi = t;
                fhi = f;
                if (side == 1) {
                    flo *= 0.5;
                }
                side = 1;
            }
        }
        return Math.exp(0.5 * (lo + hi)) / rate;
    }

    /** Increasing in t: P(alpha, e^t) - u, or (1 - u) - Q(alpha, e^t). */
    private static double g(double alpha, double t, double target, boolean lower) {
        double x = Math.exp(t);
        return lower ? IncompleteGamma.p(alpha, x) - target : target - IncompleteGamma.q(alpha, x);
    }

    /** The CDF value of z under Gamma(alpha, rate), from the reference. */
    static double cdf(double alpha, double rate, double z) {
        return IncompleteGamma.p(alpha, rate * z);
    }
}
