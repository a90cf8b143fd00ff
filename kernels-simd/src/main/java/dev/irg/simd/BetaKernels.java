package dev.irg.simd;

import static dev.irg.math.BetaConstants.CONVERGENCE_TOL;
import static dev.irg.math.BetaConstants.FRACTION_MAX_ITER;
import static dev.irg.math.BetaConstants.REGION_FRACTION_LOWER;
import static dev.irg.math.BetaConstants.REGION_FRACTION_UPPER;
import static dev.irg.math.BetaConstants.REGION_ONE;
import static dev.irg.math.BetaConstants.REGION_SERIES_LOWER;
import static dev.irg.math.BetaConstants.REGION_SERIES_UPPER;
import static dev.irg.math.BetaConstants.REGION_ZERO;
import static dev.irg.math.BetaConstants.SERIES_MAX_ITER;
import static jdk.incubator.vector.VectorOperators.ABS;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.EXPM1;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LOG;
import static jdk.incubator.vector.VectorOperators.LOG1P;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NE;

import dev.irg.Distribution;
import dev.irg.Op;
import dev.irg.math.IncompleteBeta;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Beta(a, b) kernels: the vector port of {@link IncompleteBeta} (I_x(a, b), dI/da, dI/db,
 * dz/da, dz/db). The scalar {@link IncompleteBeta#classify} assigns each element its region (same
 * thresholds by construction). The lower and upper sides of a method share one driver region: both
 * evaluate the same oriented problem I_u(p, q) ((p, q, u) = (a, b, x) or (b, a, 1 - x)), so the
 * orientation is a per-lane blend of the operands and of the final mapping. The driver regions split
 * the power series and the continued fraction further into bands of their expected number of terms
 * (measured with {@code python3 kernels-simd/tools/beta_iteration_spread.py}), so that the lanes of
 * a vector need similar iteration counts:
 * <ul>
 *   <li>series, by u (1 + q): below SERIES_SHORT_KEY at most 7 terms, below SERIES_MID_KEY at
 *       most 18, above up to 56;</li>
 *   <li>continued fraction, by u / switch point: below FRACTION_NEAR_KEY at most 22 steps (mean
 *       4), above mean 14 with a tail to the hundreds (a = b = 1e6 at x = 1/2: 569).</li>
 * </ul>
 * Loops run until every lane has met the scalar convergence test (a converged lane keeps adding
 * terms below the tolerance), for at most SERIES_VECTOR_BUDGET / FRACTION_VECTOR_BUDGET
 * iterations; lanes still open then, and lanes whose sums are not finite, are recomputed by the
 * scalar region code (which has the caps and the NaN rule). The edge region (invalid operands,
 * x = 0, x = 1) is closed-form and evaluated per element.
 *
 * <p>Per operation only what it needs is computed: the CDF iterates the value alone (convergence
 * on the value) and needs only the log prefactor; the gradients need the prefactor's derivatives but
 * not the prefactor itself in the continued fraction (the ratio prefactor/density is x (1 - x)/p).
 */
final class BetaKernels implements Family {
    /** Driver region: invalid operands, x = 0 or x = 1 (closed form, per element). */
    static final int EDGE = 0;
    /** Driver regions of the power series (both sides), bands 0..2 of u (1 + q). */
    static final int SERIES_0 = 1;
    /** Driver regions of the continued fraction (both sides), bands 0..1 of u / switch point. */
    static final int FRACTION_0 = 4;
    private static final int REGIONS = 6;

    /**
     * Series band edges on u (1 + q) (u the series variable, q the other parameter): the series
     * term ratio is about max(u, q u / j); measured, u (1 + q) &lt; 1e-3 needs at most 7 terms and
     * &lt; 0.1 at most 18, while the rest needs up to 56 (beta_iteration_spread.py).
     */
    static final double SERIES_SHORT_KEY = 1e-3;
    /** Second series band edge, see SERIES_SHORT_KEY. */
    static final double SERIES_MID_KEY = 0.1;
    /**
     * Fraction band edge on u / ((p + 1)/(p + q + 2)): below 0.9 of the switch point the fraction
     * converges within 22 steps (mean 4), close to it the count grows like sqrt(min(p, q)).
     */
    static final double FRACTION_NEAR_KEY = 0.9;

    /**
     * Series terms a vector runs before its open lanes go to the scalar code: the scalar series
     * needs at most 56 terms on the domain (BetaConstants.SERIES_MAX_ITER's comment), so in
     * practice no lane falls back.
     */
    static final int SERIES_VECTOR_BUDGET = 64;
    /**
     * Fraction steps a vector runs before its open lanes go to the scalar code. On the benchmark's
     * inputs the slowest of 8 lanes near the switch point needs 56 steps on average, the slowest
     * lane overall a few hundred (beta_iteration_spread.py): 128 lets almost every vector finish,
     * and the rare long lane does not hold up the other lanes of its vector.
     */
    static final int FRACTION_VECTOR_BUDGET = 128;

    private final VectorSpecies<Double> sd;

    BetaKernels(VectorSpecies<Double> sd) {
        this.sd = sd;
    }

    @Override
    public int regions() {
        return REGIONS;
    }

    @Override
    public boolean has(Op op) {
        return op.distribution() == Distribution.BETA;
    }

    @Override
    public void classify(Op op, double[] a, double[] b, double[] x, byte[] region, int m) {
        for (int i = 0; i < m; i++) {
            region[i] = (byte) driverRegion(a[i], b[i], x[i]);
        }
    }

    /** The driver region of one element (IncompleteBeta.classify, then the band). */
    static int driverRegion(double a, double b, double x) {
        int r = IncompleteBeta.classify(a, b, x);
        boolean lower = r == REGION_SERIES_LOWER || r == REGION_FRACTION_LOWER;
        double p = lower ? a : b;
        double q = lower ? b : a;
        double u = lower ? x : 1 - x;
        if (r == REGION_SERIES_LOWER || r == REGION_SERIES_UPPER) {
            double key = u * (1 + q);
            return SERIES_0 + (key < SERIES_SHORT_KEY ? 0 : key < SERIES_MID_KEY ? 1 : 2);
        }
        if (r == REGION_FRACTION_LOWER || r == REGION_FRACTION_UPPER) {
            return FRACTION_0 + (u * (p + q + 2) < FRACTION_NEAR_KEY * (p + 1) ? 0 : 1);
        }
        return EDGE;
    }

    /** Index of {@code op}'s quantity in IncompleteBeta's output array. */
    private static int outIndex(Op op) {
        return switch (op) {
            case BETA_CDF -> IncompleteBeta.OUT_CDF;
            case BETA_DCDF_DA -> IncompleteBeta.OUT_DCDF_DA;
            case BETA_DCDF_DB -> IncompleteBeta.OUT_DCDF_DB;
            case BETA_GRAD_A -> IncompleteBeta.OUT_GRAD_A;
            case BETA_GRAD_B -> IncompleteBeta.OUT_GRAD_B;
            default -> throw new IllegalArgumentException(op + " is not a Beta operation");
        };
    }

    @Override
    public void evaluate(Op op, int code, double[] a, double[] b, double[] x, double[] out, int from, int to) {
        int which = outIndex(op);
        if (code == EDGE) {
            for (int i = from; i < to; i++) {
                out[i] = edge(a[i], b[i], x[i], which);
            }
            return;
        }
        boolean series = code < FRACTION_0;
        boolean cdf = which == IncompleteBeta.OUT_CDF;
        boolean dcdf = which == IncompleteBeta.OUT_DCDF_DA || which == IncompleteBeta.OUT_DCDF_DB;
        boolean channelA = which == IncompleteBeta.OUT_DCDF_DA || which == IncompleteBeta.OUT_GRAD_A;
        Stages st = STAGES.get().ensure(to);
        orientStage(sd, a, b, x, st, from, to);
        if (cdf || dcdf) {
            VectorBetaFunctions.logPrefactorStage(sd, st, !series, from, to);
        }
        if (!cdf) {
            VectorBetaFunctions.derivativeStage(sd, st, series, from, to);
        }
        if (series) {
            if (cdf) {
                seriesValueStage(sd, st, from, to);
            } else {
                seriesStage(sd, st, from, to);
            }
        } else if (cdf) {
            fractionValueStage(sd, st, from, to);
        } else {
            fractionStage(sd, st, from, to);
        }
        if (cdf) {
            if (series) {
                seriesCdf(sd, st, out, from, to);
            } else {
                fractionCdf(sd, st, out, from, to);
            }
        } else if (dcdf) {
            if (series) {
                seriesChannel(sd, st, channelA, from, to);
            } else {
                fractionChannel(sd, st, channelA, from, to);
            }
            dcdfStage(sd, st, out, from, to);
        } else if (series) {
            seriesGradStage(sd, st, channelA, out, from, to);
        } else {
            fractionGradStage(sd, x, st, channelA, out, from, to);
        }
        // lanes that did not converge within the vector budget carry NaN, as do lanes whose sums
        // overflowed: the scalar region code (caps, NaN rule) decides them
        for (int j = from; j < to; j++) {
            if (!Double.isFinite(out[j])) {
                out[j] = scalar(a[j], b[j], x[j], which);
            }
        }
    }

    /** The edge region: x = 0 (I = 0), x = 1 (I = 1), derivatives and gradients 0; invalid: NaN. */
    private static double edge(double a, double b, double x, int which) {
        return switch (IncompleteBeta.classify(a, b, x)) {
            case REGION_ZERO -> 0.0;
            case REGION_ONE -> which == IncompleteBeta.OUT_CDF ? 1.0 : 0.0;
            default -> Double.NaN;
        };
    }

    /** One element by the scalar code (lanes that did not finish within the vector budget). */
    private static double scalar(double a, double b, double x, int which) {
        double[] r = new double[IncompleteBeta.OUT_LENGTH];
        IncompleteBeta.evaluate(a, b, x, r);
        return r[which];
    }

    /** Per-thread intermediate arrays of the stages (one value per element of the run). */
    private static final ThreadLocal<Stages> STAGES = ThreadLocal.withInitial(Stages::new);

    /**
     * Intermediate results between the stages of {@link #evaluate}. The kernel runs as a sequence of
     * loops over the run, each a small method of its own that loads its operands from these arrays
     * and keeps its vectors local, and mask logic (and/or/not) is avoided (masks come from one
     * compare each): a first version with one method per vector and helpers passing vectors to each
     * other exceeded the JIT's inlining budget, and the vector operations left outside it ran as the
     * Vector API's non-intrinsic Java fallback (JFR: ~700 bytes allocated per element, 3x the
     * scalar speed; the same was found for von Mises by h-simd-perf).
     */
    static final class Stages {
        double[] p = new double[0];   // oriented parameters: (a, b) on the lower side, (b, a) on the upper
        double[] q = new double[0];
        double[] u = new double[0];   // oriented variable: x or 1 - x
        double[] v = new double[0];   // 1 - u
        double[] lu = new double[0];  // log u
        double[] lv = new double[0];  // log v
        double[] d = new double[0];   // u (p + q) - p, accurate
        double[] up = new double[0];  // 1 on the upper side, 0 on the lower
        double[] l = new double[0];   // log prefactor
        double[] lp = new double[0];  // its p-derivative
        double[] lq = new double[0];  // its q-derivative (series: psi(p+q) - psi(q))
        double[] dp = new double[0];  // logMinusDigammaDrop(p, q)
        double[] dq = new double[0];  // logMinusDigammaDrop(q, p)
        double[] s0 = new double[0];  // sums / fraction and its T_p, T_q; s0 NaN where not converged
        double[] s1 = new double[0];
        double[] s2 = new double[0];
        double[] code = new double[0]; // branch of the log prefactor (VectorBetaFunctions)

        Stages ensure(int n) {
            if (p.length < n) {
                p = new double[n];
                q = new double[n];
                u = new double[n];
                v = new double[n];
                lu = new double[n];
                lv = new double[n];
                d = new double[n];
                up = new double[n];
                l = new double[n];
                lp = new double[n];
                lq = new double[n];
                dp = new double[n];
                dq = new double[n];
                s0 = new double[n];
                s1 = new double[n];
                s2 = new double[n];
                code = new double[n];
            }
            return this;
        }
    }

    /**
     * The oriented problem of every element: upper side iff x (a + b + 2) &gt; a + 1 (as
     * IncompleteBeta.classify); d from whichever of u, v is the exact input (u unless the upper side
     * with x &lt; 1/2, where v = x).
     */
    private static void orientStage(VectorSpecies<Double> sp, double[] aa, double[] bb, double[] xx, Stages st,
            int from, int to) {
        for (int i = from; i < to; i += sp.length()) {
            DoubleVector a = DoubleVector.fromArray(sp, aa, i);
            DoubleVector b = DoubleVector.fromArray(sp, bb, i);
            DoubleVector x = DoubleVector.fromArray(sp, xx, i);
            VectorMask<Double> upper = x.mul(a.add(b).add(2.0)).compare(GT, a.add(1.0));
            DoubleVector y = x.neg().add(1.0);
            DoubleVector p = a.blend(b, upper);
            DoubleVector q = b.blend(a, upper);
            DoubleVector u = x.blend(y, upper);
            DoubleVector v = y.blend(x, upper);
            DoubleVector lx = x.lanewise(LOG);
            DoubleVector ly = x.neg().lanewise(LOG1P);
            DoubleVector one = a.broadcast(1.0);
            VectorMask<Double> fromV = one.blend(x, upper).compare(LT, 0.5);
            DoubleVector d = VectorBetaFunctions.deltaFromU(p, q, u);
            if (fromV.anyTrue()) {
                d = d.blend(VectorBetaFunctions.deltaFromV(p, q, v), fromV);
            }
            p.intoArray(st.p, i);
            q.intoArray(st.q, i);
            u.intoArray(st.u, i);
            v.intoArray(st.v, i);
            lx.blend(ly, upper).intoArray(st.lu, i);
            ly.blend(lx, upper).intoArray(st.lv, i);
            d.intoArray(st.d, i);
            a.broadcast(0.0).blend(one, upper).intoArray(st.up, i);
        }
    }

    // ---- power series ----------------------------------------------------------------------------

    /**
     * The value sum S' = sum_j c_j/(p + j), c_j = (1 - q)_j u^j / j! (IncompleteBeta.series) alone
     * into st.s0 (CDF), converged on it; NaN where it did not converge within the budget.
     */
    private static void seriesValueStage(VectorSpecies<Double> sp, Stages st, int from, int to) {
        int cap = Math.min(SERIES_MAX_ITER, SERIES_VECTOR_BUDGET);
        for (int i = from; i < to; i += sp.length()) {
            DoubleVector p = DoubleVector.fromArray(sp, st.p, i);
            DoubleVector q = DoubleVector.fromArray(sp, st.q, i);
            DoubleVector u = DoubleVector.fromArray(sp, st.u, i);
            DoubleVector c = p.broadcast(1.0);
            DoubleVector sum = p.broadcast(0.0);
            DoubleVector done = p.broadcast(0.0);
            for (int j = 1; j <= cap; j++) {
                c = c.mul(q.neg().add(j)).mul(u.div(j));
                DoubleVector t = c.div(p.add(j));
                sum = sum.add(t);
                done = done.blend(1.0, t.lanewise(ABS).compare(LE, sum.lanewise(ABS).mul(CONVERGENCE_TOL)));
                if (!done.compare(EQ, 0.0).anyTrue()) {
                    break;
                }
            }
            sum.blend(Double.NaN, done.compare(EQ, 0.0)).intoArray(st.s0, i);
        }
    }

    /**
     * S', dS'/dq and sum c_j j/(p+j)^2 into st.s0, s1, s2, converged on all three (the scalar test);
     * s0 NaN where not converged within the budget.
     */
    private static void seriesStage(VectorSpecies<Double> sp, Stages st, int from, int to) {
        int cap = Math.min(SERIES_MAX_ITER, SERIES_VECTOR_BUDGET);
        for (int i = from; i < to; i += sp.length()) {
            DoubleVector p = DoubleVector.fromArray(sp, st.p, i);
            DoubleVector q = DoubleVector.fromArray(sp, st.q, i);
            DoubleVector u = DoubleVector.fromArray(sp, st.u, i);
            DoubleVector c = p.broadcast(1.0);
            DoubleVector cq = p.broadcast(0.0);
            DoubleVector sum = p.broadcast(0.0);
            DoubleVector sumQ = p.broadcast(0.0);
            DoubleVector sumP = p.broadcast(0.0);
            DoubleVector done = p.broadcast(0.0);
            for (int j = 1; j <= cap; j++) {
                DoubleVector step = u.div(j);
                DoubleVector jq = q.neg().add(j);
                cq = cq.mul(jq).mul(step).sub(c.mul(step));
                c = c.mul(jq).mul(step);
                DoubleVector rpj = p.broadcast(1.0).div(p.add(j));
                DoubleVector t = c.mul(rpj);
                DoubleVector tq = cq.mul(rpj);
                DoubleVector tp = t.mul(j).mul(rpj);
                sum = sum.add(t);
                sumQ = sumQ.add(tq);
                sumP = sumP.add(tp);
                // converged when every |term| <= TOL |sum|: the largest excess is <= 0
                DoubleVector excess = t.lanewise(ABS).sub(sum.lanewise(ABS).mul(CONVERGENCE_TOL))
                        .max(tq.lanewise(ABS).sub(sumQ.lanewise(ABS).mul(CONVERGENCE_TOL)))
                        .max(tp.lanewise(ABS).sub(sumP.lanewise(ABS).mul(CONVERGENCE_TOL)));
                done = done.blend(1.0, excess.compare(LE, 0.0));
                if (!done.compare(EQ, 0.0).anyTrue()) {
                    break;
                }
            }
            sum.blend(Double.NaN, done.compare(EQ, 0.0)).intoArray(st.s0, i);
            sumQ.intoArray(st.s1, i);
            sumP.intoArray(st.s2, i);
        }
    }

    /** Series CDF: lower I = e^E (1 + p S'), upper I = -expm1(E) - e^E p S'. */
    private static void seriesCdf(VectorSpecies<Double> sp, Stages st, double[] out, int from, int to) {
        for (int i = from; i < to; i += sp.length()) {
            DoubleVector p = DoubleVector.fromArray(sp, st.p, i);
            DoubleVector le = DoubleVector.fromArray(sp, st.l, i);
            DoubleVector sum = DoubleVector.fromArray(sp, st.s0, i);
            VectorMask<Double> upper = DoubleVector.fromArray(sp, st.up, i).compare(NE, 0.0);
            DoubleVector e = le.lanewise(EXP);
            DoubleVector eps = e.mul(p).mul(sum);
            DoubleVector value = eps.add(e);
            DoubleVector complement = le.lanewise(EXPM1).neg().sub(eps);
            value.blend(complement, upper).intoArray(out, i);
        }
    }

    /**
     * T_p = W L_p + sum c_j j/(p+j)^2, T_q = W L_q + p dS'/dq (W = 1 + p S') of the oriented
     * problem, mapped to the requested channel: lower (dI/da, dI/db) = (T_p, T_q) e^E, upper
     * (-T_q, -T_p) e^E. Into st.s1 (the channel), before the exponential factor.
     */
    private static void seriesChannel(VectorSpecies<Double> sp, Stages st, boolean channelA, int from, int to) {
        for (int i = from; i < to; i += sp.length()) {
            DoubleVector p = DoubleVector.fromArray(sp, st.p, i);
            DoubleVector sum = DoubleVector.fromArray(sp, st.s0, i);
            DoubleVector sumQ = DoubleVector.fromArray(sp, st.s1, i);
            DoubleVector sumP = DoubleVector.fromArray(sp, st.s2, i);
            VectorMask<Double> upper = DoubleVector.fromArray(sp, st.up, i).compare(NE, 0.0);
            DoubleVector w = p.mul(sum).add(1.0);
            DoubleVector tp = w.mul(DoubleVector.fromArray(sp, st.lp, i)).add(sumP);
            DoubleVector tq = w.mul(DoubleVector.fromArray(sp, st.lq, i)).add(p.mul(sumQ));
            DoubleVector t = channelA ? tp.blend(tq.neg(), upper) : tq.blend(tp.neg(), upper);
            t.intoArray(st.s1, i); // NaN where s0 (and so w) is NaN: recomputed
        }
    }

    /** Series gradients: -(dI/dtheta)/density, e^E/density = u v^(1-q)/p. */
    private static void seriesGradStage(VectorSpecies<Double> sp, Stages st, boolean channelA, double[] out, int from,
            int to) {
        seriesChannel(sp, st, channelA, from, to);
        for (int i = from; i < to; i += sp.length()) {
            DoubleVector p = DoubleVector.fromArray(sp, st.p, i);
            DoubleVector q = DoubleVector.fromArray(sp, st.q, i);
            DoubleVector u = DoubleVector.fromArray(sp, st.u, i);
            DoubleVector lv = DoubleVector.fromArray(sp, st.lv, i);
            DoubleVector t = DoubleVector.fromArray(sp, st.s1, i);
            DoubleVector g = u.mul(q.neg().add(1.0).mul(lv).lanewise(EXP)).div(p);
            g.mul(t).neg().intoArray(out, i);
        }
    }

    /** dI/da or dI/db, series or fraction: the channel in st.s1 times the prefactor e^L. */
    private static void dcdfStage(VectorSpecies<Double> sp, Stages st, double[] out, int from, int to) {
        for (int i = from; i < to; i += sp.length()) {
            DoubleVector t = DoubleVector.fromArray(sp, st.s1, i);
            DoubleVector.fromArray(sp, st.l, i).lanewise(EXP).mul(t).intoArray(out, i);
        }
    }

    // ---- continued fraction ----------------------------------------------------------------------

    /** The fraction f alone into st.s0 (CDF), converged on f; NaN where not converged within the budget. */
    private static void fractionValueStage(VectorSpecies<Double> sp, Stages st, int from, int to) {
        int cap = Math.min(FRACTION_MAX_ITER, FRACTION_VECTOR_BUDGET);
        for (int i = from; i < to; i += sp.length()) {
            DoubleVector p = DoubleVector.fromArray(sp, st.p, i);
            DoubleVector q = DoubleVector.fromArray(sp, st.q, i);
            DoubleVector u = DoubleVector.fromArray(sp, st.u, i);
            DoubleVector v = DoubleVector.fromArray(sp, st.v, i);
            DoubleVector d = DoubleVector.fromArray(sp, st.d, i);
            DoubleVector pq = p.add(q);
            DoubleVector b0 = d.neg().add(1.0).div(p.add(1.0));
            DoubleVector s = b0.broadcast(1.0).div(b0);
            DoubleVector am2 = s.add(0.0);
            DoubleVector bm2 = p.broadcast(0.0);
            DoubleVector bm1 = s.add(0.0);
            DoubleVector f = s.add(0.0);
            DoubleVector dOdd = pq.neg().mul(u).div(p.add(1.0));
            DoubleVector pd = p.mul(d);
            DoubleVector done = p.broadcast(0.0);
            for (int k = 1; k <= cap; k++) {
                DoubleVector e1 = p.add(2 * k - 1);
                DoubleVector e2 = p.add(2 * k);
                DoubleVector r23 = p.broadcast(1.0).div(e2.mul(p.add(2 * k + 1)));
                DoubleVector qk = q.sub(k);
                DoubleVector ue1 = u.div(e1);
                DoubleVector dEven = qk.mul(k).mul(ue1).div(e2);
                DoubleVector dNext = p.add(k).neg().mul(pq.add(k)).mul(u).mul(r23);
                DoubleVector alpha = dOdd.mul(dEven);
                // beta_k = 1 + d_{2k} + d_{2k+1} without cancellation (IncompleteBeta.fraction)
                DoubleVector beta = pd.neg().add(p.mul(2 * k + 1)).add(2.0 * k * (k + 1))
                        .add(qk.mul(2.0 * k).mul(ue1)).add(v.mul(2.0 * k).mul(p.add(k))).mul(r23);
                DoubleVector an = beta.sub(alpha.mul(am2));
                DoubleVector bn = beta.mul(bm1).sub(alpha.mul(bm2));
                s = an.broadcast(1.0).div(an);
                am2 = s;
                bm2 = bm1.mul(s);
                bm1 = bn.mul(s);
                done = done.blend(1.0, bm1.sub(f).lanewise(ABS).compare(LE, bm1.lanewise(ABS).mul(CONVERGENCE_TOL)));
                f = bm1;
                dOdd = dNext;
                if (!done.compare(EQ, 0.0).anyTrue()) {
                    break;
                }
            }
            f.blend(Double.NaN, done.compare(EQ, 0.0)).intoArray(st.s0, i);
        }
    }

    /**
     * f, T_p = f L_p + f_p, T_q = f L_q + f_q into st.s0, s1, s2 by the three-term recurrence with the
     * p- and q-derivatives, rescaled every step (IncompleteBeta.fraction); s0 NaN where not converged.
     */
    private static void fractionStage(VectorSpecies<Double> sp, Stages st, int from, int to) {
        int cap = Math.min(FRACTION_MAX_ITER, FRACTION_VECTOR_BUDGET);
        for (int i = from; i < to; i += sp.length()) {
            DoubleVector p = DoubleVector.fromArray(sp, st.p, i);
            DoubleVector q = DoubleVector.fromArray(sp, st.q, i);
            DoubleVector u = DoubleVector.fromArray(sp, st.u, i);
            DoubleVector v = DoubleVector.fromArray(sp, st.v, i);
            DoubleVector d = DoubleVector.fromArray(sp, st.d, i);
            DoubleVector lp = DoubleVector.fromArray(sp, st.lp, i);
            DoubleVector lq = DoubleVector.fromArray(sp, st.lq, i);
            DoubleVector pq = p.add(q);
            DoubleVector rp1 = p.broadcast(1.0).div(p.add(1.0));
            DoubleVector b0 = d.neg().add(1.0).mul(rp1);
            DoubleVector dOdd = pq.neg().mul(u).mul(rp1);                     // d_1
            DoubleVector dOddP = dOdd.mul(q.neg().add(1.0)).div(pq.mul(p.add(1.0)));
            DoubleVector dOddQ = u.neg().mul(rp1);
            DoubleVector s = b0.broadcast(1.0).div(b0);
            DoubleVector am2 = s.add(0.0);
            DoubleVector bm2 = p.broadcast(0.0);
            DoubleVector bm1 = s.add(0.0);
            DoubleVector apm2 = p.broadcast(0.0);
            DoubleVector apm1 = dOddP.mul(s);
            DoubleVector aqm2 = p.broadcast(0.0);
            DoubleVector aqm1 = dOddQ.mul(s);
            DoubleVector bpm2 = p.broadcast(0.0);
            DoubleVector bpm1 = p.broadcast(0.0);
            DoubleVector bqm2 = p.broadcast(0.0);
            DoubleVector bqm1 = p.broadcast(0.0);
            DoubleVector f = bm1.add(0.0);
            DoubleVector tp = f.mul(lp).add(bpm1.sub(f.mul(apm1)));
            DoubleVector tq = f.mul(lq).add(bqm1.sub(f.mul(aqm1)));
            DoubleVector pd = p.mul(d);
            DoubleVector done = p.broadcast(0.0);
            for (int k = 1; k <= cap; k++) {
                DoubleVector e1 = p.add(2 * k - 1);
                DoubleVector e2 = p.add(2 * k);
                DoubleVector e3 = p.add(2 * k + 1);
                DoubleVector r1 = p.broadcast(1.0).div(e1);
                DoubleVector r2 = p.broadcast(1.0).div(e2);
                DoubleVector r12 = r1.mul(r2);
                DoubleVector r23 = p.broadcast(1.0).div(e2.mul(e3));
                DoubleVector qk = q.sub(k);
                DoubleVector pk = p.add(k);
                DoubleVector pqk = pq.add(k);
                // d_{2k} = k (q - k) u / ((p + 2k - 1)(p + 2k)) and its p-, q-derivatives
                DoubleVector dEven = qk.mul(k).mul(u).mul(r12);
                DoubleVector dEvenP = dEven.neg().mul(r1.add(r2));
                DoubleVector dEvenQ = u.mul(k).mul(r12);
                // d_{2k+1} = -(p + k)(p + q + k) u / ((p + 2k)(p + 2k + 1))
                DoubleVector dNext = pk.neg().mul(pqk).mul(u).mul(r23);
                DoubleVector dNextP = dNext.mul(r2.mul(k).div(pk).add(q.neg().add(k + 1).div(pqk.mul(e3))));
                DoubleVector dNextQ = pk.neg().mul(u).mul(r23);
                DoubleVector alpha = dOdd.mul(dEven);
                DoubleVector alphaP = dOddP.mul(dEven).add(dOdd.mul(dEvenP));
                DoubleVector alphaQ = dOddQ.mul(dEven).add(dOdd.mul(dEvenQ));
                // beta_k = 1 + d_{2k} + d_{2k+1} without cancellation (IncompleteBeta.fraction)
                DoubleVector beta = pd.neg().add(p.mul(2 * k + 1)).add(2.0 * k * (k + 1))
                        .add(qk.mul(2.0 * k).mul(u).mul(r1)).add(v.mul(2.0 * k).mul(pk)).mul(r23);
                DoubleVector betaP = dEvenP.add(dNextP);
                DoubleVector betaQ = dEvenQ.add(dNextQ);
                DoubleVector an = beta.sub(alpha.mul(am2));
                DoubleVector bn = beta.mul(bm1).sub(alpha.mul(bm2));
                DoubleVector apn = beta.mul(apm1).add(betaP).sub(alpha.mul(apm2)).sub(alphaP.mul(am2));
                DoubleVector aqn = beta.mul(aqm1).add(betaQ).sub(alpha.mul(aqm2)).sub(alphaQ.mul(am2));
                DoubleVector bpn = beta.mul(bpm1).add(betaP.mul(bm1)).sub(alpha.mul(bpm2)).sub(alphaP.mul(bm2));
                DoubleVector bqn = beta.mul(bqm1).add(betaQ.mul(bm1)).sub(alpha.mul(bqm2)).sub(alphaQ.mul(bm2));
                s = an.broadcast(1.0).div(an);
                am2 = s;
                bm2 = bm1.mul(s);
                bm1 = bn.mul(s);
                apm2 = apm1.mul(s);
                apm1 = apn.mul(s);
                aqm2 = aqm1.mul(s);
                aqm1 = aqn.mul(s);
                bpm2 = bpm1.mul(s);
                bpm1 = bpn.mul(s);
                bqm2 = bqm1.mul(s);
                bqm1 = bqn.mul(s);
                DoubleVector tpn = bm1.mul(lp).add(bpm1.sub(bm1.mul(apm1)));
                DoubleVector tqn = bm1.mul(lq).add(bqm1.sub(bm1.mul(aqm1)));
                // converged when every change is <= TOL times its value: the largest excess is <= 0
                DoubleVector excess = bm1.sub(f).lanewise(ABS).sub(bm1.lanewise(ABS).mul(CONVERGENCE_TOL))
                        .max(tpn.sub(tp).lanewise(ABS).sub(tpn.lanewise(ABS).mul(CONVERGENCE_TOL)))
                        .max(tqn.sub(tq).lanewise(ABS).sub(tqn.lanewise(ABS).mul(CONVERGENCE_TOL)));
                done = done.blend(1.0, excess.compare(LE, 0.0));
                f = bm1;
                tp = tpn;
                tq = tqn;
                dOdd = dNext;
                dOddP = dNextP;
                dOddQ = dNextQ;
                if (!done.compare(EQ, 0.0).anyTrue()) {
                    break;
                }
            }
            f.blend(Double.NaN, done.compare(EQ, 0.0)).intoArray(st.s0, i);
            tp.intoArray(st.s1, i);
            tq.intoArray(st.s2, i);
        }
    }

    /** Fraction CDF: lower I = e^L f, upper I = 1 - e^L f. */
    private static void fractionCdf(VectorSpecies<Double> sp, Stages st, double[] out, int from, int to) {
        for (int i = from; i < to; i += sp.length()) {
            DoubleVector ef = DoubleVector.fromArray(sp, st.l, i).lanewise(EXP).mul(DoubleVector.fromArray(sp, st.s0, i));
            VectorMask<Double> upper = DoubleVector.fromArray(sp, st.up, i).compare(NE, 0.0);
            ef.blend(ef.neg().add(1.0), upper).intoArray(out, i);
        }
    }

    /** The requested channel of the fraction into st.s1: lower (T_p, T_q), upper (-T_q, -T_p). */
    private static void fractionChannel(VectorSpecies<Double> sp, Stages st, boolean channelA, int from, int to) {
        for (int i = from; i < to; i += sp.length()) {
            DoubleVector tp = DoubleVector.fromArray(sp, st.s1, i);
            DoubleVector tq = DoubleVector.fromArray(sp, st.s2, i);
            VectorMask<Double> upper = DoubleVector.fromArray(sp, st.up, i).compare(NE, 0.0);
            DoubleVector t = channelA ? tp.blend(tq.neg(), upper) : tq.blend(tp.neg(), upper);
            // NaN marks lanes to recompute (s0 not converged)
            t.add(DoubleVector.fromArray(sp, st.s0, i).mul(0.0)).intoArray(st.s1, i);
        }
    }

    /** Fraction gradients: -(dI/dtheta)/density, prefactor/density = x (1 - x)/p. */
    private static void fractionGradStage(VectorSpecies<Double> sp, double[] xx, Stages st, boolean channelA,
            double[] out, int from, int to) {
        fractionChannel(sp, st, channelA, from, to);
        for (int i = from; i < to; i += sp.length()) {
            DoubleVector x = DoubleVector.fromArray(sp, xx, i);
            DoubleVector p = DoubleVector.fromArray(sp, st.p, i);
            DoubleVector t = DoubleVector.fromArray(sp, st.s1, i);
            x.mul(x.neg().add(1.0)).div(p).mul(t).neg().intoArray(out, i);
        }
    }
}
