package dev.irg.math;

import static dev.irg.math.GammaConstants.*;

/**
 * Derives GammaConstants.FLOAT_TEMME_A_MIN and the counts FLOAT_TEMME_LOW_K / _N and FLOAT_TEMME_LOW_NEAR_K / _N:
 * for classes of a below TEMME_A_MIN, how far Temme's truncated sums (TemmeF32Counts.eval: the float64 evaluation
 * of IncompleteGamma.temme's dz/da with K terms in 1/a and N Taylor terms per c_k) are from the float64 reference
 * IncompleteGamma.gradAlpha (within ~1e-14 of mpmath), on a grid of 21 a x 101 lambda per class, over the whole
 * lambda window and over the near band [FLOAT_TEMME_NEAR_LAMBDA_LO, FLOAT_TEMME_NEAR_LAMBDA_HI]. Prints per class
 * the error of the full sums (TEMME_K x TEMME_N: where the expansion itself runs out) and the smallest K (then N)
 * within TOL, and for a in [FLOAT_TEMME_A_MIN, TEMME_A_MIN) the worst error per K at N = FLOAT_TEMME_LOW_N.
 * Lives in dev.irg.math (package-private phi, through TemmeF32Counts). Run from the repository root after a build:
 *   javac -cp java-api/target/classes -d /tmp/tf kernels-simd/tools/TemmeF32Counts.java kernels-simd/tools/TemmeLowCounts.java
 *   java -cp /tmp/tf:java-api/target/classes dev.irg.math.TemmeLowCounts 1e-8
 */
public class TemmeLowCounts {
    static double worst(double lo, double hi, double lamLo, double lamHi, int kc, int nc) {
        double worst = 0;
        for (int ia = 0; ia <= 20; ia++) {
            double a = lo * Math.pow(hi / lo, ia / 20.0);
            for (int il = 0; il <= 100; il++) {
                double x = (lamLo + (lamHi - lamLo) * il / 100.0) * a;
                double ref = IncompleteGamma.gradAlpha(a, x);
                double v = TemmeF32Counts.eval(a, x, 2, kc, nc);
                worst = Math.max(worst, Math.abs(v - ref) / Math.abs(ref));
            }
        }
        return worst;
    }

    public static void main(String[] args) {
        double tol = Double.parseDouble(args[0]);
        double[] edges = {3, 4, 5, 6, 8, 10, 12, 15, 20};
        double[][] windows = {{TEMME_LAMBDA_LO, TEMME_LAMBDA_HI}, {FLOAT_TEMME_NEAR_LAMBDA_LO, FLOAT_TEMME_NEAR_LAMBDA_HI}};
        for (double[] w : windows) {
            System.out.printf("lambda window [%.4f, %.4f]%n", w[0], w[1]);
            for (int e = 0; e + 1 < edges.length; e++) {
                double lo = edges[e];
                double hi = edges[e + 1];
                double full = worst(lo, hi, w[0], w[1], TEMME_K, TEMME_N);
                String best = "none within " + tol;
                search:
                for (int kc = 1; kc <= TEMME_K; kc++) {
                    for (int nc = 1; nc <= TEMME_N; nc++) {
                        double err = worst(lo, hi, w[0], w[1], kc, nc);
                        if (err <= tol) {
                            best = String.format("K = %d, N = %d (worst %.2e)", kc, nc, err);
                            break search;
                        }
                    }
                }
                System.out.printf("  a in [%g, %g): full sums %.2e; %s%n", lo, hi, full, best);
            }
        }
        System.out.printf("a in [%g, %g), whole window, N = %d:%n", FLOAT_TEMME_A_MIN, TEMME_A_MIN, FLOAT_TEMME_LOW_N);
        for (int kc = 3; kc <= 9; kc++) {
            System.out.printf("  K = %d: worst %.2e%n", kc, worst(FLOAT_TEMME_A_MIN, TEMME_A_MIN, TEMME_LAMBDA_LO, TEMME_LAMBDA_HI, kc, FLOAT_TEMME_LOW_N));
        }
    }
}
