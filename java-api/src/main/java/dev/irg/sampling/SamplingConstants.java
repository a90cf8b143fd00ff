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
}
