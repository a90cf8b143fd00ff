package dev.irg.cuda;

import dev.irg.Distribution;
import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.golden.GoldenChecks;
import dev.irg.golden.GoldenTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The CUDA device math compiled for the host against the committed golden tables (mpmath, 40+
 * digits), with the same limits as the scalar reference (dev.irg.golden.AccuracyLimits): every
 * table × every operation that has a kernel × float64 and float32.
 */
class HostGoldenTest {

    /** Evaluates through the host-compiled device math (target/host/irg_host_eval). */
    static GoldenChecks.Evaluator hostEvaluator() {
        return (op, precision, p0, p1, x, out) -> {
            try {
                double[] r = HostEval.eval(op, precision, p0, p1, x);
                System.arraycopy(r, 0, out, 0, out.length);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    @TestFactory
    List<DynamicTest> goldenTables() throws Exception {
        List<Op> ops = HostEval.ops();
        List<DynamicTest> tests = new ArrayList<>();
        for (Distribution d : Distribution.values()) {
            for (GoldenTable t : GoldenTable.all(d)) {
                for (Op op : ops) {
                    if (!t.hasReference(op)) {
                        continue;
                    }
                    for (Precision pr : Precision.values()) {
                        tests.add(DynamicTest.dynamicTest(t.id() + " " + op.column() + " " + pr, () -> {
                            var r = GoldenChecks.check(hostEvaluator(), "host", t, op, pr);
                            System.out.println(r.summary());
                            GoldenChecks.assertPassed(List.of(r));
                        }));
                    }
                }
            }
        }
        if (tests.isEmpty()) {
            tests.add(DynamicTest.dynamicTest("no golden tables for the ported operations yet", () -> Assumptions.abort(
                    "no committed golden table has reference columns for the operations with kernels " + ops)));
        }
        return tests;
    }
}
