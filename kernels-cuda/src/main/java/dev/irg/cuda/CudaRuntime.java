package dev.irg.cuda;

import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetAttribute;
import static jcuda.driver.JCudaDriver.cuDeviceGetCount;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;
import static jcuda.driver.JCudaDriver.cuDeviceTotalMem;
import static jcuda.driver.JCudaDriver.cuDriverGetVersion;
import static jcuda.driver.JCudaDriver.cuInit;
import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;

import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.spi.BackendException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;

/**
 * The process-wide CUDA state: device 0, its primary context, the kernels module (the committed
 * fatbin, or the PTX when the fatbin has no code for this GPU) and a cache of its functions.
 * Created once by {@link #open()}, which never throws for a missing driver or device: it returns
 * a {@link Result} saying why.
 */
final class CudaRuntime {
    static final String RESOURCE_DIR = "/dev/irg/cuda/";

    /** What {@link #open()} found: a runtime, or why there is none. */
    record Result(CudaRuntime runtime, String why) {
    }

    private static volatile Result result;

    final CUdevice device;
    final CUcontext context;
    final CUmodule module;
    final String name;
    final int major;
    final int minor;
    final int multiprocessors;
    final long totalMemory;
    final int driverVersion;
    final String image;
    private final Set<String> kernelNames;
    private final Map<String, CUfunction> functions = new ConcurrentHashMap<>();

    private CudaRuntime(CUdevice device, CUcontext context, CUmodule module, String name, int major, int minor,
            int multiprocessors, long totalMemory, int driverVersion, String image, Set<String> kernelNames) {
        this.device = device;
        this.context = context;
        this.module = module;
        this.name = name;
        this.major = major;
        this.minor = minor;
        this.multiprocessors = multiprocessors;
        this.totalMemory = totalMemory;
        this.driverVersion = driverVersion;
        this.image = image;
        this.kernelNames = kernelNames;
    }

    /** Opens the runtime once per process (later calls return the first result). */
    static Result open() {
        Result r = result;
        if (r == null) {
            synchronized (CudaRuntime.class) {
                r = result;
                if (r == null) {
                    r = tryOpen(System.getProperty("irg.cuda.driverLibrary", "libcuda.so.1"));
                    result = r;
                }
            }
        }
        return r;
    }

    /** The runtime, or a BackendException saying why there is none. */
    static CudaRuntime require() {
        Result r = open();
        if (r.runtime() == null) {
            throw new BackendException("CUDA backend unavailable: " + r.why());
        }
        return r.runtime();
    }

    /** Opens the driver library {@code lib}, device and kernels; package-private for the tests. */
    static Result tryOpen(String lib) {
        // 1. The driver library, looked up before JCuda's JNI library is loaded (which would fail
        //    with an UnsatisfiedLinkError naming a temporary file): one clear line instead.
        try {
            SymbolLookup.libraryLookup(lib, Arena.global());
        } catch (IllegalArgumentException | IllegalCallerException e) {
            return new Result(null, "no CUDA driver (" + lib + " not found)");
        }
        try {
            JCudaDriver.setExceptionsEnabled(false);
            int rc = cuInit(0);
            if (rc != CUresult.CUDA_SUCCESS) {
                return new Result(null, "CUDA driver present but cuInit failed: " + Cu.describe(rc));
            }
            int[] count = {0};
            rc = cuDeviceGetCount(count);
            if (rc != CUresult.CUDA_SUCCESS || count[0] == 0) {
                return new Result(null, "no CUDA device" + (rc != CUresult.CUDA_SUCCESS ? " (" + Cu.describe(rc) + ")" : ""));
            }
            int ordinal = Integer.getInteger("irg.cuda.device", 0);
            CUdevice dev = new CUdevice();
            Cu.check(cuDeviceGet(dev, ordinal), "cuDeviceGet(" + ordinal + ")");
            byte[] nameBytes = new byte[256];
            Cu.check(cuDeviceGetName(nameBytes, nameBytes.length, dev), "cuDeviceGetName");
            String name = new String(nameBytes, StandardCharsets.UTF_8).trim().replace("\0", "");
            int major = attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR);
            int minor = attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR);
            int sms = attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT);
            long[] mem = {0};
            Cu.check(cuDeviceTotalMem(mem, dev), "cuDeviceTotalMem");
            int[] ver = {0};
            Cu.check(cuDriverGetVersion(ver), "cuDriverGetVersion");
            CUcontext ctx = new CUcontext();
            Cu.check(cuDevicePrimaryCtxRetain(ctx, dev), "cuDevicePrimaryCtxRetain");
            Cu.check(cuCtxSetCurrent(ctx), "cuCtxSetCurrent");
            // 2. The kernels: the fatbin (SASS for sm_80/sm_90 plus compute_80 PTX); if the driver
            //    refuses it, the plain PTX (JIT-compiled for whatever GPU this is).
            Module m = loadModule(CudaRuntime.class, RESOURCE_DIR, "irg_kernels");
            if (m.module() == null) {
                return new Result(null, "CUDA kernels could not be loaded on " + name + " (driver " + version(ver[0]) + "): "
                        + m.image() + "; the PTX needs a driver for CUDA 13.0 or newer (r580+)");
            }
            CUmodule module = m.module();
            String image = m.image();
            Set<String> kernels = new HashSet<>(Arrays.asList(new String(resource("kernels.txt", false),
                    StandardCharsets.UTF_8).trim().split("\\s+")));
            return new Result(new CudaRuntime(dev, ctx, module, name, major, minor, sms, mem[0], ver[0], image, kernels), null);
        } catch (LinkageError e) {
            return new Result(null, "JCuda native library could not be loaded: " + e.getMessage());
        } catch (BackendException e) {
            return new Result(null, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return new Result(null, "CUDA initialisation failed: " + e);
        }
    }

    /** A loaded module and which image it came from; module null when neither loaded (image then says why). */
    record Module(CUmodule module, String image) {
    }

    /**
     * Loads {@code NAME.fatbin} (SASS for sm_80/sm_90 plus compute_80 PTX) from the resources of
     * {@code anchor} in {@code dir} into the current context; if the driver refuses it, the plain
     * {@code NAME.ptx} (JIT-compiled for whatever GPU this is).
     */
    static Module loadModule(Class<?> anchor, String dir, String name) throws IOException {
        CUmodule module = new CUmodule();
        int lrc = cuModuleLoadData(module, resource(anchor, dir, name + ".fatbin", false));
        if (lrc == CUresult.CUDA_SUCCESS) {
            return new Module(module, name + ".fatbin");
        }
        String first = Cu.describe(lrc);
        lrc = cuModuleLoadData(module, resource(anchor, dir, name + ".ptx", true));
        if (lrc == CUresult.CUDA_SUCCESS) {
            return new Module(module, name + ".ptx (fatbin refused: " + first + ")");
        }
        return new Module(null, "fatbin " + first + ", PTX " + Cu.describe(lrc));
    }

    private static int attribute(CUdevice dev, int attr) {
        int[] v = {0};
        Cu.check(cuDeviceGetAttribute(v, attr, dev), "cuDeviceGetAttribute(" + attr + ")");
        return v[0];
    }

    private static byte[] resource(String file, boolean zeroTerminate) throws IOException {
        return resource(CudaRuntime.class, RESOURCE_DIR, file, zeroTerminate);
    }

    private static byte[] resource(Class<?> anchor, String dir, String file, boolean zeroTerminate) throws IOException {
        try (InputStream in = anchor.getResourceAsStream(dir + file)) {
            if (in == null) {
                throw new IOException("resource " + dir + file + " missing from the jar");
            }
            byte[] b = in.readAllBytes();
            return zeroTerminate ? Arrays.copyOf(b, b.length + 1) : b;
        }
    }

    static String version(int v) {
        return (v / 1000) + "." + (v % 1000) / 10;
    }

    /** The kernel name of {@code op} in {@code precision}: irg_OP_f64 / irg_OP_f32. */
    static String kernelName(Op op, Precision precision) {
        return "irg_" + op.name() + "_" + precision.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kernel that computes {@code op0} and {@code op1} in one evaluation (irg_kernels.cu's irg_PAIR_*), and whether
     * its two outputs come in the other order; null where there is none.
     */
    static PairKernel pairKernel(Op op0, Op op1, Precision precision) {
        String suffix = "_" + precision.name().toLowerCase(Locale.ROOT);
        if (op0 == Op.BETA_GRAD_A && op1 == Op.BETA_GRAD_B || op0 == Op.BETA_GRAD_B && op1 == Op.BETA_GRAD_A) {
            return new PairKernel("irg_PAIR_BETA_GRAD" + suffix, op0 == Op.BETA_GRAD_B);
        }
        if (op0 == Op.BETA_DCDF_DA && op1 == Op.BETA_DCDF_DB || op0 == Op.BETA_DCDF_DB && op1 == Op.BETA_DCDF_DA) {
            return new PairKernel("irg_PAIR_BETA_DCDF" + suffix, op0 == Op.BETA_DCDF_DB);
        }
        return null;
    }

    /**
     * A pair kernel's name; {@code swapped}: its first output (out0 of irg_PAIR_*: dz/da, dI/da) is the second
     * operation's.
     */
    record PairKernel(String name, boolean swapped) {
        /** The buffer for the kernel's first output, given the first and second operation's outputs. */
        <T> T kernelOut0(T out0, T out1) {
            return swapped ? out1 : out0;
        }

        /** The buffer for the kernel's second output. */
        <T> T kernelOut1(T out0, T out1) {
            return swapped ? out0 : out1;
        }
    }

    boolean hasKernel(Op op, Precision precision) {
        return kernelNames.contains(kernelName(op, precision));
    }

    /** Makes the primary context current on the calling thread. */
    void makeCurrent() {
        Cu.check(cuCtxSetCurrent(context), "cuCtxSetCurrent");
    }

    /** Whether the module has the kernel {@code name} (as listed in kernels.txt). */
    boolean hasKernel(String name) {
        return kernelNames.contains(name);
    }

    /** The kernel function of {@code op} in {@code precision} (cached). */
    CUfunction function(Op op, Precision precision) {
        return function(kernelName(op, precision));
    }

    /** The kernel function {@code k} (cached); the sampling kernels are looked up by name. */
    CUfunction function(String k) {
        if (!kernelNames.contains(k)) {
            throw new UnsupportedOperationException("no CUDA kernel " + k);
        }
        return functions.computeIfAbsent(k, key -> {
            CUfunction f = new CUfunction();
            Cu.check(cuModuleGetFunction(f, module, key), "cuModuleGetFunction", key);
            return f;
        });
    }

    /** One line for {@code irg info}. */
    String describe() {
        return String.format(Locale.ROOT, "%s (sm_%d%d, %d SMs, %.0f GiB), driver %s, %s", name, major, minor,
                multiprocessors, totalMemory / (double) (1L << 30), version(driverVersion), image);
    }
}
