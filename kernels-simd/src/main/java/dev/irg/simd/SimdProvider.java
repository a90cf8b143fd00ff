package dev.irg.simd;

import dev.irg.Backend;
import dev.irg.spi.Availability;
import dev.irg.spi.KernelProvider;
import dev.irg.spi.Kernels;
import dev.irg.spi.SamplerKernels;

/**
 * The Panama Vector API backend. This class touches no {@code jdk.incubator.vector} type: the probe
 * first checks that the incubator module is in the boot layer and only then loads
 * {@link SimdKernels} (which does), so a JVM started without {@code --add-modules
 * jdk.incubator.vector} gets one clear line instead of a {@link LinkageError}.
 *
 * <p>Vector width: the preferred shape of the machine (512-bit on AVX-512), or the width forced by
 * the system property {@value #BITS_PROPERTY} ({@code 128|256|512}).
 */
public final class SimdProvider implements KernelProvider {
    /** System property forcing the vector width in bits ({@code 128}, {@code 256} or {@code 512}). */
    public static final String BITS_PROPERTY = "irg.simd.bits";
    /** Name of the incubator module the kernels need. */
    public static final String VECTOR_MODULE = "jdk.incubator.vector";

    private volatile Kernels kernels;
    private volatile SamplerKernels samplers;

    @Override
    public Backend backend() {
        return Backend.SIMD;
    }

    @Override
    public Availability probe() {
        try {
            if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
                return Availability.no("module " + VECTOR_MODULE + " is not in the boot layer: run the JVM with --add-modules "
                        + VECTOR_MODULE);
            }
            int bits = requestedBits();
            SimdKernels k = SimdKernels.create(bits);
            kernels = k;
            samplers = new SimdSamplers(k);
            return Availability.yes(k.describe());
        } catch (LinkageError | RuntimeException e) {
            return Availability.no("Vector API kernels could not start: " + e);
        }
    }

    /**
     * The width asked for by {@value #BITS_PROPERTY}, or 0 for the preferred shape. An invalid value is
     * reported and ignored.
     */
    static int requestedBits() {
        String s = System.getProperty(BITS_PROPERTY);
        if (s == null || s.isBlank()) {
            return 0;
        }
        try {
            int b = Integer.parseInt(s.trim());
            if (b == 128 || b == 256 || b == 512) {
                return b;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        System.getLogger("dev.irg").log(System.Logger.Level.WARNING,
                "irg: ignoring " + BITS_PROPERTY + "='" + s + "' (expected 128, 256 or 512); using the preferred width");
        return 0;
    }

    @Override
    public Kernels kernels() {
        Kernels k = kernels;
        if (k == null) {
            throw new IllegalStateException("SIMD backend used before a successful probe");
        }
        return k;
    }

    /** The Philox samplers and fused rsample of this width ({@code SimdSamplers}); null before a successful probe. */
    @Override
    public SamplerKernels samplers() {
        return samplers;
    }
}
