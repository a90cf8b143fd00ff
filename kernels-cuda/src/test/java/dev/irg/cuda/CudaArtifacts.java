package dev.irg.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks that a CUDA unit's committed artifacts (PTX, fatbin, kernels.txt, ptxas.txt, build.stamp) are
 * what {@code kernels-cuda/build-cuda.sh} makes from the current sources: from the source hashes in
 * build.stamp always, and by rebuilding with nvcc when it is present (a missing nvcc fails on CI). One
 * implementation for every unit: kernels-cuda's {@code irg_kernels} (CudaArtifactsTest) and the
 * examples' {@code irg_pmf} (in the test-jar for that module).
 *
 * @param name      the unit, as build-cuda.sh names it (its .cu file without the extension)
 * @param sources   the unit's source folder, relative to the repository root
 * @param resources the folder of its committed artifacts, relative to the repository root
 */
public record CudaArtifacts(String name, String sources, String resources) {
    public static final CudaArtifacts IRG_KERNELS = new CudaArtifacts("irg_kernels", "kernels-cuda/src/main/cuda",
            "kernels-cuda/src/main/resources/dev/irg/cuda");
    public static final CudaArtifacts IRG_PMF = new CudaArtifacts("irg_pmf", "examples/src/main/cuda",
            "examples/src/main/resources/dev/irg/examples/cuda");

    /** How to fix a stale artifact. */
    public String fix() {
        return "regenerate them with: kernels-cuda/build-cuda.sh --unit " + name + " (and commit the results)";
    }

    public List<String> artifacts() {
        return List.of(name + ".ptx", name + ".fatbin", "kernels.txt", "ptxas.txt", "build.stamp");
    }

    public Path sourceDir() {
        return Toolchain.root().resolve(sources);
    }

    public Path resourceDir() {
        return Toolchain.root().resolve(resources);
    }

    /**
     * Every input hashed in build.stamp still has that hash (the unit's own sources by name, headers
     * of an include folder by a path relative to the source folder, the build script), and the unit's
     * source folder holds no file the stamp does not list.
     */
    public void checkStamp() throws Exception {
        List<String> stamp = Files.readAllLines(resourceDir().resolve("build.stamp"));
        int own = 0;
        for (String line : stamp) {
            if (line.startsWith("nvcc:")) {
                continue;
            }
            String[] f = line.split(" +");
            Path src = f[1].equals("build-cuda.sh") ? Toolchain.root().resolve("kernels-cuda/build-cuda.sh")
                    : sourceDir().resolve(f[1]).normalize();
            if (!f[1].contains("/") && !f[1].equals("build-cuda.sh")) {
                own++;
            }
            assertEquals(f[0], sha256(src), "committed CUDA artifacts of " + name + " are stale: " + f[1] + " changed; " + fix());
        }
        try (var files = Files.list(sourceDir())) {
            assertEquals(files.count(), own, "the set of CUDA sources of " + name + " changed since the artifacts were built; " + fix());
        }
    }

    /** Rebuilds the unit with nvcc into target/cuda-rebuild-NAME and compares byte for byte (skips without nvcc, fails on CI). */
    public void checkRebuild() throws Exception {
        Path nvcc = Toolchain.require(Toolchain.nvcc(), "nvcc not found: cannot rebuild the CUDA artifacts of " + name + " to check them");
        Path out = Toolchain.target().resolve("cuda-rebuild-" + name);
        Files.createDirectories(out);
        Path script = Toolchain.root().resolve("kernels-cuda/build-cuda.sh");
        Toolchain.run(List.of("bash", script.toString(), "--no-java", "--unit", name, "--out", out.toString()),
                Toolchain.root(), null, 600);
        String committedNvcc = Files.readAllLines(resourceDir().resolve("build.stamp")).get(0);
        String localNvcc = Files.readAllLines(out.resolve("build.stamp")).get(0);
        if (!committedNvcc.equals(localNvcc)) {
            System.out.println("SKIPPED byte comparison of " + name + ": artifacts were built with " + committedNvcc + ", this machine has "
                    + localNvcc + " (nvcc " + nvcc + "); the source hashes are still checked by checkStamp");
            return;
        }
        for (String a : artifacts()) {
            assertArrayEquals(Files.readAllBytes(resourceDir().resolve(a)), Files.readAllBytes(out.resolve(a)),
                    "committed " + a + " differs from a fresh nvcc build; " + fix());
        }
    }

    static String sha256(Path p) throws Exception {
        var md = java.security.MessageDigest.getInstance("SHA-256");
        return java.util.HexFormat.of().formatHex(md.digest(Files.readAllBytes(p)));
    }
}
