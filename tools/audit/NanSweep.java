import dev.irg.Backend;
import dev.irg.Distribution;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Vec;
import java.util.SplittableRandom;

/**
 * Valid inputs over the whole double range that give NaN (not a test): per operation, 10^6 random elements with
 * the parameters log-uniform over [MIN_VALUE, MAX_VALUE] (Gamma: rate 1 a third of the time, z log-uniform or
 * within a factor 0.5..1.5 of the mean; Beta: x uniform, log-uniform towards 0 or 1, or the mean; von Mises:
 * loc 0 or in [-10, 10], z within pi of it or up to 5e5 away), through the public API on the scalar backend
 * (the specification every backend is tested against). Prints the NaN count per operation and up to three of
 * them. Quoted in docs/gamma.md and docs/beta.md (2026-11-29: none in any operation).
 * Run: java -cp java-api/target/classes tools/audit/NanSweep.java [seed]
 */
public class NanSweep {
    public static void main(String[] args) {
        SplittableRandom r = new SplittableRandom(args.length > 0 ? Long.parseLong(args[0]) : 1);
        int n = 1_000_000;
        double lmin = Math.log(Double.MIN_VALUE);
        double lmax = Math.log(Double.MAX_VALUE);
        Irg irg = Irg.using(Backend.SCALAR);
        for (Distribution d : new Distribution[] {Distribution.GAMMA, Distribution.BETA, Distribution.VONMISES}) {
            double[] p0 = new double[n];
            double[] p1 = new double[n];
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                p0[i] = Math.exp(lmin + r.nextDouble() * (lmax - lmin));
                if (d == Distribution.GAMMA) {
                    p1[i] = r.nextInt(3) == 0 ? 1.0 : Math.exp(lmin + r.nextDouble() * (lmax - lmin));
                    x[i] = r.nextInt(2) == 0 ? Math.exp(lmin + r.nextDouble() * (lmax - lmin)) : p0[i] / p1[i] * (0.5 + r.nextDouble());
                } else if (d == Distribution.BETA) {
                    p1[i] = Math.exp(lmin + r.nextDouble() * (lmax - lmin));
                    double mean = p0[i] / (p0[i] + p1[i]);
                    int kind = r.nextInt(4);
                    x[i] = kind == 0 ? r.nextDouble() : kind == 1 ? Math.exp(-745 * r.nextDouble())
                            : kind == 2 && mean > 0 && mean < 1 ? mean : 1 - Math.exp(-37 * r.nextDouble());
                } else {
                    p1[i] = r.nextInt(2) == 0 ? 0.0 : (r.nextDouble() - 0.5) * 20;
                    x[i] = p1[i] + (r.nextInt(2) == 0 ? (r.nextDouble() - 0.5) * 6.28 : (r.nextDouble() - 0.5) * 1e6);
                }
            }
            for (Op op : d.ops()) {
                double[] out = new double[n];
                irg.evaluate(op, Vec.of(p0), Vec.of(p1), Vec.of(x), Vec.of(out));
                int nan = 0;
                StringBuilder ex = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    // inside the domain (z > 0 for Gamma, x in (0, 1) for Beta, finite everywhere); z = 0, x = 0, 1
                    // are edges with closed forms
                    boolean valid = Double.isFinite(x[i]) && (d != Distribution.GAMMA || x[i] > 0)
                            && (d != Distribution.BETA || x[i] > 0 && x[i] < 1);
                    if (valid && Double.isNaN(out[i])) {
                        if (nan++ < 3) {
                            ex.append(" (").append(p0[i]).append(", ").append(p1[i]).append(", ").append(x[i]).append(')');
                        }
                    }
                }
                System.out.println(op + ": NaN " + nan + " of " + n + ex);
            }
        }
    }
}
