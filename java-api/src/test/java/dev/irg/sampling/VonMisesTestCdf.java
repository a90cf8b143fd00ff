package dev.irg.sampling;

/**
 * A test-only von Mises(kappa) CDF on [-pi, pi] by numerical integration of the unnormalised
 * density exp(-2 kappa sin^2(t/2)) with the composite trapezoid rule on a fine grid, then linear
 * interpolation. Accurate to far better than the 1e-3 a goodness-of-fit test with 2e4 samples
 * resolves: the density is smooth and the grid has 2e5 steps over the support that matters (where
 * exp(-2 kappa sin^2(t/2)) exceeds e^-700).
 */
final class VonMisesTestCdf {
    private static final int STEPS = 200_000;
    private final double lo;
    private final double h;
    private final double[] cum;

    VonMisesTestCdf(double kappa) {
        // the half-width beyond which the density is below e^-700 of its mode
        double half = kappa <= 175 ? Math.PI : Math.min(Math.PI, 2 * Math.asin(Math.sqrt(350 / kappa)));
        lo = -half;
        h = 2 * half / STEPS;
        cum = new double[STEPS + 1];
        double prev = density(kappa, lo);
        for (int i = 1; i <= STEPS; i++) {
            double f = density(kappa, lo + i * h);
            cum[i] = cum[i - 1] + 0.5 * h * (prev + f);
            prev = f;
        }
        double total = cum[STEPS];
        for (int i = 0; i <= STEPS; i++) {
            cum[i] /= total;
        }
    }

    private static double density(double kappa, double t) {
        double s = Math.sin(0.5 * t);
        return Math.exp(-2 * kappa * s * s);
    }

    double cdf(double x) {
        double p = (x - lo) / h;
        if (p <= 0) {
            return 0;
        }
        if (p >= STEPS) {
            return 1;
        }
        int i = (int) p;
        double f = p - i;
        return cum[i] + f * (cum[i + 1] - cum[i]);
    }
}
