package dev.irg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code irg example}: runs an example at the small size; rejects unknown names and sizes with status 2. */
class ExampleCommandTest {
    @Test
    void runsTheVonMisesExample(@TempDir Path dir) {
        MainTest.Run r = MainTest.run("", "example", "vonmises", "--size", "small", "--out", dir.toString(), "--seed", "5");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.out().startsWith("vonmises (small, seed 5)"), r.out());
        assertTrue(r.err().contains("irg example vonmises"), "progress line: " + r.err());
        assertTrue(Files.exists(dir.resolve("vonmises.md")));
        assertTrue(Files.exists(dir.resolve("vonmises-density.png")));
    }

    @Test
    void anUnavailableBackendFallsBackToTheCpuWithOneLine(@TempDir Path dir) {
        boolean cuda = dev.irg.Irg.backends().stream().anyMatch(b -> b.backend() == dev.irg.Backend.CUDA && b.available());
        org.junit.jupiter.api.Assumptions.assumeFalse(cuda, "CUDA is available here");
        MainTest.Run r = MainTest.run("", "example", "vonmises", "--size", "small", "--out", dir.toString(), "--backend", "cuda");
        assertEquals(0, r.rc(), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.contains("running on the CPU")).count(), r.err());
    }

    /** poisson-mf's --backend cuda without a driver: its own one line (not the generic one), then the CPU step. */
    @Test
    void poissonMfWithoutAGpuSaysWhyInOneLine(@TempDir Path dir) throws Exception {
        boolean cuda = dev.irg.Irg.backends().stream().anyMatch(b -> b.backend() == dev.irg.Backend.CUDA && b.available());
        org.junit.jupiter.api.Assumptions.assumeFalse(cuda, "CUDA is available here");
        MainTest.Run r = MainTest.run("", "example", "poisson-mf", "--size", "small", "--out", dir.toString(), "--backend", "cuda");
        assertEquals(0, r.rc(), r.err());
        assertEquals(java.util.List.of("poisson-mf: no CUDA driver (libcuda.so.1 not found); running on the CPU"),
                r.err().lines().filter(l -> l.contains("running on the CPU")).toList(), r.err());
        assertTrue(Files.readString(dir.resolve("poisson-mf.md")).contains("| dense products and update | CPU, Java"));
        MainTest.Run cpu = MainTest.run("", "example", "poisson-mf", "--size", "small", "--out", dir.toString(), "--backend", "cpu");
        assertEquals(0, cpu.rc(), cpu.err());
        assertTrue(cpu.err().lines().noneMatch(l -> l.contains("running on the CPU")), cpu.err());
    }

    @Test
    void rejectsUnknownNamesAndSizes() {
        MainTest.Run r = MainTest.run("", "example", "nope");
        assertEquals(Main.EXIT_USAGE, r.rc());
        assertTrue(r.err().contains("unknown example 'nope'"), r.err());
        assertEquals(Main.EXIT_USAGE, MainTest.run("", "example", "vonmises", "--size", "huge").rc());
        MainTest.Run b = MainTest.run("", "example", "poisson-mf", "--backend", "gpu");
        assertEquals(Main.EXIT_USAGE, b.rc());
        assertTrue(b.err().contains("unknown backend 'gpu'"), b.err());
    }
}
