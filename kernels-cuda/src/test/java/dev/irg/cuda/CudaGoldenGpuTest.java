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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Every kernel on the GPU against the golden tables with the reference's limits (float64) and
 * 2e-6 (float32), through the host-array path. Skips with a printed reason without a device.
 */
@Tag("gpu")
class CudaGoldenGpuTest {

    @TestFactory
    List<DynamicTest> goldenTablesOnGpu() throws Exception {
        if (!CudaDevice.isAvailable()) {
            String why = "SKIPPED (gpu): " + CudaDevice.status();
            System.out.println(why);
            Assumptions.abort(why);
        }
        CudaDevice gpu = CudaDevice.get();
        // the provider's own instance (process lifetime), so no buffers are left behind
        var ev = GoldenChecks.of(dev.irg.internal.Registry.get().provider(dev.irg.Backend.CUDA).kernels());
        List<DynamicTest> tests = new ArrayList<>();
        for (Distribution d : Distribution.values()) {
            for (GoldenTable t : HostGoldenTest.tables(d)) {
                for (Op op : d.ops()) {
                    for (Precision pr : Precision.values()) {
                        if (t.hasReference(op) && gpu.supports(op, pr)) {
                            tests.add(DynamicTest.dynamicTest(t.id() + " " + op.column() + " " + pr, () -> {
                                var r = GoldenChecks.check(ev, "cuda", t, op, pr);
                                System.out.println(r.summary());
                                GoldenChecks.assertPassed(List.of(r));
                            }));
                        }
                    }
                }
            }
        }
        return tests;
    }
}
