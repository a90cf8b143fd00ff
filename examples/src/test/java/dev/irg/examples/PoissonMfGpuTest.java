package dev.irg.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Backend;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * poisson-mf's training step on a real GPU (cuBLAS Dgemm, irg's device-resident Gamma rsample, the
 * irg_pmf kernels) against the CPU step: the same seed gives the same curve within
 * {@link CurveDiff#TOLERANCE}. Skips with a printed reason without a device or cuBLAS.
 */
@Tag("gpu")
class PoissonMfGpuTest {
    @Test
    void gpuAndCpuStepsGiveTheSameCurve() {
        CudaMfDevice.Result r = CudaMfDevice.open();
        if (r.device() == null) {
            String why = "SKIPPED (gpu): " + r.why();
            System.out.println(why);
            Assumptions.abort(why);
        }
        r.device().close();
        PrintStream nul = new PrintStream(OutputStream.nullOutputStream());
        PoissonMF mf = new PoissonMF();
        for (Size size : new Size[] {Size.SMALL, Size.MEDIUM}) {
            PoissonMF.Dims d = PoissonMF.dims(size);
            PoissonMF.Dims dm = new PoissonMF.Dims(d.rows(), d.cols(), d.k(), size == Size.SMALL ? d.steps() : 100, d.lr());
            Config gpu = new Config(size, Path.of("target", "unused"), 7, Backend.AUTO, Config.Engine.CUDA, nul, nul);
            PoissonMF.Run g = mf.fit(gpu, dm, null);
            PoissonMF.Run c = mf.fit(gpu.withEngine(Backend.AUTO, Config.Engine.CPU), dm, null);
            assertTrue(g.fit().engine().startsWith("GPU"), g.fit().engine());
            CurveDiff diff = CurveDiff.of(c.fit(), g.fit());
            System.out.printf("poisson-mf %s, %d steps, GPU vs CPU: %s; s/step CPU %.4g, GPU %.4g%n", size.id(), dm.steps(), diff,
                    c.fit().steadySecondsPerStep(), g.fit().steadySecondsPerStep());
            assertTrue(diff.firstRel() <= 1e-12, diff.toString());
            assertTrue(diff.maxAbs() <= CurveDiff.TOLERANCE, diff.toString());
        }
    }
}
