package dev.irg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

/** The split of a batch into chunks (CpuPool.forEachChunk): coverage, alignment, balancing, failures. */
class CpuPoolTest {

    @Test
    void everyElementExactlyOnceWithAlignedBoundaries() {
        long[][] cases = {{0, 1, 2}, {1, 1, 2}, {100, 16, 2}, {16_384, 16_384, 2}, {32_768, 16_384, 2},
            {1_000_003, 16_384, 2}, {1_000_003, 16_384, 3}, {777_777, 1000, 7}, {5000, 1, 4}};
        for (long[] c : cases) {
            int n = (int) c[0];
            AtomicLongArray seen = new AtomicLongArray(n);
            AtomicInteger chunks = new AtomicInteger();
            CpuPool.forEachChunk(n, c[1], (int) c[2], (from, count) -> {
                chunks.incrementAndGet();
                assertTrue(count > 0 || n == 0, "empty chunk");
                assertTrue(from % 64 == 0, "chunk start " + from + " not a multiple of 64");
                for (long i = from; i < from + count; i++) {
                    seen.incrementAndGet((int) i);
                }
            });
            for (int i = 0; i < n; i++) {
                assertEquals(1, seen.get(i), "element " + i + " of n = " + n);
            }
            long workers = Math.min(c[2], n / c[1]);
            if (workers > 1) {
                long len = chunkOf(n, c[1], (int) workers);
                assertEquals((n + len - 1) / len, chunks.get(), "n = " + n + ": chunks of " + len);
                assertTrue(chunks.get() <= workers * CpuPool.CHUNKS_PER_WORKER, "n = " + n + ": " + chunks.get() + " chunks");
                if (n >= 1_000_000) {
                    assertTrue(chunks.get() >= 4 * workers, "n = " + n + ": " + chunks.get() + " chunks for " + workers + " workers");
                }
            } else {
                assertEquals(1, chunks.get(), "n = " + n + " is not split");
            }
        }
    }

    /**
     * A worker held on its first chunk does not hold up the rest of the batch: the other worker takes every
     * remaining chunk, and only then is the first released. A split into one fixed range per worker would
     * wait here until the latch's timeout.
     */
    @Test
    void aSlowWorkerLeavesItsShareToTheOthers() throws InterruptedException {
        long n = 1 << 20;
        CountDownLatch othersDone = new CountDownLatch(1);
        AtomicLong done = new AtomicLong();
        AtomicInteger waited = new AtomicInteger();
        CpuPool.forEachChunk(n, 1024, 2, (from, count) -> {
            if (from == 0) {
                try {
                    if (othersDone.await(60, TimeUnit.SECONDS)) {
                        waited.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (done.addAndGet(count) == n - Math.min(n, chunkOf(n, 1024, 2))) {
                othersDone.countDown();
            }
        });
        assertEquals(1, waited.get(), "the first chunk was released only after the others, by the other worker");
        assertEquals(n, done.get());
    }

    /**
     * The chunk length forEachChunk documents for n elements on {@code workers} workers: n over
     * CHUNKS_PER_WORKER chunks per worker, at least minPerTask, rounded up to a multiple of 64.
     */
    private static long chunkOf(long n, long minPerTask, int workers) {
        long c = Math.max(minPerTask, (n + workers * CpuPool.CHUNKS_PER_WORKER - 1) / (workers * CpuPool.CHUNKS_PER_WORKER));
        return (c + 63) / 64 * 64;
    }

    @Test
    void theFirstFailureIsRethrownAfterEveryWorkerStopped() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicInteger running = new AtomicInteger();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> CpuPool.forEachChunk(1 << 20, 1024, 2, (from, count) -> {
                    running.incrementAndGet();
                    try {
                        if (from == 2 * chunkOf(1 << 20, 1024, 2)) {
                            throw boom;
                        }
                    } finally {
                        running.decrementAndGet();
                    }
                }));
        assertSame(boom, thrown);
        assertEquals(0, running.get(), "a chunk was still running when forEachChunk returned");
    }

    @Test
    void errorsPropagateUnwrapped() {
        AssertionError err = new AssertionError("inner");
        AssertionError thrown = assertThrows(AssertionError.class, () -> CpuPool.forEachChunk(1 << 16, 1024, 2, (from, count) -> {
            if (from > 0) {
                throw err;
            }
        }));
        assertSame(err, thrown);
    }
}
