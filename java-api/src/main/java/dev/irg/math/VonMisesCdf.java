package dev.irg.math;

/** Placeholder: replaced by the real implementation (work in progress on a helper branch). */
public final class VonMisesCdf {
    private VonMisesCdf() {
    }

    public static double cdf(double kappa, double x) {
        throw new UnsupportedOperationException("VonMisesCdf.cdf not implemented yet");
    }

    public static double dcdfDkappa(double kappa, double x) {
        throw new UnsupportedOperationException("VonMisesCdf.dcdfDkappa not implemented yet");
    }

    public static double gradKappa(double kappa, double x) {
        throw new UnsupportedOperationException("VonMisesCdf.gradKappa not implemented yet");
    }
}
