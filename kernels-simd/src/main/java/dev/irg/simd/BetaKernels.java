package dev.irg.simd;

import static dev.irg.math.BetaConstants.SUBNORMAL_PROXY;
import static dev.irg.math.BetaConstants.CONVERGENCE_TOL;
import static dev.irg.math.BetaConstants.DIGAMMA_SPLIT;
import static dev.irg.math.BetaConstants.STIRLING_MIN;
import static dev.irg.math.BetaConstants.FRACTION_CAP_BASE;
import static dev.irg.math.BetaConstants.FRACTION_CAP_PER_SQRT;
import static dev.irg.math.BetaConstants.FRACTION_MAX_ITER;
import static dev.irg.math.BetaConstants.REGION_FRACTION_LOWER;
import static dev.irg.math.BetaConstants.REGION_FRACTION_UPPER;
import static dev.irg.math.BetaConstants.REGION_ONE;
import static dev.irg.math.BetaConstants.REGION_SERIES_LOWER;
import static dev.irg.math.BetaConstants.REGION_SERIES_UPPER;
import static dev.irg.math.BetaConstants.REGION_ZERO;
import static dev.irg.math.BetaConstants.SERIES_MAX_ITER;
import static dev.irg.math.BetaConstants.SERIES_QU_MAX;
import static dev.irg.math.BetaConstants.SERIES_U_MAX;
import static jdk.incubator.vector.VectorOperators.ABS;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.EXPM1;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LOG;
import static jdk.incubator.vector.VectorOperators.LOG1P;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NE;
import static jdk.incubator.vector.VectorOperators.SQRT;

import dev.irg.Distribution;
import dev.irg.Op;
import dev.irg.math.BetaConstants;
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
 *   <li>continued fraction, by u / switch point (FRACTION_KEYS): from at most 10 steps far below
 *       it to a tail of hundreds next to it (a = b = 1e6 at x = 1/2: 569).</li>
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
    /**
     * Largest parameter the vector stages evaluate: they form a few products of three parameter-sized
     * factors (one reciprocal for several divisions), which must neither overflow nor lose precision
     * as subnormals (below about 1e102). Beyond it the scalar code decides (docs/beta.md, "Domain"):
     * from BetaConstants.GAMMA_LIMIT_MIN (2^320, about 2.1e96) on, a huge parameter next to a moderate one
     * is evaluated by its limits there (IncompleteBeta.gammaLimit).
     */
    static final double PARAMETER_VECTOR_MAX = BetaConstants.GAMMA_LIMIT_MIN;
    /**
     * Smallest parameter the vector stages evaluate (2^-500, about 3e-151): the drop of log x - psi(x) forms
     * p / (z (z+p) (z+p+1)) with one reciprocal, whose product underflows for parameters below ~1e-154
     * (dI/da off by 1e-5 at a = b = 1e-160; found by the API fuzz). Below it the scalar code decides.
     */
    static final double PARAMETER_VECTOR_MIN = 0x1p-500;
    /**
     * Elements whose smaller parameter exceeds this go to the scalar code. There the continued fraction
     * takes thousands of steps next to the switch point (up to ~1e5 at 1e12, docs/beta.md), and the
     * vector code's rounding (reciprocals multiplied where the scalar code divides) drifts from the
     * scalar code's over that many steps by more than the 1e-12 of the equivalence checks: measured
     * (BetaKernelsTest.largeParametersMatchTheScalarReference with 2400 points, vector path forced)
     * at most 6.0e-13 for min(a, b) in [1e6, 1e7), 1.3e-12 in [1e7, 1e8), 5.1e-12 in [1e9, 1e10),
     * 3.9e-11 in [1e12, 1e14), and next to the scalar cap one side converged where the other did not
     * (NaN against a value). Such elements are rare in practice and slow anyway (the steps dominate).
     */
    static final double SCALAR_MIN_PARAMETER = 1e7;

    /**
     * Relative convergence tolerance of the series and the continued fraction for float32 results, in place of
     * BetaConstants.CONVERGENCE_TOL (4.4e-16), as GammaKernels.F32_SUM_TOLERANCE: 2^-30 is 128 times below float32's
     * rounding unit. Measured (fifteenth session): every Beta golden table's float32 max, p99 and median unchanged in
     * their printed digits but one p99 (4.98e-8 -> 4.99e-8, `pytorch_127387` CDF); the float32 pair on the report's
     * samples 99.4-106.8 -> 74.6-75.8 ns per element, above min(a, b) = 1e4 570-574 -> 323-348 (docs/simd.md, "Both
     * Beta gradients in one pass"). Lanes that do not converge go to the scalar code at full precision, as in float64.
     */
    static final double F32_CONVERGENCE_TOL = 0x1p-30;

    private static double tolerance(dev.irg.Precision precision) {
        return precision == dev.irg.Precision.F32 ? F32_CONVERGENCE_TOL : CONVERGENCE_TOL;
    }

    /** Driver region: invalid operands, x = 0 or x = 1 (closed form, per element). */
    static final int EDGE = 0;
    /** Driver regions of the power series (both sides), bands 0..2 of u (1 + q). */
    static final int SERIES_0 = 1;
    /** Driver regions of the continued fraction (both sides), bands 0..3 of u / switch point. */
    static final int FRACTION_0 = 4;
    private static final int REGIONS = 8;

    /**
     * Series band edges on u (1 + q) (u the series variable, q the other parameter): the series
     * term ratio is about max(u, q u / j); measured, u (1 + q) &lt; 1e-3 needs at most 7 terms and
     * &lt; 0.1 at most 18, while the rest needs up to 56 (beta_iteration_spread.py).
     */
    static final double SERIES_SHORT_KEY = 1e-3;
    /** Second series band edge, see SERIES_SHORT_KEY. */
    static final double SERIES_MID_KEY = 0.1;
    /**
     * Fraction band edges on u / ((p + 1)/(p + q + 2)) (u relative to the switch point): measured
     * (beta_iteration_spread.py inputs, 3000 fraction elements), below 0.5 the fraction needs at most
     * 10 steps (slowest of 8 lanes: 5 on average), below 0.9 at most 26 (11), below 0.99 at most 41
     * (22), above up to a few hundred (58; the count grows like sqrt(min(p, q)) at the switch point).
     */
    static final double[] FRACTION_KEYS = {0.5, 0.9, 0.99};

    /**
     * Series terms a vector runs before its open lanes go to the scalar code: the scalar series
     * needs at most 56 terms on the domain (BetaConstants.SERIES_MAX_ITER's comment), so in
     * practice no lane falls back.
     */
    static final int SERIES_VECTOR_BUDGET = 64;
    /**
     * Ceiling on the fraction steps a vector lane runs before its element goes to the scalar code; each
     * lane stops at its element's own scalar cap (IncompleteBeta.fractionCap, at most this). The scalar
     * cap itself: a budget of 128 (the slowest of 8 lanes on the JMH inputs needs at most ~60 steps)
     * measured slower on samples drawn from Beta(a, b) (irg bench inputs: x next to the switch
     * point, hundreds of steps for large a, b): there the lanes past the budget were recomputed
     * from the start by the scalar code (1.26 against 1.44 M elements/s, dz/da and dz/db, f64).
     */
    static final int FRACTION_VECTOR_BUDGET = FRACTION_MAX_ITER;

    /**
     * Groups of {@link #parameterGroup}. The prefactor and its derivatives have branches per
     * parameter size (log Gamma by Stirling for p, q &ge; STIRLING_MIN, psi(1 + p) below
     * DIGAMMA_SPLIT); with a, b log-uniform, a vector of 8 random lanes nearly always holds lanes
     * of every branch and so evaluated all of them. Sorting each run by the branch pair first lets
     * most vectors take one: measured (Scratch harness, 512-bit, BETA_DCDF_DA) the prefactor went
     * from 90 to ~35 ns per element.
     */
    static final int PARAMETER_GROUPS = 11;

    /**
     * Group 3 (both parameters large) is split further by the decade of min(p, q) (groups 6..10): near
     * the switch point the continued fraction needs ~sqrt(min(p, q)) steps (docs/beta.md: 569 at
     * a = b = 1e6), and samples drawn from Beta(a, b) (the inputs of irg bench) sit there; a vector
     * runs as long as its slowest lane.
     */
    static final double[] MIN_PARAMETER_EDGES = {1e2, 1e3, 1e4, 1e5};

    /**
     * The group of an element of a series or fraction region: which of the oriented parameters
     * (p, q) are at least STIRLING_MIN (4 cases), the two cases with p &lt; STIRLING_MIN split
     * again at DIGAMMA_SPLIT, the case of both large by the decade of min(p, q)
     * (MIN_PARAMETER_EDGES). Only an ordering: any grouping gives the same results.
     */
    static int parameterGroup(double a, double b, double x) {
        boolean upper = x * (a + b + 2) > a + 1;
        double p = upper ? b : a;
        double q = upper ? a : b;
        int g = (p >= STIRLING_MIN ? 1 : 0) + (q >= STIRLING_MIN ? 2 : 0);
        if (g == 3) {
            int decade = 6;
            for (double edge : MIN_PARAMETER_EDGES) {
                decade += Math.min(p, q) >= edge ? 1 : 0;
            }
            return decade;
        }
        return g == 0 || g == 2 ? (p < DIGAMMA_SPLIT ? g / 2 + 4 : g) : g;
    }

    /** {@link #parameterGroup} of elements from .. to-1 (whole vectors) into key[0 ..), by compares and blends. */
    private static void groupStage(double[] aa, double[] bb, double[] xx, double[] key,
            int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector a = DoubleVector.fromArray(SP, aa, i);
            DoubleVector b = DoubleVector.fromArray(SP, bb, i);
            DoubleVector x = DoubleVector.fromArray(SP, xx, i);
            VectorMask<Double> upper = x.mul(a.add(b).add(2.0)).compare(GT, a.add(1.0));
            DoubleVector p = a.blend(b, upper);
            DoubleVector q = b.blend(a, upper);
            DoubleVector zero = a.broadcast(0.0);
            DoubleVector g = zero.blend(1.0, p.compare(GE, STIRLING_MIN)).add(zero.blend(2.0, q.compare(GE, STIRLING_MIN)));
            g = g.blend(g.mul(0.5).add(4.0), p.compare(LT, DIGAMMA_SPLIT));
            // both large: by decade of min(p, q), on which the fraction's step count near the switch
            // point depends (~ sqrt(min(p, q)))
            DoubleVector mn = p.blend(q, q.compare(LT, p));
            DoubleVector decade = zero.add(6.0);
            for (double edge : MIN_PARAMETER_EDGES) {
                decade = decade.add(zero.blend(1.0, mn.compare(GE, edge)));
            }
            g.blend(decade, g.compare(EQ, 3.0)).intoArray(key, i - from);
        }
    }

    private static final VectorSpecies<Double> SP = Lanes.SD;

    BetaKernels() {
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
        double[] code = STAGES.get().ensure(m).code;
        classifyStage(a, b, x, code, m);
        for (int i = 0; i < m; i++) {
            region[i] = (byte) code[i];
        }
    }

    /**
     * {@link #driverRegion} of elements 0 .. m-1 into {@code code} with vector compares and blends:
     * the same expressions (IEEE arithmetic gives the same roundings) and thresholds, so the same
     * regions (BetaKernelsTest checks it). The per-element scalar version spent ~15 % of the kernel's
     * time in mispredicted branches (JFR, random operands).
     */
    private static void classifyStage(double[] aa, double[] bb, double[] xx, double[] code,
            int m) {
        for (int i = 0; i < m; i += SP.length()) {
            DoubleVector a = DoubleVector.fromArray(SP, aa, i);
            DoubleVector b = DoubleVector.fromArray(SP, bb, i);
            DoubleVector x = DoubleVector.fromArray(SP, xx, i);
            DoubleVector y = x.neg().add(1.0);
            VectorMask<Double> upper = x.mul(a.add(b).add(2.0)).compare(GT, a.add(1.0));
            DoubleVector p = a.blend(b, upper);
            DoubleVector q = b.blend(a, upper);
            DoubleVector u = x.blend(y, upper);
            DoubleVector zero = a.broadcast(0.0);
            // series iff u <= SERIES_U_MAX and q u <= SERIES_QU_MAX, i.e. the larger excess is <= 0
            DoubleVector e1 = u.sub(SERIES_U_MAX);
            DoubleVector e2 = q.mul(u).sub(SERIES_QU_MAX);
            VectorMask<Double> series = e1.blend(e2, e2.compare(GT, e1)).compare(LE, 0.0);
            DoubleVector key = u.mul(q.add(1.0));
            DoubleVector seriesCode = zero.add(SERIES_0).add(zero.blend(1.0, key.compare(GE, SERIES_SHORT_KEY)))
                    .add(zero.blend(1.0, key.compare(GE, SERIES_MID_KEY)));
            DoubleVector w = u.mul(p.add(q).add(2.0));
            DoubleVector sw = p.add(1.0);
            DoubleVector fractionCode = zero.add(FRACTION_0);
            for (double k : FRACTION_KEYS) {
                fractionCode = fractionCode.add(zero.blend(1.0, w.compare(GE, sw.mul(k))));
            }
            DoubleVector c = fractionCode.blend(seriesCode, series);
            // EDGE unless 0 < a, b < infinity and 0 < x < 1 (NaN fails every compare)
            c = zero.blend(c, a.compare(GT, 0.0));
            c = zero.blend(c, b.compare(GT, 0.0));
            c = zero.blend(c, a.compare(LT, Double.POSITIVE_INFINITY));
            c = zero.blend(c, b.compare(LT, Double.POSITIVE_INFINITY));
            c = zero.blend(c, x.compare(GT, 0.0));
            c = zero.blend(c, x.compare(LT, 1.0));
            c.intoArray(code, i);
        }
    }

    /** The driver region of one element (IncompleteBeta.classify, then the band): the specification of classify. */
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
            // u / switch point, compared without dividing
            double w = u * (p + q + 2);
            double sw = p + 1;
            return FRACTION_0 + (w < FRACTION_KEYS[0] * sw ? 0 : w < FRACTION_KEYS[1] * sw ? 1 : w < FRACTION_KEYS[2] * sw ? 2 : 3);
        }
        return EDGE;
    }

    @Override
    public void evaluate(Op op, int code, double[] a, double[] b, double[] x, double[] out, int from, int to) {
        evaluate(op, code, dev.irg.Precision.F64, a, b, x, out, from, to);
    }

    /**
     * The sums and the fraction stop at CONVERGENCE_TOL for float64 results, at F32_CONVERGENCE_TOL for float32
     * results (the driver passes the precision).
     */
    @Override
    public void evaluate(Op op, int code, dev.irg.Precision precision, double[] a, double[] b, double[] x, double[] out,
            int from, int to) {
        double tol = tolerance(precision);
        int which = IncompleteBeta.outIndex(op);
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
        Stages st = STAGES.get();
        // the run, regrouped by the branches its lanes take (see PARAMETER_GROUPS): from here on every
        // stage works on st.a, st.b, st.x over [0, m)
        int m = st.group(a, b, x, from, to);
        double[] ga = st.a;
        double[] gb = st.b;
        double[] gx = st.x;
        double[] gout = st.out;
        orientStage(ga, gb, gx, st, 0, m);
        if (cdf || dcdf) {
            VectorBetaFunctions.logPrefactorStage(st, !series, 0, m);
        }
        if (!cdf) {
            VectorBetaFunctions.derivativeStage(st, series, 0, m);
        }
        if (series) {
            if (cdf) {
                seriesValueStage(st, tol, 0, m);
            } else {
                seriesStage(st, tol, 0, m);
            }
        } else if (cdf) {
            fractionValueStage(st, tol, 0, m);
        } else {
            fractionStage(st, channelA, tol, 0, m);
        }
        if (cdf) {
            if (series) {
                seriesCdf(st, gout, 0, m);
            } else {
                fractionCdf(st, gout, 0, m);
            }
        } else if (dcdf) {
            if (series) {
                seriesChannel(st, channelA, st.s1, 0, m);
            } else {
                fractionChannel(st, 0, m);
            }
            dcdfStage(st, st.s1, gout, 0, m);
        } else if (series) {
            seriesGradStage(st, channelA, gout, 0, m);
        } else {
            fractionGradStage(gx, st, gout, 0, m);
        }
        // lanes that did not converge within the vector budget carry NaN, as do lanes whose sums
        // overflowed: the scalar region code (caps, NaN rule) decides them
        int[] perm = st.perm;
        for (int j = 0; j < to - from; j++) {
            int i = from + perm[j];
            double v = gout[j];
            if (!Double.isFinite(v)) {
                v = scalar(a[i], b[i], x[i], which);
            }
            out[i] = v;
        }
    }

    /** The pairs computed in one pass: the two derivatives (dI/da, dI/db) or the two gradients (dz/da, dz/db), either order. */
    @Override
    public boolean fuses(Op op0, Op op1) {
        return op0 == Op.BETA_GRAD_A && op1 == Op.BETA_GRAD_B || op0 == Op.BETA_GRAD_B && op1 == Op.BETA_GRAD_A
                || op0 == Op.BETA_DCDF_DA && op1 == Op.BETA_DCDF_DB || op0 == Op.BETA_DCDF_DB && op1 == Op.BETA_DCDF_DA;
    }

    /**
     * Both channels of a derivative or gradient pair ({@link #fuses}) in one pass: the stages of
     * {@link #evaluate} once (grouping, orientation, prefactor derivatives; the series' three sums already carry
     * both channels), the continued fraction with both derivatives in each step ({@link #fractionStepBoth},
     * converged on f, T_p and T_q as the scalar code), then each channel's last stage.
     */
    @Override
    public void evaluatePair(Op op0, Op op1, int code, dev.irg.Precision precision, double[] a, double[] b, double[] x,
            double[] out0, double[] out1, int from, int to) {
        int w0 = IncompleteBeta.outIndex(op0);
        int w1 = IncompleteBeta.outIndex(op1);
        if (code == EDGE) {
            for (int i = from; i < to; i++) {
                out0[i] = edge(a[i], b[i], x[i], w0);
                out1[i] = edge(a[i], b[i], x[i], w1);
            }
            return;
        }
        double tol = tolerance(precision);
        boolean series = code < FRACTION_0;
        boolean dcdf = op0 == Op.BETA_DCDF_DA || op0 == Op.BETA_DCDF_DB;
        boolean firstA = op0 == Op.BETA_GRAD_A || op0 == Op.BETA_DCDF_DA;
        Stages st = STAGES.get();
        int m = st.group(a, b, x, from, to);
        orientStage(st.a, st.b, st.x, st, 0, m);
        if (dcdf) {
            VectorBetaFunctions.logPrefactorStage(st, !series, 0, m);
        }
        VectorBetaFunctions.derivativeStage(st, series, 0, m);
        // the channels dI/da and dI/db before the prefactor e^L (or the gradient's factor): chA, chB
        if (series) {
            seriesStage(st, tol, 0, m);
            seriesChannel(st, true, st.s3, 0, m);  // reads s0..s2
            seriesChannel(st, false, st.s2, 0, m); // reads s0..s2, writes each s2 element after reading it
        } else {
            fractionStageBoth(st, tol, 0, m);
            fractionChannels(st, 0, m);
        }
        double[] chA = series ? st.s3 : st.s1;
        double[] chB = st.s2;
        double[] outA = firstA ? st.out : st.out2;
        double[] outB = firstA ? st.out2 : st.out;
        if (dcdf) {
            dcdfStage(st, chA, outA, 0, m);
            dcdfStage(st, chB, outB, 0, m);
        } else {
            gradPair(series, st, chA, chB, outA, outB, 0, m);
        }
        // lanes not finite in either output: both by the scalar code (as evaluate)
        int[] perm = st.perm;
        double[] r = st.scalarOut;
        for (int j = 0; j < to - from; j++) {
            int i = from + perm[j];
            double v0 = st.out[j];
            double v1 = st.out2[j];
            if (!Double.isFinite(v0) || !Double.isFinite(v1)) {
                IncompleteBeta.evaluate(a[i], b[i], x[i], r);
                v0 = r[w0];
                v1 = r[w1];
            }
            out0[i] = v0;
            out1[i] = v1;
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
        double[] a = new double[0];   // the run's operands and results, grouped (see group)
        double[] b = new double[0];
        double[] x = new double[0];
        double[] out = new double[0];
        double[] out2 = new double[0]; // the second output of a pair (evaluatePair)
        int[] perm = new int[0];      // grouped position -> position in the run
        int[] order = new int[0];     // the fraction's elements, channel p first (fractionStage)
        final int[] count = new int[PARAMETER_GROUPS + 1];
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
        double[] s3 = new double[0];  // a pair's second series channel (evaluatePair)
        final double[] scalarOut = new double[IncompleteBeta.OUT_LENGTH];
        double[] code = new double[0]; // branch of the log prefactor (VectorBetaFunctions)
        double[] fb = new double[0];  // state of the lanes of the fraction with derivatives
        double[] fs = new double[0];  // start state of every element (BOTH_START_SLOTS x fsStride: either layout)
        int fsStride;
        final int[] laneElement = new int[8];  // element each lane works on (-1: idle)

        /**
         * Copies elements {@code from .. to-1} into a, b, x grouped by {@link #parameterGroup} (a
         * counting sort), pads to a whole number of vectors by repeating the last element, and
         * returns the padded length.
         */
        int group(double[] aa, double[] bb, double[] xx, int from, int to) {
            int lanes = SP.length();
            int n = to - from;
            int m = (n + lanes - 1) / lanes * lanes;
            ensure(m);
            java.util.Arrays.fill(count, 0);
            double[] key = code;
            groupStage(aa, bb, xx, key, from, to);
            for (int i = 0; i < n; i++) {
                count[(int) key[i] + 1]++;
            }
            for (int g = 0; g < PARAMETER_GROUPS; g++) {
                count[g + 1] += count[g];
            }
            for (int i = 0; i < n; i++) {
                int j = count[(int) key[i]]++;
                perm[j] = i;
                a[j] = aa[from + i];
                b[j] = bb[from + i];
                x[j] = xx[from + i];
            }
            for (int j = n; j < m; j++) {
                a[j] = a[n - 1];
                b[j] = b[n - 1];
                x[j] = x[n - 1];
            }
            return m;
        }

        Stages ensure(int n) {
            if (fb.length == 0) {
                fb = new double[BOTH_SLOTS * 8];
            }
            if (fsStride < n) {
                fs = new double[BOTH_START_SLOTS * n];
                fsStride = n;
            }
            if (a.length < n) {
                a = new double[n];
                b = new double[n];
                x = new double[n];
                out = new double[n];
                out2 = new double[n];
                perm = new int[n];
                order = new int[n];
            }
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
                s3 = new double[n];
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
    private static void orientStage(double[] aa, double[] bb, double[] xx, Stages st,
            int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector a = DoubleVector.fromArray(SP, aa, i);
            DoubleVector b = DoubleVector.fromArray(SP, bb, i);
            DoubleVector x = DoubleVector.fromArray(SP, xx, i);
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
            // parameters from PARAMETER_VECTOR_MAX on, both beyond SCALAR_MIN_PARAMETER, one below
            // PARAMETER_VECTOR_MIN or below the other times SUBNORMAL_PROXY (2^-1000: quotients of the
            // parameters may overflow, and the
            // subnormal-parameter limits live in the scalar code; found by the API fuzz, where the vector
            // stages gave -0 for dI/da at a = 2.2e-308, b = 0.86): p = NaN makes every output NaN, so the
            // scalar code decides
            DoubleVector pMin = p.min(q);
            p.blend(Double.NaN, p.max(q).compare(GE, PARAMETER_VECTOR_MAX))
                    .blend(Double.NaN, pMin.compare(GT, SCALAR_MIN_PARAMETER))
                    .blend(Double.NaN, pMin.compare(LT, PARAMETER_VECTOR_MIN))
                    .blend(Double.NaN, pMin.compare(LT, p.max(q).mul(SUBNORMAL_PROXY))).intoArray(st.p, i);
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
    private static void seriesValueStage(Stages st, double tol, int from, int to) {
        int cap = Math.min(SERIES_MAX_ITER, SERIES_VECTOR_BUDGET);
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector p = DoubleVector.fromArray(SP, st.p, i);
            DoubleVector q = DoubleVector.fromArray(SP, st.q, i);
            DoubleVector u = DoubleVector.fromArray(SP, st.u, i);
            DoubleVector c = p.broadcast(1.0);
            DoubleVector sum = p.broadcast(0.0);
            DoubleVector done = p.broadcast(0.0);
            for (int j = 1; j <= cap; j++) {
                c = c.mul(q.neg().add(j)).mul(u.mul(1.0 / j));
                DoubleVector t = c.div(p.add(j));
                sum = sum.add(t);
                done = done.blend(1.0, t.lanewise(ABS).compare(LE, sum.lanewise(ABS).mul(tol)));
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
    private static void seriesStage(Stages st, double tol, int from, int to) {
        int cap = Math.min(SERIES_MAX_ITER, SERIES_VECTOR_BUDGET);
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector p = DoubleVector.fromArray(SP, st.p, i);
            DoubleVector q = DoubleVector.fromArray(SP, st.q, i);
            DoubleVector u = DoubleVector.fromArray(SP, st.u, i);
            DoubleVector c = p.broadcast(1.0);
            DoubleVector cq = p.broadcast(0.0);
            DoubleVector sum = p.broadcast(0.0);
            DoubleVector sumQ = p.broadcast(0.0);
            DoubleVector sumP = p.broadcast(0.0);
            DoubleVector done = p.broadcast(0.0);
            for (int j = 1; j <= cap; j++) {
                DoubleVector step = u.mul(1.0 / j);
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
                // (a NaN in the second or third excess is dropped: that lane's sums are not finite
                // and it is recomputed by the scalar code)
                DoubleVector e0 = t.lanewise(ABS).sub(sum.lanewise(ABS).mul(tol));
                DoubleVector e1 = tq.lanewise(ABS).sub(sumQ.lanewise(ABS).mul(tol));
                DoubleVector e2 = tp.lanewise(ABS).sub(sumP.lanewise(ABS).mul(tol));
                DoubleVector excess = e0.blend(e1, e1.compare(GT, e0));
                excess = excess.blend(e2, e2.compare(GT, excess));
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
    private static void seriesCdf(Stages st, double[] out, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector p = DoubleVector.fromArray(SP, st.p, i);
            DoubleVector le = DoubleVector.fromArray(SP, st.l, i);
            DoubleVector sum = DoubleVector.fromArray(SP, st.s0, i);
            VectorMask<Double> upper = DoubleVector.fromArray(SP, st.up, i).compare(NE, 0.0);
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
     * (-T_q, -T_p) e^E. Into {@code into} (the channel), before the exponential factor; element i is written after
     * st.s0..s2 at i are read, so {@code into} may be one of them.
     */
    private static void seriesChannel(Stages st, boolean channelA, double[] into, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector p = DoubleVector.fromArray(SP, st.p, i);
            DoubleVector sum = DoubleVector.fromArray(SP, st.s0, i);
            DoubleVector sumQ = DoubleVector.fromArray(SP, st.s1, i);
            DoubleVector sumP = DoubleVector.fromArray(SP, st.s2, i);
            VectorMask<Double> upper = DoubleVector.fromArray(SP, st.up, i).compare(NE, 0.0);
            DoubleVector w = p.mul(sum).add(1.0);
            DoubleVector tp = w.mul(DoubleVector.fromArray(SP, st.lp, i)).add(sumP);
            DoubleVector tq = w.mul(DoubleVector.fromArray(SP, st.lq, i)).add(p.mul(sumQ));
            DoubleVector t = channelA ? tp.blend(tq.neg(), upper) : tq.blend(tp.neg(), upper);
            t.intoArray(into, i); // NaN where s0 (and so w) is NaN: recomputed
        }
    }

    /** Series gradients: -(dI/dtheta)/density, e^E/density = u v^(1-q)/p. */
    private static void seriesGradStage(Stages st, boolean channelA, double[] out, int from,
            int to) {
        seriesChannel(st, channelA, st.s1, from, to);
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector p = DoubleVector.fromArray(SP, st.p, i);
            DoubleVector q = DoubleVector.fromArray(SP, st.q, i);
            DoubleVector u = DoubleVector.fromArray(SP, st.u, i);
            DoubleVector lv = DoubleVector.fromArray(SP, st.lv, i);
            DoubleVector t = DoubleVector.fromArray(SP, st.s1, i);
            DoubleVector g = u.mul(q.neg().add(1.0).mul(lv).lanewise(EXP)).div(p);
            g.mul(t).neg().intoArray(out, i);
        }
    }

    /** dI/da or dI/db, series or fraction: the channel in {@code ch} times the prefactor e^L. */
    private static void dcdfStage(Stages st, double[] ch, double[] out, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector t = DoubleVector.fromArray(SP, ch, i);
            DoubleVector.fromArray(SP, st.l, i).lanewise(EXP).mul(t).intoArray(out, i);
        }
    }

    /**
     * A pair's gradients, -(dI/dtheta)/density for both channels (chA, chB) with one factor: the series' e^E/density
     * = u v^(1-q)/p (seriesGradStage), the fraction's prefactor/density = x (1 - x)/p (fractionGradStage).
     */
    private static void gradPair(boolean series, Stages st, double[] chA, double[] chB, double[] outA, double[] outB,
            int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector p = DoubleVector.fromArray(SP, st.p, i);
            DoubleVector g;
            if (series) {
                DoubleVector q = DoubleVector.fromArray(SP, st.q, i);
                DoubleVector lv = DoubleVector.fromArray(SP, st.lv, i);
                g = DoubleVector.fromArray(SP, st.u, i).mul(q.neg().add(1.0).mul(lv).lanewise(EXP)).div(p);
            } else {
                DoubleVector x = DoubleVector.fromArray(SP, st.x, i);
                g = x.mul(x.neg().add(1.0)).div(p);
            }
            g.mul(DoubleVector.fromArray(SP, chA, i)).neg().intoArray(outA, i);
            g.mul(DoubleVector.fromArray(SP, chB, i)).neg().intoArray(outB, i);
        }
    }

    // ---- continued fraction ----------------------------------------------------------------------

    /**
     * The fraction f alone into st.s0 (CDF), converged on f; NaN where not converged within the lane's
     * cap (laneCap). The vector runs until every lane has converged or reached its cap; the step of
     * first convergence is kept per lane, so a lane that converges only after its own cap is NaN, as
     * in the scalar code.
     */
    private static void fractionValueStage(Stages st, double tol, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector p = DoubleVector.fromArray(SP, st.p, i);
            DoubleVector q = DoubleVector.fromArray(SP, st.q, i);
            DoubleVector cap = laneCap(p, q);
            DoubleVector u = DoubleVector.fromArray(SP, st.u, i);
            DoubleVector v = DoubleVector.fromArray(SP, st.v, i);
            DoubleVector d = DoubleVector.fromArray(SP, st.d, i);
            DoubleVector pq = p.add(q);
            DoubleVector b0 = d.neg().add(1.0).div(p.add(1.0));
            DoubleVector s = b0.broadcast(1.0).div(b0);
            DoubleVector am2 = s.add(0.0);
            DoubleVector bm2 = p.broadcast(0.0);
            DoubleVector bm1 = s.add(0.0);
            DoubleVector f = s.add(0.0);
            DoubleVector dOdd = pq.neg().mul(u).div(p.add(1.0));
            DoubleVector pd = p.mul(d);
            DoubleVector never = p.broadcast(Double.POSITIVE_INFINITY);
            DoubleVector doneAt = never; // step of first convergence
            DoubleVector stop = cap;     // min(doneAt, cap)
            for (int k = 1; k <= FRACTION_VECTOR_BUDGET; k++) {
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
                doneAt = doneAt.min(never.blend(k, bm1.sub(f).lanewise(ABS).compare(LE, bm1.lanewise(ABS).mul(tol))));
                f = bm1;
                dOdd = dNext;
                stop = stop.min(doneAt);
                if (!stop.compare(GT, k).anyTrue()) {
                    break;
                }
            }
            f.blend(Double.NaN, doneAt.compare(GT, cap)).intoArray(st.s0, i);
        }
    }

    // Slots of the per-lane state of the fraction with one derivative (Stages.fb, L lanes each); the
    // first START_SLOTS are also the per-element start state (Stages.fs). "D" is the derivative the
    // operation needs: by p for a lower dI/da or dz/da and an upper dI/db or dz/db (channel p), else by q.
    private static final int AM2 = 0;
    private static final int BM2 = 1;
    private static final int BM1 = 2;
    private static final int ADM2 = 3;
    private static final int ADM1 = 4;
    private static final int BDM2 = 5;
    private static final int BDM1 = 6;
    private static final int DODD = 7;
    private static final int DODDD = 8;
    private static final int F = 9;
    private static final int TD = 10;
    private static final int LD = 11;
    /** Slots of the start state of one element. */
    static final int START_SLOTS = 12;
    private static final int P = 12;
    private static final int Q = 13;
    private static final int U = 14;
    private static final int V = 15;
    private static final int D = 16;
    private static final int K = 17;
    private static final int CAP = 18;
    /** Number of state slots per lane. */
    static final int FRACTION_SLOTS = 19;

    // Slots of the per-lane state of the fraction with both derivatives (evaluatePair): the slots 0 .. 11 above with
    // "D" the derivative by p, then the q-derivative's, then the operands as above from BOTH_START_SLOTS on.
    private static final int AQM2 = 12;
    private static final int AQM1 = 13;
    private static final int BQM2 = 14;
    private static final int BQM1 = 15;
    private static final int DODDQ = 16;
    private static final int TQ = 17;
    private static final int LQ = 18;
    /** Slots of the start state of one element, both derivatives. */
    static final int BOTH_START_SLOTS = 19;
    /** Number of state slots per lane, both derivatives. */
    static final int BOTH_SLOTS = BOTH_START_SLOTS + FRACTION_SLOTS - START_SLOTS;

    /**
     * f and the one channel the operation needs, T_p = f L_p + f_p or T_q = f L_q + f_q (channelA and the
     * element's side decide: channel p for a lower dI/da or dz/da and an upper dI/db or dz/db), into st.s0, s1
     * by the three-term recurrence with that derivative, rescaled every step (IncompleteBeta.fraction carries
     * both: the vector stage carries one, ~20 % fewer operations per step); s0 NaN where not converged. The
     * elements of channel p run first, then those of channel q, so that every step computes the coefficient
     * derivatives of one channel only (blending both cost 14 % more time on the report's Beta inputs with
     * min(a, b) &ge; 1e4, docs/simd.md "Beta speed").
     *
     * <p>Persistent lanes: the lanes of one vector take the run's elements one after another, and a
     * lane whose element has converged (or reached the budget) writes its results and takes the next
     * element at once, each lane at its own step k. So a vector does not wait for its slowest lane:
     * next to the switch point the step counts of neighbouring elements differ by orders of magnitude
     * (~sqrt(min(p, q))), and running each vector to its slowest lane left most lanes idle. One step is
     * one method that keeps the lanes' state in Stages.fb: written as one loop with the lanes' bookkeeping,
     * the method was too large for the JIT to compile every vector operation to its intrinsic (JFR: most of
     * its time in the Vector API's Java fallback); as two methods (coefficients, then recurrence) the second
     * one's first loads waited for the first one's stores (JFR put most samples on them; 12 % slower).
     */
    private static void fractionStage(Stages st, boolean channelA, double tol, int from, int to) {
        fractionStartStage(st, channelA, from, to);
        int[] order = st.order;
        int byP = 0;
        int byQ = to - from;
        for (int e = from; e < to; e++) {
            if (channelA == (st.up[e] == 0)) {
                order[byP++] = e;
            } else {
                order[--byQ] = e;
            }
        }
        fractionLanes(st, order, 0, byP, CHANNEL_P, tol);
        fractionLanes(st, order, byP, to - from, CHANNEL_Q, tol);
    }

    /** Channels of {@link #fractionLanes}: the derivative by p, by q, or both (a pair, {@link #fractionStepBoth}). */
    private static final int CHANNEL_P = 0;
    private static final int CHANNEL_Q = 1;
    private static final int CHANNEL_BOTH = 2;

    /**
     * The persistent lanes (see fractionStage) over the elements order[from .. to-1], all of one channel (or both):
     * f into st.s0, the channel's T into st.s1 (both: T_p into st.s1, T_q into st.s2).
     */
    private static void fractionLanes(Stages st, int[] order, int from, int to, int channel, double tol) {
        int n = SP.length();
        double[] fb = st.fb;
        int[] element = st.laneElement;
        boolean both = channel == CHANNEL_BOTH;
        int start = both ? BOTH_START_SLOTS : START_SLOTS;
        int next = from;
        long busy = 0;  // the lanes with an element, as bits
        for (int j = 0; j < n; j++) {
            element[j] = next < to ? order[next++] : -1;
            if (element[j] >= 0) {
                refill(st, fb, n, j, element[j], start);
                busy |= 1L << j;
            }
        }
        while (busy != 0) {
            long r = both ? fractionStepBoth(fb, tol) : fractionStep(fb, channel == CHANNEL_P, tol);
            // the busy lanes whose element converged or reached its cap (most steps: none)
            for (long finished = r >>> 32 & busy; finished != 0; finished &= finished - 1) {
                int j = Long.numberOfTrailingZeros(finished);
                int e = element[j];
                // converged, or open at the budget (NaN: the scalar code decides)
                st.s0[e] = (r >>> j & 1L) != 0 ? fb[F * n + j] : Double.NaN;
                st.s1[e] = fb[TD * n + j];
                if (both) {
                    st.s2[e] = fb[TQ * n + j];
                }
                if (next < to) {
                    element[j] = order[next];
                    refill(st, fb, n, j, order[next++], start);
                } else {
                    element[j] = -1;
                    busy &= ~(1L << j);
                }
            }
        }
    }

    /**
     * Lane j of the state takes element e: its start state (Stages.fs, {@code start} slots), operands and k = 1 (the
     * operand slots P .. CAP follow the start state: at P - START_SLOTS + start ...).
     */
    private static void refill(Stages st, double[] fb, int n, int j, int e, int start) {
        double[] fs = st.fs;
        int m = st.fsStride;
        for (int slot = 0; slot < start; slot++) {
            fb[slot * n + j] = fs[slot * m + e];
        }
        int o = start - START_SLOTS;
        fb[(P + o) * n + j] = st.p[e];
        fb[(Q + o) * n + j] = st.q[e];
        fb[(U + o) * n + j] = st.u[e];
        fb[(V + o) * n + j] = st.v[e];
        fb[(D + o) * n + j] = st.d[e];
        fb[(K + o) * n + j] = 1;
        double p = st.p[e];
        fb[(CAP + o) * n + j] = Double.isNaN(p) ? 1 : Math.min(FRACTION_VECTOR_BUDGET, IncompleteBeta.fractionCap(p, st.q[e]));
    }

    /**
     * Per-lane step cap of the CDF fraction: IncompleteBeta.fractionCap as a vector (at most
     * FRACTION_VECTOR_BUDGET); 1 where p is NaN (parameters beyond PARAMETER_VECTOR_MAX, decided by
     * the scalar code).
     */
    private static DoubleVector laneCap(DoubleVector p, DoubleVector q) {
        DoubleVector c = p.min(q).lanewise(SQRT).mul(FRACTION_CAP_PER_SQRT).add(FRACTION_CAP_BASE)
                .min((double) FRACTION_VECTOR_BUDGET); // k <= c iff k <= floor(c) for the integer k
        return c.blend(1.0, p.compare(NE, p));
    }

    /**
     * Step 0 of every element: beta_0 = 1 + d_1, the recurrence's start (rescaled so that A_0 = 1),
     * f, T_d, the channel selector and L_d, into the per-element start state Stages.fs (slot s of element e at
     * s * fsStride + e). The channel is p's where channelA differs from the side (lower dI/da, upper dI/db).
     */
    private static void fractionStartStage(Stages st, boolean channelA, int from, int to) {
        double[] fs = st.fs;
        int m = st.fsStride;
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector p = DoubleVector.fromArray(SP, st.p, i);
            DoubleVector q = DoubleVector.fromArray(SP, st.q, i);
            DoubleVector u = DoubleVector.fromArray(SP, st.u, i);
            DoubleVector d = DoubleVector.fromArray(SP, st.d, i);
            DoubleVector up = DoubleVector.fromArray(SP, st.up, i);
            VectorMask<Double> byP = channelA ? up.compare(EQ, 0.0) : up.compare(NE, 0.0);
            DoubleVector pq = p.add(q);
            DoubleVector rp1 = p.broadcast(1.0).div(p.add(1.0));
            DoubleVector b0 = d.neg().add(1.0).mul(rp1);
            DoubleVector dOdd = pq.neg().mul(u).mul(rp1);                     // d_1
            DoubleVector dOddP = dOdd.mul(q.neg().add(1.0)).div(pq.mul(p.add(1.0)));
            DoubleVector dOddQ = u.neg().mul(rp1);
            DoubleVector dOddD = dOddQ.blend(dOddP, byP);
            DoubleVector ld = DoubleVector.fromArray(SP, st.lq, i).blend(DoubleVector.fromArray(SP, st.lp, i), byP);
            DoubleVector s = b0.broadcast(1.0).div(b0);
            DoubleVector zero = p.broadcast(0.0);
            DoubleVector adm1 = dOddD.mul(s);
            s.intoArray(fs, AM2 * m + i);
            zero.intoArray(fs, BM2 * m + i);
            s.intoArray(fs, BM1 * m + i);
            zero.intoArray(fs, ADM2 * m + i);
            adm1.intoArray(fs, ADM1 * m + i);
            zero.intoArray(fs, BDM2 * m + i);
            zero.intoArray(fs, BDM1 * m + i);
            dOdd.intoArray(fs, DODD * m + i);
            dOddD.intoArray(fs, DODDD * m + i);
            s.intoArray(fs, F * m + i);
            s.mul(ld).sub(s.mul(adm1)).intoArray(fs, TD * m + i);
            ld.intoArray(fs, LD * m + i);
        }
    }

    /**
     * One step of the fraction in every lane, each at its own k: the coefficients alpha_k = d_{2k-1} d_{2k},
     * beta_k = 1 + d_{2k} + d_{2k+1} and their derivatives by the channel's parameter (p where {@code byP},
     * else q; d_{2k+1} carried), then A_k = beta_k A_{k-1} - alpha_k A_{k-2} (and B, and the channel's
     * derivatives), rescaled so that A_k = 1; the new f, T_d and the convergence test. Returns the lanes that
     * converged in this step as bits 0 .. L-1, and those that finished (converged, or k reached the lane's cap) as
     * bits 32 .. 32+L-1.
     */
    private static long fractionStep(double[] fb, boolean byP, double tol) {
        int n = SP.length();
        DoubleVector p = DoubleVector.fromArray(SP, fb, P * n);
        DoubleVector q = DoubleVector.fromArray(SP, fb, Q * n);
        DoubleVector u = DoubleVector.fromArray(SP, fb, U * n);
        DoubleVector k = DoubleVector.fromArray(SP, fb, K * n);
        DoubleVector k2 = k.mul(2.0);                                     // exact (small integers)
        DoubleVector e1 = p.add(k2.sub(1.0));
        DoubleVector e2 = p.add(k2);
        DoubleVector e3 = p.add(k2.add(1.0));
        // one division for 1/e1 and 1/e2, one for 1/(e2 e3), one (channel p) for the two of d(d_{2k+1})/dp
        // (products of up to three parameter-sized factors: PARAMETER_VECTOR_MAX)
        DoubleVector r12 = p.broadcast(1.0).div(e1.mul(e2));
        DoubleVector r1 = r12.mul(e2);
        DoubleVector r23 = p.broadcast(1.0).div(e2.mul(e3));
        DoubleVector qk = q.sub(k);
        DoubleVector pk = p.add(k);
        DoubleVector pqk = p.add(q).add(k);
        // d_{2k} = k (q - k) u / ((p + 2k - 1)(p + 2k)), d_{2k+1} = -(p + k)(p + q + k) u / ((p + 2k)(p + 2k + 1))
        DoubleVector dEven = qk.mul(k).mul(u).mul(r12);
        DoubleVector dNext = pk.neg().mul(pqk).mul(u).mul(r23);
        DoubleVector dOdd = DoubleVector.fromArray(SP, fb, DODD * n);
        DoubleVector alpha = dOdd.mul(dEven);
        // beta_k = 1 + d_{2k} + d_{2k+1} without cancellation (IncompleteBeta.fraction)
        DoubleVector pd = p.mul(DoubleVector.fromArray(SP, fb, D * n));
        DoubleVector v = DoubleVector.fromArray(SP, fb, V * n);
        DoubleVector beta = pd.neg().add(p.mul(k2.add(1.0))).add(k2.mul(k.add(1.0))).add(qk.mul(k2).mul(u).mul(r1))
                .add(v.mul(k2).mul(pk)).mul(r23);
        dNext.intoArray(fb, DODD * n);
        k.add(1.0).intoArray(fb, K * n);
        // the value recurrence first, then the channel's (fewer values live at once: fractionStepBoth)
        DoubleVector am2 = DoubleVector.fromArray(SP, fb, AM2 * n);
        DoubleVector bm2 = DoubleVector.fromArray(SP, fb, BM2 * n);
        DoubleVector bm1 = DoubleVector.fromArray(SP, fb, BM1 * n);
        DoubleVector an = beta.sub(alpha.mul(am2));
        DoubleVector bn = beta.mul(bm1).sub(alpha.mul(bm2));
        DoubleVector s = an.broadcast(1.0).div(an);
        s.intoArray(fb, AM2 * n);
        bm1.mul(s).intoArray(fb, BM2 * n);
        DoubleVector f = bn.mul(s);
        f.intoArray(fb, BM1 * n);
        DoubleVector e0 = f.sub(DoubleVector.fromArray(SP, fb, F * n)).lanewise(ABS).sub(f.lanewise(ABS).mul(tol));
        f.intoArray(fb, F * n);
        // the coefficients' derivatives by the channel's parameter (one branch per call: every lane has that channel)
        DoubleVector dEvenD;
        DoubleVector dNextD;
        if (byP) {
            DoubleVector r2 = r12.mul(e1);
            DoubleVector rk = p.broadcast(1.0).div(pk.mul(pqk).mul(e3));  // 1/((p+k)(p+q+k)(p+2k+1))
            dEvenD = dEven.neg().mul(r1.add(r2));
            // k/((p+k)(p+2k)) + (k+1-q)/((p+q+k)(p+2k+1))
            dNextD = dNext.mul(r2.mul(k).mul(pqk.mul(e3).mul(rk)).add(q.neg().add(k.add(1.0)).mul(pk.mul(rk))));
        } else {
            dEvenD = u.mul(k).mul(r12);
            dNextD = pk.neg().mul(u).mul(r23);
        }
        DoubleVector alphaD = DoubleVector.fromArray(SP, fb, DODDD * n).mul(dEven).add(dOdd.mul(dEvenD));
        DoubleVector betaD = dEvenD.add(dNextD);
        dNextD.intoArray(fb, DODDD * n);
        DoubleVector adm1 = DoubleVector.fromArray(SP, fb, ADM1 * n);
        DoubleVector bdm1 = DoubleVector.fromArray(SP, fb, BDM1 * n);
        DoubleVector adn = beta.mul(adm1).add(betaD).sub(alpha.mul(DoubleVector.fromArray(SP, fb, ADM2 * n)))
                .sub(alphaD.mul(am2));
        DoubleVector bdn = beta.mul(bdm1).add(betaD.mul(bm1)).sub(alpha.mul(DoubleVector.fromArray(SP, fb, BDM2 * n)))
                .sub(alphaD.mul(bm2));
        adm1.mul(s).intoArray(fb, ADM2 * n);
        DoubleVector ad = adn.mul(s);
        ad.intoArray(fb, ADM1 * n);
        bdm1.mul(s).intoArray(fb, BDM2 * n);
        DoubleVector bd = bdn.mul(s);
        bd.intoArray(fb, BDM1 * n);
        DoubleVector td = f.mul(DoubleVector.fromArray(SP, fb, LD * n)).add(bd.sub(f.mul(ad)));
        // converged when both changes are <= TOL times their value: the larger excess is <= 0 (a NaN in
        // the second is dropped: such a lane is not finite and recomputed anyway)
        DoubleVector x1 = td.sub(DoubleVector.fromArray(SP, fb, TD * n)).lanewise(ABS).sub(td.lanewise(ABS).mul(tol));
        DoubleVector m = e0.blend(x1, x1.compare(GT, e0));
        td.intoArray(fb, TD * n);
        VectorMask<Double> conv = m.compare(LE, 0.0);
        // finished: converged, or step k was the element's last (k = cap)
        VectorMask<Double> finished = conv.or(k.compare(GE, DoubleVector.fromArray(SP, fb, CAP * n)));
        return finished.anyTrue() ? conv.toLong() | finished.toLong() << 32 : 0L;
    }

    /**
     * f, T_p and T_q of every element into st.s0, s1, s2 (a pair, {@link #evaluatePair}): the persistent lanes of
     * {@link #fractionStage} with both derivatives in every step, converged on all three (IncompleteBeta.fraction's
     * test); s0 NaN where not converged. A step of both costs ~1.5 times a one-channel step and the fraction takes ~11 %
     * more steps (three quantities to converge; measured in docs/simd.md, "Both Beta gradients in one pass"), against
     * two whole fractions for the two operations one after the other.
     */
    private static void fractionStageBoth(Stages st, double tol, int from, int to) {
        fractionStartBoth(st, from, to);
        int[] order = st.order;
        for (int e = from; e < to; e++) {
            order[e - from] = e;
        }
        fractionLanes(st, order, 0, to - from, CHANNEL_BOTH, tol);
    }

    /** Step 0 of every element with both derivatives (fractionStartStage's state for p, then q's) into Stages.fs. */
    private static void fractionStartBoth(Stages st, int from, int to) {
        double[] fs = st.fs;
        int m = st.fsStride;
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector p = DoubleVector.fromArray(SP, st.p, i);
            DoubleVector q = DoubleVector.fromArray(SP, st.q, i);
            DoubleVector u = DoubleVector.fromArray(SP, st.u, i);
            DoubleVector d = DoubleVector.fromArray(SP, st.d, i);
            DoubleVector pq = p.add(q);
            DoubleVector rp1 = p.broadcast(1.0).div(p.add(1.0));
            DoubleVector b0 = d.neg().add(1.0).mul(rp1);
            DoubleVector dOdd = pq.neg().mul(u).mul(rp1);                     // d_1
            DoubleVector dOddP = dOdd.mul(q.neg().add(1.0)).div(pq.mul(p.add(1.0)));
            DoubleVector dOddQ = u.neg().mul(rp1);
            DoubleVector lp = DoubleVector.fromArray(SP, st.lp, i);
            DoubleVector lq = DoubleVector.fromArray(SP, st.lq, i);
            DoubleVector s = b0.broadcast(1.0).div(b0);
            DoubleVector zero = p.broadcast(0.0);
            DoubleVector apm1 = dOddP.mul(s);
            DoubleVector aqm1 = dOddQ.mul(s);
            s.intoArray(fs, AM2 * m + i);
            zero.intoArray(fs, BM2 * m + i);
            s.intoArray(fs, BM1 * m + i);
            zero.intoArray(fs, ADM2 * m + i);
            apm1.intoArray(fs, ADM1 * m + i);
            zero.intoArray(fs, BDM2 * m + i);
            zero.intoArray(fs, BDM1 * m + i);
            dOdd.intoArray(fs, DODD * m + i);
            dOddP.intoArray(fs, DODDD * m + i);
            s.intoArray(fs, F * m + i);
            s.mul(lp).sub(s.mul(apm1)).intoArray(fs, TD * m + i);
            lp.intoArray(fs, LD * m + i);
            zero.intoArray(fs, AQM2 * m + i);
            aqm1.intoArray(fs, AQM1 * m + i);
            zero.intoArray(fs, BQM2 * m + i);
            zero.intoArray(fs, BQM1 * m + i);
            dOddQ.intoArray(fs, DODDQ * m + i);
            s.mul(lq).sub(s.mul(aqm1)).intoArray(fs, TQ * m + i);
            lq.intoArray(fs, LQ * m + i);
        }
    }

    /**
     * {@link #fractionStep} with both derivatives (the coefficients' by p and by q, and A, B differentiated by each),
     * as IncompleteBeta.fraction; converged when f, T_p and T_q all are. Same return value as fractionStep.
     */
    private static long fractionStepBoth(double[] fb, double tol) {
        int n = SP.length();
        int o = BOTH_START_SLOTS - START_SLOTS;
        DoubleVector p = DoubleVector.fromArray(SP, fb, (P + o) * n);
        DoubleVector q = DoubleVector.fromArray(SP, fb, (Q + o) * n);
        DoubleVector u = DoubleVector.fromArray(SP, fb, (U + o) * n);
        DoubleVector k = DoubleVector.fromArray(SP, fb, (K + o) * n);
        DoubleVector k2 = k.mul(2.0);                                     // exact (small integers)
        DoubleVector e1 = p.add(k2.sub(1.0));
        DoubleVector e2 = p.add(k2);
        DoubleVector e3 = p.add(k2.add(1.0));
        DoubleVector r12 = p.broadcast(1.0).div(e1.mul(e2));
        DoubleVector r23 = p.broadcast(1.0).div(e2.mul(e3));
        DoubleVector qk = q.sub(k);
        DoubleVector pk = p.add(k);
        DoubleVector pqk = p.add(q).add(k);
        DoubleVector dEven = qk.mul(k).mul(u).mul(r12);
        DoubleVector dNext = pk.neg().mul(pqk).mul(u).mul(r23);
        DoubleVector dOdd = DoubleVector.fromArray(SP, fb, DODD * n);
        DoubleVector alpha = dOdd.mul(dEven);
        DoubleVector r1 = r12.mul(e2);
        DoubleVector pd = p.mul(DoubleVector.fromArray(SP, fb, (D + o) * n));
        DoubleVector v = DoubleVector.fromArray(SP, fb, (V + o) * n);
        DoubleVector beta = pd.neg().add(p.mul(k2.add(1.0))).add(k2.mul(k.add(1.0))).add(qk.mul(k2).mul(u).mul(r1))
                .add(v.mul(k2).mul(pk)).mul(r23);
        k.add(1.0).intoArray(fb, (K + o) * n);
        dNext.intoArray(fb, DODD * n);
        // the value recurrence (A_{k-1} = 1 after rescaling), then each channel in turn (fewer values live at once)
        DoubleVector am2 = DoubleVector.fromArray(SP, fb, AM2 * n);
        DoubleVector bm2 = DoubleVector.fromArray(SP, fb, BM2 * n);
        DoubleVector bm1 = DoubleVector.fromArray(SP, fb, BM1 * n);
        DoubleVector an = beta.sub(alpha.mul(am2));
        DoubleVector bn = beta.mul(bm1).sub(alpha.mul(bm2));
        DoubleVector s = an.broadcast(1.0).div(an);
        s.intoArray(fb, AM2 * n);
        bm1.mul(s).intoArray(fb, BM2 * n);
        DoubleVector f = bn.mul(s);
        f.intoArray(fb, BM1 * n);
        DoubleVector e0 = f.sub(DoubleVector.fromArray(SP, fb, F * n)).lanewise(ABS).sub(f.lanewise(ABS).mul(tol));
        f.intoArray(fb, F * n);
        // channel p: the coefficients' derivatives by p, A and B differentiated by p
        DoubleVector r2 = r12.mul(e1);
        DoubleVector rk = p.broadcast(1.0).div(pk.mul(pqk).mul(e3));      // 1/((p+k)(p+q+k)(p+2k+1))
        DoubleVector dEvenP = dEven.neg().mul(r1.add(r2));
        DoubleVector dNextP = dNext.mul(r2.mul(k).mul(pqk.mul(e3).mul(rk)).add(q.neg().add(k.add(1.0)).mul(pk.mul(rk))));
        DoubleVector alphaP = DoubleVector.fromArray(SP, fb, DODDD * n).mul(dEven).add(dOdd.mul(dEvenP));
        DoubleVector betaP = dEvenP.add(dNextP);
        dNextP.intoArray(fb, DODDD * n);
        DoubleVector apm1 = DoubleVector.fromArray(SP, fb, ADM1 * n);
        DoubleVector bpm1 = DoubleVector.fromArray(SP, fb, BDM1 * n);
        DoubleVector apn = beta.mul(apm1).add(betaP).sub(alpha.mul(DoubleVector.fromArray(SP, fb, ADM2 * n)))
                .sub(alphaP.mul(am2));
        DoubleVector bpn = beta.mul(bpm1).add(betaP.mul(bm1)).sub(alpha.mul(DoubleVector.fromArray(SP, fb, BDM2 * n)))
                .sub(alphaP.mul(bm2));
        apm1.mul(s).intoArray(fb, ADM2 * n);
        DoubleVector ap = apn.mul(s);
        ap.intoArray(fb, ADM1 * n);
        bpm1.mul(s).intoArray(fb, BDM2 * n);
        DoubleVector bp = bpn.mul(s);
        bp.intoArray(fb, BDM1 * n);
        DoubleVector tp = f.mul(DoubleVector.fromArray(SP, fb, LD * n)).add(bp.sub(f.mul(ap)));
        DoubleVector x1 = tp.sub(DoubleVector.fromArray(SP, fb, TD * n)).lanewise(ABS).sub(tp.lanewise(ABS).mul(tol));
        tp.intoArray(fb, TD * n);
        // channel q
        DoubleVector dEvenQ = u.mul(k).mul(r12);
        DoubleVector dNextQ = pk.neg().mul(u).mul(r23);
        DoubleVector alphaQ = DoubleVector.fromArray(SP, fb, DODDQ * n).mul(dEven).add(dOdd.mul(dEvenQ));
        DoubleVector betaQ = dEvenQ.add(dNextQ);
        dNextQ.intoArray(fb, DODDQ * n);
        DoubleVector aqm1 = DoubleVector.fromArray(SP, fb, AQM1 * n);
        DoubleVector bqm1 = DoubleVector.fromArray(SP, fb, BQM1 * n);
        DoubleVector aqn = beta.mul(aqm1).add(betaQ).sub(alpha.mul(DoubleVector.fromArray(SP, fb, AQM2 * n)))
                .sub(alphaQ.mul(am2));
        DoubleVector bqn = beta.mul(bqm1).add(betaQ.mul(bm1)).sub(alpha.mul(DoubleVector.fromArray(SP, fb, BQM2 * n)))
                .sub(alphaQ.mul(bm2));
        aqm1.mul(s).intoArray(fb, AQM2 * n);
        DoubleVector aq = aqn.mul(s);
        aq.intoArray(fb, AQM1 * n);
        bqm1.mul(s).intoArray(fb, BQM2 * n);
        DoubleVector bq = bqn.mul(s);
        bq.intoArray(fb, BQM1 * n);
        DoubleVector tq = f.mul(DoubleVector.fromArray(SP, fb, LQ * n)).add(bq.sub(f.mul(aq)));
        DoubleVector x2 = tq.sub(DoubleVector.fromArray(SP, fb, TQ * n)).lanewise(ABS).sub(tq.lanewise(ABS).mul(tol));
        tq.intoArray(fb, TQ * n);
        // converged when all three changes are <= TOL times their value: the largest excess is <= 0
        DoubleVector mx = e0.blend(x1, x1.compare(GT, e0));
        mx = mx.blend(x2, x2.compare(GT, mx));
        VectorMask<Double> conv = mx.compare(LE, 0.0);
        VectorMask<Double> finished = conv.or(k.compare(GE, DoubleVector.fromArray(SP, fb, (CAP + o) * n)));
        return finished.anyTrue() ? conv.toLong() | finished.toLong() << 32 : 0L;
    }

    /**
     * A pair's fraction channels from T_p (st.s1) and T_q (st.s2): lower (dI/da, dI/db) = (T_p, T_q), upper
     * (-T_q, -T_p); into st.s1 (a) and st.s2 (b), NaN where s0 is (not converged: recomputed).
     */
    private static void fractionChannels(Stages st, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector tp = DoubleVector.fromArray(SP, st.s1, i);
            DoubleVector tq = DoubleVector.fromArray(SP, st.s2, i);
            DoubleVector nan = DoubleVector.fromArray(SP, st.s0, i).mul(0.0);
            VectorMask<Double> upper = DoubleVector.fromArray(SP, st.up, i).compare(NE, 0.0);
            tp.blend(tq.neg(), upper).add(nan).intoArray(st.s1, i);
            tq.blend(tp.neg(), upper).add(nan).intoArray(st.s2, i);
        }
    }

    /** Fraction CDF: lower I = e^L f, upper I = 1 - e^L f. */
    private static void fractionCdf(Stages st, double[] out, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector ef = DoubleVector.fromArray(SP, st.l, i).lanewise(EXP).mul(DoubleVector.fromArray(SP, st.s0, i));
            VectorMask<Double> upper = DoubleVector.fromArray(SP, st.up, i).compare(NE, 0.0);
            ef.blend(ef.neg().add(1.0), upper).intoArray(out, i);
        }
    }

    /**
     * The requested channel of the fraction into st.s1: lower (T_p, T_q), upper (-T_q, -T_p); the fraction
     * stage carried only that one (T_d in st.s1), so only the upper side's sign is applied here.
     */
    private static void fractionChannel(Stages st, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector td = DoubleVector.fromArray(SP, st.s1, i);
            VectorMask<Double> upper = DoubleVector.fromArray(SP, st.up, i).compare(NE, 0.0);
            DoubleVector t = td.blend(td.neg(), upper);
            // NaN marks lanes to recompute (s0 not converged)
            t.add(DoubleVector.fromArray(SP, st.s0, i).mul(0.0)).intoArray(st.s1, i);
        }
    }

    /** Fraction gradients: -(dI/dtheta)/density, prefactor/density = x (1 - x)/p. */
    private static void fractionGradStage(double[] xx, Stages st, double[] out, int from, int to) {
        fractionChannel(st, from, to);
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector x = DoubleVector.fromArray(SP, xx, i);
            DoubleVector p = DoubleVector.fromArray(SP, st.p, i);
            DoubleVector t = DoubleVector.fromArray(SP, st.s1, i);
            x.mul(x.neg().add(1.0)).div(p).mul(t).neg().intoArray(out, i);
        }
    }
}
