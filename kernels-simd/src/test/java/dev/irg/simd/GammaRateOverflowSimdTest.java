package dev.irg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Vec;
import dev.irg.math.GammaRateOverflowTest;
import org.junit.jupiter.api.Test;

/** The SIMD backend where u = rate z overflows: the same values as the reference (GammaRateOverflowTest's cases, batched with ordinary elements). */
class GammaRateOverflowSimdTest {
    @Test
    void gradientWhereTheProductOverflows() {
        double[][] cases = GammaRateOverflowTest.CASES;
        int n = 3 * cases.length + 5; // not a multiple of the vector length; ordinary elements between
        double[] a = new double[n];
        double[] r = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double[] c = cases[i % cases.length];
            boolean overflow = i % 3 != 2;
            a[i] = c[0];
            r[i] = overflow ? c[1] : 1.0;
            z[i] = overflow ? c[2] : 1.5;
        }
        double[] got = new double[n];
        Irg.using(Backend.SIMD).threads(1).evaluate(Op.GAMMA_GRAD_ALPHA, Vec.of(a), Vec.of(r), Vec.of(z), Vec.of(got));
        for (int i = 0; i < n; i++) {
            double want = dev.irg.math.Reference.eval(Op.GAMMA_GRAD_ALPHA, a[i], r[i], z[i]);
            assertEquals(want, got[i], 1e-13 * Math.abs(want), "element " + i);
            if (i % 3 != 2) {
                double[] c = cases[i % cases.length];
                assertEquals(c[3], got[i], 2e-15 * c[3], "element " + i + " against mpmath");
            }
        }
    }
}
