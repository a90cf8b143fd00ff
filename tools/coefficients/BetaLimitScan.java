import dev.irg.math.IncompleteBeta;

/**
 * One-off comparison behind docs/beta.md ("Domain", the huge-parameter rows; not a test): for b from 1e100 to 1e110
 * (where IncompleteBeta.evaluate takes the Gamma limit, IncompleteBeta.gammaLimit) and a from 1e-5 to 1e6, the
 * largest relative difference per b between evaluate and the regions called directly (evaluateRegions: the continued fraction or
 * series that decided before), over lambda = -b log(1 - x) in {1e-3 ... 700, a/2, a, 2a, 3a + 10, a + 3 sqrt(a)},
 * skipping values below 1e-200. The regions' dI/db drifts from b ~ 1e105 on (the limit is exact there to
 * (a + 1)(lambda + a)/b); up to 1e103 the two agree to rounding.
 * Run: java -cp java-api/target/classes tools/coefficients/BetaLimitScan.java
 */
public class BetaLimitScan {
    public static void main(String[] args) {
        double[] o = new double[IncompleteBeta.OUT_LENGTH];
        double[] l = new double[IncompleteBeta.OUT_LENGTH];
        for (double b : new double[] {1e100, 1e103, 1e104, 1e105, 1e106, 1e108, 1e110}) {
            double worst = 0;
            String where = "";
            for (double a : new double[] {1e-5, 1e-3, 0.1, 0.5, 1, 2.5, 10, 40, 1e3, 1e4, 1e6}) {
                for (double lam : new double[] {1e-3, 0.01, 0.1, 1, 3, 5, 10, 30, 100, 300, 700, a * 0.5, a, a * 2, 3 * a + 10,
                    a + 3 * Math.sqrt(a)}) {
                    double x = lam / b;
                    IncompleteBeta.evaluate(a, b, x, l);
                    IncompleteBeta.evaluateRegions(a, b, x, o);
                    for (int k = 0; k < o.length; k++) {
                        if (Math.abs(l[k]) < 1e-200) {
                            continue;
                        }
                        double e = Math.abs(o[k] - l[k]) / Math.abs(l[k]);
                        if (!(e <= worst)) {
                            worst = e;
                            where = "output " + k + " a=" + a + " lambda=" + lam + " regions=" + o[k] + " limit=" + l[k];
                        }
                    }
                }
            }
            System.out.printf("b=%.0e  largest relative difference %.3g  %s%n", b, worst, where);
        }
    }
}
