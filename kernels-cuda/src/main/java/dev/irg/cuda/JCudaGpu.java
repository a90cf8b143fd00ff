package dev.irg.cuda;

import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemAllocHost;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemFreeHost;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoHAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoDAsync;
import static jcuda.driver.JCudaDriver.cuStreamCreate;
import static jcuda.driver.JCudaDriver.cuStreamDestroy;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;

import dev.irg.Op;
import dev.irg.Precision;
import java.lang.foreign.MemorySegment;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;

/** {@link Gpu} on a real device through JCuda's driver API, every result checked. */
final class JCudaGpu implements Gpu {
    private final CudaDevice device;

    JCudaGpu(CudaDevice device) {
        this.device = device;
    }

    private record Dev(CUdeviceptr ptr) implements Buffer {
    }

    private record Host(Pointer ptr, MemorySegment segment) implements Staging {
    }

    private record Str(CUstream stream) implements Stream {
    }

    @Override
    public void makeCurrent() {
        device.runtime().makeCurrent();
    }

    @Override
    public boolean supports(Op op, Precision precision) {
        return device.supports(op, precision);
    }

    @Override
    public Stream createStream() {
        CUstream s = new CUstream();
        Cu.check(cuStreamCreate(s, CUstream_flags.CU_STREAM_NON_BLOCKING), "cuStreamCreate");
        return new Str(s);
    }

    @Override
    public Buffer alloc(long bytes) {
        CUdeviceptr d = new CUdeviceptr();
        Cu.check(cuMemAlloc(d, bytes), "cuMemAlloc(" + bytes + ")");
        return new Dev(d);
    }

    @Override
    public Staging allocPinned(long bytes) {
        Pointer h = new Pointer();
        Cu.check(cuMemAllocHost(h, bytes), "cuMemAllocHost(" + bytes + ")");
        return new Host(h, MemorySegment.ofBuffer(h.getByteBuffer(0, bytes)));
    }

    @Override
    public void copyIn(Buffer dst, Staging src, long bytes, Stream s) {
        Cu.check(cuMemcpyHtoDAsync(((Dev) dst).ptr(), ((Host) src).ptr(), bytes, ((Str) s).stream()), "cuMemcpyHtoDAsync");
    }

    @Override
    public void copyOut(Staging dst, Buffer src, long bytes, Stream s) {
        Cu.check(cuMemcpyDtoHAsync(((Host) dst).ptr(), ((Dev) src).ptr(), bytes, ((Str) s).stream()), "cuMemcpyDtoHAsync");
    }

    @Override
    public void launch(Op op, Precision precision, long n, Buffer p0, double p0Scalar, Buffer p1, double p1Scalar, Buffer x,
            Buffer out, Stream s) {
        device.launchCurrent(op, precision, n, p0 == null ? null : ((Dev) p0).ptr(), p0Scalar,
                p1 == null ? null : ((Dev) p1).ptr(), p1Scalar, ((Dev) x).ptr(), ((Dev) out).ptr(), ((Str) s).stream());
    }

    @Override
    public boolean supportsPair(Op op0, Op op1, Precision precision) {
        return device.supportsPair(op0, op1, precision);
    }

    @Override
    public void launchPair(Op op0, Op op1, Precision precision, long n, Buffer p0, double p0Scalar, Buffer p1,
            double p1Scalar, Buffer x, Buffer out0, Buffer out1, Stream s) {
        device.launchPairCurrent(op0, op1, precision, n, p0 == null ? null : ((Dev) p0).ptr(), p0Scalar,
                p1 == null ? null : ((Dev) p1).ptr(), p1Scalar, ((Dev) x).ptr(), ((Dev) out0).ptr(), ((Dev) out1).ptr(),
                ((Str) s).stream());
    }

    @Override
    public void sync(Stream s, String kernel) {
        Cu.check(cuStreamSynchronize(((Str) s).stream()), "cuStreamSynchronize", kernel);
    }

    @Override
    public void free(Buffer b) {
        cuMemFree(((Dev) b).ptr());
    }

    @Override
    public void free(Staging h) {
        cuMemFreeHost(((Host) h).ptr());
    }

    @Override
    public void free(Stream s) {
        cuStreamSynchronize(((Str) s).stream());
        cuStreamDestroy(((Str) s).stream());
    }
}
