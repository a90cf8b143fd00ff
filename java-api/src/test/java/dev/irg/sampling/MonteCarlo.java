package dev.irg.sampling;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Monte Carlo checks shared by the rsample tests. */
final class MonteCarlo {
    /** Allowed distance of a Monte Carlo mean from its closed form, in standard errors (fixed seeds). */
    static final double SIGMAS = 4.5;

    private MonteCarlo() {
    }

    /** Asserts that the mean of {@code v} is {@code expected} within {@link #SIGMAS} standard errors. */
    static void assertMean(String what, double expected, double[] v) {
        double m = 0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        double s2 = 0;
        for (double x : v) {
            s2 += (x - m) * (x - m);
        }
        double se = Math.sqrt(s2 / (v.length - 1) / v.length);
        assertTrue(Double.isFinite(m) && Math.abs(m - expected) <= SIGMAS * se,
                what + ": mean " + m + " expected " + expected + " (standard error " + se + ", "
                        + (m - expected) / se + " sigmas)");
    }
}
