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
 * Beta with both parameters at least 2^512 (BetaConstants.BOTH_HUGE_MIN, IncompleteBeta.bothHugeTail): NaN before
 * anywhere but at the mean. References: the exact tail integrals of dz/da and dz/db by mpmath quadrature
 * ({@code python3 tools/coefficients/beta_both_huge.py}), not the code's leading term.
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

    /** Random pairs, both in [2^512, MAX_VALUE], x anywhere: never NaN, I in {0, 1/2-ish, 1}, signs right. */
    @Test
    void randomBothHugeAreFinite() {
        SplittableRandom r = new SplittableRandom(5);
        Irg irg = Irg.using(Backend.SCALAR);
        double lo = Math.log(0x1p512);
        double hi = Math.log(Double.MAX_VALUE);
        for (int i = 0; i < 3000; i++) {
            double a = Math.exp(lo + r.nextDouble() * (hi - lo));
            double b = Math.exp(lo + r.nextDouble() * (hi - lo));
            double x = r.nextInt(3) == 0 ? Math.exp(-745 * r.nextDouble()) : r.nextDouble();
            if (!(x > 0 && x < 1)) {
                continue;
            }
            String at = "a=" + a + " b=" + b + " x=" + x;
            double ga = eval(irg, Op.BETA_GRAD_A, a, b, x);
            double gb = eval(irg, Op.BETA_GRAD_B, a, b, x);
            double c = eval(irg, Op.BETA_CDF, a, b, x);
            assertTrue(c >= 0 && c <= 1, at + ": I " + c);
            assertTrue(ga >= 0 && gb <= 0, at + ": dz/da " + ga + " dz/db " + gb);
        }
    }

    private static double eval(Irg irg, Op op, double a, double b, double x) {
        double[] o = new double[1];
        irg.evaluate(op, Vec.of(new double[] {a}), Vec.of(new double[] {b}), Vec.of(new double[] {x}), Vec.of(o));
        return o[0];
    }
}
