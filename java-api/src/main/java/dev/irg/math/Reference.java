package dev.irg.math;

import dev.irg.Op;

/**
 * The scalar float64 reference for every {@link Op}: the specification the SIMD and CUDA backends
 * are tested against. Maps an operation's two parameters and sample to the distribution families
 * ({@link IncompleteGamma}, {@link IncompleteBeta}, {@link VonMisesCdf}), applying the rate of the
 * Gamma and the location of the von Mises here. Out-of-domain values give NaN.
 */
public final class Reference {
    private Reference() {
    }

    /** A scalar kernel {@code (p0, p1, x) -> value}. */
    @FunctionalInterface
    public interface Fn {
        double apply(double p0, double p1, double x);
    }

    /** The scalar function computing {@code op}. */
    public static Fn of(Op op) {
        return switch (op) {
            case GAMMA_CDF -> (a, rate, x) -> gamma(a, rate, x, IncompleteGamma.WHAT_P);
            case GAMMA_DCDF_DALPHA -> (a, rate, x) -> gamma(a, rate, x, IncompleteGamma.WHAT_DPDA);
            case GAMMA_GRAD_ALPHA -> (a, rate, x) -> gamma(a, rate, x, IncompleteGamma.WHAT_GRAD);
            case GAMMA_GRAD_RATE -> Reference::gammaGradRate;
            case BETA_CDF -> IncompleteBeta::cdf;
            case BETA_DCDF_DA -> IncompleteBeta::dcdfDa;
            case BETA_DCDF_DB -> IncompleteBeta::dcdfDb;
            case BETA_GRAD_A -> IncompleteBeta::gradA;
            case BETA_GRAD_B -> IncompleteBeta::gradB;
            case VONMISES_CDF -> (k, loc, x) -> vonMisesAt(VonMisesCdf::cdf, k, loc, x);
            case VONMISES_DCDF_DKAPPA -> (k, loc, x) -> vonMisesAt(VonMisesCdf::dcdfDkappa, k, loc, x);
            case VONMISES_GRAD_KAPPA -> (k, loc, x) -> vonMisesAt(VonMisesCdf::gradKappa, k, loc, x);
        };
    }

    /** A von Mises function of kappa and x + xLo (VonMisesCdf's three-argument forms). */
    private interface VonMisesFn {
        double apply(double kappa, double x, double xLo);
    }

    /**
     * {@code f} at x - loc, carried as the double difference plus its exact remainder
     * ({@link VonMisesCdf#differenceLo}: the rounding of x - loc mattered next to -pi and pi); NaN for a
     * non-finite loc.
     */
    private static double vonMisesAt(VonMisesFn f, double kappa, double loc, double x) {
        if (!Double.isFinite(loc)) {
            return Double.NaN;
        }
        double d = x - loc;
        return f.apply(kappa, d, VonMisesCdf.differenceLo(x, loc, d));
    }

    /** {@code op(p0, p1, x)}. */
    public static double eval(Op op, double p0, double p1, double x) {
        return of(op).apply(p0, p1, x);
    }

    /**
     * Gamma(alpha, rate) at the sample z through the standard Gamma(alpha, 1) at u = rate z:
     * P(alpha, u), dP/dalpha, or dz/dalpha = (du/dalpha)/rate ({@code what} = IncompleteGamma.WHAT_P,
     * WHAT_DPDA or WHAT_GRAD). Where the product u falls below Double.MIN_NORMAL although z &gt; 0 (it
     * underflowed to 0, or is subnormal and has lost relative digits) u enters only through
     * log u = log rate + log z ({@link IncompleteGamma#evalLogX}), and dz/dalpha = z (d log u/dalpha).
     * (Found by the audit, docs/accuracy.md: alpha = 2.9e-4, rate = 1.9e-5, z = 1.8e-320 underflowed to
     * u = 0 and gave P = 0, dP/dalpha = 0 instead of 0.80 and -599; alpha = 1.4e-3, rate = 2.4e-10,
     * z = 1.05e-305 gave dz/dalpha 4.6e-10 off from the rounded subnormal u. Tiny-alpha samples are
     * below 1e-300 half of the time at alpha = 1e-3.) Where u overflows although rate and z are finite,
     * dz/dalpha is its upper-tail limit ({@link #gradOverflowed}). Public for the SIMD port's edge lanes.
     */
    public static double gamma(double a, double rate, double z, int what) {
        if (!validRate(rate)) {
            return Double.NaN;
        }
        double u = rate * z;
        if (u < Double.MIN_NORMAL && z > 0) {
            double logU = Math.log(rate) + Math.log(z);
            return what == IncompleteGamma.WHAT_GRAD ? z * IncompleteGamma.evalLogX(a, logU, IncompleteGamma.WHAT_GRAD_OVER_X)
                    : IncompleteGamma.evalLogX(a, logU, what);
        }
        if (u == Double.POSITIVE_INFINITY && z < Double.POSITIVE_INFINITY && what == IncompleteGamma.WHAT_GRAD) {
            return gradOverflowed(a, rate, z);
        }
        double v = IncompleteGamma.eval(a, u, what);
        if (what == IncompleteGamma.WHAT_GRAD) {
            return v / rate;
        }
        return IncompleteGamma.atExactProduct(v, a, rate, z, u, what); // u = rate z was rounded
    }

    /**
     * dz/dalpha where u = rate z overflowed (rate and z finite): u is beyond Double.MAX_VALUE, so far in
     * the upper tail that du/dalpha = log u - psi(alpha) to double precision for alpha up to
     * {@link GammaConstants#OVERFLOW_ALPHA_MAX} (see there), with log u = log rate + log z. Above it u may be
     * within a factor 1 + 2^-52 of alpha, but still (u - alpha)/sqrt(alpha) &ge; ~1e138 standard deviations
     * out: there Q = g(u) u/(u - alpha + 1) (1 + O(alpha/(u - alpha)^2)) gives du/dalpha =
     * (log(u/alpha) + log alpha - psi(alpha)) u/(u - alpha + 1) ({@link #gradFarAboveMean}). NaN for an invalid
     * alpha. (P = 1 and dP/dalpha = 0 there already come from u = +inf.)
     */
    static double gradOverflowed(double a, double rate, double z) {
        if (!(a > 0) || a == Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        if (a <= GammaConstants.OVERFLOW_ALPHA_MAX) {
            return (Math.log(rate) + Math.log(z) - GammaFunctions.digamma(a)) / rate;
        }
        return gradFarAboveMean(a, rate, z);
    }

    /**
     * dz/dalpha = (log(u/alpha) + log alpha - psi(alpha)) u/((u - alpha + 1) rate) for u = rate z far above the
     * mean alpha (see gradOverflowed; the leading term of the upper tail, relative error O(alpha/(u - alpha)^2)),
     * u not formed where it overflows: with rate &ge; 1 (u &gt; MAX_VALUE &ge; z implies it), (u - alpha)/4 is
     * one fma of the operands scaled by 1/4 while u/4 is finite (u/alpha - 1 then from it, without the
     * cancellation of log u - log alpha), else u/alpha &ge; 4 and the logs are taken apart.
     */
    static double gradFarAboveMean(double a, double rate, double z) {
        double rq = rate * 0.25;
        double uq = rq * z;
        double logC;
        double factor;
        if (uq < Double.POSITIVE_INFINITY) {
            double dq = Math.fma(rq, z, -a * 0.25); // (u - alpha)/4, one rounding
            logC = Math.log1p(dq / (a * 0.25));
            factor = uq / (dq + 0.25);             // u/(u - alpha + 1)
        } else {
            logC = Math.log(rate) + Math.log(z) - Math.log(a);
            factor = 1 / (1 - (a - 1) / rate / z);
        }
        return (logC + GammaFunctions.logMinusDigamma(a)) * factor / rate;
    }

    private static boolean validRate(double rate) {
        return rate > 0 && rate < Double.POSITIVE_INFINITY;
    }

    /**
     * dz/drate = -z/rate for z = x/rate with x ~ Gamma(alpha, 1): needs no special function, but
     * keeps the same domain as the other Gamma operations.
     */
    static double gammaGradRate(double alpha, double rate, double z) {
        if (!(alpha > 0) || alpha == Double.POSITIVE_INFINITY || !validRate(rate) || !(z >= 0)) {
            return Double.NaN;
        }
        return -z / rate;
    }
}
