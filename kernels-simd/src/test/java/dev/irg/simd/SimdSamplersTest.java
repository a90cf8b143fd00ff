package dev.irg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.Sampling;
import dev.irg.Vec;
import dev.irg.math.Reference;
import dev.irg.sampling.GammaSampler;
import dev.irg.sampling.Philox;
import dev.irg.sampling.SamplingConstants;
import dev.irg.sampling.ScalarSamplers;
import dev.irg.spi.Batch;
import dev.irg.spi.SamplerKernels.Kind;
import dev.irg.spi.SamplerKernels.Request;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The SIMD samplers against the scalar ones: samples bit for bit (float64 and float32), every kind,
 * batch sizes 0..100003, per-element and broadcast parameters, invalid parameters, request splits
 * and thread counts; rsample gradients equal to this backend's gradient kernels at the returned
 * samples (float32 Gamma dz/dalpha: within the float32 bound, the separate call computes in float) and
 * to the scalar rsample within the kernels' equivalence bound (not bit for bit: the
 * vector gradient kernels round differently interpreted and compiled, and a lane's series may run
 * longer with other neighbours; docs/simd.md). Widths: the
 * preferred one here, 128 and 256 bits in their own surefire executions
 * ({@code irg.simd.bits}, kernels-simd/pom.xml).
 */
class SimdSamplersTest {
    private static final int[] SIZES = {0, 1, 7, 17, 1023, 100_003};
    /** Largest size of the variants (broadcast parameters, float32, offsets) that the full sizes do not need. */
    private static final int VARIANT_MAX = 1023;
    /** SIMD gradient kernels vs the scalar reference, float64 (docs/simd.md: measured max 1.2e-15 Gamma, 6.5e-14 von Mises). */
    private static final double GRAD_REL_F64 = 1e-12;
    /** The same after rounding both to float (one float ulp either way). */
    private static final double GRAD_REL_F32 = 2.4e-7;
    /** The operations whose separate float32 evaluation runs in float arithmetic (docs/simd.md, "float32 arithmetic"). */
    private static final FloatFamily FLOAT_ARITHMETIC = new GammaFloatKernels();

    private static int[] widths() {
        return EquivalenceHarness.testWidths();
    }

    /** Parameter p0 (shape, a, kappa or concentration) over the kind's domain, with invalid values sprinkled in. */
    private static double[] param0(Kind kind, int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (kind) {
                // 0 and 1e-301 (uniform), 1e18 (hypot1's t = 2 kappa above 2^60), 1e200 (the envelope's huge-kappa form)
                case VONMISES -> i % 13 == 0 ? 0 : i % 29 == 0 ? 1e-301 : i % 31 == 0 ? 1e18 : i % 37 == 0 ? 1e200
                        : Math.exp(r.nextDouble() * 20 - 9);
                // 1e-300 and 1e-6: log-Gamma samples -infinity or far below 0, so the logit is +-infinity, NaN (both
                // -infinity) or large, and the sigmoid's exponential underflows
                case BETA -> i % 23 == 0 ? 1e-300 : i % 19 == 0 ? 1e-6 : Math.exp(r.nextDouble() * 14 - 7);
                // Dirichlet: 1e-300 too (log-Gamma -infinity: a row of K = 1 of it is NaN, a longer one normalises without it)
                case DIRICHLET -> i % 7 == 3 ? 1e-300 : i % 11 == 0 ? 1.0 : Math.exp(r.nextDouble() * 18.4 - 9.2);
                default -> i % 11 == 0 ? 1.0 : Math.exp(r.nextDouble() * 18.4 - 9.2); // 1e-4 .. 1e4, and alpha = 1 (lowest acceptance)
            };
            if (i % 97 == 5) {
                v[i] = new double[] {-1, Double.NaN, 0, Double.POSITIVE_INFINITY}[(i / 97) % 4];
            }
        }
        return v;
    }

    private static double[] param1(Kind kind, int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (kind) {
                case VONMISES -> i % 31 == 0 || i % 37 == 0 ? 0 : r.nextDouble() * 6 - 3; // loc 0: param0's large kappa
                // give samples ~1/sqrt(kappa), which a location of order 1 would absorb
                case BETA -> i % 23 == 0 || i % 17 == 0 ? 1e-300 : Math.exp(r.nextDouble() * 14 - 7); // see param0
                default -> Math.exp(r.nextDouble() * 9.2 - 4.6); // rate 1e-2 .. 1e2
            };
            if (i % 89 == 7) {
                v[i] = kind == Kind.VONMISES ? new double[] {Double.NaN, Double.POSITIVE_INFINITY}[(i / 89) % 2]
                        : new double[] {-1, 0, Double.NaN, Double.POSITIVE_INFINITY}[(i / 89) % 4];
            }
        }
        return v;
    }

    /** Output arrays of one request: out, grad0, grad1 (null where the kind has none or no gradient is asked). */
    private record Outs(Vec out, Vec g0, Vec g1) {
        static Outs of(Kind kind, Precision pr, int len, boolean grad) {
            IntFunction<Vec> mk = m -> {
                Vec v = pr == Precision.F64 ? Vec.of(new double[m]) : Vec.of(new float[m]);
                for (int i = 0; i < m; i++) {
                    v.set(i, -12345); // sentinel: every element must be written
                }
                return v;
            };
            return new Outs(mk.apply(len), grad ? mk.apply(len) : null, grad && kind != Kind.VONMISES ? mk.apply(len) : null);
        }
    }

    private static Vec vec(double[] v, Precision pr) {
        if (pr == Precision.F64) {
            return Vec.of(v.clone());
        }
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return Vec.of(f);
    }

    private static Request request(Kind kind, Precision pr, long first, Vec p0, Vec p1, Outs o, long n, int k) {
        return new Request(kind, pr, 0x9E3779B97F4A7C15L ^ kind.ordinal(), first, k, p0, p1, o.out, o.g0, o.g1, n);
    }

    private static void assertBits(Vec expected, Vec actual, String what) {
        if (expected == null) {
            return;
        }
        for (long i = 0; i < expected.length(); i++) {
            long e = Double.doubleToLongBits(expected.get(i));
            long a = Double.doubleToLongBits(actual.get(i));
            if (e != a) {
                fail(what + ": element " + i + " expected " + expected.get(i) + " got " + actual.get(i));
            }
        }
    }

    private static void assertClose(Vec expected, Vec actual, double rel, String what) {
        if (expected == null) {
            return;
        }
        for (long i = 0; i < expected.length(); i++) {
            double e = expected.get(i);
            double a = actual.get(i);
            if (Double.isNaN(e) || Double.isNaN(a)) {
                assertEquals(Double.isNaN(e), Double.isNaN(a), what + ": NaN position " + i);
                continue;
            }
            if (e == a) {
                continue;
            }
            double err = Math.abs(a - e) / Math.max(Math.abs(e), Double.MIN_NORMAL);
            assertTrue(err <= rel, what + ": element " + i + " expected " + e + " got " + a + " rel " + err);
        }
    }

    private static boolean floatArithmetic(Precision pr, Op op) {
        return pr == Precision.F32 && op != null && FLOAT_ARITHMETIC.has(op);
    }

    /** The gradient op of output {@code which} (0, 1) of a kind whose gradient is a batch kernel op; null otherwise. */
    private static Op gradOp(Kind kind, int which) {
        return switch (kind) {
            case GAMMA -> which == 0 ? Op.GAMMA_GRAD_ALPHA : Op.GAMMA_GRAD_RATE;
            case BETA -> which == 0 ? Op.BETA_GRAD_A : Op.BETA_GRAD_B;
            case VONMISES -> which == 0 ? Op.VONMISES_GRAD_KAPPA : null;
            default -> null;
        };
    }

    private void compareKind(Kind kind, int w) {
        SimdKernels kernels = SimdKernels.create(w);
        SimdSamplers simd = new SimdSamplers(kernels);
        for (Precision pr : Precision.values()) {
            for (int n : SIZES) {
                if (pr == Precision.F32 && n > VARIANT_MAX) {
                    continue;
                }
                for (boolean grad : new boolean[] {false, true}) {
                    for (boolean broadcast : new boolean[] {false, true}) {
                        if (broadcast && n > VARIANT_MAX) {
                            continue;
                        }
                        long first = n <= VARIANT_MAX ? (1L << 32) - 3 : 0; // crosses the lo32/hi32 counter words
                        double[] a = param0(kind, Math.max(n, 1), 17 + n);
                        double[] b = param1(kind, Math.max(n, 1), 29 + n);
                        Vec p0 = broadcast ? Vec.scalar(kind == Kind.VONMISES ? 2.5 : 0.7) : vec(java.util.Arrays.copyOf(a, n), pr);
                        Vec p1 = broadcast ? Vec.scalar(kind == Kind.VONMISES ? 0.3 : 1.7) : vec(java.util.Arrays.copyOf(b, n), pr);
                        Outs ref = Outs.of(kind, pr, n, grad);
                        Outs got = Outs.of(kind, pr, n, grad);
                        ScalarSamplers.INSTANCE.sample(request(kind, pr, first, p0, p1, ref, n, 1));
                        simd.sample(request(kind, pr, first, p0, p1, got, n, 1));
                        String what = kind + " " + pr + " n=" + n + " w=" + w + (grad ? " rsample" : "") + (broadcast ? " broadcast" : "");
                        assertBits(ref.out, got.out, what + " z");
                        if (!grad) {
                            continue;
                        }
                        double rel = pr == Precision.F64 ? GRAD_REL_F64 : GRAD_REL_F32;
                        // float32 gradients of an operation with float-arithmetic kernels: float32 arithmetic on
                        // SIMD, float64 rounded once on the scalar backend, within the float32 bound of each other
                        assertClose(ref.g0, got.g0, floatArithmetic(pr, gradOp(kind, 0)) ? Tolerances.F32 : rel, what + " grad0");
                        assertClose(ref.g1, got.g1, floatArithmetic(pr, gradOp(kind, 1)) ? Tolerances.F32 : rel, what + " grad1");
                        Vec[] grads = {got.g0, got.g1};
                        // both gradients requested and both served: the rsample computes them as a pair (one pass where
                        // the kernels fuse them: Beta), so the separate reference is the same pair call
                        Vec[] pairSep = null;
                        if (grads[0] != null && grads[1] != null && gradOp(kind, 0) != null && gradOp(kind, 1) != null
                                && kernels.supports(gradOp(kind, 0), pr) && kernels.supports(gradOp(kind, 1), pr)) {
                            pairSep = new Vec[2];
                            for (int g = 0; g < 2; g++) {
                                pairSep[g] = pr == Precision.F64 ? Vec.of(new double[n]) : Vec.of(new float[n]);
                            }
                            kernels.evaluatePair(new Batch(gradOp(kind, 0), pr, p0, p1, got.out, pairSep[0], n),
                                    new Batch(gradOp(kind, 1), pr, p0, p1, got.out, pairSep[1], n));
                        }
                        for (int g = 0; g < 2; g++) {
                            Op op = gradOp(kind, g);
                            if (op == null || grads[g] == null) {
                                continue;
                            }
                            Vec sep = pr == Precision.F64 ? Vec.of(new double[n]) : Vec.of(new float[n]);
                            Batch batch = new Batch(op, pr, p0, p1, got.out, sep, n);
                            if (pairSep != null) {
                                sep = pairSep[g];
                            } else if (kernels.supports(op, pr)) {
                                kernels.evaluate(batch);
                            } else {
                                Reference.Fn f = Reference.of(op);
                                for (long i = 0; i < n; i++) {
                                    sep.set(i, f.apply(p0.get(i), p1.get(i), got.out.get(i)));
                                }
                            }
                            // float32 with float parameters: the rsample's gradient is the float32 kernel's, bit for bit;
                            // with a broadcast double parameter (not a float) the rsample takes the float64 kernels and the
                            // float32 batch its own path: within the float32 bound of each other
                            double sepRel = pr == Precision.F32 ? (broadcast && floatArithmetic(pr, op) ? Tolerances.F32 : 0) : rel;
                            assertClose(sep, grads[g], sepRel, what + " grad" + g + " = gradient kernel at the sample");
                        }
                    }
                }
            }
        }
    }

    @Test
    void gammaIsBitIdenticalToScalar() {
        for (int w : widths()) {
            compareKind(Kind.GAMMA, w);
        }
    }

    @Test
    void logGammaIsBitIdenticalToScalar() {
        for (int w : widths()) {
            compareKind(Kind.GAMMA_LOG, w);
        }
    }

    @Test
    void betaIsBitIdenticalToScalar() {
        for (int w : widths()) {
            compareKind(Kind.BETA, w);
        }
    }

    @Test
    void vonMisesIsBitIdenticalToScalar() {
        for (int w : widths()) {
            compareKind(Kind.VONMISES, w);
        }
    }

    @Test
    void dirichletSamplesAreBitIdenticalToScalar() {
        for (int w : widths()) {
            SimdSamplers simd = new SimdSamplers(SimdKernels.create(w));
            for (Precision pr : Precision.values()) {
                for (int k : new int[] {1, 3, 700}) { // 700: one row longer than a block
                    for (int rows : new int[] {0, 1, 7, 17, 1023}) {
                        if (k == 700 && rows > 17) {
                            continue;
                        }
                        double[] perElement = param0(Kind.DIRICHLET, Math.max(rows * k, 1), 3 + rows);
                        double[] oneRow = param0(Kind.DIRICHLET, k, 5 + k);
                        Vec[] alphas = {vec(java.util.Arrays.copyOf(perElement, rows * k), pr), vec(oneRow, pr), Vec.scalar(0.05)};
                        for (Vec alpha : alphas) {
                            Outs ref = Outs.of(Kind.DIRICHLET, pr, rows * k, true);
                            Outs got = Outs.of(Kind.DIRICHLET, pr, rows * k, true);
                            ScalarSamplers.INSTANCE.sample(request(Kind.DIRICHLET, pr, 11, alpha, null, ref, rows, k));
                            simd.sample(request(Kind.DIRICHLET, pr, 11, alpha, null, got, rows, k));
                            String what = "dirichlet " + pr + " k=" + k + " rows=" + rows + " w=" + w;
                            assertBits(ref.out, got.out, what + " z");
                            // gradients: d log g/dalpha from the vector Gamma kernel (SimdSamplers.dLogXdAlpha),
                            // the scalar backend's log-space reference: equal to rounding
                            double rel = pr == Precision.F64 ? GRAD_REL_F64 : GRAD_REL_F32;
                            assertClose(ref.g0, got.g0, rel, what + " diag");
                            assertClose(ref.g1, got.g1, rel, what + " vjp factor");
                        }
                    }
                }
            }
        }
    }

    /**
     * The float32 Gamma rsample with float parameters (SimdSamplers.gammaFloat: samples and gradients stored straight
     * from float arrays) over several blocks, with float arrays and with float-valued broadcast scalars: samples
     * bit-identical to the scalar backend's, gradients bit-identical to the float32 kernels evaluated at the samples.
     */
    @Test
    void floatGammaRsampleOverSeveralBlocks() {
        SimdKernels kernels = SimdKernels.create(widths()[0]);
        SimdSamplers simd = new SimdSamplers(kernels);
        int n = 3 * SimdKernels.BLOCK + 5;
        Vec arrayAlpha = vec(param0(Kind.GAMMA, n, 41), Precision.F32);
        Vec arrayRate = vec(param1(Kind.GAMMA, n, 43), Precision.F32);
        // a broadcast rate of 1 skips the division and the rate's load (SimdSamplers.unitRate)
        Vec[][] params = {{arrayAlpha, arrayRate}, {arrayAlpha, Vec.scalar(0.25)}, {Vec.scalar(3.5), arrayRate},
            {arrayAlpha, Vec.scalar(1.0)}};
        for (Vec[] p : params) {
            Outs ref = Outs.of(Kind.GAMMA, Precision.F32, n, true);
            Outs got = Outs.of(Kind.GAMMA, Precision.F32, n, true);
            ScalarSamplers.INSTANCE.sample(request(Kind.GAMMA, Precision.F32, 77, p[0], p[1], ref, n, 1));
            simd.sample(request(Kind.GAMMA, Precision.F32, 77, p[0], p[1], got, n, 1));
            String what = "alpha " + (p[0].isScalar() ? "scalar" : "array") + ", rate " + (p[1].isScalar() ? "scalar" : "array");
            assertBits(ref.out, got.out, what + " z");
            Op[] ops = {Op.GAMMA_GRAD_ALPHA, Op.GAMMA_GRAD_RATE};
            Vec[] grads = {got.g0, got.g1};
            for (int g = 0; g < 2; g++) {
                Vec sep = Vec.of(new float[n]);
                kernels.evaluate(new Batch(ops[g], Precision.F32, p[0], p[1], got.out, sep, n));
                assertBits(sep, grads[g], what + " " + ops[g] + " = gradient kernel at the sample");
            }
        }
    }

    /**
     * A broadcast rate of 1 (SimdSamplers.unitRate: no division) in float64 and in float32 with float64 outputs (the
     * path through the float64 scratch): samples bit-identical to the scalar backend's, NaN for invalid alphas.
     */
    @Test
    void unitRateGammaMatchesScalar() {
        SimdSamplers simd = new SimdSamplers(SimdKernels.create(widths()[0]));
        int n = 2 * SimdKernels.BLOCK + 3;
        for (Precision pr : new Precision[] {Precision.F64, Precision.F32}) {
            Vec alpha = Vec.of(param0(Kind.GAMMA, n, 47));
            Outs ref = Outs.of(Kind.GAMMA, pr, n, true);
            Outs got = Outs.of(Kind.GAMMA, pr, n, true);
            ScalarSamplers.INSTANCE.sample(request(Kind.GAMMA, pr, 79, alpha, Vec.scalar(1.0), ref, n, 1));
            simd.sample(request(Kind.GAMMA, pr, 79, alpha, Vec.scalar(1.0), got, n, 1));
            assertBits(ref.out, got.out, pr + " rate 1 z");
            assertClose(ref.g0, got.g0, pr == Precision.F64 ? GRAD_REL_F64 : GRAD_REL_F32, pr + " rate 1 dz/dalpha");
        }
    }

    /** A request cut anywhere gives the same samples as the whole request (counters depend on the element only). */
    @Test
    void splitsDoNotChangeSamples() {
        SimdSamplers simd = new SimdSamplers(SimdKernels.create(widths()[0]));
        int n = 3001;
        for (Kind kind : new Kind[] {Kind.GAMMA, Kind.GAMMA_LOG, Kind.BETA, Kind.VONMISES}) {
            Vec p0 = Vec.of(param0(kind, n, 1));
            Vec p1 = Vec.of(param1(kind, n, 2));
            Outs whole = Outs.of(kind, Precision.F64, n, true);
            Request r = request(kind, Precision.F64, 5, p0, p1, whole, n, 1);
            simd.sample(r);
            for (int cut : new int[] {1, 333, 512, 2999}) {
                Outs parts = Outs.of(kind, Precision.F64, n, true);
                Request q = request(kind, Precision.F64, 5, p0, p1, parts, n, 1);
                simd.sample(q.slice(0, cut));
                simd.sample(q.slice(cut, n - cut));
                assertBits(whole.out, parts.out, kind + " split at " + cut);
                assertClose(whole.g0, parts.g0, GRAD_REL_F64, kind + " grad0 split at " + cut);
            }
        }
    }

    /** Through the public API: the SIMD backend with 1 and 2 threads gives the scalar backend's samples. */
    @Test
    void threadsDoNotChangeSamplesThroughTheApi() {
        int n = 40_000;
        double[] alpha = param0(Kind.GAMMA, n, 9);
        double[] z1 = new double[n];
        double[] z2 = new double[n];
        double[] zs = new double[n];
        Sampling one = Irg.using(Backend.SIMD).threads(1).sampling();
        assertEquals(Backend.SIMD, one.backendFor(Kind.GAMMA, false, Precision.F64, n));
        one.gamma(3, Vec.of(alpha), Vec.scalar(2), Vec.of(z1));
        Irg.using(Backend.SIMD).threads(2).sampling().gamma(3, Vec.of(alpha), Vec.scalar(2), Vec.of(z2));
        Irg.using(Backend.SCALAR).threads(1).sampling().gamma(3, Vec.of(alpha), Vec.scalar(2), Vec.of(zs));
        assertBits(Vec.of(zs), Vec.of(z1), "1 thread");
        assertBits(Vec.of(zs), Vec.of(z2), "2 threads");
    }

    /** The vector generator's uniforms equal the scalar Philox words, across the 32-bit element boundary. */
    @Test
    void vectorPhiloxMatchesScalarWords() {
        for (int w : widths()) {
            VectorPhilox vp = VectorPhilox.forBits(w);
            int m = 64;
            long[] elem = new long[m];
            for (int i = 0; i < m; i++) {
                elem[i] = (1L << 32) - 32 + i * 1_000_003L;
            }
            double[] uA = new double[m];
            double[] uB = new double[m];
            double[] uC = new double[m];
            int[] words = new int[4];
            for (long seed : new long[] {0, -1, 0x243F6A8885A308D3L}) {
                for (int block : new int[] {0, 1, 15, 63}) {
                    vp.uniforms(seed, 1, block, elem, m, uA, uB, uC);
                    for (int i = 0; i < m; i++) {
                        Philox.elementBlock(seed, elem[i], 1, block, words);
                        assertEquals(Philox.u52(words[0], words[1]), uA[i], 0.0);
                        assertEquals(Philox.u32(words[2]), uB[i], 0.0);
                        assertEquals(Philox.u32(words[3]), uC[i], 0.0);
                        assertEquals(words[3] < 0, uC[i] > 0.5, "sign bit of w3");
                    }
                }
            }
        }
    }

    /**
     * The fallback after the last allowed attempt, with caps of 0 and 1 (the real cap, 16, fails with
     * probability 1e-21): the SIMD rounds give what the scalar steps give for the same cap.
     */
    @Test
    void gammaFallbackAfterTheAttemptCap() {
        int n = 2000;
        long seed = 77;
        long base = 5_000_000_000L;
        double[] alpha = new double[n];
        for (int i = 0; i < n; i++) {
            alpha[i] = new double[] {0.3, 1.0, 2.5, 40}[i % 4];
        }
        int[] w = new int[4];
        for (int cap : new int[] {0, 1}) {
            SimdGammaSampler g = new SimdGammaSampler(VectorPhilox.forBits(widths()[0]), cap);
            SamplerScratch s = new SamplerScratch(n, 8);
            double[] out = new double[n + 8];
            g.sample(seed, 0, base, alpha, n, false, out, s);
            int fellBack = 0;
            for (int i = 0; i < n; i++) {
                double a = alpha[i] < 1 ? alpha[i] + 1 : alpha[i];
                double d = GammaSampler.mtD(a);
                double c = GammaSampler.mtC(d);
                double x = 0;
                boolean accepted = false;
                if (cap == 1) {
                    Philox.elementBlock(seed, base + i, 0, SamplingConstants.GAMMA_FIRST_ATTEMPT_BLOCK, w);
                    x = GammaSampler.normal(Philox.u52(w[0], w[1]), Philox.u32(w[2]));
                    accepted = GammaSampler.accepts(x, Philox.u32(w[3]), d, c);
                }
                if (!accepted) {
                    x = GammaSampler.fallback(x, c);
                    fellBack++;
                }
                double z = GammaSampler.fromNormal(d, c, x);
                if (alpha[i] < 1) {
                    Philox.elementBlock(seed, base + i, 0, SamplingConstants.GAMMA_BOOST_BLOCK, w);
                    z = GammaSampler.boost(z, Philox.u52(w[0], w[1]), alpha[i]);
                }
                assertEquals(z, out[i], 0.0, "cap " + cap + " element " + i);
                assertTrue(z > 0 && Double.isFinite(z), "cap " + cap + ": a valid sample");
            }
            assertTrue(cap == 0 ? fellBack == n : fellBack > 10 && fellBack < n / 5, "cap " + cap + ": " + fellBack + " fallbacks");
        }
    }
}
