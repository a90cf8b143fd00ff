package dev.irg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Vec;
import dev.irg.math.ErrorFunction;
import org.junit.jupiter.api.Test;

/**
 * von Mises at huge kappa, scalar reference and SIMD: the normal limit. For kappa &ge; 1e16 the law of
 * the angle is N(0, 1/kappa) up to relative O(1/kappa), so F(m/sqrt(kappa)) = Phi(m) and dz/dkappa = -x/(2 kappa)
 * to double precision (a sample x = e/sqrt(kappa)). Before the tail length was computed without cancellation
 * (VonMisesCdf.tailLength) the CDF came out as -0.5 and 1.5 at kappa = 1e19 (mpmath references then agreed
 * to 3e-15 up to kappa = 1e21 with the fix), and 2 kappa overflowed above MAX_VALUE/2 (NaN there).
 */
class VonMisesHugeKappaTest {
    @Test
    void normalLimit() {
        double[] kappas = {1e16, 1e18, 1e19, 1e21, 1e50, 1e150, 1e300, 1e308, Double.MAX_VALUE};
        double[] ms = {-8, -3, -1, -0.25, 0.5, 1, 3, 6};
        for (Backend backend : new Backend[] {Backend.SCALAR, Backend.SIMD}) {
            Irg irg = Irg.using(backend).threads(1);
            for (double kappa : kappas) {
                double[] k = new double[ms.length];
                double[] x = new double[ms.length];
                for (int i = 0; i < ms.length; i++) {
                    k[i] = kappa;
                    x[i] = ms[i] / Math.sqrt(kappa);
                }
                double[] f = new double[ms.length];
                double[] g = new double[ms.length];
                irg.evaluate(Op.VONMISES_CDF, Vec.of(k), Vec.scalar(0), Vec.of(x), Vec.of(f));
                irg.evaluate(Op.VONMISES_GRAD_KAPPA, Vec.of(k), Vec.scalar(0), Vec.of(x), Vec.of(g));
                for (int i = 0; i < ms.length; i++) {
                    String at = backend + " kappa=" + kappa + " m=" + ms[i];
                    double phi = 0.5 * ErrorFunction.erfc(-ms[i] / Math.sqrt(2));
                    assertEquals(phi, f[i], 2e-14 * phi, at + ": F");
                    double grad = -x[i] / (2 * kappa);
                    assertEquals(grad, g[i], 1e-13 * Math.abs(grad), at + ": dz/dkappa");
                }
            }
        }
    }
}
