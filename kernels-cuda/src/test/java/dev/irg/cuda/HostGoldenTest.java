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

    /**
     * The kernels are ports of the scalar reference; where the reference itself misses a golden
     * limit (a defect of the reference, reported to its owner), the port cannot be expected to meet
     * it. Then the port must be as accurate as the reference (max error within
     * {@link #REFERENCE_SLACK} of it) and the check is reported as skipped with both numbers.
     */
    static void excuseOnlyIfReferenceFailsToo(GoldenChecks.Result port, GoldenTable t, Op op, Precision pr) {
        var ref = GoldenChecks.check(GoldenChecks.reference(), "scalar", t, op, pr);
        if (ref.passed() || ref.stats() == null || port.stats() == null) {
            return; // the reference passes: the port's failure stands
        }
        double allowed = ref.stats().max() * (1 + REFERENCE_SLACK) + REFERENCE_SLACK * port.limit().max();
        if (port.stats().max() > allowed) {
            throw new AssertionError("worse than the (also failing) reference: " + port.summary() + "\n  " + ref.summary());
        }
        String why = "the scalar reference also misses this limit (reference owner's defect): " + ref.summary();
        System.out.println("SKIPPED: " + why);
        Assumptions.abort(why);
    }

    /** Relative slack on the reference's own max error when the reference fails a table. */
    static final double REFERENCE_SLACK = 0.01;

    /**
     * The golden tables of {@code d}: those its index.txt lists, or, while a distribution has no
     * index.txt yet, every {@code .csv} in its resource folder (directory or jar).
     */
    static List<GoldenTable> tables(Distribution d) throws java.io.IOException, java.net.URISyntaxException {
        if (!GoldenTable.names(d).isEmpty()) {
            return GoldenTable.all(d);
        }
        String dir = GoldenTable.ROOT + d.id() + "/";
        var url = GoldenTable.class.getResource(dir);
        List<GoldenTable> out = new ArrayList<>();
        if (url == null) {
            return out;
        }
        java.nio.file.FileSystem fs = null;
        try {
            java.nio.file.Path folder;
            if ("jar".equals(url.getProtocol())) {
                fs = java.nio.file.FileSystems.newFileSystem(url.toURI(), java.util.Map.of());
                folder = fs.getPath(dir);
            } else {
                folder = java.nio.file.Path.of(url.toURI());
            }
            try (var files = java.nio.file.Files.list(folder)) {
                for (String f : files.map(x -> x.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList()) {
                    out.add(GoldenTable.load(d, f.substring(0, f.length() - 4)));
                }
            }
        } finally {
            if (fs != null) {
                fs.close();
            }
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> goldenTables() throws Exception {
        List<Op> ops = HostEval.ops();
        List<DynamicTest> tests = new ArrayList<>();
        for (Distribution d : Distribution.values()) {
            for (GoldenTable t : tables(d)) {
                for (Op op : ops) {
                    if (!t.hasReference(op)) {
                        continue;
                    }
                    for (Precision pr : Precision.values()) {
                        tests.add(DynamicTest.dynamicTest(t.id() + " " + op.column() + " " + pr, () -> {
                            var r = GoldenChecks.check(hostEvaluator(), "host", t, op, pr);
                            System.out.println(r.summary());
                            if (!r.passed()) {
                                excuseOnlyIfReferenceFailsToo(r, t, op, pr);
                            }
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
