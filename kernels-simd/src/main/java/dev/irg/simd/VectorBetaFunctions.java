package dev.irg.simd;

import static dev.irg.math.BetaConstants.DIGAMMA_SPLIT;
import static dev.irg.math.BetaConstants.LOG1P_FORM_MAX;
import static dev.irg.math.BetaConstants.STIRLING_MIN;
import static dev.irg.math.SpecialConstants.DIGAMMA_ASYMPTOTIC;
import static dev.irg.math.SpecialConstants.DIGAMMA_ASYMPTOTIC_MIN;
import static dev.irg.math.SpecialConstants.DIGAMMA_ROOT_HI;
import static dev.irg.math.SpecialConstants.DIGAMMA_ROOT_LO;
import static dev.irg.math.SpecialConstants.DIGAMMA_ROOT_SERIES;
import static dev.irg.math.SpecialConstants.LGAMMA_STIRLING;
import static dev.irg.math.SpecialConstants.LOG1PMX_SERIES;
import static dev.irg.math.SpecialConstants.LOG1PMX_SERIES_HI;
import static dev.irg.math.SpecialConstants.LOG1PMX_SERIES_LO;
import static dev.irg.math.SpecialConstants.LOG_SQRT_2PI;
import static jdk.incubator.vector.VectorOperators.ABS;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.EXPM1;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LOG;
import static jdk.incubator.vector.VectorOperators.LOG1P;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector versions of {@link dev.irg.math.BetaFunctions} and of the prefactor helpers of
 * {@link dev.irg.math.IncompleteBeta} (logPrefactor, deltaFromU, deltaFromV): the same branches,
 * thresholds ({@link dev.irg.math.BetaConstants}) and coefficient tables
 * ({@link dev.irg.math.SpecialConstants}), evaluated lane-wise on the oriented problem I_u(p, q).
 * Branches are masks; a branch is evaluated only when one of the vector's lanes takes it, and the
 * results are blended. The recurrences of the scalar helpers (at most 8 and 10 unit steps) run as
 * masked steps until no lane needs another.
 *
 * <p>One deliberate difference from the scalar helpers: the term-by-term differences of the
 * Stirling and digamma asymptotic series need (1 + t)^-m - 1 for m = 1, 2, 3, ...; the scalar code
 * calls expm1(-m log1p t) per term (16 and 10 calls), here the powers come from the recurrence
 * e_(k+1) = e_k + g + e_k g with g = (1 + t)^-s - 1 (one or two expm1 per vector). All of e_k, g
 * lie in (-1, 0], so each step adds two numbers of one sign: no cancellation, a relative error of
 * at most ~k ulp in term k, whose weight falls like z^-2k (z &ge; 8). Likewise the sums of
 * log1p(y_k) over the unit steps of the recurrences are one log1p of prod(1 + y_k) - 1 (see growth).
 */
final class VectorBetaFunctions {
    private static final VectorSpecies<Double> SP = Lanes.SD;

    private VectorBetaFunctions() {
    }

    /** Error of the rounded sum s = a + b (two-sum, exact). */
    private static DoubleVector twoSumError(DoubleVector a, DoubleVector b, DoubleVector s) {
        DoubleVector bb = s.sub(a);
        return a.sub(s.sub(bb)).add(b.sub(bb));
    }

    /** d = u (p + q) - p with u exact, error-free products (IncompleteBeta.deltaFromU). */
    static DoubleVector deltaFromU(DoubleVector p, DoubleVector q, DoubleVector u) {
        DoubleVector s = p.add(q);
        DoubleVector es = twoSumError(p, q, s);
        DoubleVector m = u.mul(s);
        DoubleVector em = u.fma(s, m.neg());
        return m.sub(p).add(em).add(u.mul(es));
    }

    /** The same d = q - v (p + q) from v = 1 - u when v is the exact one (IncompleteBeta.deltaFromV). */
    static DoubleVector deltaFromV(DoubleVector p, DoubleVector q, DoubleVector v) {
        DoubleVector s = p.add(q);
        DoubleVector es = twoSumError(p, q, s);
        DoubleVector m = v.mul(s);
        DoubleVector em = v.fma(s, m.neg());
        return q.sub(m).sub(em).sub(v.mul(es));
    }

    /**
     * (1 + e)(1 + y) - 1 = e + y + e y for e, y &ge; 0: a product of factors 1 + y_k minus one, carried
     * without forming 1 + y (which would round away a tiny y), so that sum_k log1p(y_k) = log1p(E)
     * needs one log1p per vector where the scalar helpers call log1p per step. Every term is
     * non-negative: no cancellation, a relative error of at most ~2 ulp per step.
     */
    private static DoubleVector growth(DoubleVector e, DoubleVector y) {
        return e.add(y).add(e.mul(y));
    }

    /**
     * log Gamma*(z (1 + t)) - log Gamma*(z) for z &ge; STIRLING_MIN, t &gt; 0
     * (BetaFunctions.stirlingCorrectionIncrement): sum_k c_k z^-(2k+1) ((1 + t)^-(2k+1) - 1), the
     * powers by the recurrence of the class comment.
     */
    static DoubleVector stirlingCorrectionIncrement(DoubleVector z, DoubleVector t) {
        DoubleVector r = z.broadcast(1.0).div(z);
        DoubleVector r2 = r.mul(r);
        DoubleVector l1p = t.lanewise(LOG1P);
        DoubleVector e = l1p.neg().lanewise(EXPM1);          // (1+t)^-1 - 1
        DoubleVector g = l1p.mul(-2.0).lanewise(EXPM1);      // (1+t)^-2 - 1
        DoubleVector pow = r.add(0.0);
        DoubleVector sum = z.broadcast(0.0);
        // four terms per iteration (LGAMMA_STIRLING has 16): with one term per iteration C2 kept one vector
        // boxed per iteration (1632 bytes per call of 8 lanes, 480 now; docs/simd.md, "Inlining")
        for (int k = 0; k < LGAMMA_STIRLING.length; k += 4) {
            sum = pow.mul(LGAMMA_STIRLING[k]).fma(e, sum);
            pow = pow.mul(r2);
            e = e.add(g).add(e.mul(g));
            sum = pow.mul(LGAMMA_STIRLING[k + 1]).fma(e, sum);
            pow = pow.mul(r2);
            e = e.add(g).add(e.mul(g));
            sum = pow.mul(LGAMMA_STIRLING[k + 2]).fma(e, sum);
            pow = pow.mul(r2);
            e = e.add(g).add(e.mul(g));
            sum = pow.mul(LGAMMA_STIRLING[k + 3]).fma(e, sum);
            pow = pow.mul(r2);
            e = e.add(g).add(e.mul(g));
        }
        return sum;
    }

    // ---- stages over a run (see BetaKernels.Stages) ------------------------------------------------

    /**
     * Branch codes of the log prefactor: bit 0 p &ge; STIRLING_MIN, bit 1 q &ge; STIRLING_MIN, bit 2 far from the mean
     * (set only with both parameters large: code 7, the only code above BOTH_NEAR).
     */
    private static final double BOTH_NEAR = 3;
    private static final double ONLY_Q = 2;
    private static final double ONLY_P = 1;
    private static final double NONE = 0;

    /**
     * st.l = log(u^p v^q / (p B(p, q))) (IncompleteBeta.logPrefactor, pre[0]), without the v^q
     * factor when {@code withV} is false: one stage computes every lane's branch, then one stage per
     * branch evaluates the vectors that have a lane in it.
     */
    static void logPrefactorStage(BetaKernels.Stages st, boolean withV, int from, int to) {
        branchStage(st, from, to);
        // both large: the terms without u and v, minus the Stirling corrections, into st.s0
        bothCommonStage(st, from, to);
        stirlingStage(st, st.p, null, -1.0, st.s0, BOTH_NEAR, Double.POSITIVE_INFINITY, from, to);
        stirlingStage(st, st.q, null, -1.0, st.s0, BOTH_NEAR, Double.POSITIVE_INFINITY, from, to);
        stirlingStage(st, st.p, st.q, 1.0, st.s0, BOTH_NEAR, Double.POSITIVE_INFINITY, from, to);
        ratioTermStage(st, st.p, st.q, st.lu, 1.0, false, from, to);
        ratioTermStage(st, st.q, st.p, st.lv, -1.0, true, from, to);
        bothStage(st, withV, from, to);
        // p small: log Gamma(1 + p) into st.s2, for ONLY_Q plus log Gamma*(q) - log Gamma*(p + q)
        VectorGammaFunctions.logGamma1pStage(st.p, st.s2, st.code, BOTH_NEAR, from, to);
        stirlingIncrementStage(st, st.q, st.p, st.s2, ONLY_Q, from, to);
        // q small, p large: log Gamma(1 + q) + log Gamma*(p) - log Gamma*(p + q) into st.s1
        VectorGammaFunctions.logGamma1pStage(st.q, st.s1, st.code, BOTH_NEAR, from, to);
        stirlingIncrementStage(st, st.p, st.q, st.s1, ONLY_P, from, to);
        onlyQStage(st, withV, from, to);
        onlyPStage(st, withV, from, to);
        noneStage(st, withV, from, to);
        noneCorrectionStage(st, from, to);
    }

    private static void branchStage(BetaKernels.Stages st, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector p = DoubleVector.fromArray(SP, st.p, i);
            DoubleVector q = DoubleVector.fromArray(SP, st.q, i);
            DoubleVector d = DoubleVector.fromArray(SP, st.d, i);
            DoubleVector zero = p.broadcast(0.0);
            DoubleVector far = d.div(p).lanewise(ABS).max(d.div(q).lanewise(ABS));
            DoubleVector code = zero.blend(1.0, p.compare(GE, STIRLING_MIN)).add(zero.blend(2.0, q.compare(GE, STIRLING_MIN)));
            // bit 2 (far from the mean) only with both parameters large
            DoubleVector far4 = zero.blend(4.0, far.compare(GT, LOG1P_FORM_MAX));
            code.add(zero.blend(far4, code.compare(EQ, BOTH_NEAR))).intoArray(st.code, i);
            zero.broadcast(Double.NaN).intoArray(st.l, i);
        }
    }

    /**
     * Both parameters &ge; STIRLING_MIN, first part: the terms without u and v, log(sqrt(p q/(p+q))/(sqrt(2 pi) p)),
     * into st.s0 (free until the sums; the Stirling corrections are subtracted by stirlingStage).
     */
    private static void bothCommonStage(BetaKernels.Stages st, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            // both parameters large, near or far: the codes from BOTH_NEAR up (one compare, no mask logic)
            if (!DoubleVector.fromArray(SP, st.code, i).compare(GE, BOTH_NEAR).anyTrue()) {
                continue;
            }
            DoubleVector p = DoubleVector.fromArray(SP, st.p, i);
            DoubleVector q = DoubleVector.fromArray(SP, st.q, i);
            p.div(p.add(q)).mul(q).lanewise(LOG).mul(0.5).sub(LOG_SQRT_2PI).sub(p.lanewise(LOG)).intoArray(st.s0, i);
        }
    }

    /**
     * Both parameters &ge; STIRLING_MIN: Stirling with log Gamma*, log1pmx forms: p log(u (p+q)/p) + q log(v (p+q)/q)
     * = [p log1pmx(d/p)] + [q log1pmx(-d/q)], linear parts cancelled exactly (IncompleteBeta.logRatioTerm; near and
     * far lanes alike), the two terms from ratioTermStage in st.s2, those without u and v from bothCommonStage.
     */
    private static void bothStage(BetaKernels.Stages st, boolean withV, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            // both parameters large, near or far: the codes from BOTH_NEAR up, one compare (no mask logic: see
            // VectorGammaFunctions.inRange)
            VectorMask<Double> both = DoubleVector.fromArray(SP, st.code, i).compare(GE, BOTH_NEAR);
            if (!both.anyTrue()) {
                continue;
            }
            DoubleVector q = DoubleVector.fromArray(SP, st.q, i);
            DoubleVector lv = DoubleVector.fromArray(SP, st.lv, i);
            DoubleVector l = DoubleVector.fromArray(SP, st.l, i);
            DoubleVector vq = withV ? q.broadcast(0.0) : q.mul(lv);
            DoubleVector w = DoubleVector.fromArray(SP, st.s2, i).add(DoubleVector.fromArray(SP, st.s0, i));
            l.blend(w.sub(vq), both).intoArray(st.l, i);
        }
    }

    /**
     * One term of bothStage (IncompleteBeta.logRatioTerm) into st.s2 (added to it when {@code add}), for the
     * vectors with a lane of both parameters large: with p = pp, q = qq, log u = lu, d = sign st.d and t = d/p,
     * p log1pmx(t) where t &ge; -LOG1P_FORM_MAX or the rounding of 1 + t costs less than the direct form, else
     * p (log u + log1p(q/p)) - d. An array stage with log1pmx's arithmetic written out: as a vector helper called
     * twice from bothStage, this was not inlined, and its vectors were boxed (58 % of the bytes the Beta CDF and
     * dI/da allocated, JFR; docs/simd.md "Inlining").
     */
    private static void ratioTermStage(BetaKernels.Stages st, double[] pp, double[] qq, double[] lu, double sign,
            boolean add, int from, int to) {
        double[] c = LOG1PMX_SERIES;
        for (int i = from; i < to; i += SP.length()) {
            if (!DoubleVector.fromArray(SP, st.code, i).compare(GE, BOTH_NEAR).anyTrue()) {
                continue;
            }
            DoubleVector p = DoubleVector.fromArray(SP, pp, i);
            DoubleVector d = DoubleVector.fromArray(SP, st.d, i).mul(sign);
            DoubleVector t = d.div(p);
            // log1pmx(t) (VectorGammaFunctions.log1pmx, here t > -1: d/p > -1 and -d/q > -1 as 0 < u < 1)
            DoubleVector lx = t.lanewise(LOG1P).sub(t);
            VectorMask<Double> ser = t.blend(Double.POSITIVE_INFINITY, t.compare(LT, LOG1PMX_SERIES_LO))
                    .compare(LE, LOG1PMX_SERIES_HI);
            if (ser.anyTrue()) {
                DoubleVector u = t.div(t.add(2.0));
                DoubleVector u2 = u.mul(u);
                DoubleVector h = u.broadcast(0.0);
                for (int k = c.length - 1; k >= 0; k--) {
                    h = h.fma(u2, u.broadcast(c[k]));
                }
                lx = lx.blend(t.neg().mul(u).add(u.mul(2.0).mul(u2).mul(h)), ser);
            }
            DoubleVector term = p.mul(lx);
            VectorMask<Double> near = t.compare(GE, -LOG1P_FORM_MAX);
            if (!near.allTrue()) {
                DoubleVector l = DoubleVector.fromArray(SP, lu, i);
                DoubleVector l1q = DoubleVector.fromArray(SP, qq, i).div(p).lanewise(LOG1P);
                DoubleVector onePlusT = t.add(1.0);
                // cheap: 1 + t > 0 and -t < (1 + t)(log1p(q/p) - log u), as one compare of the smaller of 1 + t and
                // (1 + t)(..) + t (y + t > 0 exactly when y > -t; NaN fails both forms): no mask logic
                VectorMask<Double> cheap = onePlusT.min(onePlusT.mul(l1q.sub(l)).add(t)).compare(GT, 0.0);
                term = p.mul(l.add(l1q)).sub(d).blend(term, near).blend(term, cheap);
            }
            if (add) {
                term = term.add(DoubleVector.fromArray(SP, st.s2, i));
            }
            term.intoArray(st.s2, i);
        }
    }

    /**
     * out -= log Gamma*(z (1 + t)) - log Gamma*(z), z = big, t = small/big, in the lanes whose code is {@code code}
     * (big &ge; STIRLING_MIN there), for the vectors with such a lane: Stirling's series term by term,
     * c_k z^-(2k+1) ((1 + t)^-(2k+1) - 1), the powers of (1 + t)^-1 - 1 = -t/(1 + t) by E_(m+1) = E_m + e (1 + E_m)
     * (each term keeps its relative accuracy for tiny t; the same steps as the scalar
     * BetaFunctions.stirlingCorrectionIncrement). A plain difference of the two corrections had an absolute error ~1e-18/z, which
     * the series' complement turned into a relative error ~1e-18/(z t) of the CDF (IncompleteBeta.logPrefactor).
     */
    private static void stirlingIncrementStage(BetaKernels.Stages st, double[] big, double[] small, double[] out,
            double code, int from, int to) {
        double[] c = LGAMMA_STIRLING;
        for (int i = from; i < to; i += SP.length()) {
            VectorMask<Double> m = DoubleVector.fromArray(SP, st.code, i).compare(EQ, code);
            if (!m.anyTrue()) {
                continue;
            }
            DoubleVector z = DoubleVector.fromArray(SP, big, i);
            DoubleVector t = DoubleVector.fromArray(SP, small, i).div(z);
            DoubleVector e = t.neg().div(t.add(1.0)); // (1 + t)^-1 - 1
            DoubleVector r = z.broadcast(1.0).div(z);
            DoubleVector r2 = r.mul(r);
            DoubleVector pow = r;
            DoubleVector em = e; // (1 + t)^-(2k+1) - 1
            DoubleVector sum = z.broadcast(0.0);
            for (int k = 0; k < c.length; k++) {
                sum = sum.add(pow.mul(c[k]).mul(em));
                pow = pow.mul(r2);
                em = em.add(e.mul(em.add(1.0)));
                em = em.add(e.mul(em.add(1.0)));
            }
            DoubleVector o = DoubleVector.fromArray(SP, out, i);
            o.blend(o.sub(sum), m).intoArray(out, i);
        }
    }

    /**
     * out += sign log Gamma*(x + y) (Stirling's series; y null: of x) in the lanes whose code is in [codeLo, codeHi],
     * for the vectors with such a lane (x + y &ge; STIRLING_MIN there). An array stage with the series written out:
     * VectorGammaFunctions.stirlingSeries, called as a vector helper from the prefactor's stages, was not inlined at
     * those (cold) call sites ("callee is too large"), and its result was boxed: 92 % of the bytes the Beta CDF and
     * dI/da still allocated (JFR; docs/simd.md "Inlining").
     */
    private static void stirlingStage(BetaKernels.Stages st, double[] x, double[] y, double sign, double[] out,
            double codeLo, double codeHi, int from, int to) {
        double[] c = LGAMMA_STIRLING;
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector code = DoubleVector.fromArray(SP, st.code, i);
            // codeLo <= code <= codeHi, as a blend and a compare (no mask logic: VectorGammaFunctions.inRange)
            VectorMask<Double> m = code.blend(Double.POSITIVE_INFINITY, code.compare(LT, codeLo)).compare(LE, codeHi);
            if (!m.anyTrue()) {
                continue;
            }
            DoubleVector z = DoubleVector.fromArray(SP, x, i);
            if (y != null) {
                z = z.add(DoubleVector.fromArray(SP, y, i));
            }
            DoubleVector r = z.broadcast(1.0).div(z);
            DoubleVector r2 = r.mul(r);
            DoubleVector h = z.broadcast(0.0);
            for (int k = c.length - 1; k >= 0; k--) {
                h = h.fma(r2, z.broadcast(c[k]));
            }
            DoubleVector o = DoubleVector.fromArray(SP, out, i);
            o.blend(o.add(h.mul(r).mul(sign)), m).intoArray(out, i);
        }
    }

    /**
     * q &ge; STIRLING_MIN &gt; p: log Gamma(q) - log Gamma(p+q) by Stirling, log(p Gamma(p)) = log Gamma(1+p); st.s2
     * holds log Gamma(1 + p) + log Gamma*(q) - log Gamma*(p + q) (VectorGammaFunctions.logGamma1pStage, stirlingStage).
     */
    private static void onlyQStage(BetaKernels.Stages st, boolean withV, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            VectorMask<Double> m = DoubleVector.fromArray(SP, st.code, i).compare(EQ, ONLY_Q);
            if (!m.anyTrue()) {
                continue;
            }
            DoubleVector p = DoubleVector.fromArray(SP, st.p, i);
            DoubleVector q = DoubleVector.fromArray(SP, st.q, i);
            DoubleVector lu = DoubleVector.fromArray(SP, st.lu, i);
            DoubleVector pq = p.add(q);
            DoubleVector w = p.mul(lu.add(pq.lanewise(LOG))).add(q.mul(VectorGammaFunctions.log1pmx(p.div(q))))
                    .sub(p.div(q).lanewise(LOG1P).mul(0.5)).sub(DoubleVector.fromArray(SP, st.s2, i));
            if (withV) {
                w = w.add(q.mul(DoubleVector.fromArray(SP, st.lv, i)));
            }
            DoubleVector.fromArray(SP, st.l, i).blend(w, m).intoArray(st.l, i);
        }
    }

    /**
     * p &ge; STIRLING_MIN &gt; q: log Gamma(q) + log Gamma*(p) - log Gamma*(p+q) is st.s1 - log q (st.s1: log Gamma(1 + q)
     * + log Gamma*(p) - log Gamma*(p+q) from VectorGammaFunctions.logGamma1pStage and stirlingStage).
     */
    private static void onlyPStage(BetaKernels.Stages st, boolean withV, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            VectorMask<Double> m = DoubleVector.fromArray(SP, st.code, i).compare(EQ, ONLY_P);
            if (!m.anyTrue()) {
                continue;
            }
            DoubleVector p = DoubleVector.fromArray(SP, st.p, i);
            DoubleVector q = DoubleVector.fromArray(SP, st.q, i);
            DoubleVector lu = DoubleVector.fromArray(SP, st.lu, i);
            DoubleVector pq = p.add(q);
            DoubleVector w = p.mul(lu).add(q.mul(pq.lanewise(LOG))).add(p.mul(VectorGammaFunctions.log1pmx(q.div(p))))
                    .sub(q.div(p).lanewise(LOG1P).mul(0.5)).sub(p.lanewise(LOG))
                    .sub(DoubleVector.fromArray(SP, st.s1, i).sub(q.lanewise(LOG)));
            if (withV) {
                w = w.add(q.mul(DoubleVector.fromArray(SP, st.lv, i)));
            }
            DoubleVector.fromArray(SP, st.l, i).blend(w, m).intoArray(st.l, i);
        }
    }

    /** Both &lt; STIRLING_MIN: log(p B(p, q)) = log Gamma(1 + p) - [log Gamma(q + p) - log Gamma(q)]. */
    /**
     * Both parameters below STIRLING_MIN: st.l = p log u - log Gamma(1+p) + [log Gamma(q+p) - log Gamma(q)] (+ q log v),
     * the increment as BetaFunctions.logGammaIncrement: q raised to z &ge; STIRLING_MIN by the recurrence, then
     * Stirling with the correction differenced term by term. Two stages: this one leaves z in st.s1 and adds all but
     * the Stirling correction's increment, which noneCorrectionStage adds (in one method the compilation reached C2's
     * node budget, and the vectors passed to the helpers it no longer inlined were boxed: 60 % of the bytes the Beta
     * dI/da allocated; docs/simd.md, "Inlining").
     */
    private static void noneStage(BetaKernels.Stages st, boolean withV, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            VectorMask<Double> m = DoubleVector.fromArray(SP, st.code, i).compare(EQ, NONE);
            if (!m.anyTrue()) {
                continue;
            }
            DoubleVector p = DoubleVector.fromArray(SP, st.p, i);
            DoubleVector q = DoubleVector.fromArray(SP, st.q, i);
            DoubleVector lu = DoubleVector.fromArray(SP, st.lu, i);
            // the recurrence contributes -sum log1p(p/z_k) = -log1p(E), E = prod(1 + p/z_k) - 1 (see growth)
            DoubleVector e = p.broadcast(0.0);
            DoubleVector z = q.add(0.0);
            // at most ceil(STIRLING_MIN) = 8 steps; a lane at or above STIRLING_MIN stays there
            for (int k = 0; k < (int) Math.ceil(STIRLING_MIN); k++) {
                VectorMask<Double> below = z.compare(LT, STIRLING_MIN);
                if (!below.anyTrue()) {
                    break;
                }
                e = e.blend(growth(e, p.div(z)), below);
                z = z.blend(z.add(1.0), below);
            }
            DoubleVector t = p.div(z);
            DoubleVector increment = e.lanewise(LOG1P).neg().add(z.mul(VectorGammaFunctions.log1pmx(t)))
                    .sub(t.lanewise(LOG1P).mul(0.5)).add(p.mul(z.add(p).lanewise(LOG)));
            DoubleVector w = p.mul(lu).sub(DoubleVector.fromArray(SP, st.s2, i)).add(increment); // log Gamma(1+p): VectorGammaFunctions.logGamma1pStage
            if (withV) {
                w = w.add(q.mul(DoubleVector.fromArray(SP, st.lv, i)));
            }
            z.intoArray(st.s1, i);
            DoubleVector.fromArray(SP, st.l, i).blend(w, m).intoArray(st.l, i);
        }
    }

    /** The second stage of noneStage: st.l += log Gamma*(z (1 + t)) - log Gamma*(z), t = p/z, z from st.s1. */
    private static void noneCorrectionStage(BetaKernels.Stages st, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            VectorMask<Double> m = DoubleVector.fromArray(SP, st.code, i).compare(EQ, NONE);
            if (!m.anyTrue()) {
                continue;
            }
            DoubleVector z = DoubleVector.fromArray(SP, st.s1, i);
            DoubleVector t = DoubleVector.fromArray(SP, st.p, i).div(z);
            DoubleVector l = DoubleVector.fromArray(SP, st.l, i);
            l.blend(l.add(stirlingCorrectionIncrement(z, t)), m).intoArray(st.l, i);
        }
    }

    /**
     * st.lp = d/dp of the log prefactor, log u - 1/p - psi(p) + psi(p + q), and st.lq = d/dq,
     * log v - psi(q) + psi(p + q) (IncompleteBeta.logPrefactor pre[1], pre[2]); for the series
     * (IncompleteBeta.series) st.lq = psi(p + q) - psi(q) instead, without the log v.
     * lmd = log - psi; p &ge; DIGAMMA_SPLIT: log(u (p+q)/p) + [lmd(p) - lmd(p+q)] - 1/p, below:
     * log(u (p+q)) - psi(1 + p) - lmd(p + q); d/dq: log(v (p+q)/q) + [lmd(q) - lmd(p+q)].
     */
    static void derivativeStage(BetaKernels.Stages st, boolean series, int from, int to) {
        dropStage(st, st.p, st.q, st.dp, DIGAMMA_SPLIT, from, to);
        dropStage(st, st.q, st.p, st.dq, 0.0, from, to);
        lpStage(st, from, to);
        lpSmallStage(st, from, to);
        lqStage(st, series, from, to);
    }

    /**
     * out = (log z - psi(z)) - (log(z + t) - psi(z + t)) per element, z, t &gt; 0
     * (BetaFunctions.logMinusDigammaDrop), in two loops (the recurrence up to z &ge;
     * DIGAMMA_ASYMPTOTIC_MIN, then the asymptotic series differenced term by term); vectors whose z
     * are all below {@code zMin} (where the result is not used) are skipped.
     */
    private static void dropStage(BetaKernels.Stages st, double[] z, double[] t,
            double[] out, double zMin, int from, int to) {
        dropRecurrence(st, z, t, out, zMin, from, to);
        dropAsymptotic(st, z, t, out, zMin, from, to);
    }

    /**
     * The recurrence part: st.code = z raised to at least DIGAMMA_ASYMPTOTIC_MIN, out = its sum
     * p/(z_k (z_k + p)) - log1p(E), E = prod(1 + p/(z_k (z_k + p + 1))) - 1 (p = t; see growth).
     */
    private static void dropRecurrence(BetaKernels.Stages st, double[] zz, double[] tt,
            double[] out, double zMin, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector z = DoubleVector.fromArray(SP, zz, i);
            if (!z.compare(GE, zMin).anyTrue()) {
                continue;
            }
            DoubleVector p = DoubleVector.fromArray(SP, tt, i);
            DoubleVector acc = p.broadcast(0.0);
            DoubleVector e = p.broadcast(0.0);
            // at most ceil(DIGAMMA_ASYMPTOTIC_MIN) = 10 steps; a lane at or above the minimum stays there
            for (int k = 0; k < (int) Math.ceil(DIGAMMA_ASYMPTOTIC_MIN); k++) {
                VectorMask<Double> m = z.compare(LT, DIGAMMA_ASYMPTOTIC_MIN);
                if (!m.anyTrue()) {
                    break;
                }
                DoubleVector zp = z.add(p);
                // p/(z (z+p)) and y = p/(z (z+p+1)) from one reciprocal (BetaKernels.PARAMETER_VECTOR_MAX)
                DoubleVector r = p.div(z.mul(zp).mul(zp.add(1.0)));
                DoubleVector y = r.mul(zp);
                acc = acc.blend(acc.add(r.mul(zp.add(1.0))), m);
                e = e.blend(e.add(y).add(e.mul(y)), m);
                z = z.blend(z.add(1.0), m);
            }
            acc.sub(e.lanewise(LOG1P)).intoArray(out, i);
            z.intoArray(st.code, i);
        }
    }

    /**
     * The asymptotic part at z = st.code: 1/(2z) + sum_k c_k z^-2k differenced term by term,
     * c_k z^-2k ((1 + p/z)^-2k - 1), the powers by the recurrence of the class comment; added to out.
     */
    private static void dropAsymptotic(BetaKernels.Stages st, double[] zz, double[] tt,
            double[] out, double zMin, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            if (!DoubleVector.fromArray(SP, zz, i).compare(GE, zMin).anyTrue()) {
                continue;
            }
            DoubleVector z = DoubleVector.fromArray(SP, st.code, i);
            DoubleVector p = DoubleVector.fromArray(SP, tt, i);
            DoubleVector l1p = p.div(z).lanewise(LOG1P);
            DoubleVector r2 = z.broadcast(1.0).div(z.mul(z));
            DoubleVector g = l1p.mul(-2.0).lanewise(EXPM1);      // (1+t)^-2 - 1
            DoubleVector w = g.add(0.0);
            DoubleVector pow = r2.add(0.0);
            DoubleVector sum = p.mul(0.5).div(z.mul(z.add(p)));
            for (int k = 0; k < DIGAMMA_ASYMPTOTIC.length; k++) {
                sum = sum.sub(pow.mul(DIGAMMA_ASYMPTOTIC[k]).mul(w));
                pow = pow.mul(r2);
                w = w.add(g).add(w.mul(g));                      // (1+t)^-(2k+4) - 1
            }
            DoubleVector.fromArray(SP, out, i).add(sum).intoArray(out, i);
        }
    }

    private static void lpStage(BetaKernels.Stages st, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector p = DoubleVector.fromArray(SP, st.p, i);
            DoubleVector q = DoubleVector.fromArray(SP, st.q, i);
            DoubleVector d = DoubleVector.fromArray(SP, st.d, i);
            DoubleVector lu = DoubleVector.fromArray(SP, st.lu, i);
            DoubleVector tp = d.div(p);
            DoubleVector lup = lu.add(q.div(p).lanewise(LOG1P))
                    .blend(tp.lanewise(LOG1P), tp.lanewise(ABS).compare(LE, LOG1P_FORM_MAX));
            lup.add(DoubleVector.fromArray(SP, st.dp, i)).sub(p.broadcast(1.0).div(p)).intoArray(st.lp, i);
        }
    }

    /**
     * p &lt; DIGAMMA_SPLIT: lp = log(u (p+q)) - psi(1 + p) - lmd(p + q) (no cancellation of 1/p), in two loops:
     * lmd(p + q) into st.s1 (free until the sums) by the array stage VectorGammaFunctions.logMinusDigammaOfSum,
     * then the rest, with psi(1 + p) from the root series alone (1 + p is in [1, 2) in the lanes that use it:
     * digamma's own steps there, without its recurrence). The first version called the vector helpers digamma
     * and logMinusDigamma in one loop: C2 did not inline the second ("callee is too large" or
     * "NodeCountInliningCutoff"), boxing its argument and result (11 bytes per element of the Beta gradient), and under G1 the
     * gradient then ran 1.7 times slower in phases of seconds (docs/simd.md, "Inlining").
     */
    private static void lpSmallStage(BetaKernels.Stages st, int from, int to) {
        VectorGammaFunctions.logMinusDigammaOfSum(st.p, st.q, st.s1, st.p, DIGAMMA_SPLIT, from, to);
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector p = DoubleVector.fromArray(SP, st.p, i);
            VectorMask<Double> small = p.compare(LT, DIGAMMA_SPLIT);
            if (!small.anyTrue()) {
                continue;
            }
            DoubleVector s = p.add(1.0).sub(DIGAMMA_ROOT_HI).sub(DIGAMMA_ROOT_LO);
            DoubleVector psi1p = VectorGammaFunctions.horner(s, DIGAMMA_ROOT_SERIES).mul(s);
            DoubleVector w = DoubleVector.fromArray(SP, st.lu, i).add(p.add(DoubleVector.fromArray(SP, st.q, i)).lanewise(LOG))
                    .sub(psi1p).sub(DoubleVector.fromArray(SP, st.s1, i));
            DoubleVector.fromArray(SP, st.lp, i).blend(w, small).intoArray(st.lp, i);
        }
    }

    private static void lqStage(BetaKernels.Stages st, boolean series, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector p = DoubleVector.fromArray(SP, st.p, i);
            DoubleVector q = DoubleVector.fromArray(SP, st.q, i);
            DoubleVector l1p = p.div(q).lanewise(LOG1P);
            DoubleVector lvq;
            if (series) {
                lvq = l1p;
            } else {
                DoubleVector tq = DoubleVector.fromArray(SP, st.d, i).neg().div(q);
                lvq = DoubleVector.fromArray(SP, st.lv, i).add(l1p)
                        .blend(tq.lanewise(LOG1P), tq.lanewise(ABS).compare(LE, LOG1P_FORM_MAX));
            }
            lvq.add(DoubleVector.fromArray(SP, st.dq, i)).intoArray(st.lq, i);
        }
    }
}
