package dev.irg.golden;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.irg.Distribution;
import dev.irg.Op;
import dev.irg.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The scalar float64 reference against every golden table: per table and quantity, max, p99,
 * median and RMS relative error are printed and the limits of {@link AccuracyLimits} asserted. A
 * failure lists the worst rows with their inputs.
 */
class GoldenAccuracyTest {

    @TestFactory
    Stream<DynamicNode> scalarReferenceMeetsLimits() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Distribution d : Distribution.values()) {
            List<DynamicNode> tables = new ArrayList<>();
            tables.add(DynamicTest.dynamicTest("has tables", () ->
                    assertFalse(GoldenTable.names(d).isEmpty(), "no golden tables for " + d.id())));
            for (String name : GoldenTable.names(d)) {
                List<DynamicNode> tests = new ArrayList<>();
                for (Op op : d.ops()) {
                    tests.add(DynamicTest.dynamicTest(op.column(), () -> {
                        GoldenTable t = GoldenTable.load(d, name);
                        if (!t.hasReference(op)) {
                            return; // e.g. grad_rate: no special function, not tabulated
                        }
                        GoldenChecks.Result r = GoldenChecks.check(GoldenChecks.reference(), "scalar", t, op, Precision.F64);
                        System.out.println(r.summary());
                        GoldenChecks.assertPassed(List.of(r));
                    }));
                }
                tables.add(DynamicContainer.dynamicContainer(name, tests));
            }
            nodes.add(DynamicContainer.dynamicContainer(d.id(), tables));
        }
        return nodes.stream();
    }
}
