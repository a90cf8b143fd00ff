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
 * as the cap. Masked steps are written as blends: masked lane-wise operations ran as the JIT's
 * non-intrinsic fallback here (measured with JFR and an allocation counter). Results agree with the scalar functions to a few ulp (the vector LOG/LOG1P are not
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
        // u: t as the result of an operation (exact vector type for the JIT; a parameter used as an
        // argument made the fused multiply-add run as the non-intrinsic fallback, JFR profile)
        DoubleVector u = t.add(0.0);
        DoubleVector s = u.broadcast(0.0);
        for (int k = c.length - 1; k >= 0; k--) {
            s = s.fma(u, u.broadcast(c[k]));
        }
        return s;
    }

    /** log Gamma(2 + t) for |t| &le; 0.5. */
    static DoubleVector lgamma2Series(DoubleVector t) {
        return horner(t, LGAMMA2_SERIES).mul(t);
    }

    /** Stirling's series for log Gamma*(x), x &ge; LGAMMA_STIRLING_MIN. */
    static DoubleVector stirlingSeries(DoubleVector x) {
        DoubleVector r = x.broadcast(1.0).div(x);
        return horner(r.mul(r), LGAMMA_STIRLING).mul(r);
    }

    /** log Gamma(x): +infinity at 0 and +infinity, NaN for x &lt; 0 or NaN. */
    static DoubleVector logGamma(DoubleVector x) {
        final double rad = LGAMMA2_SERIES_RADIUS;
        VectorMask<Double> nonneg = x.compare(GE, 0.0);
        VectorMask<Double> a = nonneg.and(x.compare(LT, 1 - rad));
        VectorMask<Double> b = x.compare(GE, 1 - rad).and(x.compare(LT, 1 + rad));
        VectorMask<Double> d = x.compare(GE, 2 + rad).and(x.compare(LT, LGAMMA_STIRLING_MIN));
        VectorMask<Double> e = x.compare(GE, LGAMMA_STIRLING_MIN);
        VectorMask<Double> small = nonneg.andNot(e);
        DoubleVector r = x.broadcast(Double.NaN);
        if (small.anyTrue()) {
            DoubleVector t = x.sub(2.0).blend(x, a).blend(x.sub(1.0), b);
            DoubleVector y = x;
            DoubleVector prod = x.broadcast(1.0);
            VectorMask<Double> m = d;
            for (int k = 0; k < RECURRENCE_CAP && m.anyTrue(); k++) {
                y = y.blend(y.sub(1.0), m);
                prod = prod.blend(prod.mul(y), m);
                m = m.and(y.compare(GE, 2 + rad));
            }
            t = t.blend(y.sub(2.0), d);
            DoubleVector s = lgamma2Series(t);
            VectorMask<Double> ab = a.or(b);
            if (ab.anyTrue()) {
                s = s.blend(s.sub(t.lanewise(LOG1P)), ab);
            }
            if (a.anyTrue()) {
                s = s.blend(s.sub(x.lanewise(LOG)), a);
            }
            if (d.anyTrue()) {
                s = s.blend(s.add(prod.lanewise(LOG)), d);
            }
            r = r.blend(s, small);
        }
        if (e.anyTrue()) {
            DoubleVector lx = x.lanewise(LOG);
            DoubleVector st = x.mul(lx.sub(1.0)).sub(lx.mul(0.5)).add(LOG_SQRT_2PI).add(stirlingSeries(x));
            r = r.blend(st, e);
        }
        return r.blend(Double.POSITIVE_INFINITY, x.compare(EQ, 0.0).or(x.compare(EQ, Double.POSITIVE_INFINITY)));
    }

    /** log Gamma(1 + x) for x &gt; -1 (the scalar logGamma1p): series at 0 and 1, else logGamma(1 + x). */
    static DoubleVector logGamma1p(DoubleVector x) {
        final double rad = LGAMMA2_SERIES_RADIUS;
        VectorMask<Double> near0 = x.lanewise(VectorOperators.ABS).compare(LE, rad);
        VectorMask<Double> near1 = x.compare(GT, rad).and(x.compare(LT, 1 + rad));
        VectorMask<Double> rest = near0.or(near1).not();
        DoubleVector r = x.broadcast(Double.NaN);
        if (near0.anyTrue()) {
            r = r.blend(lgamma2Series(x).sub(x.lanewise(LOG1P)), near0);
        }
        if (near1.anyTrue()) {
            r = r.blend(lgamma2Series(x.sub(1.0)), near1);
        }
        if (rest.anyTrue()) {
            r = r.blend(logGamma(x.add(1.0)), rest);
        }
        r = r.blend(Double.POSITIVE_INFINITY, x.compare(EQ, -1.0));
        return r.blend(Double.NaN, x.compare(GE, -1.0).not());
    }

    /** log Gamma*(x) (Stirling's correction) for x &gt; 0; +infinity at 0, NaN below. */
    static DoubleVector logGammaStirlingCorrection(DoubleVector x) {
        VectorMask<Double> big = x.compare(GE, LGAMMA_STIRLING_MIN);
        DoubleVector r = x.broadcast(0.0);
        if (big.anyTrue()) {
            r = r.blend(stirlingSeries(x), big);
        }
        VectorMask<Double> small = big.not();
        if (small.anyTrue()) {
            DoubleVector lx = x.lanewise(LOG);
            DoubleVector v = logGamma(x).sub(x.sub(0.5).mul(lx).sub(x).add(LOG_SQRT_2PI));
            r = r.blend(v, small);
        }
        r = r.blend(0.0, x.compare(EQ, Double.POSITIVE_INFINITY));
        r = r.blend(Double.POSITIVE_INFINITY, x.compare(EQ, 0.0));
        return r.blend(Double.NaN, x.compare(GE, 0.0).not());
    }

    /** log(1 + t) - t for t &gt; -1; -infinity at -1, NaN below. */
    static DoubleVector log1pmx(DoubleVector t) {
        VectorMask<Double> ser = t.compare(GE, LOG1PMX_SERIES_LO).and(t.compare(LE, LOG1PMX_SERIES_HI));
        DoubleVector r = t.lanewise(LOG1P).sub(t);
        if (ser.anyTrue()) {
            DoubleVector u = t.div(t.add(2.0));
            DoubleVector u2 = u.mul(u);
            DoubleVector s = horner(u2, LOG1PMX_SERIES);
            DoubleVector v = t.neg().mul(u).add(u.mul(2.0).mul(u2).mul(s));
            r = r.blend(v, ser);
        }
        r = r.blend(Double.NEGATIVE_INFINITY, t.compare(EQ, -1.0));
        return r.blend(Double.NaN, t.compare(GE, -1.0).not());
    }

    /** sum_k B_2k/(2k) x^(-2k), x &ge; DIGAMMA_ASYMPTOTIC_MIN. */
    private static DoubleVector digammaAsymptoticTail(DoubleVector x) {
        DoubleVector r2 = x.broadcast(1.0).div(x.mul(x));
        return horner(r2, DIGAMMA_ASYMPTOTIC).mul(r2);
    }

    /** digamma psi(x) for x &gt; 0; -infinity at 0, +infinity at +infinity, NaN below 0. */
    static DoubleVector digamma(DoubleVector x) {
        VectorMask<Double> big = x.compare(GE, DIGAMMA_ASYMPTOTIC_MIN);
        VectorMask<Double> small = x.compare(GE, 0.0).andNot(big);
        DoubleVector r = x.broadcast(Double.NaN);
        if (big.anyTrue()) {
            DoubleVector v = x.lanewise(LOG).sub(x.broadcast(0.5).div(x)).sub(digammaAsymptoticTail(x));
            r = r.blend(v, big);
        }
        if (small.anyTrue()) {
            r = r.blend(digammaSmall(x, small), small);
        }
        r = r.blend(Double.NEGATIVE_INFINITY, x.compare(EQ, 0.0));
        return r.blend(Double.POSITIVE_INFINITY, x.compare(EQ, Double.POSITIVE_INFINITY));
    }

    /** digamma on the lanes of {@code small} (0 &lt; x &lt; DIGAMMA_ASYMPTOTIC_MIN): recurrence to [1, 2], root series. */
    private static DoubleVector digammaSmall(DoubleVector x, VectorMask<Double> small) {
        VectorMask<Double> below1 = small.and(x.compare(LT, 1.0));
        DoubleVector acc = x.broadcast(0.0).blend(x.broadcast(-1.0).div(x), below1);
        DoubleVector y = x.blend(x.add(1.0), below1);
        VectorMask<Double> m = small.and(y.compare(GT, 2.0));
        for (int k = 0; k < RECURRENCE_CAP && m.anyTrue(); k++) {
            y = y.blend(y.sub(1.0), m);
            acc = acc.blend(acc.add(y.broadcast(1.0).div(y)), m);
            m = m.and(y.compare(GT, 2.0));
        }
        DoubleVector s = y.sub(DIGAMMA_ROOT_HI).sub(DIGAMMA_ROOT_LO);
        return horner(s, DIGAMMA_ROOT_SERIES).mul(s).add(acc);
    }

    /** log x - psi(x) for x &gt; 0; +infinity at 0, 0 at +infinity, NaN below. */
    static DoubleVector logMinusDigamma(DoubleVector x) {
        VectorMask<Double> big = x.compare(GE, DIGAMMA_ASYMPTOTIC_MIN);
        VectorMask<Double> small = x.compare(GT, 0.0).andNot(big);
        DoubleVector r = x.broadcast(Double.NaN);
        if (big.anyTrue()) {
            r = r.blend(x.broadcast(0.5).div(x).add(digammaAsymptoticTail(x)), big);
        }
        if (small.anyTrue()) {
            r = r.blend(x.lanewise(LOG).sub(digammaSmall(x, small)), small);
        }
        r = r.blend(0.0, x.compare(EQ, Double.POSITIVE_INFINITY));
        r = r.blend(Double.POSITIVE_INFINITY, x.compare(EQ, 0.0));
        return r;
    }
}
