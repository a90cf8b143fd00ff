import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Vec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * CPU time per element of one operation on one backend, on the rows of a CSV written by
 * {@code irg bench --write-inputs} (gamma: alpha,x with rate 1; vonmises: kappa,x with loc 0; beta: a,b,x):
 * {@code -Dwarm=} warm-up calls (default 15), then {@code -Drounds=} rounds (default 9) of 3 calls timed with the
 * thread's CPU time (ThreadMXBean, robust to other jobs on a shared machine), printing the bytes allocated
 * per element by one more call (vectors the JIT boxed: docs/simd.md, "Inlining") and the median and range in
 * ns per element. One thread. {@code -Dpair=OP2}: the operation and OP2 in one call ({@code Irg.evaluatePair}), per element
 * of the pair. {@code -Dscalar1=true}: the second parameter of gamma and von Mises as a
 * broadcast scalar (as {@code irg bench} passes the default rate) rather than an array. {@code -Dtrace=true}: each
 * round's time as it is measured, with the JVM's uptime (to see when the JIT's compilations settle, and phases of
 * another speed: docs/simd.md, "Inlining"). For A/B runs
 * (vector widths with -Dirg.simd.bits=128|256|512, or two builds) alternate the runs in one session.
 * 15 warm-up calls of 200 000 float32 Gamma elements are not enough for the JIT to finish: the float32 Gamma
 * gradient measured 24.6 ns (range 17.6-50.6) after 15 and 15.1 (14.8-15.4) after 100 (2026-11-29); the
 * measurements of docs/simd.md since then use -Dwarm=100 (-Dwarm=20 to 60 for the slower Beta and float64).
 *
 * Run (after mvn -pl jmh -am package -DskipTests):
 *   ./irg bench --dist beta --n 200000 --reps 1 --write-inputs /tmp/beta_in.csv
 *   java -Dirg.simd.bits=256 --add-modules jdk.incubator.vector -cp jmh/target/benchmarks.jar \
 *        kernels-simd/tools/CpuTime.java /tmp/beta_in.csv BETA_GRAD_A SIMD F64
 */
public class CpuTime {
    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        int n = lines.size() - 1;
        String[] header = lines.get(0).split(",");
        boolean two = header.length == 2;                        // gamma or von Mises: no second parameter
        double second = header[0].trim().equals("alpha") ? 1.0 : 0.0; // rate 1, or loc 0
        double[][] in = new double[3][n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(1 + i).split(",");
            in[0][i] = Double.parseDouble(f[0]);
            in[1][i] = two ? second : Double.parseDouble(f[1]);
            in[2][i] = Double.parseDouble(f[two ? 1 : 2]);
        }
        Op op = Op.valueOf(args[1]);
        Irg irg = Irg.using(Backend.valueOf(args[2])).threads(1);
        boolean f32 = args.length > 3 && args[3].equals("F32");
        Vec[] v = new Vec[4];
        for (int k = 0; k < 3; k++) {
            if (f32) {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = (float) in[k][i];
                }
                v[k] = Vec.of(f);
            } else {
                v[k] = Vec.of(in[k]);
            }
        }
        if (two && Boolean.getBoolean("scalar1")) {
            v[1] = Vec.scalar(second);
        }
        v[3] = f32 ? Vec.of(new float[n]) : Vec.of(new double[n]);
        Vec out2 = f32 ? Vec.of(new float[n]) : Vec.of(new double[n]);
        String pairOp = System.getProperty("pair");
        Op op2 = pairOp == null ? null : Op.valueOf(pairOp);
        Runnable call = op2 == null ? () -> irg.evaluate(op, v[0], v[1], v[2], v[3])
                : () -> irg.evaluatePair(op, op2, v[0], v[1], v[2], v[3], out2);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int w = 0; w < Integer.getInteger("warm", 15); w++) {
            call.run();
        }
        double[] r = new double[Integer.getInteger("rounds", 9)];
        for (int k = 0; k < r.length; k++) {
            long c0 = mx.getCurrentThreadCpuTime();
            for (int j = 0; j < 3; j++) {
                call.run();
            }
            r[k] = (mx.getCurrentThreadCpuTime() - c0) / 3.0 / n;
            if (Boolean.getBoolean("trace")) {
                System.out.printf("round %d: %.1f ns per element (%d ms)%n", k, r[k], ManagementFactory.getRuntimeMXBean().getUptime());
            }
        }
        com.sun.management.ThreadMXBean tb = (com.sun.management.ThreadMXBean) mx;
        long b0 = tb.getCurrentThreadAllocatedBytes();
        call.run();
        System.out.printf("allocated %.2f bytes per element%n", (tb.getCurrentThreadAllocatedBytes() - b0) / (double) n);
        Arrays.sort(r);
        System.out.printf("%s %s %s: CPU ns per element median %.1f (range %.1f-%.1f), n = %d%n",
                op2 == null ? args[1] : args[1] + "+" + op2, args[2],
                f32 ? "F32" : "F64", r[r.length / 2], r[0], r[r.length - 1], n);
    }
}
