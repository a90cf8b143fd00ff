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

    @Test
    void rejectsUnknownNamesAndSizes() {
        MainTest.Run r = MainTest.run("", "example", "nope");
        assertEquals(Main.EXIT_USAGE, r.rc());
        assertTrue(r.err().contains("unknown example 'nope'"), r.err());
        assertEquals(Main.EXIT_USAGE, MainTest.run("", "example", "vonmises", "--size", "huge").rc());
    }
}
