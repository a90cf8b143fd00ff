package dev.irg.simd;

import static dev.irg.sampling.SamplingConstants.SUBSTREAM_BETA_B;
import static dev.irg.sampling.SamplingConstants.SUBSTREAM_MAIN;

import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.Vec;
import dev.irg.math.IncompleteGamma;
import dev.irg.math.Reference;
import dev.irg.sampling.BetaSampler;
import dev.irg.sampling.DirichletSampler;
import dev.irg.spi.Batch;
import dev.irg.spi.SamplerKernels;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The SIMD backend's samplers and fused rsample. A request (one chunk of a call: {@link dev.irg.Sampling}
 * splits large calls over threads) is processed in blocks of {@link SimdKernels#BLOCK} elements (whole
 * rows of components for Dirichlet): load the block's parameters, sample it
 * ({@link SimdGammaSampler}, {@link SimdVonMisesSampler}: Philox in vectors, bit-identical to the
 * scalar samplers), round to float for float32, then, for an rsample, evaluate the gradients on
 * that block while it is in cache, and store. Samples are the scalar backend's bit for bit in both
 * precisions (float32 = the float64 sample rounded once, as the scalar backend does).
 *
 * <p>Gradients go through {@link #gradient}, the one entry point into the gradient kernels: the SIMD
 * kernels of this width when they implement the operation, else the scalar reference. So an rsample
 * equals this backend's samples followed by {@code Irg.evaluate} on this backend, bit for bit. The
 * log-space Gamma and Dirichlet gradients (d log g/dalpha, no operation of their own) come from the
 * Gamma dz/dalpha kernel at g = e^log g divided by g where g is at least 2^-1000, else from the scalar
 * log-space reference ({@link #dLogXdAlpha}): equal to the scalar backend's to rounding.
 */
final class SimdSamplers implements SamplerKernels {
    private final SimdKernels kernels;
    private final SimdGammaSampler gamma;
    private final SimdVonMisesSampler vonMises;
    private final ThreadLocal<SamplerScratch> scratch;

    SimdSamplers(SimdKernels kernels) {
        this.kernels = kernels;
        VectorPhilox philox = VectorPhilox.forBits(kernels.bits());
        this.gamma = new SimdGammaSampler(philox);
        this.vonMises = new SimdVonMisesSampler(philox);
        int lanes = philox.lanes();
        this.scratch = ThreadLocal.withInitial(() -> new SamplerScratch(SimdKernels.BLOCK, lanes));
    }

    @Override
    public boolean supports(Kind kind, boolean withGrad, Precision precision) {
        return true;
    }

    @Override
    public void sample(Request r) {
        SamplerScratch s = scratch.get();
        if (r.kind() == Kind.DIRICHLET) {
            dirichlet(r, s);
            return;
        }
        s.ensure(SimdKernels.BLOCK);
        // float32 parameters (float arrays or float-valued scalars) need no per-block scan in gradient()
        s.paramsFloat = r.precision() == Precision.F32 && floatValued(r.p0()) && floatValued(r.p1());
        long n = r.n();
        boolean gammaFloat = r.kind() == Kind.GAMMA && s.paramsFloat && floatOutputs(r);
        // gammaFloat passes the rate to the gradient kernels as the request has it, and a unit rate divides nothing
        boolean rateUnused = gammaFloat && unitRate(r);
        for (long from = 0; from < n; from += SimdKernels.BLOCK) {
            int cnt = (int) Math.min(SimdKernels.BLOCK, n - from);
            SimdKernels.load(r.p0(), from, cnt, s.p0, s.f);
            if (!rateUnused) {
                SimdKernels.load(r.p1(), from, cnt, s.p1, s.f);
            }
            long base = r.first() + from;
            if (gammaFloat) {
                gammaFloat(r, from, cnt, s);
                continue;
            }
            switch (r.kind()) {
                case GAMMA -> gamma(r, base, cnt, s);
                case GAMMA_LOG -> gammaLog(r, base, cnt, s);
                case BETA -> beta(r, base, cnt, s);
                case VONMISES -> vonMises(r, base, cnt, s);
                default -> throw new IllegalStateException("unreachable: " + r.kind());
            }
            SimdKernels.store(r.out(), from, cnt, s.out, s.f);
            if (r.grad0() != null) {
                SimdKernels.store(r.grad0(), from, cnt, s.g0, s.f);
            }
            if (r.grad1() != null) {
                SimdKernels.store(r.grad1(), from, cnt, s.g1, s.f);
            }
        }
    }

    /** Rounds the samples to float for a float32 call: the gradients are taken at the sample as returned. */
    private static void roundAsStored(Request r, double[] z, int cnt) {
        if (r.precision() == Precision.F32) {
            for (int i = 0; i < cnt; i++) {
                z[i] = (float) z[i];
            }
        }
    }

    private void gamma(Request r, long base, int cnt, SamplerScratch s) {
        gamma.sample(r.seed(), SUBSTREAM_MAIN, base, s.p0, cnt, false, s.out, s);
        if (!unitRate(r)) {
            divideByRate(s.out, s.p1, cnt);
        }
        roundAsStored(r, s.out, cnt);
        if (r.grad0() != null) {
            gradient(Op.GAMMA_GRAD_ALPHA, r.precision(), s.p0, s.p1, scalars(r), s.out, s.g0, cnt, s);
        }
        if (r.grad1() != null) {
            gradient(Op.GAMMA_GRAD_RATE, r.precision(), s.p0, s.p1, scalars(r), s.out, s.g1, cnt, s);
        }
    }

    /**
     * {@link #gamma} for a float32 request with float parameters and float outputs, without float64 round trips:
     * the samples rounded to float once (into s.fx) and stored from there, the gradients evaluated by the kernels
     * from the request's own parameter slices and s.fx straight into the request's gradient slices. The same
     * values as gamma() followed by the stores (gradient() takes the same float operands; the float32 kernels'
     * results converted to double and back are the same floats); it saves five copying loops per block (the
     * fused float32 Gamma rsample: 3 % of its time).
     */
    private void gammaFloat(Request r, long from, int cnt, SamplerScratch s) {
        gamma.sample(r.seed(), SUBSTREAM_MAIN, r.first() + from, s.p0, cnt, false, s.out, s);
        float[] z = s.fx;
        if (!unitRate(r)) {
            divideByRate(s.out, s.p1, cnt);
        }
        for (int i = 0; i < cnt; i++) {
            z[i] = (float) s.out[i];
        }
        MemorySegment.copy(z, 0, r.out().segment(), ValueLayout.JAVA_FLOAT_UNALIGNED, from * Float.BYTES, cnt);
        Vec p0 = r.p0().isScalar() ? r.p0() : r.p0().slice(from, cnt);
        Vec p1 = r.p1().isScalar() ? r.p1() : r.p1().slice(from, cnt);
        Vec x = Vec.of(z, 0, cnt);
        if (r.grad0() != null) {
            floatGradient(Op.GAMMA_GRAD_ALPHA, p0, p1, x, r.grad0().slice(from, cnt), cnt, s);
        }
        if (r.grad1() != null) {
            floatGradient(Op.GAMMA_GRAD_RATE, p0, p1, x, r.grad1().slice(from, cnt), cnt, s);
        }
    }

    /** {@code out = op(p0, p1, x)} in float32 (float operands): the kernels when they implement it, else the reference. */
    private void floatGradient(Op op, Vec p0, Vec p1, Vec x, Vec out, int cnt, SamplerScratch s) {
        if (kernels.supports(op, Precision.F32)) {
            kernels.evaluate(new Batch(op, Precision.F32, p0, p1, x, out, cnt));
            return;
        }
        Reference.Fn f = Reference.of(op);
        for (int i = 0; i < cnt; i++) {
            out.set(i, f.apply(p0.get(i), p1.get(i), x.get(i)));
        }
    }

    /** Whether the request's outputs (samples and the gradients asked for) are float32. */
    private static boolean floatOutputs(Request r) {
        return r.out().precision() == Precision.F32 && (r.grad0() == null || r.grad0().precision() == Precision.F32)
                && (r.grad1() == null || r.grad1().precision() == Precision.F32);
    }

    private void gammaLog(Request r, long base, int cnt, SamplerScratch s) {
        gamma.sample(r.seed(), SUBSTREAM_MAIN, base, s.p0, cnt, true, s.out, s);
        double[] logRate = s.t0;
        VectorSamplerMath.log(s.p1, logRate, cnt); // SamplerMath.log lane-wise (the scalar backend's bits)
        int lanes = Lanes.SD.length();
        for (int i = 0; i < cnt; i += lanes) { // log z = log g - log rate, NaN where the rate is not valid
            DoubleVector rate = DoubleVector.fromArray(Lanes.SD, s.p1, i);
            DoubleVector.fromArray(Lanes.SD, s.out, i).sub(DoubleVector.fromArray(Lanes.SD, logRate, i))
                    .blend(Double.NaN, invalid(rate)).intoArray(s.out, i);
        }
        roundAsStored(r, s.out, cnt);
        if (r.grad0() != null) {
            for (int i = 0; i < cnt; i += lanes) { // log of the standard Gamma sample
                DoubleVector.fromArray(Lanes.SD, s.out, i).add(DoubleVector.fromArray(Lanes.SD, logRate, i)).intoArray(s.t1, i);
            }
            dLogXdAlpha(s.p0, s.t1, s.g0, cnt, s);
        }
        // ok: a valid rate and a valid alpha (GammaSampler.classify: 0 < alpha < infinity); dlog z/dalpha NaN where
        // not ok, dlog z/drate = -1/rate where ok
        for (int i = 0; i < cnt; i += lanes) {
            DoubleVector rate = DoubleVector.fromArray(Lanes.SD, s.p1, i);
            DoubleVector alpha = DoubleVector.fromArray(Lanes.SD, s.p0, i);
            VectorMask<Double> alphaOk = alpha.blend(Double.NaN, alpha.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY))
                    .compare(VectorOperators.GT, 0.0);
            DoubleVector okCode = rate.broadcast(0.0).blend(rate.broadcast(1.0).blend(0.0, invalid(rate)), alphaOk);
            VectorMask<Double> bad = okCode.compare(VectorOperators.EQ, 0.0);
            if (r.grad0() != null) {
                DoubleVector.fromArray(Lanes.SD, s.g0, i).blend(Double.NaN, bad).intoArray(s.g0, i);
            }
            if (r.grad1() != null) {
                rate.broadcast(-1.0).div(rate).blend(Double.NaN, bad).intoArray(s.g1, i);
            }
        }
    }

    /** Whether the request's rate is the broadcast scalar 1: z = g / 1 = g exactly, and a rate of 1 is valid. */
    private static boolean unitRate(Request r) {
        return r.p1().isScalar() && r.p1().scalarValue() == 1.0;
    }

    /** z = g / rate in place over {@code g[0..cnt)} (whole vectors), NaN where the rate is not valid ({@link #invalid}). */
    private static void divideByRate(double[] g, double[] rate, int cnt) {
        for (int i = 0; i < cnt; i += Lanes.SD.length()) {
            DoubleVector r = DoubleVector.fromArray(Lanes.SD, rate, i);
            DoubleVector.fromArray(Lanes.SD, g, i).div(r).blend(Double.NaN, invalid(r)).intoArray(g, i);
        }
    }

    /** The lanes whose rate is not valid (not in (0, infinity), NaN included), by blends and compares. */
    private static VectorMask<Double> invalid(DoubleVector rate) {
        DoubleVector v = rate.blend(Double.NaN, rate.compare(VectorOperators.LE, 0.0))
                .blend(Double.NaN, rate.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY));
        return v.compare(VectorOperators.NE, v); // NaN exactly there
    }

    private void beta(Request r, long base, int cnt, SamplerScratch s) {
        gamma.sample(r.seed(), SUBSTREAM_MAIN, base, s.p0, cnt, true, s.t0, s);
        gamma.sample(r.seed(), SUBSTREAM_BETA_B, base, s.p1, cnt, true, s.t1, s);
        sigmoidOfDifference(s.t0, s.t1, s.out, cnt, s);
        roundAsStored(r, s.out, cnt);
        if (r.grad0() != null && r.grad1() != null) {
            // both in one pass (BetaKernels.evaluatePair)
            gradient(Op.BETA_GRAD_A, Op.BETA_GRAD_B, r.precision(), s.p0, s.p1, scalars(r), s.out, s.g0, s.g1, cnt, s);
        } else if (r.grad0() != null) {
            gradient(Op.BETA_GRAD_A, r.precision(), s.p0, s.p1, scalars(r), s.out, s.g0, cnt, s);
        } else if (r.grad1() != null) {
            gradient(Op.BETA_GRAD_B, r.precision(), s.p0, s.p1, scalars(r), s.out, s.g1, cnt, s);
        }
    }

    /**
     * {@code out[i] = sigmoid(logitOf(la[i], lb[i]))} ({@link BetaSampler#sigmoid}, {@link BetaSampler#logitOf}) in
     * vectors, bit for bit: the logit
     * is la - lb (logitOf's NaN for two infinite logs is what the subtraction gives), the sigmoid
     * 1/(1 + e) for d &ge; 0 and e/(1 + e) below with e = exp(-|d|) (the scalar function's exp(-d), resp. exp(d)),
     * exp from VectorSamplerMath. (Per element in scalar code this loop was a third of the Beta sampler's time.)
     */
    private static void sigmoidOfDifference(double[] la, double[] lb, double[] out, int cnt, SamplerScratch s) {
        int lanes = Lanes.SD.length();
        double[] e = s.w0;
        for (int i = 0; i < cnt; i += lanes) {
            DoubleVector d = DoubleVector.fromArray(Lanes.SD, la, i).sub(DoubleVector.fromArray(Lanes.SD, lb, i));
            d.intoArray(out, i);
            d.lanewise(VectorOperators.ABS).neg().intoArray(e, i);
        }
        VectorSamplerMath.exp(e, e, cnt);
        for (int i = 0; i < cnt; i += lanes) {
            DoubleVector d = DoubleVector.fromArray(Lanes.SD, out, i);
            DoubleVector ev = DoubleVector.fromArray(Lanes.SD, e, i);
            DoubleVector den = ev.add(1);
            ev.div(den).blend(den.broadcast(1.0).div(den), d.compare(VectorOperators.GE, 0.0)).intoArray(out, i);
        }
    }

    private void vonMises(Request r, long base, int cnt, SamplerScratch s) {
        vonMises.sample(r.seed(), base, s.p0, cnt, s.out, s);
        for (int i = 0; i < cnt; i++) {
            double loc = s.p1[i];
            s.out[i] = Double.isFinite(loc) ? loc + s.out[i] : Double.NaN;
        }
        roundAsStored(r, s.out, cnt);
        if (r.grad0() != null) {
            gradient(Op.VONMISES_GRAD_KAPPA, r.precision(), s.p0, s.p1, scalars(r), s.out, s.g0, cnt, s);
        }
    }

    /**
     * Dirichlet: blocks of whole rows (at least one row, so a row longer than a block gets a larger
     * scratch); the K log-Gammas of a row are elements {@code (first + row) K + j}, consecutive over
     * the block, sampled in one {@link SimdGammaSampler} pass; rows are then normalised ({@link #normalizeRows}: the
     * exponentials of the block in vectors) and differentiated by the scalar sampler's row code
     * ({@link DirichletSampler#gradientsFromDLogG}), which is O(K) per row.
     */
    private void dirichlet(Request r, SamplerScratch s) {
        int k = r.k();
        int rowsPerBlock = Math.max(1, SimdKernels.BLOCK / k);
        s.ensure(rowsPerBlock * k);
        Vec p0 = r.p0();
        boolean sharedRow = r.p0IsSharedRow();
        double[] row = new double[k];
        double[] z = new double[k];
        double[] diag = new double[k];
        double[] h = new double[k];
        double[] dLogG = new double[k];
        if (sharedRow) {
            for (int j = 0; j < k; j++) {
                row[j] = p0.get(j);
            }
        }
        long n = r.n();
        for (long from = 0; from < n; from += rowsPerBlock) {
            int rows = (int) Math.min(rowsPerBlock, n - from);
            int cnt = rows * k;
            if (sharedRow) {
                for (int p = 0; p < cnt; p++) {
                    s.p0[p] = row[p % k];
                }
            } else {
                SimdKernels.load(p0, from * k, cnt, s.p0, s.f);
            }
            gamma.sample(r.seed(), SUBSTREAM_MAIN, (r.first() + from) * k, s.p0, cnt, true, s.t0, s);
            if (r.withGrad()) {
                dLogXdAlpha(s.p0, s.t0, s.t1, cnt, s); // d log g_j/d alpha_j of the whole block
            }
            normalizeRows(s.t0, s.out, rows, k, s);
            for (int q = 0; r.withGrad() && q < rows; q++) {
                int off = q * k;
                System.arraycopy(s.out, off, z, 0, k);
                System.arraycopy(s.t1, off, dLogG, 0, k);
                DirichletSampler.gradientsFromDLogG(dLogG, z, k, diag, h);
                System.arraycopy(diag, 0, s.g0, off, k);
                System.arraycopy(h, 0, s.g1, off, k);
            }
            SimdKernels.store(r.out(), from * k, cnt, s.out, s.f);
            if (r.grad0() != null) {
                SimdKernels.store(r.grad0(), from * k, cnt, s.g0, s.f);
            }
            if (r.grad1() != null) {
                SimdKernels.store(r.grad1(), from * k, cnt, s.g1, s.f);
            }
        }
    }

    /**
     * {@link DirichletSampler#normalize} of {@code rows} rows of {@code k} log-Gammas {@code logG} into {@code z}, the
     * exponentials of the whole block in vectors (VectorSamplerMath.exp of the same arguments logG_j - max, so the same
     * bits), each row's maximum, sum (in the same order) and divisions per row as there. A row with a NaN or with
     * every log -infinity is NaN. (Per component the scalar exp was most of the Dirichlet sampler's time after the
     * Gamma samples.)
     */
    private static void normalizeRows(double[] logG, double[] z, int rows, int k, SamplerScratch s) {
        double[] rowMax = s.uA;
        double[] shifted = s.w0;
        for (int q = 0; q < rows; q++) {
            int off = q * k;
            double max = Double.NEGATIVE_INFINITY;
            boolean bad = false;
            for (int j = 0; j < k; j++) {
                bad |= Double.isNaN(logG[off + j]);
                max = Math.max(max, logG[off + j]);
            }
            rowMax[q] = bad || max == Double.NEGATIVE_INFINITY ? Double.NaN : max;
            for (int j = 0; j < k; j++) {
                shifted[off + j] = logG[off + j] - max;
            }
        }
        int cnt = rows * k;
        VectorSamplerMath.exp(shifted, shifted, cnt);
        for (int q = 0; q < rows; q++) {
            int off = q * k;
            if (Double.isNaN(rowMax[q])) {
                java.util.Arrays.fill(z, off, off + k, Double.NaN);
                continue;
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += shifted[off + j];
            }
            for (int j = 0; j < k; j++) {
                z[off + j] = shifted[off + j] / sum;
            }
        }
    }

    /**
     * d(log x)/dalpha of standard Gamma(alpha, 1) samples given by their logs (the log-space Gamma rsample and
     * the Dirichlet gradients): where x = e^logX is at least LOG_GRAD_VECTOR_MIN, the float64 vector kernel of
     * GAMMA_GRAD_ALPHA at x (rate 1) divided by x; elsewhere (x below it or 0: alpha tiny, where only log x is
     * finite) and for NaN the scalar log-space reference {@code IncompleteGamma.dLogXdAlpha}. Equal to the
     * scalar backend's values to rounding: (dx/dalpha)/x here, its (dx/dalpha)/x formed in each region there
     * (SimdSamplersTest: within 1e-12 relative).
     */
    private void dLogXdAlpha(double[] alpha, double[] logX, double[] out, int cnt, SamplerScratch s) {
        double[] x = s.lx;
        int lanes = Lanes.SD.length();
        for (int i = 0; i < cnt; i += lanes) { // x = e^log x where in [LOG_GRAD_VECTOR_MIN, infinity), else NaN
            DoubleVector v = DoubleVector.fromArray(Lanes.SD, logX, i).lanewise(VectorOperators.EXP);
            v.blend(Double.NaN, v.compare(VectorOperators.LT, LOG_GRAD_VECTOR_MIN))
                    .blend(Double.NaN, v.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY)).intoArray(x, i);
        }
        gradient(Op.GAMMA_GRAD_ALPHA, Precision.F64, alpha, s.ones, SCALAR_P1, x, s.dx, cnt, s); // rate 1
        boolean anyNaN = false;
        for (int i = 0; i < cnt; i += lanes) {
            DoubleVector xv = DoubleVector.fromArray(Lanes.SD, x, i);
            DoubleVector.fromArray(Lanes.SD, s.dx, i).div(xv).intoArray(out, i);
            anyNaN |= xv.compare(VectorOperators.NE, xv).anyTrue();
        }
        for (int i = 0; anyNaN && i < cnt; i++) { // tiny alpha (x below the vector kernel's range) or NaN input
            if (Double.isNaN(x[i])) {
                out[i] = IncompleteGamma.dLogXdAlpha(alpha[i], logX[i]);
            }
        }
    }

    /**
     * Smallest standard Gamma sample whose d(log x)/dalpha goes through the vector kernel at x (2^-1000): x
     * normal with room, so that x itself has all its digits; below, the log-space reference (tiny alpha).
     */
    static final double LOG_GRAD_VECTOR_MIN = 0x1p-1000;

    /**
     * {@code out[i] = op(p0[i], p1[i], x[i])} for {@code i < cnt}: the narrow entry point of the fused
     * rsample into the gradient kernels (the SIMD kernels when they implement {@code op}, else the
     * scalar reference). A float32 call whose parameters are all floats (the samples already are) goes
     * through the kernels as a float32 batch of float arrays, so it takes the float32-arithmetic kernels
     * where they exist and equals {@code Irg.evaluate} of the same float arrays bit for bit; otherwise the
     * float64 kernels (a float32 result is then their value rounded once). A parameter the request gave as a
     * broadcast scalar ({@code scalars}: bit 0 p0, bit 1 p1; see {@link #scalars}) goes in as that scalar, as Irg.evaluate would take it: the float
     * kernels' grouping then moves two operands instead of three (docs/sampling.md, "Speed of the backends").
     */
    private void gradient(Op op, Precision precision, double[] p0, double[] p1, int scalars, double[] x, double[] out, int cnt,
            SamplerScratch s) {
        gradient(op, null, precision, p0, p1, scalars, x, out, null, cnt, s);
    }

    /**
     * As {@link #gradient(Op, Precision, double[], double[], int, double[], double[], int, SamplerScratch)}, with a second
     * operation {@code op2} (null: none) over the same operands into {@code out2}: both in one call of the kernels'
     * {@code evaluatePair} (one pass where they fuse, the Beta gradients).
     */
    private void gradient(Op op, Op op2, Precision precision, double[] p0, double[] p1, int scalars, double[] x,
            double[] out, double[] out2, int cnt, SamplerScratch s) {
        if (op2 != null && !(kernels.supports(op, precision) && kernels.supports(op2, precision))) {
            // not both served here: each on its own (the kernels where they serve it, else the scalar reference)
            gradient(op, null, precision, p0, p1, scalars, x, out, null, cnt, s);
            gradient(op2, null, precision, p0, p1, scalars, x, out2, null, cnt, s);
            return;
        }
        if (!kernels.supports(op, precision)) {
            Reference.Fn f = Reference.of(op);
            for (int i = 0; i < cnt; i++) {
                out[i] = f.apply(p0[i], p1[i], x[i]);
            }
            return;
        }
        if (precision == Precision.F32 && (s.paramsFloat || floatExact(p0, cnt) && floatExact(p1, cnt))) {
            for (int i = 0; i < cnt; i++) {
                s.fp0[i] = (float) p0[i];
                s.fp1[i] = (float) p1[i];
                s.fx[i] = (float) x[i];
            }
            Vec v0 = (scalars & SCALAR_P0) != 0 ? Vec.scalar(s.fp0[0]) : Vec.of(s.fp0, 0, cnt);
            Vec v1 = (scalars & SCALAR_P1) != 0 ? Vec.scalar(s.fp1[0]) : Vec.of(s.fp1, 0, cnt);
            Batch b = new Batch(op, Precision.F32, v0, v1, Vec.of(s.fx, 0, cnt), Vec.of(s.fout, 0, cnt), cnt);
            if (op2 == null) {
                kernels.evaluate(b);
            } else {
                kernels.evaluatePair(b, new Batch(op2, Precision.F32, v0, v1, Vec.of(s.fx, 0, cnt), Vec.of(s.fout2, 0, cnt), cnt));
            }
            for (int i = 0; i < cnt; i++) {
                out[i] = s.fout[i];
            }
            if (op2 != null) {
                for (int i = 0; i < cnt; i++) {
                    out2[i] = s.fout2[i];
                }
            }
            return;
        }
        Vec v0 = (scalars & SCALAR_P0) != 0 ? Vec.scalar(p0[0]) : Vec.of(p0, 0, cnt);
        Vec v1 = (scalars & SCALAR_P1) != 0 ? Vec.scalar(p1[0]) : Vec.of(p1, 0, cnt);
        Batch b = new Batch(op, Precision.F64, v0, v1, Vec.of(x, 0, cnt), Vec.of(out, 0, cnt), cnt);
        if (op2 == null) {
            kernels.evaluate(b);
        } else {
            kernels.evaluatePair(b, new Batch(op2, Precision.F64, v0, v1, Vec.of(x, 0, cnt), Vec.of(out2, 0, cnt), cnt));
        }
    }

    /** Bits of gradient's {@code scalars}: the parameter is a broadcast scalar (its array holds one value). */
    private static final int SCALAR_P0 = 1;
    /** See SCALAR_P0. */
    private static final int SCALAR_P1 = 2;

    /** The request's broadcast-scalar parameters as gradient's {@code scalars} bits. */
    private static int scalars(Request r) {
        return (r.p0().isScalar() ? SCALAR_P0 : 0) | (r.p1().isScalar() ? SCALAR_P1 : 0);
    }

    /** Whether every element of {@code v} is a float value: a float32 array, or a scalar that rounds to itself (or NaN). */
    private static boolean floatValued(Vec v) {
        if (v.isScalar()) {
            double x = v.scalarValue();
            return (double) (float) x == x || Double.isNaN(x);
        }
        return v.precision() == Precision.F32;
    }

    /** Whether every {@code v[0..cnt)} is a float value (or NaN): rounding it to float loses nothing. */
    private static boolean floatExact(double[] v, int cnt) {
        for (int i = 0; i < cnt; i++) {
            if ((double) (float) v[i] != v[i] && !Double.isNaN(v[i])) {
                return false;
            }
        }
        return true;
    }
}
