import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Vec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Wall-clock speed-up of all cores over one thread (SIMD backend, float64 Gamma dz/dalpha) on the rows of a CSV
 * written by {@code irg bench --dist gamma --write-inputs} (alpha,x; rate 1), repeated to n = 1e6 elements, in
 * three orders: as drawn (random), sorted by alpha and sorted by x/alpha (a batch whose halves cost differently:
 * on the report's inputs one thread takes 5.7 ms for the first half alone and 9.0 for the second). Prints the
 * median of 15 timed calls after 20 warm-up calls per configuration, and the one-thread time of each half.
 * Measures the split of dev.irg.internal.CpuPool (docs/ARCHITECTURE.md): with one fixed range per worker the
 * sorted-by-x/alpha batch gained 1.19-1.58x on two cores (it waits for the costlier half), with chunks taken
 * from a cursor 1.83-1.84x (2026-11-29, ninth session, quiet machine).
 *
 * Run (after mvn -pl jmh -am package -DskipTests; load the machine with nothing else):
 *   java --add-modules jdk.incubator.vector -cp jmh/target/benchmarks.jar kernels-simd/tools/SplitScaling.java /tmp/gamma64_in.csv
 */
public class SplitScaling {
    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        int rows = lines.size() - 1;
        int n = 1_000_000;
        double[][] in = new double[2][n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(1 + i % rows).split(",");
            in[0][i] = Double.parseDouble(f[0]);
            in[1][i] = Double.parseDouble(f[1]);
        }
        for (String order : new String[] {"random", "sorted by alpha", "sorted by x/alpha"}) {
            if (order.startsWith("sorted")) {
                Integer[] idx = new Integer[n];
                for (int i = 0; i < n; i++) {
                    idx[i] = i;
                }
                double[] a = in[0];
                double[] z = in[1];
                Arrays.sort(idx, order.endsWith("x/alpha") ? (p, q) -> Double.compare(z[p] / a[p], z[q] / a[q])
                        : (p, q) -> Double.compare(a[p], a[q]));
                double[][] s = new double[2][n];
                for (int i = 0; i < n; i++) {
                    s[0][i] = in[0][idx[i]];
                    s[1][i] = in[1][idx[i]];
                }
                in = s;
            }
            double[] t = new double[2];
            for (int threads = 1; threads <= 2; threads++) {
                Irg irg = Irg.using(Backend.SIMD).threads(threads == 1 ? 1 : Runtime.getRuntime().availableProcessors());
                double[] out = new double[n];
                Vec p0 = Vec.of(in[0]), p1 = Vec.scalar(1.0), x = Vec.of(in[1]), o = Vec.of(out);
                for (int w = 0; w < 20; w++) {
                    irg.evaluate(Op.GAMMA_GRAD_ALPHA, p0, p1, x, o);
                }
                double[] r = new double[15];
                for (int k = 0; k < r.length; k++) {
                    long t0 = System.nanoTime();
                    irg.evaluate(Op.GAMMA_GRAD_ALPHA, p0, p1, x, o);
                    r[k] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(r);
                t[threads - 1] = r[r.length / 2];
            }
            double[] half = new double[2];
            for (int h = 0; h < 2; h++) {
                Irg one = Irg.using(Backend.SIMD).threads(1);
                double[] a = Arrays.copyOfRange(in[0], h * n / 2, (h + 1) * n / 2);
                double[] z = Arrays.copyOfRange(in[1], h * n / 2, (h + 1) * n / 2);
                Vec p0 = Vec.of(a), x = Vec.of(z), o = Vec.of(new double[a.length]);
                double[] r = new double[15];
                for (int k = -20; k < r.length; k++) {
                    long t0 = System.nanoTime();
                    one.evaluate(Op.GAMMA_GRAD_ALPHA, p0, Vec.scalar(1.0), x, o);
                    if (k >= 0) {
                        r[k] = (System.nanoTime() - t0) / 1e6;
                    }
                }
                Arrays.sort(r);
                half[h] = r[r.length / 2];
            }
            System.out.printf("%-16s one thread %.1f ms (halves alone %.1f + %.1f), all %d cores %.1f ms: %.2fx%n", order,
                    t[0], half[0], half[1], Runtime.getRuntime().availableProcessors(), t[1], t[0] / t[1]);
        }
    }
}
