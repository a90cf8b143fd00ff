import dev.irg.*;
import java.util.SplittableRandom;

/**
 * SIMD Gamma dz/dalpha float32, per region of the inputs, in ns per element of the calling thread's CPU
 * time (best of 5 rounds of `reps` calls on 1e5 elements): temme (alpha log-uniform on [20, 1e6], x/alpha
 * uniform on [0.31, 2.31]), series (alpha on [1e-4, 20], x below alpha + 1/2), fraction (x from alpha + 1/2
 * to alpha + 30), mixed (alpha on [1e-4, 1e6], x/alpha log-uniform on [1e-3, 10]), shared (one alpha, 4.5, for
 * the whole batch, x from its bulk: 4.5 exp(0.45 N(0,1)); series and continued fraction, two regions). Run with
 * -Dirg.simd.floatArithmetic=false for the float64 kernels (rounded) on the same inputs:
 *   java --add-modules jdk.incubator.vector [-Dirg.simd.floatArithmetic=false] -cp jmh/target/benchmarks.jar \
 *        kernels-simd/tools/RegionTime.java [temme series fraction mixed shared]
 */
public class RegionTime {
    static final Op OP = Op.valueOf(System.getProperty("op", "GAMMA_GRAD_ALPHA"));
    public static void main(String[] a) {
        int n = 100000;
        String[] names = a.length > 0 ? a : new String[] {"temme", "series", "fraction", "mixed", "shared"};
        for (String name : names) {
            SplittableRandom r = new SplittableRandom(1);
            float[] al = new float[n], rt = new float[n], z = new float[n], out = new float[n];
            for (int i = 0; i < n; i++) {
                double alpha, x;
                switch (name) {
                    case "temme" -> { alpha = Math.exp(Math.log(20) + r.nextDouble() * Math.log(5e4)); x = alpha * (0.31 + 2.0 * r.nextDouble()); }
                    case "series" -> { alpha = Math.exp(Math.log(1e-4) + r.nextDouble() * Math.log(2e5)); x = (alpha + 0.5) * r.nextDouble(); }
                    case "fraction" -> { alpha = Math.exp(Math.log(1e-4) + r.nextDouble() * Math.log(2e5)); x = alpha + 0.5 + 30 * r.nextDouble(); }
                    case "shared" -> { alpha = 4.5; x = alpha * Math.exp(0.45 * r.nextGaussian()); }
                    default -> { alpha = Math.exp(Math.log(1e-4) + r.nextDouble() * Math.log(1e10)); x = alpha * Math.exp(Math.log(1e-3) + r.nextDouble() * Math.log(1e4)); }
                }
                al[i] = (float) alpha; rt[i] = 1f; z[i] = (float) x;
            }
            Irg irg = Irg.using(Backend.SIMD).threads(1);
            Vec p0 = Vec.of(al), p1 = Vec.of(rt), vx = Vec.of(z), vo = Vec.of(out);
            for (int w = 0; w < 200; w++) irg.evaluate(OP, p0, p1, vx, vo);
            var tm = java.lang.management.ManagementFactory.getThreadMXBean();
            double best = 1e9;
            for (int round = 0; round < 5; round++) {
                long c0 = tm.getCurrentThreadCpuTime();
                for (int k = 0; k < Integer.getInteger("reps", 30); k++) irg.evaluate(OP, p0, p1, vx, vo);
                best = Math.min(best, (tm.getCurrentThreadCpuTime() - c0) / (Integer.getInteger("reps", 30) * (double) n));
            }
            System.out.printf("%s %-9s %.1f ns/element (%.3g /s)%n", System.getProperty("irg.simd.floatArithmetic", "true"), name, best, 1e9 / best);
        }
    }
}
