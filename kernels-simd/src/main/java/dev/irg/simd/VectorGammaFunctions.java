package dev.irg.simd;

import static dev.irg.math.SpecialConstants.DIGAMMA_ASYMPTOTIC;
import static dev.irg.math.SpecialConstants.DIGAMMA_ASYMPTOTIC_MIN;
import static dev.irg.math.SpecialConstants.DIGAMMA_ROOT_HI;
import static dev.irg.math.SpecialConstants.DIGAMMA_ROOT_LO;
import static dev.irg.math.SpecialConstants.DIGAMMA_ROOT_SERIES;
import static dev.irg.math.SpecialConstants.LGAMMA2_SERIES;
import static dev.irg.math.SpecialConstants.LGAMMA2_SERIES_RADIUS;
import static dev.irg.math.SpecialConstants.LGAMMA_STIRLING;
import static dev.irg.math.SpecialConstants.LGAMMA_STIRLING_MIN;
import static dev.irg.math.SpecialConstants.LOG1PMX_SERIES;
import static dev.irg.math.SpecialConstants.LOG1PMX_SERIES_HI;
import static dev.irg.math.SpecialConstants.LOG1PMX_SERIES_LO;
import static dev.irg.math.SpecialConstants.LOG_SQRT_2PI;
import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LOG;
import static jdk.incubator.vector.VectorOperators.LOG1P;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.MUL;
import static jdk.incubator.vector.VectorOperators.NE;
import static jdk.incubator.vector.VectorOperators.SUB;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Vector versions of {@link dev.irg.math.GammaFunctions}: the same regions, thresholds and
 * coefficient tables ({@link dev.irg.math.SpecialConstants}, never copied), evaluated lane-wise.
 * Each function first classifies the lanes into the scalar code's regions (masks), then evaluates
 * each region that has at least one lane and blends; loops of the scalar code (the recurrences of
 * log Gamma and digamma) run masked until no lane needs another step, with the scalar code's bound
 * as the cap. Masked steps are written as blends and masks are never combined (see {@link #inRange}): masked
 * lane-wise operations and mask and/or/not ran as the JIT's non-intrinsic fallback here (measured with JFR and
 * an allocation counter). Results agree with the scalar functions to a few ulp (the vector LOG/LOG1P are not
 * bit-identical to {@link Math#log}).
 */
final class VectorGammaFunctions {
    /**
     * Upper bound of the log Gamma and digamma recurrences: from below {@code LGAMMA_STIRLING_MIN}
     * (= DIGAMMA_ASYMPTOTIC_MIN = 10) down to [1.5, 2.5) or [1, 2] takes at most 9 unit steps.
     */
    static final int RECURRENCE_CAP = 9;

    private VectorGammaFunctions() {
    }

    /** sum_k c[k] t^k by Horner's rule with fused multiply-adds (as the scalar code). */
    static DoubleVector horner(DoubleVector t, double[] c) {
        DoubleVector u = Lanes.NEG_ZERO.add(t);
        DoubleVector s = u.broadcast(0.0);
        for (int k = c.length - 1; k >= 0; k--) {
            s = s.fma(u, u.broadcast(c[k]));
        }
        return s;
    }

    /**
     * out[i] = log Gamma(1 + x) where 0 &le; x &lt; {@link #LOG_GAMMA_1P_STAGE_MAX} (other lanes unspecified), x = xs[i],
     * for the vectors of [from, to) with a lane whose key[i] &lt; keyBelow (every vector when key is null; the others'
     * out unchanged; xs and out may be the same array): {@link #logGamma1p}'s method for this range with the
     * arithmetic written out (log Gamma(2 + t) by LGAMMA2_SERIES around 1 and 2, above by unit steps down to
     * [2 - rad, 2 + rad) and the log of their product). As vector helpers, logGamma1p and the logGamma it calls (over
     * the JIT's FreqInlineSize) were not inlined: their vectors boxed (80 % of the bytes the Beta CDF and dI/da still
     * allocated, then most of the float64 Gamma CDF's and dP/da's; JFR, docs/simd.md "Inlining").
     */
    static void logGamma1pStage(double[] xs, double[] out, double[] key, double keyBelow, int from, int to) {
        final double rad = LGAMMA2_SERIES_RADIUS;
        double[] c = LGAMMA2_SERIES;
        for (int i = from; i < to; i += Lanes.SD.length()) {
            if (key != null && !DoubleVector.fromArray(Lanes.SD, key, i).compare(LT, keyBelow).anyTrue()) {
                continue;
            }
            DoubleVector x = DoubleVector.fromArray(Lanes.SD, xs, i);
            // lanes at or above the range (or NaN) take part in nothing: y = 2
            DoubleVector y = x.broadcast(2.0).blend(x.add(1.0), x.compare(LT, LOG_GAMMA_1P_STAGE_MAX));
            DoubleVector prod = x.broadcast(1.0);
            for (int k = 0; k < (int) LOG_GAMMA_1P_STAGE_MAX; k++) {
                VectorMask<Double> m = y.compare(GE, 2 + rad);
                if (!m.anyTrue()) {
                    break;
                }
                y = y.blend(y.sub(1.0), m);
                prod = prod.blend(prod.mul(y), m);
            }
            // the series' variable: x (log Gamma(1 + x) = log Gamma(2 + x) - log1p(x), x <= rad), x - 1 (exact, below
            // 1 + rad), else y - 2 after the steps
            VectorMask<Double> near0 = x.compare(LE, rad);
            DoubleVector t = y.sub(2.0).blend(x.sub(1.0), x.compare(LT, 1 + rad)).blend(x, near0);
            DoubleVector h = x.broadcast(0.0);
            for (int k = c.length - 1; k >= 0; k--) {
                h = h.fma(t, x.broadcast(c[k]));
            }
            DoubleVector r = h.mul(t).add(prod.lanewise(LOG));
            r.blend(r.sub(x.lanewise(LOG1P)), near0).intoArray(out, i);
        }
    }

    /**
     * The upper end of logGamma1pStage's range: the Beta prefactor's small parameters (below BetaConstants.STIRLING_MIN)
     * need it; the Gamma prefix's a - 1 below LGAMMA_STIRLING_MIN - 1 = 6 lies inside.
     */
    static final double LOG_GAMMA_1P_STAGE_MAX = dev.irg.math.BetaConstants.STIRLING_MIN;

    /** log Gamma(2 + t) for |t| &le; 0.5. */
    static DoubleVector lgamma2Series(DoubleVector t) {
        t = Lanes.NEG_ZERO.add(t);
        return Lanes.NEG_ZERO.add(horner(t, LGAMMA2_SERIES)).mul(t);
    }

    /** Stirling's series for log Gamma*(x), x &ge; LGAMMA_STIRLING_MIN. */
    static DoubleVector stirlingSeries(DoubleVector x) {
        x = Lanes.NEG_ZERO.add(x);
        DoubleVector r = x.broadcast(1.0).div(x);
        return Lanes.NEG_ZERO.add(horner(r.mul(r), LGAMMA_STIRLING)).mul(r);
    }

    /**
     * Lanes with {@code lo <= x < hi} (none for NaN), by two compares and a blend. The functions
     * here combine no masks with and/or/not: in the kernels' JFR profiles those mask operations ran
     * as the Vector API's non-intrinsic Java fallback (allocating per call); compares and blends did
     * not.
     */
    static VectorMask<Double> inRange(DoubleVector x, double lo, double hi) {
        return x.blend(hi, x.compare(LT, lo)).compare(LT, hi);
    }

    /** log Gamma(x): +infinity at 0 and +infinity, NaN for x &lt; 0 or NaN. */
    static DoubleVector logGamma(DoubleVector x) {
        x = Lanes.NEG_ZERO.add(x);
        final double rad = LGAMMA2_SERIES_RADIUS;
        VectorMask<Double> e = x.compare(GE, LGAMMA_STIRLING_MIN);
        VectorMask<Double> small = x.compare(LT, LGAMMA_STIRLING_MIN);
        DoubleVector r = x.broadcast(Double.NaN);
        if (small.anyTrue()) {
            // [2 + rad, LGAMMA_STIRLING_MIN): down to [2 - rad, 2 + rad) by the recurrence, product of the factors
            VectorMask<Double> d = x.compare(GE, 2 + rad);
            DoubleVector y = x.broadcast(0.0).blend(x, inRange(x, 2 + rad, LGAMMA_STIRLING_MIN));
            DoubleVector prod = x.broadcast(1.0);
            // entered only when a lane needs it: a vector whose lanes all skip the recurrence ran the loop's exit
            // test alone, and C2 boxed the loop's vectors there (5760 bytes and 616 ns per call of 8 lanes at x in
            // [1.5, 2.2] instead of 192 and 34; docs/simd.md, "Inlining")
            if (d.anyTrue()) {
                for (int k = 0; k < RECURRENCE_CAP; k++) {
                    VectorMask<Double> m = y.compare(GE, 2 + rad);
                    if (!m.anyTrue()) {
                        break;
                    }
                    y = y.blend(y.sub(1.0), m);
                    prod = prod.blend(prod.mul(y), m);
                }
            }
            // t: x (x < 1 - rad), x - 1 (below 1 + rad), x - 2 (below 2 + rad), y - 2 (recurrence)
            VectorMask<Double> a = x.compare(LT, 1 - rad);
            VectorMask<Double> ab = x.compare(LT, 1 + rad);
            DoubleVector t = x.sub(2.0).blend(y.sub(2.0), d).blend(x.sub(1.0), ab).blend(x, a);
            DoubleVector s = Lanes.NEG_ZERO.add(lgamma2Series(t));
            if (ab.anyTrue()) {
                s = s.blend(s.sub(t.lanewise(LOG1P)), ab);
            }
            if (a.anyTrue()) {
                s = s.blend(s.sub(x.lanewise(LOG)), a);
            }
            if (d.anyTrue()) {
                s = s.blend(s.add(prod.lanewise(LOG)), d);
            }
            r = s;
        }
        if (e.anyTrue()) {
            DoubleVector lx = x.lanewise(LOG);
            DoubleVector st = x.mul(lx.sub(1.0)).sub(lx.mul(0.5)).add(LOG_SQRT_2PI).add(Lanes.NEG_ZERO.add(stirlingSeries(x)));
            r = r.blend(st, e);
        }
        r = r.blend(Double.POSITIVE_INFINITY, x.compare(EQ, 0.0)).blend(Double.POSITIVE_INFINITY,
                x.compare(EQ, Double.POSITIVE_INFINITY));
        return r.blend(Double.NaN, x.compare(LT, 0.0));
    }

    /** log Gamma(1 + x) for x &gt; -1 (the scalar logGamma1p): series at 0 and 1, else Lanes.NEG_ZERO.add(logGamma(1 + x)). */
    static DoubleVector logGamma1p(DoubleVector x) {
        x = Lanes.NEG_ZERO.add(x);
        final double rad = LGAMMA2_SERIES_RADIUS;
        VectorMask<Double> near0 = x.lanewise(VectorOperators.ABS).compare(LE, rad);
        VectorMask<Double> near1 = x.blend(1 + rad, x.compare(LE, rad)).compare(LT, 1 + rad);
        DoubleVector r = x.broadcast(Double.NaN);
        if (x.compare(LT, -rad).anyTrue() || x.compare(GE, 1 + rad).anyTrue()) {
            r = Lanes.NEG_ZERO.add(logGamma(x.add(1.0)));
        }
        if (near1.anyTrue()) {
            r = r.blend(Lanes.NEG_ZERO.add(lgamma2Series(x.sub(1.0))), near1);
        }
        if (near0.anyTrue()) {
            r = r.blend(Lanes.NEG_ZERO.add(lgamma2Series(x)).sub(x.lanewise(LOG1P)), near0);
        }
        r = r.blend(Double.POSITIVE_INFINITY, x.compare(EQ, -1.0));
        return r.blend(Double.NaN, x.compare(LT, -1.0));
    }

    /**
     * log(1 + t) - t for t &gt; -1; -infinity at -1, NaN below: the atanh series in u = t/(2 + t) where t is in
     * [LOG1PMX_SERIES_LO, LOG1PMX_SERIES_HI], log1p(t) - t elsewhere. The series runs in every vector and the log1p
     * only in a vector with a lane outside the series' range (Temme's lambda = 1 + t of Gamma samples mostly lies
     * inside: float64 Temme elements 16.5-16.7 instead of 16.8-17.1 ns per element, three alternations; the
     * report's inputs and the Beta gradient unchanged within noise). Not a helper for the series with an early
     * return: that version boxed a vector per call (12 bytes per element of the Temme region, 20-21 ns in some
     * JVMs).
     */
    static DoubleVector log1pmx(DoubleVector t) {
        t = Lanes.NEG_ZERO.add(t);
        VectorMask<Double> ser = t.blend(Double.POSITIVE_INFINITY, t.compare(LT, LOG1PMX_SERIES_LO)).compare(LE, LOG1PMX_SERIES_HI);
        DoubleVector u = t.div(t.add(2.0));
        DoubleVector u2 = u.mul(u);
        DoubleVector s = Lanes.NEG_ZERO.add(horner(u2, LOG1PMX_SERIES));
        DoubleVector r = t.neg().mul(u).add(u.mul(2.0).mul(u2).mul(s));
        if (!ser.allTrue()) {
            r = t.lanewise(LOG1P).sub(t).blend(r, ser);
            r = r.blend(Double.NEGATIVE_INFINITY, t.compare(EQ, -1.0));
            r = r.blend(Double.NaN, t.compare(LT, -1.0));
        }
        return r;
    }

    /**
     * log x - psi(x) for x &ge; DIGAMMA_ASYMPTOTIC_MIN by the asymptotic series: 1/(2x) + sum_k B_2k/(2k) x^(-2k)
     * (0 at +infinity; other lanes unspecified). The float64 Gamma kernels' stages for a &ge;
     * LOG_MINUS_DIGAMMA_A_MIN (= DIGAMMA_ASYMPTOTIC_MIN) call it; until 2026-11-29 (ninth session) they called a
     * full log x - psi(x) that also ran the small-argument recurrence and the 44-term root series for every
     * vector and blended them away (those stages 5.6-5.9 -> 2.5-3.1 ns per element, by stage timings on the
     * report's inputs; the small-argument stage takes 2.3).
     */
    static DoubleVector logMinusDigammaAsymptotic(DoubleVector x) {
        x = Lanes.NEG_ZERO.add(x);
        DoubleVector r2 = x.broadcast(1.0).div(x.mul(x));
        return x.broadcast(0.5).div(x).add(Lanes.NEG_ZERO.add(horner(r2, DIGAMMA_ASYMPTOTIC)).mul(r2));
    }

    /**
     * out[i] = log x - psi(x) at x = a[i] + b[i] (&gt; 0, finite) for the vectors of [from, to) with a lane where
     * key[i] &lt; keyBelow; other vectors' out unchanged. An array stage with the arithmetic of log x - psi(x) written out (the recurrence to [1, 2] and the root series
     * below DIGAMMA_ASYMPTOTIC_MIN, the asymptotic series above, both in every vector and blended): no vector crosses
     * a call, so its speed does not depend on what the JIT happened to compile first. Called as a vector helper
     * from a Beta stage, a vector helper log x - psi(x) was not inlined (-XX:+PrintInlining: "callee is too large", or
     * "NodeCountInliningCutoff", depending on the JVM): its argument and result were boxed on every call (11
     * bytes per element of the Beta gradient), and under G1 the gradient ran 1.7 times slower in phases of
     * seconds (docs/simd.md, "Inlining").
     */
    static void logMinusDigammaOfSum(double[] a, double[] b, double[] out, double[] key, double keyBelow,
            int from, int to) {
        for (int i = from; i < to; i += Lanes.SD.length()) {
            if (!DoubleVector.fromArray(Lanes.SD, key, i).compare(LT, keyBelow).anyTrue()) {
                continue;
            }
            DoubleVector x = DoubleVector.fromArray(Lanes.SD, a, i).add(DoubleVector.fromArray(Lanes.SD, b, i));
            VectorMask<Double> asymptotic = x.compare(GE, DIGAMMA_ASYMPTOTIC_MIN);
            VectorMask<Double> below1 = x.compare(LT, 1.0);
            DoubleVector acc = x.broadcast(0.0).blend(x.broadcast(-1.0).div(x), below1);
            DoubleVector y = x.blend(x.add(1.0), below1).blend(1.0, asymptotic);
            for (int k = 0; k < RECURRENCE_CAP; k++) {
                VectorMask<Double> m = y.compare(GT, 2.0);
                if (!m.anyTrue()) {
                    break;
                }
                y = y.blend(y.sub(1.0), m);
                acc = acc.blend(acc.add(y.broadcast(1.0).div(y)), m);
            }
            DoubleVector s = y.sub(DIGAMMA_ROOT_HI).sub(DIGAMMA_ROOT_LO);
            DoubleVector small = horner(s, DIGAMMA_ROOT_SERIES).mul(s).add(acc);
            DoubleVector r2 = x.broadcast(1.0).div(x.mul(x));
            DoubleVector big = x.broadcast(0.5).div(x).add(horner(r2, DIGAMMA_ASYMPTOTIC).mul(r2));
            x.lanewise(LOG).sub(small).blend(big, asymptotic).intoArray(out, i);
        }
    }
}
