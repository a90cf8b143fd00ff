package dev.irg.cuda;

import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.math.IncompleteBeta;
import dev.irg.math.Reference;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jcuda.driver.CUresult;

/**
 * A simulated device for testing the host path's scheduling without a GPU. Streams are really
 * asynchronous: every enqueued copy and kernel runs only when its stream is synchronised, so a
 * result read before its stream is synchronised is stale and a test sees it. Kernels compute with
 * the scalar reference. Failures can be injected: allocations above a size fail with
 * CUDA_ERROR_OUT_OF_MEMORY, and the N-th launch with CUDA_ERROR_LAUNCH_FAILED.
 */
final class FakeGpu implements Gpu {
    /** Allocations larger than this fail with out-of-memory. */
    volatile long maxAllocation = Long.MAX_VALUE;
    /** The launch with this 1-based number fails (0: none). */
    volatile int failLaunch;
    final AtomicInteger launches = new AtomicInteger();
    final AtomicLong live = new AtomicLong(); // allocated, not yet freed objects

    private record Mem(MemorySegment segment, Arena arena) implements Buffer, Staging {
    }

    private static final class Q implements Stream {
        final ArrayDeque<Runnable> work = new ArrayDeque<>();
    }

    @Override
    public void makeCurrent() {
    }

    @Override
    public boolean supports(Op op, Precision precision) {
        return true;
    }

    @Override
    public Stream createStream() {
        live.incrementAndGet();
        return new Q();
    }

    private Mem mem(long bytes, String call) {
        if (bytes > maxAllocation) {
            throw new Cu.CudaException(CUresult.CUDA_ERROR_OUT_OF_MEMORY, call + "(" + bytes + ") failed: CUDA_ERROR_OUT_OF_MEMORY (simulated)");
        }
        live.incrementAndGet();
        Arena a = Arena.ofShared();
        return new Mem(a.allocate(bytes, 8), a);
    }

    @Override
    public Buffer alloc(long bytes) {
        return mem(bytes, "cuMemAlloc");
    }

    @Override
    public Staging allocPinned(long bytes) {
        return mem(bytes, "cuMemAllocHost");
    }

    @Override
    public void copyIn(Buffer dst, Staging src, long bytes, Stream s) {
        // the copy reads the staging buffer when it runs, as a DMA engine would
        ((Q) s).work.add(() -> MemorySegment.copy(((Mem) src).segment(), 0, ((Mem) dst).segment(), 0, bytes));
    }

    @Override
    public void copyOut(Staging dst, Buffer src, long bytes, Stream s) {
        ((Q) s).work.add(() -> MemorySegment.copy(((Mem) src).segment(), 0, ((Mem) dst).segment(), 0, bytes));
    }

    @Override
    public void launch(Op op, Precision pr, long n, Buffer p0, double p0s, Buffer p1, double p1s, Buffer x, Buffer out,
            Stream s) {
        int number = launches.incrementAndGet();
        if (number == failLaunch) {
            throw new Cu.CudaException(CUresult.CUDA_ERROR_LAUNCH_FAILED, "cuLaunchKernel failed for kernel "
                    + CudaRuntime.kernelName(op, pr) + ": CUDA_ERROR_LAUNCH_FAILED (simulated)");
        }
        Reference.Fn f = Reference.of(op);
        ((Q) s).work.add(() -> {
            for (long i = 0; i < n; i++) {
                double a = p0 == null ? p0s : get(p0, pr, i);
                double b = p1 == null ? p1s : get(p1, pr, i);
                double v = f.apply(a, b, get(x, pr, i));
                MemorySegment o = ((Mem) out).segment();
                if (pr == Precision.F64) {
                    o.setAtIndex(ValueLayout.JAVA_DOUBLE, i, v);
                } else {
                    o.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) v);
                }
            }
        });
    }

    /** Counts pair launches among {@link #launches}. */
    final AtomicInteger pairLaunches = new AtomicInteger();

    @Override
    public boolean supportsPair(Op op0, Op op1, Precision precision) {
        return CudaRuntime.pairKernel(op0, op1, precision) != null;
    }

    /**
     * As the pair kernels: a fixed order of outputs (irg_PAIR_BETA_GRAD writes dz/da then dz/db, irg_PAIR_BETA_DCDF
     * dI/da then dI/db), both from one scalar evaluation per element, into the buffers CudaRuntime.PairKernel maps
     * them to (as CudaDevice.launchPairCurrent passes them), so that a wrong swap shows in the host-path tests.
     */
    @Override
    public void launchPair(Op op0, Op op1, Precision pr, long n, Buffer p0, double p0s, Buffer p1, double p1s, Buffer x,
            Buffer out0, Buffer out1, Stream s) {
        int number = launches.incrementAndGet();
        pairLaunches.incrementAndGet();
        CudaRuntime.PairKernel k = CudaRuntime.pairKernel(op0, op1, pr);
        if (number == failLaunch) {
            throw new Cu.CudaException(CUresult.CUDA_ERROR_LAUNCH_FAILED, "cuLaunchKernel failed for kernel "
                    + k.name() + ": CUDA_ERROR_LAUNCH_FAILED (simulated)");
        }
        boolean grad = k.name().startsWith("irg_PAIR_BETA_GRAD");
        int w0 = grad ? IncompleteBeta.OUT_GRAD_A : IncompleteBeta.OUT_DCDF_DA;
        int w1 = grad ? IncompleteBeta.OUT_GRAD_B : IncompleteBeta.OUT_DCDF_DB;
        Buffer k0 = k.kernelOut0(out0, out1);
        Buffer k1 = k.kernelOut1(out0, out1);
        ((Q) s).work.add(() -> {
            double[] r = new double[IncompleteBeta.OUT_LENGTH];
            for (long i = 0; i < n; i++) {
                double a = p0 == null ? p0s : get(p0, pr, i);
                double b = p1 == null ? p1s : get(p1, pr, i);
                IncompleteBeta.evaluate(a, b, get(x, pr, i), r);
                set(k0, pr, i, r[w0]);
                set(k1, pr, i, r[w1]);
            }
        });
    }

    private static void set(Buffer b, Precision pr, long i, double v) {
        MemorySegment o = ((Mem) b).segment();
        if (pr == Precision.F64) {
            o.setAtIndex(ValueLayout.JAVA_DOUBLE, i, v);
        } else {
            o.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) v);
        }
    }

    private static double get(Buffer b, Precision pr, long i) {
        MemorySegment m = ((Mem) b).segment();
        return pr == Precision.F64 ? m.getAtIndex(ValueLayout.JAVA_DOUBLE, i) : m.getAtIndex(ValueLayout.JAVA_FLOAT, i);
    }

    @Override
    public void sync(Stream s, String kernel) {
        ArrayDeque<Runnable> w = ((Q) s).work;
        for (Runnable r; (r = w.pollFirst()) != null;) {
            r.run();
        }
    }

    @Override
    public void free(Buffer b) {
        ((Mem) b).arena().close();
        live.decrementAndGet();
    }

    @Override
    public void free(Staging h) {
        ((Mem) h).arena().close();
        live.decrementAndGet();
    }

    @Override
    public void free(Stream s) {
        sync(s, "free");
        live.decrementAndGet();
    }
}
