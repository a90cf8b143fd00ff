package dev.irg.math;

/** Placeholder: replaced by the real implementation (work in progress on a helper branch). */
public final class IncompleteGamma {
    private IncompleteGamma() {
    }

    public static double p(double a, double x) {
        throw new UnsupportedOperationException("IncompleteGamma.p not implemented yet");
    }

    public static double dpDa(double a, double x) {
        throw new UnsupportedOperationException("IncompleteGamma.dpDa not implemented yet");
    }

    public static double gradAlpha(double a, double x) {
        throw new UnsupportedOperationException("IncompleteGamma.gradAlpha not implemented yet");
    }
}
