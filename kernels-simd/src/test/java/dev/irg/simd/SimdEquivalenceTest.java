package dev.irg.simd;

import dev.irg.Op;
import dev.irg.Precision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every operation the SIMD backend serves, in both precisions, against the scalar reference. */
class SimdEquivalenceTest {

    static List<Arguments> served() {
        SimdKernels k = SimdKernels.create(0);
        List<Arguments> out = new ArrayList<>();
        for (Op op : Op.values()) {
            for (Precision pr : Precision.values()) {
                if (k.supports(op, pr)) {
                    out.add(Arguments.of(op, pr));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("served")
    void matchesScalarReference(Op op, Precision pr) {
        EquivalenceHarness h = new EquivalenceHarness(op, pr, 0x5EED_0000L + op.ordinal() * 31L + pr.ordinal());
        System.out.println("irg-simd equivalence: " + h.runAll(Tolerances.of(op, pr)));
    }
}
