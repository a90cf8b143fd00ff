package dev.irg.math;

import static dev.irg.math.GammaConstants.*;

/**
 * Derives GammaKernels.F32_TEMME_K_COUNT / F32_TEMME_N_COUNT: per truncation class of IncompleteGamma.temme
 * (a: TEMME_K_A_MIN, |eta|: TEMME_N_ETA_MAX), the smallest term counts with which P, dP/da and dz/da stay
 * within TOL (relative) of the full sums (TEMME_K x TEMME_N terms) on a grid over the class and the Temme
 * window. Lives in dev.irg.math to reach the package-private phi. Run from the repository root after a build:
 *   javac -cp java-api/target/classes -d /tmp/tf kernels-simd/tools/TemmeF32Counts.java
 *   java -cp /tmp/tf:java-api/target/classes dev.irg.math.TemmeF32Counts 1e-11
 * GammaConstants.FLOAT_TEMME_K_COUNT / FLOAT_TEMME_N_COUNT (float-arithmetic kernels, dz/da only):
 *   java -cp /tmp/tf:java-api/target/classes dev.irg.math.TemmeF32Counts 1e-9 grad
 */
public class TemmeF32Counts {
    static double eval(double a, double x, int what, int kCount, int nCount) {
        double lm1 = (x - a) / a;
        double phi = IncompleteGamma.phi(a, x);
        double eta = Math.copySign(Math.sqrt(2 * phi), lm1);
        double r = 1 / a;
        double tSum = 0, tEta = 0, tA = 0;
        for (int k = kCount - 1; k >= 0; k--) {
            int base = k * TEMME_N;
            double c = 0, dc = 0;
            for (int j = nCount - 1; j >= 0; j--) {
                dc = Math.fma(dc, eta, c);
                c = Math.fma(c, eta, TEMME_C[base + j]);
            }
            tSum = Math.fma(tSum, r, c);
            tEta = Math.fma(tEta, r, dc);
            if (k >= 1) tA = Math.fma(tA, r, k * c);
        }
        tA *= -r * r;
        if (what == 0) {
            double y = eta * Math.sqrt(0.5 * a);
            double e = Math.exp(-a * phi) * SpecialConstants.INV_SQRT_2PI / Math.sqrt(a);
            if (eta >= 0) return 1 - (0.5 * ErrorFunction.erfc(y) + e * tSum);
            return 0.5 * ErrorFunction.erfc(-y) - e * tSum;
        }
        double mu = eta != 0 ? lm1 / eta : 1;
        double b = (mu - 0.5 * eta) * (1 + eta * tSum) - 0.5 * r * tSum - mu * r * tEta + tA;
        if (what == 1) return -Math.exp(-a * phi) * SpecialConstants.INV_SQRT_2PI / Math.sqrt(a) * b;
        return (x / a) * Math.exp(GammaFunctions.logGammaStirlingCorrection(a)) * b;
    }
    /** First quantity checked: 0 (P, dP/da and dz/da) or 2 (dz/da only: the float kernels' FLOAT_TEMME_* counts). */
    static int firstWhat = 0;

    static double err(double a, double x, int kc, int nc) {
        double w = 0;
        for (int what = firstWhat; what < 3; what++) {
            double full = eval(a, x, what, TEMME_K, TEMME_N);
            double red = eval(a, x, what, kc, nc);
            if (full == 0 || !Double.isFinite(full)) continue;
            w = Math.max(w, Math.abs(red - full) / Math.abs(full));
        }
        return w;
    }
    public static void main(String[] args) {
        double tol = Double.parseDouble(args[0]);
        firstWhat = args.length > 1 && args[1].equals("grad") ? 2 : 0;
        // k classes: a in [TEMME_K_A_MIN[i], next), eta over the whole window
        for (int i = 0; i < TEMME_K_A_MIN.length; i++) {
            double lo = TEMME_K_A_MIN[i], hi = i + 1 < TEMME_K_A_MIN.length ? TEMME_K_A_MIN[i + 1] : 1e7;
            int best = TEMME_K_COUNT[i];
            for (int kc = 1; kc <= TEMME_K_COUNT[i]; kc++) {
                double worst = 0;
                for (int ia = 0; ia <= 40; ia++) {
                    double a = lo * Math.pow(hi / lo, ia / 40.0);
                    for (int il = 0; il <= 200; il++) {
                        double lam = TEMME_LAMBDA_LO + (TEMME_LAMBDA_HI - TEMME_LAMBDA_LO) * il / 200.0;
                        worst = Math.max(worst, err(a, lam * a, kc, TEMME_N));
                    }
                }
                if (worst <= tol) { best = kc; System.out.printf("k class a>=%g: full %d, f32 %d (worst %.2e)%n", lo, TEMME_K_COUNT[i], kc, worst); break; }
            }
        }
        for (int i = 0; i <= TEMME_N_ETA_MAX.length; i++) {
            double elo = i == 0 ? 0 : TEMME_N_ETA_MAX[i - 1], ehi = i < TEMME_N_ETA_MAX.length ? TEMME_N_ETA_MAX[i] : 1e9;
            int full = i < TEMME_N_COUNT.length ? TEMME_N_COUNT[i] : TEMME_N;
            for (int nc = 1; nc <= full; nc++) {
                double worst = 0;
                for (int ia = 0; ia <= 40; ia++) {
                    double a = 20 * Math.pow(1e6 / 20, ia / 40.0);
                    for (int il = 0; il <= 400; il++) {
                        double lam = TEMME_LAMBDA_LO + (TEMME_LAMBDA_HI - TEMME_LAMBDA_LO) * il / 400.0;
                        double x = lam * a;
                        double eta = Math.sqrt(2 * IncompleteGamma.phi(a, x));
                        if (eta <= elo || eta > ehi) continue;
                        worst = Math.max(worst, err(a, x, TEMME_K, nc));
                    }
                }
                if (worst <= tol) { System.out.printf("n class |eta|<=%g: full %d, f32 %d (worst %.2e)%n", ehi, full, nc, worst); break; }
            }
        }
    }
}
