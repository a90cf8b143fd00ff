package dev.irg.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Distribution;
import dev.irg.Op;
import dev.irg.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GoldenChecks accepts and rejects what the limits say, on a real committed table. */
class GoldenChecksTest {

    /** An evaluator that returns the table's own references times (1 + rel), with row {@code bad} off by {@code badRel}. */
    private static GoldenChecks.Evaluator perturbed(GoldenTable t, double rel, int bad, double badRel) {
        return (op, precision, p0, p1, x, out) -> {
            double[] ref = t.reference(op);
            for (int i = 0; i < out.length; i++) {
                double v = ref[i] * (1 + (i == bad ? badRel : (i % 2 == 0 ? rel : -rel)));
                out[i] = precision == Precision.F32 ? (float) v : v;
            }
        };
    }

    private static GoldenTable saddle() {
        return GoldenTable.load(Distribution.GAMMA, "saddle");
    }

    @Test
    void smallErrorsPass() {
        GoldenTable t = saddle();
        var r = GoldenChecks.check(perturbed(t, 1e-15, -1, 0), "test", t, Op.GAMMA_GRAD_ALPHA, Precision.F64);
        assertTrue(r.passed(), r.report());
        assertEquals(t.size(), r.stats().count());
    }

    @Test
    void oneBadRowFailsAndIsNamed() {
        GoldenTable t = saddle();
        var r = GoldenChecks.check(perturbed(t, 1e-15, 17, 1e-9), "test", t, Op.GAMMA_DCDF_DALPHA, Precision.F64);
        assertFalse(r.passed());
        assertEquals(17, r.stats().worst(1)[0]);
        assertTrue(r.worstRows().contains("row 17 (" + t.describeRow(17)), r.worstRows());
        var e = assertThrows(AssertionError.class, () -> GoldenChecks.assertPassed(List.of(r)));
        assertTrue(e.getMessage().contains("1 of 1 golden checks failed"), e.getMessage());
    }

    @Test
    void medianLimitBites() {
        GoldenTable t = saddle();
        // every row at 5e-14: max is fine (1e-10) but the median limit 1e-14 is not
        var r = GoldenChecks.check(perturbed(t, 5e-14, -1, 0), "test", t, Op.GAMMA_GRAD_ALPHA, Precision.F64);
        assertFalse(r.passed(), r.summary());
    }

    @Test
    void float32UsesOnlyFloatExactRowsAndItsOwnLimits() {
        GoldenTable t = saddle();
        var r = GoldenChecks.check(perturbed(t, 1e-7, -1, 0), "test", t, Op.GAMMA_CDF, Precision.F32);
        assertTrue(r.passed(), r.report());
        assertTrue(r.stats().count() > t.size() / 2, r.summary()); // the saddle table is float32-exact
        var held = GoldenTable.load(Distribution.GAMMA, "heldout");
        var h = GoldenChecks.check(perturbed(held, 0, -1, 0), "test", held, Op.GAMMA_CDF, Precision.F32);
        assertTrue(h.skipped() > held.size() / 2, h.summary()); // full doubles: mostly skipped
    }

    @Test
    void evaluatorExceptionsBecomeFailures() {
        GoldenTable t = saddle();
        var r = GoldenChecks.check((op, p, a, b, x, out) -> {
            throw new UnsupportedOperationException("nope");
        }, "test", t, Op.GAMMA_CDF, Precision.F64);
        assertFalse(r.passed());
        assertTrue(r.summary().contains("nope"));
    }
}
