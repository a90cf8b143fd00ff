package dev.irg.cuda;

import static jcuda.driver.JCudaDriver.cuLaunchKernel;

import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.spi.BackendException;
import dev.irg.spi.SamplerKernels;
import java.util.Objects;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
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

    /**
     * Loads a module of one's own kernels into irg's context: {@code NAME.fatbin} from the resources of
     * {@code anchor} in folder {@code dir} (e.g. "/dev/irg/examples/cuda/"), or {@code NAME.ptx} when the
     * driver refuses the fatbin, as irg loads its own. Returns the module and a description of the image
     * loaded; throws {@link BackendException} saying why when neither loads.
     */
    public Loaded loadModule(Class<?> anchor, String dir, String name) {
        rt.makeCurrent();
        try {
            CudaRuntime.Module m = CudaRuntime.loadModule(anchor, dir, name);
            if (m.module() == null) {
                throw new BackendException("the CUDA module " + name + " could not be loaded: " + m.image());
            }
            return new Loaded(m.module(), m.image());
        } catch (java.io.IOException e) {
            throw new BackendException("the CUDA module " + name + " could not be read: " + e.getMessage());
        }
    }

    /** A module loaded by {@link #loadModule}, and which image ("NAME.fatbin", or the PTX and why). */
    public record Loaded(CUmodule module, String image) {
    }

    /** Multiprocessors of the device (grids of grid-stride kernels: at most {@link #BLOCKS_PER_SM} blocks per SM). */
    public int multiprocessors() {
        return rt.multiprocessors;
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
        Cu.check(cuLaunchKernel(f, grid(n), 1, 1, BLOCK, 1, 1, 0, stream, params, null), "cuLaunchKernel",
                CudaRuntime.kernelName(op, precision));
    }

    /** Whether one kernel computes {@code op0} with {@code op1} in {@code precision} (the Beta pairs). */
    boolean supportsPair(Op op0, Op op1, Precision precision) {
        CudaRuntime.PairKernel k = CudaRuntime.pairKernel(op0, op1, precision);
        return k != null && rt.hasKernel(k.name());
    }

    /**
     * Enqueues {@code out0 = op0(...)} and {@code out1 = op1(...)} by their pair kernel ({@link #supportsPair}), the
     * context already current and the arguments checked.
     */
    void launchPairCurrent(Op op0, Op op1, Precision precision, long n, CUdeviceptr p0, double p0Scalar, CUdeviceptr p1,
            double p1Scalar, CUdeviceptr x, CUdeviceptr out0, CUdeviceptr out1, CUstream stream) {
        CudaRuntime.PairKernel k = CudaRuntime.pairKernel(op0, op1, precision);
        if (k == null) {
            throw new UnsupportedOperationException("no CUDA kernel computes " + op0 + " with " + op1);
        }
        CUfunction f = rt.function(k.name());
        Pointer params = Pointer.to(
                Pointer.to(new long[] {n}),
                Pointer.to(p0 != null ? p0 : new CUdeviceptr()), Pointer.to(new double[] {p0Scalar}),
                Pointer.to(p1 != null ? p1 : new CUdeviceptr()), Pointer.to(new double[] {p1Scalar}),
                Pointer.to(x), Pointer.to(k.kernelOut0(out0, out1)), Pointer.to(k.kernelOut1(out0, out1)));
        Cu.check(cuLaunchKernel(f, grid(n), 1, 1, BLOCK, 1, 1, 0, stream, params, null), "cuLaunchKernel", k.name());
    }

    /**
     * Enqueues irg's sampler of {@code kind} (GAMMA, GAMMA_LOG, BETA or VONMISES; not DIRICHLET) on
     * {@code stream}: {@code out[i]} = the sample of element {@code first + i} of the Philox stream
     * {@code seed} (the counter layout of docs/sampling.md, so the same samples as the CPU samplers),
     * {@code i < n}; with {@code g0}/{@code g1} non-null, the fused rsample's gradients (for Gamma
     * dz/dalpha and dz/drate). A null parameter pointer broadcasts the scalar beside it. No copies, no
     * synchronisation; launch errors throw {@link BackendException} naming the kernel.
     */
    public void sample(SamplerKernels.Kind kind, Precision precision, long n, long seed, long first, CUdeviceptr p0,
            double p0Scalar, CUdeviceptr p1, double p1Scalar, CUdeviceptr out, CUdeviceptr g0, CUdeviceptr g1,
            CUstream stream) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(out, "out");
        if (kind == SamplerKernels.Kind.DIRICHLET) {
            throw new IllegalArgumentException("Dirichlet rows have their own kernel signature; use the Sampling API");
        }
        if (n < 0) {
            throw new IllegalArgumentException("n = " + n + " < 0");
        }
        String kernel = CudaSamplers.kernelName(kind, precision);
        if (!rt.hasKernel(kernel)) {
            throw new UnsupportedOperationException("no CUDA kernel " + kernel);
        }
        if (n == 0) {
            return;
        }
        rt.makeCurrent();
        sampleCurrent(kernel, n, seed, first, p0, p0Scalar, p1, p1Scalar, out, g0, g1, stream);
    }

    /** As {@link #sample}, the context already current and the arguments checked. */
    void sampleCurrent(String kernel, long n, long seed, long first, CUdeviceptr p0, double p0Scalar, CUdeviceptr p1,
            double p1Scalar, CUdeviceptr out, CUdeviceptr g0, CUdeviceptr g1, CUstream stream) {
        Pointer params = Pointer.to(Pointer.to(new long[] {n}), Pointer.to(new long[] {seed}),
                Pointer.to(new long[] {first}), Pointer.to(orNull(p0)), Pointer.to(new double[] {p0Scalar}),
                Pointer.to(orNull(p1)), Pointer.to(new double[] {p1Scalar}), Pointer.to(out), Pointer.to(orNull(g0)),
                Pointer.to(orNull(g1)));
        Cu.check(cuLaunchKernel(rt.function(kernel), grid(n), 1, 1, BLOCK, 1, 1, 0, stream, params, null),
                "cuLaunchKernel", kernel);
    }

    /** Blocks of a grid-stride launch over {@code threads} threads. */
    int grid(long threads) {
        return (int) Math.min((threads + BLOCK - 1) / BLOCK, (long) rt.multiprocessors * BLOCKS_PER_SM);
    }

    private static CUdeviceptr orNull(CUdeviceptr p) {
        return p != null ? p : new CUdeviceptr();
    }

    CudaRuntime runtime() {
        return rt;
    }
}
