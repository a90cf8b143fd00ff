package dev.irg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Op;
import dev.irg.math.GammaConstants;
import dev.irg.math.IncompleteGamma;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The driver region codes of GammaKernels.classify: every code's base region is IncompleteGamma.classify's
 * region of (alpha, rate z) (invalid and boundary inputs: REGION_EDGE), and its bands hold what they promise to
 * the stages: the alpha band selects the branches of the prefactor and of log x - psi (PREFIX_STIRLING_A_MIN,
 * LOG_MINUS_DIGAMMA_A_MIN), the series' (the fraction's) x band lies between its SERIES_X_BANDS (CF_X_BANDS) edges, and a Temme code's alpha
 * class between its TEMME_K_A_MIN edges. Every code
 * that can occur is reached, on inputs that cover the whole domain, the bands' edges included.
 */
class GammaRegionCodesTest {
    @Test
    void codesRefineTheScalarRegions() {
        int n = 40_000;
        double[] a = new double[n];
        double[] rate = new double[n];
        double[] z = new double[n];
        SplittableRandom r = new SplittableRandom(31);
        for (int i = 0; i < n; i++) {
            a[i] = i % 7 == 6 ? Domains.logUniform(r, 1e140, 1e300) : Domains.logUniform(r, 1e-5, 1e7); // huge: both sides of SERIES_PAIR_A_MAX
            rate[i] = r.nextInt(4) == 0 ? Domains.logUniform(r, 1e-3, 1e3) : 1.0;
            double x = switch (i % 5) {
                case 0 -> a[i] * Domains.logUniform(r, 1e-3, 1e3);                              // anywhere
                case 1 -> a[i] * (GammaConstants.TEMME_LAMBDA_LO
                        + r.nextDouble() * (GammaConstants.TEMME_LAMBDA_HI - GammaConstants.TEMME_LAMBDA_LO)); // Temme window
                case 2 -> GammaKernels.SERIES_X_BANDS[r.nextInt(GammaKernels.SERIES_X_BANDS.length)]
                        * (1 + 1e-15 * (r.nextInt(3) - 1));                                    // on an x band's edge
                case 3 -> Domains.logUniform(r, 1e-6, 30);                                      // small x
                default -> a[i] + GammaConstants.SERIES_X_OFFSET * (r.nextInt(3) - 1);           // series / fraction edge
            };
            z[i] = x / rate[i];
        }
        // invalid and boundary inputs
        double[][] odd = {{Double.NaN, 1, 1}, {-1, 1, 1}, {0, 1, 1}, {1, 1, 0}, {1, 1, Double.POSITIVE_INFINITY},
                {Double.POSITIVE_INFINITY, 1, 1}, {1, Double.NaN, 1}, {1e-40, 1, 1}, {2, 1, -1}};
        for (int k = 0; k < odd.length; k++) {
            a[k] = odd[k][0];
            rate[k] = odd[k][1];
            z[k] = odd[k][2];
        }
        GammaKernels kernels = new GammaKernels();
        int m = n / Lanes.SD.length() * Lanes.SD.length();
        byte[] region = new byte[m];
        kernels.classify(Op.GAMMA_GRAD_ALPHA, a, rate, z, region, m);
        int[] seen = new int[kernels.regions()];
        for (int i = 0; i < m; i++) {
            int code = region[i];
            seen[code]++;
            double x = rate[i] * z[i];
            String at = "code " + code + " at a = " + a[i] + ", rate = " + rate[i] + ", z = " + z[i];
            boolean tiny = a[i] > 0 && a[i] < GammaConstants.TINY_ALPHA_PROXY;
            boolean hugeSeries = a[i] >= GammaKernels.SERIES_PAIR_A_MAX && x < a[i] + GammaConstants.SERIES_X_OFFSET;
            int want = tiny || hugeSeries || !(rate[i] >= Double.MIN_NORMAL) || rate[i] == Double.POSITIVE_INFINITY
                    || !(x >= Double.MIN_NORMAL) || !(a[i] >= Double.MIN_NORMAL)
                    ? GammaConstants.REGION_EDGE : IncompleteGamma.classify(a[i], x);
            assertEquals(want, GammaKernels.baseRegion(code), at);
            int band = GammaKernels.band(code);
            int sub = GammaKernels.subBand(code);
            switch (GammaKernels.baseRegion(code)) {
                case GammaConstants.REGION_SERIES, GammaConstants.REGION_CONTINUED_FRACTION -> {
                    int wantBand = a[i] < GammaConstants.PREFIX_STIRLING_A_MIN ? 0
                            : a[i] < GammaConstants.LOG_MINUS_DIGAMMA_A_MIN ? 1 : 2;
                    assertEquals(wantBand, band, at);
                    double[] e = GammaKernels.baseRegion(code) == GammaConstants.REGION_SERIES
                            ? GammaKernels.SERIES_X_BANDS : GammaKernels.CF_X_BANDS;
                    assertTrue(sub == 0 || x >= e[sub - 1], at);
                    assertTrue(sub == e.length || x < e[sub], at);
                }
                case GammaConstants.REGION_TEMME -> {
                    double[] e = GammaConstants.TEMME_K_A_MIN;
                    assertTrue(a[i] >= e[sub], at);
                    assertTrue(sub == e.length - 1 || a[i] < e[sub + 1], at);
                }
                default -> assertEquals(0, band + sub, at);
            }
        }
        for (int c = 0; c < seen.length; c++) {
            // the series has x < a + SERIES_X_OFFSET, below the alpha band's upper edge + SERIES_X_OFFSET, the fraction
            // x >= a + SERIES_X_OFFSET, at least its lower edge + SERIES_X_OFFSET: x bands beyond those are empty
            int sub = GammaKernels.subBand(c);
            int band = GammaKernels.band(c);
            double[] alphaEdges = {0, GammaConstants.PREFIX_STIRLING_A_MIN, GammaConstants.LOG_MINUS_DIGAMMA_A_MIN,
                    Double.POSITIVE_INFINITY};
            double offset = GammaConstants.SERIES_X_OFFSET;
            boolean empty = switch (GammaKernels.baseRegion(c)) {
                case GammaConstants.REGION_SERIES -> sub > 0
                        && GammaKernels.SERIES_X_BANDS[sub - 1] >= alphaEdges[band + 1] + offset;
                case GammaConstants.REGION_CONTINUED_FRACTION -> sub < GammaKernels.CF_X_BANDS.length
                        && GammaKernels.CF_X_BANDS[sub] <= alphaEdges[band] + offset;
                default -> false;
            };
            assertTrue(empty ? seen[c] == 0 : seen[c] > 0, "code " + c + (empty ? " reached" : " never reached"));
        }
    }
}
