package dev.irg.math;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of IncompleteBeta over random valid inputs: a, b log-uniform on [1e-4, 1e6], x spread
 * over (0, 1) on the logistic scale (down to ~1e-13 from either end), fixed seeds.
 */
class IncompleteBetaPropertiesTest {

    static final double LOG_MIN = Math.log(1e-4);
    static final double LOG_MAX = Math.log(1e6);

    @Provide
    Arbitrary<Double> param() {
        return Arbitraries.doubles().between(0, 1).ofScale(15).map(t -> Math.exp(LOG_MIN + t * (LOG_MAX - LOG_MIN)));
    }

    /** x = 1/(1 + e^-t), t uniform on [-30, 30]. */
    @Provide
    Arbitrary<Double> sample() {
        return Arbitraries.doubles().between(-30, 30).ofScale(13).map(t -> 1 / (1 + Math.exp(-t)));
    }

    static double[] all(double a, double b, double x) {
        double[] out = new double[IncompleteBeta.OUT_LENGTH];
        IncompleteBeta.evaluate(a, b, x, out);
        return out;
    }

    @Property(tries = 3000, seed = "20261128")
    void noNaNAndGradientSigns(@ForAll("param") double a, @ForAll("param") double b, @ForAll("sample") double x) {
        double[] o = all(a, b, x);
        for (double v : o) {
            assertTrue(Double.isFinite(v), "finite output expected at a=" + a + " b=" + b + " x=" + x);
        }
        assertTrue(o[0] >= 0 && o[0] <= 1, "cdf in [0,1]");
        assertTrue(o[1] <= 0 && o[2] >= 0, "dI/da <= 0 <= dI/db");
        assertTrue(o[3] > 0, "dz/da > 0 at a=" + a + " b=" + b + " x=" + x + ": " + o[3]);
        assertTrue(o[4] < 0, "dz/db < 0 at a=" + a + " b=" + b + " x=" + x + ": " + o[4]);
    }

    @Property(tries = 2000, seed = "777")
    void symmetrySwapsParametersAndReflectsX(@ForAll("param") double a, @ForAll("param") double b,
            @ForAll("sample") double s) {
        double x = Math.max(s, 1 - s); // x in [1/2, 1): 1 - x exact
        double y = 1 - x;
        double[] o = all(a, b, x);
        double[] m = all(b, a, y);
        // I_x(a,b) = 1 - I_{1-x}(b,a); the derivatives and gradients map with a sign
        assertTrue(Math.abs(o[0] + m[0] - 1) <= 2e-14, "I + J = 1: " + o[0] + " + " + m[0]); // each ~1e-14 relative
        assertClose(o[1], -m[2], "dI/da = -dJ/db");
        assertClose(o[2], -m[1], "dI/db = -dJ/da");
        assertClose(o[3], -m[4], "dz/da = -(dz'/db)");
        assertClose(o[4], -m[3], "dz/db = -(dz'/da)");
    }

    static void assertClose(double u, double v, String what) {
        double scale = Math.max(Math.abs(u), Math.abs(v));
        assertTrue(Math.abs(u - v) <= 1e-12 * scale || scale < 1e-300, what + ": " + u + " vs " + v);
    }

    @Property(tries = 2000, seed = "4242")
    void cdfIsMonotoneInX(@ForAll("param") double a, @ForAll("param") double b, @ForAll("sample") double x1,
            @ForAll("sample") double x2) {
        double lo = Math.min(x1, x2);
        double hi = Math.max(x1, x2);
        double il = IncompleteBeta.cdf(a, b, lo);
        double ih = IncompleteBeta.cdf(a, b, hi);
        // equality allowed up to the rounding of the larger value
        assertTrue(il <= ih * (1 + 1e-13), "I(" + lo + ") = " + il + " > I(" + hi + ") = " + ih);
    }
}
