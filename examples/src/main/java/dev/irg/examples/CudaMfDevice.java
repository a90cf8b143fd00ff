package dev.irg.examples;

import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleUnload;

import dev.irg.Precision;
import dev.irg.cuda.Cu;
import dev.irg.cuda.CudaDevice;
import dev.irg.spi.BackendException;
import dev.irg.spi.SamplerKernels;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.jcublas.JCublas2;
import jcuda.jcublas.cublasHandle;
import jcuda.jcublas.cublasOperation;
import jcuda.jcublas.cublasStatus;

/**
 * {@link MfDevice} on an NVIDIA GPU: irg's primary context ({@link CudaDevice}), cuBLAS through JCublas
 * for the products, irg's device-resident {@link CudaDevice#sample} for the Gamma rsample, and the
 * example's kernels from the committed irg_pmf.fatbin (or .ptx). Everything runs in order on the
 * legacy default stream; every CUDA and cuBLAS status is checked and a failure throws
 * {@link BackendException} naming the call and the error.
 */
final class CudaMfDevice implements MfDevice {
    /** The CUDA 12 cuBLAS library JCublas 12.6 links against. */
    static final String CUBLAS_LIBRARY = "libcublas.so.12";
    static final String RESOURCE_DIR = "/dev/irg/examples/cuda/";

    /** What {@link #open()} found: a device, or why there is none. */
    record Result(CudaMfDevice device, String why) {
    }

    private final CudaDevice gpu;
    private final cublasHandle blas;
    private final CUmodule module;
    private final Map<Kernel, CUfunction> functions = new EnumMap<>(Kernel.class);
    private final List<CUdeviceptr> owned = new ArrayList<>();
    private final String description;
    private boolean closed;

    /** A device buffer or a slice of one. */
    record CuBuf(CUdeviceptr ptr, long length, int elementBytes) implements Buf {
    }

    private CudaMfDevice(CudaDevice gpu, cublasHandle blas, CUmodule module, String description) {
        this.gpu = gpu;
        this.blas = blas;
        this.module = module;
        this.description = description;
    }

    /**
     * The GPU when the driver, a device, irg's kernels, the cuBLAS library and this example's kernels
     * all load; else why not, in a few words. Never throws.
     */
    static Result open() {
        try {
            if (!CudaDevice.isAvailable()) {
                return new Result(null, CudaDevice.status());
            }
            try {
                SymbolLookup.libraryLookup(CUBLAS_LIBRARY, Arena.global());
            } catch (IllegalArgumentException | IllegalCallerException e) {
                return new Result(null, "no cuBLAS (" + CUBLAS_LIBRARY + " not found; JCublas needs the CUDA 12 cuBLAS library)");
            }
            CudaDevice gpu = CudaDevice.get();
            Cu.check(cuCtxSetCurrent(gpu.context()), "cuCtxSetCurrent");
            cublasHandle h = new cublasHandle();
            try {
                JCublas2.setExceptionsEnabled(false);
                checkBlas(JCublas2.cublasCreate(h), "cublasCreate");
            } catch (LinkageError e) {
                return new Result(null, "JCublas could not be loaded: " + e.getMessage());
            }
            int[] version = {0};
            checkBlas(JCublas2.cublasGetVersion(h, version), "cublasGetVersion");
            CudaDevice.Loaded module;
            try {
                module = gpu.loadModule(CudaMfDevice.class, RESOURCE_DIR, "irg_pmf");
            } catch (BackendException e) {
                JCublas2.cublasDestroy(h);
                return new Result(null, e.getMessage());
            }
            String image = module.image();
            String d = "GPU: " + gpu.description() + "; cuBLAS " + version[0] + " Dgemm, irg_pmf kernels (" + image + ")";
            CudaMfDevice dev = new CudaMfDevice(gpu, h, module.module(), d);
            for (Kernel k : Kernel.values()) {
                CUfunction f = new CUfunction();
                Cu.check(cuModuleGetFunction(f, module.module(), k.symbol), "cuModuleGetFunction", k.symbol);
                dev.functions.put(k, f);
            }
            return new Result(dev, null);
        } catch (BackendException e) {
            return new Result(null, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return new Result(null, "CUDA initialisation failed: " + e);
        }
    }

    static void checkBlas(int status, String call) {
        if (status != cublasStatus.CUBLAS_STATUS_SUCCESS) {
            throw new BackendException(call + " failed: " + cublasStatus.stringFor(status));
        }
    }

    private void current() {
        if (closed) {
            throw new IllegalStateException("device closed");
        }
        Cu.check(cuCtxSetCurrent(gpu.context()), "cuCtxSetCurrent");
    }

    @Override
    public String description() {
        return description;
    }

    private Buf alloc(long n, int bytes) {
        current();
        CUdeviceptr p = new CUdeviceptr();
        Cu.check(cuMemAlloc(p, Math.max(1, n) * bytes), "cuMemAlloc(" + n * bytes + " bytes)");
        owned.add(p);
        return new CuBuf(p, n, bytes);
    }

    @Override
    public Buf doubles(long n) {
        return alloc(n, Double.BYTES);
    }

    @Override
    public Buf ints(long n) {
        return alloc(n, Integer.BYTES);
    }

    private static CuBuf cu(Buf b) {
        if (!(b instanceof CuBuf c)) {
            throw new IllegalArgumentException("not a buffer of this device: " + b);
        }
        return c;
    }

    @Override
    public Buf slice(Buf b, long from, long n) {
        CuBuf c = cu(b);
        if (from < 0 || n < 0 || from + n > c.length()) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + (from + n) + ") of " + c.length());
        }
        return new CuBuf(c.ptr().withByteOffset(from * c.elementBytes()), n, c.elementBytes());
    }

    @Override
    public void upload(double[] src, Buf dst) {
        upload(Pointer.to(src), src.length, Double.BYTES, dst);
    }

    @Override
    public void upload(int[] src, Buf dst) {
        upload(Pointer.to(src), src.length, Integer.BYTES, dst);
    }

    private void upload(Pointer src, int n, int bytes, Buf dst) {
        current();
        CuBuf c = cu(dst);
        sameLength(n, c);
        if (c.elementBytes() != bytes) {
            throw new IllegalArgumentException("elements of " + bytes + " bytes for a buffer of " + c.elementBytes());
        }
        Cu.check(cuMemcpyHtoD(c.ptr(), src, (long) n * bytes), "cuMemcpyHtoD");
    }

    @Override
    public void download(Buf src, double[] dst) {
        current();
        CuBuf c = cu(src);
        sameLength(dst.length, c);
        // synchronous: waits for the work enqueued before it on the legacy default stream
        Cu.check(cuMemcpyDtoH(Pointer.to(dst), c.ptr(), (long) dst.length * Double.BYTES), "cuMemcpyDtoH");
    }

    private static void sameLength(int n, CuBuf c) {
        if (n != c.length()) {
            throw new IllegalArgumentException("host array of " + n + " elements for a buffer of " + c.length());
        }
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, Buf a, int lda, Buf b, int ldb, Buf c, int ldc) {
        current();
        checkBlas(JCublas2.cublasDgemm(blas, transA ? cublasOperation.CUBLAS_OP_T : cublasOperation.CUBLAS_OP_N,
                transB ? cublasOperation.CUBLAS_OP_T : cublasOperation.CUBLAS_OP_N, m, n, k, Pointer.to(new double[] {1}),
                cu(a).ptr(), lda, cu(b).ptr(), ldb, Pointer.to(new double[] {0}), cu(c).ptr(), ldc),
                "cublasDgemm(" + m + " x " + n + " x " + k + ")");
    }

    @Override
    public void gammaRsample(long n, long seed, Buf alpha, Buf rate, Buf z, Buf dzda, Buf dzdr) {
        current();
        gpu.sample(SamplerKernels.Kind.GAMMA, Precision.F64, n, seed, 0, cu(alpha).ptr(), 0, cu(rate).ptr(), 0, cu(z).ptr(),
                cu(dzda).ptr(), cu(dzdr).ptr(), null);
    }

    @Override
    public int blocks(long threads) {
        return (int) Math.max(1, Math.min((threads + CudaDevice.BLOCK - 1) / CudaDevice.BLOCK, maxBlocks()));
    }

    @Override
    public int maxBlocks() {
        return gpu.multiprocessors() * CudaDevice.BLOCKS_PER_SM;
    }

    @Override
    public void launch(Kernel kernel, int blocks, Object... args) {
        kernel.check(args, CuBuf.class);
        current();
        Pointer[] ps = new Pointer[args.length];
        for (int i = 0; i < args.length; i++) {
            ps[i] = switch (args[i]) {
                case Long v -> Pointer.to(new long[] {v});
                case Integer v -> Pointer.to(new int[] {v});
                case Double v -> Pointer.to(new double[] {v});
                case CuBuf b -> Pointer.to(b.ptr());
                default -> throw new IllegalArgumentException("argument " + i + " of " + kernel.symbol);
            };
        }
        Cu.check(cuLaunchKernel(functions.get(kernel), blocks, 1, 1, CudaDevice.BLOCK, 1, 1, 0, null, Pointer.to(ps), null),
                "cuLaunchKernel", kernel.symbol);
    }

    @Override
    public void sync() {
        current();
        Cu.check(cuCtxSynchronize(), "cuCtxSynchronize (after the poisson-mf step)");
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        cuCtxSetCurrent(gpu.context());
        for (CUdeviceptr p : owned) {
            cuMemFree(p);
        }
        owned.clear();
        JCublas2.cublasDestroy(blas);
        cuModuleUnload(module);
        closed = true;
    }
}
