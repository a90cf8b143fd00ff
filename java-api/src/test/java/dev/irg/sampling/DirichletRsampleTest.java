package dev.irg.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Sampling;
import dev.irg.Vec;
import dev.irg.math.IncompleteGamma;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Dirichlet rsample and its VJP: the Gamma-representation gradients, and unbiased. */
class DirichletRsampleTest {
    static final int N = 20_000;
    static final Sampling S = Irg.using(Backend.SCALAR).sampling();

    @Test
    void gradientsComeFromTheLogSpaceGammaGradient() {
        int k = 3, rows = 300;
        double[] alpha = {1e-3, 0.5, 4};
        double[] z = new double[rows * k], diag = new double[rows * k], h = new double[rows * k];
        S.dirichletRsample(6, k, Vec.of(alpha), Vec.of(z), Vec.of(diag), Vec.of(h));
        int[] w = new int[4];
        for (int row = 0; row < rows; row++) {
            double[] zr = Arrays.copyOfRange(z, row * k, row * k + k);
            for (int j = 0; j < k; j++) {
                int e = row * k + j;
                double lg = GammaSampler.logSample(6, e, SamplingConstants.SUBSTREAM_MAIN, alpha[j], w);
                double f = z[e] * IncompleteGamma.dLogXdAlpha(alpha[j], lg);
                assertEquals(f, h[e], 0.0);
                assertEquals(DirichletSampler.oneMinus(zr, k, j) * f, diag[e], 0.0);
                assertTrue(Double.isFinite(diag[e]) && diag[e] >= 0, "dz_j/dalpha_j >= 0");
            }
        }
    }

    /** Tiny concentrations (found by a fuzz: 0 * infinity gave NaN gradients where z_j underflowed): rows sum to 1, no NaN. */
    @Test
    void tinyConcentrationsGiveNoNaN() {
        double[][] rows = {{1e-300, 1e-300, 1e-300}, {Double.MIN_VALUE, 1, 2}, {1e200, 1e-200, 3}, {1e-30, 1e-30}};
        for (double[] alpha : rows) {
            int k = alpha.length;
            int n = 40;
            double[] z = new double[n * k], diag = new double[n * k], h = new double[n * k];
            S.dirichletRsample(8, k, Vec.of(alpha), Vec.of(z), Vec.of(diag), Vec.of(h));
            for (int row = 0; row < n; row++) {
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    int e = row * k + j;
                    sum += z[e];
                    assertTrue(!Double.isNaN(diag[e]) && !Double.isNaN(h[e]) && diag[e] >= 0,
                            Arrays.toString(alpha) + " row " + row + ": z " + z[e] + " dz/dalpha " + diag[e]);
                    if (z[e] == 0) {
                        assertEquals(0.0, diag[e], 0.0);
                    }
                }
                assertEquals(1.0, sum, 1e-15, Arrays.toString(alpha) + " row " + row);
            }
        }
    }

    /**
     * Dirichlet(alpha): E[z_j] = alpha_j/alpha_0, so E[dz_j/dalpha_j] = (alpha_0 - alpha_j)/alpha_0^2,
     * and the VJP with upstream e_0 has mean dE[z_0]/dalpha_j = (delta_0j alpha_0 - alpha_0)/alpha_0^2.
     */
    @Test
    void gradientAndVjpAreUnbiased() {
        double[] alpha = {0.3, 1, 2.5};
        int k = 3;
        double a0 = 3.8;
        double[] z = new double[N * k], diag = new double[N * k], h = new double[N * k];
        S.dirichletRsample(25, k, Vec.of(alpha), Vec.of(z), Vec.of(diag), Vec.of(h));
        double[] u = new double[N * k], out = new double[N * k];
        for (int r = 0; r < N; r++) {
            u[r * k] = 1;
        }
        Sampling.dirichletVjp(k, Vec.of(z), Vec.of(h), Vec.of(u), Vec.of(out));
        for (int j = 0; j < k; j++) {
            double[] d = new double[N], v = new double[N];
            for (int r = 0; r < N; r++) {
                d[r] = diag[r * k + j];
                v[r] = out[r * k + j];
            }
            MonteCarlo.assertMean("E[dz_" + j + "/dalpha_" + j + "]", (a0 - alpha[j]) / (a0 * a0), d);
            MonteCarlo.assertMean("E[dz_0/dalpha_" + j + "] by VJP", ((j == 0 ? a0 : 0) - alpha[0]) / (a0 * a0), v);
        }
    }
}
