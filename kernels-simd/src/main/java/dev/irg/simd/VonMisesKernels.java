package dev.irg.simd;

import static dev.irg.math.VonMisesConstants.BESSEL_ASYMPTOTIC_MIN_KAPPA;
import static dev.irg.math.VonMisesConstants.BESSEL_DIFF_ASYM;
import static dev.irg.math.VonMisesConstants.BESSEL_I0E_ASYM;
import static dev.irg.math.VonMisesConstants.SIN_QUARTER_PERIOD;
import static dev.irg.math.VonMisesConstants.BESSEL_SERIES_MAX_TERMS;
import static dev.irg.math.VonMisesConstants.CENTRAL_NODES;
import static dev.irg.math.VonMisesConstants.CENTRAL_WEIGHTS;
import static dev.irg.math.VonMisesConstants.F32_CENTRAL_NODES;
import static dev.irg.math.VonMisesConstants.F32_CENTRAL_WEIGHTS;
import static dev.irg.math.VonMisesConstants.F32_TAIL_NODES;
import static dev.irg.math.VonMisesConstants.F32_TAIL_BAND_POINTS;
import static dev.irg.math.VonMisesConstants.F32_TAIL_POINTS;
import static dev.irg.math.VonMisesConstants.F32_TAIL_WEIGHTS;
import static dev.irg.math.VonMisesConstants.GL20_NODES;
import static dev.irg.math.VonMisesConstants.GL20_WEIGHTS;
import static dev.irg.math.VonMisesConstants.GL28_NODES;
import static dev.irg.math.VonMisesConstants.GL28_WEIGHTS;
import static dev.irg.math.VonMisesConstants.GL8_NODES;
import static dev.irg.math.VonMisesConstants.GL8_WEIGHTS;
import static dev.irg.math.VonMisesConstants.INV_SQRT_TWO_PI;
import static dev.irg.math.VonMisesConstants.INV_TWO_PI;
import static dev.irg.math.VonMisesConstants.PI_A;
import static dev.irg.math.VonMisesConstants.PI_B;
import static dev.irg.math.VonMisesConstants.PI_C;
import static dev.irg.math.VonMisesConstants.REDUCTION_EXACT_MAX;
import static dev.irg.math.VonMisesConstants.TAIL_BAND_LAMBDA_MAX;
import static dev.irg.math.VonMisesConstants.TAIL_BAND_POINTS;
import static dev.irg.math.VonMisesConstants.TAIL_EXPONENT_CUTOFF;
import static dev.irg.math.VonMisesConstants.TAIL_POINTS;
import static dev.irg.math.VonMisesConstants.TAIL_NODES;
import static dev.irg.math.VonMisesConstants.TAIL_WEIGHTS;
import static dev.irg.math.VonMisesConstants.TWO_PI;
import static jdk.incubator.vector.VectorOperators.ABS;
import static jdk.incubator.vector.VectorOperators.ASIN;
import static jdk.incubator.vector.VectorOperators.COS;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NE;
import static jdk.incubator.vector.VectorOperators.SIN;
import static jdk.incubator.vector.VectorOperators.SQRT;

import dev.irg.Distribution;
import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.math.Reference;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * von Mises(kappa, loc) kernels: the vector port of {@link dev.irg.math.VonMisesCdf} and
 * {@link dev.irg.math.BesselI01} as applied by {@link dev.irg.math.Reference} (u = z - loc), as
 * stages over the block: validity and reduction, I0e and 1 - A (one series pass below
 * BESSEL_ASYMPTOTIC_MIN_KAPPA, until every lane's terms fall below the scalar code's tolerance,
 * capped at BESSEL_SERIES_MAX_TERMS), the region test (central where 2 sin^2(ax/2) &lt; 1 - A),
 * the 12-point central sum over the central lanes and the tail sum (12 to 32 points by band of lambda) over the tail lanes
 * (each region's lanes gathered into whole vectors and scattered back), and the quantity. Lanes the
 * vector code leaves NaN (invalid input, |z - loc| beyond REDUCTION_EXACT_MAX, r next to an odd
 * multiple of pi) are recomputed by the scalar code. Why stages: docs/simd.md, "Profile".
 */
final class VonMisesKernels implements Family {
    /** |k| at and above which x / (2 pi) is already an integer in float64, so rint needs no rounding trick. */
    private static final double RINT_EXACT = 0x1p51;
    /** 1.5 * 2^52: adding and subtracting it rounds |v| &lt; 2^51 to the nearest integer (ties to even, as Math.rint). */
    private static final double RINT_MAGIC = 0x1.8p52;
    /** Relative size of the last Bessel series term at which BesselI01's series stop: 2^-60. */
    private static final double BESSEL_SERIES_TOLERANCE = 0x1p-60;
    /**
     * The Bessel series test convergence every 4 terms: the test (two multiplies, two subtractions,
     * a max, a compare and a horizontal allTrue) cost more than a term.
     */
    private static final int BESSEL_TEST_EVERY = 4;

    /** 1/(j j) and 1/(j (j+1)), j = 1..BESSEL_SERIES_MAX_TERMS: the Bessel series multiply where BesselI01 divides (one rounding more). */
    private static final double[] INV_JJ = new double[BESSEL_SERIES_MAX_TERMS + 1];
    private static final double[] INV_JJ1 = new double[BESSEL_SERIES_MAX_TERMS + 1];

    static {
        for (int j = 1; j <= BESSEL_SERIES_MAX_TERMS; j++) {
            INV_JJ[j] = 1.0 / ((double) j * j);
            INV_JJ1[j] = 1.0 / ((double) j * (j + 1));
        }
    }

    /** This JVM's species (a constant, see {@link Lanes}). */
    private static final VectorSpecies<Double> SP = Lanes.SD;

    /** Tail bands: TAIL_BAND_LAMBDA_MAX's bands and the rest (lambda above the last bound, or NaN). */
    private static final int TAIL_BANDS = TAIL_BAND_LAMBDA_MAX.length + 1;
    /** {nodes, weights} of each tail band, float64 results: TAIL_BAND_POINTS, then TAIL_POINTS. */
    private static final double[][][] TAIL_RULES = tailRules(TAIL_BAND_POINTS, TAIL_POINTS);
    /** As TAIL_RULES for float32 results: F32_TAIL_BAND_POINTS, then F32_TAIL_POINTS. */
    private static final double[][][] F32_TAIL_RULES = tailRules(F32_TAIL_BAND_POINTS, F32_TAIL_POINTS);

    private static double[][][] tailRules(int[] bandPoints, int lastPoints) {
        double[][][] r = new double[TAIL_BANDS][][];
        for (int b = 0; b < TAIL_BANDS; b++) {
            r[b] = gaussLegendre(b < bandPoints.length ? bandPoints[b] : lastPoints);
        }
        return r;
    }

    /** The {nodes, weights} of VonMisesConstants' n-point Gauss-Legendre rule on [0, 1]. */
    static double[][] gaussLegendre(int n) {
        double[][] r = switch (n) {
            case 6 -> new double[][] {F32_CENTRAL_NODES, F32_CENTRAL_WEIGHTS};
            case 8 -> new double[][] {GL8_NODES, GL8_WEIGHTS};
            case 12 -> new double[][] {CENTRAL_NODES, CENTRAL_WEIGHTS};
            case 20 -> new double[][] {GL20_NODES, GL20_WEIGHTS};
            case 24 -> new double[][] {F32_TAIL_NODES, F32_TAIL_WEIGHTS};
            case 28 -> new double[][] {GL28_NODES, GL28_WEIGHTS};
            case 32 -> new double[][] {TAIL_NODES, TAIL_WEIGHTS};
            default -> throw new IllegalStateException("no " + n + "-point Gauss-Legendre rule in VonMisesConstants");
        };
        if (r[0].length != n || r[1].length != n) {
            throw new IllegalStateException("the " + n + "-point rule has " + r[0].length + " nodes");
        }
        return r;
    }

    /**
     * The tail band of {@code lambda} (kappa (1 + cos x)): the first TAIL_BAND_LAMBDA_MAX at or above it, else
     * (and for NaN) the last band; counted without branches (the bounds increase).
     */
    private static int tailBand(double lambda) {
        int b = TAIL_BANDS - 1;
        for (double max : TAIL_BAND_LAMBDA_MAX) {
            b -= lambda <= max ? 1 : 0;
        }
        return b;
    }

    @Override
    public int regions() {
        return 1;
    }

    @Override
    public boolean has(Op op) {
        return op.distribution() == Distribution.VONMISES;
    }

    @Override
    public void classify(Op op, double[] p0, double[] p1, double[] x, byte[] region, int m) {
        java.util.Arrays.fill(region, 0, m, (byte) 0);
    }

    @Override
    public void evaluate(Op op, int region, double[] kappa, double[] loc, double[] z, double[] out, int from, int to) {
        evaluate(op, region, Precision.F64, kappa, loc, z, out, from, to);
    }

    /**
     * As the scalar reference, with the tail integral in bands of lambda = min(kappa (1 + cos x), cutoff):
     * TAIL_BAND_POINTS (12, 20, 28) points for lambda up to 2, 8, 32, TAIL_POINTS above (the reference
     * uses TAIL_POINTS everywhere; the band rules are as accurate on their bands, VonMisesConstants.
     * TAIL_BAND_LAMBDA_MAX). For float32 results the smaller rules F32_CENTRAL_* (6 points instead of 12)
     * and F32_TAIL_BAND_POINTS (8, 12, 24), F32_TAIL_POINTS (24) above, whose errors (at most 8.6e-9
     * relative) are far below the float rounding.
     */
    @Override
    public void evaluate(Op op, int region, Precision precision, double[] kappa, double[] loc, double[] z,
            double[] out, int from, int to) {
        boolean f32 = precision == Precision.F32;
        Stages st = STAGES.get().ensure(to);
        int m = op == Op.VONMISES_CDF ? 0 : 1;
        reduceStage(kappa, loc, z, st, from, to);
        besselStage(st, op != Op.VONMISES_GRAD_KAPPA, from, to);
        twoS2Stage(st, from, to);
        // group the lanes by region (central where 2 sin^2(ax/2) < 1 - A, as combineStage decides), so
        // that each quadrature runs only over its own lanes: in a mixed vector both sums cost 12 + 32
        // points per lane, grouped 12 or 32; the tail lanes by band of lambda = min(kappa (1 + cos x),
        // cutoff) (TAIL_BAND_LAMBDA_MAX: fewer points where the integrand falls by less)
        // without branches (central and tail lanes alternate at random: the branches were mispredicted):
        // list 0 the central lanes, list 1 + b the tail lanes of band b
        int[][] lists = st.lists;
        int[] count = st.listCount;
        java.util.Arrays.fill(count, 0);
        for (int j = from; j < to; j++) {
            int c = st.twoS2[j] < st.omA[j] ? 0 : 1 + tailBand(st.lam[j]);
            lists[c][count[c]++] = j;
        }
        int[] ic = lists[0];
        int nc = count[0];
        if (nc > 0) {
            int len = pad(ic, nc);
            gather(ic, len, st.k, st.gk);
            gather(ic, len, st.ax, st.gax);
            gather(ic, len, st.omA, st.gomA);
            centralSums(st.gk, st.gax, st.gomA, st.gres, m, len, f32 ? F32_CENTRAL_NODES : CENTRAL_NODES,
                    f32 ? F32_CENTRAL_WEIGHTS : CENTRAL_WEIGHTS);
            scatter(ic, nc, st.gres, st.c);
        }
        for (int b = 0; b < TAIL_BANDS; b++) {
            int[] it = lists[1 + b];
            int nt = count[1 + b];
            if (nt == 0) {
                continue;
            }
            int len = pad(it, nt);
            gather(it, len, st.k, st.gk);
            gather(it, len, st.ax, st.gax);
            gather(it, len, st.omA, st.gomA);
            gather(it, len, st.y, st.gy);
            gather(it, len, st.twoS2, st.gs2);
            double[][] rule = f32 ? F32_TAIL_RULES[b] : TAIL_RULES[b];
            tailSums(st.gk, st.gax, st.gy, st.gomA, st.gs2, st.gres, m, len, rule[0], rule[1]);
            scatter(it, nt, st.gres, st.t);
        }
        combineStage(op, st, out, from, to);
        // NaN: invalid input (the scalar code gives NaN again), |z - loc| beyond REDUCTION_EXACT_MAX
        // (VonMisesCdf's IEEE-remainder reduction) or r next to an odd multiple of pi; rare
        for (int j = from; j < to; j++) {
            if (Double.isNaN(out[j])) {
                out[j] = Reference.eval(op, kappa[j], loc[j], z[j]);
            }
        }
    }

    /** Per-thread intermediate arrays of the stages (one value per element). */
    private static final ThreadLocal<Stages> STAGES = ThreadLocal.withInitial(Stages::new);

    /**
     * Intermediate results between the stages of {@link #evaluate}. The kernel runs as five loops
     * over the block, each a method of its own that keeps its vectors local: one large method (or
     * helpers passing vectors to each other) exceeded the JIT's inlining budget, and the vector
     * operations left outside it ran as the Vector API's non-intrinsic Java fallback (JFR:
     * ~900 bytes allocated per element, 4.7 M elements/s; docs/simd.md).
     */
    private static final class Stages {
        double[] k = new double[0];     // kappa, 1 at invalid and far lanes
        double[] nan = new double[0];   // 0 at valid lanes, NaN at invalid ones (added to the result)
        double[] kk = new double[0];    // period index k of x = 2 pi k + r
        double[] ax = new double[0];    // |r|
        double[] y = new double[0];     // pi - |r|
        double[] up = new double[0];    // 1 where r > 0 (upper half), else 0
        double[] omA = new double[0];   // 1 - A(kappa)
        double[] norm = new double[0];  // 2 pi I0(kappa) e^-kappa
        double[] twoS2 = new double[0]; // 2 sin^2(ax/2)
        double[] lam = new double[0];   // kappa (1 + cos x) = 2 kappa sin^2(y/2): the tail band
        double[] c = new double[0];     // central sum (lanes in the tail: unspecified)
        double[] t = new double[0];     // tail sum (central lanes: unspecified)
        int[][] lists = new int[TAIL_BANDS + 1][0]; // indices of the central lanes, then of the tail lanes per band
        final int[] listCount = new int[TAIL_BANDS + 1];
        double[] gk = new double[0];    // one region's lanes, gathered
        double[] gax = new double[0];
        double[] gy = new double[0];
        double[] gomA = new double[0];
        double[] gs2 = new double[0];
        double[] gres = new double[0];

        Stages ensure(int n) {
            if (k.length < n) {
                int g = n + SP.length();
                lists = new int[TAIL_BANDS + 1][g];
                gk = new double[g];
                gax = new double[g];
                gy = new double[g];
                gomA = new double[g];
                gs2 = new double[g];
                gres = new double[g];
                k = new double[n];
                nan = new double[n];
                kk = new double[n];
                ax = new double[n];
                y = new double[n];
                up = new double[n];
                omA = new double[n];
                norm = new double[n];
                twoS2 = new double[n];
                lam = new double[n];
                c = new double[n];
                t = new double[n];
            }
            return this;
        }
    }

    /**
     * Validity, and the reduction x = 2 pi k + r (VonMisesCdf.reduce). A lane is evaluated here when
     * kappa is in [0, infinity) and |z - loc| &le; REDUCTION_EXACT_MAX (which also makes z and loc
     * finite); every other lane, and a lane whose r lands just outside [-pi, pi] (the scalar code's
     * second reduction attempt, next to odd multiples of pi), gets NaN in {@code st.nan} and is
     * recomputed by the scalar code. Written without mask logic (and/or/not): those ran as the
     * non-intrinsic fallback in this kernel (JFR allocation profile).
     */
    private static void reduceStage(double[] kappa, double[] loc, double[] z, Stages st,
            int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector k = DoubleVector.fromArray(SP, kappa, i);
            DoubleVector zv = DoubleVector.fromArray(SP, z, i);
            DoubleVector lv = DoubleVector.fromArray(SP, loc, i);
            DoubleVector u = zv.sub(lv);
            // its remainder (VonMisesCdf.differenceLo: TwoSum of z and -loc), added after the three-part subtraction
            DoubleVector b = u.sub(zv);
            DoubleVector uLo = zv.sub(u.sub(b)).add(lv.neg().sub(b));
            // <= 0 exactly when |u| <= REDUCTION_EXACT_MAX and 0 <= kappa < infinity (NaN fails the compare)
            DoubleVector test = u.lanewise(ABS).sub(REDUCTION_EXACT_MAX).max(k.neg()).max(k.sub(Double.MAX_VALUE));
            VectorMask<Double> near = test.compare(LE, 0.0);
            DoubleVector zero = k.broadcast(0.0);
            DoubleVector x = zero.blend(u, near);
            DoubleVector xLo = zero.blend(uLo, near);
            k.broadcast(1.0).blend(k, near).intoArray(st.k, i);
            DoubleVector kk = Lanes.NEG_ZERO.add(rint(x.mul(INV_TWO_PI)));
            // x - m pi with the three-part pi (VonMisesCdf.minusMultipleOfPi) for m = 2k, 2k + 1, 2k - 1, written
            // out: as calls of a helper, two of the three were not inlined (C2's node budget) and ran as boxed
            // calls, 60 bytes allocated per element (kernels-simd/tools/AllocationPerElement.java)
            DoubleVector m0 = kk.mul(2.0);
            DoubleVector r = x.sub(m0.mul(PI_A)).sub(m0.mul(PI_B)).sub(m0.mul(PI_C)).add(xLo);
            VectorMask<Double> up = r.compare(GT, 0.0);
            DoubleVector mUp = m0.add(1.0);
            DoubleVector yUp = x.sub(mUp.mul(PI_A)).sub(mUp.mul(PI_B)).sub(mUp.mul(PI_C)).add(xLo).neg();
            DoubleVector mLo = m0.sub(1.0);
            DoubleVector yLo = x.sub(mLo.mul(PI_A)).sub(mLo.mul(PI_B)).sub(mLo.mul(PI_C)).add(xLo);
            DoubleVector y = yLo.blend(yUp, up);
            k.broadcast(Double.NaN).blend(zero, near).blend(Double.NaN, y.compare(LT, 0.0)).intoArray(st.nan, i);
            kk.intoArray(st.kk, i);
            r.lanewise(ABS).intoArray(st.ax, i);
            y.intoArray(st.y, i);
            zero.blend(1.0, up).intoArray(st.up, i);
        }
    }

    /** 1 - A(kappa) and, with {@code norm}, 2 pi I0(kappa) e^-kappa (BesselI01: one power series pass for both). */
    private static void besselStage(Stages st, boolean norm, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector k = DoubleVector.fromArray(SP, st.k, i);
            VectorMask<Double> asym = k.compare(GE, BESSEL_ASYMPTOTIC_MIN_KAPPA);
            DoubleVector omA = k.broadcast(0.0);
            DoubleVector i0e = k.broadcast(0.0);
            if (asym.anyTrue()) {
                DoubleVector a0 = Lanes.NEG_ZERO.add(asymptotic(k, BESSEL_I0E_ASYM));
                omA = Lanes.NEG_ZERO.add(asymptotic(k, BESSEL_DIFF_ASYM)).div(a0);
                i0e = a0;
            }
            VectorMask<Double> ser = k.compare(LT, BESSEL_ASYMPTOTIC_MIN_KAPPA);
            if (ser.anyTrue()) {
                // lanes in the asymptotic range run the series at kappa = 0 (converges at once)
                DoubleVector ks = k.blend(0.0, asym);
                DoubleVector q = ks.mul(ks).mul(0.25);
                DoubleVector t0 = k.broadcast(1.0);
                DoubleVector t1 = k.broadcast(1.0);
                DoubleVector s0 = k.broadcast(1.0);
                DoubleVector s1 = k.broadcast(1.0);
                boolean done = false;
                for (int j = 1; j <= BESSEL_SERIES_MAX_TERMS && !done; j++) {
                    t0 = t0.mul(q.mul(INV_JJ[j]));
                    t1 = t1.mul(q.mul(INV_JJ1[j]));
                    s0 = s0.add(t0);
                    s1 = s1.add(t1);
                    // the terms decrease once below the tolerance, so this test is final per lane
                    // (t - s tol <= 0 exactly when t <= s tol; one compare instead of two and a mask and);
                    // tested every BESSEL_TEST_EVERY terms (the extra terms are below 2^-60 of the sum)
                    if (j % BESSEL_TEST_EVERY == 0 || j == BESSEL_SERIES_MAX_TERMS) {
                        done = t0.sub(s0.mul(BESSEL_SERIES_TOLERANCE)).max(t1.sub(s1.mul(BESSEL_SERIES_TOLERANCE)))
                                .compare(LE, 0.0).allTrue();
                    }
                }
                DoubleVector so = s1.mul(ks.mul(0.5)).div(s0).neg().add(1.0);
                DoubleVector se = s0.mul(ks.neg().lanewise(EXP));
                if (!done) { // BesselI01's cap: NaN in a lane that has not converged
                    VectorMask<Double> open = t0.compare(LE, s0.mul(BESSEL_SERIES_TOLERANCE))
                            .and(t1.compare(LE, s1.mul(BESSEL_SERIES_TOLERANCE))).not();
                    so = so.blend(Double.NaN, open);
                    se = se.blend(Double.NaN, open);
                }
                omA = omA.blend(so, ser);
                i0e = i0e.blend(se, ser);
            }
            omA.intoArray(st.omA, i);
            if (norm) {
                i0e.mul(TWO_PI).intoArray(st.norm, i);
            }
        }
    }

    /** 2 sin^2(ax/2) (the region test and the tail's g0). */
    private static void twoS2Stage(Stages st, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector sh = DoubleVector.fromArray(SP, st.ax, i).mul(0.5).lanewise(SIN);
            sh.mul(sh).mul(2.0).intoArray(st.twoS2, i);
            // lambda of the tail bands: kappa (1 + cos x) = 2 kappa sin^2(y/2), from y (2 - twoS2 cancels next to pi)
            DoubleVector sy = DoubleVector.fromArray(SP, st.y, i).mul(0.5).lanewise(SIN);
            sy.mul(sy).mul(2.0).mul(DoubleVector.fromArray(SP, st.k, i)).intoArray(st.lam, i);
        }
    }

    /** Pads the index list {@code idx[0..n)} to whole vectors by repeating its last index; returns the padded length. */
    private static int pad(int[] idx, int n) {
        int len = (n + SP.length() - 1) / SP.length() * SP.length();
        java.util.Arrays.fill(idx, n, len, idx[n - 1]);
        return len;
    }

    private static void gather(int[] idx, int len, double[] src, double[] dst) {
        for (int q = 0; q < len; q++) {
            dst[q] = src[idx[q]];
        }
    }

    private static void scatter(int[] idx, int n, double[] src, double[] dst) {
        for (int q = 0; q < n; q++) {
            dst[idx[q]] = src[q];
        }
    }

    /** The central sum (VonMisesCdf.centralIntegral) of the gathered lanes [0, len). */
    private static void centralSums(double[] k, double[] axs, double[] omAs, double[] res, int m, int len,
            double[] nodes, double[] weights) {
        for (int i = 0; i < len; i += SP.length()) {
            DoubleVector ax = DoubleVector.fromArray(SP, axs, i);
            DoubleVector omA = DoubleVector.fromArray(SP, omAs, i);
            DoubleVector kneg = DoubleVector.fromArray(SP, k, i).neg();
            DoubleVector half = ax.mul(0.5);
            DoubleVector sum = ax.broadcast(0.0);
            for (int j = 0; j < nodes.length; j++) {
                // sin(t/2) by the polynomial of sinQuarterPeriod, written out here (a call is inlined or not
                // by the JIT's budget, which depends on what else the process compiled: see sinQuarterPeriod)
                DoubleVector h = half.mul(nodes[j]);
                DoubleVector h2 = h.mul(h);
                DoubleVector p = h2.broadcast(SIN_QUARTER_PERIOD[SIN_LAST]);
                for (int c = SIN_LAST - 1; c >= 0; c--) {
                    p = p.fma(h2, h2.broadcast(SIN_QUARTER_PERIOD[c]));
                }
                DoubleVector s = h.mul(h2).fma(p, h);
                DoubleVector q = s.mul(2.0).mul(s);
                DoubleVector w = kneg.mul(q).lanewise(EXP).mul(weights[j]);
                sum = m == 0 ? sum.add(w) : sum.add(omA.sub(q).mul(w));
            }
            sum.mul(ax).intoArray(res, i);
        }
    }

    /**
     * The tail sum (VonMisesCdf.tailIntegral, g0 = 2 sin^2(ax/2) - (1 - A)) of the gathered lanes
     * [0, len). The length dmax multiplies the sum.
     */
    private static void tailSums(double[] k, double[] axs, double[] ys, double[] omAs, double[] twoS2s, double[] res,
            int m, int len, double[] nodes, double[] weights) {
        for (int i = 0; i < len; i += SP.length()) {
            DoubleVector kappa = DoubleVector.fromArray(SP, k, i);
            DoubleVector ax = DoubleVector.fromArray(SP, axs, i);
            DoubleVector y = DoubleVector.fromArray(SP, ys, i);
            DoubleVector g0 = DoubleVector.fromArray(SP, twoS2s, i).sub(DoubleVector.fromArray(SP, omAs, i));
            DoubleVector dmax = Lanes.NEG_ZERO.add(tailLength(kappa, ax, y));
            VectorMask<Double> nearPi = ax.compare(GE, 0.5 * Math.PI);
            // sin(ax + d/2) = sa cos(d/2) + ca sin(d/2), (sa, ca) = (sin ax, cos ax) or (sin y, -cos y) near pi
            DoubleVector v = ax.blend(y, nearPi);
            DoubleVector sa = v.lanewise(SIN);
            DoubleVector cv = v.lanewise(COS);
            DoubleVector ca = cv.blend(cv.neg(), nearPi);
            DoubleVector halfD = dmax.mul(0.5);
            DoubleVector kneg = kappa.neg();
            DoubleVector sum = ax.broadcast(0.0);
            for (int j = 0; j < nodes.length; j++) {
                // sin(d/2): sinQuarterPeriod written out (see centralSums)
                DoubleVector h = halfD.mul(nodes[j]);
                DoubleVector h2 = h.mul(h);
                DoubleVector p = h2.broadcast(SIN_QUARTER_PERIOD[SIN_LAST]);
                for (int c = SIN_LAST - 1; c >= 0; c--) {
                    p = p.fma(h2, h2.broadcast(SIN_QUARTER_PERIOD[c]));
                }
                DoubleVector sd = h.mul(h2).fma(p, h);
                DoubleVector cd = sd.mul(sd).neg().add(1.0).lanewise(SQRT);
                DoubleVector q = sa.mul(cd).add(ca.mul(sd)).mul(2.0).mul(sd);
                DoubleVector w = kneg.mul(q).lanewise(EXP).mul(weights[j]);
                sum = m == 0 ? sum.add(w) : sum.add(g0.add(q).mul(w));
            }
            sum.mul(dmax).intoArray(res, i);
        }
    }

    /** Index of the last coefficient of SIN_QUARTER_PERIOD. */
    private static final int SIN_LAST = SIN_QUARTER_PERIOD.length - 1;

    /**
     * sin x for x in [0, pi/2] (the quadrature nodes' half-angles d/2 and t/2): the odd polynomial
     * x + x t S(t), t = x^2, of VonMisesConstants.SIN_QUARTER_PERIOD (max 2.1e-16 relative, about one ulp as
     * Math.sin), by Horner with fused multiply-adds. Instead of the vector SIN (a general sine with argument
     * reduction): dz/dkappa 5.1 -> 5.75x the scalar reference per pair, docs/vonmises.md "Tail bands". The
     * specification of the loops in centralSums and tailSums, which write it out (as a call it was not always
     * inlined, docs/simd.md "Inlining"); VectorFunctionsTest checks it against Math.sin.
     */
    static DoubleVector sinQuarterPeriod(DoubleVector x) {
        DoubleVector t = x.mul(x);
        int last = SIN_QUARTER_PERIOD.length - 1;
        DoubleVector q = t.broadcast(SIN_QUARTER_PERIOD[last]);
        for (int j = last - 1; j >= 0; j--) {
            q = q.fma(t, t.broadcast(SIN_QUARTER_PERIOD[j]));
        }
        return x.mul(t).fma(q, x);
    }

    /** The operation from the stages' results: region blend, normalization, symmetry, NaN at invalid lanes. */
    private static void combineStage(Op op, Stages st, double[] out, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector kappa = DoubleVector.fromArray(SP, st.k, i);
            DoubleVector omA = DoubleVector.fromArray(SP, st.omA, i);
            DoubleVector twoS2 = DoubleVector.fromArray(SP, st.twoS2, i);
            DoubleVector c = DoubleVector.fromArray(SP, st.c, i);
            DoubleVector t = DoubleVector.fromArray(SP, st.t, i);
            VectorMask<Double> central = twoS2.compare(LT, omA);
            VectorMask<Double> upper = DoubleVector.fromArray(SP, st.up, i).compare(NE, 0.0);
            DoubleVector v = kappa.mul(twoS2); // 2 kappa sin^2(ax/2)
            DoubleVector r;
            if (op == Op.VONMISES_GRAD_KAPPA) {
                DoubleVector lower = t.blend(c.mul(v.lanewise(EXP)), central);
                r = lower.blend(lower.neg(), upper);
            } else {
                DoubleVector norm = DoubleVector.fromArray(SP, st.norm, i);
                DoubleVector ev = v.neg().lanewise(EXP);
                if (op == Op.VONMISES_CDF) {
                    DoubleVector lower = t.div(norm).mul(ev).blend(c.div(norm).neg().add(0.5), central);
                    DoubleVector kk = DoubleVector.fromArray(SP, st.kk, i);
                    r = kk.add(lower).blend(kk.add(1.0).sub(lower), upper);
                } else {
                    DoubleVector lower = t.div(norm).mul(ev).neg().blend(c.div(norm).neg(), central);
                    r = lower.blend(lower.neg(), upper);
                }
            }
            r.add(DoubleVector.fromArray(SP, st.nan, i)).intoArray(out, i);
        }
    }

    /** Math.rint for every double: exact rounding trick below 2^51, identity above (already integral). */
    static DoubleVector rint(DoubleVector t) {
        t = Lanes.NEG_ZERO.add(t);
        DoubleVector r = t.add(RINT_MAGIC).sub(RINT_MAGIC);
        DoubleVector rn = t.sub(RINT_MAGIC).add(RINT_MAGIC);
        r = r.blend(rn, t.compare(LT, 0.0));
        return r.blend(t, t.lanewise(ABS).compare(GE, RINT_EXACT));
    }

    /** VonMisesCdf.tailLength. */
    private static DoubleVector tailLength(DoubleVector kappa, DoubleVector ax, DoubleVector y) {
        kappa = Lanes.NEG_ZERO.add(kappa);
        ax = Lanes.NEG_ZERO.add(ax);
        y = Lanes.NEG_ZERO.add(y);
        VectorMask<Double> nearPi = ax.compare(GE, 0.5 * Math.PI);
        // sin(y/2), cos(y/2) from y/2 near pi, from ax/2 = pi/2 - y/2 elsewhere (VonMisesCdf.tailLength)
        DoubleVector h = ax.mul(0.5).blend(y.mul(0.5), nearPi);
        DoubleVector sinH = h.lanewise(SIN);
        DoubleVector cosH = h.lanewise(COS);
        DoubleVector sh = cosH.blend(sinH, nearPi);
        DoubleVector ch = sinH.blend(cosH, nearPi);
        DoubleVector s2 = sh.mul(sh);
        DoubleVector c = kappa.broadcast(0.5 * TAIL_EXPONENT_CUTOFF).div(kappa);
        VectorMask<Double> cut = s2.compare(GT, c);
        DoubleVector den = sh.mul(ch.mul(ch).add(c).lanewise(SQRT)).add(ch.mul(s2.sub(c).lanewise(SQRT)));
        DoubleVector len = c.div(den).lanewise(ASIN).mul(2.0);
        return y.blend(len, cut);
    }

    /** sum_j c_j kappa^-j * (2 pi kappa)^-1/2 (BesselI01.asymptoticI0e / asymptoticDiff). */
    private static DoubleVector asymptotic(DoubleVector kappa, double[] c) {
        kappa = Lanes.NEG_ZERO.add(kappa);
        DoubleVector r = kappa.broadcast(1.0).div(kappa);
        DoubleVector s = kappa.broadcast(0.0);
        for (int j = c.length - 1; j >= 0; j--) {
            s = s.mul(r).add(c[j]);
        }
        return s.mul(INV_SQRT_TWO_PI).div(kappa.lanewise(SQRT));
    }
}
