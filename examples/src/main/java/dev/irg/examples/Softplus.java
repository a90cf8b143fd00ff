package dev.irg.examples;

/** softplus(u) = log(1 + e^u) (positive parameters from unconstrained ones), its derivative and inverse. */
final class Softplus {
    /** Above this e^-u is below 2^-52 relative to u: softplus(u) = u in float64. */
    static final double LINEAR_ABOVE = 36;

    private Softplus() {
    }

    static double of(double u) {
        return u > LINEAR_ABOVE ? u : Math.log1p(Math.exp(u));
    }

    /** d softplus/du = sigmoid(u). */
    static double derivative(double u) {
        return u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
    }

    /** u with softplus(u) = y, y > 0. */
    static double inverse(double y) {
        return y > LINEAR_ABOVE ? y : Math.log(Math.expm1(y));
    }
}
