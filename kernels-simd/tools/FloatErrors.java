import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Vec;
import dev.irg.math.IncompleteGamma;
import dev.irg.math.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Errors of the SIMD backend's float32 results against the scalar float64 reference evaluated at the
 * same float inputs (the reference is within ~1e-14 of mpmath there, docs/gamma.md, so this measures
 * the float kernels' own error): random (alpha, rate, z) over the whole Gamma domain (alpha
 * log-uniform on [LO, HI], samples in both tails and around the mode, rate 1 or log-uniform on
 * [1e-2, 1e2]), rounded to float. Prints max, p99 and median relative error over the elements whose
 * reference is a normal float, per region of IncompleteGamma.classify, and the worst elements.
 *
 * Run (after mvn -pl kernels-simd -am package -DskipTests):
 *   java --add-modules jdk.incubator.vector -cp java-api/target/classes:kernels-simd/target/classes \
 *        kernels-simd/tools/FloatErrors.java GAMMA_GRAD_ALPHA 2000000 [LO HI]
 */
public class FloatErrors {
    public static void main(String[] args) {
        Op op = Op.valueOf(args[0]);
        int n = Integer.parseInt(args[1]);
        double lo = args.length > 2 ? Double.parseDouble(args[2]) : 1e-4;
        double hi = args.length > 3 ? Double.parseDouble(args[3]) : 1e6;
        SplittableRandom r = new SplittableRandom(20261129L);
        float[] a = new float[n];
        float[] rate = new float[n];
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            double al = logUniform(r, lo, hi);
            double rt = r.nextBoolean() ? 1.0 : logUniform(r, 1e-2, 1e2);
            double x = switch (r.nextInt(5)) {
                case 0 -> al * logUniform(r, 1e-6, 3.0);
                case 1 -> Math.abs(al + Math.sqrt(al) * 4 * (2 * r.nextDouble() - 1));
                case 2 -> logUniform(r, 1e-30, 1e3);
                case 3 -> (al + 1) * (1 + 0.01 * (2 * r.nextDouble() - 1));
                default -> al + Math.sqrt(al) * logUniform(r, 1e-2, 40) + logUniform(r, 1e-3, 40);
            };
            a[i] = (float) al;
            rate[i] = (float) rt;
            z[i] = (float) (x / rt);
        }
        float[] out = new float[n];
        Irg.using(Backend.SIMD).threads(1).evaluate(op, Vec.of(a), Vec.of(rate), Vec.of(z), Vec.of(out));
        List<List<double[]>> byRegion = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            byRegion.add(new ArrayList<>());
        }
        List<double[]> all = new ArrayList<>();
        int nanMismatch = 0;
        for (int i = 0; i < n; i++) {
            double ref = Reference.eval(op, a[i], rate[i], z[i]);
            if (Double.isNaN(ref) != Float.isNaN(out[i])) {
                nanMismatch++;
                System.out.printf("NaN mismatch at a=%s rate=%s z=%s: ref %s got %s%n", a[i], rate[i], z[i], ref, out[i]);
                continue;
            }
            if (!(Math.abs(ref) >= Float.MIN_NORMAL && Math.abs(ref) <= Float.MAX_VALUE)) {
                continue;
            }
            double rel = Math.abs(out[i] - ref) / Math.abs(ref);
            double[] row = {rel, a[i], rate[i], z[i], ref, out[i]};
            all.add(row);
            byRegion.get(IncompleteGamma.classify(a[i], (double) rate[i] * z[i])).add(row);
        }
        String[] names = {"edge", "series", "fraction", "temme"};
        report("all", all);
        for (int k = 1; k < 4; k++) {
            report(names[k], byRegion.get(k));
        }
        all.sort((p, q) -> Double.compare(q[0], p[0]));
        System.out.println("NaN mismatches: " + nanMismatch + "; worst:");
        for (int i = 0; i < Math.min(12, all.size()); i++) {
            double[] w = all.get(i);
            System.out.printf("  %.3e at a=%s rate=%s z=%s (x=%s) ref %.9g got %.9g%n", w[0], (float) w[1], (float) w[2],
                    (float) w[3], w[2] * w[3], w[4], w[5]);
        }
    }

    static void report(String name, List<double[]> rows) {
        double[] e = new double[rows.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = rows.get(i)[0];
        }
        Arrays.sort(e);
        if (e.length == 0) {
            System.out.printf("%-9s n=0%n", name);
            return;
        }
        System.out.printf("%-9s n=%d max %.3e p99 %.3e median %.3e%n", name, e.length, e[e.length - 1],
                e[(int) Math.ceil(0.99 * e.length) - 1], e[e.length / 2]);
    }

    static double logUniform(SplittableRandom r, double lo, double hi) {
        return Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }
}
