package dev.irg.cli;

import java.util.Arrays;

/** Wall-clock timing of a repeated action: warm-up, then several timed repetitions, median. */
final class Timing {
    /** Warm-up runs at least this long (JIT compilation of the kernels: C2 needs ~10^4 calls of a small method or long loops). */
    static final long WARMUP_NANOS = 300_000_000L;
    /** At most this many warm-up runs, whatever their length. */
    static final int MAX_WARMUP_RUNS = 50;

    private Timing() {
    }

    /** Median seconds of {@code reps} timed runs of {@code action}, after warm-up (at least one run). */
    static double medianSeconds(Runnable action, int reps) {
        return medianSeconds(action, reps, WARMUP_NANOS);
    }

    /** As {@link #medianSeconds(Runnable, int)} with a given minimum warm-up time. */
    static double medianSeconds(Runnable action, int reps, long warmupNanos) {
        long start = System.nanoTime();
        int w = 0;
        do {
            action.run();
            w++;
        } while (System.nanoTime() - start < warmupNanos && w < MAX_WARMUP_RUNS);
        double[] t = new double[Math.max(1, reps)];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            action.run();
            t[i] = (System.nanoTime() - t0) * 1e-9;
        }
        Arrays.sort(t);
        int m = t.length / 2;
        return t.length % 2 == 1 ? t[m] : 0.5 * (t[m - 1] + t[m]);
    }
}
