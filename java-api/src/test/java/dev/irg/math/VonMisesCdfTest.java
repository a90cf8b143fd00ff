package dev.irg.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Domain, special values, region consistency and the Bessel helper of {@link VonMisesCdf}. */
class VonMisesCdfTest {

    static void assertRel(double expected, double actual, double tol, String what) {
        double e = expected == actual ? 0 : Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(e <= tol, what + ": expected " + expected + " got " + actual + " rel " + e);
    }

    @Test
    void invalidInputsGiveNaN() {
        double[][] bad = {{-1e-300, 0.1}, {-1, 0.1}, {Double.NaN, 0.1}, {Double.POSITIVE_INFINITY, 0.1},
            {1, Double.NaN}, {1, Double.POSITIVE_INFINITY}, {1, Double.NEGATIVE_INFINITY}, {Double.NEGATIVE_INFINITY, 0}};
        for (double[] b : bad) {
            assertTrue(Double.isNaN(VonMisesCdf.cdf(b[0], b[1])), "cdf " + b[0] + "," + b[1]);
            assertTrue(Double.isNaN(VonMisesCdf.dcdfDkappa(b[0], b[1])), "dcdf " + b[0] + "," + b[1]);
            assertTrue(Double.isNaN(VonMisesCdf.gradKappa(b[0], b[1])), "grad " + b[0] + "," + b[1]);
            assertEquals(VonMisesConstants.REGION_INVALID, VonMisesCdf.classify(b[0], b[1]));
        }
        assertTrue(Double.isNaN(BesselI01.i0e(-1)));
        assertTrue(Double.isNaN(BesselI01.oneMinusRatio(Double.NaN)));
    }

    @Test
    void kappaZeroIsUniformWithLimitDerivatives() {
        for (double x : new double[] {-3.1, -2, -1.5, -0.7, -1e-9, 0, 1e-9, 0.5, 1.6, 3.0, 7.5, -20}) {
            double k = Math.rint(x / (2 * Math.PI));
            double r = x - 2 * Math.PI * k;
            assertRel(k + (r + Math.PI) / (2 * Math.PI), VonMisesCdf.cdf(0.0, x), 1e-14, "cdf x=" + x);
            // d/dkappa at 0: int_{-pi}^{x} cos t dt / 2pi = sin(x)/2pi; dz/dkappa = -sin x
            assertRel(Math.sin(x) / (2 * Math.PI), VonMisesCdf.dcdfDkappa(0.0, x), 1e-12, "dcdf x=" + x);
            assertRel(-Math.sin(x), VonMisesCdf.gradKappa(0.0, x), 1e-12, "grad x=" + x);
        }
    }

    @Test
    void modeAndAntimode() {
        for (double kappa : new double[] {0, 1e-4, 0.3, 1, 10, 25, 300, 1e4, 1e5}) {
            assertEquals(0.5, VonMisesCdf.cdf(kappa, 0.0), 0.0, "F(0) kappa=" + kappa);
            assertEquals(0.0, VonMisesCdf.dcdfDkappa(kappa, 0.0), 0.0);
            assertEquals(0.0, VonMisesCdf.gradKappa(kappa, 0.0), 0.0);
            // -Math.PI is 1.2e-16 above -pi: F is (nearly) 0 there, the gradient ~ (1 + A) * 1.2e-16
            double lo = VonMisesCdf.cdf(kappa, -Math.PI);
            assertTrue(lo >= 0 && lo < 1e-16, "F(-pi) = " + lo);
            assertTrue(Math.abs(VonMisesCdf.gradKappa(kappa, -Math.PI)) < 3e-16);
            assertTrue(Math.abs(VonMisesCdf.gradKappa(kappa, Math.PI)) < 3e-16);
            double hi = VonMisesCdf.cdf(kappa, Math.PI);
            assertTrue(hi <= 1 && hi > 1 - 1e-15, "F(pi) = " + hi);
        }
    }

    @Test
    void periodicityAndSymmetry() {
        for (double kappa : new double[] {1e-3, 2, 40, 5e3}) {
            for (double x : new double[] {-2.5, -0.3, -0.01, 0.02, 1.1, 3.0}) {
                double f = VonMisesCdf.cdf(kappa, x);
                double d = VonMisesCdf.dcdfDkappa(kappa, x);
                double g = VonMisesCdf.gradKappa(kappa, x);
                // symmetry: F(-x) = 1 - F(x), derivatives odd
                assertEquals(1.0, f + VonMisesCdf.cdf(kappa, -x), 4e-16, "symmetry");
                assertRel(-d, VonMisesCdf.dcdfDkappa(kappa, -x), 1e-14, "dcdf odd");
                assertRel(-g, VonMisesCdf.gradKappa(kappa, -x), 1e-14, "grad odd");
                for (int k : new int[] {-3, -1, 1, 4}) {
                    double xs = x + k * 2 * Math.PI; // rounding of the shift: a few 1e-16 in x
                    double tol = 1e-12 * Math.max(1, Math.sqrt(kappa)); // the shift moves x by ~ulp(xs)
                    assertEquals(f + k, VonMisesCdf.cdf(kappa, xs), 1e-14 * (Math.abs(k) + 1) * Math.max(1, Math.sqrt(kappa)), "periodic cdf");
                    assertRel(d, VonMisesCdf.dcdfDkappa(kappa, xs), tol, "periodic dcdf");
                    assertRel(g, VonMisesCdf.gradKappa(kappa, xs), tol, "periodic grad");
                }
            }
        }
    }

    @Test
    void tailsJustPastPiStayOnTheSmallSide() {
        // x slightly below -pi belongs to the previous period: F = -(small), not -1 + (1 - small)
        double kappa = 2.0;
        double x = -Math.PI - 1e-9;
        double f = VonMisesCdf.cdf(kappa, x);
        double small = VonMisesCdf.cdf(kappa, -Math.PI + 1e-9);
        assertTrue(f < 0 && f > -1e-9, "F = " + f);
        assertRel(-1 + (1 - small), 1 + f - 1, 1e-6, "near -pi");
        // the density at -pi for kappa = 2: e^-2/(2 pi I0(2)); F(-pi + h) ~ h * that
        double p = Math.exp(-2 * kappa) / (2 * Math.PI * BesselI01.i0e(kappa));
        assertRel(p * (1e-9 + 1.2246467991473532e-16), small, 1e-6, "F(-pi + 1e-9)");
    }

    @Test
    void regionsAgreeAtTheirBoundary() {
        // at x = -arccos(A) both representations are valid; they must agree closely
        for (double kappa : new double[] {1e-4, 0.1, 1, 5, 24, 26, 100, 1e3, 1e4, 1e5}) {
            double omA = BesselI01.oneMinusRatio(kappa);
            double i0e = BesselI01.i0e(kappa);
            double ax = 2 * Math.asin(Math.sqrt(0.5 * omA));
            double y = Math.PI - ax;
            double v = 2 * kappa * Math.pow(Math.sin(0.5 * ax), 2);
            double g0 = Math.max(0, VonMisesCdf.tailG0(ax, omA));
            double fc = 0.5 - VonMisesCdf.centralIntegral(kappa, ax, omA, 0) / (2 * Math.PI * i0e);
            double ft = Math.exp(-v) * VonMisesCdf.tailIntegral(kappa, ax, y, g0, 0) / (2 * Math.PI * i0e);
            assertRel(fc, ft, 1e-14, "F at boundary kappa=" + kappa);
            double gc = VonMisesCdf.centralIntegral(kappa, ax, omA, 1) * Math.exp(v);
            double gt = VonMisesCdf.tailIntegral(kappa, ax, y, g0, 1);
            assertRel(gc, gt, 1e-13, "grad at boundary kappa=" + kappa);
        }
    }

    @Test
    void besselValues() {
        // mpmath, 30 digits: I0(k) e^-k, 1 - I1/I0, I1/I0
        double[][] ref = {
            {1e-4, 0.9999000074995833, 0.9999500000000625, 4.99999999375e-05},
            {1.0, 0.46575960759364043, 0.5536100341034655, 0.4463899658965345},
            {24.9, 0.0803593326115322, 0.02029058326443952, 0.9797094167355604},
            {25.0, 0.0801967735474367, 0.02020854650948407, 0.9797914534905159},
            {25.1, 0.08003519725429624, 0.02012717068478708, 0.9798728293152129},
            {700.0, 0.015081295651531358, 0.0007145411815739067, 0.9992854588184261},
            {1e5, 0.0012615678379767768, 5.000012500125002e-06, 0.9999949999874999}};
        for (double[] r : ref) {
            // power series: the rounding of ~40 product-formed terms gives up to ~1e-15 near kappa = 25
            assertRel(r[1], BesselI01.i0e(r[0]), 3e-15, "I0e(" + r[0] + ")");
            assertRel(r[2], BesselI01.oneMinusRatio(r[0]), 1e-14, "1-A(" + r[0] + ")");
            assertRel(r[3], BesselI01.ratio(r[0]), 4e-16, "A(" + r[0] + ")");
        }
        assertEquals(1.0, BesselI01.i0e(0), 0);
        assertEquals(1.0, BesselI01.oneMinusRatio(0), 0);
        // both Bessel regions agree at the switch
        double k = VonMisesConstants.BESSEL_ASYMPTOTIC_MIN_KAPPA;
        assertRel(BesselI01.seriesI0(k) * Math.exp(-k), BesselI01.asymptoticI0e(k), 1e-15, "I0e switch");
        // 1 - I1/I0 from the series cancels (A = 0.98 here): measured 2.4e-14, harmless for the CDF
        assertRel(BesselI01.asymptoticDiff(k) / BesselI01.asymptoticI0e(k),
                1 - BesselI01.seriesI1(k) / BesselI01.seriesI0(k), 5e-14, "1-A switch");
    }

    @Test
    void classifySplitsAtArccosA() {
        double kappa = 10;
        double xa = Math.acos(BesselI01.ratio(kappa));
        assertEquals(VonMisesConstants.REGION_CENTRAL, VonMisesCdf.classify(kappa, -0.99 * xa));
        assertEquals(VonMisesConstants.REGION_CENTRAL, VonMisesCdf.classify(kappa, 0.99 * xa));
        assertEquals(VonMisesConstants.REGION_TAIL, VonMisesCdf.classify(kappa, -1.01 * xa));
        assertEquals(VonMisesConstants.REGION_TAIL, VonMisesCdf.classify(kappa, 1.01 * xa + 2 * Math.PI));
    }

    @Test
    void largeArgumentsAndKappaBeyondTheDomain() {
        // finite, in-range results far out (accuracy claimed only for |x| < 2^23 pi and kappa <= 1e5)
        for (double kappa : new double[] {1e6, 1e9}) {
            for (double x : new double[] {-3, -1e-4, 1e-6, 2}) {
                assertTrue(Double.isFinite(VonMisesCdf.cdf(kappa, x)));
                assertTrue(Double.isFinite(VonMisesCdf.gradKappa(kappa, x)));
                assertTrue(Math.signum(VonMisesCdf.gradKappa(kappa, x)) == -Math.signum(x));
            }
        }
        double f = VonMisesCdf.cdf(3, 1e7);
        assertTrue(Math.abs(f - 1e7 / (2 * Math.PI)) < 1, "F(1e7) = " + f);
        // beyond the exact reduction: finite, in the right period, derivatives finite
        for (double x : new double[] {3e7, -1e12, 1e20, -1e300, Double.MAX_VALUE}) {
            double fx = VonMisesCdf.cdf(3, x);
            assertTrue(Math.abs(fx - x / (2 * Math.PI)) <= 1 + Math.abs(x) * 1e-15, "F(" + x + ") = " + fx);
            assertTrue(Double.isFinite(VonMisesCdf.dcdfDkappa(3, x)) && Double.isFinite(VonMisesCdf.gradKappa(3, x)));
        }
    }

    @Test
    void derivativeMatchesFiniteDifferenceOfTheCdf() {
        // independent of the mpmath table: central difference of F in kappa (h ~ kappa * 1e-5)
        for (double kappa : new double[] {0.05, 1, 7, 24, 26, 300, 2e4}) {
            double s = 1 / Math.sqrt(kappa + 1);
            for (double x : new double[] {-2.5 * s, -s, -0.3 * s, 0.4 * s, 1.7 * s}) {
                double h = 1e-5 * kappa;
                double fd = (VonMisesCdf.cdf(kappa + h, x) - VonMisesCdf.cdf(kappa - h, x)) / (2 * h);
                assertRel(fd, VonMisesCdf.dcdfDkappa(kappa, x), 1e-7, "dF/dkappa vs FD kappa=" + kappa + " x=" + x);
            }
        }
    }

    @Test
    void gradientIsUnbiasedForCosine() {
        // E[-sin z * dz/dkappa] = d/dkappa E[cos z] = A'(kappa) = 1 - A/kappa - A^2 (numerics.md).
        // The integrand is smooth and 2pi-periodic, so the trapezoid rule converges geometrically.
        for (double kappa : new double[] {0.5, 3, 30, 400}) {
            int n = 4000;
            double i0e = BesselI01.i0e(kappa);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double z = -Math.PI + 2 * Math.PI * (i + 0.5) / n;
                double p = Math.exp(kappa * (Math.cos(z) - 1)) / (2 * Math.PI * i0e);
                sum += -Math.sin(z) * VonMisesCdf.gradKappa(kappa, z) * p;
            }
            double mean = sum * 2 * Math.PI / n;
            // written with 1 - A (accurate) so that large kappa does not cancel 1 - A^2 away
            double om = BesselI01.oneMinusRatio(kappa);
            double a = BesselI01.ratio(kappa);
            double exact = om * (1 + a) - a / kappa;
            assertRel(exact, mean, 1e-11, "E[-sin z dz/dkappa] kappa=" + kappa);
        }
    }
}
