package dev.irg.simd;

import static dev.irg.math.GammaConstants.FLOAT_A_MAX;
import static dev.irg.math.GammaConstants.FLOAT_A_MIN;
import static dev.irg.math.GammaConstants.FLOAT_PSI_ASYMPTOTIC_MIN;
import static dev.irg.math.GammaConstants.FLOAT_LOG1PMX_TERMS;
import static dev.irg.math.GammaConstants.FLOAT_LOG1PMX_U2_MAX;
import static dev.irg.math.GammaConstants.FLOAT_PSI_ROOT_TERMS;
import static dev.irg.math.GammaConstants.FLOAT_PSI_TERMS;
import static dev.irg.math.GammaConstants.FLOAT_SERIES_X_OFFSET;
import static dev.irg.math.GammaConstants.FLOAT_SERIES_X_OFFSET_HIGH;
import static dev.irg.math.GammaConstants.FLOAT_STIRLING_TERMS;
import static dev.irg.math.GammaConstants.FLOAT_SUM_TOLERANCE;
import static dev.irg.math.GammaConstants.FLOAT_TEMME_A_MIN;
import static dev.irg.math.GammaConstants.FLOAT_TEMME_K_COUNT;
import static dev.irg.math.GammaConstants.FLOAT_TEMME_LOW_K;
import static dev.irg.math.GammaConstants.FLOAT_TEMME_LOW_N;
import static dev.irg.math.GammaConstants.FLOAT_TEMME_LOW_NEAR_K;
import static dev.irg.math.GammaConstants.FLOAT_TEMME_LOW_NEAR_N;
import static dev.irg.math.GammaConstants.FLOAT_TEMME_N;
import static dev.irg.math.GammaConstants.FLOAT_TEMME_N_COUNT;
import static dev.irg.math.GammaConstants.FLOAT_TEMME_NEAR_LAMBDA_HI;
import static dev.irg.math.GammaConstants.FLOAT_TEMME_NEAR_LAMBDA_LO;
import static dev.irg.math.GammaConstants.FLOAT_X_MAX;
import static dev.irg.math.GammaConstants.FLOAT_X_MIN;
import static dev.irg.math.GammaConstants.REGION_CONTINUED_FRACTION;
import static dev.irg.math.GammaConstants.REGION_SERIES;
import static dev.irg.math.GammaConstants.REGION_TEMME;
import static dev.irg.math.GammaConstants.TEMME_A_MIN;
import static dev.irg.math.GammaConstants.TEMME_C;
import static dev.irg.math.GammaConstants.TEMME_K;
import static dev.irg.math.GammaConstants.TEMME_K_A_MIN;
import static dev.irg.math.GammaConstants.TEMME_LAMBDA_HI;
import static dev.irg.math.GammaConstants.TEMME_LAMBDA_LO;
import static dev.irg.math.GammaConstants.TEMME_N;
import static dev.irg.math.GammaConstants.TEMME_N_ETA_MAX;
import static dev.irg.math.GammaConstants.SERIES_MAX_ITER;
import static dev.irg.math.GammaConstants.CF_MAX_ITER;
import static dev.irg.math.SpecialConstants.DIGAMMA_ASYMPTOTIC;
import static dev.irg.math.SpecialConstants.DIGAMMA_ROOT_HI;
import static dev.irg.math.SpecialConstants.DIGAMMA_ROOT_SERIES;
import static dev.irg.math.SpecialConstants.LGAMMA_STIRLING;
import static dev.irg.math.SpecialConstants.LOG1PMX_SERIES;
import static jdk.incubator.vector.VectorOperators.ABS;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LOG;
import static jdk.incubator.vector.VectorOperators.LOG1P;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NE;
import static jdk.incubator.vector.VectorOperators.SQRT;

import dev.irg.Op;
import dev.irg.math.Reference;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Gamma dz/dalpha and dP/dalpha for float32 results in float32 arithmetic (16 lanes at 512 bits): the float
 * counterpart of {@link GammaKernels}' series, continued fraction and Temme regions (dP/dalpha: series and
 * continued fraction, with the prefactor in float64, {@link #prefixStage}; its Temme elements are widened), with methods
 * sized for float accuracy (docs/simd.md, "float32 arithmetic"):
 * <ul>
 * <li>the sums stop at FLOAT_SUM_TOLERANCE (2^-26) instead of 2^-53;</li>
 * <li>log x - psi(y): below 6 psi from 18 terms of the root series on [1, 2] (at most four unit steps,
 * their reciprocals as one fraction), above log(x/y) and three terms of the asymptotic series (the
 * series and fraction regions are split into these two bands);</li>
 * <li>Temme: phi from the atanh series of log1pmx over the whole window, the sums with
 * FLOAT_TEMME_K_COUNT x FLOAT_TEMME_N_COUNT terms, log Gamma*(a) from two Stirling terms.</li>
 * </ul>
 * The series / continued fraction split is at x = a + FLOAT_SERIES_X_OFFSET (1/2; where neither
 * bracket cancels) instead of a + 1, for a &ge; 5 at a + FLOAT_SERIES_X_OFFSET_HIGH (1: the fraction's long runs
 * next to a + 1/2 accumulated float rounding there). Region WIDEN (invalid operands, edges, a outside [FLOAT_A_MIN, FLOAT_A_MAX], x = rate z outside
 * [FLOAT_X_MIN, FLOAT_X_MAX]) is evaluated by the float64 kernels. The other boundaries are those of
 * {@link dev.irg.math.IncompleteGamma#classify} (evaluated in float: an element next to a boundary may
 * take the other side's method, which is accurate there too). Stages over per-thread float arrays, as in
 * GammaKernels (docs/simd.md, "Profile").
 */
final class GammaFloatKernels implements FloatFamily {
    /**
     * Region codes: WIDEN (= REGION_EDGE, 0), IncompleteGamma's series, continued fraction and Temme
     * regions, and the series and fraction split in two bands by the argument y of log x - psi(y)
     * (y = a + 1, resp. a): below FLOAT_PSI_ASYMPTOTIC_MIN (codes 1, 2: psi from the root series) and
     * above (codes 4, 5: the asymptotic series), so that a vector runs one of the two; Temme in two
     * bands of lambda (codes 3 and 6, FLOAT_TEMME_NEAR_LAMBDA_LO) for its term counts.
     */
    private static final int SERIES = REGION_SERIES;
    private static final int FRACTION = REGION_CONTINUED_FRACTION;
    private static final int TEMME = REGION_TEMME;
    private static final int SERIES_HIGH = 4;
    private static final int FRACTION_HIGH = 5;
    /** Temme outside [FLOAT_TEMME_NEAR_LAMBDA_LO, FLOAT_TEMME_NEAR_LAMBDA_HI] (code 3: inside), evaluated alike. */
    private static final int TEMME_FAR = 6;
    /**
     * z = 0 with a and rate in the float ranges (a sample that underflowed; 17 % of the float32 samples of
     * the report's inputs, a log-uniform on [1e-4, 1e6]): dz/da and dP/da are 0 exactly (IncompleteGamma.edge).
     * A region of its own: in the series region's vectors these lanes cost as much as any (8.5 ns per element),
     * widened they took the float64 driver's whole path (6.8 ns); here a fill where a block holds nothing else,
     * otherwise not grouped at all ({@link #zeroRegion}: the scatter writes the zeros).
     */
    private static final int ZERO = 7;
    /**
     * dz/da only: Temme for a in [FLOAT_TEMME_A_MIN, TEMME_A_MIN) (the series and the fraction took these elements
     * before), in the same two lambda bands with their own worst-case counts: FLOAT_TEMME_LOW_NEAR_K x
     * FLOAT_TEMME_LOW_NEAR_N inside [FLOAT_TEMME_NEAR_LAMBDA_LO, FLOAT_TEMME_NEAR_LAMBDA_HI], FLOAT_TEMME_LOW_K x
     * FLOAT_TEMME_LOW_N outside.
     */
    private static final int TEMME_LOW_NEAR = 8;
    /** See TEMME_LOW_NEAR. */
    private static final int TEMME_LOW_FAR = 9;
    private static final int REGIONS = 10;

    /**
     * Term counts of the two Temme bands, each its worst case (the counts at the band's smallest a,
     * TEMME_A_MIN, and largest |eta| and u^2, at its lambda edges), run by every vector of the band:
     * counts per vector (two lane reductions and table lookups, then loops whose exits the branch
     * predictor could not learn) measured slower than these fixed ones (docs/simd.md).
     */
    static final int NEAR_K_COUNT = kCount(TEMME_A_MIN);
    /** See NEAR_K_COUNT. */
    static final int FAR_K_COUNT = NEAR_K_COUNT;
    /** See NEAR_K_COUNT. */
    static final int NEAR_N_COUNT = nCountUpTo(Math.max(absEta(FLOAT_TEMME_NEAR_LAMBDA_LO), absEta(FLOAT_TEMME_NEAR_LAMBDA_HI)));
    /** See NEAR_K_COUNT. */
    static final int FAR_N_COUNT = nCountUpTo(Math.max(absEta(TEMME_LAMBDA_LO), absEta(TEMME_LAMBDA_HI)));
    /** See NEAR_K_COUNT. */
    static final int NEAR_LOG1PMX_TERMS = log1pmxTerms(Math.max(u2(FLOAT_TEMME_NEAR_LAMBDA_LO), u2(FLOAT_TEMME_NEAR_LAMBDA_HI)));
    /** See NEAR_K_COUNT. */
    static final int FAR_LOG1PMX_TERMS = log1pmxTerms(Math.max(u2(TEMME_LAMBDA_LO), u2(TEMME_LAMBDA_HI)));

    /** |eta| = sqrt(2 (lambda - 1 - log lambda)), Temme's variable at lambda = x/a. */
    private static double absEta(double lambda) {
        return Math.sqrt(2 * (lambda - 1 - Math.log(lambda)));
    }

    /** u^2, u = t/(2 + t), t = lambda - 1: the log1pmx series' variable. */
    private static double u2(double lambda) {
        double u = (lambda - 1) / (lambda + 1);
        return u * u;
    }

    /** This JVM's float species (a constant, see {@link Lanes}). */
    private static final VectorSpecies<Float> SP = Lanes.SF;
    /** The double species of the same width (the float64 prefactor of P and dP/da). */
    private static final VectorSpecies<Double> SD = Lanes.SD;

    /**
     * Iterations a vector runs the series or the continued fraction before the lanes still open are
     * finished by the scalar reference (the float64 kernels' budget; with the float tolerance the
     * slowest of 16 lanes needs fewer terms than the slowest of 8 does at 2^-30).
     */
    static final int VECTOR_ITERATION_BUDGET = GammaKernels.VECTOR_ITERATION_BUDGET;

    /** TEMME_C rounded to float (the float sums' coefficients; the table itself stays in GammaConstants). */
    private static final float[] TEMME_C_F = toFloat(TEMME_C);
    /** The first FLOAT_PSI_TERMS coefficients of DIGAMMA_ASYMPTOTIC, as floats. */
    private static final float[] PSI_TAIL = toFloat(java.util.Arrays.copyOf(DIGAMMA_ASYMPTOTIC, FLOAT_PSI_TERMS));
    /** The first FLOAT_PSI_ROOT_TERMS coefficients of DIGAMMA_ROOT_SERIES, as floats. */
    private static final float[] PSI_ROOT = toFloat(java.util.Arrays.copyOf(DIGAMMA_ROOT_SERIES, FLOAT_PSI_ROOT_TERMS));
    /** The root of digamma as a float pair (DIGAMMA_ROOT_HI split into high and low floats). */
    private static final float ROOT_HI = (float) DIGAMMA_ROOT_HI;
    /** See ROOT_HI. */
    private static final float ROOT_LO = (float) (DIGAMMA_ROOT_HI - ROOT_HI);
    /** Unit steps down from [2, FLOAT_PSI_ASYMPTOTIC_MIN) to [1, 2]. */
    private static final int PSI_STEPS = (int) FLOAT_PSI_ASYMPTOTIC_MIN - 2;
    /** The first FLOAT_STIRLING_TERMS coefficients of LGAMMA_STIRLING, as floats. */
    private static final float[] STIRLING = toFloat(java.util.Arrays.copyOf(LGAMMA_STIRLING, FLOAT_STIRLING_TERMS));
    /** LOG1PMX_SERIES as floats (all 14 terms for |u| up to 0.54, the Temme window's edge; fewer below: FLOAT_LOG1PMX_U2_MAX). */
    private static final float[] LOG1PMX = toFloat(LOG1PMX_SERIES);

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    @Override
    public int regions() {
        return REGIONS;
    }

    @Override
    public int zeroRegion() {
        return ZERO;
    }

    @Override
    public boolean has(Op op) {
        return op == Op.GAMMA_GRAD_ALPHA || op == Op.GAMMA_DCDF_DALPHA;
    }

    @Override
    public void classify(Op op, float[] alpha, float[] rate, float[] z, float[] codes, int m) {
        float temmeMin = (float) (op == Op.GAMMA_GRAD_ALPHA ? FLOAT_TEMME_A_MIN : TEMME_A_MIN);
        for (int i = 0; i < m; i += SP.length()) {
            classifyVector(alpha, rate, z, codes, i, temmeMin);
        }
        if (op != Op.GAMMA_GRAD_ALPHA) {
            // dP/da in the Temme region needs the prefactor's exponent in float64: widened
            for (int i = 0; i < m; i += SP.length()) {
                FloatVector c = FloatVector.fromArray(SP, codes, i);
                c = c.blend((float) WIDEN, c.compare(EQ, (float) TEMME));
                c.blend((float) WIDEN, c.compare(EQ, (float) TEMME_FAR)).intoArray(codes, i);
            }
        }
    }

    /**
     * Region codes (as floats) of the lanes at {@code i}: IncompleteGamma.classify's regions on x = rate z
     * in float, with the series / fraction split at a + FLOAT_SERIES_X_OFFSET, Temme from a = {@code temmeMin}
     * (TEMME_LOW_NEAR and TEMME_LOW_FAR below TEMME_A_MIN), WIDEN outside the float ranges (NaN operands included:
     * their range tests fail).
     */
    private static void classifyVector(float[] alpha, float[] rate, float[] z, float[] codes, int i, float temmeMin) {
        FloatVector a = FloatVector.fromArray(SP, alpha, i);
        FloatVector r = FloatVector.fromArray(SP, rate, i);
        FloatVector x = r.mul(FloatVector.fromArray(SP, z, i));
        VectorMask<Float> series = x.compare(LT, a.add(a.broadcast((float) FLOAT_SERIES_X_OFFSET)
                .blend((float) FLOAT_SERIES_X_OFFSET_HIGH, a.compare(GE, (float) (FLOAT_PSI_ASYMPTOTIC_MIN - 1)))));
        FloatVector c = a.broadcast((float) FRACTION).blend((float) SERIES, series);
        // band: y = a + 1 (series) or a (fraction) at or above FLOAT_PSI_ASYMPTOTIC_MIN: codes 4 and 5
        VectorMask<Float> high = a.blend(a.add(1.0f), series).compare(GE, (float) FLOAT_PSI_ASYMPTOTIC_MIN);
        c = c.blend(c.add((float) (SERIES_HIGH - SERIES)), high);
        FloatVector lam = x.div(a).blend(Float.NaN, a.compare(LT, temmeMin));
        VectorMask<Float> temme = lam.blend(Float.POSITIVE_INFINITY, lam.compare(LT, (float) TEMME_LAMBDA_LO))
                .compare(LE, (float) TEMME_LAMBDA_HI);
        VectorMask<Float> near = lam.blend(Float.POSITIVE_INFINITY, lam.compare(LT, (float) FLOAT_TEMME_NEAR_LAMBDA_LO))
                .compare(LE, (float) FLOAT_TEMME_NEAR_LAMBDA_HI);
        FloatVector bands = a.broadcast((float) TEMME_FAR).blend((float) TEMME, near);
        FloatVector lowBands = a.broadcast((float) TEMME_LOW_FAR).blend((float) TEMME_LOW_NEAR, near);
        c = c.blend(bands.blend(lowBands, a.compare(LT, (float) TEMME_A_MIN)), temme);
        // z = 0 (a sample that underflowed: common for small a) has region ZERO where a and rate are in their
        // ranges; x = 0 from a product that underflowed (z > 0) is widened (dz/da: see evaluateWidened)
        VectorMask<Float> zero = FloatVector.fromArray(SP, z, i).compare(EQ, 0.0f);
        c = c.blend((float) ZERO, zero);
        FloatVector widen = a.broadcast((float) WIDEN);
        c = widen.blend(c, inRange(a, (float) FLOAT_A_MIN, (float) FLOAT_A_MAX));
        c = widen.blend(c, inRange(x.blend((float) FLOAT_X_MIN, zero), (float) FLOAT_X_MIN, (float) FLOAT_X_MAX));
        c = widen.blend(c, inRange(r, Float.MIN_NORMAL, Float.MAX_VALUE));
        c.intoArray(codes, i);
    }

    /** Lanes with {@code lo <= x <= hi} (none for NaN): a blend and a compare, no mask logic (VectorGammaFunctions.inRange). */
    private static VectorMask<Float> inRange(FloatVector x, float lo, float hi) {
        return x.blend(Float.POSITIVE_INFINITY, x.compare(LT, lo)).compare(LE, hi);
    }

    @Override
    public void evaluate(Op op, int region, float[] alpha, float[] rate, float[] z, float[] out, int from, int to) {
        Stages st = STAGES.get().ensure(to);
        boolean anyNaN;
        switch (region) {
            case SERIES, SERIES_HIGH -> {
                seriesSums(alpha, rate, z, st, from, to);
                if (region == SERIES_HIGH) {
                    logMinusDigammaHighStage(alpha, rate, z, 1.0f, st.f0, from, to);
                } else {
                    logMinusDigammaLowStage(alpha, rate, z, 1.0f, st.f0, from, to);
                }
                if (op == Op.GAMMA_GRAD_ALPHA) {
                    anyNaN = seriesFinish(alpha, rate, z, st, out, from, to);
                } else {
                    prefixStage(region == SERIES_HIGH, alpha, rate, z, st, from, to);
                    anyNaN = seriesDpdaFinish(st, out, from, to);
                }
            }
            case FRACTION, FRACTION_HIGH -> {
                fractionSums(alpha, rate, z, st, from, to);
                if (region == FRACTION_HIGH) {
                    logMinusDigammaHighStage(alpha, rate, z, 0.0f, st.f0, from, to);
                } else {
                    logMinusDigammaLowStage(alpha, rate, z, 0.0f, st.f0, from, to);
                }
                if (op == Op.GAMMA_GRAD_ALPHA) {
                    anyNaN = fractionFinish(alpha, rate, z, st, out, from, to);
                } else {
                    prefixStage(region == FRACTION_HIGH, alpha, rate, z, st, from, to);
                    anyNaN = fractionDpdaFinish(st, out, from, to);
                }
            }
            case TEMME, TEMME_FAR, TEMME_LOW_NEAR, TEMME_LOW_FAR -> {
                boolean near = region == TEMME || region == TEMME_LOW_NEAR;
                temmeSetup(alpha, rate, z, st, from, to, near ? NEAR_LOG1PMX_TERMS : FAR_LOG1PMX_TERMS);
                if (region == TEMME_LOW_NEAR || region == TEMME_LOW_FAR) {
                    temmeSums(alpha, st, from, to, near ? FLOAT_TEMME_LOW_NEAR_K : FLOAT_TEMME_LOW_K,
                            near ? FLOAT_TEMME_LOW_NEAR_N : FLOAT_TEMME_LOW_N);
                } else {
                    temmeSums(alpha, st, from, to, near ? NEAR_K_COUNT : FAR_K_COUNT, near ? NEAR_N_COUNT : FAR_N_COUNT);
                }
                anyNaN = temmeFinish(alpha, rate, z, st, out, from, to);
            }
            case ZERO -> {
                java.util.Arrays.fill(out, from, to, 0.0f);
                anyNaN = false;
            }
            default -> throw new IllegalArgumentException("region " + region);
        }
        // NaN marks a lane whose sums did not converge within the budget or overflowed: the scalar
        // reference finishes it (the operands of these regions are valid, so its result is not NaN)
        if (anyNaN) {
            finishByReference(op, alpha, rate, z, out, from, to);
        }
    }

    /** out[l] = the scalar reference's result (rounded to float) where out[l] is NaN, from &le; l &lt; to. */
    private static void finishByReference(Op op, float[] alpha, float[] rate, float[] z, float[] out, int from, int to) {
        Reference.Fn ref = Reference.of(op);
        for (int l = from; l < to; l++) {
            if (Float.isNaN(out[l])) {
                out[l] = (float) ref.apply(alpha[l], rate[l], z[l]);
            }
        }
    }

    /**
     * dz/da on a widened run whose every element has 0 &lt; z, x = rate z &lt; FLOAT_X_MIN in float (0 included: a
     * product that underflowed), a in [FLOAT_A_MIN, FLOAT_A_MAX] and rate a normal float: 1.8 % of the report's
     * float32 samples (small a), widened only because x is below the float range. There the series is S = 1,
     * dS/da = 0 to far below float's resolution (its first term x/(a+1) &lt; 1e-30 against S, and |dS/da| &lt; 1e-30
     * against a bracket |log x - psi(a+1)| &ge; 68), so dz/da = -(z/a) (log x - psi(a+1)) ({@link #tinyStage}).
     * Through the float64 kernels these elements took the float64 driver's whole path for a few elements per block.
     * A run with any other element (NaN, out of range) is left to the driver (false). A region code of its own
     * instead measured slower: the classification's vector code with the extra masks grew too large for the JIT
     * to keep its vectors in registers (9-18 bytes boxed per element), and as a second classification pass it cost
     * every input 2-4 % (docs/simd.md, "Fourteenth session").
     */
    @Override
    public boolean evaluateWidened(Op op, float[] alpha, float[] rate, float[] z, float[] out, int from, int to) {
        if (op != Op.GAMMA_GRAD_ALPHA) {
            return false;
        }
        for (int i = from; i < to; i += SP.length()) {
            FloatVector r = FloatVector.fromArray(SP, rate, i);
            FloatVector zv = FloatVector.fromArray(SP, z, i);
            FloatVector inf = r.broadcast(Float.POSITIVE_INFINITY);
            FloatVector x = inf.blend(r.mul(zv), inRange(FloatVector.fromArray(SP, alpha, i), (float) FLOAT_A_MIN, (float) FLOAT_A_MAX));
            x = inf.blend(x, inRange(r, Float.MIN_NORMAL, Float.MAX_VALUE)).blend(inf, zv.compare(LE, 0.0f));
            if (!x.compare(LT, (float) FLOAT_X_MIN).allTrue()) {
                return false;
            }
        }
        if (tinyStage(alpha, rate, z, STAGES.get().ensure(to), out, from, to)) {
            finishByReference(op, alpha, rate, z, out, from, to); // not expected for operands that passed the test
        }
        return true;
    }

    /** Per-thread intermediate arrays of the stages. */
    private static final ThreadLocal<Stages> STAGES = ThreadLocal.withInitial(Stages::new);

    /** Intermediate results between the stages of a region (one value per element), as in GammaKernels. */
    private static final class Stages {
        float[] u = new float[0];  // S (series), F (fraction), eta (Temme)
        float[] du = new float[0]; // dS/da, dF/da, lambda - 1 (Temme)
        float[] t0 = new float[0]; // Temme sums T, dT/deta, dT/da
        float[] t1 = new float[0];
        float[] t2 = new float[0];
        float[] f0 = new float[0]; // log x - psi
        double[] da = new double[0]; // a, x = rate z (exact) and the prefactor x^a e^-x / Gamma(a), in float64
        double[] dx = new double[0];
        double[] dp = new double[0];

        Stages ensure(int n) {
            if (u.length < n) {
                u = new float[n];
                du = new float[n];
                t0 = new float[n];
                t1 = new float[n];
                t2 = new float[n];
                f0 = new float[n];
                da = new double[n];
                dx = new double[n];
                dp = new double[n];
            }
            return this;
        }
    }

    /**
     * Smallest x the float series sums see (smaller x are raised to it; the log x - psi stage and the last
     * stage keep the exact x). Below it the sums' terms would leave the normal floats within the first two
     * terms: float arithmetic on subnormals (and results that underflow to them) is slow, measured 4.6-6.0
     * against 3.7 ns per element of the series region on the report's inputs with this floor and the
     * zeroing of converged lanes (seriesSums). Exactness: the raised x changes S by at most 2^-30/(a+1)
     * (S &ge; 1) and dS/da by at most 2^-30 h_1/(a+1), against a bracket S (log x - psi(a+1)) + dS/da of
     * magnitude at least |log 2^-30| - |psi(1)| = 20.2 there: below 2^-30 relative, a sixty-fourth of a
     * float ulp.
     */
    static final float SERIES_SUM_X_MIN = 0x1p-30f;

    /**
     * Series region, first stage: S and dS/da (IncompleteGamma.series) in float until every lane meets
     * the convergence test at FLOAT_SUM_TOLERANCE (GammaKernels.seriesSums' one-compare form); S is
     * NaN in a lane still open after VECTOR_ITERATION_BUDGET terms. A lane that has converged adds no
     * more terms (its term is set to 0): its terms would otherwise keep shrinking while slower lanes
     * run, into the subnormal range (x from SERIES_SUM_X_MIN on, see there). Three vectors side by side (i, i +
     * lanes, i + 2 lanes; past the run's end they repeat the first), all running until the three have converged:
     * the loop-carried chains of one vector (a division, then the term's and the sums' updates) left the core
     * idle between steps; two vectors took dz/da on the sampler's pairs from 143 to 150-155 M/s (2026-11-29),
     * three a further 2-8 % (2026-11-30, docs/simd.md "Eleventh session").
     */
    private static void seriesSums(float[] alpha, float[] rate, float[] z, Stages st, int from, int to) {
        final float tol = (float) FLOAT_SUM_TOLERANCE;
        int cap = Math.min(SERIES_MAX_ITER, VECTOR_ITERATION_BUDGET);
        int lanes = SP.length();
        for (int i = from; i < to; i += 3 * lanes) {
            int j = i + lanes < to ? i + lanes : i; // the second and third vectors, or the first again
            int l = i + 2 * lanes < to ? i + 2 * lanes : i;
            FloatVector a = FloatVector.fromArray(SP, alpha, i);
            FloatVector x = FloatVector.fromArray(SP, rate, i).mul(FloatVector.fromArray(SP, z, i)).max(SERIES_SUM_X_MIN);
            FloatVector b = FloatVector.fromArray(SP, alpha, j);
            FloatVector y = FloatVector.fromArray(SP, rate, j).mul(FloatVector.fromArray(SP, z, j)).max(SERIES_SUM_X_MIN);
            FloatVector c3 = FloatVector.fromArray(SP, alpha, l);
            FloatVector w = FloatVector.fromArray(SP, rate, l).mul(FloatVector.fromArray(SP, z, l)).max(SERIES_SUM_X_MIN);
            FloatVector one = a.broadcast(1.0f);
            FloatVector s = one, ds = a.broadcast(0.0f), t = one, h = ds, crit = one;
            FloatVector s2 = one, ds2 = ds, t2 = one, h2 = ds, crit2 = one;
            FloatVector s3 = one, ds3 = ds, t3 = one, h3 = ds, crit3 = one;
            for (int n = 1; n < cap; n += 2) {
                FloatVector rn = one.div(a.add(n));
                FloatVector rm = one.div(b.add(n));
                FloatVector rk = one.div(c3.add(n));
                t = t.mul(x.mul(rn));
                t2 = t2.mul(y.mul(rm));
                t3 = t3.mul(w.mul(rk));
                h = h.add(rn);
                h2 = h2.add(rm);
                h3 = h3.add(rk);
                s = s.add(t);
                s2 = s2.add(t2);
                s3 = s3.add(t3);
                ds = ds.sub(t.mul(h));
                ds2 = ds2.sub(t2.mul(h2));
                ds3 = ds3.sub(t3.mul(h3));
                rn = one.div(a.add(n + 1));
                rm = one.div(b.add(n + 1));
                rk = one.div(c3.add(n + 1));
                t = t.mul(x.mul(rn));
                t2 = t2.mul(y.mul(rm));
                t3 = t3.mul(w.mul(rk));
                h = h.add(rn);
                h2 = h2.add(rm);
                h3 = h3.add(rk);
                FloatVector dt = t.neg().mul(h);
                FloatVector dt2 = t2.neg().mul(h2);
                FloatVector dt3 = t3.neg().mul(h3);
                s = s.add(t);
                s2 = s2.add(t2);
                s3 = s3.add(t3);
                ds = ds.add(dt);
                ds2 = ds2.add(dt2);
                ds3 = ds3.add(dt3);
                crit = t.sub(s.mul(tol)).max(ds.mul(tol).sub(dt));
                crit2 = t2.sub(s2.mul(tol)).max(ds2.mul(tol).sub(dt2));
                crit3 = t3.sub(s3.mul(tol)).max(ds3.mul(tol).sub(dt3));
                VectorMask<Float> done = crit.compare(LE, 0.0f);
                VectorMask<Float> done2 = crit2.compare(LE, 0.0f);
                VectorMask<Float> done3 = crit3.compare(LE, 0.0f);
                if (crit.max(crit2).max(crit3).compare(LE, 0.0f).allTrue()) {
                    break;
                }
                t = t.blend(0.0f, done);
                t2 = t2.blend(0.0f, done2);
                t3 = t3.blend(0.0f, done3);
            }
            s3.blend(Float.NaN, crit3.compare(GT, 0.0f)).intoArray(st.u, l);
            ds3.intoArray(st.du, l);
            s2.blend(Float.NaN, crit2.compare(GT, 0.0f)).intoArray(st.u, j);
            ds2.intoArray(st.du, j);
            s.blend(Float.NaN, crit.compare(GT, 0.0f)).intoArray(st.u, i);
            ds.intoArray(st.du, i);
        }
    }

    /**
     * Series region, last stage: dz/da = -(x/a) (S (log x - psi(a+1)) + dS/da) / rate; NaN where a sum is
     * not finite. Returns whether any result is NaN (or infinite): the sum of v - v over the vectors, one test.
     */
    private static boolean seriesFinish(float[] alpha, float[] rate, float[] z, Stages st, float[] out, int from, int to) {
        FloatVector nan = FloatVector.zero(SP);
        for (int i = from; i < to; i += SP.length()) {
            FloatVector a = FloatVector.fromArray(SP, alpha, i);
            FloatVector r = FloatVector.fromArray(SP, rate, i);
            FloatVector x = r.mul(FloatVector.fromArray(SP, z, i));
            FloatVector s = FloatVector.fromArray(SP, st.u, i);
            FloatVector ds = FloatVector.fromArray(SP, st.du, i);
            FloatVector bracket = s.mul(FloatVector.fromArray(SP, st.f0, i)).add(ds);
            FloatVector v = x.div(a).neg().mul(bracket).div(r).add(s.sub(s)).add(ds.sub(ds));
            v.intoArray(out, i);
            nan = nan.add(v.sub(v));
        }
        return nan.compare(NE, nan).anyTrue();
    }

    /**
     * Continued-fraction region, first stage: Legendre's fraction for Q in Steed's form with the
     * a-derivative of every quantity (IncompleteGamma.continuedFraction, GammaKernels.cfSums) in float;
     * F is NaN in a lane still open after the budget. No tiny-denominator guard: a zero denominator
     * makes the lane's sums NaN and the scalar reference finishes it.
     */
    private static void fractionSums(float[] alpha, float[] rate, float[] z, Stages st, int from, int to) {
        final float tol = (float) FLOAT_SUM_TOLERANCE;
        int cap = Math.min(CF_MAX_ITER, VECTOR_ITERATION_BUDGET);
        for (int i = from; i < to; i += SP.length()) {
            FloatVector a = FloatVector.fromArray(SP, alpha, i);
            FloatVector x = FloatVector.fromArray(SP, rate, i).mul(FloatVector.fromArray(SP, z, i));
            FloatVector xma = x.sub(a);
            FloatVector one = a.broadcast(1.0f);
            FloatVector d = one.div(xma.add(1.0f));
            FloatVector dd = d.mul(d);
            FloatVector dh = d;
            FloatVector ddh = dd;
            FloatVector f = d;
            FloatVector df = dd;
            FloatVector crit = a.broadcast(1.0f);
            for (int n = 2; n <= cap; n++) {
                int m = n - 1;
                FloatVector al = a.sub(m).mul(m);
                FloatVector den = xma.add(2 * m + 1).add(al.mul(d));
                FloatVector dn = one.div(den);
                FloatVector ddn = dn.neg().mul(dn).mul(d.mul(m).add(-1.0f).add(al.mul(dd)));
                FloatVector rho = al.neg().mul(d).mul(dn);
                FloatVector drho = d.mul(m).mul(dn).add(al.mul(dd.mul(dn).add(d.mul(ddn)))).neg();
                FloatVector ddhNext = drho.mul(dh).add(rho.mul(ddh));
                dh = rho.mul(dh);
                ddh = ddhNext;
                d = dn;
                dd = ddn;
                f = f.add(dh);
                df = df.add(ddh);
                crit = dh.lanewise(ABS).sub(f.lanewise(ABS).mul(tol))
                        .max(ddh.lanewise(ABS).sub(df.lanewise(ABS).mul(tol)));
                if (crit.compare(LE, 0.0f).allTrue()) {
                    break;
                }
            }
            f.blend(Float.NaN, crit.compare(GT, 0.0f)).intoArray(st.u, i);
            df.intoArray(st.du, i);
        }
    }

    /**
     * Continued-fraction region, last stage: dz/da = x ((log x - psi(a)) F + dF/da) / rate; NaN where a sum
     * is not finite. Returns whether any result is NaN or infinite (as seriesFinish).
     */
    private static boolean fractionFinish(float[] alpha, float[] rate, float[] z, Stages st, float[] out, int from, int to) {
        FloatVector nan = FloatVector.zero(SP);
        for (int i = from; i < to; i += SP.length()) {
            FloatVector r = FloatVector.fromArray(SP, rate, i);
            FloatVector x = r.mul(FloatVector.fromArray(SP, z, i));
            FloatVector f = FloatVector.fromArray(SP, st.u, i);
            FloatVector df = FloatVector.fromArray(SP, st.du, i);
            FloatVector bracket = FloatVector.fromArray(SP, st.f0, i).mul(f).add(df);
            FloatVector v = x.mul(bracket).div(r).add(f.sub(f)).add(df.sub(df));
            v.intoArray(out, i);
            nan = nan.add(v.sub(v));
        }
        return nan.compare(NE, nan).anyTrue();
    }

    /**
     * dz/da at tiny x (evaluateWidened): -(z/a) (log x - psi(a + 1)) (the series with S = 1, dS/da = 0): -psi(y) at
     * y = a + 1 in float, by the two bands' forms of log x - psi(y) (logMinusDigammaLow at x = 1 below
     * FLOAT_PSI_ASYMPTOTIC_MIN, logMinusDigammaHigh at x = y minus log y above; each a loop over the run, blended
     * in the second); then in float64 log x of the exact x = rate z (no underflow there: x &ge; Float.MIN_NORMAL
     * Float.MIN_VALUE), the sum, the product, rounded once. psi's float error (at most a few units of 2^-24 |psi|,
     * |psi(y)| &lt; 14 for y &le; 1e6 + 1) is below 2e-8 relative to |log x - psi| &ge; 68. (A first version took
     * log y - psi(y) in float64 from VectorGammaFunctions.logMinusDigammaOfSum: its 44-term root series as one
     * Horner chain made the region 7.2 ns per element.) Returns whether any result is NaN (never for operands
     * of this region).
     */
    private static boolean tinyStage(float[] alpha, float[] rate, float[] z, Stages st, float[] out, int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            FloatVector y = FloatVector.fromArray(SP, alpha, i).add(1.0f);
            logMinusDigammaLow(y.broadcast(1.0f), y).intoArray(st.f0, i);
        }
        for (int i = from; i < to; i += SP.length()) {
            // -psi(y) = -log y + 1/(2y) + sum_k c_k y^-2k: logMinusDigammaHigh's tail written out (calling it at x = y, its
            // log1p of 0 and log of 1 included, took the tiny elements from 4.2 to 4.8-5.2 ns each)
            FloatVector y = FloatVector.fromArray(SP, alpha, i).add(1.0f);
            FloatVector rw = y.broadcast(1.0f).div(y);
            FloatVector r2 = rw.mul(rw);
            FloatVector tail = y.broadcast(0.0f);
            for (int k = PSI_TAIL.length - 1; k >= 0; k--) {
                tail = tail.fma(r2, y.broadcast(PSI_TAIL[k]));
            }
            FloatVector high = rw.mul(0.5f).add(tail.mul(r2)).sub(y.lanewise(LOG));
            FloatVector.fromArray(SP, st.f0, i).blend(high, y.compare(GE, (float) FLOAT_PSI_ASYMPTOTIC_MIN)).intoArray(st.f0, i);
        }
        double[] q = st.da;
        double[] dx = st.dx;
        double[] v = st.dp;
        for (int j = from; j < to; j++) {
            q[j] = (double) z[j] / alpha[j];
            dx[j] = (double) rate[j] * z[j]; // exact: two 24-bit significands
            v[j] = st.f0[j];
        }
        for (int i = from; i < to; i += SD.length()) {
            DoubleVector l = DoubleVector.fromArray(SD, dx, i).lanewise(LOG).add(DoubleVector.fromArray(SD, v, i));
            DoubleVector.fromArray(SD, q, i).mul(l).neg().intoArray(v, i);
        }
        boolean nan = false;
        for (int j = from; j < to; j++) {
            float r = (float) v[j];
            out[j] = r;
            nan |= r != r;
        }
        return nan;
    }

    /**
     * dP/da (series and continued fraction; the Temme region is widened for it, see classify): the sums
     * and log x - psi in float as for dz/da, the prefactor x^a e^-x / Gamma(a) in float64
     * (GammaKernels.prefixSmall below the high band, a &lt; 6, prefixStirling in it, a &ge; 5 &ge;
     * PREFIX_STIRLING_A_MIN) from the exact product x = rate z, and the last products in float64, rounded
     * once: the prefactor's exponent a log x - x carries the conditioning of dP/da (an error e in x moves
     * it by up to a e in the series region and by x e in the fraction's), which float arithmetic would not
     * meet, and its range (down to e^-700, where dP/da may still be a float) is float64's; the sums move
     * with x by about e only. (P itself stays on the float64 kernels: there the prefactor is most of the
     * time, and float sums gained 1.1-1.4x for six times the error; docs/simd.md.)
     */
    private static void prefixStage(boolean stirling, float[] alpha, float[] rate, float[] z, Stages st, int from, int to) {
        double[] da = st.da;
        double[] dx = st.dx;
        for (int j = from; j < to; j++) {
            da[j] = alpha[j];
            dx[j] = (double) rate[j] * z[j]; // exact: two 24-bit significands
        }
        if (stirling) {
            prefixStirlingLoop(st, from, to);
        } else {
            prefixSmallLoop(st, from, to);
        }
    }

    /** st.dp = GammaKernels.prefixSmall of st.da, st.dx (one loop per special function, see GammaKernels). */
    private static void prefixSmallLoop(Stages st, int from, int to) {
        for (int i = from; i < to; i += SD.length()) {
            GammaKernels.prefixSmall(DoubleVector.fromArray(SD, st.da, i), DoubleVector.fromArray(SD, st.dx, i)).intoArray(st.dp, i);
        }
    }

    /** st.dp = x^a e^-x / Gamma(a) of st.da, st.dx (GammaKernels.prefixStirlingStage). */
    private static void prefixStirlingLoop(Stages st, int from, int to) {
        GammaKernels.prefixStirlingStage(st.da, null, st.dx, st.dp, from, to);
    }

    /**
     * Series region, dP/da = pre (S (log x - psi(a+1)) + dS/da) / a (IncompleteGamma.series), in float64
     * from the float sums, rounded once; NaN where a sum did not converge. Returns whether any result is NaN.
     */
    private static boolean seriesDpdaFinish(Stages st, float[] out, int from, int to) {
        boolean nan = false;
        for (int j = from; j < to; j++) {
            float r = (float) (st.dp[j] / st.da[j] * ((double) st.u[j] * st.f0[j] + st.du[j]));
            out[j] = r;
            nan |= r != r;
        }
        return nan;
    }

    /**
     * Continued-fraction region, dP/da = -pre ((log x - psi(a)) F + dF/da) (IncompleteGamma.continuedFraction),
     * in float64 from the float sums, rounded once; NaN as in seriesDpdaFinish.
     */
    private static boolean fractionDpdaFinish(Stages st, float[] out, int from, int to) {
        boolean nan = false;
        for (int j = from; j < to; j++) {
            float r = (float) (-st.dp[j] * ((double) st.u[j] * st.f0[j] + st.du[j]));
            out[j] = r;
            nan |= r != r;
        }
        return nan;
    }

    /** res = log x - psi(a + shift), x = rate z (shift 1: series, 0: continued fraction), band y &lt; FLOAT_PSI_ASYMPTOTIC_MIN. */
    private static void logMinusDigammaLowStage(float[] alpha, float[] rate, float[] z, float shift, float[] res,
            int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            FloatVector y = FloatVector.fromArray(SP, alpha, i).add(shift);
            FloatVector x = FloatVector.fromArray(SP, rate, i).mul(FloatVector.fromArray(SP, z, i));
            logMinusDigammaLow(x, y).intoArray(res, i);
        }
    }

    /**
     * As {@link #logMinusDigammaLowStage}, band y &ge; FLOAT_PSI_ASYMPTOTIC_MIN (a stage of its own: one
     * vector expression per loop, no vector merged from two branches; see temmeSums).
     */
    private static void logMinusDigammaHighStage(float[] alpha, float[] rate, float[] z, float shift, float[] res,
            int from, int to) {
        for (int i = from; i < to; i += SP.length()) {
            FloatVector y = FloatVector.fromArray(SP, alpha, i).add(shift);
            FloatVector x = FloatVector.fromArray(SP, rate, i).mul(FloatVector.fromArray(SP, z, i));
            logMinusDigammaHigh(x, y).intoArray(res, i);
        }
    }

    /**
     * log x - psi(y) in float for x &gt; 0, 0 &lt; y &lt; FLOAT_PSI_ASYMPTOTIC_MIN: psi(y) from the root
     * series on [1, 2] after at most PSI_STEPS unit steps down (psi(y) = psi(y - k) + sum 1/(y - j), the
     * reciprocals as one fraction N/D: N &larr; N w + D, D &larr; D w, positive terms) or one step up for
     * y &lt; 1 (psi(y) = psi(y + 1) - 1/y, the fraction starting at -1/y). The root series keeps psi
     * accurate relative to itself near its zero (GammaConstants.FLOAT_PSI_ASYMPTOTIC_MIN).
     */
    static FloatVector logMinusDigammaLow(FloatVector x, FloatVector y) {
        x = Lanes.NEG_ZERO_F.add(x);
        y = Lanes.NEG_ZERO_F.add(y);
        VectorMask<Float> below1 = y.compare(LT, 1.0f);
        FloatVector num = y.broadcast(0.0f).blend(-1.0f, below1);
        FloatVector den = y.broadcast(1.0f).blend(y, below1);
        FloatVector w = y.blend(y.add(1.0f), below1);
        for (int j = 0; j < PSI_STEPS; j++) {
            VectorMask<Float> step = w.compare(GE, 2.0f);
            w = w.blend(w.sub(1.0f), step);
            num = num.blend(num.fma(w, den), step);
            den = den.blend(den.mul(w), step);
        }
        FloatVector s = w.sub(ROOT_HI).sub(ROOT_LO);
        // the root series as two Horner chains in s^2 (even and odd coefficients), half the latency of one
        FloatVector s2 = s.mul(s);
        FloatVector even = y.broadcast(0.0f);
        FloatVector odd = y.broadcast(0.0f);
        for (int k = (PSI_ROOT.length - 1) / 2 * 2; k >= 0; k -= 2) {
            even = even.fma(s2, y.broadcast(PSI_ROOT[k]));
            odd = odd.fma(s2, y.broadcast(k + 1 < PSI_ROOT.length ? PSI_ROOT[k + 1] : 0.0f));
        }
        FloatVector h = odd.fma(s, even);
        return x.lanewise(LOG).sub(h.fma(s, num.div(den)));
    }

    /**
     * log x - psi(y) in float for x &gt; 0, y &ge; FLOAT_PSI_ASYMPTOTIC_MIN: log(x/y) + 1/(2y) +
     * sum_k c_k y^-2k (the first FLOAT_PSI_TERMS terms of DIGAMMA_ASYMPTOTIC), log(x/y) as log1p((x - y)/y)
     * from x = y/2 on: next to x = y (where the series and the fraction meet) the rounding of x/y to float was a relative error
     * of up to 2^-24/|log(x/y)| in log(x/y) (x - y is exact there, Sterbenz); medians of dz/da for a in [6, 20)
     * next to the split 1.0-2.6e-7 -&gt; 0.9-2.2e-7 (then 1.2-1.7e-7 with the split at a + 1 for a &ge; 5).
     */
    static FloatVector logMinusDigammaHigh(FloatVector x, FloatVector y) {
        x = Lanes.NEG_ZERO_F.add(x);
        y = Lanes.NEG_ZERO_F.add(y);
        FloatVector rw = y.broadcast(1.0f).div(y);
        FloatVector r2 = rw.mul(rw);
        FloatVector tail = y.broadcast(0.0f);
        for (int k = PSI_TAIL.length - 1; k >= 0; k--) {
            tail = tail.fma(r2, y.broadcast(PSI_TAIL[k]));
        }
        FloatVector t = x.sub(y).mul(rw);
        // log1p((x - y)/y) next to x = y; log(x/y) below y/2, where (x - y)/y rounds towards -1 (to -1 for x/y < 2^-25)
        FloatVector logRatio = t.lanewise(LOG1P).blend(x.mul(rw).lanewise(LOG), t.compare(LT, -0.5f));
        return logRatio.add(rw.mul(0.5f).add(tail.mul(r2)));
    }

    /**
     * Temme region, first stage: eta into st.u, lambda - 1 into st.du (phi from {@code terms} terms of the
     * atanh series of log1pmx: the band's, NEAR_LOG1PMX_TERMS or FAR_LOG1PMX_TERMS).
     */
    private static void temmeSetup(float[] alpha, float[] rate, float[] z, Stages st, int from, int to, int terms) {
        for (int i = from; i < to; i += SP.length()) {
            FloatVector a = FloatVector.fromArray(SP, alpha, i);
            FloatVector x = FloatVector.fromArray(SP, rate, i).mul(FloatVector.fromArray(SP, z, i));
            FloatVector t = x.sub(a).div(a);
            // phi = -(log(1+t) - t) = t u - 2 u^3 sum_k c_k u^2k, u = t/(2+t)
            FloatVector u = t.div(t.add(2.0f));
            FloatVector u2 = u.mul(u);
            FloatVector s = a.broadcast(0.0f);
            for (int k = terms - 1; k >= 0; k--) {
                s = s.fma(u2, a.broadcast(LOG1PMX[k]));
            }
            FloatVector phi = t.mul(u).sub(u.mul(2.0f).mul(u2).mul(s));
            FloatVector mag = phi.mul(2.0f).lanewise(SQRT);
            mag.blend(mag.neg(), t.compare(LT, 0.0f)).intoArray(st.u, i);
            t.intoArray(st.du, i);
        }
    }

    /** Terms of the log1pmx series where u^2 is at most {@code u2} (FLOAT_LOG1PMX_U2_MAX; NaN: all). */
    private static int log1pmxTerms(double u2) {
        for (int i = 0; i < FLOAT_LOG1PMX_U2_MAX.length; i++) {
            if (u2 <= FLOAT_LOG1PMX_U2_MAX[i]) {
                return FLOAT_LOG1PMX_TERMS[i];
            }
        }
        return LOG1PMX_SERIES.length;
    }

    /**
     * Temme region, second stage: T, dT/deta, dT/da (GammaKernels.temmeSums) in float with kCount terms
     * in 1/a and nCount Taylor terms per c_k: the band's worst-case counts (NEAR_K_COUNT, ...).
     */
    private static void temmeSums(float[] alpha, Stages st, int from, int to, int kCount, int nCount) {
        int lanes = SP.length();
        for (int i = from; i < to; i += lanes) {
            FloatVector a = FloatVector.fromArray(SP, alpha, i);
            FloatVector eta = FloatVector.fromArray(SP, st.u, i);
            FloatVector r = a.broadcast(1.0f).div(a);
            FloatVector tSum = a.broadcast(0.0f);
            FloatVector tEta = a.broadcast(0.0f);
            FloatVector tA = a.broadcast(0.0f);
            for (int k = kCount - 1; k >= 0; k--) {
                int base = k * TEMME_N;
                FloatVector c = a.broadcast(0.0f);
                FloatVector dc = a.broadcast(0.0f);
                for (int j = nCount - 1; j >= 0; j--) {
                    dc = dc.fma(eta, c);
                    c = c.fma(eta, a.broadcast(TEMME_C_F[base + j]));
                }
                tSum = tSum.fma(r, c);
                tEta = tEta.fma(r, dc);
                // sum_k k c_k r^k without a branch on k (a vector merged from a branch lost its exact class
                // for the JIT, and the stage then ran as the Vector API's Java fallback: 3x slower)
                tA = tA.fma(r, c.mul(k));
            }
            tSum.intoArray(st.t0, i);
            tEta.intoArray(st.t1, i);
            tA.mul(r.neg()).intoArray(st.t2, i); // dT/da = -sum_k k c_k a^-(k+1)
        }
    }

    /** Terms in 1/a of the float Temme sum at a (FLOAT_TEMME_K_COUNT by TEMME_K_A_MIN). */
    private static int kCount(double a) {
        for (int i = TEMME_K_A_MIN.length - 1; i >= 0; i--) {
            if (a >= TEMME_K_A_MIN[i]) {
                return FLOAT_TEMME_K_COUNT[i];
            }
        }
        return TEMME_K;
    }

    /**
     * Taylor terms per c_k of the float Temme sum for every |eta| up to {@code absEtaMax}: the largest
     * FLOAT_TEMME_N_COUNT of the classes (TEMME_N_ETA_MAX) that reach below it, FLOAT_TEMME_N beyond the last
     * (the counts from the grids are not monotone everywhere: beyond 1 needs fewer than up to 1).
     */
    private static int nCountUpTo(double absEtaMax) {
        int n = 0;
        for (int i = 0; i < TEMME_N_ETA_MAX.length; i++) {
            if (i == 0 || TEMME_N_ETA_MAX[i - 1] < absEtaMax) {
                n = Math.max(n, FLOAT_TEMME_N_COUNT[i]);
            }
        }
        return absEtaMax > TEMME_N_ETA_MAX[TEMME_N_ETA_MAX.length - 1] ? Math.max(n, FLOAT_TEMME_N) : n;
    }

    /**
     * Temme region, last stage (IncompleteGamma.temme's gradient): dz/da = lambda Gamma*(a) B / rate,
     * B = (mu - eta/2)(1 + eta T) - T/(2a) - (mu/a) dT/deta + dT/da, mu = (lambda - 1)/eta, log Gamma*(a)
     * from FLOAT_STIRLING_TERMS terms of Stirling's series (a &ge; FLOAT_TEMME_A_MIN). Returns whether any result
     * is NaN or infinite (as seriesFinish).
     */
    private static boolean temmeFinish(float[] alpha, float[] rate, float[] z, Stages st, float[] out, int from, int to) {
        FloatVector nan = FloatVector.zero(SP);
        for (int i = from; i < to; i += SP.length()) {
            FloatVector a = FloatVector.fromArray(SP, alpha, i);
            FloatVector rt = FloatVector.fromArray(SP, rate, i);
            FloatVector x = rt.mul(FloatVector.fromArray(SP, z, i));
            FloatVector eta = FloatVector.fromArray(SP, st.u, i);
            FloatVector lm1 = FloatVector.fromArray(SP, st.du, i);
            FloatVector tSum = FloatVector.fromArray(SP, st.t0, i);
            FloatVector tEta = FloatVector.fromArray(SP, st.t1, i);
            FloatVector tA = FloatVector.fromArray(SP, st.t2, i);
            FloatVector r = a.broadcast(1.0f).div(a);
            FloatVector mu = lm1.div(eta).blend(1.0f, eta.compare(EQ, 0.0f));
            FloatVector b = mu.sub(eta.mul(0.5f)).mul(eta.mul(tSum).add(1.0f))
                    .sub(r.mul(0.5f).mul(tSum)).sub(mu.mul(r).mul(tEta)).add(tA);
            FloatVector r2 = r.mul(r);
            FloatVector lgs = a.broadcast(0.0f);
            for (int k = STIRLING.length - 1; k >= 0; k--) {
                lgs = lgs.fma(r2, a.broadcast(STIRLING[k]));
            }
            // Gamma*(a) = exp(t), t = log Gamma*(a) in (0, 1/(12 a)] <= 1/60 (a >= FLOAT_TEMME_A_MIN = 5): Taylor to t^4, the
            // remainder t^5/120 <= 1.1e-11 (the EXP call cost more)
            FloatVector t = lgs.mul(r);
            FloatVector gstar = t.mul(1.0f / 24).add(1.0f / 6).fma(t, a.broadcast(0.5f)).fma(t, a.broadcast(1.0f))
                    .fma(t, a.broadcast(1.0f));
            FloatVector v = x.mul(r).mul(gstar).mul(b).div(rt);
            v.intoArray(out, i);
            nan = nan.add(v.sub(v));
        }
        return nan.compare(NE, nan).anyTrue();
    }
}
