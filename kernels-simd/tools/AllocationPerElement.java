import dev.irg.Backend;
import dev.irg.Distribution;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Vec;
import java.lang.reflect.Method;

/**
 * Bytes allocated per element by each SIMD operation in steady state, with every operation's kernels compiled in the
 * same JVM first (as in `irg report`): the SIMD kernels allocate nothing of their own per element, so what this
 * counts is vectors the JIT boxed (a helper it did not inline, a Vector API operation left to its Java fallback;
 * docs/simd.md, "Inlining"). Each operation and precision is warmed up for WARMUP_NS (all of them, twice), then
 * three calls on 100 000 JMH inputs (dev.irg.jmh.Inputs, seed 20261128) are measured with the thread's allocation
 * counter; the ns per element printed beside are those three calls' wall time (a rough figure, not a benchmark).
 *
 * Run (after mvn -B -o -q -pl jmh -am package -DskipTests):
 *   source scripts/jdk.sh
 *   java --add-modules jdk.incubator.vector -cp jmh/target/benchmarks.jar kernels-simd/tools/AllocationPerElement.java
 */
public class AllocationPerElement {
    static final long WARMUP_NS = 400_000_000L;

    public static void main(String[] args) throws Exception {
        Method draw = Class.forName("dev.irg.jmh.Inputs").getDeclaredMethod("draw", Distribution.class, int.class, long.class);
        draw.setAccessible(true);
        com.sun.management.ThreadMXBean tb = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        Irg simd = Irg.using(Backend.SIMD).threads(1);
        int n = 100_000;
        for (int round = 0; round < 3; round++) {
            for (Op op : Op.values()) {
                Distribution d = op.distribution();
                if (d != Distribution.GAMMA && d != Distribution.BETA && d != Distribution.VONMISES || op == Op.GAMMA_GRAD_RATE) {
                    continue;
                }
                double[][] in = (double[][]) draw.invoke(null, d, n, 20261128L);
                for (boolean f32 : new boolean[] {false, true}) {
                    Vec[] v = new Vec[3];
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
                    Vec out = f32 ? Vec.of(new float[n]) : Vec.of(new double[n]);
                    if (round < 2) {
                        long end = System.nanoTime() + WARMUP_NS;
                        while (System.nanoTime() < end) {
                            simd.evaluate(op, v[0], v[1], v[2], out);
                        }
                        continue;
                    }
                    long b0 = tb.getCurrentThreadAllocatedBytes();
                    long t0 = System.nanoTime();
                    for (int r = 0; r < 3; r++) {
                        simd.evaluate(op, v[0], v[1], v[2], out);
                    }
                    long t1 = System.nanoTime();
                    long b1 = tb.getCurrentThreadAllocatedBytes();
                    System.out.printf("%-22s %s %7.1f bytes/element %7.1f ns/element%n", op, f32 ? "F32" : "F64",
                            (b1 - b0) / (3.0 * n), (t1 - t0) / (3.0 * n));
                }
            }
        }
    }
}
