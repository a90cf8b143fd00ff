package dev.irg.simd;

import dev.irg.Op;
import dev.irg.Precision;

/**
 * Equivalence bounds of the SIMD kernels against the scalar reference. float64: 1e-12 relative
 * (issue 4) except in the ill-conditioned regions listed per operation below, where the bound and
 * the reason are stated. float32: results are compared after both are rounded to float, with the
 * float32 accuracy limit of issue 4 (2e-6 relative), which the float32-arithmetic kernels need (see F32).
 */
final class Tolerances {
    /** float64 bound of issue 4. */
    static final double F64 = 1e-12;
    /**
     * Beta derivatives and gradients with a parameter below BETA_TINY_PARAMETER: the derivative sums
     * T = W L + (sum) of IncompleteBeta cancel there (the parameter's own term is O(parameter)); both
     * the scalar reference and the vector kernel are off by up to ~1e-12 from mpmath (e.g. dz/db at
     * a = 1.31e-4, b = 1.12e4, x = 8.97e-5: scalar 1.3e-12, SIMD 1.9e-13; dI/db at a = 2.41e-4,
     * b = 5.43e5, x = 1.88e-6: scalar 2.5e-14, SIMD 8.2e-13, truth from tools/coefficients/beta_reference.py).
     */
    static final double F64_BETA_ILL_CONDITIONED = 1e-11;
    /** Parameter size (min(a, b)) below which the Beta derivative bound is F64_BETA_ILL_CONDITIONED. */
    static final double BETA_TINY_PARAMETER = 1.0;
    /**
     * Beta, every operation: the prefactor x^a (1-x)^b / (a B(a, b)) (and u v^(1-q) in the series
     * gradients) is the exponential of a sum whose terms are as large as a |log x| + b |log(1-x)|;
     * a last-bit difference of the vector log (not bit-identical to Math.log) moves such a term,
     * hence the result, by that size times the unit roundoff. Bound: BETA_LOG_ULPS units of 2^-53
     * per unit of that size, when larger than the plain bound (e.g. dI/da at a = 4.78e4, b = 2.84e3,
     * x = 0.907, I ~ 1e-208: 1.4e-12, size 1.1e4).
     */
    static final double BETA_LOG_ULPS = 4;
    /**
     * float32 bound of issue 4 (max relative error against the truth; here against the reference rounded
     * to float). Every float32 operation is held to it. For the operations with float32-arithmetic
     * kernels (FloatFamily: Gamma dz/dalpha) it is the real bound: they compute in float and differ from
     * the rounded float64 reference by a few float ulps (docs/simd.md, "float32 arithmetic"); the others
     * compute in float64 (the Gamma and Beta sums stopped at 2^-30 for float32 results) and round once, and stay
     * within one float ulp (1.2e-7) of it.
     */
    static final double F32 = 2e-6;

    private Tolerances() {
    }

    static EquivalenceHarness.Tolerance of(Op op, Precision pr) {
        if (pr == Precision.F32) {
            return (p0, p1, x, ref) -> F32;
        }
        return switch (op) {
            case BETA_CDF -> (a, b, x, ref) -> Math.max(F64, betaPrefactorBound(a, b, x));
            case BETA_DCDF_DA, BETA_DCDF_DB, BETA_GRAD_A, BETA_GRAD_B -> (a, b, x, ref) -> Math.max(
                    Math.min(a, b) < BETA_TINY_PARAMETER ? F64_BETA_ILL_CONDITIONED : F64, betaPrefactorBound(a, b, x));
            default -> (p0, p1, x, ref) -> F64;
        };
    }

    /** BETA_LOG_ULPS 2^-53 (a |log x| + b |log(1-x)|), 0 where not finite (edge operands). */
    static double betaPrefactorBound(double a, double b, double x) {
        double size = a * Math.abs(Math.log(x)) + b * Math.abs(Math.log1p(-x));
        return Double.isFinite(size) ? BETA_LOG_ULPS * 0x1p-53 * size : 0;
    }
}
