package dev.irg.cuda;

import static jcuda.driver.JCudaDriver.cuLaunchKernel;

import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.spi.BackendException;
import java.util.Objects;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUstream;

/**
 * The device-resident API: irg's kernels on operands that already live on the GPU, launched on
 * the caller's stream with no copies and no synchronisation (the caller synchronises the stream
 * when it needs the results).
 *
 * <pre>{@code
 * CudaDevice gpu = CudaDevice.get();            // BackendException when there is no CUDA device
 * cuCtxSetCurrent(gpu.context());                // allocate operands in irg's (primary) context
 * // ... cuMemAlloc alpha, z, out (float32, n elements each) ...
 * gpu.launch(Op.GAMMA_GRAD_ALPHA, Precision.F32, n, alpha, 0, null, 1.0, z, out, stream);
 * }</pre>
 *
 * A {@code null} parameter pointer broadcasts the scalar given beside it over the batch. Pointers
 * must be device (or managed) memory of {@code n} elements of the precision, in the primary
 * context of the device irg uses (device 0, or {@code -Dirg.cuda.device=N}). Thread-safe.
 */
public final class CudaDevice {
    /** Threads per block: a multiple of the warp size; the kernels use no shared memory. */
    public static final int BLOCK = 256;
    /**
     * Grid-stride loops launch at most this many blocks per multiprocessor: enough resident warps
     * to hide memory latency (2048 threads/SM on sm_80/sm_90 = 8 blocks of 256), no more blocks
     * than can be resident at once.
     */
    public static final int BLOCKS_PER_SM = 8;

    private static volatile CudaDevice instance;

    private final CudaRuntime rt;

    private CudaDevice(CudaRuntime rt) {
        this.rt = rt;
    }

    /** The device irg uses; throws {@link BackendException} saying why when there is none. */
    public static CudaDevice get() {
        CudaDevice d = instance;
        if (d == null) {
            synchronized (CudaDevice.class) {
                if (instance == null) {
                    instance = new CudaDevice(CudaRuntime.require());
                }
                d = instance;
            }
        }
        return d;
    }

    /** Whether a CUDA device and irg's kernels are usable here. Never throws. */
    public static boolean isAvailable() {
        return CudaRuntime.open().runtime() != null;
    }

    /** Why {@link #isAvailable()} is false, or a description of the device. Never throws. */
    public static String status() {
        var r = CudaRuntime.open();
        return r.runtime() != null ? r.runtime().describe() : r.why();
    }

    /** The primary context irg's kernels run in. */
    public CUcontext context() {
        return rt.context;
    }

    /** "NVIDIA H100 (sm_90, 132 SMs, 80 GiB), driver 13.0, irg_kernels.fatbin". */
    public String description() {
        return rt.describe();
    }

    /** Whether a kernel exists for {@code op} in {@code precision}. */
    public boolean supports(Op op, Precision precision) {
        return rt.hasKernel(op, precision);
    }

    /**
     * Enqueues {@code out[i] = op(p0[i], p1[i], x[i])}, {@code i < n}, on {@code stream} (null: the
     * legacy default stream). Returns without waiting; errors of the launch itself throw
     * {@link BackendException} naming the kernel.
     */
    public void launch(Op op, Precision precision, long n, CUdeviceptr p0, double p0Scalar, CUdeviceptr p1,
            double p1Scalar, CUdeviceptr x, CUdeviceptr out, CUstream stream) {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(out, "out");
        if (n < 0) {
            throw new IllegalArgumentException("n = " + n + " < 0");
        }
        if (!supports(op, precision)) {
            throw new UnsupportedOperationException("no CUDA kernel for " + op + " in " + precision);
        }
        if (n == 0) {
            return;
        }
        rt.makeCurrent();
        launchCurrent(op, precision, n, p0, p0Scalar, p1, p1Scalar, x, out, stream);
    }

    /** As {@link #launch}, the context already current and the arguments checked. */
    void launchCurrent(Op op, Precision precision, long n, CUdeviceptr p0, double p0Scalar, CUdeviceptr p1,
            double p1Scalar, CUdeviceptr x, CUdeviceptr out, CUstream stream) {
        CUfunction f = rt.function(op, precision);
        Pointer params = Pointer.to(
                Pointer.to(new long[] {n}),
                Pointer.to(p0 != null ? p0 : new CUdeviceptr()), Pointer.to(new double[] {p0Scalar}),
                Pointer.to(p1 != null ? p1 : new CUdeviceptr()), Pointer.to(new double[] {p1Scalar}),
                Pointer.to(x), Pointer.to(out));
        int grid = (int) Math.min((n + BLOCK - 1) / BLOCK, (long) rt.multiprocessors * BLOCKS_PER_SM);
        Cu.check(cuLaunchKernel(f, grid, 1, 1, BLOCK, 1, 1, 0, stream, params, null), "cuLaunchKernel",
                CudaRuntime.kernelName(op, precision));
    }

    CudaRuntime runtime() {
        return rt;
    }
}
