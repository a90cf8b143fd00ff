package dev.irg.cuda;

import dev.irg.Backend;
import dev.irg.spi.Availability;
import dev.irg.spi.KernelProvider;
import dev.irg.spi.Kernels;
import dev.irg.spi.SamplerKernels;

/**
 * The CUDA backend, registered through {@code META-INF/services/dev.irg.spi.KernelProvider}. The
 * probe looks for the NVIDIA driver library, a device and loads the kernels; without them it
 * declines with one line ("no CUDA driver (libcuda.so.1 not found)", "no CUDA device", ...) and the
 * dispatcher uses the CPU backends.
 */
public final class CudaProvider implements KernelProvider {
    /**
     * Batches below this many elements stay on the CPU under {@code auto}. Not yet measured on a
     * GPU host (see docs/cuda.md): 2^18 is where the fixed launch and transfer latency (tens of
     * microseconds) becomes small against the SIMD backend's time for the batch. Override with
     * {@code -Dirg.cuda.autoThreshold=N}; {@code irg calibrate} is meant to measure it.
     */
    static final long DEFAULT_AUTO_THRESHOLD = 1 << 18;

    private volatile CudaKernels kernels;
    private volatile CudaSamplers samplers;

    @Override
    public Backend backend() {
        return Backend.CUDA;
    }

    @Override
    public Availability probe() {
        try {
            var r = CudaRuntime.open();
            return r.runtime() != null ? Availability.yes(r.runtime().describe()) : Availability.no(r.why());
        } catch (RuntimeException | LinkageError e) {
            return Availability.no("CUDA probe failed: " + e);
        }
    }

    @Override
    public Kernels kernels() {
        CudaKernels k = kernels;
        if (k == null) {
            synchronized (this) {
                if (kernels == null) {
                    kernels = new CudaKernels(CudaDevice.get());
                }
                k = kernels;
            }
        }
        return k;
    }

    /** The Philox samplers and fused rsample on the GPU ({@link CudaSamplers}); only asked for after a successful probe. */
    @Override
    public SamplerKernels samplers() {
        CudaSamplers s = samplers;
        if (s == null) {
            synchronized (this) {
                if (samplers == null) {
                    samplers = new CudaSamplers(CudaDevice.get());
                }
                s = samplers;
            }
        }
        return s;
    }

    @Override
    public long autoThreshold() {
        return Long.getLong("irg.cuda.autoThreshold", DEFAULT_AUTO_THRESHOLD);
    }
}
