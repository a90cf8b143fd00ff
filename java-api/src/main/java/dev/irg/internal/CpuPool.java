package dev.irg.internal;

import dev.irg.spi.Batch;
import dev.irg.spi.Kernels;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Splits large CPU batches across cores on one shared pool (created once, daemon threads; no thread
 * creation per call). Parallelism: system property {@code irg.threads} (default: available
 * processors). Small batches stay on the calling thread.
 */
public final class CpuPool {
    /**
     * Below this many elements per worker a batch is not split: the per-element cost of the cheapest
     * operation (about 10 ns on the SIMD backend) makes smaller chunks cost more in hand-off than
     * they gain.
     */
    public static final long MIN_ELEMENTS_PER_TASK = 16_384;
    /** Chunk boundaries are multiples of this many elements, so every chunk but the last fills whole vectors. */
    private static final long ALIGN = 64;

    private static final int PARALLELISM = readParallelism();
    private static volatile ForkJoinPool pool;

    private CpuPool() {
    }

    private static int readParallelism() {
        String s = System.getProperty("irg.threads");
        int cpus = Runtime.getRuntime().availableProcessors();
        if (s == null || s.isBlank()) {
            return cpus;
        }
        try {
            int t = Integer.parseInt(s.trim());
            if (t >= 1) {
                return t;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        Log.once(System.Logger.Level.WARNING, "irg: ignoring irg.threads='" + s + "' (not a positive integer); using " + cpus);
        return cpus;
    }

    /** Default number of worker threads for CPU backends. */
    public static int parallelism() {
        return PARALLELISM;
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (CpuPool.class) {
                p = pool;
                if (p == null) {
                    p = new ForkJoinPool(PARALLELISM, fjp -> {
                        var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(fjp);
                        t.setDaemon(true);
                        t.setName("irg-cpu-" + t.getPoolIndex());
                        return t;
                    }, null, false);
                    pool = p;
                }
            }
        }
        return p;
    }

    /** Work on elements {@code from .. from+count-1}. */
    @FunctionalInterface
    public interface Chunk {
        void run(long from, long count);
    }

    /** Runs {@code kernels} over {@code batch} on up to {@code threads} workers. */
    public static void run(Kernels kernels, Batch batch, int threads) {
        forEachChunk(batch.n(), MIN_ELEMENTS_PER_TASK, threads, (from, count) -> kernels.evaluate(
                from == 0 && count == batch.n() ? batch : batch.slice(from, count)));
    }

    /**
     * Cuts {@code n} elements into at most {@code threads} chunks of at least {@code minPerTask}
     * elements (boundaries at multiples of 64) and runs them on the shared pool, the first on the
     * calling thread; waits for all and rethrows the first failure.
     */
    public static void forEachChunk(long n, long minPerTask, int threads, Chunk body) {
        int tasks = (int) Math.min(threads, n / Math.max(1, minPerTask));
        if (tasks <= 1) {
            body.run(0, n);
            return;
        }
        long chunk = ((n + tasks - 1) / tasks + ALIGN - 1) / ALIGN * ALIGN;
        List<ForkJoinTask<?>> futures = new ArrayList<>(tasks);
        ForkJoinPool p = pool();
        for (long from = chunk; from < n; from += chunk) {
            long f = from;
            long c = Math.min(chunk, n - from);
            futures.add(p.submit(() -> body.run(f, c)));
        }
        body.run(0, Math.min(chunk, n));
        RuntimeException failure = null;
        for (ForkJoinTask<?> f : futures) {
            try {
                f.join();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
