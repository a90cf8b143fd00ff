package dev.irg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Vec;
import dev.irg.math.VonMisesConstants;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The tail bands of the von Mises SIMD kernels (VonMisesConstants.TAIL_BAND_*): every band's rule is a
 * Gauss-Legendre rule (exact for polynomials of degree 2n - 1 on [0, 1]), and on both sides of every band
 * edge (lambda = kappa (1 + cos x) = 2, 8, 32, and the cutoff 50, where a lane changes rules) the SIMD
 * results equal the scalar reference (32 points everywhere) on tail lanes: dz/dkappa, the well-conditioned
 * tail integral itself, within 3e-14 relative (the vector sin and exp round differently from Math's: the
 * audit tables show up to 1.0e-14 between the two backends' tail lanes); F and dF/dkappa, which carry the factor e^-kappa(1 - cos x) (relative
 * condition ~kappa(1 - cos x) eps, up to ~700 eps), within 1e-12; float32 results within 1.5 float ulps of
 * the float64 reference.
 */
class VonMisesBandsTest {

    @Test
    void bandRulesAreGaussLegendreRules() {
        for (int b = 0; b <= VonMisesConstants.TAIL_BAND_POINTS.length; b++) {
            for (int n : new int[] {
                b < VonMisesConstants.TAIL_BAND_POINTS.length ? VonMisesConstants.TAIL_BAND_POINTS[b] : VonMisesConstants.TAIL_POINTS,
                b < VonMisesConstants.F32_TAIL_BAND_POINTS.length ? VonMisesConstants.F32_TAIL_BAND_POINTS[b] : VonMisesConstants.F32_TAIL_POINTS}) {
                double[][] rule = VonMisesKernels.gaussLegendre(n);
                for (int k = 0; k < 2 * n; k++) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += rule[1][i] * Math.pow(rule[0][i], k);
                    }
                    assertEquals(1.0 / (k + 1), s, 4e-15 / (k + 1) + 1e-16, n + "-point rule, u^" + k);
                }
            }
        }
        assertTrue(VonMisesConstants.TAIL_BAND_LAMBDA_MAX[VonMisesConstants.TAIL_BAND_LAMBDA_MAX.length - 1]
                < VonMisesConstants.TAIL_EXPONENT_CUTOFF, "the last band ends below the cutoff");
    }

    @Test
    void simdEqualsReferenceOnBothSidesOfEveryBandEdge() {
        SplittableRandom r = new SplittableRandom(2026_11_29L);
        double[] edges = {2.0, 8.0, 32.0, VonMisesConstants.TAIL_EXPONENT_CUTOFF};
        int per = 400;
        int n = edges.length * 3 * per;
        double[] kappa = new double[n];
        double[] x = new double[n];
        int i = 0;
        for (double e : edges) {
            for (double side : new double[] {1 - 1e-9, 1.0, 1 + 1e-9}) {
                for (int j = 0; j < per; j++) {
                    double lam = e * side;
                    // kappa >= lambda: 1 - cos x = 2 - lambda / kappa >= 1 > 1 - A(kappa), a tail lane
                    double k = lam * Math.exp(r.nextDouble() * Math.log(1e5 / lam));
                    kappa[i] = k;
                    double c = Math.min(1.0, Math.max(-1.0, lam / k - 1)); // cos x = lambda / kappa - 1
                    x[i] = (r.nextBoolean() ? 1 : -1) * Math.acos(c);
                    i++;
                }
            }
        }
        // next to the antimode: x within a few ulps of +-pi at large kappa (lambda = kappa (1 + cos x) from
        // 2 - 2 sin^2(ax/2) cancelled there and put such lanes in the 12-point band: 8.7e-5 off)
        kappa = java.util.Arrays.copyOf(kappa, n + 200);
        x = java.util.Arrays.copyOf(x, n + 200);
        for (int j = 0; j < 200; j++) {
            kappa[n + j] = Math.exp(Math.log(1e3) + r.nextDouble() * Math.log(1e297));
            x[n + j] = (j % 2 == 0 ? 1 : -1) * (Math.PI - (j % 5) * Math.ulp(Math.PI));
        }
        n += 200;
        Irg simd = Irg.using(Backend.SIMD).threads(1);
        Irg ref = Irg.using(Backend.SCALAR).threads(1);
        for (Op op : new Op[] {Op.VONMISES_GRAD_KAPPA, Op.VONMISES_DCDF_DKAPPA, Op.VONMISES_CDF}) {
            double limit = op == Op.VONMISES_GRAD_KAPPA ? 3e-14 : 1e-12;
            double[] a = new double[n];
            double[] b = new double[n];
            simd.evaluate(op, Vec.of(kappa), Vec.scalar(0), Vec.of(x), Vec.of(a));
            ref.evaluate(op, Vec.of(kappa), Vec.scalar(0), Vec.of(x), Vec.of(b));
            float[] kf = new float[n];
            float[] xf = new float[n];
            for (int j = 0; j < n; j++) {
                kf[j] = (float) kappa[j];
                xf[j] = (float) x[j];
            }
            float[] af = new float[n];
            double[] bf = new double[n];
            simd.evaluate(op, Vec.of(kf), Vec.scalar(0), Vec.of(xf), Vec.of(af));
            double[] kd = new double[n];
            double[] xd = new double[n];
            for (int j = 0; j < n; j++) {
                kd[j] = kf[j];
                xd[j] = xf[j];
            }
            ref.evaluate(op, Vec.of(kd), Vec.scalar(0), Vec.of(xd), Vec.of(bf));
            double worst = 0;
            for (int j = 0; j < n; j++) {
                String at = op + " kappa=" + kappa[j] + " x=" + x[j];
                double err = Math.abs(a[j] - b[j]) / Math.max(Math.abs(b[j]), 1e-300);
                worst = Math.max(worst, err);
                assertTrue(err <= limit, at + ": SIMD " + a[j] + " reference " + b[j] + " (relative " + err + ")");
                if (Math.abs(bf[j]) >= Float.MIN_NORMAL && Math.abs(bf[j]) <= Float.MAX_VALUE) {
                    double ulp = Math.ulp((float) bf[j]);
                    assertTrue(Math.abs(af[j] - bf[j]) <= 1.5 * ulp,
                            op + " float32 kappa=" + kf[j] + " x=" + xf[j] + ": SIMD " + af[j] + " reference " + bf[j]);
                }
            }
            System.out.printf("irg-simd von Mises tail bands, %s: max relative difference to the reference %.2e over %d edge points%n",
                    op, worst, n);
        }
    }
}
