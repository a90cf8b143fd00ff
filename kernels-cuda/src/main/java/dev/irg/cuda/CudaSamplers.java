package dev.irg.cuda;

import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;

import dev.irg.Precision;
import dev.irg.Vec;
import dev.irg.spi.SamplerKernels;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;

/**
 * The CUDA backend's samplers and fused rsample: the kernels {@code irg_sample_<KIND>_<f64|f32>}
 * (irg_sampling.cuh, irg_kernels.cu), one element (one Dirichlet row) per thread, the same Philox
 * counter layout and algorithms as the scalar samplers. A request is cut into slices of at most
 * {@link #SLICE} elements (whole rows); each slice is copied in, sampled and copied out
 * synchronously in irg's primary context, its device buffers freed before the next. Simple rather
 * than overlapped: this path has not run on a GPU yet (docs/cuda.md), the pipelined host path of
 * {@link CudaKernels} is the model for a faster one.
 *
 * <p>Samples equal the scalar backend's bit for bit wherever CUDA's {@code log}, {@code cos}, ...
 * return the same bits as {@code java.lang.Math}; nvcc also contracts {@code a*b + c} into fused
 * multiply-adds. Either can move a sample by an ulp or, with probability of that order, flip a
 * rejection decision (docs/sampling.md); the host-compiled test measures the agreement.
 */
final class CudaSamplers implements SamplerKernels {
    /** Elements (components) per slice: 2^24, 128 MiB of float64 per operand. */
    static final long SLICE = 1L << 24;

    private final CudaDevice device;

    CudaSamplers(CudaDevice device) {
        this.device = device;
    }

    static String kernelName(Kind kind, Precision precision) {
        return "irg_sample_" + kind.name() + "_" + precision.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean supports(Kind kind, boolean withGrad, Precision precision) {
        return device.runtime().hasKernel(kernelName(kind, precision));
    }

    @Override
    public void sample(Request r) {
        long perSlice = Math.max(1, SLICE / r.k());
        for (long from = 0; from < r.n(); from += perSlice) {
            long count = Math.min(perSlice, r.n() - from);
            run(from == 0 && count == r.n() ? r : r.slice(from, count));
        }
    }

    private void run(Request r) {
        long len = r.n() * r.k();
        if (len == 0) {
            return;
        }
        CudaRuntime rt = device.runtime();
        rt.makeCurrent();
        Precision pr = r.precision();
        int es = pr == Precision.F64 ? Double.BYTES : Float.BYTES;
        List<CUdeviceptr> buffers = new ArrayList<>();
        String kernel = kernelName(r.kind(), pr);
        try {
            CUdeviceptr out = alloc(len * es, buffers);
            CUdeviceptr g0 = r.grad0() == null ? null : alloc(len * es, buffers);
            CUdeviceptr g1 = r.grad1() == null ? null : alloc(len * es, buffers);
            if (r.kind() == Kind.DIRICHLET) {
                boolean sharedRow = r.p0IsSharedRow();
                CUdeviceptr alpha = upload(r.p0(), sharedRow ? r.k() : len, buffers);
                CUdeviceptr scratch = alloc(5 * len * Double.BYTES, buffers);
                Pointer params = Pointer.to(Pointer.to(new long[] {r.n()}), Pointer.to(new int[] {r.k()}),
                        Pointer.to(new long[] {r.seed()}), Pointer.to(new long[] {r.first()}),
                        Pointer.to(orNull(alpha)), Pointer.to(new double[] {scalar(r.p0())}),
                        Pointer.to(new int[] {sharedRow ? 1 : 0}), Pointer.to(scratch), Pointer.to(out),
                        Pointer.to(orNull(g0)), Pointer.to(orNull(g1)));
                Cu.check(cuLaunchKernel(rt.function(kernel), device.grid(r.n()), 1, 1, CudaDevice.BLOCK, 1, 1, 0, null, params,
                        null), "cuLaunchKernel", kernel);
            } else {
                CUdeviceptr p0 = upload(r.p0(), len, buffers);
                CUdeviceptr p1 = upload(r.p1(), len, buffers);
                device.sampleCurrent(kernel, len, r.seed(), r.first(), p0, scalar(r.p0()), p1, scalar(r.p1()), out, g0, g1, null);
            }
            Cu.check(cuCtxSynchronize(), "cuCtxSynchronize", kernel);
            download(out, r.out(), len);
            if (g0 != null) {
                download(g0, r.grad0(), len);
            }
            if (g1 != null) {
                download(g1, r.grad1(), len);
            }
        } finally {
            for (CUdeviceptr b : buffers) {
                cuMemFree(b);
            }
        }
    }

    private static double scalar(Vec v) {
        return v != null && v.isScalar() ? v.scalarValue() : 0;
    }

    private static CUdeviceptr orNull(CUdeviceptr p) {
        return p != null ? p : new CUdeviceptr();
    }

    private static CUdeviceptr alloc(long bytes, List<CUdeviceptr> buffers) {
        CUdeviceptr d = new CUdeviceptr();
        Cu.check(cuMemAlloc(d, bytes), "cuMemAlloc(" + bytes + ")");
        buffers.add(d);
        return d;
    }

    /** The first {@code len} elements of {@code v} on the device; null for a scalar or absent operand. */
    private static CUdeviceptr upload(Vec v, long len, List<CUdeviceptr> buffers) {
        if (v == null || v.isScalar()) {
            return null;
        }
        MemorySegment seg = v.segment();
        int n = Math.toIntExact(len);
        if (v.precision() == Precision.F64) {
            double[] a = new double[n];
            MemorySegment.copy(seg, ValueLayout.JAVA_DOUBLE_UNALIGNED, 0, a, 0, n);
            CUdeviceptr d = alloc((long) n * Double.BYTES, buffers);
            Cu.check(cuMemcpyHtoD(d, Pointer.to(a), (long) n * Double.BYTES), "cuMemcpyHtoD");
            return d;
        }
        float[] a = new float[n];
        MemorySegment.copy(seg, ValueLayout.JAVA_FLOAT_UNALIGNED, 0, a, 0, n);
        CUdeviceptr d = alloc((long) n * Float.BYTES, buffers);
        Cu.check(cuMemcpyHtoD(d, Pointer.to(a), (long) n * Float.BYTES), "cuMemcpyHtoD");
        return d;
    }

    private static void download(CUdeviceptr d, Vec v, long len) {
        MemorySegment seg = v.segment();
        int n = Math.toIntExact(len);
        if (v.precision() == Precision.F64) {
            double[] a = new double[n];
            Cu.check(cuMemcpyDtoH(Pointer.to(a), d, (long) n * Double.BYTES), "cuMemcpyDtoH");
            MemorySegment.copy(a, 0, seg, ValueLayout.JAVA_DOUBLE_UNALIGNED, 0, n);
        } else {
            float[] a = new float[n];
            Cu.check(cuMemcpyDtoH(Pointer.to(a), d, (long) n * Float.BYTES), "cuMemcpyDtoH");
            MemorySegment.copy(a, 0, seg, ValueLayout.JAVA_FLOAT_UNALIGNED, 0, n);
        }
    }
}
