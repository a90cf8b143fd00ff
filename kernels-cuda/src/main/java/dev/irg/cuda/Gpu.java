package dev.irg.cuda;

import dev.irg.Op;
import dev.irg.Precision;
import java.lang.foreign.MemorySegment;

/**
 * The few device operations the chunked host path ({@link CudaKernels}) needs, so that its
 * scheduling (chunks, two streams, pinned staging, out-of-memory retry, discarding a lane after an
 * error) is one piece of code, run on the GPU through JCuda ({@link JCudaGpu}) and tested on every
 * CI run against a simulated device whose streams really are asynchronous (CudaKernelsHostPathTest).
 * Every method that talks to the device throws {@link Cu.CudaException} on failure; the
 * {@code free*} methods never throw.
 */
interface Gpu {
    /** Device memory. */
    interface Buffer {
    }

    /** Pinned host memory with its contents as a segment. */
    interface Staging {
        MemorySegment segment();
    }

    /** A stream: operations on one stream run in order, streams run concurrently. */
    interface Stream {
    }

    /** Makes this device's context current on the calling thread. */
    void makeCurrent();

    boolean supports(Op op, Precision precision);

    Stream createStream();

    Buffer alloc(long bytes);

    Staging allocPinned(long bytes);

    /** Enqueues host-to-device copy of the first {@code bytes} of {@code src}. */
    void copyIn(Buffer dst, Staging src, long bytes, Stream s);

    /** Enqueues device-to-host copy into the first {@code bytes} of {@code dst}. */
    void copyOut(Staging dst, Buffer src, long bytes, Stream s);

    /** Enqueues {@code out = op(p0, p1, x)} on n elements; a null p0/p1 broadcasts the scalar. */
    void launch(Op op, Precision precision, long n, Buffer p0, double p0Scalar, Buffer p1, double p1Scalar, Buffer x,
            Buffer out, Stream s);

    /** Whether {@link #launchPair} has one kernel for {@code op0} with {@code op1} in {@code precision}. */
    boolean supportsPair(Op op0, Op op1, Precision precision);

    /**
     * Enqueues {@code out0 = op0(p0, p1, x)} and {@code out1 = op1(p0, p1, x)} on n elements by one kernel
     * ({@link #supportsPair}); a null p0/p1 broadcasts the scalar.
     */
    void launchPair(Op op0, Op op1, Precision precision, long n, Buffer p0, double p0Scalar, Buffer p1, double p1Scalar,
            Buffer x, Buffer out0, Buffer out1, Stream s);

    /** Waits for everything enqueued on {@code s}; errors name {@code kernel}. */
    void sync(Stream s, String kernel);

    void free(Buffer b);

    void free(Staging h);

    void free(Stream s);
}
