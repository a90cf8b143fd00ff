import dev.irg.*;
import java.lang.management.*;

/**
 * Gamma float32 rsample per CPU-second, one thread, SIMD backend, in one JVM: the sample alone, dz/dalpha alone
 * (on the sampler's own (alpha, z) pairs), sample then gradient ("separate") and the fused rsample, interleaved,
 * 0.7 s of thread CPU time each, four rounds (the first two discarded as JIT warm-up). alpha log-uniform on
 * [1e-2, 1e3] as in jmh RsampleBench. Quoted in docs/sampling.md ("Speed of the backends").
 *
 * Run (after ./test or mvn -B -o -q -pl kernels-simd -am package -DskipTests):
 *   source scripts/jdk.sh
 *   java --add-modules jdk.incubator.vector -cp java-api/target/classes:kernels-simd/target/classes \
 *        kernels-simd/tools/RsampleCpuTime.java [n]
 */
public class RsampleCpuTime {
  public static void main(String[] a) {
    int n = a.length > 0 ? Integer.parseInt(a[0]) : 100000;
    java.util.SplittableRandom r = new java.util.SplittableRandom(20261129L);
    float[] al = new float[n];
    for (int i = 0; i < n; i++) al[i] = (float) Math.exp(Math.log(1e-2) + r.nextDouble() * (Math.log(1e3) - Math.log(1e-2)));
    Irg irg = Irg.using(Backend.SIMD).threads(1);
    Sampling s = irg.sampling();
    float[] z = new float[n], g = new float[n];
    ThreadMXBean tb = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 4; round++) {
      for (String mode : new String[]{"sample", "grad", "separate", "fused"}) {
        long c0 = tb.getCurrentThreadCpuTime(); int reps = 0;
        while (tb.getCurrentThreadCpuTime() - c0 < 700_000_000L) {
          switch (mode) {
            case "sample" -> s.gamma(reps, Vec.of(al), Vec.scalar(1), Vec.of(z));
            case "grad" -> irg.evaluate(Op.GAMMA_GRAD_ALPHA, Vec.of(al), Vec.scalar(1), Vec.of(z), Vec.of(g));
            case "separate" -> { s.gamma(reps, Vec.of(al), Vec.scalar(1), Vec.of(z)); irg.evaluate(Op.GAMMA_GRAD_ALPHA, Vec.of(al), Vec.scalar(1), Vec.of(z), Vec.of(g)); }
            default -> s.gammaRsample(reps, Vec.of(al), Vec.scalar(1), Vec.of(z), Vec.of(g), null);
          }
          reps++;
        }
        if (round >= 2) System.out.printf("n=%d %s %.1f M/s per CPU-s%n", n, mode, reps * (double) n / ((tb.getCurrentThreadCpuTime() - c0) / 1e9) / 1e6);
      }
    }
  }
}
