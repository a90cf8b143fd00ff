package dev.irg;

import java.lang.foreign.ValueLayout;

/** Element type of a batch: float64 ({@code double}) or float32 ({@code float}). */
public enum Precision {
    F64(ValueLayout.JAVA_DOUBLE_UNALIGNED),
    F32(ValueLayout.JAVA_FLOAT_UNALIGNED);

    private final ValueLayout layout;

    Precision(ValueLayout layout) {
        this.layout = layout;
    }

    /** The (unaligned) layout of one element. */
    public ValueLayout layout() {
        return layout;
    }

    /** Bytes per element: 8 or 4. */
    public int bytes() {
        return (int) layout.byteSize();
    }

    /** Parses {@code f64|f32} (also {@code double|float}). */
    public static Precision parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "f64", "double", "float64" -> F64;
            case "f32", "float", "float32" -> F32;
            default -> throw new IllegalArgumentException("unknown precision '" + s + "': expected f64 or f32");
        };
    }
}
