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
            case GAMMA_CDF -> (a, rate, x) -> validRate(rate) ? IncompleteGamma.p(a, rate * x) : Double.NaN;
            case GAMMA_DCDF_DALPHA -> (a, rate, x) -> validRate(rate) ? IncompleteGamma.dpDa(a, rate * x) : Double.NaN;
            case GAMMA_GRAD_ALPHA -> (a, rate, x) -> validRate(rate) ? IncompleteGamma.gradAlpha(a, rate * x) / rate : Double.NaN;
            case GAMMA_GRAD_RATE -> Reference::gammaGradRate;
            case BETA_CDF -> IncompleteBeta::cdf;
            case BETA_DCDF_DA -> IncompleteBeta::dcdfDa;
            case BETA_DCDF_DB -> IncompleteBeta::dcdfDb;
            case BETA_GRAD_A -> IncompleteBeta::gradA;
            case BETA_GRAD_B -> IncompleteBeta::gradB;
            case VONMISES_CDF -> (k, loc, x) -> Double.isFinite(loc) ? VonMisesCdf.cdf(k, x - loc) : Double.NaN;
            case VONMISES_DCDF_DKAPPA -> (k, loc, x) -> Double.isFinite(loc) ? VonMisesCdf.dcdfDkappa(k, x - loc) : Double.NaN;
            case VONMISES_GRAD_KAPPA -> (k, loc, x) -> Double.isFinite(loc) ? VonMisesCdf.gradKappa(k, x - loc) : Double.NaN;
        };
    }

    /** {@code op(p0, p1, x)}. */
    public static double eval(Op op, double p0, double p1, double x) {
        return of(op).apply(p0, p1, x);
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
