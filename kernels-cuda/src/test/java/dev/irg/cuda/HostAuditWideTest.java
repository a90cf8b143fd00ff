package dev.irg.cuda;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Distribution;
import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.golden.GoldenChecks;
import dev.irg.golden.GoldenTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The CUDA device math compiled for the host on the audit rows beyond the documented domain
 * ({@code golden/<dist>/audit_wide.csv}, tools/audit/audit.py, and {@code blind_wide.csv}, tools/audit/blind;
 * docs/accuracy.md): float64 at most
 * {@link #WIDE_F64_MAX} relative for every operation, float32 the golden limits, as the scalar and
 * SIMD backends in kernels-simd's AuditTableTest. (The in-domain audit tables are in index.txt, so
 * {@link HostGoldenTest} checks them with the golden limits.)
 */
class HostAuditWideTest {

    /** float64 limit beyond the documented domain (AuditTableTest.WIDE_F64_MAX). */
    static final double WIDE_F64_MAX = 1e-10;

    @TestFactory
    List<DynamicTest> auditWide() throws Exception {
        List<Op> ops = HostEval.ops();
        List<DynamicTest> tests = new ArrayList<>();
        for (Distribution d : Distribution.values()) {
            for (String table : List.of("audit_wide", "blind_wide")) {
                GoldenTable t = GoldenTable.load(d, table);
                for (Op op : ops) {
                    if (!t.hasReference(op)) {
                        continue;
                    }
                    for (Precision pr : Precision.values()) {
                        tests.add(DynamicTest.dynamicTest(t.id() + " " + op.column() + " " + pr, () -> {
                            var r = GoldenChecks.check(HostGoldenTest.hostEvaluator(), "host", t, op, pr);
                            assertTrue(r.error() == null, r.summary());
                            boolean ok = pr == Precision.F32 ? r.passed()
                                    : r.stats().max() <= WIDE_F64_MAX && !(r.stats().median() > r.limit().median());
                            System.out.printf(Locale.ROOT, "%s %s %s host n=%d max=%.2e p99=%.2e median=%.2e %s%n", t.id(),
                                    op.column(), pr, r.stats().count(), r.stats().max(), r.stats().p99(), r.stats().median(),
                                    ok ? "ok" : "FAIL");
                            assertTrue(r.stats().count() > 0, "no checked rows: " + r.summary());
                            assertTrue(ok, "beyond the documented domain: " + r.summary() + "\n" + r.worstRows());
                        }));
                    }
                }
            }
        }
        return tests;
    }
}
