package dev.irg.math;

/** Placeholder: replaced by the real implementation (work in progress on a helper branch). */
public final class IncompleteBeta {
    private IncompleteBeta() {
    }

    public static double cdf(double a, double b, double x) {
        throw new UnsupportedOperationException("IncompleteBeta.cdf not implemented yet");
    }

    public static double dcdfDa(double a, double b, double x) {
        throw new UnsupportedOperationException("IncompleteBeta.dcdfDa not implemented yet");
    }

    public static double dcdfDb(double a, double b, double x) {
        throw new UnsupportedOperationException("IncompleteBeta.dcdfDb not implemented yet");
    }

    public static double gradA(double a, double b, double x) {
        throw new UnsupportedOperationException("IncompleteBeta.gradA not implemented yet");
    }

    public static double gradB(double a, double b, double x) {
        throw new UnsupportedOperationException("IncompleteBeta.gradB not implemented yet");
    }
}
