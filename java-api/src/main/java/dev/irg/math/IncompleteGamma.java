package dev.irg.math;

import static dev.irg.math.GammaConstants.CF_MAX_ITER;
import static dev.irg.math.GammaConstants.CF_TINY;
import static dev.irg.math.GammaConstants.CF_TOLERANCE;
import static dev.irg.math.GammaConstants.LOG_MINUS_DIGAMMA_A_MIN;
import static dev.irg.math.GammaConstants.PHI_LOG1PMX_LAMBDA_MIN;
import static dev.irg.math.GammaConstants.PREFIX_STIRLING_A_MIN;
import static dev.irg.math.GammaConstants.Q_SMALL_A_MAX;
import static dev.irg.math.GammaConstants.REGION_CONTINUED_FRACTION;
import static dev.irg.math.GammaConstants.REGION_EDGE;
import static dev.irg.math.GammaConstants.REGION_SERIES;
import static dev.irg.math.GammaConstants.REGION_TEMME;
import static dev.irg.math.GammaConstants.SERIES_MAX_ITER;
import static dev.irg.math.GammaConstants.SERIES_TOLERANCE;
import static dev.irg.math.GammaConstants.SERIES_X_OFFSET;
import static dev.irg.math.GammaConstants.TEMME_A_MIN;
import static dev.irg.math.GammaConstants.TINY_ALPHA_PROXY;
import static dev.irg.math.GammaConstants.TEMME_C;
import static dev.irg.math.GammaConstants.TEMME_K;
import static dev.irg.math.GammaConstants.TEMME_K_A_MIN;
import static dev.irg.math.GammaConstants.TEMME_K_COUNT;
import static dev.irg.math.GammaConstants.TEMME_LAMBDA_HI;
import static dev.irg.math.GammaConstants.TEMME_LAMBDA_LO;
import static dev.irg.math.GammaConstants.TEMME_N;
import static dev.irg.math.GammaConstants.TEMME_N_COUNT;
import static dev.irg.math.GammaConstants.TEMME_N_ETA_MAX;
import static dev.irg.math.SpecialConstants.INV_2PI;
import static dev.irg.math.SpecialConstants.INV_SQRT_2PI;

/**
 * The regularized incomplete gamma function of the standard Gamma(a, 1) distribution and its
 * a-derivatives, in float64: P(a, x), Q(a, x) = 1 - P, dP/da, and the implicit reparameterization
 * gradient dx/da = -(dP/da)/p(x; a) with p the Gamma(a, 1) density.
 *
 * <p>Every quantity goes through one {@link #classify classification step} and one evaluation per
 * region (the shape the SIMD and CUDA ports follow): {@link #series} (power series for P),
 * {@link #continuedFraction} (Legendre's continued fraction for Q), {@link #temme} (Temme's uniform
 * asymptotic expansion for large a with x near a) and {@link #edge} (invalid input, x = 0, x = +inf).
 * Each carries the a-derivative along in forward mode, and the gradient is formed without the
 * density: no exponential appears in it, so it stays finite and accurate where P or p under- or
 * overflow. Thresholds and tables: {@link GammaConstants}.
 *
 * <p>Domain: a &le; 0, a = +inf, x &lt; 0 or NaN give NaN. x = 0 gives P = 0, dP/da = 0, dx/da = 0;
 * x = +inf gives P = 1, dP/da = 0 and dx/da = NaN (no finite sample has it). A loop that reaches
 * its cap gives NaN.
 */
public final class IncompleteGamma {
    private IncompleteGamma() {
    }

    /** Quantity selector of the region evaluations: P(a, x). */
    public static final int WHAT_P = 0;
    /** Quantity selector: Q(a, x) = 1 - P(a, x). */
    public static final int WHAT_Q = 1;
    /** Quantity selector: dP/da at fixed x. */
    public static final int WHAT_DPDA = 2;
    /** Quantity selector: dx/da = -(dP/da)/p(x; a). */
    public static final int WHAT_GRAD = 3;
    /** Quantity selector: (dx/da)/x. */
    public static final int WHAT_GRAD_OVER_X = 4;

    /** P(a, x), the CDF of Gamma(a, 1) at x. */
    public static double p(double a, double x) {
        return eval(a, x, WHAT_P);
    }

    /** Q(a, x) = 1 - P(a, x), the survival function of Gamma(a, 1) at x. */
    public static double q(double a, double x) {
        return eval(a, x, WHAT_Q);
    }

    /** dP(a, x)/da at fixed x. */
    public static double dpDa(double a, double x) {
        return eval(a, x, WHAT_DPDA);
    }

    /** dx/da = -(dP/da)/p(x; a) for the standard Gamma(a, 1): the implicit reparameterization gradient. */
    public static double gradAlpha(double a, double x) {
        return eval(a, x, WHAT_GRAD);
    }

    /**
     * (dx/da)/x = d log x/da at the sample x = exp(logX), taking log x: stays finite and accurate when
     * x underflows (tiny a). logX = -inf gives +inf (the limit), logX = +inf or NaN gives NaN.
     */
    public static double dLogXdAlpha(double a, double logX) {
        if (Double.isNaN(logX) || logX == Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        return evalLogX(a, logX, WHAT_GRAD_OVER_X);
    }

    /**
     * Quantity {@code what} (WHAT_P, WHAT_Q, WHAT_DPDA, WHAT_GRAD_OVER_X) at x = exp(logX), given by its
     * log: where x is below Double.MIN_NORMAL (subnormal or zero, so that x itself has lost relative
     * digits) the series, which needs x there only through log x (its terms x^n/((a+1)...(a+n)) are
     * below 2^-1022 and S = 1, dS/da = 0 to double precision), with the prefactor
     * x^a e^-x/Gamma(a) = a exp(a log x - log Gamma(1+a)); elsewhere {@link #eval}. logX = -inf is
     * x = 0 (the edge values).
     */
    public static double evalLogX(double a, double logX, int what) {
        if (!(a > 0) || a == Double.POSITIVE_INFINITY || Double.isNaN(logX)) {
            return Double.NaN;
        }
        if (a < TINY_ALPHA_PROXY) {
            return tinyA(a, what, evalLogX(TINY_ALPHA_PROXY, logX, what));
        }
        double x = Math.exp(logX);
        if (x < Double.MIN_NORMAL && logX > Double.NEGATIVE_INFINITY) {
            return series(a, x, logX, what);
        }
        return eval(a, x, what);
    }

    /**
     * The region of (a, x): {@link GammaConstants#REGION_EDGE} for invalid input, x = 0 and x = +inf;
     * {@link GammaConstants#REGION_TEMME} for a &ge; TEMME_A_MIN and x/a in [TEMME_LAMBDA_LO,
     * TEMME_LAMBDA_HI]; otherwise {@link GammaConstants#REGION_SERIES} for x &lt; a + SERIES_X_OFFSET,
     * else {@link GammaConstants#REGION_CONTINUED_FRACTION}.
     */
    public static int classify(double a, double x) {
        if (!(a > 0) || a == Double.POSITIVE_INFINITY || !(x > 0) || x == Double.POSITIVE_INFINITY) {
            return REGION_EDGE;
        }
        if (a >= TEMME_A_MIN) {
            double lambda = x / a;
            if (lambda >= TEMME_LAMBDA_LO && lambda <= TEMME_LAMBDA_HI) {
                return REGION_TEMME;
            }
        }
        return x < a + SERIES_X_OFFSET ? REGION_SERIES : REGION_CONTINUED_FRACTION;
    }

    /** Quantity {@code what} (WHAT_*) of (a, x), through classify and the region's evaluation. */
    public static double eval(double a, double x, int what) {
        if (a < TINY_ALPHA_PROXY && a > 0) {
            return tinyA(a, what, eval(TINY_ALPHA_PROXY, x, what));
        }
        return switch (classify(a, x)) {
            case REGION_SERIES -> series(a, x, Math.log(x), what);
            case REGION_CONTINUED_FRACTION -> continuedFraction(a, x, what);
            case REGION_TEMME -> temme(a, x, what);
            default -> edge(a, x, what);
        };
    }

    /**
     * Quantity {@code what} at a tiny a (0 &lt; a &lt; {@link GammaConstants#TINY_ALPHA_PROXY}) from its value
     * {@code atProxy} at a0 = TINY_ALPHA_PROXY (why: there): P and dP/da equal it, Q = 1 - P scales with a
     * (Q(a0) a/a0, a/a0 exact), dx/da and (dx/da)/x scale with 1/a (their value at a0 times a0/a, one
     * rounding; +inf where that exceeds the double range, as the true value does).
     */
    static double tinyA(double a, int what, double atProxy) {
        return switch (what) {
            case WHAT_P, WHAT_DPDA -> atProxy;
            case WHAT_Q -> atProxy * (a / TINY_ALPHA_PROXY);
            default -> atProxy * (TINY_ALPHA_PROXY / a);
        };
    }

    /** REGION_EDGE: NaN for invalid input; the closed-form values at x = 0 and x = +inf. */
    public static double edge(double a, double x, int what) {
        if (!(a > 0) || a == Double.POSITIVE_INFINITY || !(x >= 0)) {
            return Double.NaN;
        }
        if (x == 0) {
            return switch (what) {
                case WHAT_Q -> 1;
                case WHAT_GRAD_OVER_X -> Double.POSITIVE_INFINITY;
                default -> 0;
            };
        }
        if (x == Double.POSITIVE_INFINITY) {
            return switch (what) {
                case WHAT_P -> 1;
                case WHAT_Q, WHAT_DPDA -> 0;
                default -> Double.NaN;
            };
        }
        return Double.NaN; // not an edge case: the caller classified wrongly
    }

    /**
     * REGION_SERIES: P = x^a e^-x / Gamma(a + 1) * S, S = sum_n x^n / ((a+1)...(a+n)) (DLMF 8.7.1 with
     * 8.2.7), and dS/da = -sum_n t_n sum_{k&le;n} 1/(a+k) carried along. Then
     * dP/da = x^a e^-x / Gamma(a+1) [S (log x - psi(a+1)) + dS/da] and
     * dx/da = -(x/a) [S (log x - psi(a+1)) + dS/da]. {@code logx} is log x (given separately so that
     * x may underflow). NaN if the series has not converged within SERIES_MAX_ITER terms.
     */
    public static double series(double a, double x, double logx, int what) {
        if (what == WHAT_Q && a < Q_SMALL_A_MAX) {
            return qSmallA(a, x, logx);
        }
        double s = 1;
        double ds = 0;
        double t = 1;
        double h = 0;
        boolean converged = false;
        for (int n = 1; n <= SERIES_MAX_ITER; n++) {
            double an = a + n;
            t *= x / an;
            h += 1 / an;
            double dt = -t * h;
            s += t;
            ds += dt;
            if (t <= s * SERIES_TOLERANCE && -dt <= -ds * SERIES_TOLERANCE) {
                converged = Double.isFinite(s) && Double.isFinite(ds); // an overflowed sum is no convergence
                break;
            }
        }
        if (!converged) {
            return Double.NaN;
        }
        if (what == WHAT_P || what == WHAT_Q) {
            double pv = seriesPrefix(a, x, logx) / a * s;
            pv = pv > 1 ? 1 : pv; // P < 1; the product of the rounded prefactor and S may round above it (tiny a)
            return what == WHAT_P ? pv : 1 - pv;
        }
        double bracket = s * logMinusDigammaP1(a, x, logx) + ds;
        return switch (what) {
            case WHAT_DPDA -> seriesPrefix(a, x, logx) / a * bracket;
            case WHAT_GRAD -> -(x / a) * bracket;
            default -> -bracket / a; // WHAT_GRAD_OVER_X
        };
    }

    /**
     * Q(a, x) for a &lt; Q_SMALL_A_MAX in the series region, where Q is small (~ a E1(x)) and 1 - P
     * would lose its digits: with M = e^-x S = a sum_n (-x)^n/((a+n) n!) (Kummer's transformation,
     * DLMF 13.2.39), Q = 1 - x^a M/Gamma(1+a)
     * = -expm1(a log x - log Gamma(1+a)) - (x^a/Gamma(1+a)) a sum_{n&ge;1} (-x)^n/((a+n) n!).
     * NaN if the sum has not converged within SERIES_MAX_ITER terms.
     */
    static double qSmallA(double a, double x, double logx) {
        double sum = 0;
        double t = 1; // (-x)^n / n!
        boolean converged = false;
        for (int n = 1; n <= SERIES_MAX_ITER; n++) {
            t *= -x / n;
            double term = t / (a + n);
            sum += term;
            if (Math.abs(term) <= SERIES_TOLERANCE * Math.abs(sum)) {
                converged = Double.isFinite(sum);
                break;
            }
        }
        if (!converged) {
            return Double.NaN;
        }
        double e = a * logx - GammaFunctions.logGamma1p(a);
        return -Math.expm1(e) - Math.exp(e) * a * sum;
    }

    /**
     * REGION_CONTINUED_FRACTION: Q = x^a e^-x / Gamma(a) * F with Legendre's fraction
     * F = 1/(x+1-a - 1(1-a)/(x+3-a - 2(2-a)/(x+5-a - ...))) (DLMF 8.9.2), i.e. F = K(alpha_n/beta_n)
     * with alpha_1 = 1, alpha_n = m(a - m), beta_n = x - a + 2m + 1, m = n - 1. Evaluated forward as
     * the sum of its increments (Steed's form: D_n = 1/(beta_n + alpha_n D_{n-1}),
     * dh_n = -alpha_n D_{n-1} D_n dh_{n-1}) with the a-derivative of every quantity carried along:
     * products only, so dF/da keeps its relative accuracy (differentiating the quotient A_n/B_n of
     * the convergents' recurrences instead loses ~ n (x - a) ulps to cancellation). Then
     * dQ/da = x^a e^-x/Gamma(a) [(log x - psi(a)) F + dF/da] and dx/da = x [(log x - psi(a)) F + dF/da].
     * NaN if not converged within CF_MAX_ITER terms.
     */
    public static double continuedFraction(double a, double x, int what) {
        double xma = x - a;
        double d = 1 / (xma + 1);          // D_1 = 1/beta_1
        double dd = d * d;                 // D_1' (beta' = -1)
        double dh = d;                     // increment dh_1 = D_1
        double ddh = dd;
        double f = dh;
        double df = ddh;
        boolean converged = false;
        for (int n = 2; n <= CF_MAX_ITER; n++) {
            int m = n - 1;
            double alpha = m * (a - m);
            double beta = xma + (2 * m + 1);
            double den = beta + alpha * d;
            if (den == 0) {
                den = CF_TINY;
            }
            double dn = 1 / den;
            double ddn = -dn * dn * (-1 + m * d + alpha * dd);           // D_n'
            double rho = -alpha * d * dn;                                // dh_n / dh_{n-1}
            double drho = -(m * d * dn + alpha * (dd * dn + d * ddn));   // rho'
            double ddhNext = drho * dh + rho * ddh;
            dh = rho * dh;
            ddh = ddhNext;
            d = dn;
            dd = ddn;
            f += dh;
            df += ddh;
            if (Math.abs(dh) <= CF_TOLERANCE * Math.abs(f) && Math.abs(ddh) <= CF_TOLERANCE * Math.abs(df)) {
                converged = Double.isFinite(f) && Double.isFinite(df);
                break;
            }
        }
        if (!converged) {
            return Double.NaN;
        }
        if (what == WHAT_P || what == WHAT_Q) {
            double qv = prefix(a, x) * f;
            return what == WHAT_Q ? qv : 1 - qv;
        }
        double bracket = logMinusDigamma0(a, x) * f + df;
        return switch (what) {
            case WHAT_DPDA -> -prefix(a, x) * bracket;
            case WHAT_GRAD -> x * bracket;
            default -> bracket; // WHAT_GRAD_OVER_X
        };
    }

    /**
     * REGION_TEMME: with lambda = x/a, eta = sign(lambda-1) sqrt(2(lambda - 1 - log lambda)),
     * Q = erfc(eta sqrt(a/2))/2 + E T, E = exp(-a eta^2/2)/sqrt(2 pi a), T = sum_k c_k(eta) a^-k
     * (DLMF 8.12.3-8.12.10; the smaller of P and Q is formed directly). At fixed x, d(eta)/da = -mu/a
     * with mu = (lambda-1)/eta, so dQ/da = E B with
     * B = (mu - eta/2)(1 + eta T) - T/(2a) - (mu/a) dT/deta + dT/da, and since
     * p(x; a) = exp(-a eta^2/2) sqrt(a/2 pi) / (x Gamma*(a)), dx/da = lambda Gamma*(a) B.
     */
    public static double temme(double a, double x, int what) {
        return temme(a, x, (x - a) / a, what);
    }

    /**
     * {@link #temme} with lambda - 1 = (x - a)/a given: for an x known to more than double precision (the Beta
     * limit of IncompleteBeta.gammaLimit carries x = hi + lo, and P has condition number ~sqrt(a) in x next to
     * the mean), lm1 = ((hi - a) + lo)/a; x itself enters only the gradient's factor x/a.
     */
    static double temme(double a, double x, double lm1, int what) {
        double phi = phi(a, x, lm1); // lambda - 1 - log lambda >= 0
        double eta = Math.copySign(Math.sqrt(2 * phi), lm1);
        double r = 1 / a;
        int kCount = TEMME_K;
        for (int i = TEMME_K_A_MIN.length - 1; i >= 0; i--) {
            if (a >= TEMME_K_A_MIN[i]) {
                kCount = TEMME_K_COUNT[i];
                break;
            }
        }
        int nCount = TEMME_N;
        double absEta = Math.abs(eta);
        for (int i = 0; i < TEMME_N_ETA_MAX.length; i++) {
            if (absEta <= TEMME_N_ETA_MAX[i]) {
                nCount = TEMME_N_COUNT[i];
                break;
            }
        }
        double tSum = 0;
        double tEta = 0;
        double tA = 0;
        for (int k = kCount - 1; k >= 0; k--) {
            int base = k * TEMME_N;
            double c = 0;
            double dc = 0;
            for (int j = nCount - 1; j >= 0; j--) {
                dc = Math.fma(dc, eta, c);
                c = Math.fma(c, eta, TEMME_C[base + j]);
            }
            tSum = Math.fma(tSum, r, c);
            tEta = Math.fma(tEta, r, dc);
            if (k >= 1) {
                tA = Math.fma(tA, r, k * c);
            }
        }
        tA *= -r * r;
        if (what == WHAT_P || what == WHAT_Q) {
            double y = eta * Math.sqrt(0.5 * a);
            double e = Math.exp(-a * phi) * INV_SQRT_2PI / Math.sqrt(a);
            if (eta >= 0) {
                double qv = 0.5 * ErrorFunction.erfc(y) + e * tSum;
                return what == WHAT_Q ? qv : 1 - qv;
            }
            double pv = 0.5 * ErrorFunction.erfc(-y) - e * tSum;
            return what == WHAT_P ? pv : 1 - pv;
        }
        double mu = eta != 0 ? lm1 / eta : 1;
        double b = (mu - 0.5 * eta) * (1 + eta * tSum) - 0.5 * r * tSum - mu * r * tEta + tA;
        return switch (what) {
            case WHAT_DPDA -> -Math.exp(-a * phi) * INV_SQRT_2PI / Math.sqrt(a) * b;
            case WHAT_GRAD -> (x / a) * Math.exp(GammaFunctions.logGammaStirlingCorrection(a)) * b;
            default -> r * Math.exp(GammaFunctions.logGammaStirlingCorrection(a)) * b; // WHAT_GRAD_OVER_X
        };
    }

    /**
     * {@link #prefix} for the series, where x may be below Double.MIN_NORMAL and is then used only
     * through logx: a exp(a log x - log Gamma(1+a)) (e^-x = 1 there).
     */
    static double seriesPrefix(double a, double x, double logx) {
        if (x >= Double.MIN_NORMAL) {
            return prefix(a, x);
        }
        return a * Math.exp(a * logx - GammaFunctions.logGamma1p(a));
    }

    /**
     * The first-order change of P, Q (what = WHAT_P, WHAT_Q) or dP/da (WHAT_DPDA) at x when x moves by {@code xLo}:
     * {@code xLo g(x)}, {@code -xLo g(x)}, {@code xLo g(x) (log x - psi(a))} with g(x) = x^(a-1) e^-x / Gamma(a) the
     * density (dP/dx, and d(dP/da)/dx = g (log x - psi(a))); 0 for the other quantities and where the term is not
     * finite. For a rate: u = rate z is rounded before P, Q and dP/da see it, and near the mean these have
     * condition number ~0.4 sqrt(a) in u, so the rounding alone moved them by up to ~0.4 sqrt(a) 2^-53 relative
     * (more in the tails: 2e-11 at a = 1e10, P = 0.02, measured against mpmath); with xLo = fma(rate, z, -u), the exact
     * remainder, the result is the value at rate z itself to second order (the next term, g'(x) xLo^2 / 2, is ~2^-106
     * relative). The gradients are well conditioned in u and need none.
     */
    public static double rateProductCorrection(double a, double x, double xLo, int what) {
        if (what != WHAT_P && what != WHAT_Q && what != WHAT_DPDA) {
            return 0;
        }
        double g = prefix(a, x) / x;
        double d = what == WHAT_P ? g : what == WHAT_Q ? -g : g * logMinusDigamma0(a, x);
        double c = xLo * d;
        return Double.isFinite(c) ? c : 0;
    }

    /**
     * {@code v}, the quantity {@code what} at u = rate z rounded, moved to the exact product: v plus
     * {@link #rateProductCorrection} with u_lo = fma(rate, z, -u) (v itself where the product is exact).
     */
    public static double atExactProduct(double v, double a, double rate, double z, double u, int what) {
        double uLo = Math.fma(rate, z, -u);
        return uLo == 0 ? v : v + rateProductCorrection(a, u, uLo, what);
    }

    /**
     * x^a e^-x / Gamma(a) for x &gt; 0: exp(-a phi(lambda) - log Gamma*(a)) sqrt(a/2 pi) with
     * phi(lambda) = -log1pmx(x/a - 1) for a &ge; PREFIX_STIRLING_A_MIN; below,
     * a x^a e^-x / Gamma(1+a) from pow and exp (logs when those under/overflow).
     */
    static double prefix(double a, double x) {
        if (a >= PREFIX_STIRLING_A_MIN) {
            double phi = phi(a, x);
            return Math.exp(-a * phi - GammaFunctions.logGammaStirlingCorrection(a)) * Math.sqrt(a * INV_2PI);
        }
        double lg1p = GammaFunctions.logGamma1p(a);
        double xa = Math.pow(x, a);
        double ex = Math.exp(-x);
        if (xa >= Double.MIN_NORMAL && ex >= Double.MIN_NORMAL && xa < Double.POSITIVE_INFINITY) {
            return a * (xa * ex) / Math.exp(lg1p);
        }
        return a * Math.exp(a * Math.log(x) - x - lg1p);
    }

    /**
     * phi(lambda) = lambda - 1 - log lambda for lambda = x/a: -log1pmx(lambda - 1) near lambda = 1
     * (no cancellation); for lambda &lt; PHI_LOG1PMX_LAMBDA_MIN, (lambda - 1) - log(lambda) with log
     * lambda taken from x/a directly, because x - a has lost the low digits of x there.
     */
    static double phi(double a, double x) {
        return phi(a, x, (x - a) / a);
    }

    /** {@link #phi} with lambda - 1 = lm1 given (see temme(a, x, lm1, what)). */
    static double phi(double a, double x, double lm1) {
        double lam = x / a;
        if (lam >= PHI_LOG1PMX_LAMBDA_MIN) {
            return -GammaFunctions.log1pmx(lm1);
        }
        double logLam = lam >= Double.MIN_NORMAL ? Math.log(lam) : Math.log(x) - Math.log(a);
        return lm1 - logLam;
    }

    /** log x - psi(a) (log x - log a cancelling against log a - psi(a) is avoided for large a). */
    private static double logMinusDigamma0(double a, double x) {
        if (a >= LOG_MINUS_DIGAMMA_A_MIN) {
            return Math.log(x / a) + GammaFunctions.logMinusDigamma(a);
        }
        return Math.log(x) - GammaFunctions.digamma(a);
    }

    /** log x - psi(a + 1), x given through logx too (x may underflow). */
    private static double logMinusDigammaP1(double a, double x, double logx) {
        if (a >= LOG_MINUS_DIGAMMA_A_MIN) {
            double lam = x / a;
            double logLam = lam >= Double.MIN_NORMAL ? Math.log(lam) : logx - Math.log(a);
            return logLam + (GammaFunctions.logMinusDigamma(a) - 1 / a);
        }
        return logx - GammaFunctions.digamma(a + 1);
    }
}
