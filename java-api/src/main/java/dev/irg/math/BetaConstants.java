package dev.irg.math;

/**
 * Thresholds, region codes and iteration caps of {@link IncompleteBeta}, in one place and without
 * logic, so that the SIMD kernels use them directly and the CUDA header is generated from them.
 * Every number says where it comes from; the measurements are those of docs/beta.md, made with
 * tools/coefficients/beta_prototype.py and IncompleteBetaSpotTest against the 90-digit mpmath
 * reference tools/coefficients/beta_reference.py.
 */
public final class BetaConstants {
    private BetaConstants() {
    }

    // ---- regions returned by IncompleteBeta.classify ------------------------------------------

    /**
     * A parameter below Double.MIN_NORMAL (subnormal: a few significant bits) is evaluated at
     * SUBNORMAL_PROXY = 2^-1000 (about 9.3e-302) and scaled, provided the other parameter is at least
     * SUBNORMAL_OTHER_MIN = 2^-900 (about 1.2e-271), by the limits as a &rarr; 0 (IncompleteBeta.tinyParameter):
     * I = 1 - a G(b, x) (1 + O(a (|psi(b)| + |log x| + 1/b))), so I and dI/da are flat in a, dI/db and the
     * density scale with a (dz/da with 1/a, dz/db flat); with b &ge; 2^-900 the O(.) term is below 1e-29 at
     * the proxy. Symmetric for a subnormal b (I, dI/da then scale with b). The same for a parameter below
     * 2^-1000 times the other (their quotient overflows), the other at most 2^900, with the proxy 2^-1000 times
     * the other (the O(.) term then below 1e-27). Found by a fuzz of the public API (NaN there before). Both
     * parameters tiny (the other below 2^-900) are not covered (docs/beta.md).
     */
    public static final double SUBNORMAL_PROXY = 0x1p-1000;
    /** See SUBNORMAL_PROXY. */
    public static final double SUBNORMAL_OTHER_MIN = 0x1p-900;

    /**
     * One huge parameter: b &ge; GAMMA_LIMIT_MIN = 2^320 (about 2.1e96) with 0 &lt; a &le; GAMMA_LIMIT_OTHER_MAX = 2^53
     * (about 9e15), or with b &ge; GAMMA_LIMIT_SQUARE_FACTOR (a + 1)^2, is evaluated by two limits as b &rarr; inf
     * (IncompleteBeta.gammaLimit); mirrored for a huge a.
     * Why: the fraction's products of two parameters overflow above ~1e154 (NaN there before), and from b ~ 1e105
     * its dI/db drifted (3.6e-11 at b = 1e105, 2.9e-8 at 1e106, 3.7e-2 at 1e110 for a = 2.5, lambda = 5; found
     * by comparing with the limit, which is exact there: tools/coefficients/BetaLimitScan.java). With
     * w = -log(1 - x):
     * <ul>
     * <li>w &le; GAMMA_LIMIT_W / (|a - 1| + 1) (GAMMA_LIMIT_W = 2^-60): the Gamma limit, lambda = b w (so that
     * (1 - x)^b = e^-lambda exactly), I_x(a, b) = P(a, lambda). The density of s = -b log(1 - t) is exactly
     * ((1 - e^-u)/u)^(a-1) s^(a-1) e^-s / (b^a B(a, b)) with u = s/b, and b^a B(a, b) = Gamma(a)(1 + O(a^2/b)):
     * relative error O((|a - 1| + 1) w + a^2/b) &le; 2^-60 (u stays within a factor 1 + O(1/lambda) of w where
     * the integrals live).</li>
     * <li>larger w: x &ge; ~2^-60/(a + 1) &ge; 2^-114, so lambda &ge; 2^206: I is 1 to double precision, dI/da and
     * dI/db underflow to 0, and the gradients come from the tail, (1 - I)/p = int_0^(1-x) (1 + t/x)^(a-1)
     * (1 - t/(1-x))^(b-1) dt = ((1 - x)/b)(1 + O(a/(x b))), relative O(2^53/(2^-114 2^320)) = 2^-153:
     * dz/da = ((1 - x)/b)(log x + log b - psi(a)), dz/db = (1 - x) log(1 - x)/b.</li>
     * </ul>
     * Checked against mpmath (BetaGammaLimitTest: betainc where it is reliable, b = 1e30 and 1e40, agreeing with
     * the Gamma limit to 6e-31, 1e-30, 5e-40; quadrature of the tail integrals beyond) and against the regions
     * where both hold (b from 1e40 to 1e103, within 2e-12).
     */
    public static final double GAMMA_LIMIT_MIN = 0x1p320;
    /**
     * See GAMMA_LIMIT_MIN; 2^53 (about 9e15) because P(a, lambda) has condition number ~ sqrt(a) in lambda near
     * the mean: lambda = b w is carried as hi + lo and P moved to it to first order, whose omitted second order
     * grows like a (2e-13 at 2^53). Above it the limits still serve where b &ge; GAMMA_LIMIT_SQUARE_FACTOR (a + 1)^2
     * (Temme's expansion from hi + lo, no first-order move); elsewhere the regions decide.
     */
    public static final double GAMMA_LIMIT_OTHER_MAX = 0x1p53;
    /**
     * See GAMMA_LIMIT_MIN: above GAMMA_LIMIT_OTHER_MAX the other parameter a is still taken to the limits where
     * b &ge; GAMMA_LIMIT_SQUARE_FACTOR (a + 1)^2 = 2^120 (a + 1)^2: the errors of both branches, O(a^2/b) and
     * O(a/(x b)) with x &ge; 2^-60/(a + 1), are then below 2^-60, and P, dP/da are evaluated by Temme's expansion
     * with lambda/a - 1 formed from hi + lo (IncompleteGamma.temme(a, x, lm1, what)), which keeps the sqrt(a)
     * conditioning out; outside Temme's window P is 0 or 1 there (e^(-0.19 a), a &gt; 2^53).
     */
    public static final double GAMMA_LIMIT_SQUARE_FACTOR = 0x1p120;
    /** See GAMMA_LIMIT_MIN: the largest w = -log(1 - x) (times |a - 1| + 1) of the Gamma limit. */
    public static final double GAMMA_LIMIT_W = 0x1p-60;

    /**
     * Both parameters at least BOTH_HUGE_MIN = 2^53 and x at least BOTH_HUGE_Z_MIN = 2^30 standard deviations from
     * the mean (z = D/sqrt((a+b)x(1-x)), D = (a+b)x - a, carried error-free; IncompleteBeta.bothHugeTail): I is 0
     * or 1, dI/da and dI/db underflow (e^(-z^2/2)), and the gradients are the first term of the tail:
     * (1 - I)/p = x(1 - x)/D (1 + O(1/z^2)), so dz/da = x(1 - x) log1p(D/a)/D, dz/db = x(1 - x) log1p(-D/b)/D
     * (psi(a + b) - psi(a) = log((a + b)/a) + O(b/(a(a + b))), below 2^-31 of the log there): relative error
     * O(2^-60). Needed where one parameter is above ~1e154 and the fraction's products of two overflow (NaN
     * before). Closer to the mean the Gamma limit takes such pairs when a &le; ~2^166 (b &ge; 2^120 (a + 1)^2,
     * GAMMA_LIMIT_SQUARE_FACTOR); above, the sd is below 2^-83 of the mean and only x at the mean itself is
     * nearer than 2^30 sd: the regions' normal limit (I = 1/2 at a = b).
     */
    public static final double BOTH_HUGE_MIN = 0x1p53;
    /** See BOTH_HUGE_MIN. */
    public static final double BOTH_HUGE_Z_MIN = 0x1p30;

    /** a or b not in (0, inf), x not in [0, 1], or any NaN: every output NaN. */
    public static final int REGION_NAN = 0;
    /** x = 0: I = 0, derivatives and gradients 0. */
    public static final int REGION_ZERO = 1;
    /** x = 1: I = 1, derivatives and gradients 0. */
    public static final int REGION_ONE = 2;
    /** Power series for I_x(a, b) itself (x small, b x small). */
    public static final int REGION_SERIES_LOWER = 3;
    /** Power series for J = I_{1-x}(b, a); I = 1 - J formed without cancellation. */
    public static final int REGION_SERIES_UPPER = 4;
    /** Continued fraction for I_x(a, b) itself (x at most the switch point). */
    public static final int REGION_FRACTION_LOWER = 5;
    /** Continued fraction for J = I_{1-x}(b, a) (x above the switch point); I = 1 - J. */
    public static final int REGION_FRACTION_UPPER = 6;

    // ---- region selection ------------------------------------------------------------------------

    /**
     * The power series of I_u(p, q) in u (DLMF 8.17.7 / TOMS 708 BPSER) is used only for
     * u &le; SERIES_U_MAX: then u is exact (u = x, or u = 1 - x with x &ge; 1/2, Sterbenz) and the
     * terms decrease at least like SERIES_U_MAX^j once j &gt; q.
     */
    public static final double SERIES_U_MAX = 0.5;
    /**
     * ... and for q u &le; SERIES_QU_MAX: the alternating factor (1 - q)_j u^j / j! then cancels
     * by at most about exp(2 q u) = e^4 (TOMS 708 uses b x &le; 0.7 for the value alone). It must
     * reach 2 because the series also covers the corner a &gt;&gt; 1, b &lt; 1, x above the switch
     * point, where a (1 - x) &lt; (b + 1) &lt; 2 and I = 1 - J is tiny: there the series gives
     * I = -expm1(E) - e^E b S' with cancellation of at most ~30x (measured: CDF error 4e-14 at
     * a = 2e5, b = 1.1e-4, I = 1.3e-4, against 6e-12 with 1 - J from the fraction).
     */
    public static final double SERIES_QU_MAX = 2.0;

    // ---- the log prefactor log(x^a (1-x)^b / (a B(a, b))) ------------------------------------

    /**
     * For a parameter at least STIRLING_MIN, log Gamma is written with Stirling's correction
     * log Gamma*(x) so that log B(a, b) is never a difference of large log Gamma values
     * (DiDonato and Morris 1992, BRCOMP/ALGDIV, use 8). GammaFunctions.logGammaStirlingCorrection is
     * accurate to a few ulp from 1 up.
     */
    public static final double STIRLING_MIN = 8.0;
    /**
     * With t = d/a (or -d/b), where d = x (a + b) - a: for |t| &le; LOG1P_FORM_MAX the prefactor is
     * a log1pmx(d/a) + b log1pmx(-d/b) + ... (the terms linear in d cancel exactly) and
     * log(x (a+b)/a) = log1p(d/a); above it, 1 + t is far from 1 (and near 0 it would lose digits
     * in log1p), so log x + log1p(b/a) is used instead. Any value in roughly [0.25, 0.75] works;
     * 1/2 keeps both forms away from their bad ends.
     */
    public static final double LOG1P_FORM_MAX = 0.5;
    /**
     * d/da of the log prefactor is log x - 1/a - psi(a) + psi(a + b). For a &ge; DIGAMMA_SPLIT it
     * is formed as log(x(a+b)/a) + (logMinusDigamma(a) - 1/a) - logMinusDigamma(a + b), without
     * cancellation for large a; below, as log(x (a + b)) - psi(a + 1) - logMinusDigamma(a + b),
     * avoiding the cancellation of 1/a in logMinusDigamma(a) - 1/a for tiny a.
     */
    public static final double DIGAMMA_SPLIT = 1.0;

    // ---- iteration ---------------------------------------------------------------------------------

    /**
     * Convergence: the last change of every carried quantity (value and both derivative sums) is at
     * most CONVERGENCE_TOL times its size. Two ulp: a tolerance of one half-ulp (1.1e-16) was
     * measured to stall on last-bit oscillation of the derivative channels.
     */
    public static final double CONVERGENCE_TOL = 4.4e-16;
    /**
     * Step cap of the even-contracted continued fraction for I_u(p, q):
     * min(FRACTION_MAX_ITER, FRACTION_CAP_BASE + FRACTION_CAP_PER_SQRT sqrt(min(p, q)))
     * (IncompleteBeta.fractionCap). The step count is largest next to the switch point, where it grows
     * with the smaller parameter: measured worst 569 steps for a, b in [1e-4, 1e6] (a = b = 1e6,
     * x = 1/2), 2 853 at a = b = 1e8, 13 450 for min(a, b) in [1e8, 1e9), 63 878 in [1e10, 1e11),
     * 122 077 at a = 1e12, b = 1e14 (tools/coefficients/beta_large_scan.py: 4 000 points within
     * 0.3 sd of the switch point, a, b log-uniform in [1e6, 1e12], plus a grid to 1e12). The base
     * is the cap that served a, b &le; 1e6 (factor 7 over 569).
     */
    public static final int FRACTION_CAP_BASE = 4000;
    /**
     * See FRACTION_CAP_BASE. Over that scan the largest ratio of steps to
     * FRACTION_CAP_BASE + 2 sqrt(min(p, q)) is 0.32 (min(p, q) = 5.7e9, 50 024 steps), so the cap
     * leaves a factor 3 below the ceiling.
     */
    public static final double FRACTION_CAP_PER_SQRT = 2.0;
    /**
     * Hard ceiling on the fraction's steps, whatever the parameters. The rounding error of the
     * derivative channels grows with the step count, about 3e-16 per step (measured against mpmath:
     * 2.3e-11 at 85 000 steps, a = 1e12, b = 3.7e12; 5.8e-11 at 193 000 steps, a = b = 1e13;
     * 1.2e-10 at 1.1e6 steps, a = b = 1e15), so the ceiling keeps them below ~8e-11, a factor 2 above
     * the worst step count of the plain fraction measured for min(a, b) &le; 1e12. Since the shift
     * (SHIFT_MIN_PARAMETER) the fraction needs at most ~13 500 steps anywhere measured, so the
     * ceiling is a guard only. Cost: about 20 ns per step (scalar).
     */
    public static final int FRACTION_MAX_ITER = 250_000;
    /**
     * Next to the switch point the fraction needs ~sqrt(min(p, q))-like step counts (BetaConstants
     * FRACTION_CAP_*), which beyond min(a, b) ~ 1e13 exceed FRACTION_MAX_ITER. There, for
     * min(p, q) &ge; SHIFT_MIN_PARAMETER and u within SHIFT_BAND standard deviations of the mean, the
     * oriented problem is shifted: I_u = I_{u0} + integral of the density over [u0, u], with u0 =
     * u - SHIFT_DISTANCE sd an exact double (u0 is at least 1 sd below the mean, where the fraction
     * converges in a few hundred steps whatever the size), the integral and its p-, q-derivatives by
     * Gauss-Legendre (SHIFT_GL_*) over an interval where the log density varies by at most ~4. Also
     * faster and more accurate than the long fraction: from 1e9 (e.g. a = b = 1e10, x = 1/2: 11 888
     * steps, 2e-12, against a few hundred steps and 16 density evaluations).
     */
    public static final double SHIFT_MIN_PARAMETER = 1e9;
    /** See SHIFT_MIN_PARAMETER: |u - mean| below this many standard deviations is shifted. */
    public static final double SHIFT_BAND = 1.0;
    /** See SHIFT_MIN_PARAMETER: u0 = u - SHIFT_DISTANCE standard deviations. */
    public static final double SHIFT_DISTANCE = 2.0;
    /**
     * Gauss-Legendre nodes on [0, 1], 16 points (numpy.polynomial.legendre.leggauss(16) mapped by
     * t = (1 + x)/2): exact for polynomials of degree 31; on the shift interval the integrands are
     * e^(quadratic of size &le; ~4) times a linear factor, integrated to ~1e-18 relative.
     */
    public static final double[] SHIFT_GL_NODES = {
        0.005299532504175031, 0.0277124884633837, 0.06718439880608412, 0.1222977958224985,
        0.19106187779867811, 0.2709916111713863, 0.35919822461037054, 0.4524937450811813,
        0.5475062549188188, 0.6408017753896295, 0.7290083888286136, 0.8089381222013219,
        0.8777022041775016, 0.9328156011939159, 0.9722875115366163, 0.994700467495825,
    };
    /** Gauss-Legendre weights on [0, 1] for SHIFT_GL_NODES (sum 1). */
    public static final double[] SHIFT_GL_WEIGHTS = {
        0.013576229705877088, 0.031126761969323728, 0.0475792558412463, 0.062314485627767036,
        0.07479799440828835, 0.08457825969750132, 0.09130170752246182, 0.09472530522753432,
        0.09472530522753432, 0.09130170752246182, 0.08457825969750132, 0.07479799440828835,
        0.062314485627767036, 0.0475792558412463, 0.031126761969323728, 0.013576229705877088,
    };

    /** 1/sqrt(2), for Phi(z) = erfc(-z/sqrt 2)/2 in IncompleteBeta.normalLimit (correctly rounded). */
    public static final double SQRT_HALF = 0.7071067811865476;

    /**
     * Cap on the power-series terms. With u &le; 1/2 and q u &le; 2 every carried sum converges
     * within ~60 terms (measured worst 56, at p = 1000, q = 1e-4, u = 1/2, on the grid of
     * tools/coefficients/beta_iteration_scan.py); factor ~9.
     */
    public static final int SERIES_MAX_ITER = 500;
}
