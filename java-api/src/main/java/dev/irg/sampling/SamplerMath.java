package dev.irg.sampling;

import static dev.irg.sampling.SamplingConstants.SAMPLER_ATAN;
import static dev.irg.sampling.SamplingConstants.SAMPLER_COS_2PI;
import static dev.irg.sampling.SamplingConstants.SAMPLER_EXP;
import static dev.irg.sampling.SamplingConstants.SAMPLER_EXP_MAX;
import static dev.irg.sampling.SamplingConstants.SAMPLER_EXP_MIN;
import static dev.irg.sampling.SamplingConstants.SAMPLER_HYPOT1_T_MAX;
import static dev.irg.sampling.SamplingConstants.SAMPLER_INV_LN2;
import static dev.irg.sampling.SamplingConstants.SAMPLER_LN2_HI;
import static dev.irg.sampling.SamplingConstants.SAMPLER_LN2_LO;
import static dev.irg.sampling.SamplingConstants.SAMPLER_LOG_P;
import static dev.irg.sampling.SamplingConstants.SAMPLER_PI_4_HI;
import static dev.irg.sampling.SamplingConstants.SAMPLER_PI_4_LO;
import static dev.irg.sampling.SamplingConstants.SAMPLER_ROUND_MAGIC;
import static dev.irg.sampling.SamplingConstants.SAMPLER_SIN_2PI;
import static dev.irg.sampling.SamplingConstants.SAMPLER_SQRT2;
import static dev.irg.sampling.SamplingConstants.SAMPLER_TAN_PI_8;

/**
 * The elementary functions of the samplers ({@code log}, {@code log1p}, {@code exp}, {@code cos(2 pi u)},
 * {@code sin} and {@code cos} of {@code pi u / 2}, {@code atan2} in the first quadrant, {@code sqrt(1 + t^2)}), written in basic float64 arithmetic: additions, multiplications, one division,
 * {@link Math#fma} and bit manipulation, each a correctly rounded IEEE operation. The SIMD sampler
 * evaluates the same operations in the same order on vector lanes, and the CUDA sampler in device code
 * (every product that feeds a sum is an explicit {@code fma} or a product the device compiler may not
 * contract), so all three give the same bits. {@code java.lang.Math} would not allow that: its results may
 * differ by an ulp from a vector or CUDA {@code log}/{@code cos}, and a sampler must be identical on every
 * backend (docs/sampling.md, "Elementary functions").
 *
 * <p>Accuracy against mpmath (docs/sampling.md, tools/audit/sampler_math.py, 20000 random arguments each):
 * log 0.73, exp 0.81, hypot1 0.83, cos2pi and sin/cos of pi u / 2 1.5, log1p 2.17, atan2Positive 2.77 ulps at
 * most; SamplerMathTest checks 10^6 arguments per function against {@code java.lang.Math}. That is all a
 * sampler needs (the samples are exact functions of these values, not of the true functions).
 */
public final class SamplerMath {
    private static final long EXPONENT_SHIFT = 52;
    private static final long SIGNIFICAND_MASK = 0x000F_FFFF_FFFF_FFFFL;
    private static final long ONE_BITS = 0x3FF0_0000_0000_0000L;
    private static final long EXPONENT_BIAS = 1023;
    /** 2^54: scales a subnormal argument of log into the normal range. */
    private static final double TWO_POW_54 = 0x1.0p54;

    private SamplerMath() {
    }

    /**
     * Natural logarithm. For positive normal finite {@code x} (every argument the samplers pass): with
     * {@code x = 2^k m}, {@code m} in [sqrt(2)/2, sqrt(2)), {@code f = m - 1} (exact),
     * {@code log x = k ln2_hi + (f - (hf - (s (hf + z P(z)) + k ln2_lo)))}. A subnormal x is scaled by
     * 2^54 first; NaN and negative x give NaN, 0 gives -inf, +inf gives +inf.
     */
    public static double log(double x) {
        if (x >= Double.MIN_NORMAL && x < Double.POSITIVE_INFINITY) {
            return logNormal(x);
        }
        if (x > 0 && x < Double.MIN_NORMAL) {
            return logNormal(x * TWO_POW_54) - 54 * SAMPLER_LN2_HI - 54 * SAMPLER_LN2_LO;
        }
        if (x == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return x == Double.POSITIVE_INFINITY ? x : Double.NaN;
    }

    /** {@link #log} of a positive normal finite x. */
    private static double logNormal(double x) {
        long bits = Double.doubleToRawLongBits(x);
        double k = (double) ((bits >>> EXPONENT_SHIFT) - EXPONENT_BIAS);
        double m = Double.longBitsToDouble((bits & SIGNIFICAND_MASK) | ONE_BITS);
        if (m > SAMPLER_SQRT2) {
            m = 0.5 * m;
            k = k + 1;
        }
        double f = m - 1;
        double s = f / (2 + f);
        double z = s * s;
        double hf = 0.5 * f * f;
        double t = Math.fma(z, horner(SAMPLER_LOG_P, z), hf);
        return Math.fma(k, SAMPLER_LN2_HI, f - (hf - Math.fma(s, t, k * SAMPLER_LN2_LO)));
    }

    /**
     * log(1 + x) for x &gt; -1: with {@code u = 1 + x} rounded, {@code log(u) x / (u - 1)} (the factor
     * corrects the rounding of u; Goldberg, "What every computer scientist should know about
     * floating-point arithmetic", Theorem 4), and x itself where u rounds to 1.
     */
    public static double log1p(double x) {
        double u = 1 + x;
        if (u == 1) {
            return x;
        }
        return log(u) * (x / (u - 1));
    }

    /**
     * e^y: {@code y = k ln2 + r}, k the nearest integer to y / ln 2, |r| &lt;= ln(2)/2 (plus rounding),
     * e^r by its Taylor polynomial, then scaled by 2^k in two exact halves so that a subnormal result is
     * rounded once. 0 below {@link SamplingConstants#SAMPLER_EXP_MIN}, +inf above
     * {@link SamplingConstants#SAMPLER_EXP_MAX}, NaN for NaN.
     */
    public static double exp(double y) {
        if (!(y > SAMPLER_EXP_MIN)) {
            return y != y ? y : 0;
        }
        if (y > SAMPLER_EXP_MAX) {
            return Double.POSITIVE_INFINITY;
        }
        double k = roundToInt(y * SAMPLER_INV_LN2);
        double r = Math.fma(-k, SAMPLER_LN2_LO, Math.fma(-k, SAMPLER_LN2_HI, y));
        double p = horner(SAMPLER_EXP, r);
        long ki = (long) k;
        long k1 = ki >> 1;
        return p * pow2(k1) * pow2(ki - k1);
    }

    /** 2^k for a normal exponent k in [-1022, 1023]. */
    private static double pow2(long k) {
        return Double.longBitsToDouble((k + EXPONENT_BIAS) << EXPONENT_SHIFT);
    }

    /** The nearest integer to {@code v} (ties to even) for |v| &lt; 2^51, by adding and subtracting 1.5 * 2^52. */
    public static double roundToInt(double v) {
        return (v + SAMPLER_ROUND_MAGIC) - SAMPLER_ROUND_MAGIC;
    }

    /**
     * cos(2 pi u) for |u| &lt; 2^49 (the samplers pass u in (0, 1)): {@code q} = the nearest integer to
     * 4u, {@code t = u - q/4} in [-1/8, 1/8] (both steps exact), then cos or sin of 2 pi t by polynomials in t (no rounding of pi
     * times u), by the quadrant {@code q mod 4}.
     */
    public static double cos2pi(double u) {
        double q = roundToInt(4 * u);
        double t = u - 0.25 * q;
        double z = t * t;
        int quadrant = (int) q & 3;
        if ((quadrant & 1) == 0) {
            double c = horner(SAMPLER_COS_2PI, z);
            return quadrant == 0 ? c : -c;
        }
        double s = t * horner(SAMPLER_SIN_2PI, z);
        return quadrant == 1 ? -s : s;
    }

    /** sin(pi u / 2) = cos(2 pi (u/4 - 1/4)) for u in [0, 1] (u/4 - 1/4 is exact there). */
    public static double sinHalfPi(double u) {
        return cos2pi(0.25 * u - 0.25);
    }

    /** cos(pi u / 2) = cos(2 pi (u/4)) for u in [0, 1]. */
    public static double cosHalfPi(double u) {
        return cos2pi(0.25 * u);
    }

    /**
     * atan2(y, x) for y, x &ge; 0 and not both 0 (an angle in [0, pi/2]): with t = min/max in [0, 1],
     * atan t by its Taylor polynomial for t &le; tan(pi/8), else pi/4 + atan((t - 1)/(t + 1)); pi/2 minus that
     * when y &gt; x.
     */
    public static double atan2Positive(double y, double x) {
        boolean swap = y > x;
        double t = swap ? x / y : y / x;
        double a;
        if (t > SAMPLER_TAN_PI_8) {
            double s = (t - 1) / (t + 1);
            a = SAMPLER_PI_4_HI + (SAMPLER_PI_4_LO + s * horner(SAMPLER_ATAN, s * s));
        } else {
            a = t * horner(SAMPLER_ATAN, t * t);
        }
        return swap ? (SAMPLER_PI_4_HI - a + SAMPLER_PI_4_HI) + 2 * SAMPLER_PI_4_LO : a;
    }

    /** sqrt(1 + t^2) for t &ge; 0 (t itself above SAMPLER_HYPOT1_T_MAX, where 1 is below its last bit). */
    public static double hypot1(double t) {
        return t > SAMPLER_HYPOT1_T_MAX ? t : Math.sqrt(Math.fma(t, t, 1));
    }

    /** {@code sum_j c[j] z^j} by Horner's rule with one fma per step. */
    static double horner(double[] c, double z) {
        double p = c[c.length - 1];
        for (int j = c.length - 2; j >= 0; j--) {
            p = Math.fma(p, z, c[j]);
        }
        return p;
    }
}
