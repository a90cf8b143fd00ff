// Beta(a, b): the device port of dev.irg.math.IncompleteBeta (same regions from betaClassify, same
// evaluation per region, same constants from BetaConstants via irg_constants.cuh, same order of
// operations). Keep in step with the Java code: HostMathTest compares every operation with the
// Java reference and HostGoldenTest with the golden tables.
#pragma once
#include "irg_common.cuh"
#include "irg_constants.cuh"
#include "irg_special.cuh"
#include "irg_gamma.cuh"

namespace irg {

namespace bc = BetaConstants;

/** The five outputs of one element (IncompleteBeta.OUT_*). */
struct BetaOut {
    double cdf, dcdfDa, dcdfDb, gradA, gradB;
};

IRG_HD BetaOut betaFill(double cdf, double rest) { return BetaOut{cdf, rest, rest, rest, rest}; }

/** BetaFunctions.log1pRatio: log1p(num/den), log num - log den where the quotient overflows. */
IRG_HD double betaLog1pRatio(double num, double den) {
    double r = num / den;
    return r < inf_value() ? log1p(r) : log(num) - log(den);
}

IRG_HD double betaTwoSumError(double a, double b, double s) {
    double bb = s - a;
    return (a - (s - bb)) + (b - bb);
}

/** d = u (p + q) - p with u exact (error-free products and sums). */
IRG_HD double betaDeltaFromU(double p, double q, double u) {
    double s = p + q;
    double es = betaTwoSumError(p, q, s);
    double m = u * s;
    double em = fma(u, s, -m);
    return (m - p) + em + u * es;
}

/** d = q - v (p + q) from v = 1 - u when v is the exact one. */
IRG_HD double betaDeltaFromV(double p, double q, double v) {
    double s = p + q;
    double es = betaTwoSumError(p, q, s);
    double m = v * s;
    double em = fma(v, s, -m);
    return (q - m) - em - v * es;
}

// ---- BetaFunctions ----

/** log Gamma*(z (1 + t)) - log Gamma*(z), term by term (BetaFunctions.stirlingCorrectionIncrement). */
IRG_HD double betaStirlingCorrectionIncrement(double z, double t) {
    double r = 1 / z;
    double r2 = r * r;
    double e = -t / (1 + t); // (1 + t)^-1 - 1
    double em = e;           // (1 + t)^-(2k+1) - 1
    double pw = r;
    double sum = 0;
    for (int k = 0; k < SpecialConstants::LGAMMA_STIRLING_LENGTH; k++) {
        sum += IRG_TAB(SpecialConstants, LGAMMA_STIRLING)[k] * pw * em;
        pw *= r2;
        em += e * (em + 1);
        em += e * (em + 1);
    }
    return sum;
}

/** log Gamma(q + p) - log Gamma(q), accurate for tiny p (BetaFunctions.logGammaIncrement). */
IRG_HD_CALL double betaLogGammaIncrement(double q, double p) {
    if (!(p > 0) || !(q > 0) || p == inf_value() || q == inf_value()) return nan_value();
    double acc = 0;
    double z = q;
    while (z < bc::STIRLING_MIN) { // at most ceil(STIRLING_MIN) steps
        acc -= log1p(p / z);
        z += 1;
    }
    double t = p / z;
    return acc + z * log1pmx(t) - 0.5 * log1p(t) + p * log(z + p) + betaStirlingCorrectionIncrement(z, t);
}

/** logMinusDigamma(q) - logMinusDigamma(q + p), accurate for tiny p (BetaFunctions.logMinusDigammaDrop). */
IRG_HD_CALL double betaLogMinusDigammaDrop(double q, double p) {
    if (!(p > 0) || !(q > 0) || p == inf_value() || q == inf_value()) return nan_value();
    double acc = 0;
    double z = q;
    while (z < SpecialConstants::DIGAMMA_ASYMPTOTIC_MIN) { // at most ceil(DIGAMMA_ASYMPTOTIC_MIN) steps
        double zp = z + p;
        acc += p / zp / z - betaLog1pRatio(p / (zp + 1), z); // BetaFunctions.logMinusDigammaDrop: no z (zp) underflow
        z += 1;
    }
    double l1p = log1p(p / z);
    double r2 = 1 / (z * z);
    double pw = r2;
    double sum = 0.5 * p / (z * (z + p));
    for (int k = 0; k < SpecialConstants::DIGAMMA_ASYMPTOTIC_LENGTH; k++) {
        sum -= IRG_TAB(SpecialConstants, DIGAMMA_ASYMPTOTIC)[k] * pw * expm1(-2 * (k + 1) * l1p);
        pw *= r2;
    }
    return acc + sum;
}

/**
 * IncompleteBeta.logRatioTerm: p log(u (p+q)/p) - d = p log1pmx(t), t = d/p, unless 1 + t is small
 * (then p (log u + log1p(q/p)) - d).
 */
IRG_HD double betaLogRatioTerm(double p, double t, double lu, double q, double d) {
    if (t >= -bc::LOG1P_FORM_MAX) return p * log1pmx(t);
    double l1q = betaLog1pRatio(q, p);
    double onePlusT = 1 + t;
    if (onePlusT > 0 && -t < onePlusT * (l1q - lu)) return p * log1pmx(t);
    return p * (lu + l1q) - d;
}

/** IncompleteBeta.logPrefactor: pre[0] = L, pre[1] = dL/dp, pre[2] = dL/dq. */
IRG_HD_CALL void betaLogPrefactor(double p, double q, double lu, double lv, double d, bool withV, double pre[3]) {
    double pq = p + q;
    double tp = d / p;
    double tq = -d / q;
    double l;
    if (p >= bc::STIRLING_MIN && q >= bc::STIRLING_MIN) {
        double corr = logGammaStirlingCorrection(p) + logGammaStirlingCorrection(q) - logGammaStirlingCorrection(pq);
        double common = 0.5 * log(p / pq * q) - SpecialConstants::LOG_SQRT_2PI - log(p) - corr;
        l = betaLogRatioTerm(p, tp, lu, q, d) + betaLogRatioTerm(q, tq, lv, p, -d) + common;
        if (!withV) l -= q * lv;
    } else if (q >= bc::STIRLING_MIN) {
        l = p * (lu + log(pq)) + q * log1pmx(p / q) - 0.5 * log1p(p / q) - logGamma1p(p)
            + betaStirlingCorrectionIncrement(q, p / q);
        if (withV) l += q * lv;
    } else if (p >= bc::STIRLING_MIN) {
        l = p * lu + q * log(pq) + p * log1pmx(q / p) - 0.5 * log1p(q / p) - log(p) - logGamma(q)
            + betaStirlingCorrectionIncrement(p, q / p);
        if (withV) l += q * lv;
    } else {
        // log(p B(p, q)) = log Gamma(1 + p) - (log Gamma(q + p) - log Gamma(q))
        l = p * lu - logGamma1p(p) + betaLogGammaIncrement(q, p);
        if (withV) l += q * lv;
    }
    pre[0] = l;

    if (p >= bc::DIGAMMA_SPLIT) {
        double lup = fabs(tp) <= bc::LOG1P_FORM_MAX ? log1p(tp) : lu + betaLog1pRatio(q, p);
        pre[1] = lup + betaLogMinusDigammaDrop(p, q) - 1 / p;
    } else {
        pre[1] = (lu + log(pq)) - digamma(1 + p) - logMinusDigamma(pq);
    }
    double lvq = fabs(tq) <= bc::LOG1P_FORM_MAX ? log1p(tq) : lv + betaLog1pRatio(p, q);
    pre[2] = lvq + betaLogMinusDigammaDrop(q, p);
}

/** Result of the continued fraction: f, T_p, T_q, L (IncompleteBeta.F_*). */
struct BetaFraction {
    double f, tp, tq, logPrefactor;
};

/** IncompleteBeta.fractionCap: the fraction's step cap for I_u(p, q). */
IRG_HD_CALL int betaFractionCap(double p, double q) {
    double c = bc::FRACTION_CAP_BASE + bc::FRACTION_CAP_PER_SQRT * sqrt(fmin(p, q));
    return c < bc::FRACTION_MAX_ITER ? (int) c : bc::FRACTION_MAX_ITER;
}

/** IncompleteBeta.fraction; false if it did not converge within betaFractionCap(p, q) steps. */
IRG_HD_CALL bool betaFractionKernel(double p, double q, double u, double v, double lu, double lv, double d, BetaFraction& r) {
    double pre[3];
    betaLogPrefactor(p, q, lu, lv, d, true, pre);
    double lp = pre[1];
    double lq = pre[2];
    double pq = p + q;

    double b0 = (1 - d) / (p + 1);
    double d1 = -pq * u / (p + 1);
    double b0p = d1 * (1 - q) / (pq * (p + 1));
    double b0q = -u / (p + 1);
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
    double dOdd = d1;
    double dOddP = b0p;
    double dOddQ = b0q;
    int cap = betaFractionCap(p, q);
    for (int k = 1; k <= cap; k++) {
        double e1 = p + 2 * k - 1;
        double e2 = p + 2 * k;
        double e3 = p + 2 * k + 1;
        double dEven = k * (q - k) * u / (e1 * e2);
        double dEvenP = -dEven * (1 / e1 + 1 / e2);
        double dEvenQ = k * u / (e1 * e2);
        double dNext = -(p + k) * (pq + k) * u / (e2 * e3);
        double dNextP = dNext * (k / ((p + k) * e2) + (k + 1 - q) / ((pq + k) * e3));
        double dNextQ = -(p + k) * u / (e2 * e3);

        double alpha = dOdd * dEven;
        double alphaP = dOddP * dEven + dOdd * dEvenP;
        double alphaQ = dOddQ * dEven + dOdd * dEvenQ;
        double beta = (-p * d + p * (2 * k + 1) + 2.0 * k * (k + 1) + 2.0 * k * (q - k) * u / e1 + 2.0 * k * v * (p + k))
                      / (e2 * e3);
        double betaP = dEvenP + dNextP;
        double betaQ = dEvenQ + dNextQ;

        double an = beta * 1 - alpha * am2;
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
        if (!(finite(fn) && finite(tpn) && finite(tqn))) {
            return false;
        }
        bool done = fabs(fn - f) <= bc::CONVERGENCE_TOL * fabs(fn) && fabs(tpn - tp) <= bc::CONVERGENCE_TOL * fabs(tpn)
                    && fabs(tqn - tq) <= bc::CONVERGENCE_TOL * fabs(tqn);
        f = fn;
        tp = tpn;
        tq = tqn;
        if (done) {
            r = BetaFraction{f, tp, tq, pre[0]};
            return finite(f) && finite(tp) && finite(tq);
        }
        dOdd = dNext;
        dOddP = dNextP;
        dOddQ = dNextQ;
    }
    return false;
}

/** IncompleteBeta.normalLimit: Phi(z) and the mean's derivatives, relative to e^L. */
IRG_HD_CALL bool betaNormalLimit(double p, double q, double lu, double lv, double d, double sdU, BetaFraction& r) {
    double pre[3];
    betaLogPrefactor(p, q, lu, lv, d, true, pre);
    double pq = p + q;
    double z = d / (sdU * pq);
    double cdf = 0.5 * erfc_irg(-z * bc::SQRT_HALF);
    double dens = SpecialConstants::INV_SQRT_2PI * exp(-0.5 * z * z) / sdU;
    double inv = exp(-pre[0]);
    r = BetaFraction{cdf * inv, -dens * (q / pq) / pq * inv, dens * (p / pq) / pq * inv, pre[0]};
    return finite(r.f) && finite(r.tp) && finite(r.tq);
}

/** IncompleteBeta.shifted: the fraction at u0 = u - SHIFT_DISTANCE sd plus the density integral over [u0, u]. */
IRG_HD_CALL bool betaShifted(double p, double q, double u, double v, double lu, double lv, double d, bool uExact,
                             double sdU, BetaFraction& r) {
    double dist = bc::SHIFT_DISTANCE * sdU;
    double u0, v0, delta, lu0, lv0, d0;
    if (uExact) {
        u0 = u - dist;
        delta = u - u0;
        v0 = 1 - u0;
        lu0 = log(u0);
        lv0 = log1p(-u0);
        d0 = betaDeltaFromU(p, q, u0);
    } else {
        v0 = v + dist;
        delta = v0 - v;
        u0 = 1 - v0;
        lu0 = log1p(-v0);
        lv0 = log(v0);
        d0 = betaDeltaFromV(p, q, v0);
    }
    if (delta == 0) return betaNormalLimit(p, q, lu, lv, d, sdU, r);
    BetaFraction r0;
    if (!betaFractionKernel(p, q, u0, v0, lu0, lv0, d0, r0)) return false;
    double pre[3];
    betaLogPrefactor(p, q, lu, lv, d, true, pre);
    double uv = u * v;
    double ratio = exp(delta * d / uv + p * log1pmx(-delta / u) + q * log1pmx(delta / v));
    double c1 = (d + 1 - 2 * u) / uv;
    double dropP = betaLogMinusDigammaDrop(p, q);
    double dropQ = betaLogMinusDigammaDrop(q, p);
    double pq = p + q;
    double s0 = 0;
    double sp = 0;
    double sq = 0;
    for (int i = 0; i < bc::SHIFT_GL_NODES_LENGTH; i++) {
        double dt = IRG_TAB(bc, SHIFT_GL_NODES)[i] * delta;
        double e = IRG_TAB(bc, SHIFT_GL_WEIGHTS)[i]
                   * exp(dt * c1 + (p - 1) * log1pmx(-dt / u) + (q - 1) * log1pmx(dt / v));
        double dAt = d - dt * pq;
        s0 += e;
        sp += e * (log1p(dAt / p) + dropP);
        sq += e * (log1p(-dAt / q) + dropQ);
    }
    double scale = p / uv * delta;
    r = BetaFraction{r0.f * ratio + scale * s0, r0.tp * ratio + scale * sp, r0.tq * ratio + scale * sq, pre[0]};
    return finite(r.f) && finite(r.tp) && finite(r.tq);
}

/** IncompleteBeta.fractionOrShifted. */
IRG_HD_CALL bool betaFractionOrShifted(double p, double q, double u, double v, double lu, double lv, double d,
                                       bool uExact, BetaFraction& r) {
    if (fmin(p, q) >= bc::SHIFT_MIN_PARAMETER) {
        double w = sqrt(p / (p + q) * q);
        if (fabs(d) < bc::SHIFT_BAND * w) return betaShifted(p, q, u, v, lu, lv, d, uExact, w / (p + q), r);
    }
    return betaFractionKernel(p, q, u, v, lu, lv, d, r);
}

/** Result of the power series (IncompleteBeta.S_*). */
struct BetaSeries {
    double value, complement, dp, dq, gp, gq;
};

/** IncompleteBeta.series; false if it did not converge within SERIES_MAX_ITER. */
IRG_HD_CALL bool betaSeriesKernel(double p, double q, double u, double v, double lu, double lv, double d, BetaSeries& r) {
    (void)v; // kept for the same signature as IncompleteBeta.series
    double pre[3];
    betaLogPrefactor(p, q, lu, lv, d, false, pre);
    double le = pre[0];
    double lp = pre[1];
    double lq = betaLog1pRatio(p, q) + betaLogMinusDigammaDrop(q, p);
    double c = 1;
    double cq = 0;
    double sum = 0;
    double sumQ = 0;
    double sumP = 0;
    bool done = false;
    for (int j = 1; j <= bc::SERIES_MAX_ITER; j++) {
        double step = u / j;
        cq = cq * (j - q) * step - c * step;
        c = c * (j - q) * step;
        double t = c / (p + j);
        double tq = cq / (p + j);
        double tp = t * j / (p + j);
        sum += t;
        sumQ += tq;
        sumP += tp;
        if (fabs(t) <= bc::CONVERGENCE_TOL * fabs(sum) && fabs(tq) <= bc::CONVERGENCE_TOL * fabs(sumQ)
            && fabs(tp) <= bc::CONVERGENCE_TOL * fabs(sumP)) {
            done = true;
            break;
        }
    }
    if (!done) return false;
    double w = 1 + p * sum;
    double tp = w * lp + sumP;
    double tq = w * lq + p * sumQ;
    double e = exp(le);
    double g = u * exp((1 - q) * lv) / p;
    r = BetaSeries{e * w, -expm1(le) - e * p * sum, e * tp, e * tq, g * tp, g * tq};
    return true;
}

/** IncompleteBeta.classify: one of BetaConstants::REGION_*. */
IRG_HD int betaClassify(double a, double b, double x) {
    if (!(a > 0) || !(b > 0) || a == inf_value() || b == inf_value() || !(x >= 0 && x <= 1)) return bc::REGION_NAN;
    if (x == 0) return bc::REGION_ZERO;
    if (x == 1) return bc::REGION_ONE;
    if (x * (a + b + 2) <= a + 1) {
        return x <= bc::SERIES_U_MAX && b * x <= bc::SERIES_QU_MAX ? bc::REGION_SERIES_LOWER : bc::REGION_FRACTION_LOWER;
    }
    double y = 1 - x;
    return y <= bc::SERIES_U_MAX && a * y <= bc::SERIES_QU_MAX ? bc::REGION_SERIES_UPPER : bc::REGION_FRACTION_UPPER;
}

IRG_HD BetaOut betaSeriesLower(double a, double b, double x) {
    double y = 1 - x;
    double d = betaDeltaFromU(a, b, x);
    BetaSeries r;
    if (!betaSeriesKernel(a, b, x, y, log(x), log1p(-x), d, r)) return betaFill(nan_value(), nan_value());
    return BetaOut{r.value, r.dp, r.dq, -r.gp, -r.gq};
}

IRG_HD BetaOut betaSeriesUpper(double a, double b, double x) {
    double y = 1 - x;
    double d = betaDeltaFromU(b, a, y);
    BetaSeries r;
    if (!betaSeriesKernel(b, a, y, x, log1p(-x), log(x), d, r)) return betaFill(nan_value(), nan_value());
    return BetaOut{r.complement, -r.dq, -r.dp, r.gq, r.gp};
}

/**
 * IncompleteBeta.fractionLower (upper = false) and fractionUpper (upper = true), with their redirect to
 * the other side when the exact d says x lies beyond the switch point (d >= 1; at most once, as in Java).
 */
IRG_HD BetaOut betaFractionSide(double a, double b, double x, bool upper) {
    double y = 1 - x;
    for (int pass = 0; pass < 2; pass++) {
        BetaFraction r;
        if (!upper) {
            double d = betaDeltaFromU(a, b, x);
            if (d >= 1 && pass == 0) {
                upper = true;
                continue;
            }
            if (!betaFractionOrShifted(a, b, x, y, log(x), log1p(-x), d, x <= 0.5, r)) break;
            double e = exp(r.logPrefactor);
            double q = x * y / a;
            return BetaOut{e * r.f, e * r.tp, e * r.tq, -q * r.tp, -q * r.tq};
        }
        double d = x >= 0.5 ? betaDeltaFromU(b, a, y) : betaDeltaFromV(b, a, x);
        if (d >= 1 && pass == 0) {
            upper = false;
            continue;
        }
        if (!betaFractionOrShifted(b, a, y, x, log1p(-x), log(x), d, x >= 0.5, r)) break;
        double e = exp(r.logPrefactor);
        double q = x * y / b;
        return BetaOut{1 - e * r.f, -e * r.tq, -e * r.tp, q * r.tq, q * r.tp};
    }
    return betaFill(nan_value(), nan_value());
}

IRG_HD BetaOut betaFractionLower(double a, double b, double x) { return betaFractionSide(a, b, x, false); }

IRG_HD BetaOut betaFractionUpper(double a, double b, double x) { return betaFractionSide(a, b, x, true); }

/** IncompleteBeta.evaluate without the tiny-parameter proxy: classify, then the region's evaluation. */
IRG_HD_CALL BetaOut betaEvaluateRegions(double a, double b, double x) {
    switch (betaClassify(a, b, x)) {
        case bc::REGION_ZERO: return betaFill(0, 0);
        case bc::REGION_ONE: return betaFill(1, 0);
        case bc::REGION_SERIES_LOWER: return betaSeriesLower(a, b, x);
        case bc::REGION_SERIES_UPPER: return betaSeriesUpper(a, b, x);
        case bc::REGION_FRACTION_LOWER: return betaFractionLower(a, b, x);
        case bc::REGION_FRACTION_UPPER: return betaFractionUpper(a, b, x);
        default: return betaFill(nan_value(), nan_value());
    }
}

/** IncompleteBeta.tinyAgainst: t to be replaced by a proxy against o (BetaConstants.SUBNORMAL_PROXY). */
IRG_HD bool betaTinyAgainst(double t, double o) {
    return t > 0 && o >= bc::SUBNORMAL_OTHER_MIN && o <= 1 / bc::SUBNORMAL_OTHER_MIN
        && (t < MIN_NORMAL || t < o * bc::SUBNORMAL_PROXY);
}

/** IncompleteBeta.hugeAgainst: h huge against o for the limits of betaGammaLimit (BetaConstants.GAMMA_LIMIT_MIN). */
IRG_HD bool betaHugeAgainst(double h, double o) {
    return h >= bc::GAMMA_LIMIT_MIN && h != inf_value() && o > 0
        && (o <= bc::GAMMA_LIMIT_OTHER_MAX || h >= bc::GAMMA_LIMIT_SQUARE_FACTOR * ((o + 1) * (o + 1)));
}

/**
 * IncompleteBeta.gammaLimit: one huge parameter, in the oriented problem (shape s, huge h, sample u): the Gamma
 * limit J = P(s, lambda), lambda = h x (1 + x/2) as hi + lo with a first-order move from hi (a huge b only), where
 * w (|s - 1| + 1) <= GAMMA_LIMIT_W, else the tail's leading terms.
 */
IRG_HD_CALL BetaOut betaGammaLimit(double a, double b, double x, bool hugeB) {
    double s = hugeB ? a : b;
    double h = hugeB ? b : a;
    double rest = hugeB ? 1 - x : x;
    double w = hugeB ? -log1p(-x) : -log(x);
    double logU = hugeB ? log(x) : log1p(-x);
    double cdf, djds, djdh, duds;
    if (hugeB && w * (fabs(s - 1) + 1) <= bc::GAMMA_LIMIT_W) {
        double hi = h * x;
        double lo = fma(h, x, -hi) + hi * (0.5 * x);
        if (s > bc::GAMMA_LIMIT_OTHER_MAX && gammaClassify(s, hi) == gc::REGION_TEMME) {
            double lm1 = ((hi - s) + lo) / s;
            cdf = gammaTemmeShifted(s, hi, lm1, GAMMA_WHAT_P);
            djds = gammaTemmeShifted(s, hi, lm1, GAMMA_WHAT_DPDA);
            double gradOverLambda = gammaTemmeShifted(s, hi, lm1, GAMMA_WHAT_GRAD_OVER_X);
            djdh = -djds / (h * gradOverLambda);
            duds = gradOverLambda * w * rest;
        } else {
            double p = gammaEval(s, hi, GAMMA_WHAT_P);
            double dpds = gammaEval(s, hi, GAMMA_WHAT_DPDA);
            double gradOverLambda = gammaEval(s, hi, GAMMA_WHAT_GRAD_OVER_X);
            double g = -dpds / (gradOverLambda * hi);
            double shift = g * lo;
            double psi = digamma(s);
            cdf = fmin(1.0, fmax(0.0, p + shift));
            djds = (shift == 0 || psi == -inf_value()) ? dpds : dpds + shift * (log(hi) - psi);
            djdh = (g + shift * ((s - 1) / hi - 1)) * w;
            duds = gradOverLambda * w * rest;
        }
    } else {
        cdf = hugeB ? 1 : 0;
        djds = 0;
        djdh = 0;
        double t = logU + log(h);
        duds = s < 1e-300 ? rest / h * (t + sc::EULER_GAMMA) + rest / h / s : rest / h * (t - digamma(s));
    }
    double dudh = -w * rest / h;
    if (hugeB) return BetaOut{cdf, djds, djdh, duds, dudh};
    return BetaOut{cdf, -djdh, -djds, -dudh, -duds};
}

/**
 * IncompleteBeta.bothHugeTail: both parameters >= BOTH_HUGE_MIN and x at least BOTH_HUGE_Z_MIN standard deviations
 * from the mean: I = 0 or 1, dI/da = dI/db = 0, the gradients from the tail's first term. False: not taken.
 */
IRG_HD bool betaBothHugeTail(double a, double b, double x, BetaOut& r) {
    if (!(fmin(a, b) >= bc::BOTH_HUGE_MIN) || !(fmax(a, b) < inf_value())) return false;
    double as = a * 0x1p-64;
    double bs = b * 0x1p-64;
    double y = 1 - x;
    double d = x <= 0.5 ? betaDeltaFromU(as, bs, x) : betaDeltaFromV(as, bs, y);
    double xy = x * y;
    if (!(fabs(d) * 0x1p32 >= bc::BOTH_HUGE_Z_MIN * sqrt((as + bs) * xy))) return false;
    double q = xy / d * 0x1p-64;
    double da = d / as;
    double db = -d / bs;
    double ga = q * (da < -0.5 ? log(x) + log1p(b / a) : log1p(da));
    double gb = q * (db < -0.5 ? log1p(-x) + log1p(a / b) : log1p(db));
    r = BetaOut{d < 0 ? 0.0 : 1.0, -0.0, 0.0, ga, gb};
    return true;
}

/**
 * IncompleteBeta.evaluate: one huge parameter by its limits (IncompleteBeta.gammaLimit), both huge away from the
 * mean by the tail (IncompleteBeta.bothHugeTail), a tiny parameter through its proxy (IncompleteBeta.tinyParameter),
 * else the regions.
 */
IRG_HD_CALL BetaOut betaEvaluate(double a, double b, double x) {
    if (!(x > 0 && x < 1)) return betaEvaluateRegions(a, b, x);
    bool hugeB = betaHugeAgainst(b, a);
    if (hugeB || betaHugeAgainst(a, b)) return betaGammaLimit(a, b, x, hugeB);
    BetaOut tail;
    if (betaBothHugeTail(a, b, x, tail)) return tail;
    bool tinyA = betaTinyAgainst(a, b);
    if (!tinyA && !betaTinyAgainst(b, a)) return betaEvaluateRegions(a, b, x);
    double t = tinyA ? a : b;
    double t0 = fmax(bc::SUBNORMAL_PROXY, (tinyA ? b : a) * bc::SUBNORMAL_PROXY);
    BetaOut r = betaEvaluateRegions(tinyA ? t0 : a, tinyA ? b : t0, x);
    double down = t / t0;
    double up = t0 / t;
    if (tinyA) {
        r.dcdfDb *= down;
        r.gradA *= up;
    } else {
        r.cdf *= down;
        r.dcdfDa *= down;
        r.gradB *= up;
    }
    return r;
}

IRG_HD double beta_cdf(double a, double b, double x) { return betaEvaluate(a, b, x).cdf; }
IRG_HD double beta_dcdf_da(double a, double b, double x) { return betaEvaluate(a, b, x).dcdfDa; }
IRG_HD double beta_dcdf_db(double a, double b, double x) { return betaEvaluate(a, b, x).dcdfDb; }
IRG_HD double beta_grad_a(double a, double b, double x) { return betaEvaluate(a, b, x).gradA; }
IRG_HD double beta_grad_b(double a, double b, double x) { return betaEvaluate(a, b, x).gradB; }

// The pairs of Irg.evaluatePair in one evaluation (irg_kernels.cu's irg_PAIR_* kernels): (dz/da, dz/db), (dI/da, dI/db).
IRG_HD void beta_grad_pair(double a, double b, double x, double& ga, double& gb) {
    BetaOut r = betaEvaluate(a, b, x);
    ga = r.gradA;
    gb = r.gradB;
}
IRG_HD void beta_dcdf_pair(double a, double b, double x, double& da, double& db) {
    BetaOut r = betaEvaluate(a, b, x);
    da = r.dcdfDa;
    db = r.dcdfDb;
}

} // namespace irg
