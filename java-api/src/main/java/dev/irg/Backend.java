package dev.irg;

import java.util.Locale;

/** Where a batch call runs. {@link #AUTO} picks the best available backend for each call's size. */
public enum Backend {
    /** Best available backend for each call: CUDA for large batches when a device is present, else SIMD, else scalar. */
    AUTO,
    /** The scalar float64 reference: always available; the specification the other backends are tested against. */
    SCALAR,
    /** Panama Vector API kernels on all cores (module {@code irg-kernels-simd}, needs {@code --add-modules jdk.incubator.vector}). */
    SIMD,
    /** Hand-written CUDA kernels through JCuda (module {@code irg-kernels-cuda}, needs an NVIDIA driver and device). */
    CUDA;

    /** Lower-case name as used by the {@code irg.backend} property and the CLI. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code auto|scalar|simd|cuda} (case-insensitive). */
    public static Backend parse(String s) {
        for (Backend b : values()) {
            if (b.id().equalsIgnoreCase(s.trim())) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown backend '" + s + "': expected auto, scalar, simd or cuda");
    }
}
