package dev.irg.math;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** BetaFunctions.logGammaIncrement against mpmath (40 digits: mp.loggamma(mpf(q) + mpf(p)) - mp.loggamma(mpf(q)), the sum formed in mpmath). */
class BetaFunctionsTest {

    @Test
    void logGammaIncrementMatchesMpmath() {
        // {q, p, log Gamma(q+p) - log Gamma(q)} from mpmath 1.3 at 40 digits
        double[][] cases = {
            {7.999999999992, 0.00043673685982998967, 0.00088031762659538067123},
            {1e-4, 1e-4, -0.69320487745522885362},
            {0.5, 3.0, 0.62860865942237413774},
            {7.9, 7.9, 19.028098305857543413},
            {1e-4, 7.5, -1.6757237454137285474},
            {3.3, 1e-8, 1.0348224908271294151e-8},
        };
        for (double[] c : cases) {
            double got = BetaFunctions.logGammaIncrement(c[0], c[1]);
            double rel = Math.abs(got - c[2]) / Math.abs(c[2]);
            assertTrue(rel < 4e-15, "q=" + c[0] + " p=" + c[1] + " got " + got + " rel " + rel);
        }
        assertTrue(Double.isNaN(BetaFunctions.logGammaIncrement(0, 1)));
        assertTrue(Double.isNaN(BetaFunctions.logGammaIncrement(1, Double.NaN)));
    }

    @Test
    void logMinusDigammaDropMatchesMpmath() {
        // {q, p, lmd(q) - lmd(q + p)}, lmd(x) = log x - psi(x), mpmath 1.3 at 40 digits, sums in mpmath
        double[][] cases = {
            {8.0, 0.00019129244547695057, 1.5565114834807558192e-6},
            {1e-4, 1e-4, 4999.3070172767923675},
            {0.5, 3.0, 1.1207565176113533616},
            {25.0, 1e-09, 8.1066325719293957864e-13},
            {1e-4, 1000000.0, 9991.3667103115375897},
            {1000000.0, 1000000.0, 2.5000006249999999999e-7},
            {3.3, 1e-08, 5.0471238651139683639e-10},
        };
        for (double[] c : cases) {
            double got = BetaFunctions.logMinusDigammaDrop(c[0], c[1]);
            double rel = Math.abs(got - c[2]) / Math.abs(c[2]);
            assertTrue(rel < 1e-14, "q=" + c[0] + " p=" + c[1] + " got " + got + " rel " + rel);
        }
        assertTrue(Double.isNaN(BetaFunctions.logMinusDigammaDrop(1, 0)));
    }
}
