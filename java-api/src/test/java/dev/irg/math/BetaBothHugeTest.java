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
 * Beta with both parameters at least 2^53 and x at least 2^30 standard deviations from the mean
 * (BetaConstants.BOTH_HUGE_MIN, IncompleteBeta.bothHugeTail): NaN before where the two parameters' products
 * overflow (one above ~1e154). References: the exact tail integrals of dz/da and dz/db by mpmath quadrature
 * ({@code python3 tools/coefficients/beta_both_huge.py}), not the code's leading term; its last five rows are
 * nearer the mean (1e4..1e5 sd, decided by the regions).
 */
class BetaBothHugeTest {
    /** a, b, x, dz/da, dz/db (mpmath). */
    private static final double[][] TAILS = {
        {1e+200, 1e+200, 0.3, 2.6818345247714513e-201, -1.766479242261368e-201},
        {1e+200, 1e+200, 0.5000000000000001, 2.5e-201, -2.5000000000000003e-201},
        {1e+200, 3e+200, 0.6, 1.5008035497495428e-201, -1.07761484472407e-201},
        {1e+160, 1e+200, 1e-40, 1e-200, -1e-240},
        {1e+300, 1e+300, 0.7, 1.766479242261368e-301, -2.681834524771451e-301},
        {1.3407807929942597e+154, 4.149515568880993e+180, 1e-30, 6.028653260725272e-184, -2.4099198651028843e-211},
        {1.7e+308, 1e+200, 0.999, 5.879410783823e-312, -1.4238809467789503e-306},
        {1.7e+308, 1.7e+308, 0.25, 1.529001133588116e-309, -8.9440832670919e-310},
        {7.297736931194627e+103, 7.028877501334293e+174, 1.0382506922064436e-71, 1.422702273314864e-175, -1.4771216200728385e-246},
        {1e+60, 1e+200, 0.5, 1.6083438291930324e-198, -3.4657359027997264e-201},
        {2.1236830755475266e+108, 1.4279782133029464e+246, 0.19570434562551364, 1.7783129973203348e-244, -1.2266729303032501e-247},
        {1e+20, 1e+160, 1.0000001e-140, 1.0000000499999984e-160, -1.0000001000000001e-300},
        {5.4584450878918405e+261, 5.3107597440172015e+138, 0.9999999999836, 3.0045172592104265e-273, -4.734162405170878e-260},
        {1e+40, 1e+100, 1.0000000000000001e-60, 1e-100, -1.0000000000000001e-160},
        {1e+40, 1e+100, 9.999999999999996e-61, 9.999999999999998e-101, -9.999999999999995e-161},
        {1e+45, 1e+110, 1.0000000000000003e-65, 1.0000000000000002e-110, -1.0000000000000003e-175},
        {1e+45, 1e+110, 9.999999999999997e-66, 9.999999999999999e-111, -9.999999999999997e-176},
        {1e+50, 1e+105, 1.000000000000001e-55, 1.0000000000000005e-105, -1.0000000000000011e-160},
    };

    @Test
    void gradientsMeetTheTailIntegrals() {
        Irg irg = Irg.using(Backend.SCALAR);
        for (double[] t : TAILS) {
            String at = "a=" + t[0] + " b=" + t[1] + " x=" + t[2];
            double mean = 1 / (1 + t[1] / t[0]);
            assertEquals(t[2] < mean ? 0.0 : 1.0, eval(irg, Op.BETA_CDF, t[0], t[1], t[2]), 0.0, at + ": I");
            assertEquals(0.0, eval(irg, Op.BETA_DCDF_DA, t[0], t[1], t[2]), 0.0, at + ": dI/da");
            assertEquals(0.0, eval(irg, Op.BETA_DCDF_DB, t[0], t[1], t[2]), 0.0, at + ": dI/db");
            assertEquals(t[3], eval(irg, Op.BETA_GRAD_A, t[0], t[1], t[2]), Math.max(1e-13 * Math.abs(t[3]), 1e-320), at + ": dz/da");
            assertEquals(t[4], eval(irg, Op.BETA_GRAD_B, t[0], t[1], t[2]), Math.max(1e-13 * Math.abs(t[4]), 1e-320), at + ": dz/db");
        }
    }

    /** At the mean the regions' normal limit still decides: I = 1/2 for a = b. */
    @Test
    void theMeanItselfIsTheNormalLimit() {
        Irg irg = Irg.using(Backend.SCALAR);
        assertEquals(0.5, eval(irg, Op.BETA_CDF, 1e200, 1e200, 0.5), 1e-15);
        assertTrue(eval(irg, Op.BETA_GRAD_A, 1e200, 1e200, 0.5) > 0);
    }

    /**
     * Random pairs, one in [2^53, MAX_VALUE] and the other in [1e154, MAX_VALUE] (their products overflow in the
     * fraction), x anywhere or at the mean: never NaN, signs right.
     */
    @Test
    void randomBothHugeAreFinite() {
        SplittableRandom r = new SplittableRandom(5);
        Irg irg = Irg.using(Backend.SCALAR);
        double hi = Math.log(Double.MAX_VALUE);
        for (int i = 0; i < 6000; i++) {
            double a = Math.exp(Math.log(0x1p53) + r.nextDouble() * (hi - Math.log(0x1p53)));
            double b = Math.exp(Math.log(1e154) + r.nextDouble() * (hi - Math.log(1e154)));
            if (r.nextBoolean()) {
                double t = a;
                a = b;
                b = t;
            }
            int kind = r.nextInt(4);
            double mean = a / (a + b);
            double x = kind == 0 ? Math.exp(-745 * r.nextDouble()) : kind == 1 ? mean
                    : kind == 2 ? mean * (1 + (r.nextDouble() - 0.5) * 1e-10) : r.nextDouble();
            if (!(x > 0 && x < 1)) {
                continue;
            }
            String at = "a=" + a + " b=" + b + " x=" + x;
            double ga = eval(irg, Op.BETA_GRAD_A, a, b, x);
            double gb = eval(irg, Op.BETA_GRAD_B, a, b, x);
            double c = eval(irg, Op.BETA_CDF, a, b, x);
            assertTrue(c >= 0 && c <= 1, at + ": I " + c);
            assertTrue(ga >= 0 && gb <= 0, at + ": dz/da " + ga + " dz/db " + gb);
            double da = eval(irg, Op.BETA_DCDF_DA, a, b, x);
            double db = eval(irg, Op.BETA_DCDF_DB, a, b, x);
            assertTrue(da <= 0 && db >= 0, at + ": dI/da " + da + " dI/db " + db);
        }
    }

    private static double eval(Irg irg, Op op, double a, double b, double x) {
        double[] o = new double[1];
        irg.evaluate(op, Vec.of(new double[] {a}), Vec.of(new double[] {b}), Vec.of(new double[] {x}), Vec.of(o));
        return o[0];
    }
}
