// log Gamma, digamma, trigamma, log1pmx, Stirling's correction, erf/erfc/erfcx: the device port of
// dev.irg.math.GammaFunctions and dev.irg.math.ErrorFunction (same regions, same constants from
// SpecialConstants via irg_constants.cuh, same evaluation order). Keep in step with the Java code:
// HostMathTest compares every function here with its Java original.
#pragma once
#include "irg_common.cuh"
#include "irg_constants.cuh"

namespace irg {

namespace sc = SpecialConstants;

/** Horner evaluation of sum_k c[k] t^k over a generated table (as the Java loops, with fma). */
#define IRG_HORNER(NS, TABLE, t, out)                                    \
    do {                                                                  \
        double s_ = 0;                                                    \
        for (int k_ = NS::TABLE##_LENGTH - 1; k_ >= 0; k_--) {            \
            s_ = fma(s_, (t), IRG_TAB(NS, TABLE)[k_]);                    \
        }                                                                 \
        (out) = s_;                                                       \
    } while (0)

/** log Gamma(2 + t) for |t| <= 0.5 from its Taylor series at 2. */
IRG_HD double lgamma2Series(double t) {
    double s;
    IRG_HORNER(sc, LGAMMA2_SERIES, t, s);
    return s * t;
}

/** Stirling's series for log Gamma*(x), x >= LGAMMA_STIRLING_MIN. */
IRG_HD double stirlingSeries(double x) {
    double r = 1 / x;
    double s;
    IRG_HORNER(sc, LGAMMA_STIRLING, r * r, s);
    return s * r;
}

/** sum_k B_2k/(2k) x^(-2k), x >= DIGAMMA_ASYMPTOTIC_MIN. */
IRG_HD double digammaAsymptoticTail(double x) {
    double r2 = 1 / (x * x);
    double s;
    IRG_HORNER(sc, DIGAMMA_ASYMPTOTIC, r2, s);
    return s * r2;
}

/** log Gamma(1 + t) for |t| <= LGAMMA2_SERIES_RADIUS: log Gamma(2 + t) - log(1 + t). */
IRG_HD double logGamma1pNearZero(double t) { return lgamma2Series(t) - log1p(t); }

/** log Gamma(x) for x >= 1 - LGAMMA2_SERIES_RADIUS (GammaFunctions.logGammaFromHalf). */
IRG_HD_CALL double logGammaFromHalf(double x) {
    if (x < 1 + sc::LGAMMA2_SERIES_RADIUS) {
        double t = x - 1;
        return logGamma1pNearZero(t);
    }
    if (x < 2 + sc::LGAMMA2_SERIES_RADIUS) return lgamma2Series(x - 2);
    if (x < sc::LGAMMA_STIRLING_MIN) {
        double prod = 1;
        double y = x;
        while (y >= 2 + sc::LGAMMA2_SERIES_RADIUS) { // at most LGAMMA_STIRLING_MIN - 2 steps
            y -= 1;
            prod *= y;
        }
        return log(prod) + lgamma2Series(y - 2);
    }
    if (x == inf_value()) return inf_value();
    double lx = log(x);
    return x * (lx - 1) - 0.5 * lx + sc::LOG_SQRT_2PI + stirlingSeries(x);
}

/** log Gamma(x) for x > 0; +inf at 0 and for huge x, NaN for x < 0 or NaN. */
IRG_HD_CALL double logGamma(double x) {
    if (!(x >= 0)) return nan_value();
    if (x == 0) return inf_value();
    if (x < 1 - sc::LGAMMA2_SERIES_RADIUS) return logGamma1pNearZero(x) - log(x);
    return logGammaFromHalf(x);
}

/** log Gamma(1 + x) for x > -1, accurate near 0 and 1. */
IRG_HD_CALL double logGamma1p(double x) {
    if (!(x > -1)) return x == -1 ? inf_value() : nan_value();
    if (fabs(x) <= sc::LGAMMA2_SERIES_RADIUS) return logGamma1pNearZero(x);
    if (x < -sc::LGAMMA2_SERIES_RADIUS) {
        double y = 1 + x;
        return logGamma1pNearZero(y) - log(y);
    }
    if (x < 1 + sc::LGAMMA2_SERIES_RADIUS) return lgamma2Series(x - 1);
    return logGammaFromHalf(1 + x);
}

/** log(1 + t) - t for t > -1, relative accuracy near 0. */
IRG_HD_CALL double log1pmx(double t) {
    if (t >= sc::LOG1PMX_SERIES_LO && t <= sc::LOG1PMX_SERIES_HI) {
        double u = t / (2 + t);
        double u2 = u * u;
        double s;
        IRG_HORNER(sc, LOG1PMX_SERIES, u2, s);
        return -t * u + 2 * u * u2 * s;
    }
    if (!(t > -1)) return t == -1 ? -inf_value() : nan_value();
    return log1p(t) - t;
}

/** log Gamma*(x) (Stirling's correction), x > 0. */
IRG_HD_CALL double logGammaStirlingCorrection(double x) {
    if (!(x > 0)) return x == 0 ? inf_value() : nan_value();
    if (x >= sc::LGAMMA_STIRLING_MIN) return x == inf_value() ? 0.0 : stirlingSeries(x);
    if (x >= sc::STIRLING_RECURRENCE_MIN) {
        double acc = 0;
        double y = x;
        while (y < sc::LGAMMA_STIRLING_MIN) { // at most LGAMMA_STIRLING_MIN - STIRLING_RECURRENCE_MIN steps
            double r = 1 / y;
            acc += fma(y + 0.5, log1pmx(r), 0.5 * r);
            y += 1;
        }
        return acc + stirlingSeries(y);
    }
    double lx = log(x);
    return logGamma(x) - ((x - 0.5) * lx - x + sc::LOG_SQRT_2PI);
}

/** digamma psi(x), x > 0; -inf at 0. */
IRG_HD_CALL double digamma(double x) {
    if (!(x >= 0)) return nan_value();
    if (x == 0) return -inf_value();
    if (x >= sc::DIGAMMA_ASYMPTOTIC_MIN) {
        if (x == inf_value()) return x;
        return log(x) - 0.5 / x - digammaAsymptoticTail(x);
    }
    double acc = 0;
    if (x < 1) {
        acc = -1 / x;
        x += 1;
    } else {
        while (x > 2) { // x < DIGAMMA_ASYMPTOTIC_MIN: a bounded number of steps
            x -= 1;
            acc += 1 / x;
        }
    }
    double s = (x - sc::DIGAMMA_ROOT_HI) - sc::DIGAMMA_ROOT_LO;
    double p;
    IRG_HORNER(sc, DIGAMMA_ROOT_SERIES, s, p);
    return p * s + acc;
}

/** trigamma psi'(x), x > 0; +inf at 0. */
IRG_HD_CALL double trigamma(double x) {
    if (!(x >= 0)) return nan_value();
    if (x == 0) return inf_value();
    double acc = 0;
    while (x < sc::TRIGAMMA_ASYMPTOTIC_MIN) { // bounded: x grows by 1 from > 0
        acc += 1 / (x * x);
        x += 1;
    }
    if (x == inf_value()) return acc;
    double r = 1 / x;
    double s;
    IRG_HORNER(sc, TRIGAMMA_ASYMPTOTIC, r * r, s);
    return acc + r * (1 + r * (0.5 + s * r));
}

/** log x - psi(x), x > 0, without cancellation for large x. */
IRG_HD_CALL double logMinusDigamma(double x) {
    if (!(x > 0)) return x == 0 ? inf_value() : nan_value();
    if (x >= sc::DIGAMMA_ASYMPTOTIC_MIN) {
        if (x == inf_value()) return 0;
        return 0.5 / x + digammaAsymptoticTail(x);
    }
    return log(x) - digamma(x);
}

// ---- error function (dev.irg.math.ErrorFunction) ----

/** erf(x) = x sum_n c_n x^(2n), |x| < ERF_SERIES_MAX. */
IRG_HD double erfSeries(double x) {
    double s;
    IRG_HORNER(sc, ERF_SERIES, x * x, s);
    return x * s;
}

/** exp(-x^2) with x^2 split exactly. */
IRG_HD double expMinusSquare(double x) {
    double s = x * x;
    double e = fma(x, x, -s);
    return exp(-s) * (1 - e);
}

/** exp(x^2) with x^2 split exactly. */
IRG_HD double expSquare(double x) {
    double s = x * x;
    double e = fma(x, x, -s);
    return exp(s) * (1 + e);
}

/** K = x + (1/2)/(x + 1/(x + ...)), ERFC_CF_TERMS terms backward (DLMF 7.9.2). */
IRG_HD double erfcContinuedFraction(double x) {
    double k = x;
    for (int n = sc::ERFC_CF_TERMS; n >= 1; n--) k = x + (0.5 * n) / k;
    return k;
}

/** erfcx(x) for x >= ERF_SERIES_MAX (0 at +inf). */
IRG_HD double erfcxPositive(double x) {
    if (x < sc::ERFCX_TAYLOR_HI) {
        int i = (int)((x - sc::ERFCX_TAYLOR_LO) / sc::ERFCX_TAYLOR_WIDTH);
        double h = x - (sc::ERFCX_TAYLOR_LO + (i + 0.5) * sc::ERFCX_TAYLOR_WIDTH);
        int base = i * sc::ERFCX_TAYLOR_TERMS;
        double s = 0;
        for (int k = sc::ERFCX_TAYLOR_TERMS - 1; k >= 0; k--) s = fma(s, h, IRG_TAB(sc, ERFCX_TAYLOR)[base + k]);
        return s;
    }
    if (x == inf_value()) return 0;
    return sc::INV_SQRT_PI / erfcContinuedFraction(x);
}

/** erfc(x) for x >= ERF_SERIES_MAX. */
IRG_HD double erfcPositive(double x) {
    if (x > sc::ERFC_UNDERFLOW_X) return 0;
    return expMinusSquare(x) * erfcxPositive(x);
}

IRG_HD double erf_irg(double x) {
    double ax = fabs(x);
    if (ax < sc::ERF_SERIES_MAX) return erfSeries(x);
    if (x != x) return x;
    double r = 1 - erfcPositive(ax);
    return x < 0 ? -r : r;
}

IRG_HD double erfc_irg(double x) {
    if (fabs(x) < sc::ERF_SERIES_MAX) return 1 - erfSeries(x);
    if (x != x) return x;
    return x > 0 ? erfcPositive(x) : 2 - erfcPositive(-x);
}

IRG_HD double erfcx_irg(double x) {
    if (x >= sc::ERF_SERIES_MAX) return erfcxPositive(x);
    if (x != x) return x;
    if (x > -sc::ERF_SERIES_MAX) return exp(x * x) * (1 - erfSeries(x));
    double y = -x;
    return 2 * expSquare(y) - erfcxPositive(y);
}

} // namespace irg

// One-argument helpers checked one by one against their Java originals by HostMathTest
// (X(java class simple name, java method, C++ function)).
#define IRG_FOR_EACH_SPECIAL_FN(X)                                              \
    X(GammaFunctions, logGamma, irg::logGamma)                                  \
    X(GammaFunctions, logGamma1p, irg::logGamma1p)                              \
    X(GammaFunctions, logGammaStirlingCorrection, irg::logGammaStirlingCorrection) \
    X(GammaFunctions, log1pmx, irg::log1pmx)                                    \
    X(GammaFunctions, digamma, irg::digamma)                                    \
    X(GammaFunctions, trigamma, irg::trigamma)                                  \
    X(GammaFunctions, logMinusDigamma, irg::logMinusDigamma)                    \
    X(ErrorFunction, erf, irg::erf_irg)                                         \
    X(ErrorFunction, erfc, irg::erfc_irg)                                       \
    X(ErrorFunction, erfcx, irg::erfcx_irg)
