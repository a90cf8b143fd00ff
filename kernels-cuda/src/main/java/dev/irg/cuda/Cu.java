package dev.irg.cuda;

import dev.irg.spi.BackendException;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;

/**
 * Checks CUDA driver results one by one (JCuda's global exception switch stays off): a failure
 * becomes a {@link BackendException} naming the call, the CUDA error and, where one is involved,
 * the kernel. Public for code that launches its own kernels in irg's context (the examples).
 */
public final class Cu {
    private Cu() {
    }

    /** Throws unless {@code rc} is CUDA_SUCCESS. */
    public static void check(int rc, String call) {
        if (rc != CUresult.CUDA_SUCCESS) {
            throw new CudaException(rc, call + " failed: " + describe(rc));
        }
    }

    /** Throws unless {@code rc} is CUDA_SUCCESS, naming the kernel involved. */
    public static void check(int rc, String call, String kernel) {
        if (rc != CUresult.CUDA_SUCCESS) {
            throw new CudaException(rc, call + " failed for kernel " + kernel + ": " + describe(rc));
        }
    }

    /** "CUDA_ERROR_OUT_OF_MEMORY (out of memory)". */
    public static String describe(int rc) {
        String name = CUresult.stringFor(rc);
        String[] text = new String[1];
        try {
            if (JCudaDriver.cuGetErrorString(rc, text) == CUresult.CUDA_SUCCESS && text[0] != null) {
                return name + " (" + text[0] + ")";
            }
        } catch (RuntimeException | LinkageError e) {
            // the name alone is still useful
        }
        return name;
    }

    /** A failed CUDA call; {@link #result()} is the CUresult code. */
    static final class CudaException extends BackendException {
        private static final long serialVersionUID = 1L;
        private final int result;

        CudaException(int result, String message) {
            super(message);
            this.result = result;
        }

        int result() {
            return result;
        }

        boolean outOfMemory() {
            return result == CUresult.CUDA_ERROR_OUT_OF_MEMORY;
        }
    }
}
