package dev.irg.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Domain, edge values, region selection and closed forms of IncompleteBeta. */
class IncompleteBetaTest {

    static void assertRel(double expected, double actual, double tol, String what) {
        double err = Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(err <= tol, what + ": expected " + expected + " got " + actual + " rel " + err);
    }

    static double[] all(double a, double b, double x) {
        double[] out = new double[IncompleteBeta.OUT_LENGTH];
        IncompleteBeta.evaluate(a, b, x, out);
        return out;
    }

    @Test
    void invalidInputsGiveNaNWithoutThrowing() {
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        double[][] bad = {
            {0, 1, 0.5}, {-1, 1, 0.5}, {1, 0, 0.5}, {1, -2, 0.5}, {nan, 1, 0.5}, {1, nan, 0.5},
            {1, 1, nan}, {inf, 1, 0.5}, {1, inf, 0.5}, {1, 1, -1e-300}, {1, 1, 1 + 1e-15},
            {1, 1, inf}, {1, 1, -inf}, {-inf, 1, 0.5},
        };
        for (double[] in : bad) {
            assertEquals(BetaConstants.REGION_NAN, IncompleteBeta.classify(in[0], in[1], in[2]));
            for (double v : all(in[0], in[1], in[2])) {
                assertTrue(Double.isNaN(v), "NaN expected for " + in[0] + "," + in[1] + "," + in[2]);
            }
            assertTrue(Double.isNaN(IncompleteBeta.cdf(in[0], in[1], in[2])));
            assertTrue(Double.isNaN(IncompleteBeta.gradA(in[0], in[1], in[2])));
        }
    }

    @Test
    void endpointsAreExact() {
        for (double a : new double[] {1e-4, 0.5, 3, 1e6}) {
            for (double b : new double[] {1e-4, 2.5, 1e6}) {
                double[] lo = all(a, b, 0);
                double[] hi = all(a, b, 1);
                assertEquals(0.0, lo[0]);
                assertEquals(1.0, hi[0]);
                for (int i = 1; i < IncompleteBeta.OUT_LENGTH; i++) {
                    assertEquals(0.0, Math.abs(lo[i]));
                    assertEquals(0.0, Math.abs(hi[i]));
                }
            }
        }
    }

    @Test
    void classifyPicksTheDocumentedRegions() {
        assertEquals(BetaConstants.REGION_ZERO, IncompleteBeta.classify(2, 3, 0));
        assertEquals(BetaConstants.REGION_ONE, IncompleteBeta.classify(2, 3, 1));
        // x small, b x small: series on the lower side
        assertEquals(BetaConstants.REGION_SERIES_LOWER, IncompleteBeta.classify(2, 3, 0.1));
        // mirror image: series on the upper side
        assertEquals(BetaConstants.REGION_SERIES_UPPER, IncompleteBeta.classify(3, 2, 0.9));
        // below the switch point (a+1)/(a+b+2) = 0.5 with b x > 2: fraction, lower side
        assertEquals(BetaConstants.REGION_FRACTION_LOWER, IncompleteBeta.classify(100, 100, 0.45));
        assertEquals(BetaConstants.REGION_FRACTION_UPPER, IncompleteBeta.classify(100, 100, 0.55));
        // the corner a >> 1, b < 1, x above the switch point: upper series (I = 1 - J without cancellation)
        assertEquals(BetaConstants.REGION_SERIES_UPPER, IncompleteBeta.classify(2e5, 1e-4, 1 - 1e-6));
    }

    @Test
    void uniformAndPowerClosedForms() {
        // I_x(a, 1) = x^a: dI/da = x^a log x; density a x^(a-1): dz/da = -x log x / a
        for (double a : new double[] {1e-4, 0.3, 1, 7.5, 300, 1e6}) {
            for (double x : new double[] {1e-12, 1e-3, 0.2, 0.5, 0.9, 1 - 1e-9}) {
                double[] o = all(a, 1, x);
                double xa = Math.pow(x, a);
                if (xa < 1e-300) {
                    continue;
                }
                assertRel(xa, o[0], 1e-13, "cdf a=" + a + " x=" + x);
                assertRel(xa * Math.log(x), o[1], 2e-13, "dcdf_da a=" + a + " x=" + x);
                assertRel(-x * Math.log(x) / a, o[3], 2e-13, "grad_a a=" + a + " x=" + x);
            }
        }
        // I_x(1, b) = 1 - (1-x)^b: dI/db = -(1-x)^b log(1-x); dz/db = (1-x) log(1-x) / b
        for (double b : new double[] {1e-4, 0.3, 2.5, 40, 1e6}) {
            for (double x : new double[] {1e-12, 1e-3, 0.2, 0.5, 0.9}) {
                double[] o = all(1, b, x);
                double yb = Math.exp(b * Math.log1p(-x));
                double ly = Math.log1p(-x);
                if (yb < 1e-300) {
                    continue;
                }
                assertRel(-Math.expm1(b * ly), o[0], 1e-13, "cdf b=" + b + " x=" + x);
                assertRel(-yb * ly, o[2], 2e-13, "dcdf_db b=" + b + " x=" + x);
                assertRel((1 - x) * ly / b, o[4], 2e-13, "grad_b b=" + b + " x=" + x);
            }
        }
    }

    @Test
    void arcsineClosedForm() {
        // Beta(1/2, 1/2): I = (2/pi) asin(sqrt x). The prefactor x^a is formed in log space, so the
        // relative error is ~ eps |a log x| (2.5e-14 at x = 1e-200): tolerance 4e-16 (1 + |a log x|)
        for (double x : new double[] {1e-200, 1e-12, 0.01, 0.3, 0.5, 0.7, 0.99}) {
            double tol = 4e-16 * (1 + Math.abs(0.5 * Math.log(x)));
            assertRel(2 / Math.PI * Math.asin(Math.sqrt(x)), IncompleteBeta.cdf(0.5, 0.5, x), tol, "arcsine x=" + x);
        }
    }

    @Test
    void fractionCapGrowsWithTheSmallerParameter() {
        assertEquals(BetaConstants.FRACTION_CAP_BASE + 2, IncompleteBeta.fractionCap(1, 1e300));
        assertEquals(BetaConstants.FRACTION_CAP_BASE + 2000, IncompleteBeta.fractionCap(1e6, 1e6));
        assertEquals(BetaConstants.FRACTION_CAP_BASE + 20000, IncompleteBeta.fractionCap(1e12, 1e8));
        assertEquals(BetaConstants.FRACTION_MAX_ITER, IncompleteBeta.fractionCap(1e12, 1e14));
    }

    @Test
    void hugeSymmetricParametersAtOneHalf() {
        // a = b, x = 1/2 is the switch point itself, where the fraction needs the most steps (tens of
        // thousands at 1e10, 1e12); by symmetry I = 1/2 and dI/da = -dI/db, dz/da = -dz/db. Values
        // of the derivatives against mpmath: golden beta/huge_ab.
        for (double a : new double[] {7e7, 1e8, 3e9, 1e10, 1e11, 1e12}) {
            double[] out = new double[IncompleteBeta.OUT_LENGTH];
            IncompleteBeta.evaluate(a, a, 0.5, out);
            assertEquals(0.5, out[IncompleteBeta.OUT_CDF], 1e-13, "I at a = b = " + a);
            assertTrue(out[IncompleteBeta.OUT_DCDF_DA] < 0, "dI/da at " + a);
            assertEquals(-out[IncompleteBeta.OUT_DCDF_DA], out[IncompleteBeta.OUT_DCDF_DB],
                    1e-10 * Math.abs(out[IncompleteBeta.OUT_DCDF_DA]), "dI/db at " + a);
            assertEquals(-out[IncompleteBeta.OUT_GRAD_A], out[IncompleteBeta.OUT_GRAD_B],
                    1e-10 * out[IncompleteBeta.OUT_GRAD_A], "dz/db at " + a);
            // dz/da at x = 1/2, a = b: -(dI/da)/p, p the density; finite and positive
            assertTrue(out[IncompleteBeta.OUT_GRAD_A] > 0 && Double.isFinite(out[IncompleteBeta.OUT_GRAD_A]));
        }
    }

    @Test
    void beyondTheCapTheSwitchPointIsShifted() {
        // a = b from 1e13 (where the plain fraction would need ~2e5 steps at x = 1/2) to 1e150 (sd far
        // below an ulp of 1/2: the normal limit): I = 1/2 by symmetry, dI/da = -dI/db, and in the normal
        // limit dI/da = -phi(0)/sd / (4a) = -0.28209479177387814/sqrt(a) (sd = 1/sqrt(8a))
        for (double a : new double[] {1e13, 1e15, 1e20, 1e30, 1e40, 1e100, 1e150}) {
            double[] out = new double[IncompleteBeta.OUT_LENGTH];
            IncompleteBeta.evaluate(a, a, 0.5, out);
            assertEquals(0.5, out[IncompleteBeta.OUT_CDF], 1e-14, "I at a = b = " + a);
            assertEquals(-out[IncompleteBeta.OUT_DCDF_DA], out[IncompleteBeta.OUT_DCDF_DB],
                    1e-12 * Math.abs(out[IncompleteBeta.OUT_DCDF_DA]), "dI/db at " + a);
            assertEquals(-0.28209479177387814 / Math.sqrt(a), out[IncompleteBeta.OUT_DCDF_DA],
                    1e-12 * 0.28209479177387814 / Math.sqrt(a), "dI/da at " + a);
            assertEquals(0.25 / a, out[IncompleteBeta.OUT_GRAD_A], 1e-12 * 0.25 / a, "dz/da at " + a);
            assertTrue(IncompleteBeta.fractionSteps(a, a, 0.5) < 1000, "shifted at " + a);
        }
        // parameters whose products overflow (~1e154 and above): the fraction gives up at once, not after the
        // cap; evaluate() takes such points far from the mean to the tail (IncompleteBeta.bothHugeTail; NaN before)
        assertEquals(-1, IncompleteBeta.fractionSteps(1e154, 1e154, 0.3));
        assertEquals(0.0, IncompleteBeta.cdf(1e154, 1e154, 0.3), 0.0);
    }

    @Test
    void sideOfTheMeanIsExactForGiantParameters() {
        // a + b = 4.7e100: x(a + b + 2) <= a + 1 rounds; x = 0.21276595744680851 is 3.7e83 above the mean
        // in d = x (a + b) - a (~1e33 sd): I = 1, not 0
        assertEquals(1.0, IncompleteBeta.cdf(1e100, 3.7e100, 0.21276595744680851));
        assertEquals(0.0, IncompleteBeta.cdf(1e100, 3.7e100, 0.21276595744680848));
        assertEquals(1.0, IncompleteBeta.cdf(1e60, 3.7e60, 0.21276595744680851));
    }

    @Test
    void hugeParametersAreFiniteWithTheRightSignsAndSymmetric() {
        // a, b log-uniform in [1e6, 1e150], x within 10 sd of the mean (most next to it) or in a tail:
        // every output finite, I in [0, 1], dI/da <= 0 <= dI/db, dz/da > 0 > dz/db, and the reflection
        // I_x(a, b) = 1 - I_{1-x}(b, a) with the derivatives mapped (x >= 1/2, so 1 - x is exact)
        java.util.SplittableRandom r = new java.util.SplittableRandom(20261129);
        double[] o = new double[IncompleteBeta.OUT_LENGTH];
        double[] m = new double[IncompleteBeta.OUT_LENGTH];
        for (int i = 0; i < 3000; i++) {
            double a = Math.exp(Math.log(1e6) + r.nextDouble() * Math.log(1e144));
            double b = Math.exp(Math.log(1e6) + r.nextDouble() * Math.log(1e144));
            double mean = a / (a + b);
            double sd = Math.sqrt(mean * (b / (a + b)) / (a + b + 1));
            double s = i % 3 == 0 ? 20 * (2 * r.nextDouble() - 1) : 1.5 * (2 * r.nextDouble() - 1);
            double x = mean + s * sd;
            if (!(x > 0 && x < 1)) {
                continue;
            }
            IncompleteBeta.evaluate(a, b, x, o);
            String at = "(" + a + ", " + b + ", " + x + ")";
            for (double v : o) {
                assertTrue(Double.isFinite(v), "finite at " + at);
            }
            assertTrue(o[IncompleteBeta.OUT_CDF] >= 0 && o[IncompleteBeta.OUT_CDF] <= 1, "I at " + at);
            assertTrue(o[IncompleteBeta.OUT_DCDF_DA] <= 0 && o[IncompleteBeta.OUT_DCDF_DB] >= 0, "dI signs at " + at);
            assertTrue(o[IncompleteBeta.OUT_GRAD_A] > 0 && o[IncompleteBeta.OUT_GRAD_B] < 0, "dz signs at " + at);
            if (x >= 0.5) {
                IncompleteBeta.evaluate(b, a, 1 - x, m);
                double tol = 1e-12;
                assertEquals(o[IncompleteBeta.OUT_CDF], 1 - m[IncompleteBeta.OUT_CDF], 1e-14, "reflection I at " + at);
                assertEquals(o[IncompleteBeta.OUT_DCDF_DA], -m[IncompleteBeta.OUT_DCDF_DB],
                        tol * Math.abs(o[IncompleteBeta.OUT_DCDF_DA]), "reflection dI/da at " + at);
                assertEquals(o[IncompleteBeta.OUT_GRAD_A], -m[IncompleteBeta.OUT_GRAD_B],
                        tol * o[IncompleteBeta.OUT_GRAD_A], "reflection dz/da at " + at);
            }
        }
    }

    @Test
    void pytorchIssue127387IsFinite() {
        // a = 2^16, b = 1.5: PyTorch returns inf in float32; values vs the mpmath spot table are in
        // IncompleteBetaSpotTest, here: finite with the right signs over the whole support.
        for (double x : new double[] {0.999, 0.9995, 0.99998, 0.999999, 1 - 1e-12}) {
            double[] o = all(65536, 1.5, x);
            for (double v : o) {
                assertTrue(Double.isFinite(v), "finite at x=" + x);
            }
            assertTrue(o[3] > 0 && o[4] < 0, "signs at x=" + x);
        }
    }

    @Test
    void scalarMethodsAgreeWithEvaluate() {
        double a = 3.7;
        double b = 0.42;
        double x = 0.77;
        double[] o = all(a, b, x);
        assertEquals(o[0], IncompleteBeta.cdf(a, b, x));
        assertEquals(o[1], IncompleteBeta.dcdfDa(a, b, x));
        assertEquals(o[2], IncompleteBeta.dcdfDb(a, b, x));
        assertEquals(o[3], IncompleteBeta.gradA(a, b, x));
        assertEquals(o[4], IncompleteBeta.gradB(a, b, x));
    }

    @Test
    void derivativesMatchFiniteDifferences() {
        // central differences with step h = 1e-5 a: truncation ~h^2, so agreement to ~1e-8
        double[][] cases = {{2.5, 3.5, 0.3}, {0.2, 7, 0.01}, {500, 20, 0.95}, {1e4, 1e4, 0.497}, {0.01, 0.02, 0.6}};
        for (double[] c : cases) {
            double a = c[0];
            double b = c[1];
            double x = c[2];
            double ha = 1e-5 * a;
            double hb = 1e-5 * b;
            double fa = (IncompleteBeta.cdf(a + ha, b, x) - IncompleteBeta.cdf(a - ha, b, x)) / (2 * ha);
            double fb = (IncompleteBeta.cdf(a, b + hb, x) - IncompleteBeta.cdf(a, b - hb, x)) / (2 * hb);
            assertRel(fa, IncompleteBeta.dcdfDa(a, b, x), 1e-6, "fd a " + a + "," + b + "," + x);
            assertRel(fb, IncompleteBeta.dcdfDb(a, b, x), 1e-6, "fd b " + a + "," + b + "," + x);
        }
    }

    @Test
    void deltaIsAccurateNearTheMean() {
        // d = x (a + b) - a must keep full relative accuracy where it is tiny compared to a
        double a = 1e6;
        double b = 1e6;
        double x = 0.5 + 0x1p-40;
        double exact = 2e6 * 0x1p-40; // x (a + b) - a, exact in binary
        assertEquals(exact, IncompleteBeta.deltaFromU(a, b, x), 1e-16 * exact);
        assertEquals(-exact, IncompleteBeta.deltaFromV(a, b, x), 1e-16 * exact); // d(b,a,v=x) orientation
    }
}
