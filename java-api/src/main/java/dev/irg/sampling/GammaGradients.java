package dev.irg.sampling;

import dev.irg.math.IncompleteGamma;

/** The Gamma gradient in log space that the log-space rsample and the Dirichlet rsample need. */
final class GammaGradients {
    private GammaGradients() {
    }

    /**
     * d(log x)/dalpha of a standard Gamma(alpha, 1) sample x given as {@code logX}: the implicit
     * gradient divided by x. Until the reference's log-space form lands this takes
     * {@code gradAlpha(a, x)/x}, valid where x = exp(logX) is a normal float64; NaN below.
     */
    static double dLogXdAlpha(double a, double logX) {
        double x = Math.exp(logX);
        if (!(x >= Double.MIN_NORMAL)) {
            return Double.NaN;
        }
        return IncompleteGamma.gradAlpha(a, x) / x;
    }
}
