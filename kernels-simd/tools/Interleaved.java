import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Vec;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Scalar vs SIMD throughput measured interleaved in one process, for a shared, loaded machine where
 * separate JMH trials drift apart: each repetition times one scalar call and then one SIMD call on
 * the JMH inputs (dev.irg.jmh.Inputs, same seed as OpBench), through the public API with forced
 * backends on the calling thread (threads = 1), and the ratio is taken per adjacent pair. Prints per
 * op and precision the median elements/s of each backend and the median and quartiles of the
 * per-pair ratio. Not a benchmark harness (no JMH safeguards): a cross-check of the JMH ratios.
 *
 * Run (after mvn -pl jmh -am package -DskipTests):
 *   java --add-modules jdk.incubator.vector -cp jmh/target/benchmarks.jar kernels-simd/tools/Interleaved.java \
 *        BETA_GRAD_A,BETA_CDF F32,F64 1000000 15 [inputs.csv]
 * With inputs.csv (header line, then p0,p1,x rows, e.g. from irg bench --write-inputs) its first n
 * rows are the inputs instead.
 */
public class Interleaved {
    public static void main(String[] args) throws Exception {
        String[] ops = args[0].split(",");
        String[] precisions = args[1].split(",");
        int n = Integer.parseInt(args[2]);
        int reps = Integer.parseInt(args[3]);
        Method draw = Class.forName("dev.irg.jmh.Inputs").getDeclaredMethod("draw", dev.irg.Distribution.class, int.class,
                long.class);
        draw.setAccessible(true);
        Irg scalar = Irg.using(Backend.SCALAR).threads(1);
        Irg simd = Irg.using(Backend.SIMD).threads(1);
        for (String o : ops) {
            Op op = Op.valueOf(o);
            double[][] in = args.length > 4 ? readCsv(args[4], n)
                    : (double[][]) draw.invoke(null, op.distribution(), n, 20261128L);
            for (String p : precisions) {
                boolean f32 = p.equals("F32");
                Vec[] v = new Vec[4];
                for (int k = 0; k < 3; k++) {
                    v[k] = f32 ? Vec.of(toFloat(in[k])) : Vec.of(in[k].clone());
                }
                v[3] = f32 ? Vec.of(new float[n]) : Vec.of(new double[n]);
                // warm-up: enough calls for both backends' code to be compiled
                long warm = Math.max(3, 3_000_000L / n);
                for (long w = 0; w < warm; w++) {
                    scalar.evaluate(op, v[0], v[1], v[2], v[3]);
                    simd.evaluate(op, v[0], v[1], v[2], v[3]);
                }
                double[] ts = new double[reps];
                double[] tv = new double[reps];
                double[] ratio = new double[reps];
                int inner = Math.max(1, 200_000 / n);
                for (int r = 0; r < reps; r++) {
                    long t0 = System.nanoTime();
                    for (int k = 0; k < inner; k++) {
                        scalar.evaluate(op, v[0], v[1], v[2], v[3]);
                    }
                    long t1 = System.nanoTime();
                    for (int k = 0; k < inner; k++) {
                        simd.evaluate(op, v[0], v[1], v[2], v[3]);
                    }
                    long t2 = System.nanoTime();
                    ts[r] = (t1 - t0) / (double) inner;
                    tv[r] = (t2 - t1) / (double) inner;
                    ratio[r] = ts[r] / tv[r];
                }
                Arrays.sort(ts);
                Arrays.sort(tv);
                Arrays.sort(ratio);
                System.out.printf("%s %s n=%d: scalar %.3g elements/s, simd %.3g elements/s (medians of %d); "
                        + "SIMD/scalar per pair: median %.2fx, quartiles %.2f-%.2fx%n", op, p, n,
                        n * 1e9 / ts[reps / 2], n * 1e9 / tv[reps / 2], reps, ratio[reps / 2], ratio[reps / 4],
                        ratio[(3 * reps) / 4]);
            }
        }
    }

    private static double[][] readCsv(String path, int n) throws java.io.IOException {
        java.util.List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(path));
        double[][] in = new double[3][n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(1 + i % (lines.size() - 1)).split(",");
            for (int k = 0; k < 3; k++) {
                in[k][i] = Double.parseDouble(f[k].trim());
            }
        }
        return in;
    }

    private static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }
}
