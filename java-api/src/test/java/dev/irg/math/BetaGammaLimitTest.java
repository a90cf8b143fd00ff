package dev.irg.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Vec;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Beta with one huge parameter (BetaConstants.GAMMA_LIMIT_MIN, IncompleteBeta.gammaLimit): NaN above b ~ 1e154 before,
 * and dI/db drifting from b ~ 1e105 (3.7e-2 off at b = 1e110). References by mpmath at 50 digits, each by a route
 * other than the Java code's ({@code python3 tools/coefficients/beta_gamma_limit.py}): the Gamma limit
 * P(a, -b log(1 - x)) where w = -log(1 - x) is small (checked there against mpmath's betainc at b = 1e30 and 1e40:
 * relative differences 6e-31, 1e-30, 5e-40), the tail integrals by quadrature elsewhere.
 */
class BetaGammaLimitTest {
    /** a, b, x, I, dI/da, dI/db, dz/da, dz/db (mpmath). */
    private static final double[][] LIMITS = {
        {2.5, 1.3407807929942597e+154, 2.237502219360062e-154, 0.6937810815867216, -0.22754855127826082, 4.354373832070528e-155, 8.720754450296407e-155, -1.668805393880401e-308},
        {2.5, 1e+170, 3e-170, 0.6937810815867217, -0.2275485512782608, 5.838260799556975e-171, 1.1692620067376634e-170, -0.0},
        {1e-100, 1e+170, 1e-171, 1.0, -1.8229239584193906, 9.048374180359596e-271, 2.0146425447084515e-71, -0.0},
        {0.01, 1e+200, 1e-203, 0.938570652526129, -5.957905603446865, 9.376418322531141e-203, 6.354138007185822e-201, -0.0},
        {1000.0, 1e+250, 1.05e-247, 0.9413288886226818, -0.003671837919495183, 3.762260382707515e-250, 1.0247642170623444e-250, -0.0},
        {1000.0, 1e+250, 8e-248, 5.501419776179117e-12, -1.2513645710834562e-12, 1.1213914672830875e-259, 8.927227342760282e-251, -0.0},
        {1000000.0, 1e+300, 1.0005e-294, 0.6915504757715395, -0.0003519920296233893, 3.5207996161946164e-298, 1.0002501250520886e-300, -0.0},
        {2.5, 1e+110, 5e-110, 0.9247647538534878, -0.08394278420759414, 2.833455534173447e-111, 1.481279363575424e-110, -5e-220},
        {0.5, 1e+106, 2.621320343559643e-106, 0.9779602047187818, -0.07037377606303877, 6.641407865049159e-108, 2.7776070163970977e-106, -2.621320343559643e-212},
        {1e-300, 1e+100, 1e-99, 1.0, -4.156968929685323e-06, 0.0, 9.156333393978807e+199, -1e-199},
        {10000000000.0, 1e+200, 1.00001e-190, 0.8413447460728726, -2.4197032123564993e-06, 2.4197153108120685e-196, 1.0000050000000002e-200, -0.0},
        {1000000000000.0, 1e+300, 9.99997e-289, 0.0013498862133806127, -4.431815173084222e-09, 4.4318085253573995e-297, 9.999984999986666e-301, -0.0},
        {1000000000000.0, 1e+300, 1.0000000999999999e-288, 0.5398279682514993, -3.9695252776372305e-07, 3.969525476112829e-295, 1.000000050000165e-300, -0.0},
        {9007199254740992.0, 1e+200, 9.007199344812984e-185, 0.8287056249104195, -2.6793308011520963e-09, 2.4133266516008076e-193, 1.000000005e-200, -0.0},
        {7.0, 1e+300, 0.5, 1.0, 0.0, 0.0, 3.4410479819127763e-298, -3.465735902799726e-301},
        {1e-30, 1e+200, 0.3, 1.0, 0.0, 0.0, 7e-171, -2.4967246075711267e-201},
        {1e-100, 1e+170, 0.3, 1.0, 0.0, 0.0, 7e-71, -2.4967246075711264e-171},
        {2.5, 1e+110, 0.001, 1.0, 0.0, 0.0, 2.454277748614079e-108, -9.9949983324995e-114},
        {1000000000000000.0, 1e+120, 0.3, 1.0, 0.0, 0.0, 1.683972233720342e-118, -2.4967246075711267e-121},
        {1000000000000000.0, 1e+250, 1e-40, 1.0, 0.0, 0.0, 4.49004093133839e-248, -1e-290},
        {2.5, 1e+100, 3.5e-19, 1.0, 0.0, 0.0, 1.8705899886036783e-98, -3.5e-119},
        {0.5, 1.7e+308, 0.999, 1.0, 0.0, 0.0, 4.186407920111277e-309, -4.063385458225e-311},
    };

    private static final Op[] OPS = {Op.BETA_CDF, Op.BETA_DCDF_DA, Op.BETA_DCDF_DB, Op.BETA_GRAD_A, Op.BETA_GRAD_B};

    @Test
    void hugeParameterMeetsTheGammaLimit() {
        Irg irg = Irg.using(Backend.SCALAR);
        for (double[] l : LIMITS) {
            for (int k = 0; k < OPS.length; k++) {
                String at = OPS[k] + " a=" + l[0] + " b=" + l[1] + " x=" + l[2];
                double want = l[3 + k];
                double got = eval(irg, OPS[k], l[0], l[1], l[2]);
                // relative 1e-13; values below the normal range (the true one underflowed) to 1e-300 absolute
                assertEquals(want, got, Math.max(1e-13 * Math.abs(want), 1e-300), at);
                if (l[2] >= 0.25) {
                    // the mirror image I_x(a, b) = 1 - I_(1-x)(b, a) (a huge first parameter); 1 - x exact
                    double y = 1 - l[2];
                    double m = eval(irg, mirror(OPS[k]), l[1], l[0], y);
                    double mwant = OPS[k] == Op.BETA_CDF ? 1 - want : -want;
                    assertEquals(mwant, m, Math.max(1e-13 * Math.abs(mwant), 1e-300), at + " mirrored");
                }
            }
        }
    }

    /**
     * Where the fraction still works (b from 1e40 to 1e96, below GAMMA_LIMIT_MIN) and the Gamma limit is already
     * exact to ~1e-25 ((a + 1) w + a^2/b), the limit's code and the regions agree: two independent methods.
     */
    @Test
    void tailAndMirrorAgreeWithTheRegionsWhereBothHold() {
        // the tail branch (x not small) and the huge-a orientation against the regions (called directly), from
        // b = 1e96 (below GAMMA_LIMIT_MIN) to 1e103 (the regions' dI/db drifts from ~1e105 on): within 1e-15
        double[] out = new double[IncompleteBeta.OUT_LENGTH];
        double[] lim = new double[IncompleteBeta.OUT_LENGTH];
        for (double b : new double[] {1e96, 1e100, 1e103}) {
            for (double a : new double[] {1e-3, 0.5, 2.5, 40, 1e3, 1e6}) {
                for (double x : new double[] {1e-30, 1e-10, 0.3, 0.9}) {
                    IncompleteBeta.evaluateRegions(a, b, x, out);
                    IncompleteBeta.gammaLimit(a, b, x, true, lim);
                    assertClose(out, lim, 1e-15, "a=" + a + " b=" + b + " x=" + x);
                    if (1 - x < 1) { // (x = 1 is an edge, not a limit)
                        IncompleteBeta.evaluateRegions(b, a, 1 - x, out);
                        IncompleteBeta.gammaLimit(b, a, 1 - x, false, lim);
                        assertClose(out, lim, 1e-15, "mirrored a=" + b + " b=" + a + " x=" + (1 - x));
                    }
                }
            }
        }
    }

    /** a, b, x, dI/db, dz/db for shapes above 2^53 next to the mean (mpmath: tools/coefficients/beta_gamma_limit.py, part 3). */
    private static final double[][] LARGE_SHAPES = {
        {1e+16, 1e+140, 1.00000001e-124, 2.4197072365420027e-133, -1.0000000099999999e-264},
        {1e+20, 1e+150, 9.999999997e-131, 4.431838777782204e-143, -9.999999996999999e-281},
        {1e+30, 1e+150, 1.000000000000002e-120, 5.363664370778081e-137, -1.0000000000000021e-270},
    };

    /**
     * Shapes above 2^53: dI/db and dz/db against mpmath (the regions, which decided these before, are 3e-9 off
     * there: a = 1e16, b = 1e140, one sd above the mean).
     */
    @Test
    void largeShapesMeetMpmath() {
        Irg irg = Irg.using(Backend.SCALAR);
        for (double[] l : LARGE_SHAPES) {
            String at = "a=" + l[0] + " b=" + l[1] + " x=" + l[2];
            assertEquals(l[3], eval(irg, Op.BETA_DCDF_DB, l[0], l[1], l[2]), 1e-13 * Math.abs(l[3]), at + ": dI/db");
            assertEquals(l[4], eval(irg, Op.BETA_GRAD_B, l[0], l[1], l[2]), 1e-13 * Math.abs(l[4]), at + ": dz/db");
        }
    }

    /**
     * Shapes above 2^53 (b &ge; 2^120 (a + 1)^2: Temme's expansion with lambda/a - 1 carried exactly) against the
     * regions (the shifted fraction and normal limit for min(a, b) &ge; 1e9) for I, dI/da and dz/da, next to the
     * mean and in the tails, where both hold (b &lt; 1e154); dI/db and dz/db above (the regions drift there).
     */
    @Test
    void largeShapesAgreeWithTheRegions() {
        double[] out = new double[IncompleteBeta.OUT_LENGTH];
        double[] lim = new double[IncompleteBeta.OUT_LENGTH];
        for (double b : new double[] {1e140, 1e150}) {
            for (double a : new double[] {1e16, 1e20, 1e30}) {
                assertTrue(IncompleteBeta.hugeAgainst(b, a), "a=" + a + " b=" + b + " takes the limits");
                double sd = Math.sqrt(a);
                for (double lam : new double[] {a, a + sd, a - sd, a + 3 * sd, a - 5 * sd, a + 20 * sd, 0.3 * a, 2 * a}) {
                    double x = lam / b;
                    IncompleteBeta.evaluate(a, b, x, lim);
                    IncompleteBeta.evaluateRegions(a, b, x, out);
                    for (int k : new int[] {IncompleteBeta.OUT_CDF, IncompleteBeta.OUT_DCDF_DA, IncompleteBeta.OUT_GRAD_A}) {
                        // 2e-12: the regions' own accuracy at such sizes (docs/beta.md, "Huge parameters": 1.4e-12)
                        assertEquals(out[k], lim[k], Math.max(2e-12 * Math.abs(out[k]), 1e-300),
                                "a=" + a + " b=" + b + " x=" + x + " output " + k);
                    }
                }
            }
        }
    }


    private static void assertClose(double[] want, double[] got, double rel, String at) {
        for (int k = 0; k < want.length; k++) {
            assertEquals(want[k], got[k], Math.max(rel * Math.abs(want[k]), 1e-300), at + " output " + k);
        }
    }

    @Test
    void limitAgreesWithTheFractionWhereBothHold() {
        double[] out = new double[IncompleteBeta.OUT_LENGTH];
        double[] lim = new double[IncompleteBeta.OUT_LENGTH];
        for (double b : new double[] {1e40, 3.7e77, 1e96}) {
            for (double a : new double[] {1e-3, 0.3, 2.5, 40, 1e4}) {
                for (double lam : new double[] {0.01, 1, a, 3 * a + 10, 0.3 * a}) {
                    double x = lam / b;
                    IncompleteBeta.evaluate(a, b, x, out);
                    IncompleteBeta.gammaLimit(a, b, x, true, lim);
                    for (int k = 0; k < out.length; k++) {
                        String at = "output " + k + " a=" + a + " b=" + b + " x=" + x;
                        assertTrue(Double.isFinite(out[k]), at + ": regions " + out[k]);
                        assertEquals(out[k], lim[k], Math.max(2e-12 * Math.abs(out[k]), 1e-300), at);
                    }
                }
            }
        }
    }

    /** Shapes above 2^53 with b &ge; 2^120 (a + 1)^2 up to MAX_VALUE (NaN above ~1e154 before): finite, signs right. */
    @Test
    void randomLargeShapesAreFinite() {
        SplittableRandom r = new SplittableRandom(13);
        Irg irg = Irg.using(Backend.SCALAR);
        for (int i = 0; i < 2000; i++) {
            double a = Math.exp(Math.log(0x1p53) + r.nextDouble() * (Math.log(0x1p440) - Math.log(0x1p53)));
            double lo = Math.log(0x1p120) + 2 * Math.log(a + 1);
            double b = Math.exp(lo + r.nextDouble() * (Math.log(Double.MAX_VALUE) - lo));
            double mean = a / b;
            double x = r.nextInt(2) == 0 ? mean * (1 + (r.nextDouble() - 0.5) * 20 / Math.sqrt(a)) : r.nextDouble();
            if (!(x > 0 && x < 1)) {
                continue;
            }
            String at = "a=" + a + " b=" + b + " x=" + x;
            double[] v = evalAll(irg, a, b, x);
            for (int k = 0; k < OPS.length; k++) {
                assertTrue(Double.isFinite(v[k]), OPS[k] + " " + at + ": " + v[k]);
            }
            assertTrue(v[0] >= 0 && v[0] <= 1 && v[1] <= 0 && v[2] >= 0 && v[3] >= 0 && v[4] <= 0, at + ": signs");
        }
    }

    /** Random pairs over the whole covered range (b in [2^320, MAX_VALUE], a in [MIN_VALUE, 2^53]): finite (dz/da may be +inf at subnormal a), signs right. */
    @Test
    void randomHugeParametersAreFiniteAndConsistent() {
        SplittableRandom r = new SplittableRandom(12);
        Irg irg = Irg.using(Backend.SCALAR);
        for (int i = 0; i < 3000; i++) {
            double b = Math.exp(Math.log(0x1p320) + r.nextDouble() * (Math.log(Double.MAX_VALUE) - Math.log(0x1p320)));
            double a = Math.exp(Math.log(Double.MIN_VALUE) + r.nextDouble() * (Math.log(0x1p53) - Math.log(Double.MIN_VALUE)));
            double x = r.nextInt(3) == 0 ? r.nextDouble() : Math.exp(-r.nextDouble() * 745);
            if (!(x > 0 && x < 1)) {
                continue;
            }
            String at = "a=" + a + " b=" + b + " x=" + x;
            double[] v = evalAll(irg, a, b, x);
            for (int k = 0; k < OPS.length; k++) {
                assertTrue(!Double.isNaN(v[k]) && !Double.isInfinite(v[k]) || k == 3, OPS[k] + " " + at + ": " + v[k]);
            }
            assertTrue(v[0] >= 0 && v[0] <= 1, at + ": I " + v[0]);
            assertTrue(v[1] <= 0 && v[2] >= 0 && v[3] >= 0 && v[4] <= 0, at + ": signs");
        }
    }

    private static Op mirror(Op op) {
        return switch (op) {
            case BETA_DCDF_DA -> Op.BETA_DCDF_DB;
            case BETA_DCDF_DB -> Op.BETA_DCDF_DA;
            case BETA_GRAD_A -> Op.BETA_GRAD_B;
            case BETA_GRAD_B -> Op.BETA_GRAD_A;
            default -> op;
        };
    }

    /** The five outputs (OPS order) at one point through the public API. */
    private static double[] evalAll(Irg irg, double a, double b, double x) {
        double[] v = new double[OPS.length];
        for (int k = 0; k < OPS.length; k++) {
            v[k] = eval(irg, OPS[k], a, b, x);
        }
        return v;
    }

    private static double eval(Irg irg, Op op, double a, double b, double x) {
        double[] o = new double[1];
        irg.evaluate(op, Vec.of(new double[] {a}), Vec.of(new double[] {b}), Vec.of(new double[] {x}), Vec.of(o));
        return o[0];
    }
}
