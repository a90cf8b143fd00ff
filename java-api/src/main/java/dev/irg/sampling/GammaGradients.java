package dev.irg.sampling;

import dev.irg.math.IncompleteGamma;

/** The Gamma gradient in log space that the log-space rsample and the Dirichlet rsample need. */
final class GammaGradients {
    private GammaGradients() {
    }

    /**
     * d(log x)/dalpha of a standard Gamma(alpha, 1) sample x given as {@code logX}: the implicit
     * gradient divided by x, from the reference's log-space form (finite where x underflows).
     */
    static double dLogXdAlpha(double a, double logX) {
        return IncompleteGamma.dLogXdAlpha(a, logX);
    }
}
