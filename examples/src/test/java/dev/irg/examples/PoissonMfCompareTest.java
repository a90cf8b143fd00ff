package dev.irg.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPU bundle's poisson-mf run (PoissonMfCompare), its GPU side on the host-compiled kernels: the
 * table, the curves file and the exit status; and its "not run" path without a device.
 */
class PoissonMfCompareTest {
    @Test
    void comparesTheEnginesAndWritesTheResults(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = PoissonMfCompare.run(Size.SMALL, 40, 3, dir, new PrintStream(out, true, StandardCharsets.UTF_8), new HostMfDevice(),
                null);
        String md = Files.readString(dir.resolve("poisson-mf-gpu.md"));
        System.out.print(md);
        assertEquals(0, rc, md);
        assertEquals(md, out.toString(StandardCharsets.UTF_8));
        assertTrue(md.contains("| engine | CPU, Java, ") && md.contains("| host (g++-compiled kernels, Java Dgemm) |"), md);
        assertTrue(md.contains("Curves agree"), md);
        List<String> csv = Files.readAllLines(dir.resolve("poisson-mf-curves.csv"));
        assertEquals(41, csv.size());
        assertEquals("step,elbo_cpu,elbo_gpu", csv.get(0));
        String[] last = csv.get(40).split(",");
        assertEquals("40", last[0]);
        assertEquals(Double.parseDouble(last[1]), Double.parseDouble(last[2]), CurveDiff.TOLERANCE);
    }

    @Test
    void withoutADeviceItSaysWhy(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = PoissonMfCompare.run(Size.LARGE, 300, 3, dir, new PrintStream(out, true, StandardCharsets.UTF_8), null,
                "no CUDA driver (libcuda.so.1 not found)");
        assertEquals(3, rc);
        assertTrue(Files.readString(dir.resolve("poisson-mf-gpu.md")).contains("not run: no CUDA driver (libcuda.so.1 not found)"));
    }
}
