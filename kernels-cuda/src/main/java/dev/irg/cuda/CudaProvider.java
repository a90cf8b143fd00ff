package dev.irg.cuda;

import dev.irg.Backend;
import dev.irg.spi.Availability;
import dev.irg.spi.KernelProvider;
import dev.irg.spi.Kernels;

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

    @Override
    public long autoThreshold() {
        return Long.getLong("irg.cuda.autoThreshold", DEFAULT_AUTO_THRESHOLD);
    }
}
