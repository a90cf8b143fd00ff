package dev.irg.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Vec;
import org.junit.jupiter.api.Test;

/**
 * Beta with one tiny parameter (BetaConstants.SUBNORMAL_PROXY; NaN before, found by a fuzz of the public API).
 * As a &rarr; 0, I = 1 - a G(b, x) with G = int_x^1 t^-1 (1-t)^(b-1) dt, so dI/da = -G, dz/db = G_b x/(1-x)^(b-1)
 * and a dz/da = G x/(1-x)^(b-1): the references below are these limits by mpmath (30 digits, quad and diff).
 */
class BetaTinyParameterTest {
    /** b, x, -G, dz/db, a dz/da (mpmath). */
    private static final double[][] LIMITS = {
        {0.86, 0.3, -1.41503889396788, -0.492213660699047, 0.403834443285654},
        {876, 0.001, -0.271335922388148, -1.1416329290708e-6, 0.000651186062162108},
        {3.5, 0.7, -0.00553637073060154, -0.115706033054285, 0.0786176516704917},
    };

    @Test
    void tinyFirstParameterMeetsItsLimit() {
        Irg irg = Irg.using(Backend.SCALAR);
        for (double a : new double[] {1e-250, 1e-300, Double.MIN_NORMAL, 1e-315, Double.MIN_VALUE}) {
            for (double[] l : LIMITS) {
                String at = "a=" + a + " b=" + l[0] + " x=" + l[1];
                assertEquals(1.0, eval(irg, Op.BETA_CDF, a, l[0], l[1]), 1e-15, at);
                assertEquals(l[2], eval(irg, Op.BETA_DCDF_DA, a, l[0], l[1]), 1e-12 * Math.abs(l[2]), at + ": dI/da");
                assertEquals(l[3], eval(irg, Op.BETA_GRAD_B, a, l[0], l[1]), 1e-12 * Math.abs(l[3]), at + ": dz/db");
                double g = eval(irg, Op.BETA_GRAD_A, a, l[0], l[1]);
                double want = l[4] / a;
                assertTrue(want == Double.POSITIVE_INFINITY ? g == want : Math.abs(g - want) <= 1e-12 * want, at + ": dz/da " + g);
                // the mirror image: I_x(a, b) = 1 - I_(1-x)(b, a)
                double y = 1 - l[1];
                assertEquals(-l[2], eval(irg, Op.BETA_DCDF_DB, l[0], a, y), 1e-12 * Math.abs(l[2]), at + " mirrored: dI/db");
                assertEquals(-l[3], eval(irg, Op.BETA_GRAD_A, l[0], a, y), 1e-12 * Math.abs(l[3]), at + " mirrored: dz/da");
            }
        }
    }

    /**
     * One small parameter next to a moderate one, x above the switch point (the series' upper region, its complement
     * -expm1(E) - e^E p S' with E ~ b): I_x(a, b) against mpmath (60 digits, quadrature of the density over [0, x]
     * divided by B(a, b)) within 1e-13 for b from 1e-4 down to 1e-250 (above the tiny-parameter proxy). Was 3e-14 off
     * at b = 1e-4, 1e-12 at 1e-6, 2e-8 at 1e-10 and 1.5 (150 %) from 1e-18 on: the prefactor's Stirling corrections
     * were a plain difference (IncompleteBeta.logPrefactor; found by a fuzz of the public API, 2026-11-29).
     */
    @Test
    void smallParameterAboveTheSwitchPoint() {
        double[][] rows = { // a, b, x, I (mpmath)
            {20.87969741496312, 1e-4, 0.9581336638269059, 2.7335445915759388e-5},
            {20.87969741496312, 1e-7, 0.9581336638269059, 2.733303230637972e-8},
            {20.87969741496312, 1e-10, 0.9581336638269059, 2.7333029892677012e-11},
            {20.87969741496312, 1e-14, 0.9581336638269059, 2.7333029890261134e-15},
            {20.87969741496312, 1e-18, 0.9581336638269059, 2.7333029890260894e-19},
            {20.87969741496312, 1e-30, 0.9581336638269059, 2.7333029890260895e-31},
            {20.87969741496312, 1e-100, 0.9581336638269059, 2.7333029890260893e-101},
            {20.87969741496312, 4.733490922439829e-141, 0.9581336638269059, 1.2938064886832645e-141},
            {20.87969741496312, 1e-250, 0.9581336638269059, 2.7333029890260894e-251},
            {10.353434604928191, 1e-4, 0.9562623813345078, 6.3837394780156525e-5},
            {10.353434604928191, 1e-10, 0.9562623813345078, 6.3834927258727104e-11},
            {10.353434604928191, 1e-18, 0.9562623813345078, 6.383492725625921e-19},
            {10.353434604928191, 4.733490922439829e-141, 0.9562623813345078, 3.0216204870210977e-141},
            {150.0, 1e-4, 0.995, 3.4076066504043463e-5},
            {150.0, 1e-10, 0.995, 3.4073319582119536e-11},
            {150.0, 1e-30, 0.995, 3.4073319579372473e-31},
            {150.0, 1e-250, 0.995, 3.4073319579372472e-251},
        };
        Irg irg = Irg.using(Backend.SCALAR);
        for (double[] r : rows) {
            String at = "a=" + r[0] + " b=" + r[1] + " x=" + r[2];
            assertEquals(r[3], eval(irg, Op.BETA_CDF, r[0], r[1], r[2]), 1e-13 * r[3], at);
            // the mirror image: I_(1-x)(b, a) = 1 - I (here next to 1)
            assertEquals(1 - r[3], eval(irg, Op.BETA_CDF, r[1], r[0], 1 - r[2]), 1e-15, at + " mirrored");
        }
    }

    /**
     * Both parameters tiny: Beta(a, b) tends to a two-point law with P(X = 0) = b/(a+b), so I = b/(a+b),
     * dI/da = -b/(a+b)^2, dI/db = a/(a+b)^2 (corrections O(max(a, b) log) below 1e-100 here). Was -infinity
     * (a = b = 1e-300) and off by 1e-5 (1e-160): the digamma drop's z (z+p) underflowed.
     */
    @Test
    void bothTinyMeetTheTwoPointLimit() {
        Irg irg = Irg.using(Backend.SCALAR);
        double[][] ab = {{1e-160, 1e-160}, {1e-300, 1e-300}, {1e-300, 3e-300}, {2e-200, 1e-250}, {1e-120, 7e-121}};
        for (double[] p : ab) {
            double a = p[0];
            double b = p[1];
            double s = a + b;
            for (double x : new double[] {1e-100, 0.3, 0.9, 1 - 1e-12}) {
                String at = "a=" + a + " b=" + b + " x=" + x;
                assertEquals(b / s, eval(irg, Op.BETA_CDF, a, b, x), 1e-14 * (b / s), at + ": I");
                assertEquals(-b / s / s, eval(irg, Op.BETA_DCDF_DA, a, b, x), 1e-14 * (b / s / s), at + ": dI/da");
                assertEquals(a / s / s, eval(irg, Op.BETA_DCDF_DB, a, b, x), 1e-14 * (a / s / s), at + ": dI/db");
            }
        }
    }

    @Test
    void extremeRatiosFoundByTheFuzzAreFinite() {
        Irg irg = Irg.using(Backend.SCALAR);
        double[][] pts = {{7.80220804754592e-303, 3.65419491191908e26, 0.3031918457764021},
            {6.505329448485478e-266, 2.671079228900515e52, 1e-45}, {1.1504795289986417e-268, 9.07477401652415e87, 3.6483476522359944e-41},
            {1e-250, 1e60, 0.3}, {2.2250738585072014e-308, 876.4693771023224, 0.14100604811928308},
            {1e-100, 1e170, 0.3}, {1e-320, 1e300, 0.5}}; // the last two: the limits of IncompleteBeta.gammaLimit (NaN before)
        for (double[] p : pts) {
            for (Op op : new Op[] {Op.BETA_CDF, Op.BETA_DCDF_DA, Op.BETA_DCDF_DB, Op.BETA_GRAD_A, Op.BETA_GRAD_B}) {
                for (int swap = 0; swap < 2; swap++) {
                    double a = swap == 0 ? p[0] : p[1];
                    double b = swap == 0 ? p[1] : p[0];
                    double v = eval(irg, op, a, b, swap == 0 ? p[2] : 1 - p[2]);
                    assertTrue(!Double.isNaN(v), op + " a=" + a + " b=" + b + ": NaN");
                }
            }
        }
    }

    private static double eval(Irg irg, Op op, double a, double b, double x) {
        double[] o = new double[1];
        irg.evaluate(op, Vec.of(new double[] {a}), Vec.of(new double[] {b}), Vec.of(new double[] {x}), Vec.of(o));
        return o[0];
    }
}
