package dev.irg.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.math.Reference;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The CUDA device math, compiled for the host, against the Java scalar reference on random inputs
 * over the whole domain and on edge rows: float64 within {@link #F64_REL} relative error (except
 * the ill-conditioned spots listed in {@link Tolerances}), NaN in exactly the same slots; float32
 * (inputs rounded to float) within one float rounding of the reference's rounded value.
 */
class HostMathTest {
    /** Random rows per operation: enough to visit every region, small enough for the 2-core CI. */
    static final int ROWS = 20_000;
    /** float64 agreement with the reference on well-conditioned inputs (issue 5). */
    static final double F64_REL = 1e-12;
    /** float32: both sides round the same float64 math once; allow one float ulp of double rounding. */
    static final double F32_REL = 0x1p-23;

    @Test
    void everyKernelIsCompiledIntoTheHostProgram() throws Exception {
        var listed = new TreeSet<String>();
        var listedPairs = new TreeSet<String>();
        for (String k : Files.readAllLines(Toolchain.resources().resolve("kernels.txt"))) {
            if (k.startsWith("irg_sample_")) {
                continue; // the sampling kernels: HostSamplingTest
            }
            String name = k.replaceFirst("^irg_", "").replaceFirst("_f(32|64)$", "");
            (name.startsWith("PAIR_") ? listedPairs : listed).add(name);
        }
        var host = new TreeSet<String>();
        for (Op op : HostEval.ops()) {
            host.add(op.name());
        }
        assertEquals(listed, host, "kernels.txt (the committed kernels) and the host-compiled ops differ; run kernels-cuda/build-cuda.sh");
        assertEquals(listedPairs, new TreeSet<>(HostEval.pairs()), "kernels.txt's pair kernels and the host program's differ");
        assertFalse(host.isEmpty());
    }

    /**
     * The pair kernels' device functions (irg_PAIR_BETA_GRAD, irg_PAIR_BETA_DCDF: both outputs of one evaluation) give
     * each output bit for bit as the single operation's device function, on the equivalence domain of Beta (edge and
     * invalid operands included) in float64 and float32; their outputs are what CudaRuntime.pairKernel maps them to.
     */
    @Test
    void pairKernelsGiveTheSingleOperationsBitForBit() throws Exception {
        Inputs in = Inputs.random(dev.irg.Distribution.BETA, 3000, 0xBE7A);
        for (Precision pr : Precision.values()) {
            for (Op[] pair : new Op[][] {{Op.BETA_GRAD_A, Op.BETA_GRAD_B}, {Op.BETA_DCDF_DA, Op.BETA_DCDF_DB}}) {
                CudaRuntime.PairKernel k = CudaRuntime.pairKernel(pair[0], pair[1], pr);
                String name = k.name().replaceFirst("^irg_", "").replaceFirst("_f(32|64)$", "");
                for (int side = 0; side < 2; side++) {
                    double[] got = HostEval.evalPair(name, side, pr, in.p0(), in.p1(), in.x());
                    double[] want = HostEval.eval(pair[side], pr, in.p0(), in.p1(), in.x());
                    for (int i = 0; i < want.length; i++) {
                        assertEquals(Double.doubleToLongBits(want[i]), Double.doubleToLongBits(got[i]),
                                name + "." + side + " " + pr + " at (" + in.p0()[i] + ", " + in.p1()[i] + ", " + in.x()[i] + ")");
                    }
                }
            }
        }
    }

    @TestFactory
    List<DynamicTest> matchesReference() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Op op : HostEval.ops()) {
            for (Precision pr : Precision.values()) {
                tests.add(DynamicTest.dynamicTest(op + " " + pr, () -> check(op, pr)));
            }
        }
        return tests;
    }

    /**
     * Shared helpers (log Gamma, digamma, erfc, ...) against their Java originals: they are the same
     * algorithm with the same constants, so they differ only by the C and Java libraries' exp/log;
     * relative error at most {@link #HELPER_REL}, or absolute {@link #HELPER_REL} where the value
     * passes through a zero (log Gamma at 1 and 2, digamma at its root).
     */
    @TestFactory
    List<DynamicTest> helpersMatchJava() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String h : HostEval.helpers()) {
            tests.add(DynamicTest.dynamicTest(h, () -> {
                int dot = h.indexOf('.');
                var m = Class.forName("dev.irg.math." + h.substring(0, dot)).getMethod(h.substring(dot + 1), double.class);
                double[] x = helperInputs(h);
                double[] got = HostEval.evalHelper(h, x);
                Stats s = new Stats(h);
                for (int i = 0; i < x.length; i++) {
                    double want = (double) m.invoke(null, x[i]);
                    double g = got[i];
                    if (Math.abs(want) < 1 && Math.abs(g - want) <= HELPER_REL) {
                        g = want; // absolute error near a zero of the function
                    }
                    s.add(i, x[i], 0, x[i], want, g, HELPER_REL);
                }
                s.assertOk();
            }));
        }
        return tests;
    }

    /**
     * The device code's classify step picks the same region as the Java reference's on every row
     * (the region selection is the first thing a port must mirror; a difference here would show up
     * as a different method, not necessarily as an error above the limits).
     */
    @TestFactory
    List<DynamicTest> classifyMatchesJava() {
        List<DynamicTest> tests = new ArrayList<>();
        for (dev.irg.Distribution d : dev.irg.Distribution.values()) {
            tests.add(DynamicTest.dynamicTest(d.id(), () -> {
                Inputs in = Inputs.random(d, ROWS, 0xC1A55 + d.ordinal());
                double[] p0 = in.p0(), p1 = in.p1(), x = in.x();
                String name;
                Reference.Fn javaFn;
                switch (d) {
                    case GAMMA -> {
                        name = "IncompleteGamma.classify";
                        javaFn = (a, b, z) -> dev.irg.math.IncompleteGamma.classify(a, z);
                    }
                    case BETA -> {
                        name = "IncompleteBeta.classify";
                        javaFn = dev.irg.math.IncompleteBeta::classify;
                    }
                    default -> {
                        name = "VonMisesCdf.classify";
                        javaFn = (k, loc, z) -> dev.irg.math.VonMisesCdf.classify(k, z);
                    }
                }
                double[] got = HostEval.evalClassify(name, p0, p1, x);
                int[] counts = new int[8];
                for (int i = 0; i < x.length; i++) {
                    int want = (int) javaFn.apply(p0[i], p1[i], x[i]);
                    assertEquals(want, (int) got[i], name + " row " + i + " (" + p0[i] + ", " + p1[i] + ", " + x[i] + ")");
                    counts[Math.min(want, 7)]++;
                }
                System.out.println(name + ": regions agree on " + x.length + " rows; rows per region " + java.util.Arrays.toString(counts));
            }));
        }
        return tests;
    }

    /** BetaFunctions' two-argument helpers (q, p) against Java, on q, p log-uniform in [1e-6, 1e7]. */
    @TestFactory
    List<DynamicTest> betaHelpersMatchJava() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String h : List.of("logGammaIncrement", "logMinusDigammaDrop")) {
            tests.add(DynamicTest.dynamicTest("BetaFunctions." + h, () -> {
                var m = dev.irg.math.BetaFunctions.class.getMethod(h, double.class, double.class);
                var r = new java.util.SplittableRandom(h.hashCode());
                int n = ROWS;
                double[] q = new double[n], p = new double[n];
                for (int i = 0; i < n; i++) {
                    q[i] = Inputs.logUniform(r, 1e-6, 1e7);
                    p[i] = Inputs.logUniform(r, 1e-6, 1e7);
                }
                q[0] = Double.NaN;
                p[1] = -1;
                double[] got = HostEval.evalClassify("BetaFunctions." + h, q, p, new double[n]);
                Stats s = new Stats("BetaFunctions." + h);
                for (int i = 0; i < n; i++) {
                    s.add(i, q[i], p[i], 0, (double) m.invoke(null, q[i], p[i]), got[i], HELPER_REL);
                }
                s.assertOk();
            }));
        }
        return tests;
    }

    /** Helpers: same algorithm, different libm; a few ulp (measured max: see the test output). */
    static final double HELPER_REL = 1e-14;

    static double[] helperInputs(String h) {
        var r = new java.util.SplittableRandom(h.hashCode());
        int n = 20_000;
        double[] x = new double[n + 12];
        for (int i = 0; i < n; i++) {
            x[i] = switch (i % 4) {
                case 0 -> Inputs.logUniform(r, 1e-300, 1e300);
                case 1 -> r.nextDouble(0, 30);
                case 2 -> h.startsWith("ErrorFunction") ? r.nextDouble(-30, 30) : r.nextDouble(-1, 1);
                default -> Inputs.logUniform(r, 1e-8, 1e8);
            };
        }
        double[] edges = {0, -0.0, 1, 2, -1, 1e-320, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.5, 10, 27.3};
        System.arraycopy(edges, 0, x, n, edges.length);
        return x;
    }

    private static void check(Op op, Precision pr) throws Exception {
        Inputs in = Inputs.random(op.distribution(), ROWS, 0x5eed + op.ordinal());
        double[] p0 = in.p0(), p1 = in.p1(), x = in.x();
        if (pr == Precision.F32) {
            p0 = toFloat(p0);
            p1 = toFloat(p1);
            x = toFloat(x);
        }
        double[] got = HostEval.eval(op, pr, p0, p1, x);
        Reference.Fn ref = Reference.of(op);
        Stats s = new Stats(op + " " + pr);
        for (int i = 0; i < x.length; i++) {
            double want = ref.apply(p0[i], p1[i], x[i]);
            if (pr == Precision.F32) {
                want = (float) want;
            }
            s.add(i, p0[i], p1[i], x[i], want, got[i], pr == Precision.F64 ? F64_REL : F32_REL);
        }
        s.assertOk();
    }

    static double[] toFloat(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = (float) a[i];
        }
        return r;
    }

    /** Collects relative errors; reports the worst rows on failure. */
    static final class Stats {
        final String what;
        final List<String> bad = new ArrayList<>();
        double max;
        int count;

        Stats(String what) {
            this.what = what;
        }

        void add(int i, double p0, double p1, double x, double want, double got, double tol) {
            count++;
            boolean wantNan = Double.isNaN(want), gotNan = Double.isNaN(got);
            if (wantNan || gotNan) {
                if (wantNan != gotNan) {
                    bad.add(row(i, p0, p1, x, want, got, "NaN mismatch"));
                }
                return;
            }
            if (want == got) {
                return;
            }
            double rel = Math.abs(got - want) / Math.max(Math.abs(want), Double.MIN_NORMAL);
            max = Math.max(max, rel);
            if (!(rel <= tol)) {
                bad.add(row(i, p0, p1, x, want, got, "rel " + rel));
            }
        }

        static String row(int i, double p0, double p1, double x, double want, double got, String why) {
            return "row " + i + " (" + p0 + ", " + p1 + ", " + x + "): want " + want + " got " + got + ": " + why;
        }

        void assertOk() {
            System.out.printf("%s: %d rows, max rel err %.3g, %d over the limit%n", what, count, max, bad.size());
            if (!bad.isEmpty()) {
                throw new AssertionError(what + ": " + bad.size() + " of " + count + " rows off:\n  "
                        + String.join("\n  ", bad.subList(0, Math.min(20, bad.size()))));
            }
        }
    }

    /** Gamma where u = rate z overflows: the host-compiled gammaOp against mpmath (GammaRateOverflowTest's cases). */
    @org.junit.jupiter.api.Test
    void gammaGradientWhereTheProductOverflows() throws Exception {
        double[][] cases = dev.irg.math.GammaRateOverflowTest.CASES;
        double[] a = new double[cases.length];
        double[] r = new double[cases.length];
        double[] z = new double[cases.length];
        for (int i = 0; i < cases.length; i++) {
            a[i] = cases[i][0];
            r[i] = cases[i][1];
            z[i] = cases[i][2];
        }
        double[] got = HostEval.eval(Op.GAMMA_GRAD_ALPHA, Precision.F64, a, r, z);
        for (int i = 0; i < cases.length; i++) {
            assertEquals(cases[i][3], got[i], 2e-15 * cases[i][3], "alpha=" + a[i] + " rate=" + r[i] + " z=" + z[i]);
        }
    }
}
