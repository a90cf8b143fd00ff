package dev.irg.spi;

import dev.irg.Backend;

/**
 * A backend, discovered with {@link java.util.ServiceLoader} (list the implementation in
 * {@code META-INF/services/dev.irg.spi.KernelProvider}), in the manner of JDBC drivers. The scalar
 * reference is built in; {@code irg-kernels-simd} and {@code irg-kernels-cuda} register themselves
 * when they are on the class path.
 */
public interface KernelProvider {

    /** Which backend this is. */
    Backend backend();

    /**
     * Probes whether this backend can run here (incubator module present, CUDA driver and device,
     * ...). Called once; must not throw.
     */
    Availability probe();

    /** The kernels; only called after {@link #probe()} said available. */
    Kernels kernels();

    /**
     * Smallest batch for which {@link Backend#AUTO} prefers this backend over the CPU backends
     * (and, for SIMD, over scalar). Measured by {@code irg calibrate}; see docs/ARCHITECTURE.md.
     */
    default long autoThreshold() {
        return 1;
    }

    /**
     * The backend's sampling kernels (Philox4x32-10 samplers and fused rsample), or null when it has
     * none; {@link dev.irg.Sampling} then uses the scalar ones. See {@link SamplerKernels}.
     */
    default SamplerKernels samplers() {
        return null;
    }
}
