// Gamma(alpha, rate): element functions of the GAMMA_* operations.
// Mirrors dev.irg.math.Reference (rate handling) and dev.irg.math.IncompleteGamma: gammaClassify
// picks the region, one evaluation per region, constants from GammaConstants via
// irg_constants.cuh, the same order of operations. Keep in step with the Java code: HostMathTest
// compares every operation with the Java reference and HostGoldenTest with the golden tables.
#pragma once
#include "irg_common.cuh"
#include "irg_constants.cuh"
#include "irg_special.cuh"

namespace irg {

/** rate > 0 and finite (Reference.validRate). */
IRG_HD bool gamma_valid_rate(double rate) { return rate > 0.0 && rate < inf_value(); }

/**
 * dz/drate = -z/rate for z = x/rate, x ~ Gamma(alpha, 1) (Reference.gammaGradRate): no special
 * function, but the same domain as the other Gamma operations.
 */
IRG_HD double gamma_grad_rate(double alpha, double rate, double z) {
    if (!(alpha > 0.0) || alpha == inf_value() || !gamma_valid_rate(rate) || !(z >= 0.0)) {
        return nan_value();
    }
    return -z / rate;
}

namespace gc = GammaConstants;

// Quantity selectors (IncompleteGamma.WHAT_*).
static constexpr int GAMMA_WHAT_P = 0;
static constexpr int GAMMA_WHAT_Q = 1;
static constexpr int GAMMA_WHAT_DPDA = 2;
static constexpr int GAMMA_WHAT_GRAD = 3;
static constexpr int GAMMA_WHAT_GRAD_OVER_X = 4;

static constexpr double GAMMA_INV_SQRT_2PI = SpecialConstants::INV_SQRT_2PI;
static constexpr double GAMMA_INV_2PI = SpecialConstants::INV_2PI;

/** IncompleteGamma.classify: one of GammaConstants::REGION_*. */
IRG_HD int gammaClassify(double a, double x) {
    if (!(a > 0) || a == inf_value() || !(x > 0) || x == inf_value()) return gc::REGION_EDGE;
    if (a >= gc::TEMME_A_MIN) {
        double lambda = x / a;
        if (lambda >= gc::TEMME_LAMBDA_LO && lambda <= gc::TEMME_LAMBDA_HI) return gc::REGION_TEMME;
    }
    return x < a + gc::SERIES_X_OFFSET ? gc::REGION_SERIES : gc::REGION_CONTINUED_FRACTION;
}

/** REGION_EDGE: NaN for invalid input; closed forms at x = 0 and x = +inf. */
IRG_HD double gammaEdge(double a, double x, int what) {
    if (!(a > 0) || a == inf_value() || !(x >= 0)) return nan_value();
    if (x == 0) {
        if (what == GAMMA_WHAT_Q) return 1;
        if (what == GAMMA_WHAT_GRAD_OVER_X) return inf_value();
        return 0;
    }
    if (x == inf_value()) {
        if (what == GAMMA_WHAT_P) return 1;
        if (what == GAMMA_WHAT_Q || what == GAMMA_WHAT_DPDA) return 0;
        return nan_value();
    }
    return nan_value();
}

/** phi(lambda) = lambda - 1 - log lambda, lambda = x/a (IncompleteGamma.phi). */
/** IncompleteGamma.phi(a, x, lm1): lambda - 1 - log lambda with lambda - 1 = lm1 given. */
IRG_HD double gammaPhiShifted(double a, double x, double lm1) {
    double lam = x / a;
    if (lam >= gc::PHI_LOG1PMX_LAMBDA_MIN) return -log1pmx(lm1);
    double logLam = lam >= MIN_NORMAL ? log(lam) : log(x) - log(a);
    return lm1 - logLam;
}

IRG_HD double gammaPhi(double a, double x) { return gammaPhiShifted(a, x, (x - a) / a); }

/** x^a e^-x / Gamma(a) (IncompleteGamma.prefix). */
IRG_HD_CALL double gammaPrefix(double a, double x) {
    if (a >= gc::PREFIX_STIRLING_A_MIN) {
        double phi = gammaPhi(a, x);
        return exp(-a * phi - logGammaStirlingCorrection(a)) * sqrt(a * GAMMA_INV_2PI);
    }
    double lg1p = logGamma1p(a);
    double xa = pow(x, a);
    double ex = exp(-x);
    if (xa >= MIN_NORMAL && ex >= MIN_NORMAL && xa < inf_value()) return a * (xa * ex) / exp(lg1p);
    return a * exp(a * log(x) - x - lg1p);
}

/** IncompleteGamma.seriesPrefix: x below MIN_NORMAL enters only through logx. */
IRG_HD double gammaSeriesPrefix(double a, double x, double logx) {
    if (x >= MIN_NORMAL) return gammaPrefix(a, x);
    return a * exp(a * logx - logGamma1p(a));
}

/** log x - psi(a). */
IRG_HD double gammaLogMinusDigamma0(double a, double x) {
    if (a >= gc::LOG_MINUS_DIGAMMA_A_MIN) return log(x / a) + logMinusDigamma(a);
    return log(x) - digamma(a);
}

/** log x - psi(a + 1), x also given as logx. */
IRG_HD double gammaLogMinusDigammaP1(double a, double x, double logx) {
    if (a >= gc::LOG_MINUS_DIGAMMA_A_MIN) {
        double lam = x / a;
        double logLam = lam >= MIN_NORMAL ? log(lam) : logx - log(a);
        return logLam + (logMinusDigamma(a) - 1 / a);
    }
    return logx - digamma(a + 1);
}

/** Q(a, x) for a < Q_SMALL_A_MAX in the series region (IncompleteGamma.qSmallA). */
IRG_HD_CALL double gammaQSmallA(double a, double x, double logx) {
    double sum = 0;
    double t = 1;
    bool converged = false;
    for (int n = 1; n <= gc::SERIES_MAX_ITER; n++) {
        t *= -x / n;
        double term = t / (a + n);
        sum += term;
        if (fabs(term) <= gc::SERIES_TOLERANCE * fabs(sum)) {
            converged = finite(sum);
            break;
        }
    }
    if (!converged) return nan_value();
    double e = a * logx - logGamma1p(a);
    return -expm1(e) - exp(e) * a * sum;
}

/** REGION_SERIES (IncompleteGamma.series); NaN if not converged within SERIES_MAX_ITER. */
IRG_HD_CALL double gammaSeries(double a, double x, double logx, int what) {
    if (what == GAMMA_WHAT_Q && a < gc::Q_SMALL_A_MAX) return gammaQSmallA(a, x, logx);
    double s = 1;
    double ds = 0;
    double t = 1;
    double h = 0;
    bool converged = false;
    for (int n = 1; n <= gc::SERIES_MAX_ITER; n++) {
        double an = a + n;
        t *= x / an;
        h += 1 / an;
        double dt = -t * h;
        s += t;
        ds += dt;
        if (t <= s * gc::SERIES_TOLERANCE && -dt <= -ds * gc::SERIES_TOLERANCE) {
            converged = finite(s) && finite(ds); // an overflowed sum is no convergence
            break;
        }
    }
    if (!converged) return nan_value();
    if (what == GAMMA_WHAT_P || what == GAMMA_WHAT_Q) {
        double pv = gammaSeriesPrefix(a, x, logx) / a * s;
        pv = pv > 1 ? 1 : pv; // P < 1 (the rounded product may exceed it for tiny a)
        return what == GAMMA_WHAT_P ? pv : 1 - pv;
    }
    double bracket = s * gammaLogMinusDigammaP1(a, x, logx) + ds;
    if (what == GAMMA_WHAT_DPDA) return gammaSeriesPrefix(a, x, logx) / a * bracket;
    if (what == GAMMA_WHAT_GRAD) return -(x / a) * bracket;
    return -bracket / a;
}

/** REGION_CONTINUED_FRACTION (IncompleteGamma.continuedFraction, Steed's form with d/da). */
IRG_HD_CALL double gammaContinuedFraction(double a, double x, int what) {
    double xma = x - a;
    double d = 1 / (xma + 1);
    double dd = d * d;
    double dh = d;
    double ddh = dd;
    double f = dh;
    double df = ddh;
    bool converged = false;
    for (int n = 2; n <= gc::CF_MAX_ITER; n++) {
        int m = n - 1;
        double alpha = m * (a - m);
        double beta = xma + (2 * m + 1);
        double den = beta + alpha * d;
        if (den == 0) den = gc::CF_TINY;
        double dn = 1 / den;
        double ddn = -dn * dn * (-1 + m * d + alpha * dd);
        double rho = -alpha * d * dn;
        double drho = -(m * d * dn + alpha * (dd * dn + d * ddn));
        double ddhNext = drho * dh + rho * ddh;
        dh = rho * dh;
        ddh = ddhNext;
        d = dn;
        dd = ddn;
        f += dh;
        df += ddh;
        if (fabs(dh) <= gc::CF_TOLERANCE * fabs(f) && fabs(ddh) <= gc::CF_TOLERANCE * fabs(df)) {
            converged = finite(f) && finite(df);
            break;
        }
    }
    if (!converged) return nan_value();
    if (what == GAMMA_WHAT_P || what == GAMMA_WHAT_Q) {
        double qv = gammaPrefix(a, x) * f;
        return what == GAMMA_WHAT_Q ? qv : 1 - qv;
    }
    double bracket = gammaLogMinusDigamma0(a, x) * f + df;
    if (what == GAMMA_WHAT_DPDA) return -gammaPrefix(a, x) * bracket;
    if (what == GAMMA_WHAT_GRAD) return x * bracket;
    return bracket;
}

/** REGION_TEMME (IncompleteGamma.temme): Temme's uniform expansion with d/da. */
/** IncompleteGamma.temme(a, x, lm1, what): lambda - 1 given (x carried to more than double precision). */
IRG_HD_CALL double gammaTemmeShifted(double a, double x, double lm1, int what) {
    double phi = gammaPhiShifted(a, x, lm1);
    double eta = copysign(sqrt(2 * phi), lm1);
    double r = 1 / a;
    int kCount = gc::TEMME_K;
    for (int i = gc::TEMME_K_A_MIN_LENGTH - 1; i >= 0; i--) {
        if (a >= IRG_TAB(gc, TEMME_K_A_MIN)[i]) {
            kCount = IRG_TAB(gc, TEMME_K_COUNT)[i];
            break;
        }
    }
    int nCount = gc::TEMME_N;
    double absEta = fabs(eta);
    for (int i = 0; i < gc::TEMME_N_ETA_MAX_LENGTH; i++) {
        if (absEta <= IRG_TAB(gc, TEMME_N_ETA_MAX)[i]) {
            nCount = IRG_TAB(gc, TEMME_N_COUNT)[i];
            break;
        }
    }
    double tSum = 0;
    double tEta = 0;
    double tA = 0;
    for (int k = kCount - 1; k >= 0; k--) {
        int base = k * gc::TEMME_N;
        double c = 0;
        double dc = 0;
        for (int j = nCount - 1; j >= 0; j--) {
            dc = fma(dc, eta, c);
            c = fma(c, eta, IRG_TAB(gc, TEMME_C)[base + j]);
        }
        tSum = fma(tSum, r, c);
        tEta = fma(tEta, r, dc);
        if (k >= 1) tA = fma(tA, r, k * c);
    }
    tA *= -r * r;
    if (what == GAMMA_WHAT_P || what == GAMMA_WHAT_Q) {
        double y = eta * sqrt(0.5 * a);
        double e = exp(-a * phi) * GAMMA_INV_SQRT_2PI / sqrt(a);
        if (eta >= 0) {
            double qv = 0.5 * erfc_irg(y) + e * tSum;
            return what == GAMMA_WHAT_Q ? qv : 1 - qv;
        }
        double pv = 0.5 * erfc_irg(-y) - e * tSum;
        return what == GAMMA_WHAT_P ? pv : 1 - pv;
    }
    double mu = eta != 0 ? lm1 / eta : 1;
    double b = (mu - 0.5 * eta) * (1 + eta * tSum) - 0.5 * r * tSum - mu * r * tEta + tA;
    if (what == GAMMA_WHAT_DPDA) return -exp(-a * phi) * GAMMA_INV_SQRT_2PI / sqrt(a) * b;
    if (what == GAMMA_WHAT_GRAD) return (x / a) * exp(logGammaStirlingCorrection(a)) * b;
    return r * exp(logGammaStirlingCorrection(a)) * b;
}

IRG_HD_CALL double gammaTemme(double a, double x, int what) { return gammaTemmeShifted(a, x, (x - a) / a, what); }

/** IncompleteGamma.tinyA: the value at a &lt; TINY_ALPHA_PROXY from the value at the proxy. */
IRG_HD double gammaTinyA(double a, int what, double atProxy) {
    if (what == GAMMA_WHAT_P || what == GAMMA_WHAT_DPDA) return atProxy;
    if (what == GAMMA_WHAT_Q) return atProxy * (a / gc::TINY_ALPHA_PROXY);
    return atProxy * (gc::TINY_ALPHA_PROXY / a);
}

/** IncompleteGamma.eval for a &ge; TINY_ALPHA_PROXY: classify, then the region's evaluation. */
IRG_HD double gammaEvalNormal(double a, double x, int what) {
    switch (gammaClassify(a, x)) {
        case gc::REGION_SERIES: return gammaSeries(a, x, log(x), what);
        case gc::REGION_CONTINUED_FRACTION: return gammaContinuedFraction(a, x, what);
        case gc::REGION_TEMME: return gammaTemme(a, x, what);
        default: return gammaEdge(a, x, what);
    }
}

IRG_HD double gammaEval(double a, double x, int what) {
    if (a < gc::TINY_ALPHA_PROXY && a > 0) return gammaTinyA(a, what, gammaEvalNormal(gc::TINY_ALPHA_PROXY, x, what));
    return gammaEvalNormal(a, x, what);
}

/** IncompleteGamma.evalLogX: x = exp(logX) below MIN_NORMAL through the series with log x. */
IRG_HD double gammaEvalLogXNormal(double a, double logX, int what) {
    double x = exp(logX);
    if (x < MIN_NORMAL && logX > -inf_value()) return gammaSeries(a, x, logX, what);
    return gammaEvalNormal(a, x, what);
}

IRG_HD double gammaEvalLogX(double a, double logX, int what) {
    if (!(a > 0) || a == inf_value() || logX != logX) return nan_value();
    if (a < gc::TINY_ALPHA_PROXY) return gammaTinyA(a, what, gammaEvalLogXNormal(gc::TINY_ALPHA_PROXY, logX, what));
    return gammaEvalLogXNormal(a, logX, what);
}

/**
 * IncompleteGamma.rateProductCorrection: the first-order change of P, Q or dP/da when x moves by xLo (xLo g(x),
 * -xLo g(x), xLo g(x) (log x - psi(a)), g the density = prefix/x); 0 for other quantities and where not finite.
 */
IRG_HD double gammaRateProductCorrection(double a, double x, double xLo, int what) {
    if (what != GAMMA_WHAT_P && what != GAMMA_WHAT_Q && what != GAMMA_WHAT_DPDA) return 0;
    double g = gammaPrefix(a, x) / x;
    double d = what == GAMMA_WHAT_P ? g : what == GAMMA_WHAT_Q ? -g : g * gammaLogMinusDigamma0(a, x);
    double c = xLo * d;
    return c - c == 0 ? c : 0;
}

/**
 * Reference.gamma: the rate scales the sample, u = rate * z; where u falls below MIN_NORMAL although
 * z > 0, u enters through log u = log rate + log z and dz/dalpha = z d(log u)/dalpha.
 */
IRG_HD double gammaOp(double a, double rate, double z, int what) {
    if (!gamma_valid_rate(rate)) return nan_value();
    double u = rate * z;
    if (u < MIN_NORMAL && z > 0) {
        double logU = log(rate) + log(z);
        return what == GAMMA_WHAT_GRAD ? z * gammaEvalLogX(a, logU, GAMMA_WHAT_GRAD_OVER_X) : gammaEvalLogX(a, logU, what);
    }
    if (u == inf_value() && z < inf_value() && what == GAMMA_WHAT_GRAD) {
        // Reference.gradOverflowed: u beyond MAX_VALUE, du/dalpha = log u - psi(alpha) for alpha <= OVERFLOW_ALPHA_MAX,
        // above it Reference.gradFarAboveMean
        if (!(a > 0) || a == inf_value()) return nan_value();
        if (a <= gc::OVERFLOW_ALPHA_MAX) return (log(rate) + log(z) - digamma(a)) / rate;
        double rq = rate * 0.25;
        double uq = rq * z;
        double logC, factor;
        if (uq < inf_value()) {
            double dq = fma(rq, z, -a * 0.25);
            logC = log1p(dq / (a * 0.25));
            factor = uq / (dq + 0.25);
        } else {
            logC = log(rate) + log(z) - log(a);
            factor = 1 / (1 - (a - 1) / rate / z);
        }
        return (logC + logMinusDigamma(a)) * factor / rate;
    }
    double v = gammaEval(a, u, what);
    if (what == GAMMA_WHAT_GRAD) return v / rate;
    // u = rate z rounded: P, Q and dP/da at the exact product (IncompleteGamma.rateProductCorrection)
    double uLo = fma(rate, z, -u);
    return uLo == 0 ? v : v + gammaRateProductCorrection(a, u, uLo, what);
}

// Operations (dev.irg.math.Reference).
IRG_HD double gamma_cdf(double a, double rate, double x) { return gammaOp(a, rate, x, GAMMA_WHAT_P); }
IRG_HD double gamma_dcdf_dalpha(double a, double rate, double x) { return gammaOp(a, rate, x, GAMMA_WHAT_DPDA); }
IRG_HD double gamma_grad_alpha(double a, double rate, double x) { return gammaOp(a, rate, x, GAMMA_WHAT_GRAD); }

} // namespace irg
