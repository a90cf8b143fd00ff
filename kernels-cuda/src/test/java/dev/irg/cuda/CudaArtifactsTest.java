package dev.irg.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The committed PTX/fatbin and their listings are what build-cuda.sh makes from the current
 * sources: checked from the source hashes always, and by rebuilding with nvcc when it is present
 * (a missing nvcc fails on CI).
 */
class CudaArtifactsTest {
    @Test
    void stampMatchesSources() throws Exception {
        CudaArtifacts.IRG_KERNELS.checkStamp();
    }

    @Test
    void rebuildWithNvccGivesTheCommittedArtifacts() throws Exception {
        CudaArtifacts.IRG_KERNELS.checkRebuild();
    }

    /** Issue 5: no local-memory spills in the float32 kernels (from ptxas -v, recorded in ptxas.txt). */
    @Test
    void float32KernelsDoNotSpill() throws Exception {
        int rows = 0;
        for (String line : Files.readAllLines(Toolchain.resources().resolve("ptxas.txt"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split(" +");
            assertEquals(6, f.length, "ptxas.txt row: " + line);
            // float32 kernels, and the device functions they (and the float64 kernels) call
            if (f[0].endsWith("_f32") || f[2].equals("-")) {
                rows++;
                assertEquals("0", f[4], "spill stores in " + f[0] + " on " + f[1]);
                assertEquals("0", f[5], "spill loads in " + f[0] + " on " + f[1]);
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(rows > 0, "ptxas.txt lists no float32 kernel");
    }
}
