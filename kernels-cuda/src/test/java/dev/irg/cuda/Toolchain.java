package dev.irg.cuda;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the module's folders and the external compilers the host-side tests need. Public (in the
 * test-jar) for the other modules that compile CUDA sources for the host (the examples).
 */
public final class Toolchain {
    private Toolchain() {
    }

    /** The kernels-cuda module folder (Maven's basedir). */
    public static Path moduleDir() {
        String b = System.getProperty("basedir");
        Path p = b != null ? Path.of(b) : Path.of("").toAbsolutePath();
        if (!Files.isDirectory(p.resolve("src/main/cuda")) && Files.isDirectory(p.resolve("kernels-cuda/src/main/cuda"))) {
            p = p.resolve("kernels-cuda");
        }
        return p;
    }

    /** The repository root: the first folder at or above the module folder that holds kernels-cuda/build-cuda.sh. */
    public static Path root() {
        for (Path p = moduleDir().toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("kernels-cuda/build-cuda.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException("no kernels-cuda/build-cuda.sh above " + moduleDir().toAbsolutePath());
    }

    public static Path cudaSources() {
        return moduleDir().resolve("src/main/cuda");
    }

    public static Path resources() {
        return moduleDir().resolve("src/main/resources/dev/irg/cuda");
    }

    public static Path target() throws IOException {
        return Files.createDirectories(moduleDir().resolve("target"));
    }

    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The first executable of {@code candidates} (names on PATH, or absolute paths), or null. */
    public static Path find(String... candidates) {
        for (String c : candidates) {
            if (c.contains("/")) {
                Path p = Path.of(c);
                if (Files.isExecutable(p)) {
                    return p;
                }
                continue;
            }
            String path = System.getenv("PATH");
            if (path == null) {
                continue;
            }
            for (String dir : path.split(":")) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, c);
                if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** {@code tool} or, when missing, skips the test (fails it when CI=true) with {@code why}. */
    public static Path require(Path tool, String why) {
        if (tool == null) {
            if (onCi()) {
                fail(why + " (CI=true: the tool is required on CI)");
            }
            System.out.println("SKIPPED: " + why);
            Assumptions.abort(why);
        }
        return tool;
    }

    public static Path nvcc() {
        String env = System.getenv("NVCC");
        return env != null ? find(env) : find("nvcc", "/usr/local/cuda/bin/nvcc", "/usr/local/cuda-13.0/bin/nvcc");
    }

    public static Path cxx() {
        String env = System.getenv("CXX");
        return env != null ? find(env) : find("g++", "c++", "clang++");
    }

    /** Runs a command (stdin from {@code input} when non-null); fails the test on a non-zero exit. */
    public static String run(List<String> cmd, Path dir, String input, long timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).directory(dir.toFile());
        Path errFile = Files.createTempFile(target(), "stderr", ".txt");
        pb.redirectError(errFile.toFile());
        Process p = pb.start();
        Thread writer = null;
        if (input != null) {
            writer = Thread.ofVirtual().start(() -> {
                try (var os = p.getOutputStream()) {
                    os.write(input.getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the process died; its exit code and stderr say why
                }
            });
        } else {
            p.getOutputStream().close();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out after " + timeoutSeconds + " s: " + String.join(" ", cmd));
        }
        if (writer != null) {
            writer.join();
        }
        String err = Files.readString(errFile);
        Files.deleteIfExists(errFile);
        if (p.exitValue() != 0) {
            fail("exit " + p.exitValue() + ": " + String.join(" ", cmd) + "\n" + err + out);
        }
        return out;
    }
}
