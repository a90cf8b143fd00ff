package dev.irg.examples;

import dev.irg.Backend;
import dev.irg.Irg;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What an example run needs: the size, the output directory (PNG plots and the markdown table), the
 * seed, the backend, and where the table (out) and the progress line (err) go.
 */
public record Config(Size size, Path outDir, long seed, Backend backend, PrintStream out, PrintStream err) {
    public Config {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /**
     * This config, or when its forced backend cannot run here (no CUDA driver or device, no Vector API),
     * the same with AUTO after one line on err saying so: the examples then run on the CPU.
     */
    public Config withAvailableBackend() {
        if (backend == Backend.AUTO) {
            return this;
        }
        try {
            Irg.using(backend);
            return this;
        } catch (IllegalStateException e) {
            err.println("irg example: " + e.getMessage() + "; running on the CPU (auto)");
            return new Config(size, outDir, seed, Backend.AUTO, out, err);
        }
    }

    /** The irg instance of the chosen backend (AUTO: whatever serves each call best). */
    public Irg irg() {
        return backend == Backend.AUTO ? Irg.get() : Irg.using(backend);
    }

    /** A seed for one purpose of the run (data, a training step, ...), from the run's seed and a stream number. */
    public long seed(long stream) {
        return mix(seed, stream);
    }

    /** SplitMix64's finalizer of seed + golden-ratio multiple of stream: well-separated Philox keys. */
    static long mix(long seed, long stream) {
        long z = seed + (stream + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
