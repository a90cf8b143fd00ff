package dev.irg.simd;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.irg.Distribution;
import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.golden.GoldenChecks;
import dev.irg.golden.GoldenTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed golden tables (java-api test resources, mpmath at 40+ digits) through the SIMD
 * kernels, float64 and float32, with the limits of {@link dev.irg.golden.AccuracyLimits}: every
 * table and quantity the backend serves. Prints max/p99/median per table (the numbers of docs/simd.md).
 */
class SimdGoldenTest {

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Distribution d : Distribution.values()) {
            for (Precision pr : Precision.values()) {
                out.add(Arguments.of(d, pr));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void goldenTablesThroughSimd(Distribution d, Precision pr) {
        SimdKernels k = SimdKernels.create(0);
        GoldenChecks.Evaluator ev = GoldenChecks.of(k);
        List<GoldenChecks.Result> results = new ArrayList<>();
        for (GoldenTable t : GoldenTable.all(d)) {
            for (Op op : d.ops()) {
                if (k.supports(op, pr) && t.hasReference(op)) {
                    results.add(GoldenChecks.check(ev, "simd", t, op, pr));
                }
            }
        }
        assumeFalse(results.isEmpty(), "the SIMD backend serves no " + d.id() + " quantity with golden tables yet");
        results.forEach(r -> System.out.println("irg-simd golden: " + r.summary()));
        GoldenChecks.assertPassed(results);
    }
}
