import dev.irg.*;
import java.lang.management.*;

/**
 * von Mises CDF and dz/dkappa per CPU-second, one thread: scalar and SIMD backends, float64 and float32 (float
 * arrays), interleaved in one JVM, 0.5 s of thread CPU time each, three rounds (the first discarded). kappa
 * log-uniform on [1e-4, 1e5], x within 5 standard deviations of the mode. Quoted in README.md and docs/simd.md.
 *
 * Run (after mvn -B -o -q -pl kernels-simd -am package -DskipTests):
 *   source scripts/jdk.sh
 *   java --add-modules jdk.incubator.vector -cp java-api/target/classes:kernels-simd/target/classes \
 *        kernels-simd/tools/VonMisesCpuTime.java
 */
public class VonMisesCpuTime {
  public static void main(String[] a) {
    int n = 100000;
    java.util.SplittableRandom r = new java.util.SplittableRandom(7);
    double[] k = new double[n], x = new double[n], o = new double[n]; float[] kf = new float[n], xf = new float[n], of = new float[n];
    for (int i = 0; i < n; i++) { k[i] = Math.exp(Math.log(1e-4) + r.nextDouble() * Math.log(1e9)); double sp = k[i] > 1 ? Math.min(Math.PI, 5 / Math.sqrt(k[i])) : Math.PI; x[i] = sp * (2 * r.nextDouble() - 1); kf[i] = (float) k[i]; xf[i] = (float) x[i]; }
    ThreadMXBean tb = ManagementFactory.getThreadMXBean();
    for (Op op : new Op[]{Op.VONMISES_CDF, Op.VONMISES_GRAD_KAPPA})
    for (int round = 0; round < 3; round++) {
      StringBuilder sb = new StringBuilder(op + ":");
      for (String mode : new String[]{"scalar64", "scalar32", "simd64", "simd32"}) {
        Irg irg = Irg.using(mode.startsWith("scalar") ? Backend.SCALAR : Backend.SIMD).threads(1);
        boolean f = mode.endsWith("32");
        long c0 = tb.getCurrentThreadCpuTime(); long reps = 0;
        while (tb.getCurrentThreadCpuTime() - c0 < 500_000_000L) {
          if (f) irg.evaluate(op, Vec.of(kf), Vec.scalar(0), Vec.of(xf), Vec.of(of)); else irg.evaluate(op, Vec.of(k), Vec.scalar(0), Vec.of(x), Vec.of(o));
          reps++;
        }
        sb.append(String.format(" %s %.2f M/s", mode, reps * (double) n / ((tb.getCurrentThreadCpuTime() - c0) / 1e9) / 1e6));
      }
      if (round > 0) System.out.println(sb);
    }
  }
}
