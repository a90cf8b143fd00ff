package dev.irg.math;

import static dev.irg.math.BetaConstants.BOTH_HUGE_MIN;
import static dev.irg.math.BetaConstants.BOTH_HUGE_Z_MIN;
import static dev.irg.math.BetaConstants.CONVERGENCE_TOL;
import static dev.irg.math.BetaConstants.DIGAMMA_SPLIT;
import static dev.irg.math.BetaConstants.FRACTION_CAP_BASE;
import static dev.irg.math.BetaConstants.FRACTION_CAP_PER_SQRT;
import static dev.irg.math.BetaConstants.FRACTION_MAX_ITER;
import static dev.irg.math.BetaConstants.GAMMA_LIMIT_MIN;
import static dev.irg.math.BetaConstants.GAMMA_LIMIT_OTHER_MAX;
import static dev.irg.math.BetaConstants.GAMMA_LIMIT_SQUARE_FACTOR;
import static dev.irg.math.BetaConstants.GAMMA_LIMIT_W;
import static dev.irg.math.BetaConstants.LOG1P_FORM_MAX;
import static dev.irg.math.BetaConstants.REGION_FRACTION_LOWER;
import static dev.irg.math.BetaConstants.REGION_FRACTION_UPPER;
import static dev.irg.math.BetaConstants.REGION_NAN;
import static dev.irg.math.BetaConstants.SUBNORMAL_OTHER_MIN;
import static dev.irg.math.BetaConstants.SUBNORMAL_PROXY;
import static dev.irg.math.BetaConstants.REGION_ONE;
import static dev.irg.math.BetaConstants.REGION_SERIES_LOWER;
import static dev.irg.math.BetaConstants.REGION_SERIES_UPPER;
import static dev.irg.math.BetaConstants.REGION_ZERO;
import static dev.irg.math.BetaConstants.SERIES_MAX_ITER;
import static dev.irg.math.BetaConstants.SERIES_QU_MAX;
import static dev.irg.math.BetaConstants.SERIES_U_MAX;
import static dev.irg.math.BetaConstants.SHIFT_BAND;
import static dev.irg.math.BetaConstants.SHIFT_DISTANCE;
import static dev.irg.math.BetaConstants.SHIFT_GL_NODES;
import static dev.irg.math.BetaConstants.SHIFT_GL_WEIGHTS;
import static dev.irg.math.BetaConstants.SHIFT_MIN_PARAMETER;
import static dev.irg.math.BetaConstants.SQRT_HALF;
import static dev.irg.math.BetaConstants.STIRLING_MIN;
import static dev.irg.math.SpecialConstants.EULER_GAMMA;
import static dev.irg.math.SpecialConstants.INV_SQRT_2PI;
import static dev.irg.math.SpecialConstants.LOG_SQRT_2PI;

/**
 * The regularized incomplete beta function I_x(a, b), its derivatives in a and b, and the implicit
 * reparameterization gradients of Beta(a, b) samples, dz/da = -(dI/da)/p and dz/db = -(dI/db)/p
 * with p the Beta density: the scalar float64 reference.
 *
 * <h2>Method</h2>
 * {@link #classify} picks one region per element; each region is one evaluation method that
 * carries both parameter derivatives alongside the value (forward mode) and writes all five
 * outputs. Every region works on an oriented problem I_u(p, q) with v = 1 - u: either
 * (p, q, u) = (a, b, x) ("lower", I itself) or (b, a, 1 - x) ("upper", the complement J = 1 - I,
 * computed directly so the small side never comes from a difference of numbers near 1).
 * <ul>
 *   <li>Continued fraction (DLMF 8.17.22) in its even contraction, for u below the switch point
 *       (p + 1)/(p + q + 2). The partial denominators 1 + d_2k + d_2k+1 are rewritten in terms of
 *       d = u (p + q) - p (computed with error-free products), so that they carry no cancellation
 *       when u is near 1: the plain fraction loses digits in proportion to its value there
 *       (1e-10 at a = 1e6, b = 1e-4), the rewritten one does not. Derivatives in p and q go
 *       through the three-term recurrence, renormalized every step.</li>
 *   <li>Power series (DLMF 8.17.7; TOMS 708 BPSER) for u &le; 1/2 with q u &le; 2, with the
 *       complement written as 1 - I_u(p, q) = -expm1(E) - e^E p S', accurate when p is tiny.</li>
 * </ul>
 * The prefactor x^a (1-x)^b / (a B(a, b)) is handled in log space with Stirling's correction for
 * large parameters (never a difference of log Gamma values), and the gradients are formed without
 * it: the ratio of the prefactor to the density is x (1 - x)/a, so dz/da needs no exponential.
 * For a, b up to 1e6 the fraction converges in at most ~570 steps; its step cap grows like
 * sqrt(min(a, b)) (fractionCap), and next to the switch point for min(a, b) &ge; 1e9 it is evaluated
 * 2 sd away and the density integral over the gap added ({@link #shifted}; the normal limit where
 * 2 sd is below an ulp), in place of a uniform asymptotic expansion (measured accuracy and cost:
 * docs/beta.md).
 *
 * <h2>Domain</h2>
 * a, b in (0, inf), x in [0, 1]. x = 0: I = 0, x = 1: I = 1, all derivatives and gradients 0.
 * Anything else (a &le; 0, b &le; 0, x outside [0, 1], NaN, infinity) gives NaN; so does an
 * iteration that does not converge within its cap. Accuracy is specified and tested for a, b in
 * [1e-4, 1e6] (the original tables), [1e8, 1e11] and [1e12, 1e40] (golden beta/huge_ab, giant_ab),
 * measured to 1e150; both parameters above ~1e153 give NaN (the fraction's coefficient products
 * overflow).
 */
public final class IncompleteBeta {
    private IncompleteBeta() {
    }

    /** Index of I_x(a, b) in the output array of {@link #evaluate}. */
    public static final int OUT_CDF = 0;
    /** Index of dI/da. */
    public static final int OUT_DCDF_DA = 1;
    /** Index of dI/db. */
    public static final int OUT_DCDF_DB = 2;
    /** Index of dz/da = -(dI/da)/p. */
    public static final int OUT_GRAD_A = 3;
    /** Index of dz/db = -(dI/db)/p. */
    public static final int OUT_GRAD_B = 4;
    /** Length of the output array of {@link #evaluate}. */
    public static final int OUT_LENGTH = 5;

    /** The index in {@link #evaluate}'s output of a Beta operation's result. */
    public static int outIndex(dev.irg.Op op) {
        return switch (op) {
            case BETA_CDF -> OUT_CDF;
            case BETA_DCDF_DA -> OUT_DCDF_DA;
            case BETA_DCDF_DB -> OUT_DCDF_DB;
            case BETA_GRAD_A -> OUT_GRAD_A;
            case BETA_GRAD_B -> OUT_GRAD_B;
            default -> throw new IllegalArgumentException(op + " is not a Beta operation");
        };
    }

    /** I_x(a, b). */
    public static double cdf(double a, double b, double x) {
        return one(a, b, x, OUT_CDF);
    }

    /** dI_x(a, b)/da. */
    public static double dcdfDa(double a, double b, double x) {
        return one(a, b, x, OUT_DCDF_DA);
    }

    /** dI_x(a, b)/db. */
    public static double dcdfDb(double a, double b, double x) {
        return one(a, b, x, OUT_DCDF_DB);
    }

    /** dz/da = -(dI/da)/p(x; a, b) at a sample z = x (positive). */
    public static double gradA(double a, double b, double x) {
        return one(a, b, x, OUT_GRAD_A);
    }

    /** dz/db = -(dI/db)/p(x; a, b) at a sample z = x (negative). */
    public static double gradB(double a, double b, double x) {
        return one(a, b, x, OUT_GRAD_B);
    }

    private static double one(double a, double b, double x, int which) {
        double[] out = new double[OUT_LENGTH];
        evaluate(a, b, x, out);
        return out[which];
    }

    /** All five outputs (indices OUT_*) of one element into {@code out[0..4]}. */
    public static void evaluate(double a, double b, double x, double[] out) {
        if (x > 0 && x < 1) {
            if (hugeAgainst(b, a) || hugeAgainst(a, b)) {
                gammaLimit(a, b, x, hugeAgainst(b, a), out);
                return;
            }
            if (bothHugeTail(a, b, x, out)) {
                return;
            }
            if (tinyAgainst(a, b) || tinyAgainst(b, a)) {
                tinyParameter(a, b, x, out);
                return;
            }
        }
        evaluateRegions(a, b, x, out);
    }

    /**
     * The five outputs by {@link #classify} and the region's evaluation alone, without the limits for huge or tiny
     * parameters that {@link #evaluate} takes first (for comparisons of the two where both hold).
     */
    public static void evaluateRegions(double a, double b, double x, double[] out) {
        switch (classify(a, b, x)) {
            case REGION_ZERO -> fill(out, 0, 0);
            case REGION_ONE -> fill(out, 1, 0);
            case REGION_SERIES_LOWER -> seriesLower(a, b, x, out);
            case REGION_SERIES_UPPER -> seriesUpper(a, b, x, out);
            case REGION_FRACTION_LOWER -> fractionLower(a, b, x, out);
            case REGION_FRACTION_UPPER -> fractionUpper(a, b, x, out);
            default -> fill(out, Double.NaN, Double.NaN);
        }
    }

    /**
     * Whether {@code h} is huge against {@code o} (BetaConstants.GAMMA_LIMIT_MIN): h finite and at least 2^320,
     * o in (0, 2^53], or larger with h &ge; 2^120 (o + 1)^2 (GAMMA_LIMIT_SQUARE_FACTOR).
     */
    static boolean hugeAgainst(double h, double o) {
        return h >= GAMMA_LIMIT_MIN && h != Double.POSITIVE_INFINITY && o > 0
                && (o <= GAMMA_LIMIT_OTHER_MAX || h >= GAMMA_LIMIT_SQUARE_FACTOR * ((o + 1) * (o + 1)));
    }

    /**
     * One huge parameter (hugeAgainst; the two limits and their errors: BetaConstants.GAMMA_LIMIT_MIN), in the
     * oriented problem: shape s (the other parameter), huge h, sample u (x for a huge b, 1 - x for a huge a),
     * w = -log(1 - u). Gamma limit (w (|s - 1| + 1) &le; GAMMA_LIMIT_W), lambda = h w: J = P(s, lambda),
     * dJ/ds = dP/ds(s, lambda), dJ/dh = g(s, lambda) w with g the Gamma density, the Beta density g h/(1 - u), so
     * du/ds = (d lambda/ds)(1 - u) w/lambda, du/dh = -w (1 - u)/h; g lambda comes as -(dP/ds)/((d lambda/ds)/lambda)
     * (both from IncompleteGamma, no new prefactor), so dJ/dh = -(dP/ds)/(h (d lambda/ds)/lambda). Tail (larger w):
     * J = 1, dJ/ds = dJ/dh = 0, du/ds = ((1 - u)/h)(log u + log h - psi(s)), du/dh = -w (1 - u)/h. For a huge a,
     * I = 1 - J with the signs of the derivatives and gradients turned. {@code hugeB} says which parameter is huge.
     */
    static void gammaLimit(double a, double b, double x, boolean hugeB, double[] out) {
        double s = hugeB ? a : b;
        double h = hugeB ? b : a;
        double rest = hugeB ? 1 - x : x;                   // 1 - u, exact
        double w = hugeB ? -Math.log1p(-x) : -Math.log(x); // -log(1 - u)
        double logU = hugeB ? Math.log(x) : Math.log1p(-x);
        double cdf;      // I: J for a huge b, 1 - J for a huge a
        double djds;
        double djdh;
        double duds;
        // (for a huge a, w = -log x >= 2^-53 > GAMMA_LIMIT_W: always the tail)
        if (hugeB && w * (Math.abs(s - 1) + 1) <= GAMMA_LIMIT_W) {
            // lambda = b w = b x (1 + x/2 + O(x^2)) as hi + lo: b x exactly by an fma, b x x/2 (<= 2^-61 b x) on
            // top. P, dP/ds and the density feel lambda's last bit (condition number ~ sqrt(s) near the mean:
            // 4e-7 off at s = 1e20 when taken at the rounded b w), so they are taken at hi and moved by lo to first
            // order (second order (lo (s - lambda)/lambda)^2 / 2 below 2e-13 for s <= GAMMA_LIMIT_OTHER_MAX = 2^53).
            double hi = h * x;
            double lo = Math.fma(h, x, -hi) + hi * (0.5 * x);
            if (s > GAMMA_LIMIT_OTHER_MAX && IncompleteGamma.classify(s, hi) == GammaConstants.REGION_TEMME) {
                // a shape above 2^53 (GAMMA_LIMIT_SQUARE_FACTOR): Temme's expansion from lambda/s - 1 carried
                // exactly, no first-order move needed
                double lm1 = ((hi - s) + lo) / s;
                cdf = IncompleteGamma.temme(s, hi, lm1, IncompleteGamma.WHAT_P);
                djds = IncompleteGamma.temme(s, hi, lm1, IncompleteGamma.WHAT_DPDA);
                double gradOverLambda = IncompleteGamma.temme(s, hi, lm1, IncompleteGamma.WHAT_GRAD_OVER_X);
                djdh = -djds / (h * gradOverLambda);
                duds = gradOverLambda * w * rest;
            } else {
                double p = IncompleteGamma.eval(s, hi, IncompleteGamma.WHAT_P);
                double dpds = IncompleteGamma.eval(s, hi, IncompleteGamma.WHAT_DPDA);
                double gradOverLambda = IncompleteGamma.eval(s, hi, IncompleteGamma.WHAT_GRAD_OVER_X);
                double g = -dpds / (gradOverLambda * hi); // the Gamma density at hi
                double shift = g * lo;                    // 0 also where g underflowed
                double psi = GammaFunctions.digamma(s);   // -inf below ~5.6e-309 (there the shift of dP/ds is ~1e-16 relative)
                cdf = Math.min(1, Math.max(0, p + shift));
                djds = shift == 0 || psi == Double.NEGATIVE_INFINITY ? dpds : dpds + shift * (Math.log(hi) - psi);
                djdh = (g + shift * ((s - 1) / hi - 1)) * w;
                duds = gradOverLambda * w * rest;
            }
        } else {
            cdf = hugeB ? 1 : 0;
            djds = 0;
            djdh = 0;
            double t = logU + Math.log(h);
            // psi(s) = -1/s - EULER_GAMMA + O(s) below 1e-300, where -1/s may overflow and rest/h/s may not
            duds = s < 1e-300 ? rest / h * (t + EULER_GAMMA) + rest / h / s : rest / h * (t - GammaFunctions.digamma(s));
        }
        double dudh = -w * rest / h;
        if (hugeB) {
            out[OUT_CDF] = cdf;
            out[OUT_DCDF_DA] = djds;
            out[OUT_DCDF_DB] = djdh;
            out[OUT_GRAD_A] = duds;
            out[OUT_GRAD_B] = dudh;
        } else {
            out[OUT_CDF] = cdf;
            out[OUT_DCDF_DA] = -djdh;
            out[OUT_DCDF_DB] = -djds;
            out[OUT_GRAD_A] = -dudh;
            out[OUT_GRAD_B] = -duds;
        }
    }

    /**
     * Both parameters huge (BetaConstants.BOTH_HUGE_MIN) and x away from the mean: I = 0 or 1, dI/da = dI/db = 0
     * (below the double range), dz/da = x(1 - x) log1p(D/a)/D, dz/db = x(1 - x) log1p(-D/b)/D with
     * D = (a + b)x - a. D is formed error-free (deltaFromU/V) on a, b scaled by 2^-64 (exact; a + b may
     * overflow otherwise), and only its quotients by a, b are used. Returns false (nothing written) when the
     * parameters are not both huge or finite, or x is within BOTH_HUGE_Z_MIN standard deviations of the mean.
     */
    static boolean bothHugeTail(double a, double b, double x, double[] out) {
        if (!(Math.min(a, b) >= BOTH_HUGE_MIN) || !(Math.max(a, b) < Double.POSITIVE_INFINITY)) {
            return false;
        }
        double as = a * 0x1p-64;
        double bs = b * 0x1p-64;
        double y = 1 - x;
        double d = x <= 0.5 ? deltaFromU(as, bs, x) : deltaFromV(as, bs, y); // D 2^-64
        double xy = x * y;
        // z = D / sqrt((a + b) x (1 - x)) = d 2^32 / sqrt((as + bs) x (1 - x))
        if (!(Math.abs(d) * 0x1p32 >= BOTH_HUGE_Z_MIN * Math.sqrt((as + bs) * xy))) {
            return false;
        }
        double r = xy / d * 0x1p-64; // x (1 - x)/D
        out[OUT_CDF] = d < 0 ? 0 : 1;
        out[OUT_DCDF_DA] = -0.0;
        out[OUT_DCDF_DB] = 0.0;
        // log1p(D/a) = log(x (a + b)/a): as log x + log1p(b/a) where D/a is next to -1 (x far below the mean,
        // where -1 + x (a + b)/a rounds to -1), else log1p (no cancellation next to the mean); the same for b
        double da = d / as;
        double db = -d / bs;
        out[OUT_GRAD_A] = r * (da < -0.5 ? Math.log(x) + Math.log1p(b / a) : Math.log1p(da));
        out[OUT_GRAD_B] = r * (db < -0.5 ? Math.log1p(-x) + Math.log1p(a / b) : Math.log1p(db));
        return true;
    }

    /**
     * Whether {@code t} is to be replaced by a proxy against {@code o} (BetaConstants.SUBNORMAL_PROXY): t
     * subnormal, or below o 2^-1000 (so that o/t overflows), with o in [2^-900, 2^900].
     */
    static boolean tinyAgainst(double t, double o) {
        return t > 0 && o >= SUBNORMAL_OTHER_MIN && o <= 1 / SUBNORMAL_OTHER_MIN
                && (t < Double.MIN_NORMAL || t < o * SUBNORMAL_PROXY);
    }

    /**
     * One tiny parameter (tinyAgainst; BetaConstants.SUBNORMAL_PROXY): evaluated with it at the proxy
     * t0 = max(2^-1000, other 2^-1000), then, for a tiny a, I and dI/da kept, dI/db scaled by a/t0, dz/da by
     * t0/a, dz/db kept; for a tiny b, I and dI/da scaled by b/t0, dI/db and dz/da kept, dz/db scaled by t0/b.
     */
    static void tinyParameter(double a, double b, double x, double[] out) {
        boolean tinyA = tinyAgainst(a, b);
        double t = tinyA ? a : b;
        double t0 = Math.max(SUBNORMAL_PROXY, (tinyA ? b : a) * SUBNORMAL_PROXY);
        evaluate(tinyA ? t0 : a, tinyA ? b : t0, x, out);
        double down = t / t0;
        double up = t0 / t;
        if (tinyA) {
            out[OUT_DCDF_DB] *= down;
            out[OUT_GRAD_A] *= up;
        } else {
            out[OUT_CDF] *= down;
            out[OUT_DCDF_DA] *= down;
            out[OUT_GRAD_B] *= up;
        }
    }

    /**
     * The region of (a, b, x), one of BetaConstants.REGION_*. Lower side when x is at most the
     * switch point (a + 1)/(a + b + 2) of the continued fraction, upper side (the complement)
     * otherwise; on either side the power series when its variable u is at most SERIES_U_MAX and
     * q u at most SERIES_QU_MAX (q the other parameter), the continued fraction otherwise.
     */
    public static int classify(double a, double b, double x) {
        if (!(a > 0) || !(b > 0) || a == Double.POSITIVE_INFINITY || b == Double.POSITIVE_INFINITY
                || !(x >= 0 && x <= 1)) {
            return REGION_NAN;
        }
        if (x == 0) {
            return REGION_ZERO;
        }
        if (x == 1) {
            return REGION_ONE;
        }
        if (x * (a + b + 2) <= a + 1) {
            return x <= SERIES_U_MAX && b * x <= SERIES_QU_MAX ? REGION_SERIES_LOWER : REGION_FRACTION_LOWER;
        }
        double y = 1 - x;
        return y <= SERIES_U_MAX && a * y <= SERIES_QU_MAX ? REGION_SERIES_UPPER : REGION_FRACTION_UPPER;
    }

    // ---- regions -----------------------------------------------------------------------------------

    /** REGION_SERIES_LOWER: I_x(a, b) by its power series (x &le; 1/2, exact). */
    public static void seriesLower(double a, double b, double x, double[] out) {
        double y = 1 - x;
        double d = deltaFromU(a, b, x);
        double[] r = new double[SERIES_OUT];
        if (!series(a, b, x, y, Math.log(x), Math.log1p(-x), d, r)) {
            fill(out, Double.NaN, Double.NaN);
            return;
        }
        out[OUT_CDF] = r[S_VALUE];
        out[OUT_DCDF_DA] = r[S_DP];
        out[OUT_DCDF_DB] = r[S_DQ];
        out[OUT_GRAD_A] = -r[S_GP];
        out[OUT_GRAD_B] = -r[S_GQ];
    }

    /** REGION_SERIES_UPPER: J = I_{1-x}(b, a) by its power series (1 - x &le; 1/2, exact); I = 1 - J. */
    public static void seriesUpper(double a, double b, double x, double[] out) {
        double y = 1 - x; // exact: x >= 1/2 here
        double d = deltaFromU(b, a, y);
        double[] r = new double[SERIES_OUT];
        if (!series(b, a, y, x, Math.log1p(-x), Math.log(x), d, r)) {
            fill(out, Double.NaN, Double.NaN);
            return;
        }
        out[OUT_CDF] = r[S_COMPLEMENT];
        out[OUT_DCDF_DA] = -r[S_DQ];
        out[OUT_DCDF_DB] = -r[S_DP];
        out[OUT_GRAD_A] = r[S_GQ];
        out[OUT_GRAD_B] = r[S_GP];
    }

    /** REGION_FRACTION_LOWER: I_x(a, b) by the continued fraction. */
    public static void fractionLower(double a, double b, double x, double[] out) {
        double y = 1 - x;
        double d = deltaFromU(a, b, x);
        if (d >= 1) {
            // x above the switch point (d <= 1 - 2x there): classify's rounded test can put x on the wrong
            // side when a + b >~ 1e16 and x is within rounding of the mean (then many sd from it)
            fractionUpper(a, b, x, out);
            return;
        }
        double[] r = new double[FRACTION_OUT];
        if (fractionOrShifted(a, b, x, y, Math.log(x), Math.log1p(-x), d, x <= 0.5, r) < 0) {
            fill(out, Double.NaN, Double.NaN);
            return;
        }
        double e = Math.exp(r[F_LOG_PREFACTOR]);
        double q = x * y / a; // prefactor / density
        out[OUT_CDF] = e * r[F_VALUE];
        out[OUT_DCDF_DA] = e * r[F_TP];
        out[OUT_DCDF_DB] = e * r[F_TQ];
        out[OUT_GRAD_A] = -q * r[F_TP];
        out[OUT_GRAD_B] = -q * r[F_TQ];
    }

    /** REGION_FRACTION_UPPER: J = I_{1-x}(b, a) by the continued fraction; I = 1 - J. */
    public static void fractionUpper(double a, double b, double x, double[] out) {
        double y = 1 - x; // exact when x >= 1/2; otherwise x is the exact one (see deltaFromV)
        double d = x >= 0.5 ? deltaFromU(b, a, y) : deltaFromV(b, a, x);
        if (d >= 1) {
            fractionLower(a, b, x, out); // see fractionLower (there d = -this d <= -1: no way back)
            return;
        }
        double[] r = new double[FRACTION_OUT];
        if (fractionOrShifted(b, a, y, x, Math.log1p(-x), Math.log(x), d, x >= 0.5, r) < 0) {
            fill(out, Double.NaN, Double.NaN);
            return;
        }
        double e = Math.exp(r[F_LOG_PREFACTOR]);
        double q = x * y / b;
        out[OUT_CDF] = 1 - e * r[F_VALUE];
        out[OUT_DCDF_DA] = -e * r[F_TQ];
        out[OUT_DCDF_DB] = -e * r[F_TP];
        out[OUT_GRAD_A] = q * r[F_TQ];
        out[OUT_GRAD_B] = q * r[F_TP];
    }

    private static void fill(double[] out, double cdf, double rest) {
        out[OUT_CDF] = cdf;
        out[OUT_DCDF_DA] = rest;
        out[OUT_DCDF_DB] = rest;
        out[OUT_GRAD_A] = rest;
        out[OUT_GRAD_B] = rest;
    }

    // ---- oriented kernels: I_u(p, q), v = 1 - u ------------------------------------------------

    private static final int F_VALUE = 0;
    private static final int F_TP = 1;
    private static final int F_TQ = 2;
    private static final int F_LOG_PREFACTOR = 3;
    private static final int FRACTION_OUT = 4;

    /**
     * Continued fraction for I_u(p, q) = exp(L) f, L the log prefactor log(u^p v^q / (p B(p, q))).
     * Writes f, T_p = d(f e^L)/dp / e^L = f L_p + f_p, T_q likewise, and L. The even contraction of
     * DLMF 8.17.22: f = 1/(beta_0 - alpha_1/(beta_1 - alpha_2/(beta_2 - ...))) with
     * alpha_k = d_{2k-1} d_{2k}, beta_k = 1 + d_{2k} + d_{2k+1}. Returns the number of steps taken, or
     * -1 if it did not converge within {@link #fractionCap} steps (or gave a non-finite result).
     */
    static int fraction(double p, double q, double u, double v, double lu, double lv, double d, double[] r) {
        double[] pre = new double[3];
        logPrefactor(p, q, lu, lv, d, true, pre);
        double lp = pre[1];
        double lq = pre[2];
        double pq = p + q;

        // k = 0: beta_0 = 1 + d_1 = p (1 - d) / (p (p + 1))
        double b0 = (1 - d) / (p + 1);
        double d1 = -pq * u / (p + 1);
        double b0p = d1 * (1 - q) / (pq * (p + 1)); // d(d_1)/dp
        double b0q = -u / (p + 1);                   // d(d_1)/dq
        // recurrence A_k = beta_k A_{k-1} - alpha_k A_{k-2} (same for B), A_{-1} = 1, A_0 = beta_0,
        // B_{-1} = 0, B_0 = 1; f = B/A; every step rescaled so that A_k = 1.
        double s = 1 / b0;
        double am2 = s;
        double bm2 = 0;
        double bm1 = s;
        double apm2 = 0;
        double apm1 = b0p * s;
        double aqm2 = 0;
        double aqm1 = b0q * s;
        double bpm2 = 0;
        double bpm1 = 0;
        double bqm2 = 0;
        double bqm1 = 0;
        double f = bm1;
        double tp = f * lp + (bpm1 - f * apm1);
        double tq = f * lq + (bqm1 - f * aqm1);
        // d_{2k-1} and its derivatives, carried from the previous step
        double dOdd = d1;
        double dOddP = b0p;
        double dOddQ = b0q;
        int cap = fractionCap(p, q);
        for (int k = 1; k <= cap; k++) {
            // d_{2k} = k (q - k) u / ((p + 2k - 1)(p + 2k))
            double e1 = p + 2 * k - 1;
            double e2 = p + 2 * k;
            double e3 = p + 2 * k + 1;
            double dEven = k * (q - k) * u / (e1 * e2);
            double dEvenP = -dEven * (1 / e1 + 1 / e2);
            double dEvenQ = k * u / (e1 * e2);
            // d_{2k+1} = -(p + k)(p + q + k) u / ((p + 2k)(p + 2k + 1))
            double dNext = -(p + k) * (pq + k) * u / (e2 * e3);
            double dNextP = dNext * (k / ((p + k) * e2) + (k + 1 - q) / ((pq + k) * e3));
            double dNextQ = -(p + k) * u / (e2 * e3);

            double alpha = dOdd * dEven;
            double alphaP = dOddP * dEven + dOdd * dEvenP;
            double alphaQ = dOddQ * dEven + dOdd * dEvenQ;
            // beta_k = 1 + d_{2k} + d_{2k+1}, without cancellation (verified symbolically):
            // [-p d + p(2k+1) + 2k(k+1) + 2k(q-k)u/(p+2k-1) + 2k v (p+k)] / ((p+2k)(p+2k+1))
            double beta = (-p * d + p * (2 * k + 1) + 2.0 * k * (k + 1) + 2.0 * k * (q - k) * u / e1
                    + 2.0 * k * v * (p + k)) / (e2 * e3);
            double betaP = dEvenP + dNextP;
            double betaQ = dEvenQ + dNextQ;

            double an = beta * 1 - alpha * am2; // A_{k-1} = 1 after rescaling
            double bn = beta * bm1 - alpha * bm2;
            double apn = beta * apm1 + betaP - alpha * apm2 - alphaP * am2;
            double aqn = beta * aqm1 + betaQ - alpha * aqm2 - alphaQ * am2;
            double bpn = beta * bpm1 + betaP * bm1 - alpha * bpm2 - alphaP * bm2;
            double bqn = beta * bqm1 + betaQ * bm1 - alpha * bqm2 - alphaQ * bm2;
            s = 1 / an;
            am2 = s;
            bm2 = bm1 * s;
            bm1 = bn * s;
            apm2 = apm1 * s;
            apm1 = apn * s;
            aqm2 = aqm1 * s;
            aqm1 = aqn * s;
            bpm2 = bpm1 * s;
            bpm1 = bpn * s;
            bqm2 = bqm1 * s;
            bqm1 = bqn * s;

            double fn = bm1;
            double tpn = fn * lp + (bpm1 - fn * apm1);
            double tqn = fn * lq + (bqm1 - fn * aqm1);
            if (!(Double.isFinite(fn) && Double.isFinite(tpn) && Double.isFinite(tqn))) {
                return -1; // never recovers (NaN from then on); e.g. products of parameters above ~1e154 overflow
            }
            boolean done = Math.abs(fn - f) <= CONVERGENCE_TOL * Math.abs(fn)
                    && Math.abs(tpn - tp) <= CONVERGENCE_TOL * Math.abs(tpn)
                    && Math.abs(tqn - tq) <= CONVERGENCE_TOL * Math.abs(tqn);
            f = fn;
            tp = tpn;
            tq = tqn;
            if (done) {
                r[F_VALUE] = f;
                r[F_TP] = tp;
                r[F_TQ] = tq;
                r[F_LOG_PREFACTOR] = pre[0];
                return Double.isFinite(f) && Double.isFinite(tp) && Double.isFinite(tq) ? k : -1;
            }
            dOdd = dNext;
            dOddP = dNextP;
            dOddQ = dNextQ;
        }
        return -1;
    }

    /**
     * The fraction for I_u(p, q), or next to the switch point for huge parameters (min(p, q) &ge;
     * SHIFT_MIN_PARAMETER, |u - mean| &lt; SHIFT_BAND sd) the shifted evaluation {@link #shifted}.
     * {@code uExact}: u is the smaller of u, v (then exact: x, or 1 - x with x &ge; 1/2), else v is;
     * the shift moves the smaller one, whose ulp is the finer. (Shifting u = x near 1 instead failed at
     * a = 1.6e26, b = 5.4e18, x = 0.99999997: 2 sd = 3e-17 is below half an ulp of x, so the normal
     * limit was taken at min(a, b) = 5e18, off by 1.2e-10; golden beta/giant_ab.) Same results array
     * and return value as {@link #fraction}.
     */
    static int fractionOrShifted(double p, double q, double u, double v, double lu, double lv, double d,
            boolean uExact, double[] r) {
        if (Math.min(p, q) >= SHIFT_MIN_PARAMETER) {
            double w = Math.sqrt(p / (p + q) * q); // sd of u times (p + q): d / w is u - mean in sd
            if (Math.abs(d) < SHIFT_BAND * w) {
                return shifted(p, q, u, v, lu, lv, d, uExact, w / (p + q), r);
            }
        }
        return fraction(p, q, u, v, lu, lv, d, r);
    }

    /**
     * I_u(p, q) = I_{u0}(p, q) + integral of the density over [u0, u], u0 = u - SHIFT_DISTANCE sd an
     * exact double (from the exact one of u, v; the offset delta = u - u0 is then exact), both
     * written relative to the prefactor e^L at u as {@link #fraction} does: F = f0 R + (p/(u v)) delta
     * S0, T_p = T_p0 R + (p/(u v)) delta S_p, T_q likewise, with R = e^(L(u0) - L(u)), p/(u v) = the
     * density at u over e^L, and S = Gauss-Legendre sums over t = u - tau delta of dens(t)/dens(u)
     * times 1, g_p(t) = log t - psi(p) + psi(p+q), g_q(t) = log(1-t) - psi(q) + psi(p+q). Every log
     * ratio is written with its linear part formed from d (no cancellation of terms ~p tau delta/u):
     * L(u0) - L(u) = delta d/(u v) + p log1pmx(-delta/u) + q log1pmx(delta/v), log(dens(t)/dens(u)) =
     * tau delta (d + 1 - 2u)/(u v) + (p-1) log1pmx(-tau delta/u) + (q-1) log1pmx(tau delta/v),
     * g_p(t) = log1p(d_t/p) + [lmd(p) - lmd(p+q)] with d_t = d - tau delta (p + q).
     */
    static int shifted(double p, double q, double u, double v, double lu, double lv, double d, boolean uExact,
            double sdU, double[] r) {
        double dist = SHIFT_DISTANCE * sdU;
        double u0;
        double v0;
        double delta;
        double lu0;
        double lv0;
        double d0;
        if (uExact) {
            u0 = u - dist;
            delta = u - u0;  // exact (Sterbenz: dist is far below u)
            v0 = 1 - u0;
            lu0 = Math.log(u0);
            lv0 = Math.log1p(-u0);
            d0 = deltaFromU(p, q, u0);
        } else {
            v0 = v + dist;
            delta = v0 - v;  // exact
            u0 = 1 - v0;
            lu0 = Math.log1p(-v0);
            lv0 = Math.log(v0);
            d0 = deltaFromV(p, q, v0);
        }
        if (delta == 0) {
            return normalLimit(p, q, lu, lv, d, sdU, r);
        }
        double[] r0 = new double[FRACTION_OUT];
        int steps = fraction(p, q, u0, v0, lu0, lv0, d0, r0);
        if (steps < 0) {
            return -1;
        }
        double[] pre = new double[3];
        logPrefactor(p, q, lu, lv, d, true, pre);
        double uv = u * v;
        double ratio = Math.exp(delta * d / uv + p * GammaFunctions.log1pmx(-delta / u)
                + q * GammaFunctions.log1pmx(delta / v));
        double c1 = (d + 1 - 2 * u) / uv;
        double dropP = BetaFunctions.logMinusDigammaDrop(p, q);
        double dropQ = BetaFunctions.logMinusDigammaDrop(q, p);
        double pq = p + q;
        double s0 = 0;
        double sp = 0;
        double sq = 0;
        for (int i = 0; i < SHIFT_GL_NODES.length; i++) {
            double dt = SHIFT_GL_NODES[i] * delta;
            double e = SHIFT_GL_WEIGHTS[i] * Math.exp(dt * c1 + (p - 1) * GammaFunctions.log1pmx(-dt / u)
                    + (q - 1) * GammaFunctions.log1pmx(dt / v));
            double dAt = d - dt * pq;
            s0 += e;
            sp += e * (Math.log1p(dAt / p) + dropP);
            sq += e * (Math.log1p(-dAt / q) + dropQ);
        }
        double scale = p / uv * delta;
        double f = r0[F_VALUE] * ratio + scale * s0;
        double tp = r0[F_TP] * ratio + scale * sp;
        double tq = r0[F_TQ] * ratio + scale * sq;
        r[F_VALUE] = f;
        r[F_TP] = tp;
        r[F_TQ] = tq;
        r[F_LOG_PREFACTOR] = pre[0];
        return Double.isFinite(f) && Double.isFinite(tp) && Double.isFinite(tq) ? steps : -1;
    }

    /**
     * The shift for parameters so large that SHIFT_DISTANCE sd is below half an ulp of u (u0 would be
     * u; min(p, q) &gt;~ 3e31): the normal limit I_u = Phi(z), z = d/sqrt(p q/(p+q)) (u - mean in sd),
     * dI/dp = -phi(z)/sd q/(p+q)^2, dI/dq = phi(z)/sd p/(p+q)^2 (the mean's derivatives; the sd's and
     * the skewness term are O(1/sqrt(min(p, q))) &lt; 2e-16 relative here), written relative to e^L as
     * {@link #fraction} does. Returns 0 (no fraction steps).
     */
    static int normalLimit(double p, double q, double lu, double lv, double d, double sdU, double[] r) {
        double[] pre = new double[3];
        logPrefactor(p, q, lu, lv, d, true, pre);
        double pq = p + q;
        double z = d / (sdU * pq);
        double cdf = 0.5 * ErrorFunction.erfc(-z * SQRT_HALF);
        double dens = INV_SQRT_2PI * Math.exp(-0.5 * z * z) / sdU; // phi(z)/sd: the density of u
        double inv = Math.exp(-pre[0]);
        r[F_VALUE] = cdf * inv;
        r[F_TP] = -dens * (q / pq) / pq * inv;
        r[F_TQ] = dens * (p / pq) / pq * inv;
        r[F_LOG_PREFACTOR] = pre[0];
        return Double.isFinite(r[F_VALUE]) && Double.isFinite(r[F_TP]) && Double.isFinite(r[F_TQ]) ? 0 : -1;
    }

    /**
     * Steps the continued fraction takes for (a, b, x) in a fraction region (-1: not converged within
     * its cap; for a shifted evaluation, the steps at the shifted point), 0 in any other region. For the measurements of the cap (tools/coefficients/BetaLargeScan.java).
     */
    public static int fractionSteps(double a, double b, double x) {
        double[] r = new double[FRACTION_OUT];
        double y = 1 - x;
        return switch (classify(a, b, x)) {
            case REGION_FRACTION_LOWER -> fractionOrShifted(a, b, x, y, Math.log(x), Math.log1p(-x), deltaFromU(a, b, x),
                    x <= 0.5, r);
            case REGION_FRACTION_UPPER -> fractionOrShifted(b, a, y, x, Math.log1p(-x), Math.log(x),
                    x >= 0.5 ? deltaFromU(b, a, y) : deltaFromV(b, a, x), x >= 0.5, r);
            default -> 0;
        };
    }

    /**
     * The step cap of the continued fraction for I_u(p, q): FRACTION_CAP_BASE + FRACTION_CAP_PER_SQRT
     * sqrt(min(p, q)), at most FRACTION_MAX_ITER (the count grows with min(p, q) next to the switch
     * point; BetaConstants). A NaN parameter gives the ceiling (never reached: classify sends it to
     * REGION_NAN).
     */
    public static int fractionCap(double p, double q) {
        double c = FRACTION_CAP_BASE + FRACTION_CAP_PER_SQRT * Math.sqrt(Math.min(p, q));
        return c < FRACTION_MAX_ITER ? (int) c : FRACTION_MAX_ITER;
    }

    private static final int S_VALUE = 0;
    private static final int S_COMPLEMENT = 1;
    private static final int S_DP = 2;
    private static final int S_DQ = 3;
    private static final int S_GP = 4;
    private static final int S_GQ = 5;
    private static final int SERIES_OUT = 6;

    /**
     * Power series I_u(p, q) = e^E W, E = log(u^p / (p B(p, q))), W = 1 + p S',
     * S' = sum_{j &ge; 1} c_j / (p + j), c_j = (1 - q)_j u^j / j! (DLMF 8.17.7). Writes the value,
     * the complement 1 - I = -expm1(E) - e^E p S', dI/dp, dI/dq, and (dI/dp)/density,
     * (dI/dq)/density, where e^E / density = u v^(1-q) / p. False if it did not converge.
     */
    static boolean series(double p, double q, double u, double v, double lu, double lv, double d, double[] r) {
        double[] pre = new double[3];
        logPrefactor(p, q, lu, lv, d, false, pre);
        double le = pre[0];
        double lp = pre[1];
        // dE/dq = psi(p+q) - psi(q), formed without the log v of pre[2] (which would cancel)
        double lq = BetaFunctions.log1pRatio(p, q) + BetaFunctions.logMinusDigammaDrop(q, p);
        double c = 1;
        double cq = 0;
        double sum = 0;
        double sumQ = 0;
        double sumP = 0;
        boolean done = false;
        for (int j = 1; j <= SERIES_MAX_ITER; j++) {
            double step = u / j;
            cq = cq * (j - q) * step - c * step;
            c = c * (j - q) * step;
            double t = c / (p + j);
            double tq = cq / (p + j);
            double tp = t * j / (p + j);
            sum += t;
            sumQ += tq;
            sumP += tp;
            if (Math.abs(t) <= CONVERGENCE_TOL * Math.abs(sum) && Math.abs(tq) <= CONVERGENCE_TOL * Math.abs(sumQ)
                    && Math.abs(tp) <= CONVERGENCE_TOL * Math.abs(sumP)) {
                done = true;
                break;
            }
        }
        if (!done) {
            return false;
        }
        double w = 1 + p * sum;
        double tp = w * lp + sumP;           // dW/dp = sum c_j j/(p+j)^2
        double tq = w * lq + p * sumQ;
        double e = Math.exp(le);
        double g = u * Math.exp((1 - q) * lv) / p;
        r[S_VALUE] = e * w;
        r[S_COMPLEMENT] = -Math.expm1(le) - e * p * sum;
        r[S_DP] = e * tp;
        r[S_DQ] = e * tq;
        r[S_GP] = g * tp;
        r[S_GQ] = g * tq;
        return true;
    }

    // ---- the prefactor -----------------------------------------------------------------------------

    /**
     * pre[0] = log(u^p v^q / (p B(p, q))) (without the v^q factor when {@code withV} is false),
     * pre[1] = its p-derivative log u - 1/p - psi(p) + psi(p+q), pre[2] = its q-derivative
     * log v - psi(q) + psi(p+q) (always with the log v term). d = u (p + q) - p, accurate.
     */
    static void logPrefactor(double p, double q, double lu, double lv, double d, boolean withV, double[] pre) {
        double pq = p + q;
        double tp = d / p;
        double tq = -d / q;
        double l;
        if (p >= STIRLING_MIN && q >= STIRLING_MIN) {
            double corr = GammaFunctions.logGammaStirlingCorrection(p) + GammaFunctions.logGammaStirlingCorrection(q)
                    - GammaFunctions.logGammaStirlingCorrection(pq);
            double common = 0.5 * Math.log(p / pq * q) - LOG_SQRT_2PI - Math.log(p) - corr;
            // p log(u (p+q)/p) + q log(v (p+q)/q) = [p log1pmx(d/p)] + [q log1pmx(-d/q)]: the linear
            // parts p (d/p) and q (-d/q) cancel exactly and are left out (logRatioTerm)
            l = logRatioTerm(p, tp, lu, q, d) + logRatioTerm(q, tq, lv, p, -d) + common;
            if (!withV) {
                l -= q * lv;
            }
        } else if (q >= STIRLING_MIN) {
            // log B(p, q) = log Gamma(p) + log Gamma(q) - log Gamma(p+q), the last two by Stirling, their corrections'
            // difference as an increment (BetaFunctions.stirlingCorrectionIncrement): as a plain difference of two
            // corrections it had an absolute error ~1e-18/q, which the complement -expm1(E) - ... of the series
            // (E ~ p for tiny p) turned into a relative error of the CDF ~1e-18/(q p): 1.5 at q = 21, p = 1e-18
            // (the mirrored branch below likewise; found by a fuzz of the public API, 2026-11-29)
            l = p * (lu + Math.log(pq)) + q * GammaFunctions.log1pmx(p / q) - 0.5 * Math.log1p(p / q)
                    - GammaFunctions.logGamma1p(p) + BetaFunctions.stirlingCorrectionIncrement(q, p / q);
            if (withV) {
                l += q * lv;
            }
        } else if (p >= STIRLING_MIN) {
            l = p * lu + q * Math.log(pq) + p * GammaFunctions.log1pmx(q / p) - 0.5 * Math.log1p(q / p)
                    - Math.log(p) - GammaFunctions.logGamma(q) + BetaFunctions.stirlingCorrectionIncrement(p, q / p);
            if (withV) {
                l += q * lv;
            }
        } else {
            // log(p B(p, q)) = log Gamma(1 + p) - (log Gamma(q + p) - log Gamma(q)), the bracket
            // without cancellation for tiny p (needed by the complement -expm1(E) - ...)
            l = p * lu - GammaFunctions.logGamma1p(p) + BetaFunctions.logGammaIncrement(q, p);
            if (withV) {
                l += q * lv;
            }
        }
        pre[0] = l;

        if (p >= DIGAMMA_SPLIT) {
            // log(u (p+q)/p) + (log p - psi(p)) - (log(p+q) - psi(p+q)) - 1/p
            double lup = Math.abs(tp) <= LOG1P_FORM_MAX ? Math.log1p(tp) : lu + BetaFunctions.log1pRatio(q, p);
            pre[1] = lup + BetaFunctions.logMinusDigammaDrop(p, q) - 1 / p;
        } else {
            pre[1] = (lu + Math.log(pq)) - GammaFunctions.digamma(1 + p) - GammaFunctions.logMinusDigamma(pq);
        }
        double lvq = Math.abs(tq) <= LOG1P_FORM_MAX ? Math.log1p(tq) : lv + BetaFunctions.log1pRatio(p, q);
        pre[2] = lvq + BetaFunctions.logMinusDigammaDrop(q, p);
    }

    /**
     * p log(u (p+q)/p) - d with t = d/p (so that u (p+q)/p = 1 + t and p t = d): p log1pmx(t) where
     * 1 + t is not small, else p (log u + log1p(q/p)) - d. "Not small": t &ge; -LOG1P_FORM_MAX, or
     * below it where the rounding of 1 + t (about eps |t|/(1+t)) costs less than the direct form's
     * (about eps (|log u| + log1p(q/p))). Summed with the other parameter's term (-d for +d) the linear
     * parts cancel exactly. The first version took log1pmx only when both |d/p| and |d/q| were at most
     * LOG1P_FORM_MAX and p (log u + log1p(q/p)) + q (log v + log1p(p/q)) otherwise, whose terms
     * cancel: 1.2e-12 at a = 7.2e6, b = 1535, x = 0.99964 (I = 4e-115, the audit's beta/audit_wide),
     * and up to 1.2e-12 inside the domain (far lower tail, a ~ 2e3, b ~ 5e4) in a float64 replay against
     * mpmath; this form: 1.1e-13 and 4.5e-13 (docs/accuracy.md).
     */
    static double logRatioTerm(double p, double t, double lu, double q, double d) {
        if (t >= -LOG1P_FORM_MAX) {
            return p * GammaFunctions.log1pmx(t);
        }
        double l1q = BetaFunctions.log1pRatio(q, p);
        double onePlusT = 1 + t;
        if (onePlusT > 0 && -t < onePlusT * (l1q - lu)) {
            return p * GammaFunctions.log1pmx(t);
        }
        return p * (lu + l1q) - d;
    }

    /**
     * d = u (p + q) - p with u exact, with error-free products and sums (Sterbenz makes the final
     * subtraction exact near the mean, where d is small and needed to full relative accuracy).
     */
    static double deltaFromU(double p, double q, double u) {
        double s = p + q;
        double es = twoSumError(p, q, s);
        double m = u * s;
        double em = Math.fma(u, s, -m);
        return (m - p) + em + u * es;
    }

    /** The same d = u (p + q) - p = q - v (p + q), from v = 1 - u when v is the exact one. */
    static double deltaFromV(double p, double q, double v) {
        double s = p + q;
        double es = twoSumError(p, q, s);
        double m = v * s;
        double em = Math.fma(v, s, -m);
        return (q - m) - em - v * es;
    }

    private static double twoSumError(double a, double b, double s) {
        double bb = s - a;
        return (a - (s - bb)) + (b - bb);
    }
}
