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
        for (String k : Files.readAllLines(Toolchain.resources().resolve("kernels.txt"))) {
            listed.add(k.replaceFirst("^irg_", "").replaceFirst("_f(32|64)$", ""));
        }
        var host = new TreeSet<String>();
        for (Op op : HostEval.ops()) {
            host.add(op.name());
        }
        assertEquals(listed, host, "kernels.txt (the committed kernels) and the host-compiled ops differ; run kernels-cuda/build-cuda.sh");
        assertFalse(host.isEmpty());
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
}
