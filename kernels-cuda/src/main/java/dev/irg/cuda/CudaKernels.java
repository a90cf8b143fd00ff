package dev.irg.cuda;

import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.Vec;
import dev.irg.internal.Log;
import dev.irg.spi.Batch;
import dev.irg.spi.Kernels;
import java.lang.System.Logger.Level;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Host-array batches on the GPU. A batch is cut into chunks; chunk k goes to stream k mod 2 of a
 * {@link Lane} (two streams with their own pinned staging buffers and device buffers, reused
 * across calls and taken from a pool, so concurrent callers each get their own): while the GPU
 * copies in, computes and copies out one chunk, the CPU stages the next one into the other
 * stream's pinned buffers. Device out-of-memory makes the chunks smaller instead of failing; a
 * lane that saw an error is freed, so the next call starts from clean buffers.
 */
final class CudaKernels implements Kernels, AutoCloseable {
    /**
     * Elements per chunk: 2^20 (8 MiB per float64 operand): large enough that a chunk's copies run
     * near the PCIe bandwidth (transfers of a few MiB reach it), small enough that the first and
     * last chunks, which do not overlap, are a small part of a large batch. Override with
     * {@code -Dirg.cuda.chunk=N}.
     */
    static final int DEFAULT_CHUNK = 1 << 20;
    /** Below this the chunk is not halved further after an out-of-memory: the device is unusable. */
    static final int MIN_CHUNK = 1 << 12;

    private final Gpu gpu;
    private final ConcurrentLinkedDeque<Lane> lanes = new ConcurrentLinkedDeque<>();
    private volatile int chunk;

    CudaKernels(CudaDevice device) {
        this(new JCudaGpu(device), Integer.getInteger("irg.cuda.chunk", DEFAULT_CHUNK));
    }

    /** With {@code chunk} elements per chunk (at least {@link #MIN_CHUNK}). */
    CudaKernels(CudaDevice device, int chunk) {
        this(new JCudaGpu(device), chunk);
    }

    /** On {@code gpu} (a real or a simulated device), {@code chunk} elements per chunk. */
    CudaKernels(Gpu gpu, int chunk) {
        this.gpu = gpu;
        this.chunk = Math.max(MIN_CHUNK, chunk);
    }

    @Override
    public boolean supports(Op op, Precision precision) {
        return gpu.supports(op, precision);
    }

    /** Current elements per chunk (smaller after an out-of-memory). */
    int chunk() {
        return chunk;
    }

    /** Lanes idle in the pool (for tests). */
    int idleLanes() {
        return lanes.size();
    }

    @Override
    public void evaluate(Batch b) {
        run(b, null);
    }

    /**
     * Both operations by one kernel where the device has it (the Beta pairs: irg_PAIR_BETA_GRAD, irg_PAIR_BETA_DCDF,
     * one evaluation per element and the operands copied once), else one after the other (the SPI's default).
     */
    @Override
    public void evaluatePair(Batch first, Batch second) {
        if (!gpu.supportsPair(first.op(), second.op(), first.precision())) {
            Kernels.super.evaluatePair(first, second);
            return;
        }
        run(first, second);
    }

    /** {@code b} (and with {@code second}, not null, both by their pair kernel) on a lane of the pool. */
    private void run(Batch b, Batch second) {
        if (b.n() == 0) {
            return;
        }
        gpu.makeCurrent();
        while (true) {
            Lane lane = lanes.pollFirst();
            try {
                if (lane == null || lane.chunk > chunk) {
                    if (lane != null) {
                        lane.free();
                    }
                    lane = null;
                    lane = new Lane(chunk);
                }
                lane.run(b, second);
                lanes.offerFirst(lane);
                return;
            } catch (Cu.CudaException e) {
                if (lane != null) {
                    lane.free();
                }
                if (e.outOfMemory() && chunk > MIN_CHUNK) {
                    int smaller = Math.max(MIN_CHUNK, chunk / 2);
                    chunk = smaller;
                    freeIdleLanes();
                    Log.once(Level.INFO, "irg: CUDA out of memory; chunks reduced to " + smaller + " elements");
                    continue; // the whole batch again: every output is rewritten
                }
                throw e;
            }
        }
    }

    /**
     * Frees the pinned and device buffers of the idle lanes (the provider's instance lives as long
     * as the process; other instances, e.g. in tests, are closed when done).
     */
    @Override
    public void close() {
        freeIdleLanes();
    }

    private void freeIdleLanes() {
        for (Lane l; (l = lanes.pollFirst()) != null;) {
            l.free();
        }
    }

    /**
     * Two streams, each with pinned host and device buffers for the operands of a chunk: three inputs and the output,
     * and a pair's second output once the lane has run a pair ({@link #ensurePairBuffers}: single-operation calls do not
     * pay for it).
     */
    private final class Lane {
        static final int P0 = 0, P1 = 1, X = 2, OUT = 3, OUT2 = 4;
        static final int BUFFERS = 5;
        final int chunk;
        final long bytes;
        final Gpu.Stream[] streams = new Gpu.Stream[2];
        final Gpu.Buffer[][] dev = new Gpu.Buffer[2][BUFFERS];
        final Gpu.Staging[][] host = new Gpu.Staging[2][BUFFERS];
        /** For each stream, the chunk whose results it still holds: from, count (count 0: none). */
        final long[][] pending = new long[2][2];
        final String[] lastKernel = new String[2];

        Lane(int chunk) {
            this.chunk = chunk;
            this.bytes = (long) chunk * Double.BYTES;
            try {
                for (int s = 0; s < 2; s++) {
                    streams[s] = gpu.createStream();
                    for (int j = 0; j < OUT2; j++) {
                        dev[s][j] = gpu.alloc(bytes);
                        host[s][j] = gpu.allocPinned(bytes);
                    }
                }
            } catch (RuntimeException e) {
                free();
                throw e;
            }
        }

        /** Allocates the second output's buffers of both streams (a failure propagates; the caller frees the lane). */
        void ensurePairBuffers() {
            for (int s = 0; s < 2; s++) {
                if (dev[s][OUT2] == null) {
                    dev[s][OUT2] = gpu.alloc(bytes);
                }
                if (host[s][OUT2] == null) {
                    host[s][OUT2] = gpu.allocPinned(bytes);
                }
            }
        }

        /** {@code b}, or with {@code second} (same operands) both by their pair kernel. */
        void run(Batch b, Batch second) {
            if (second != null) {
                ensurePairBuffers();
            }
            Precision pr = b.precision();
            int es = pr.bytes();
            long n = b.n();
            String kernel = second == null ? CudaRuntime.kernelName(b.op(), pr)
                    : CudaRuntime.pairKernel(b.op(), second.op(), pr).name();
            Vec out2 = second == null ? null : second.out();
            Vec[] in = {b.p0(), b.p1(), b.x()};
            try {
                long k = 0;
                for (long from = 0; from < n; from += chunk, k++) {
                    int s = (int) (k & 1);
                    drain(s, b.out(), out2, es);
                    long count = Math.min(chunk, n - from);
                    long nb = count * es;
                    Gpu.Stream st = streams[s];
                    for (int j = 0; j < 3; j++) {
                        if (!in[j].isScalar()) {
                            MemorySegment.copy(in[j].segment(), from * es, host[s][j].segment(), 0, nb);
                            gpu.copyIn(dev[s][j], host[s][j], nb, st);
                        }
                    }
                    Gpu.Buffer d0 = in[P0].isScalar() ? null : dev[s][P0];
                    double s0 = in[P0].isScalar() ? in[P0].scalarValue() : 0;
                    Gpu.Buffer d1 = in[P1].isScalar() ? null : dev[s][P1];
                    double s1 = in[P1].isScalar() ? in[P1].scalarValue() : 0;
                    if (second == null) {
                        gpu.launch(b.op(), pr, count, d0, s0, d1, s1, dev[s][X], dev[s][OUT], st);
                    } else {
                        gpu.launchPair(b.op(), second.op(), pr, count, d0, s0, d1, s1, dev[s][X], dev[s][OUT],
                                dev[s][OUT2], st);
                    }
                    gpu.copyOut(host[s][OUT], dev[s][OUT], nb, st);
                    if (second != null) {
                        gpu.copyOut(host[s][OUT2], dev[s][OUT2], nb, st);
                    }
                    pending[s][0] = from;
                    pending[s][1] = count;
                    lastKernel[s] = kernel;
                }
                drain(0, b.out(), out2, es);
                drain(1, b.out(), out2, es);
            } finally {
                pending[0][1] = 0;
                pending[1][1] = 0;
            }
        }

        /** Waits for stream s and copies the results it holds into {@code out} (and a pair's second into {@code out2}). */
        private void drain(int s, Vec out, Vec out2, int es) {
            long count = pending[s][1];
            if (count == 0) {
                return;
            }
            gpu.sync(streams[s], lastKernel[s]);
            MemorySegment.copy(host[s][OUT].segment(), 0, out.segment(), pending[s][0] * es, count * es);
            if (out2 != null) {
                MemorySegment.copy(host[s][OUT2].segment(), 0, out2.segment(), pending[s][0] * es, count * es);
            }
            pending[s][1] = 0;
        }

        /** Frees everything this lane holds (errors ignored: the lane is being discarded). */
        void free() {
            for (int s = 0; s < 2; s++) {
                if (streams[s] != null) {
                    gpu.free(streams[s]);
                    streams[s] = null;
                }
                for (int j = 0; j < BUFFERS; j++) {
                    if (dev[s][j] != null) {
                        gpu.free(dev[s][j]);
                        dev[s][j] = null;
                    }
                    if (host[s][j] != null) {
                        gpu.free(host[s][j]);
                        host[s][j] = null;
                    }
                }
            }
        }
    }
}
