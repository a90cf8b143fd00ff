package dev.irg.sampling;

/**
 * Every constant of the samplers and of the Philox4x32-10 generator, in one place and without
 * logic, so that the SIMD backend can use them directly and the CUDA build can generate a C header
 * from them by reflection. Names are stable once committed.
 *
 * <p>The counter layout these constants describe is documented in docs/sampling.md and in
 * {@link Philox}.
 */
public final class SamplingConstants {
    private SamplingConstants() {
    }

    // ---- Philox4x32-10 (Salmon, Moraes, Dror, Shaw, "Parallel random numbers: as easy as 1, 2, 3",
    // SC 2011; the constants of Random123's philox.h) ----

    /** Multiplier of the first and third counter words (Random123 PHILOX_M4x32_0). */
    public static final int PHILOX_M0 = 0xD2511F53;
    /** Multiplier of the second and fourth counter words (Random123 PHILOX_M4x32_1). */
    public static final int PHILOX_M1 = 0xCD9E8D57;
    /** Weyl increment of key word 0 between rounds (golden ratio, Random123 PHILOX_W32_0). */
    public static final int PHILOX_W0 = 0x9E3779B9;
    /** Weyl increment of key word 1 between rounds (sqrt(3) - 1, Random123 PHILOX_W32_1). */
    public static final int PHILOX_W1 = 0xBB67AE85;
    /** Rounds: 10, the Random123 default, which passes BigCrush with a safety margin (Salmon et al. 2011, Table 2). */
    public static final int PHILOX_ROUNDS = 10;

    // ---- Counter layout: counter = (block, substream, lo32(element), hi32(element)), key = (lo32(seed), hi32(seed)) ----

    /** Substream of an element's own draws (a Gamma, von Mises or Dirichlet component, the numerator Gamma of a Beta). */
    public static final int SUBSTREAM_MAIN = 0;
    /** Substream of the denominator Gamma of a Beta sample (Beta = G_a / (G_a + G_b)). */
    public static final int SUBSTREAM_BETA_B = 1;

    /**
     * 2^-52: scale of a 52-bit integer m to the double uniform (m + 1/2) 2^-52 in (0, 1), exact in
     * float64 (53 significant bits); 53 bits plus the half offset would round to 1.0 at the top.
     */
    public static final double TWO_POW_M52 = 0x1.0p-52;
    /** 2^-32: scale of a 32-bit integer to a double uniform in (0, 1) (with a half-unit offset). */
    public static final double TWO_POW_M32 = 0x1.0p-32;

    // ---- Gamma: Marsaglia & Tsang, "A simple method for generating gamma variables", ACM TOMS 26(3), 2000 ----

    /** Block holding the boost uniform U of alpha < 1 (G(alpha) = G(alpha + 1) U^(1/alpha)). */
    public static final int GAMMA_BOOST_BLOCK = 0;
    /** Block of the first Marsaglia-Tsang attempt; attempt k uses block GAMMA_FIRST_ATTEMPT_BLOCK + k. */
    public static final int GAMMA_FIRST_ATTEMPT_BLOCK = 1;
    /**
     * Marsaglia-Tsang attempts per element. The acceptance rate is at least 0.951, its minimum at
     * alpha = 1 (measured: 0.9517 at 1, 0.973 at 1.5, 0.989 at 3, with 1e6 proposals each; numpy
     * simulation recorded in docs/sampling.md), so all 16 fail with probability below
     * 0.049^16 = 1.1e-21; then the fallback is used.
     */
    public static final int GAMMA_MAX_ATTEMPTS = 16;
    /** Below this shape the sampler boosts: alpha + 1 is sampled and multiplied by U^(1/alpha) (Marsaglia & Tsang 2000, Sec. 6). */
    public static final double GAMMA_BOOST_BELOW = 1.0;
    /** Squeeze constant of Marsaglia & Tsang: accept at once when u < 1 - 0.0331 x^4. */
    public static final double GAMMA_SQUEEZE = 0.0331;

    // ---- von Mises: Best & Fisher, "Efficient simulation of the von Mises distribution", Appl. Statist. 28(2), 1979 ----

    /** Block of the first Best-Fisher attempt; attempt k uses block VONMISES_FIRST_ATTEMPT_BLOCK + k. */
    public static final int VONMISES_FIRST_ATTEMPT_BLOCK = 0;
    /**
     * Best-Fisher attempts per element. The acceptance rate decreases with kappa towards 0.657
     * (measured: 0.95 at 0.5, 0.76 at 2, 0.675 at 10, 0.658 at 1e4, with 4e5 proposals each; numpy
     * simulation recorded in docs/sampling.md), so all 64 fail with probability below
     * 0.35^64 = 1e-29; then the fallback is used.
     */
    public static final int VONMISES_MAX_ATTEMPTS = 64;
    /**
     * Below this kappa the sample is uniform on [-pi, pi]: the density differs from uniform by a
     * factor exp(kappa (cos x - 1)) within 2 kappa = 2e-300, far below float64 resolution.
     */
    public static final double VONMISES_UNIFORM_BELOW = 1e-300;
    /**
     * When rho (the wrapped-Cauchy envelope's concentration) is at least this, 1 - rho is computed as
     * (sqrt(2 tau) - 1 - 1/(2 kappa + sqrt(1 + 4 kappa^2))) / (2 kappa), tau = 1 + sqrt(1 + 4 kappa^2),
     * which has no cancellation for large kappa, instead of 1 - rho; below, 1 - rho >= 1/2 is exact
     * enough and the other form cancels for small kappa (its terms are about 2 and 1 + 1/2).
     */
    public static final double VONMISES_RHO_SPLIT = 0.5;
    /**
     * Above this kappa (2^500, about 3.3e150) the envelope's s - 1 = (1 - rho)^2/(2 rho) is taken from
     * e = 1/sqrt(kappa): rho = 1/(1 + e), s - 1 = e^2/(2 (1 + e)). The general form multiplies 2 kappa by
     * tau ~ 2 kappa, which overflows from kappa ~ 1e154 on (samples came out NaN; found by a fuzz of the
     * sampling API); the limit form differs from the exact rho by O(1/kappa) &lt; 1e-150 relative, and 1 - rho
     * by O(1/sqrt(kappa)) &lt; 1e-75 relative.
     */
    public static final double VONMISES_HUGE_KAPPA = 0x1p500;
    // ---- Elementary functions of the samplers (SamplerMath): basic arithmetic only, so the scalar, SIMD and
    // CUDA samplers evaluate the same operations and give the same bits. Coefficients computed with mpmath at
    // 50 digits and rounded once to double (the commands are in docs/sampling.md, "Elementary functions"). ----

    /** ln 2 with its low 32 significand bits zeroed: k * SAMPLER_LN2_HI is exact for |k| < 2^21. */
    public static final double SAMPLER_LN2_HI = 0x1.62e4200000000p-1;
    /** ln 2 - SAMPLER_LN2_HI, rounded to double. */
    public static final double SAMPLER_LN2_LO = 0x1.fdf473de6af28p-22;
    /** 1 / ln 2 rounded to double (only picks the exponent k of exp; any rounding of it is harmless). */
    public static final double SAMPLER_INV_LN2 = 0x1.71547652b82fep+0;
    /** sqrt(2) rounded to double: log reduces the significand to [sqrt(2)/2, sqrt(2)]. */
    public static final double SAMPLER_SQRT2 = 0x1.6a09e667f3bcdp+0;
    /**
     * log(1 + f) = f - hf + s (hf + z P(z)), s = f / (2 + f), z = s^2, hf = f^2 / 2: P's coefficients are the
     * Taylor coefficients 2 / (2j + 3) of (log((1 + s)/(1 - s)) - 2 s) / (s z), j = 0..9. With |s| &lt;= 0.1716
     * (f in [sqrt(2)/2 - 1, sqrt(2) - 1]) the first omitted term is 2.3e-17 relative (0.2 ulp).
     */
    public static final double[] SAMPLER_LOG_P = {
            0x1.5555555555555p-1, 0x1.999999999999ap-2, 0x1.2492492492492p-2, 0x1.c71c71c71c71cp-3,
            0x1.745d1745d1746p-3, 0x1.3b13b13b13b14p-3, 0x1.1111111111111p-3, 0x1.e1e1e1e1e1e1ep-4,
            0x1.af286bca1af28p-4, 0x1.8618618618618p-4
    };
    /** cos(2 pi t) = sum_k C_k t^(2k), C_k = (-1)^k (2 pi)^(2k) / (2k)!, k = 0..8: for |t| &lt;= 1/8 the first omitted term is 2e-18. */
    public static final double[] SAMPLER_COS_2PI = {
            0x1.0000000000000p+0, -0x1.3bd3cc9be45dep+4, 0x1.03c1f081b5ac4p+6, -0x1.55d3c7e3cbffap+6,
            0x1.e1f506891babbp+5, -0x1.a6d1f2a204a8cp+4, 0x1.f9d38a3763cc3p+2, -0x1.b6e24f44b128fp+0,
            0x1.20c62c2f2d7f5p-2
    };
    /** sin(2 pi t) = t sum_k S_k t^(2k), S_k = (-1)^k (2 pi)^(2k+1) / (2k+1)!, k = 0..8: for |t| &lt;= 1/8 the first omitted term is 8e-20. */
    public static final double[] SAMPLER_SIN_2PI = {
            0x1.921fb54442d18p+2, -0x1.4abbce625be53p+5, 0x1.466bc6775aae2p+6, -0x1.32d2cce62bd86p+6,
            0x1.50783487ee782p+5, -0x1.e3074fde8871fp+3, 0x1.e8f434d018d63p+1, -0x1.6fadb9f155744p-1,
            0x1.aaec32af93359p-4
    };
    /** exp(r) = sum_j r^j / j!, j = 0..13: for |r| &lt;= ln(2)/2 the first omitted term is 4e-18 relative. */
    public static final double[] SAMPLER_EXP = {
            0x1.0000000000000p+0, 0x1.0000000000000p+0, 0x1.0000000000000p-1, 0x1.5555555555555p-3,
            0x1.5555555555555p-5, 0x1.1111111111111p-7, 0x1.6c16c16c16c17p-10, 0x1.a01a01a01a01ap-13,
            0x1.a01a01a01a01ap-16, 0x1.71de3a556c734p-19, 0x1.27e4fb7789f5cp-22, 0x1.ae64567f544e4p-26,
            0x1.1eed8eff8d898p-29, 0x1.6124613a86d09p-33
    };
    /** Below this argument exp underflows to 0 (exp(-745.14) is half the smallest subnormal). */
    public static final double SAMPLER_EXP_MIN = -745.2;
    /** Above this argument exp overflows to infinity (ln of Double.MAX_VALUE is 709.78). */
    public static final double SAMPLER_EXP_MAX = 709.8;
    /** 2^52 + 2^51: adding and subtracting it rounds a double of magnitude below 2^51 to the nearest integer (ties to even). */
    public static final double SAMPLER_ROUND_MAGIC = 0x1.8p52;
    /**
     * atan(s) = s sum_k A_k s^(2k), A_k = (-1)^k / (2k + 1), k = 0..20 (SamplerMath.atan2Positive): for
     * |s| &lt;= tan(pi/8) the first omitted term is 2e-18 relative.
     */
    public static final double[] SAMPLER_ATAN = {
            0x1.0000000000000p+0, -0x1.5555555555555p-2, 0x1.999999999999ap-3, -0x1.2492492492492p-3,
            0x1.c71c71c71c71cp-4, -0x1.745d1745d1746p-4, 0x1.3b13b13b13b14p-4, -0x1.1111111111111p-4,
            0x1.e1e1e1e1e1e1ep-5, -0x1.af286bca1af28p-5, 0x1.8618618618618p-5, -0x1.642c8590b2164p-5,
            0x1.47ae147ae147bp-5, -0x1.2f684bda12f68p-5, 0x1.1a7b9611a7b96p-5, -0x1.0842108421084p-5,
            0x1.f07c1f07c1f08p-6, -0x1.d41d41d41d41dp-6, 0x1.bacf914c1bad0p-6, -0x1.a41a41a41a41ap-6,
            0x1.8f9c18f9c18fap-6
    };
    /** tan(pi/8) = sqrt(2) - 1 rounded: above it atan(t) = pi/4 + atan((t - 1)/(t + 1)). */
    public static final double SAMPLER_TAN_PI_8 = 0x1.a827999fcef32p-2;
    /** pi/4 rounded to double, and the rest (pi/4 - SAMPLER_PI_4_HI rounded). */
    public static final double SAMPLER_PI_4_HI = 0x1.921fb54442d18p-1;
    /** See SAMPLER_PI_4_HI. */
    public static final double SAMPLER_PI_4_LO = 0x1.1a62633145c07p-55;
    /** Above this t, sqrt(1 + t^2) is t to double precision (SamplerMath.hypot1; t^2 would overflow near 1.3e154). */
    public static final double SAMPLER_HYPOT1_T_MAX = 0x1.0p60;
}
