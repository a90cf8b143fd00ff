package dev.irg.examples;

import dev.irg.Backend;
import dev.irg.Irg;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What an example run needs: the size, the output directory (PNG plots and the markdown table), the
 * seed, the irg backend, where an example's own training step runs ({@link Engine}: poisson-mf has a
 * GPU step), and where the table (out) and the progress line (err) go.
 */
public record Config(Size size, Path outDir, long seed, Backend backend, Engine engine, PrintStream out, PrintStream err) {
    /**
     * Where an example's own training step runs (the dense products and the update of poisson-mf):
     * AUTO the GPU when it can run there, else the CPU; CPU always the CPU; CUDA the GPU (where it
     * cannot, the example says why in one line and runs on the CPU).
     */
    public enum Engine {
        AUTO, CPU, CUDA
    }

    public Config {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /** With the engine that goes with {@code backend}: AUTO for auto, CUDA for cuda, else CPU. */
    public Config(Size size, Path outDir, long seed, Backend backend, PrintStream out, PrintStream err) {
        this(size, outDir, seed, backend, engineOf(backend), out, err);
    }

    /**
     * From the CLI's {@code --backend}: {@code auto}, {@code cpu} (irg's AUTO dispatch, the training
     * step on the CPU), {@code cuda}, {@code scalar} or {@code simd} (those irg backends, the step on the CPU).
     */
    public static Config of(Size size, Path outDir, long seed, String backend, PrintStream out, PrintStream err) {
        if (backend.trim().equalsIgnoreCase("cpu")) {
            return new Config(size, outDir, seed, Backend.AUTO, Engine.CPU, out, err);
        }
        Backend b;
        try {
            b = Backend.parse(backend);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown backend '" + backend + "': expected auto, cpu, cuda, scalar or simd");
        }
        return new Config(size, outDir, seed, b, out, err);
    }

    private static Engine engineOf(Backend b) {
        return switch (b) {
            case AUTO -> Engine.AUTO;
            case CUDA -> Engine.CUDA;
            default -> Engine.CPU;
        };
    }

    /** The same run with another irg backend and engine. */
    public Config withEngine(Backend b, Engine e) {
        return new Config(size, outDir, seed, b, e, out, err);
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
            return new Config(size, outDir, seed, Backend.AUTO, engine, out, err);
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
