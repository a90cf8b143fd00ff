package dev.irg.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Op;
import org.junit.jupiter.api.Test;

/**
 * Gamma(alpha, rate) where u = rate z overflows although rate and z are finite: P = 1, dP/dalpha = 0 and
 * dz/dalpha = (log u - psi(alpha))/rate (Reference.gradOverflowed; with the factor u/(u - alpha + 1) above alpha = 1e290,
 * where u may be as close to alpha as 1.0043 alpha). Expected values: mpmath at 50-60 digits by
 * quadrature of the exact representation dx/dalpha = int_0^inf (log(x + s) - psi(alpha)) (1 + s/x)^(alpha-1)
 * e^-s ds (independent of the asymptotic formula; both agree to 20 digits), divided by the rate.
 */
public class GammaRateOverflowTest {
    /** {alpha, rate, z, dz/dalpha}; the products rate z are 1e310 ... 1e400. */
    public static final double[][] CASES = {
        {2.5, 1e300, 1e10, 7.1309822218750888147e-298},
        {1e-3, 1e200, 1e200, 1.9216096091294286114e-197},
        {1e5, 1e308, 10.0, 6.999858732701982136e-306},
        {0.7, 2.0, 1.7e308, 355.82000381374306054},
        {1e200, 1e10, 1e300, 2.5328436022934502532e-8},
        // alpha above OVERFLOW_ALPHA_MAX (NaN before): Reference.gradFarAboveMean, u/alpha from 1e305 down to 1.0043
        {1e+295, 1e+300, 1e+300, 7.0228845336318389688e-298},
        {1e+305, 20.0, 1e+307, 0.38023524059740282181},
        {1.7e+308, 1.1, 1.7e+308, 0.95310179804324856135},
        {1.5e+308, 2.0, 9e+307, 0.5469646703818638904},
        {1.79e+308, 1.0000000000000002, 1.7976931348623157e+308, 1.0021458483787435399},
    };

    @Test
    void gradientWhereTheProductOverflows() {
        for (double[] c : CASES) {
            assertEquals(Double.POSITIVE_INFINITY, c[1] * c[2]);
            double got = Reference.eval(Op.GAMMA_GRAD_ALPHA, c[0], c[1], c[2]);
            assertEquals(c[3], got, 2e-15 * c[3], "dz/dalpha at alpha=" + c[0] + " rate=" + c[1] + " z=" + c[2]);
            assertEquals(1.0, Reference.eval(Op.GAMMA_CDF, c[0], c[1], c[2]));
            assertEquals(0.0, Reference.eval(Op.GAMMA_DCDF_DALPHA, c[0], c[1], c[2]));
        }
    }

    @Test
    void nanForInvalidAlpha() {
        assertTrue(Double.isNaN(Reference.eval(Op.GAMMA_GRAD_ALPHA, Double.POSITIVE_INFINITY, 1e300, 1e300)));
        assertTrue(Double.isNaN(Reference.eval(Op.GAMMA_GRAD_ALPHA, -1, 1e300, 1e300)));
        assertTrue(Double.isNaN(Reference.eval(Op.GAMMA_GRAD_ALPHA, 2, 1e300, Double.POSITIVE_INFINITY)));
        assertTrue(Double.isNaN(Reference.eval(Op.GAMMA_GRAD_ALPHA, Double.NaN, 1e300, 1e300)));
    }
}
