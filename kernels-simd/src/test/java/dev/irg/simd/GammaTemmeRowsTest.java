package dev.irg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Vec;
import dev.irg.math.GammaConstants;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The float64 Temme sums' per-row Taylor counts (GammaKernels.TEMME_ROW_N, derived from TEMME_C at class
 * initialization): every row within the scalar table's count of its class, row c_0 at the smallest a needing
 * exactly the scalar table's count (that row set it), fewer terms in total; and at every class's corner (its
 * smallest a, its largest |eta|, both signs of eta: where the dropped terms are largest) the SIMD Temme results
 * equal the scalar reference, which sums every row to the scalar table's count.
 */
class GammaTemmeRowsTest {
    private static final int ETA_CLASSES = GammaConstants.TEMME_N_ETA_MAX.length + 1;

    @Test
    void rowCountsStayWithinTheScalarTable() {
        int[] t = GammaKernels.TEMME_ROW_N;
        int k = GammaConstants.TEMME_K;
        long rows = 0;
        long rect = 0;
        for (int ac = 1; ac <= GammaConstants.TEMME_K_A_MIN.length; ac++) {
            int kCount = GammaConstants.TEMME_K_COUNT[ac - 1];
            for (int ec = 0; ec < ETA_CLASSES - 1; ec++) {
                int nRect = GammaConstants.TEMME_N_COUNT[ec];
                int at = (ac * ETA_CLASSES + ec) * k;
                String where = "a class " + ac + ", |eta| class " + ec + ": " + Arrays.toString(Arrays.copyOfRange(t, at, at + k));
                for (int row = 0; row < k; row++) {
                    assertTrue(t[at + row] >= 1 && t[at + row] <= nRect, where);
                }
                if (ac == 1) {
                    assertEquals(nRect, t[at], "c_0 at a = 20 sets the scalar count; " + where);
                }
                for (int row = 0; row < kCount; row++) {
                    rows += t[at + row];
                }
                rect += (long) kCount * nRect;
            }
            // beyond the last |eta| bound: every row in full
            int beyond = (ac * ETA_CLASSES + ETA_CLASSES - 1) * k;
            for (int row = 0; row < k; row++) {
                assertEquals(GammaConstants.TEMME_N, t[beyond + row]);
            }
        }
        assertTrue(rows < 0.7 * rect, rows + " row terms against " + rect);
    }

    @Test
    void classCornersMatchTheReference() {
        Irg simd = Irg.using(Backend.SIMD).threads(1);
        Irg ref = Irg.using(Backend.SCALAR).threads(1);
        int n = 19; // two vectors of 8 and a tail at 512 bits, more vectors at narrower widths
        for (double a0 : GammaConstants.TEMME_K_A_MIN) {
            for (double h : GammaConstants.TEMME_N_ETA_MAX) {
                for (int sign = -1; sign <= 1; sign += 2) {
                    double eta = sign * h * (1 - 1e-12);
                    double lambda = lambdaOfEta(eta);
                    if (lambda < GammaConstants.TEMME_LAMBDA_LO || lambda > GammaConstants.TEMME_LAMBDA_HI) {
                        continue;
                    }
                    double[] a = new double[n];
                    double[] z = new double[n];
                    Arrays.fill(a, a0);
                    Arrays.fill(z, a0 * lambda);
                    for (Op op : new Op[] {Op.GAMMA_CDF, Op.GAMMA_DCDF_DALPHA, Op.GAMMA_GRAD_ALPHA}) {
                        double[] s = new double[n];
                        double[] q = new double[n];
                        simd.evaluate(op, Vec.of(a), Vec.scalar(1.0), Vec.of(z), Vec.of(s));
                        ref.evaluate(op, Vec.of(a), Vec.scalar(1.0), Vec.of(z), Vec.of(q));
                        for (int i = 0; i < n; i++) {
                            assertEquals(q[i], s[i], 1e-14 * Math.abs(q[i]), op + " a = " + a0 + ", eta = " + eta);
                        }
                    }
                }
            }
        }
    }

    /** lambda with lambda - 1 - log lambda = eta^2/2 and sign(lambda - 1) = sign(eta), by Newton's method. */
    private static double lambdaOfEta(double eta) {
        double target = eta * eta / 2;
        double lam = eta >= 0 ? 1 + eta + eta * eta / 3 : Math.max(0.05, 1 + eta + eta * eta / 3);
        for (int it = 0; it < 100; it++) {
            double f = lam - 1 - Math.log(lam) - target;
            double step = f / (1 - 1 / lam);
            lam -= step;
            if (Math.abs(step) <= 1e-16 * lam) {
                break;
            }
        }
        return lam;
    }
}
