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

    /**
     * The Beta pairs in one pass ({@link BetaKernels#evaluatePair}) over every Beta golden table, each output (first
     * and second of its pair) with the limits of the single operation.
     */
    @ParameterizedTest(name = "beta pairs {0}")
    @org.junit.jupiter.params.provider.EnumSource(Precision.class)
    void betaPairsThroughSimd(Precision pr) {
        SimdKernels k = SimdKernels.create(0);
        java.util.function.UnaryOperator<Op> partner = op -> switch (op) {
            case BETA_GRAD_A -> Op.BETA_GRAD_B;
            case BETA_GRAD_B -> Op.BETA_GRAD_A;
            case BETA_DCDF_DA -> Op.BETA_DCDF_DB;
            case BETA_DCDF_DB -> Op.BETA_DCDF_DA;
            default -> throw new IllegalArgumentException(op.toString());
        };
        List<GoldenChecks.Result> results = new ArrayList<>();
        for (boolean second : new boolean[] {false, true}) {
            GoldenChecks.Evaluator ev = GoldenChecks.pairOf(k, partner, second);
            for (GoldenTable t : GoldenTable.all(Distribution.BETA)) {
                for (Op op : List.of(Op.BETA_DCDF_DA, Op.BETA_DCDF_DB, Op.BETA_GRAD_A, Op.BETA_GRAD_B)) {
                    if (t.hasReference(op)) {
                        results.add(GoldenChecks.check(ev, second ? "simd pair (second)" : "simd pair", t, op, pr));
                    }
                }
            }
        }
        results.forEach(r -> System.out.println("irg-simd golden: " + r.summary()));
        GoldenChecks.assertPassed(results);
    }
}
