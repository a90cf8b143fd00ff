package dev.irg.simd;

import static dev.irg.math.GammaConstants.CF_MAX_ITER;
import static dev.irg.math.GammaConstants.CF_TINY;
import static dev.irg.math.GammaConstants.PHI_LOG1PMX_LAMBDA_MIN;
import static dev.irg.math.GammaConstants.CF_TOLERANCE;
import static dev.irg.math.GammaConstants.LOG_MINUS_DIGAMMA_A_MIN;
import static dev.irg.math.SpecialConstants.DIGAMMA_ROOT_HI;
import static dev.irg.math.SpecialConstants.DIGAMMA_ROOT_LO;
import static dev.irg.math.SpecialConstants.DIGAMMA_ROOT_SERIES;
import static dev.irg.math.SpecialConstants.LGAMMA_STIRLING;
import static dev.irg.math.SpecialConstants.LGAMMA_STIRLING_MIN;
import static dev.irg.math.SpecialConstants.LOG_SQRT_2PI;
import static dev.irg.math.GammaConstants.PREFIX_STIRLING_A_MIN;
import static dev.irg.math.GammaConstants.REGION_CONTINUED_FRACTION;
import static dev.irg.math.GammaConstants.REGION_EDGE;
import static dev.irg.math.GammaConstants.TINY_ALPHA_PROXY;
import static dev.irg.math.GammaConstants.REGION_SERIES;
import static dev.irg.math.GammaConstants.REGION_TEMME;
import static dev.irg.math.GammaConstants.SERIES_MAX_ITER;
import static dev.irg.math.GammaConstants.SERIES_TOLERANCE;
import static dev.irg.math.GammaConstants.TEMME_C;
import static dev.irg.math.GammaConstants.TEMME_LAMBDA_HI;
import static dev.irg.math.GammaConstants.TEMME_LAMBDA_LO;
import static dev.irg.math.GammaConstants.TEMME_A_MIN;
import static dev.irg.math.GammaConstants.SERIES_X_OFFSET;
import static dev.irg.math.GammaConstants.TEMME_K;
import static dev.irg.math.GammaConstants.TEMME_K_A_MIN;
import static dev.irg.math.GammaConstants.TEMME_K_COUNT;
import static dev.irg.math.GammaConstants.TEMME_N;
import static dev.irg.math.GammaConstants.TEMME_N_COUNT;
import static dev.irg.math.GammaConstants.TEMME_N_ETA_MAX;
import static dev.irg.math.SpecialConstants.INV_2PI;
import static dev.irg.math.SpecialConstants.INV_SQRT_2PI;
import static jdk.incubator.vector.VectorOperators.ABS;
import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LOG;
import static jdk.incubator.vector.VectorOperators.LOG1P;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NE;
import static jdk.incubator.vector.VectorOperators.POW;
import static jdk.incubator.vector.VectorOperators.SQRT;

import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.math.IncompleteGamma;
import dev.irg.math.Reference;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Gamma(alpha, rate) kernels: the vector port of {@link IncompleteGamma} as applied by
 * {@link dev.irg.math.Reference} (u = rate z; P(alpha, u), dP/dalpha, dz/dalpha = (du/dalpha)/rate,
 * dz/drate = -z/rate). {@link #classify} is the vector form of {@link IncompleteGamma#classify} (the
 * same regions and thresholds, {@link dev.irg.math.GammaConstants}) with three bands of alpha; the
 * driver groups elements by region and each region runs as stages, loops over its run that pass
 * their results through per-thread arrays: the power series or the continued fraction (iterating
 * until every lane of a vector meets the scalar code's convergence test, at most
 * VECTOR_ITERATION_BUDGET iterations; lanes still open are finished by the scalar region code), or
 * Temme's sums (fixed counts); then one loop per special function the quantity needs; then the
 * final arithmetic. For float32 results the sums stop at {@link #F32_SUM_TOLERANCE}. The edge
 * region (invalid input, u = 0, u = +infinity) is rare and closed-form: the scalar
 * {@link IncompleteGamma#edge} per element. Why stages and no mask logic: docs/simd.md, "Profile".
 */
final class GammaKernels implements Family {
    /*
     * Driver region codes: GammaConstants' regions split further so that the lanes of a vector take the
     * same branches and run about as long.
     * - Bands of alpha in the series and the continued fraction (edges PREFIX_STIRLING_A_MIN and
     *   LOG_MINUS_DIGAMMA_A_MIN, the thresholds of the prefactor's and log x - psi's branches): band 0, 1, 2.
     * - Bands of x in the series (SERIES_X_BANDS): a vector sums until its slowest lane has converged, and
     *   the number of terms grows with x (2 near x = 0, ~17 at x = 1). Likewise in the continued fraction
     *   (CF_X_BANDS), whose steps are most next to x = a + 1 for small a (up to ~90 steps at a &lt; 1, x &lt; 2).
     * - Classes of alpha in Temme's region (TEMME_K_A_MIN, the edges of the term-count tables): a vector (temmeSums:
     *   a pair) sums the rows c_k its smallest alpha needs (13 at a = 20, 3 from 1e6 on) and the Taylor terms its
     *   largest |eta| needs (9 near the mean, 34 at |eta| = 1). Grouped by alpha class instead of by |eta| band (the
     *   grouping until the thirteenth session), the pairs of the report's Temme elements sum 53.4 row terms instead
     *   of 62.4 (kernels-simd/tools/TemmeGrouping.java; 132 instead of 180 with lambda uniform across the window):
     *   a pair of random lanes almost always holds an alpha near 20, while |eta| is small for most samples anyway.
     * Codes: 0 REGION_EDGE; CF_CODE + alpha band * (CF_X_BANDS.length + 1) + x band: continued fraction;
     * TEMME_CODE + alpha class - 1: Temme; SERIES_CODE + alpha band * (SERIES_X_BANDS.length + 1) + x band: series
     * (some codes cannot occur: the series' x &lt; a + 1 &lt; 2 in alpha band 0, the fraction's x &ge; a + 1 &ge; 11 in
     * alpha band 2). Replayed on the report's
     * 200 000 Gamma inputs with the scalar code's iteration counts and term counts
     * ({@code python3 kernels-simd/tools/region_spread.py}): the series' terms per element, as many as the
     * slowest of its vector's 8 lanes, 19.1 -> 13.6 (10.6 if every lane stopped at its own count); Temme's
     * K x N terms per vector 154 -> 93; the fraction's steps per element 37.7 -> 31.5 (26.2; with
     * CF_VECTOR_BUDGET, see there).
     */
    /** Thresholds of x splitting the series' elements of one alpha band (see above). */
    static final double[] SERIES_X_BANDS = {0.003, 0.03, 0.3, 2.0};
    /** Thresholds of x splitting the continued fraction's elements of one alpha band (see above). */
    static final double[] CF_X_BANDS = {2.0, 4.0, 10.0};
    /** Bands of alpha in the series and the continued fraction (edges PREFIX_STIRLING_A_MIN, LOG_MINUS_DIGAMMA_A_MIN). */
    private static final int ALPHA_BANDS = 3;
    private static final int CF_CODE = 1;
    private static final int TEMME_CODE = CF_CODE + ALPHA_BANDS * (CF_X_BANDS.length + 1);
    private static final int SERIES_CODE = TEMME_CODE + TEMME_K_A_MIN.length;
    private static final int REGIONS = SERIES_CODE + ALPHA_BANDS * (SERIES_X_BANDS.length + 1);
    /**
     * Iterations a vector runs the series or the continued fraction before the lanes that have not
     * converged yet are finished one by one by the scalar code. A vector iterates as long as its
     * slowest lane: measured with {@code python3 kernels-simd/tools/iteration_spread.py} (same
     * formulas and tolerances), the series for a &lt; 20 needs 17 terms on average, 27 for the
     * slowest of 8 lanes, at most 47; the continued fraction for a &lt; 20, x in [a+1, a+31] 14 on
     * average, 20 for the slowest of 8, at most 54. 64 covers these; a rarer slower lane goes to the
     * scalar code instead of holding up its vector.
     */
    static final int VECTOR_ITERATION_BUDGET = 64;

    /**
     * The continued fraction's budget (VECTOR_ITERATION_BUDGET for the series): on the report's inputs 4 % of the
     * fraction's elements need more than 64 steps (up to 93: a &lt; 1, x just above a + 1), and finishing them in the
     * scalar code, which starts over, took 4.7 % of the float64 dz/dalpha's time (JFR); with 128 none does,
     * and the x bands (CF_X_BANDS) keep such elements in vectors of their own.
     */
    static final int CF_VECTOR_BUDGET = 128;

    /**
     * Below this a, (a + n)(a + n + 1) cannot overflow in seriesSums; series elements at or above it go to the scalar
     * code (REGION_EDGE; x &lt; a + 1 &ge; 2^500, a corner of the domain).
     */
    static final double SERIES_PAIR_A_MAX = 0x1p500;

    /** This JVM's species (a constant, see {@link Lanes}). */
    private static final VectorSpecies<Double> SP = Lanes.SD;

    @Override
    public int regions() {
        return REGIONS;
    }

    @Override
    public boolean has(Op op) {
        return op.distribution() == dev.irg.Distribution.GAMMA;
    }

    /** The quantity selector of IncompleteGamma for {@code op}. */
    private static int what(Op op) {
        return switch (op) {
            case GAMMA_CDF -> IncompleteGamma.WHAT_P;
            case GAMMA_DCDF_DALPHA -> IncompleteGamma.WHAT_DPDA;
            default -> IncompleteGamma.WHAT_GRAD;
        };
    }

    @Override
    public void classify(Op op, double[] alpha, double[] rate, double[] z, byte[] region, int m) {
        if (op == Op.GAMMA_GRAD_RATE) {
            Arrays.fill(region, 0, m, (byte) REGION_EDGE);
            return;
        }
        double[] codes = STAGES.get().ensure(m).f0;
        for (int i = 0; i < m; i += SP.length()) {
            classifyVector(alpha, rate, z, codes, i);
        }
        for (int i = 0; i < m; i++) {
            region[i] = (byte) codes[i];
        }
    }

    /**
     * The driver region codes of the lanes at {@code i}, as doubles, into {@code codes}: the vector form
     * of {@link IncompleteGamma#classify} (same thresholds and comparisons) with the rate check and the
     * alpha bands (REGIONS). Blends only, no mask logic (see VectorGammaFunctions.inRange); measured:
     * the scalar classification per element was a quarter of the kernel's time.
     */
    private static void classifyVector(double[] alpha, double[] rate, double[] z, double[] codes, int i) {
        DoubleVector a = DoubleVector.fromArray(SP, alpha, i);
        DoubleVector r = DoubleVector.fromArray(SP, rate, i);
        DoubleVector x = r.mul(DoubleVector.fromArray(SP, z, i));
        VectorMask<Double> series = x.compare(LT, a.add(SERIES_X_OFFSET));
        DoubleVector zero = a.broadcast(0.0);
        // alpha band 0, 1, 2 (a NaN: 0, an edge lane anyway)
        DoubleVector band = zero.blend(1.0, a.compare(GE, PREFIX_STIRLING_A_MIN))
                .add(zero.blend(1.0, a.compare(GE, LOG_MINUS_DIGAMMA_A_MIN)));
        DoubleVector xBand = zero;
        for (double t : SERIES_X_BANDS) {
            xBand = xBand.add(zero.blend(1.0, x.compare(GE, t)));
        }
        DoubleVector cfBand = zero;
        for (double t : CF_X_BANDS) {
            cfBand = cfBand.add(zero.blend(1.0, x.compare(GE, t)));
        }
        DoubleVector c = band.mul(CF_X_BANDS.length + 1).add(cfBand).add((double) CF_CODE)
                .blend(band.mul(SERIES_X_BANDS.length + 1).add(xBand).add((double) SERIES_CODE), series);
        // Temme: a >= TEMME_A_MIN and TEMME_LAMBDA_LO <= x/a <= TEMME_LAMBDA_HI (NaN lambda: no)
        DoubleVector lam = x.div(a).blend(Double.NaN, a.compare(LT, TEMME_A_MIN));
        VectorMask<Double> temme = lam.blend(Double.POSITIVE_INFINITY, lam.compare(LT, TEMME_LAMBDA_LO))
                .compare(LE, TEMME_LAMBDA_HI);
        if (temme.anyTrue()) {
            // the alpha class less one (alpha >= TEMME_K_A_MIN[0] = TEMME_A_MIN here): the edges below alpha
            DoubleVector aClass = zero;
            for (int k = 1; k < TEMME_K_A_MIN.length; k++) {
                aClass = aClass.add(zero.blend(1.0, a.compare(GE, TEMME_K_A_MIN[k])));
            }
            c = c.blend(aClass.add((double) TEMME_CODE), temme);
        }
        // edge: a, x or rate not in [MIN_NORMAL, infinity), NaN included (min and max propagate NaN): invalid
        // input, x = 0 and x = +infinity, and the rare subnormal or underflowed x = rate z, which the scalar
        // Reference.gamma evaluates through log x = log rate + log z
        DoubleVector lo = a.min(x).min(r);
        c = a.broadcast((double) REGION_EDGE).blend(c, lo.compare(GE, Double.MIN_NORMAL));
        // alpha below TINY_ALPHA_PROXY: the scalar code evaluates it at the proxy and scales (IncompleteGamma.tinyA)
        c = c.blend((double) REGION_EDGE, a.compare(LT, TINY_ALPHA_PROXY));
        // the series at alpha >= SERIES_PAIR_A_MAX (x < alpha + 1 there): by the scalar code, so that seriesSums' products
        // of two factors alpha + n need no scaling
        c = c.blend((double) REGION_EDGE, x.blend(Double.POSITIVE_INFINITY, a.compare(LT, SERIES_PAIR_A_MAX))
                .compare(LT, a.add(SERIES_X_OFFSET)));
        c.blend((double) REGION_EDGE, a.max(x).max(r).compare(EQ, Double.POSITIVE_INFINITY)).intoArray(codes, i);
    }

    /** The GammaConstants region of a driver region code. */
    static int baseRegion(int code) {
        return code == REGION_EDGE ? REGION_EDGE : code < TEMME_CODE ? REGION_CONTINUED_FRACTION
                : code < SERIES_CODE ? REGION_TEMME : REGION_SERIES;
    }

    /**
     * The alpha band of a series or continued-fraction code (0 below PREFIX_STIRLING_A_MIN, 1 below
     * LOG_MINUS_DIGAMMA_A_MIN, else 2); 0 for the other codes.
     */
    static int band(int code) {
        return switch (baseRegion(code)) {
            case REGION_CONTINUED_FRACTION -> (code - CF_CODE) / (CF_X_BANDS.length + 1);
            case REGION_SERIES -> (code - SERIES_CODE) / (SERIES_X_BANDS.length + 1);
            default -> 0;
        };
    }

    /**
     * The x band of a series code (SERIES_X_BANDS) or of a continued-fraction code (CF_X_BANDS), the alpha class less
     * one of a Temme code (TEMME_K_A_MIN); 0 for REGION_EDGE.
     */
    static int subBand(int code) {
        return switch (baseRegion(code)) {
            case REGION_SERIES -> (code - SERIES_CODE) % (SERIES_X_BANDS.length + 1);
            case REGION_CONTINUED_FRACTION -> (code - CF_CODE) % (CF_X_BANDS.length + 1);
            case REGION_TEMME -> code - TEMME_CODE;
            default -> 0;
        };
    }

    /**
     * Relative truncation of the series and the continued fraction for float32 results, in place of
     * SERIES_TOLERANCE / CF_TOLERANCE (2^-53): 2^-30 is 128 times below float32's rounding unit
     * (2^-24 relative spacing), so the truncation stays far below the float32 limits (2e-6 max, 2e-7
     * median vs the golden tables; measured in docs/simd.md) unless the bracket of dP/da cancels by
     * more than a factor of ~1000. Saves about a third of the iterations (measured: f32 dz/da
     * 18.4 -> 22 M elements per CPU-second, n = 1e5).
     */
    static final double F32_SUM_TOLERANCE = 0x1p-30;

    @Override
    public void evaluate(Op op, int code, double[] alpha, double[] rate, double[] z, double[] out, int from, int to) {
        evaluate(op, code, Precision.F64, alpha, rate, z, out, from, to);
    }

    @Override
    public void evaluate(Op op, int code, Precision precision, double[] alpha, double[] rate, double[] z, double[] out,
            int from, int to) {
        int region = baseRegion(code);
        boolean f32 = precision == Precision.F32;
        if (op == Op.GAMMA_GRAD_RATE) {
            gradRate(alpha, rate, z, out, from, to);
            return;
        }
        int what = what(op);
        if (region == REGION_EDGE) {
            for (int i = from; i < to; i++) {
                out[i] = Reference.gamma(alpha[i], rate[i], z[i], what);
            }
            return;
        }
        Stages st = STAGES.get().ensure(to);
        int band = band(code);
        st.what = what;
        st.region = region;
        st.f32 = f32;
        st.alpha = alpha;
        st.rate = rate;
        st.z = z;
        st.out = out;
        st.from = from;
        st.to = to;
        Stage[] plan = st.plan;
        int n = 0;
        switch (region) {
            case REGION_SERIES, REGION_CONTINUED_FRACTION -> {
                boolean series = region == REGION_SERIES;
                plan[n++] = series ? Stage.SERIES_SUMS : Stage.CF_SUMS;
                if (what != IncompleteGamma.WHAT_GRAD) {
                    plan[n++] = band == 0 ? Stage.PREFIX_SMALL : Stage.PREFIX_STIRLING;
                }
                if (what != IncompleteGamma.WHAT_P) {
                    // log x - psi(a + 1) for the series, log x - psi(a) for the fraction
                    plan[n++] = series ? (band == 2 ? Stage.LMD_P1_BIG : Stage.LMD_P1_SMALL)
                            : (band == 2 ? Stage.LMD0_BIG : Stage.LMD0_SMALL);
                }
                plan[n++] = series ? Stage.SERIES_FINISH : Stage.CF_FINISH;
                if (what != IncompleteGamma.WHAT_GRAD) {
                    plan[n++] = Stage.RATE_CORRECTION;
                }
            }
            case REGION_TEMME -> {
                plan[n++] = Stage.TEMME_SETUP;
                plan[n++] = Stage.TEMME_SUMS;
                if (what == IncompleteGamma.WHAT_P) {
                    plan[n++] = Stage.TEMME_ERFC;
                }
                plan[n++] = Stage.TEMME_FINISH;
                if (what != IncompleteGamma.WHAT_GRAD) {
                    plan[n++] = Stage.RATE_CORRECTION;
                }
            }
            default -> throw new IllegalArgumentException("region " + region);
        }
        for (int k = 0; k < n; k++) {
            plan[k].run(st);
        }
        st.alpha = st.rate = st.z = st.out = null;
        if (region != REGION_TEMME) {
            // NaN marks a lane that did not converge within its vector budget or whose sums
            // overflowed: the scalar region code finishes it (with the cap and the NaN rule)
            for (int j = from; j < to; j++) {
                if (Double.isNaN(out[j])) {
                    out[j] = scalarTail(region, alpha[j], rate[j], z[j], what);
                }
            }
        }
    }

    /**
     * The stages of a region's evaluation, called by {@link #evaluate} through one virtual call site that sees at
     * least three of them in any process (every region and operation runs three or four), so that the JIT cannot
     * inline them into evaluate and compiles each on its own. Called directly, the smaller stages were inlined into
     * evaluate when hot, and that compilation reached C2's node budget: the helpers below them (digamma) were then
     * not inlined and their vectors boxed (the float64 Gamma rsample: 297 bytes per element; docs/simd.md,
     * "Inlining").
     */
    private enum Stage {
        SERIES_SUMS {
            @Override
            void run(Stages s) {
                seriesSums(s.f32 ? F32_SUM_TOLERANCE : SERIES_TOLERANCE, s.alpha, s.rate, s.z, s, s.from, s.to);
            }
        },
        CF_SUMS {
            @Override
            void run(Stages s) {
                cfSums(s.f32 ? F32_SUM_TOLERANCE : CF_TOLERANCE, s.alpha, s.rate, s.z, s, s.from, s.to);
            }
        },
        PREFIX_SMALL {
            @Override
            void run(Stages s) {
                prefixSmallStage(s.alpha, s.rate, s.z, s.f0, s.from, s.to);
            }
        },
        PREFIX_STIRLING {
            @Override
            void run(Stages s) {
                prefixStirlingStage(s.alpha, s.rate, s.z, s.f0, s.from, s.to);
            }
        },
        LMD_P1_SMALL {
            @Override
            void run(Stages s) {
                logMinusDigammaSmallStage(s.alpha, s.rate, s.z, 1.0, s.f1, s.from, s.to);
            }
        },
        LMD_P1_BIG {
            @Override
            void run(Stages s) {
                lmdP1BigStage(s.alpha, s.rate, s.z, s.f1, s.from, s.to);
            }
        },
        LMD0_SMALL {
            @Override
            void run(Stages s) {
                logMinusDigammaSmallStage(s.alpha, s.rate, s.z, 0.0, s.f1, s.from, s.to);
            }
        },
        LMD0_BIG {
            @Override
            void run(Stages s) {
                lmd0BigStage(s.alpha, s.rate, s.z, s.f1, s.from, s.to);
            }
        },
        SERIES_FINISH {
            @Override
            void run(Stages s) {
                seriesFinish(s.what, s.alpha, s.rate, s.z, s, s.out, s.from, s.to);
            }
        },
        CF_FINISH {
            @Override
            void run(Stages s) {
                cfFinish(s.what, s.alpha, s.rate, s.z, s, s.out, s.from, s.to);
            }
        },
        TEMME_SETUP {
            @Override
            void run(Stages s) {
                temmeSetup(s.alpha, s.rate, s.z, s, s.from, s.to);
            }
        },
        TEMME_SUMS {
            @Override
            void run(Stages s) {
                temmeSums(s.f32, s.alpha, s, s.from, s.to);
            }
        },
        TEMME_ERFC {
            @Override
            void run(Stages s) {
                temmeErfc(s.alpha, s, s.from, s.to);
            }
        },
        TEMME_FINISH {
            @Override
            void run(Stages s) {
                temmeFinish(s.what, s.alpha, s.rate, s.z, s, s.out, s.from, s.to);
            }
        },
        RATE_CORRECTION {
            @Override
            void run(Stages s) {
                rateCorrectionStage(s.region, s.what, s.alpha, s.rate, s.z, s, s.out, s.from, s.to);
            }
        };

        abstract void run(Stages s);
    }

    /** Per-thread intermediate arrays of the stages (one value per element). */
    private static final ThreadLocal<Stages> STAGES = ThreadLocal.withInitial(Stages::new);

    /**
     * Intermediate results between the stages of a region's evaluation. Each region runs as a few
     * loops over its run of elements, each a method of its own whose vectors stay local (loaded from
     * and stored to these arrays): one large method, or helpers handing vectors to each other, ran
     * past the JIT's inlining budget and the vector operations left outside it executed as the
     * Vector API's non-intrinsic Java fallback (JFR: ~160 bytes allocated per element and most of the
     * time; docs/simd.md).
     */
    private static final class Stages {
        double[] u = new double[0];  // S (series), F (fraction), eta (Temme)
        double[] du = new double[0]; // dS/da, dF/da, phi (Temme)
        double[] w = new double[0];  // lambda - 1 (Temme)
        double[] ra = new double[0]; // 1/a (Temme)
        double[] t0 = new double[0]; // Temme sums T, dT/deta, dT/da
        double[] t1 = new double[0];
        double[] t2 = new double[0];
        double[] f0 = new double[0]; // prefix (series, fraction); e = exp(-a phi)/sqrt(2 pi a) (Temme P, dP/da); classify: codes
        double[] f1 = new double[0]; // log x - psi
        // the call being evaluated, for the stages (Stage.run)
        final Stage[] plan = new Stage[5];
        int what;
        int region;
        boolean f32;
        double[] alpha;
        double[] rate;
        double[] z;
        double[] out;
        int from;
        int to;

        Stages ensure(int n) {
            if (u.length < n) {
                f0 = new double[n];
                f1 = new double[n];
                u = new double[n];
                du = new double[n];
                w = new double[n];
                ra = new double[n];
                t0 = new double[n];
                t1 = new double[n];
                t2 = new double[n];
            }
            return this;
        }
    }

    /** A lane that has not converged within the vector budget, by the scalar region code. */
    private static double scalarTail(int region, double a, double rate, double z, int what) {
        double x = rate * z;
        double v = region == REGION_SERIES ? IncompleteGamma.series(a, x, Math.log(x), what)
                : IncompleteGamma.continuedFraction(a, x, what);
        if (what == IncompleteGamma.WHAT_GRAD) {
            return v / rate;
        }
        return IncompleteGamma.atExactProduct(v, a, rate, z, x, what); // as Reference.gamma
    }

    /** dz/drate = -z/rate (the reference's {@code gammaGradRate}). */
    static void gradRate(double[] alpha, double[] rate, double[] z, double[] out, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector a = DoubleVector.fromArray(SP, alpha, i);
            DoubleVector r = DoubleVector.fromArray(SP, rate, i);
            DoubleVector x = DoubleVector.fromArray(SP, z, i);
            Lanes.NEG_ZERO.add(GammaRateKernel.gradRate(a, r, x)).intoArray(out, i);
        }
    }

    /**
     * REGION_SERIES, first stage (IncompleteGamma.series): S and dS/da into st.u and st.du, iterating
     * until every lane of a vector meets the scalar code's convergence test (a lane that met it keeps
     * adding terms below the tolerance), at most VECTOR_ITERATION_BUDGET terms; S is NaN in a lane
     * that has not converged by then. The test is one compare: t &le; S tol and -dt &le; -dS tol hold
     * exactly when max(t - S tol, dS tol - dt) &le; 0 (the terms only shrink once below the
     * tolerance, so testing the current term suffices). Two terms per step and per division (1/(a+n) and
     * 1/(a+n+1) from 1/((a+n)(a+n+1)), a few ulp where the scalar code has one; tested after the second term):
     * the division's throughput bounded the loop (dz/da on the report's inputs 19.3 -> 18.5 ns per element).
     */
    private static void seriesSums(double tol, double[] alpha, double[] rate, double[] z, Stages st,
            int from, int to) {
        int cap = Math.min(SERIES_MAX_ITER, VECTOR_ITERATION_BUDGET);
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector a = DoubleVector.fromArray(SP, alpha, i);
            DoubleVector x = DoubleVector.fromArray(SP, rate, i).mul(DoubleVector.fromArray(SP, z, i));
            DoubleVector one = a.broadcast(1.0);
            DoubleVector s = a.broadcast(1.0);
            DoubleVector ds = a.broadcast(0.0);
            DoubleVector t = a.broadcast(1.0);
            DoubleVector h = a.broadcast(0.0);
            DoubleVector crit = a.broadcast(1.0);
            // two terms per division: 1/(a+n) and 1/(a+n+1) from 1/((a+n)(a+n+1)) (a < SERIES_PAIR_A_MAX: classify)
            for (int n = 1; n < cap; n += 2) {
                DoubleVector an = a.add(n);
                DoubleVector an1 = a.add(n + 1);
                DoubleVector r2 = one.div(an.mul(an1));
                DoubleVector rn = r2.mul(an1);
                DoubleVector rn1 = r2.mul(an);
                t = t.mul(x).mul(rn);
                h = h.add(rn);
                s = s.add(t);
                ds = ds.sub(t.mul(h));
                t = t.mul(x).mul(rn1);
                h = h.add(rn1);
                DoubleVector dt = t.neg().mul(h);
                s = s.add(t);
                ds = ds.add(dt);
                crit = t.sub(s.mul(tol)).max(ds.mul(tol).sub(dt));
                if (crit.compare(LE, 0.0).allTrue()) {
                    break;
                }
            }
            s.blend(Double.NaN, crit.compare(GT, 0.0)).intoArray(st.u, i);
            ds.intoArray(st.du, i);
        }
    }

    /*
     * Function stages: res[i] = f(alpha[i], rate[i] z[i]), one loop (one method) per special function,
     * so that each compiled loop holds one function. A loop that combined several (prefix, log x - psi
     * and the final arithmetic), or one loop switching between them, exceeded the JIT's node budget,
     * and the operations it then left un-inlined ran as the non-intrinsic fallback (JFR allocation
     * profile: up to 320 bytes per element).
     */

    /** res = x^a e^-x / Gamma(a), a &lt; PREFIX_STIRLING_A_MIN. */
    private static void prefixSmallStage(double[] alpha, double[] rate, double[] z, double[] res, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector a = DoubleVector.fromArray(SP, alpha, i);
            DoubleVector x = DoubleVector.fromArray(SP, rate, i).mul(DoubleVector.fromArray(SP, z, i));
            prefixSmall(a, x).intoArray(res, i);
        }
    }

    /**
     * res = x^a e^-x / Gamma(a) for a &ge; PREFIX_STIRLING_A_MIN (IncompleteGamma.prefix's Stirling form), x = rate z
     * (rate null: x = z): exp(-a phi - log Gamma*(a)) sqrt(a/(2 pi)), log Gamma*(a) by Stirling's series from
     * LGAMMA_STIRLING_MIN on, below as log Gamma(a) - ((a - 1/2) log a - a + log sqrt(2 pi)) with log Gamma(a) =
     * log Gamma(1 + (a - 1)) from the array stage VectorGammaFunctions.logGamma1pStage (res holds it in between).
     * A vector helper for log Gamma*(a) (VectorGammaFunctions.logGammaStirlingCorrection, removed 2026-11-30 when
     * nothing called it any more) was not inlined here: its vectors were boxed, 87 % of the bytes the float64 Gamma
     * dP/da allocated (JFR). Also the float32 kernels' dP/da prefactor.
     */
    static void prefixStirlingStage(double[] alpha, double[] rate, double[] z, double[] res, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector.fromArray(SP, alpha, i).sub(1.0).intoArray(res, i);
        }
        // only the vectors with a lane below LGAMMA_STIRLING_MIN need it (the others' lanes take Stirling's series)
        VectorGammaFunctions.logGamma1pStage(res, res, alpha, LGAMMA_STIRLING_MIN, from, to);
        double[] c = LGAMMA_STIRLING;
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector a = DoubleVector.fromArray(SP, alpha, i);
            DoubleVector x = DoubleVector.fromArray(SP, z, i);
            if (rate != null) {
                x = x.mul(DoubleVector.fromArray(SP, rate, i));
            }
            DoubleVector phi = Lanes.NEG_ZERO.add(phi(a, x));
            VectorMask<Double> big = a.compare(GE, LGAMMA_STIRLING_MIN);
            DoubleVector lgs = DoubleVector.fromArray(SP, res, i)
                    .sub(a.sub(0.5).mul(a.lanewise(LOG)).sub(a).add(LOG_SQRT_2PI));
            if (big.anyTrue()) {
                DoubleVector r = a.broadcast(1.0).div(a);
                DoubleVector r2 = r.mul(r);
                DoubleVector h = a.broadcast(0.0);
                for (int k = c.length - 1; k >= 0; k--) {
                    h = h.fma(r2, a.broadcast(c[k]));
                }
                lgs = lgs.blend(h.mul(r), big);
            }
            a.mul(phi).neg().sub(lgs).lanewise(EXP).mul(a.mul(INV_2PI).lanewise(SQRT)).intoArray(res, i);
        }
    }

    /**
     * res = log x - psi(a + shift), shift 1 (IncompleteGamma.logMinusDigammaP1, the series) or 0
     * (logMinusDigamma0, the fraction), for 0 &lt; a &lt; LOG_MINUS_DIGAMMA_A_MIN (a + shift &lt; 11). digamma's
     * small-argument method with the arithmetic written out in the stage (the method as a vector helper was not
     * inlined everywhere, and a further helper would not be inlined at all: its vectors were boxed, 72 bytes per
     * element), and two changes of evaluation order: the recurrence's sum of
     * 1/y_k as one fraction num/den (one division instead of up to nine; den, a product of at most ten numbers
     * below 11, cannot overflow), and the root series' 44 terms as four interleaved Horner chains in s^4
     * (its one chain of 44 dependent multiply-adds bounded the stage: 11 % of the float64 dz/dalpha, JFR).
     * Below 1 (shift 0) psi(y) = psi(y + 1) - 1/y. (VectorGammaFunctions.logMinusDigammaOfSum, the Beta kernels'
     * log x - psi(x), writes the same method out with the asymptotic series for the lanes above it.)
     */
    private static void logMinusDigammaSmallStage(double[] alpha, double[] rate, double[] z, double shift,
            double[] res, int from, int to) {
        double[] c = DIGAMMA_ROOT_SERIES;
        int top = (c.length - 1) / 4 * 4;
        double c1 = top + 1 < c.length ? c[top + 1] : 0.0;
        double c2 = top + 2 < c.length ? c[top + 2] : 0.0;
        double c3 = top + 3 < c.length ? c[top + 3] : 0.0;
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector a = DoubleVector.fromArray(SP, alpha, i);
            DoubleVector x = DoubleVector.fromArray(SP, rate, i).mul(DoubleVector.fromArray(SP, z, i));
            DoubleVector y = a.add(shift);
            // psi(y) = psi(y_k) + num/den, y_k in [1, 2]
            VectorMask<Double> below1 = y.compare(LT, 1.0);
            DoubleVector num = a.broadcast(0.0).blend(-1.0, below1);
            DoubleVector den = a.broadcast(1.0).blend(y, below1);
            y = y.blend(y.add(1.0), below1);
            for (int k = 0; k < VectorGammaFunctions.RECURRENCE_CAP; k++) {
                VectorMask<Double> m = y.compare(GT, 2.0);
                if (!m.anyTrue()) {
                    break;
                }
                y = y.blend(y.sub(1.0), m);
                // num/den + 1/y = (num y + den)/(den y)
                num = num.blend(num.fma(y, den), m);
                den = den.blend(den.mul(y), m);
            }
            DoubleVector sv = y.sub(DIGAMMA_ROOT_HI).sub(DIGAMMA_ROOT_LO);
            DoubleVector s2 = sv.mul(sv);
            DoubleVector s4 = s2.mul(s2);
            DoubleVector p0 = a.broadcast(c[top]);
            DoubleVector p1 = a.broadcast(c1);
            DoubleVector p2 = a.broadcast(c2);
            DoubleVector p3 = a.broadcast(c3);
            for (int k = top - 4; k >= 0; k -= 4) {
                p0 = p0.fma(s4, a.broadcast(c[k]));
                p1 = p1.fma(s4, a.broadcast(c[k + 1]));
                p2 = p2.fma(s4, a.broadcast(c[k + 2]));
                p3 = p3.fma(s4, a.broadcast(c[k + 3]));
            }
            DoubleVector psi = p1.fma(sv, p0).add(p3.fma(sv, p2).mul(s2)).mul(sv).add(num.div(den));
            x.lanewise(LOG).sub(psi).intoArray(res, i);
        }
    }

    /** res = log x - psi(a + 1), a &ge; LOG_MINUS_DIGAMMA_A_MIN. */
    private static void lmdP1BigStage(double[] alpha, double[] rate, double[] z, double[] res, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector a = DoubleVector.fromArray(SP, alpha, i);
            DoubleVector x = DoubleVector.fromArray(SP, rate, i).mul(DoubleVector.fromArray(SP, z, i));
            logMinusDigammaP1Big(a, x).intoArray(res, i);
        }
    }

    /** res = log x - psi(a), a &ge; LOG_MINUS_DIGAMMA_A_MIN. */
    private static void lmd0BigStage(double[] alpha, double[] rate, double[] z, double[] res, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector a = DoubleVector.fromArray(SP, alpha, i);
            DoubleVector x = DoubleVector.fromArray(SP, rate, i).mul(DoubleVector.fromArray(SP, z, i));
            logMinusDigamma0Big(a, x).intoArray(res, i);
        }
    }

    /**
     * REGION_SERIES, last stage: P = prefix/a S, dP/da = prefix/a (S (log x - psi(a+1)) + dS/da),
     * dz/da = -(x/a) (...)/rate (prefix in st.f0, log x - psi(a+1) in st.f1). NaN where S or dS/da is
     * not finite.
     */
    private static void seriesFinish(int what, double[] alpha, double[] rate,
            double[] z, Stages st, double[] out, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector a = DoubleVector.fromArray(SP, alpha, i);
            DoubleVector r = DoubleVector.fromArray(SP, rate, i);
            DoubleVector x = r.mul(DoubleVector.fromArray(SP, z, i));
            DoubleVector s = DoubleVector.fromArray(SP, st.u, i);
            DoubleVector ds = DoubleVector.fromArray(SP, st.du, i);
            DoubleVector v;
            if (what == IncompleteGamma.WHAT_P) {
                v = DoubleVector.fromArray(SP, st.f0, i).div(a).mul(s).min(1.0); // P < 1 (IncompleteGamma.series)
            } else {
                DoubleVector bracket = s.mul(DoubleVector.fromArray(SP, st.f1, i)).add(ds);
                v = what == IncompleteGamma.WHAT_DPDA ? DoubleVector.fromArray(SP, st.f0, i).div(a).mul(bracket)
                        : x.div(a).neg().mul(bracket);
                if (what == IncompleteGamma.WHAT_GRAD && r.compare(NE, 1.0).anyTrue()) {
                    v = v.div(r); // du/da over the rate (v/1 = v: no division where every rate is 1)
                }
            }
            // s - s, ds - ds: 0, or NaN where a sum is infinite or NaN (the scalar code finishes those)
            v.add(s.sub(s)).add(ds.sub(ds)).intoArray(out, i);
        }
    }

    /**
     * REGION_CONTINUED_FRACTION, first stage (IncompleteGamma.continuedFraction): Legendre's fraction
     * for Q in Steed's form with the a-derivative of every quantity, F and dF/da into st.u and st.du;
     * iteration and convergence test as in {@link #seriesSums} (|dh| &le; |F| tol and
     * |ddh| &le; |dF| tol as one compare); F is NaN in a lane that has not converged. Two vectors run side by
     * side until both have converged (a converged one keeps adding terms below the tolerance): each step's
     * division is on the loop-carried chain, and two chains hide part of its latency (continued-fraction elements
     * 40.3-42.0 -&gt; 37.6-38.2 ns per element, docs/simd.md "Temme's sums in float64").
     */
    private static void cfSums(double tol, double[] alpha, double[] rate, double[] z, Stages st,
            int from, int to) {
        int cap = Math.min(CF_MAX_ITER, CF_VECTOR_BUDGET);
        int lanes = SP.length();
        for (int i = from; i < to; i += 2 * lanes) {
            // two vectors side by side (two chains of divisions); a run's odd last vector is its own partner
            int j = Math.min(i + lanes, to - lanes);
            DoubleVector a = DoubleVector.fromArray(SP, alpha, i);
            DoubleVector a2 = DoubleVector.fromArray(SP, alpha, j);
            DoubleVector xma = DoubleVector.fromArray(SP, rate, i).mul(DoubleVector.fromArray(SP, z, i)).sub(a);
            DoubleVector xma2 = DoubleVector.fromArray(SP, rate, j).mul(DoubleVector.fromArray(SP, z, j)).sub(a2);
            DoubleVector one = a.broadcast(1.0);
            DoubleVector d = one.div(xma.add(1.0));
            DoubleVector d2 = one.div(xma2.add(1.0));
            DoubleVector dd = d.mul(d);
            DoubleVector dd2 = d2.mul(d2);
            DoubleVector dh = d;
            DoubleVector dh2 = d2;
            DoubleVector ddh = dd;
            DoubleVector ddh2 = dd2;
            DoubleVector f = d;
            DoubleVector f2 = d2;
            DoubleVector df = dd;
            DoubleVector df2 = dd2;
            DoubleVector crit = one;
            DoubleVector crit2 = one;
            for (int n = 2; n <= cap; n++) {
                int m = n - 1;
                DoubleVector al = a.sub(m).mul(m);
                DoubleVector al2 = a2.sub(m).mul(m);
                DoubleVector den = xma.add(2 * m + 1).add(al.mul(d));
                DoubleVector den2 = xma2.add(2 * m + 1).add(al2.mul(d2));
                DoubleVector dn = one.div(den.blend(CF_TINY, den.compare(EQ, 0.0)));
                DoubleVector dn2 = one.div(den2.blend(CF_TINY, den2.compare(EQ, 0.0)));
                DoubleVector ddn = dn.neg().mul(dn).mul(d.mul(m).add(-1.0).add(al.mul(dd)));
                DoubleVector ddn2 = dn2.neg().mul(dn2).mul(d2.mul(m).add(-1.0).add(al2.mul(dd2)));
                DoubleVector rho = al.neg().mul(d).mul(dn);
                DoubleVector rho2 = al2.neg().mul(d2).mul(dn2);
                DoubleVector drho = d.mul(m).mul(dn).add(al.mul(dd.mul(dn).add(d.mul(ddn)))).neg();
                DoubleVector drho2 = d2.mul(m).mul(dn2).add(al2.mul(dd2.mul(dn2).add(d2.mul(ddn2)))).neg();
                ddh = drho.mul(dh).add(rho.mul(ddh));
                ddh2 = drho2.mul(dh2).add(rho2.mul(ddh2));
                dh = rho.mul(dh);
                dh2 = rho2.mul(dh2);
                d = dn;
                d2 = dn2;
                dd = ddn;
                dd2 = ddn2;
                f = f.add(dh);
                f2 = f2.add(dh2);
                df = df.add(ddh);
                df2 = df2.add(ddh2);
                crit = dh.lanewise(ABS).sub(f.lanewise(ABS).mul(tol)).max(ddh.lanewise(ABS).sub(df.lanewise(ABS).mul(tol)));
                crit2 = dh2.lanewise(ABS).sub(f2.lanewise(ABS).mul(tol)).max(ddh2.lanewise(ABS).sub(df2.lanewise(ABS).mul(tol)));
                if (crit.max(crit2).compare(LE, 0.0).allTrue()) {
                    break;
                }
            }
            f.blend(Double.NaN, crit.compare(GT, 0.0)).intoArray(st.u, i);
            df.intoArray(st.du, i);
            f2.blend(Double.NaN, crit2.compare(GT, 0.0)).intoArray(st.u, j);
            df2.intoArray(st.du, j);
        }
    }

    /**
     * REGION_CONTINUED_FRACTION, last stage: P = 1 - prefix F, dP/da = -prefix ((log x - psi(a)) F + dF/da),
     * dz/da = x (...)/rate (prefix in st.f0, log x - psi(a) in st.f1). NaN where F or dF/da is not finite.
     */
    private static void cfFinish(int what, double[] alpha, double[] rate,
            double[] z, Stages st, double[] out, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector r = DoubleVector.fromArray(SP, rate, i);
            DoubleVector x = r.mul(DoubleVector.fromArray(SP, z, i));
            DoubleVector f = DoubleVector.fromArray(SP, st.u, i);
            DoubleVector df = DoubleVector.fromArray(SP, st.du, i);
            DoubleVector v;
            if (what == IncompleteGamma.WHAT_P) {
                v = DoubleVector.fromArray(SP, st.f0, i).mul(f).neg().add(1.0);
            } else {
                DoubleVector bracket = DoubleVector.fromArray(SP, st.f1, i).mul(f).add(df);
                v = what == IncompleteGamma.WHAT_DPDA ? DoubleVector.fromArray(SP, st.f0, i).neg().mul(bracket)
                        : x.mul(bracket);
                if (what == IncompleteGamma.WHAT_GRAD && r.compare(NE, 1.0).anyTrue()) {
                    v = v.div(r); // as in seriesFinish
                }
            }
            v.add(f.sub(f)).add(df.sub(df)).intoArray(out, i);
        }
    }

    /**
     * REGION_TEMME, first stage: eta into st.u, phi into st.du, lambda - 1 into st.w, 1/a into st.ra: one division for
     * 1/a, shared by the later stages (the sums' and the last stage's 1/a, lambda in the last stage, log Gamma*(a) there):
     * dz/da took eleven divisions per Temme element, now six (Temme-only inputs +4-8 % per CPU-second).
     */
    private static void temmeSetup(double[] alpha, double[] rate, double[] z, Stages st,
            int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector a = DoubleVector.fromArray(SP, alpha, i);
            DoubleVector x = DoubleVector.fromArray(SP, rate, i).mul(DoubleVector.fromArray(SP, z, i));
            DoubleVector r = a.broadcast(1.0).div(a);
            // the quotient, not (x - a) r: P and dP/da are ill-conditioned in lambda - 1 (e^(-a phi)), and the product
            // (up to twice the quotient's rounding) moved them by up to 6e-14 from the scalar code (GammaTemmeRowsTest)
            DoubleVector lm1 = x.sub(a).div(a);
            // phi = lambda - 1 - log lambda (IncompleteGamma.phi; lambda >= TEMME_LAMBDA_LO > 0 here, no underflow)
            DoubleVector phi = Lanes.NEG_ZERO.add(VectorGammaFunctions.log1pmx(lm1)).neg();
            VectorMask<Double> far = lm1.compare(LT, PHI_LOG1PMX_LAMBDA_MIN - 1.0);
            if (far.anyTrue()) {
                // log of the quotient x/a, not of x (1/a): a phi's error is a times log lambda's (the blind audit's
                // Temme P at a = 2000, lambda = 0.5: 4.0e-13 with x (1/a), 2.5e-13 with x/a)
                phi = phi.blend(lm1.sub(x.div(a).lanewise(LOG)), far);
            }
            DoubleVector mag = phi.mul(2.0).lanewise(SQRT);
            mag.blend(mag.neg(), lm1.compare(LT, 0.0)).intoArray(st.u, i);
            phi.intoArray(st.du, i);
            lm1.intoArray(st.w, i);
            r.intoArray(st.ra, i);
        }
    }

    /**
     * REGION_TEMME, second stage: T = sum_k c_k(eta) a^-k, dT/deta and dT/da into st.t0..t2. The
     * scalar code truncates by a and |eta| per element (TEMME_K_A_MIN/TEMME_K_COUNT,
     * TEMME_N_ETA_MAX/TEMME_N_COUNT); a vector uses the counts of its smallest a and largest |eta| (the
     * extra terms are below the truncation error of the lane's own counts), and for float64 results
     * each row c_k its own number of Taylor terms, {@link #TEMME_ROW_N}. Rows run in pairs, two Horner
     * chains in one loop of the pair's larger count: per-row counts alone (40 % fewer terms) and pairs
     * alone (the earlier rectangular counts) each measured no faster; together the Temme elements took
     * 16.7-17.1 instead of 17.8-18.8 ns per element (docs/simd.md, "Temme's sums in float64"). Two vectors
     * at a time (four chains), with the counts of the two together: the report's Temme elements 15.2 -&gt; 13.9 ns
     * per element (thirteenth session).
     */
    private static void temmeSums(boolean f32, double[] alpha, Stages st, int from, int to) {
        int lanes = SP.length();
        for (int i = from; i < to; i += 2 * lanes) {
            // two vectors side by side (i and j; a run's odd last vector is its own partner): the Horner chains of
            // one vector are latency-bound (each step waits for the last), two vectors' chains fill the FMA units
            int j = Math.min(i + lanes, to - lanes);
            DoubleVector a = DoubleVector.fromArray(SP, alpha, i);
            DoubleVector eta = DoubleVector.fromArray(SP, st.u, i);
            DoubleVector a2 = DoubleVector.fromArray(SP, alpha, j);
            DoubleVector eta2 = DoubleVector.fromArray(SP, st.u, j);
            // the counts fall with a and rise with |eta| (every table): the vectors' largest counts are
            // those of their smallest a and largest |eta|, from lane reductions (a scalar lookup per lane,
            // with its mispredicted loop exits, cost as much as the float kernels' sums: docs/simd.md)
            int aClass = temmeAClass(a.min(a2).reduceLanes(VectorOperators.MIN));
            int etaClass = temmeEtaClass(eta.lanewise(ABS).max(eta2.lanewise(ABS)).reduceLanes(VectorOperators.MAX));
            int kCount;
            int rows;
            int[] rowN;
            if (f32) {
                kCount = aClass == 0 ? TEMME_K : F32_TEMME_K_COUNT[aClass - 1];
                rowN = F32_TEMME_ROW_N;
                rows = etaClass * TEMME_K;
            } else {
                kCount = aClass == 0 ? TEMME_K : TEMME_K_COUNT[aClass - 1];
                rowN = TEMME_ROW_N;
                rows = (aClass * TEMME_ETA_CLASSES + etaClass) * TEMME_K;
            }
            DoubleVector r = DoubleVector.fromArray(SP, st.ra, i);
            DoubleVector r2 = DoubleVector.fromArray(SP, st.ra, j);
            DoubleVector tSum = a.broadcast(0.0);
            DoubleVector tEta = tSum;
            DoubleVector tA = tSum;
            DoubleVector tSum2 = tSum;
            DoubleVector tEta2 = tSum;
            DoubleVector tA2 = tSum;
            int k = kCount - 1;
            if ((kCount & 1) != 0) {
                // an odd count: the top row alone, then pairs
                int base = k * TEMME_N;
                DoubleVector c = a.broadcast(0.0);
                DoubleVector dc = c;
                DoubleVector c2 = c;
                DoubleVector dc2 = c;
                for (int n = rowN[rows + k] - 1; n >= 0; n--) {
                    DoubleVector coef = a.broadcast(TEMME_C[base + n]);
                    dc = dc.fma(eta, c);
                    c = c.fma(eta, coef);
                    dc2 = dc2.fma(eta2, c2);
                    c2 = c2.fma(eta2, coef);
                }
                tSum = tSum.fma(r, c);
                tEta = tEta.fma(r, dc);
                tSum2 = tSum2.fma(r2, c2);
                tEta2 = tEta2.fma(r2, dc2);
                if (k >= 1) {
                    tA = tA.fma(r, c.mul(k));
                    tA2 = tA2.fma(r2, c2.mul(k));
                }
                k--;
            }
            for (; k >= 1; k -= 2) {
                // rows k and k - 1 side by side (two Horner chains per vector), with the larger of their counts
                int base = k * TEMME_N;
                int base1 = base - TEMME_N;
                DoubleVector c = a.broadcast(0.0);
                DoubleVector dc = c;
                DoubleVector c1 = c;
                DoubleVector dc1 = c;
                DoubleVector c2 = c;
                DoubleVector dc2 = c;
                DoubleVector c12 = c;
                DoubleVector dc12 = c;
                for (int n = Math.max(rowN[rows + k], rowN[rows + k - 1]) - 1; n >= 0; n--) {
                    DoubleVector coef = a.broadcast(TEMME_C[base + n]);
                    DoubleVector coef1 = a.broadcast(TEMME_C[base1 + n]);
                    dc = dc.fma(eta, c);
                    c = c.fma(eta, coef);
                    dc1 = dc1.fma(eta, c1);
                    c1 = c1.fma(eta, coef1);
                    dc2 = dc2.fma(eta2, c2);
                    c2 = c2.fma(eta2, coef);
                    dc12 = dc12.fma(eta2, c12);
                    c12 = c12.fma(eta2, coef1);
                }
                tSum = tSum.fma(r, c).fma(r, c1);
                tEta = tEta.fma(r, dc).fma(r, dc1);
                tA = tA.fma(r, c.mul(k));
                tSum2 = tSum2.fma(r2, c2).fma(r2, c12);
                tEta2 = tEta2.fma(r2, dc2).fma(r2, dc12);
                tA2 = tA2.fma(r2, c2.mul(k));
                if (k >= 2) {
                    tA = tA.fma(r, c1.mul(k - 1));
                    tA2 = tA2.fma(r2, c12.mul(k - 1));
                }
            }
            tSum2.intoArray(st.t0, j);
            tEta2.intoArray(st.t1, j);
            tA2.mul(r2.neg().mul(r2)).intoArray(st.t2, j);
            tSum.intoArray(st.t0, i);
            tEta.intoArray(st.t1, i);
            tA.mul(r.neg().mul(r)).intoArray(st.t2, i);
        }
    }

    /** Classes of |eta| for the Temme counts: i for |eta| &le; TEMME_N_ETA_MAX[i], the last one beyond (or NaN). */
    private static final int TEMME_ETA_CLASSES = TEMME_N_ETA_MAX.length + 1;

    /**
     * Bound on the part of a row's Taylor tail that {@link #TEMME_ROW_N} drops beyond the rectangular count
     * TEMME_N_COUNT: the scalar table's own truncation (GammaConstants: 1e-18 absolute on T, dT/deta, dT/da, whose
     * |T| &ge; 0.26) plus this stays below 1.5e-18.
     */
    static final double TEMME_ROW_TAIL = 5e-19;

    /**
     * Taylor terms of each row c_k for float64 results, per class of a (0: below TEMME_K_A_MIN[0] or NaN, i + 1:
     * a &ge; TEMME_K_A_MIN[i]) and of |eta| (TEMME_ETA_CLASSES), at [(aClass * TEMME_ETA_CLASSES + etaClass) *
     * TEMME_K + k]. The scalar table gives every row of a class the count of the row that needs most
     * (TEMME_N_COUNT: c_0 at a = 20); the term c_k a^-k of a later row is a^-k smaller, so it needs fewer: the
     * smallest N &le; TEMME_N_COUNT[etaClass] with sum_{N &le; j &lt; TEMME_N_COUNT} |C_kj| H^j a0^-k and
     * sum j |C_kj| H^(j-1) a0^-k below TEMME_ROW_TAIL (H the class's largest |eta|, a0 its smallest a; the row's
     * tail from TEMME_N_COUNT on is within the scalar table's bound). Computed here from TEMME_C: over the 80
     * classes 6267 row terms instead of 10224; on the report's Temme vectors 56.0 instead of 92.9 per vector.
     * The vector's K count stays TEMME_K_COUNT, and a vector in class 0 or beyond the last |eta| bound sums every
     * row to TEMME_N.
     */
    static final int[] TEMME_ROW_N = temmeRowCounts();

    private static int[] temmeRowCounts() {
        int[] t = new int[(TEMME_K_A_MIN.length + 1) * TEMME_ETA_CLASSES * TEMME_K];
        for (int ac = 0; ac <= TEMME_K_A_MIN.length; ac++) {
            for (int ec = 0; ec < TEMME_ETA_CLASSES; ec++) {
                int at = (ac * TEMME_ETA_CLASSES + ec) * TEMME_K;
                boolean full = ac == 0 || ec == TEMME_ETA_CLASSES - 1;
                for (int k = 0; k < TEMME_K; k++) {
                    t[at + k] = full ? TEMME_N : rowCount(k, TEMME_K_A_MIN[ac - 1], TEMME_N_ETA_MAX[ec], TEMME_N_COUNT[ec]);
                }
            }
        }
        return t;
    }

    /** The smallest N &le; nRect whose terms N .. nRect - 1 of row k (and of its derivative) stay below TEMME_ROW_TAIL. */
    private static int rowCount(int k, double a0, double h, int nRect) {
        double scale = Math.pow(a0, -k);
        double tail = 0.0;
        double dTail = 0.0;
        for (int n = nRect - 1; n >= 1; n--) {
            double c = Math.abs(TEMME_C[k * TEMME_N + n]);
            tail += c * Math.pow(h, n) * scale;
            dTail += n * c * Math.pow(h, n - 1) * scale;
            if (Math.max(tail, dTail) >= TEMME_ROW_TAIL) {
                return n + 1;
            }
        }
        return 1;
    }

    private static int[] f32RowCounts() {
        int[] t = new int[TEMME_ETA_CLASSES * TEMME_K];
        for (int ec = 0; ec < TEMME_ETA_CLASSES; ec++) {
            Arrays.fill(t, ec * TEMME_K, (ec + 1) * TEMME_K,
                    ec < F32_TEMME_N_COUNT.length ? F32_TEMME_N_COUNT[ec] : F32_TEMME_N);
        }
        return t;
    }

    /**
     * Temme term counts for float32 results, per class of a (TEMME_K_A_MIN) and of |eta|
     * (TEMME_N_ETA_MAX; beyond the last bound F32_TEMME_N): the smallest counts with which P, dP/da
     * and dz/da stay within 1e-11 relative of the full sums (TEMME_K, TEMME_N terms) over a grid of
     * 41 values of a per class (up to 1e7) and 201-401 values of lambda across the Temme window,
     * found by {@code kernels-simd/tools/TemmeF32Counts.java}. 1e-11 is 5000 times below float32's
     * relative spacing; the float64 counts (TEMME_K_COUNT, TEMME_N_COUNT) aim at 1e-18.
     */
    static final int[] F32_TEMME_K_COUNT = {7, 6, 5, 5, 4, 3, 3, 3, 2, 2};
    /** See F32_TEMME_K_COUNT. */
    static final int[] F32_TEMME_N_COUNT = {5, 6, 7, 7, 9, 11, 15, 18};
    /** See F32_TEMME_K_COUNT: |eta| beyond the last TEMME_N_ETA_MAX. */
    static final int F32_TEMME_N = 18;

    /**
     * The float32-results counts (F32_TEMME_N_COUNT, the same for every row) in TEMME_ROW_N's layout without the a
     * classes: [etaClass * TEMME_K + k]. Declared after the F32 tables: static initializers run in textual order.
     */
    private static final int[] F32_TEMME_ROW_N = f32RowCounts();

    /** Class of a for the Temme counts: i + 1 for the largest i with a &ge; TEMME_K_A_MIN[i]; 0 below them (and NaN). */
    private static int temmeAClass(double a) {
        for (int i = TEMME_K_A_MIN.length - 1; i >= 0; i--) {
            if (a >= TEMME_K_A_MIN[i]) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Class of |eta| for the Temme counts: the first i with |eta| &le; TEMME_N_ETA_MAX[i]; the last class beyond (and NaN). */
    private static int temmeEtaClass(double absEta) {
        for (int i = 0; i < TEMME_N_ETA_MAX.length; i++) {
            if (absEta <= TEMME_N_ETA_MAX[i]) {
                return i;
            }
        }
        return TEMME_N_ETA_MAX.length;
    }

    /**
     * REGION_TEMME, P only: erfc(y) for eta &ge; 0, erfc(-y) below (y = eta sqrt(a/2)) into st.f1, by the array
     * stage VectorErrorFunction.erfcStage.
     */
    private static void temmeErfc(double[] alpha, Stages st, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector y = DoubleVector.fromArray(SP, st.u, i).mul(DoubleVector.fromArray(SP, alpha, i).mul(0.5).lanewise(SQRT));
            y.blend(y.neg(), DoubleVector.fromArray(SP, st.w, i).compare(LT, 0.0)).intoArray(st.f1, i);
        }
        VectorErrorFunction.erfcStage(st.f1, st.f1, from, to);
    }

    /** REGION_TEMME, last stage (IncompleteGamma.temme after the sums). */
    private static void temmeFinish(int what, double[] alpha, double[] rate, double[] z,
            Stages st, double[] out, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector a = DoubleVector.fromArray(SP, alpha, i);
            DoubleVector rt = DoubleVector.fromArray(SP, rate, i);
            DoubleVector x = rt.mul(DoubleVector.fromArray(SP, z, i));
            DoubleVector eta = DoubleVector.fromArray(SP, st.u, i);
            DoubleVector phi = DoubleVector.fromArray(SP, st.du, i);
            DoubleVector lm1 = DoubleVector.fromArray(SP, st.w, i);
            DoubleVector tSum = DoubleVector.fromArray(SP, st.t0, i);
            DoubleVector v;
            if (what == IncompleteGamma.WHAT_P) {
                VectorMask<Double> negative = lm1.compare(LT, 0.0);
                DoubleVector e = a.mul(phi).neg().lanewise(EXP).mul(INV_SQRT_2PI).div(a.lanewise(SQRT));
                e.intoArray(st.f0, i); // for rateCorrectionStage
                DoubleVector et = e.mul(tSum);
                // eta >= 0: P = 1 - (erfc(y)/2 + E T); eta < 0: P = erfc(-y)/2 - E T (erfc from temmeErfc)
                DoubleVector erfc = DoubleVector.fromArray(SP, st.f1, i).mul(0.5);
                DoubleVector up = erfc.add(et).neg().add(1.0);
                DoubleVector lo = erfc.sub(et);
                v = up.blend(lo, negative);
            } else {
                DoubleVector r = DoubleVector.fromArray(SP, st.ra, i);
                DoubleVector tEta = DoubleVector.fromArray(SP, st.t1, i);
                DoubleVector tA = DoubleVector.fromArray(SP, st.t2, i);
                DoubleVector mu = lm1.div(eta).blend(1.0, eta.compare(EQ, 0.0));
                DoubleVector b = mu.sub(eta.mul(0.5)).mul(eta.mul(tSum).add(1.0))
                        .sub(r.mul(0.5).mul(tSum)).sub(mu.mul(r).mul(tEta)).add(tA);
                if (what == IncompleteGamma.WHAT_DPDA) {
                    DoubleVector e = a.mul(phi).neg().lanewise(EXP).mul(INV_SQRT_2PI).div(a.lanewise(SQRT));
                    e.intoArray(st.f0, i); // for rateCorrectionStage
                    v = e.neg().mul(b);
                } else {
                    // log Gamma*(a) by Stirling's series (a >= TEMME_A_MIN >= LGAMMA_STIRLING_MIN), as
                    // VectorGammaFunctions.stirlingSeries with the stored 1/a
                    DoubleVector lgs = Lanes.NEG_ZERO.add(VectorGammaFunctions.horner(r.mul(r), LGAMMA_STIRLING)).mul(r);
                    // Gamma*(a) = exp(t), t = lgs <= 1/(12 a) <= 1/240 (a >= TEMME_A_MIN = 20): Taylor to t^6, the remainder
                    // t^7/5040 <= 4.3e-21 (the EXP call cost more; GammaFloatKernels.temmeFinish does the same in float)
                    DoubleVector gstar = lgs.mul(1.0 / 720).add(1.0 / 120).fma(lgs, a.broadcast(1.0 / 24))
                            .fma(lgs, a.broadcast(1.0 / 6)).fma(lgs, a.broadcast(0.5)).fma(lgs, a.broadcast(1.0))
                            .fma(lgs, a.broadcast(1.0));
                    v = x.mul(r).mul(gstar).mul(b);
                    if (rt.compare(NE, 1.0).anyTrue()) {
                        v = v.div(rt); // as in seriesFinish
                    }
                }
            }
            v.intoArray(out, i);
        }
    }

    /**
     * P and dP/da at the exact product rate z, as Reference.gamma ({@link IncompleteGamma#rateProductCorrection}):
     * out += xLo g(x), dP/da: out += xLo g(x) (log x - psi(a)), with xLo = fma(rate, z, -x) (0 for rate 1 and every
     * exact product: nothing added) and the density g(x) = prefix/x from what the region computed: the prefix
     * (st.f0) in the series and the fraction; in Temme's region e = exp(-a phi)/sqrt(2 pi a) (st.f0), prefix =
     * e a/Gamma*(a) with 1/Gamma*(a) = 1 - 1/(12a) + 1/(288a^2) to O(a^-3) (a &ge; 20 there; the term is itself at
     * most ~2^-53 sqrt(a) of the value, so this is exact to rounding). log x - psi(a): st.f1 in the fraction,
     * st.f1 + 1/a in the series (it holds log x - psi(a + 1)), log1p(lambda - 1) + (log a - psi(a)) in Temme's.
     * A term that is not finite adds nothing (as there).
     */
    private static void rateCorrectionStage(int region, int what, double[] alpha, double[] rate, double[] z, Stages st,
            double[] out, int from, int to) {
        boolean dpda = what == IncompleteGamma.WHAT_DPDA;
        boolean temme = region == REGION_TEMME;
        for (int i = from; i < to; i += SP.length()) {
            DoubleVector a = DoubleVector.fromArray(SP, alpha, i);
            DoubleVector r = DoubleVector.fromArray(SP, rate, i);
            DoubleVector zv = DoubleVector.fromArray(SP, z, i);
            DoubleVector x = r.mul(zv);
            DoubleVector xLo = r.fma(zv, x.neg());
            if (!xLo.compare(NE, 0.0).anyTrue()) {
                continue; // every product exact (rate 1, say): nothing to add
            }
            DoubleVector f0 = DoubleVector.fromArray(SP, st.f0, i);
            DoubleVector prefix = f0;
            if (temme) {
                DoubleVector ra = a.broadcast(1.0).div(a);
                prefix = f0.mul(a).mul(ra.mul(1.0 / 288).sub(1.0 / 12).mul(ra).add(1.0));
            }
            DoubleVector d = prefix.div(x);
            if (dpda) {
                DoubleVector lmd;
                if (temme) {
                    lmd = DoubleVector.fromArray(SP, st.w, i).lanewise(LOG1P)
                            .add(Lanes.NEG_ZERO.add(VectorGammaFunctions.logMinusDigammaAsymptotic(a)));
                } else {
                    lmd = DoubleVector.fromArray(SP, st.f1, i);
                    if (region == REGION_SERIES) {
                        lmd = lmd.add(a.broadcast(1.0).div(a));
                    }
                }
                d = d.mul(lmd);
            }
            DoubleVector c = xLo.mul(d);
            c = c.blend(0.0, c.sub(c).compare(NE, 0.0)); // not finite (or xLo 0 times an infinite d): nothing
            DoubleVector.fromArray(SP, out, i).add(c).intoArray(out, i);
        }
    }

    /** IncompleteGamma.phi: lambda - 1 - log lambda, lambda = x/a. */
    static DoubleVector phi(DoubleVector a, DoubleVector x) {
        a = Lanes.NEG_ZERO.add(a);
        x = Lanes.NEG_ZERO.add(x);
        DoubleVector lm1 = x.sub(a).div(a);
        DoubleVector lam = x.div(a);
        DoubleVector v = Lanes.NEG_ZERO.add(VectorGammaFunctions.log1pmx(lm1)).neg();
        VectorMask<Double> far = lam.compare(LT, PHI_LOG1PMX_LAMBDA_MIN);
        if (far.anyTrue()) {
            DoubleVector logLam = lam.lanewise(LOG).blend(x.lanewise(LOG).sub(a.lanewise(LOG)), lam.compare(LT, Double.MIN_NORMAL));
            v = v.blend(lm1.sub(logLam), far);
        }
        return v;
    }

    /**
     * x^a e^-x / Gamma(a) for x &gt; 0 (IncompleteGamma.prefix), a &lt; PREFIX_STIRLING_A_MIN: from pow
     * and exp, from logs where those under/overflow.
     */
    static DoubleVector prefixSmall(DoubleVector a, DoubleVector x) {
        a = Lanes.NEG_ZERO.add(a);
        x = Lanes.NEG_ZERO.add(x);
        DoubleVector lg1p = Lanes.NEG_ZERO.add(VectorGammaFunctions.logGamma1p(a));
        DoubleVector xa = x.lanewise(POW, a);
        DoubleVector ex = x.neg().lanewise(EXP);
        // direct where x^a and e^-x are normal and x^a finite: min(x^a, e^-x) - MIN_NORMAL >= 0 and
        // MAX_VALUE - x^a >= 0 (exact signs; NaN fails), one compare instead of three and two mask ands
        VectorMask<Double> direct = xa.min(ex).sub(Double.MIN_NORMAL).min(xa.neg().add(Double.MAX_VALUE)).compare(GE, 0.0);
        DoubleVector d = a.mul(xa.mul(ex)).div(lg1p.lanewise(EXP));
        DoubleVector l = a.mul(a.mul(x.lanewise(LOG)).sub(x).sub(lg1p).lanewise(EXP));
        return l.blend(d, direct);
    }

    /** log x - psi(a) (IncompleteGamma.logMinusDigamma0), a &ge; LOG_MINUS_DIGAMMA_A_MIN. */
    private static DoubleVector logMinusDigamma0Big(DoubleVector a, DoubleVector x) {
        a = Lanes.NEG_ZERO.add(a);
        x = Lanes.NEG_ZERO.add(x);
        DoubleVector lmd = Lanes.NEG_ZERO.add(VectorGammaFunctions.logMinusDigammaAsymptotic(a));
        return x.div(a).lanewise(LOG).add(lmd);
    }

    /** log x - psi(a + 1) (IncompleteGamma.logMinusDigammaP1 with logx = log x), a &ge; LOG_MINUS_DIGAMMA_A_MIN. */
    private static DoubleVector logMinusDigammaP1Big(DoubleVector a, DoubleVector x) {
        a = Lanes.NEG_ZERO.add(a);
        x = Lanes.NEG_ZERO.add(x);
        DoubleVector lmd = Lanes.NEG_ZERO.add(VectorGammaFunctions.logMinusDigammaAsymptotic(a));
        DoubleVector lam = x.div(a);
        DoubleVector logLam = lam.lanewise(LOG).blend(x.lanewise(LOG).sub(a.lanewise(LOG)), lam.compare(LT, Double.MIN_NORMAL));
        return logLam.add(lmd.sub(a.broadcast(1.0).div(a)));
    }
}
