package dev.irg.cli;

import java.util.Arrays;

/**
 * Wall-clock timing of a repeated action: warm-up until the run time has settled, then several timed
 * repetitions, median.
 */
final class Timing {
    /** Warm-up runs at least this long. */
    static final long WARMUP_NANOS = 300_000_000L;
    /**
     * ... and until the last {@link #SETTLED_RUNS} runs agree within {@link #SETTLED_RATIO}, at most this
     * long: Vector API kernels run interpreted (boxing every vector, measured 80x slower here: 0.14 M/s
     * against 11 M/s for SIMD Gamma f64 at 8192 elements) until C2 compiles them, which on small batches
     * takes more than a fixed 0.3 s.
     */
    static final long MAX_WARMUP_NANOS = 3_000_000_000L;
    /**
     * ... and (where the caller says how many elements a run processes) until at least this many elements went
     * through the kernels: settled run times alone are not enough, since before C2 compiles the kernels every
     * run is equally slow. Measured with `irg bench --dist gamma --quantity grad --precision f32 --backend simd
     * --n 200000 --threads 2`: warm-up ended after 0.3 s with three runs agreeing at 1.9-2.4e6 elements/s
     * (the Vector API's interpreted fallback in the JFR profile), against 5.4e7 once compiled. 2^23 elements
     * were about 4000 calls of every stage of a 512-element block driver, past C2's compile thresholds. Since the
     * float32 Gamma series sums three vectors side by side (2026-11-30) its final compilation comes later: `irg bench
     * --dist gamma --quantity grad --precision f32 --n 1000000 --threads 1` measured 1.04-1.12e8 elements/s after
     * 2^23 elements of warm-up, 1.58-1.66e8 with 30 timed runs, and CpuTime on 200 000 report inputs settled after
     * 2.5e7 elements: 2^25 now.
     */
    static final long MIN_WARMUP_ELEMENTS = 1L << 25;
    /** The element condition is dropped after this much warm-up (slow backends, e.g. scalar Beta at 1e6/s, would wait long). */
    static final long ELEMENTS_WARMUP_CAP_NANOS = 1_500_000_000L;
    /** Consecutive warm-up runs that must agree before timing starts. */
    static final int SETTLED_RUNS = 3;
    /** Largest ratio of the slowest to the fastest of those runs that counts as settled. */
    static final double SETTLED_RATIO = 1.15;

    private Timing() {
    }

    /** Median seconds of {@code reps} timed runs of {@code action}, after warm-up (at least one run). */
    static double medianSeconds(Runnable action, int reps) {
        return medianSeconds(action, reps, WARMUP_NANOS);
    }

    /** As {@link #medianSeconds(Runnable, int)} with a given minimum warm-up time. */
    static double medianSeconds(Runnable action, int reps, long warmupNanos) {
        return medianSeconds(action, reps, warmupNanos, Math.max(warmupNanos, MAX_WARMUP_NANOS));
    }

    /** As above, with the warm-up cut at {@code maxWarmupNanos} whether or not the run times have settled. */
    static double medianSeconds(Runnable action, int reps, long warmupNanos, long maxWarmupNanos) {
        return medianSeconds(action, reps, warmupNanos, maxWarmupNanos, 0);
    }

    /**
     * As above for an action that processes {@code elementsPerRun} elements: the warm-up also lasts until
     * {@link #MIN_WARMUP_ELEMENTS} elements have been processed (0: no such condition).
     */
    static double medianSeconds(Runnable action, int reps, long warmupNanos, long maxWarmupNanos, long elementsPerRun) {
        long start = System.nanoTime();
        long minRuns = elementsPerRun > 0 ? (MIN_WARMUP_ELEMENTS + elementsPerRun - 1) / elementsPerRun : 0;
        long[] last = new long[SETTLED_RUNS];
        int w = 0;
        while (true) {
            long t0 = System.nanoTime();
            action.run();
            long t1 = System.nanoTime();
            last[w % SETTLED_RUNS] = t1 - t0;
            w++;
            long elapsed = t1 - start;
            boolean enoughElements = w >= minRuns || elapsed >= ELEMENTS_WARMUP_CAP_NANOS;
            if (elapsed >= maxWarmupNanos || (elapsed >= warmupNanos && w >= SETTLED_RUNS && enoughElements && settled(last))) {
                break;
            }
        }
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

    private static boolean settled(long[] runs) {
        long lo = Long.MAX_VALUE, hi = 0;
        for (long r : runs) {
            lo = Math.min(lo, r);
            hi = Math.max(hi, r);
        }
        return hi <= SETTLED_RATIO * lo;
    }
}
