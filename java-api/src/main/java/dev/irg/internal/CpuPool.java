package dev.irg.internal;

import dev.irg.spi.Batch;
import dev.irg.spi.Kernels;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Splits large CPU batches across cores on one shared pool (created once, daemon threads; no thread
 * creation per call): the workers take chunks from a shared cursor ({@link #forEachChunk}).
 * Parallelism: system property {@code irg.threads} (default: available processors). Small batches
 * stay on the calling thread.
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

    /** Runs {@code kernels}' pair evaluation of {@code first} and {@code second} (same operands) on up to {@code threads} workers. */
    public static void runPair(Kernels kernels, Batch first, Batch second, int threads) {
        long n = first.n();
        forEachChunk(n, MIN_ELEMENTS_PER_TASK, threads, (from, count) -> {
            boolean whole = from == 0 && count == n;
            kernels.evaluatePair(whole ? first : first.slice(from, count), whole ? second : second.slice(from, count));
        });
    }

    /**
     * Chunks per worker of a split batch: the workers take chunks from a shared cursor until none is
     * left, so a worker that runs slower (its elements in costlier regions, e.g. a batch sorted by
     * parameter, or its core shared with another job) takes fewer chunks instead of being waited for.
     * Eight keep the chunks of a 1e6-element batch on two cores above 60 000 elements (hand-off
     * negligible) while a half-batch of much costlier elements still spreads over both workers.
     */
    static final int CHUNKS_PER_WORKER = 8;

    /**
     * Runs {@code body} over {@code n} elements on up to {@code threads} workers (the calling thread and
     * tasks on the shared pool): {@code min(threads, n / minPerTask)} workers take chunks of at least
     * {@code minPerTask} elements (boundaries at multiples of 64, about {@link #CHUNKS_PER_WORKER} per
     * worker) from a shared cursor until every element is covered; one worker runs the whole range on the
     * calling thread. Waits for all workers and rethrows the first failure (after it, no worker starts
     * another chunk). Every element is in exactly one chunk; which thread runs it is not fixed, so
     * {@code body} must not depend on that.
     */
    public static void forEachChunk(long n, long minPerTask, int threads, Chunk body) {
        int workers = (int) Math.min(threads, n / Math.max(1, minPerTask));
        if (workers <= 1) {
            body.run(0, n);
            return;
        }
        long chunk = alignUp(Math.max(Math.max(1, minPerTask), (n + (long) workers * CHUNKS_PER_WORKER - 1)
                / ((long) workers * CHUNKS_PER_WORKER)));
        AtomicLong cursor = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            long from;
            while (failure.get() == null && (from = cursor.getAndAdd(chunk)) < n) {
                try {
                    body.run(from, Math.min(chunk, n - from));
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }
        };
        List<ForkJoinTask<?>> futures = new ArrayList<>(workers - 1);
        ForkJoinPool p = pool();
        for (int w = 1; w < workers; w++) {
            futures.add(p.submit(worker));
        }
        worker.run();
        for (ForkJoinTask<?> f : futures) {
            f.join(); // the worker catches its chunks' failures: join returns normally
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        } else if (t instanceof Error e) {
            throw e;
        } else if (t != null) {
            throw new IllegalStateException(t); // body.run declares no checked exception; kept for completeness
        }
    }

    /** {@code v} rounded up to a multiple of ALIGN. */
    private static long alignUp(long v) {
        return (v + ALIGN - 1) / ALIGN * ALIGN;
    }
}
