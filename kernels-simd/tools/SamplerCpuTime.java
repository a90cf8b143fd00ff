import dev.irg.*;
import java.lang.management.*;
import java.util.function.IntConsumer;

/**
 * Every sampler of the public API per CPU-second, one thread, float64 arrays: sample and rsample of Gamma, log-Gamma,
 * Beta, von Mises and Dirichlet (K = 4, per component), on the SIMD and scalar backends (or the ones named), in one
 * JVM, 0.5 s of thread CPU time per measurement, three rounds (the first discarded as JIT warm-up). Parameters
 * log-uniform on [1e-2, 1e3] (von Mises kappa too; location 0, rate 1), n = 100 000 elements (25 000 Dirichlet rows).
 * Quoted in docs/sampling.md ("Speed of the backends").
 *
 * Run (after mvn -B -o -q -pl kernels-simd -am package -DskipTests):
 *   source scripts/jdk.sh
 *   java --add-modules jdk.incubator.vector -cp java-api/target/classes:kernels-simd/target/classes \
 *        kernels-simd/tools/SamplerCpuTime.java [SIMD] [SCALAR]
 */
public class SamplerCpuTime {
  public static void main(String[] args) {
    int n = 100_000;
    int k = 4;
    java.util.SplittableRandom r = new java.util.SplittableRandom(20261129L);
    double[] p0 = new double[n], p1 = new double[n];
    for (int i = 0; i < n; i++) {
      p0[i] = Math.exp(Math.log(1e-2) + r.nextDouble() * (Math.log(1e3) - Math.log(1e-2)));
      p1[i] = Math.exp(Math.log(1e-2) + r.nextDouble() * (Math.log(1e3) - Math.log(1e-2)));
    }
    double[] z = new double[n], g0 = new double[n], g1 = new double[n];
    String[] backends = args.length > 0 ? args : new String[] {"SIMD", "SCALAR"};
    ThreadMXBean tb = ManagementFactory.getThreadMXBean();
    for (String b : backends) {
      Sampling s = Irg.using(Backend.valueOf(b)).threads(1).sampling();
      Vec a = Vec.of(p0), c = Vec.of(p1), vz = Vec.of(z), v0 = Vec.of(g0), v1 = Vec.of(g1);
      String[] names = {"gamma", "gamma rsample", "gammaLog", "gammaLog rsample", "beta", "beta rsample", "vonMises",
          "vonMises rsample", "dirichlet K=4", "dirichlet K=4 rsample"};
      IntConsumer[] calls = {
          seed -> s.gamma(seed, a, Vec.scalar(1), vz),
          seed -> s.gammaRsample(seed, a, Vec.scalar(1), vz, v0, null),
          seed -> s.gammaLog(seed, a, Vec.scalar(1), vz),
          seed -> s.gammaLogRsample(seed, a, Vec.scalar(1), vz, v0, null),
          seed -> s.beta(seed, a, c, vz),
          seed -> s.betaRsample(seed, a, c, vz, v0, v1),
          seed -> s.vonMises(seed, a, Vec.scalar(0), vz),
          seed -> s.vonMisesRsample(seed, a, Vec.scalar(0), vz, v0),
          seed -> s.dirichlet(seed, k, a, vz),
          seed -> s.dirichletRsample(seed, k, a, vz, v0, v1)};
      for (int round = 0; round < 3; round++) {
        for (int m = 0; m < calls.length; m++) {
          long c0 = tb.getCurrentThreadCpuTime();
          int reps = 0;
          while (tb.getCurrentThreadCpuTime() - c0 < 500_000_000L) {
            calls[m].accept(reps++);
          }
          if (round > 0) {
            System.out.printf("%-7s %-22s %7.1f M/s per CPU-s%n", b, names[m],
                reps * (double) n / ((tb.getCurrentThreadCpuTime() - c0) / 1e9) / 1e6);
          }
        }
      }
    }
  }
}
