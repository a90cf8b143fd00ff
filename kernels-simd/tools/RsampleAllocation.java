import dev.irg.*;

/**
 * Bytes allocated and wall ns per element of the SIMD samplers and fused rsamples in steady state (each warmed up
 * for 2 s, then three calls of 100 000 elements; Gamma alpha, von Mises kappa, Beta a and b log-uniform on
 * [1e-2, 1e3]); the allocation is boxed vectors (docs/simd.md, "Inlining").
 *
 * Run (after mvn -B -o -q -pl jmh -am package -DskipTests):
 *   java --add-modules jdk.incubator.vector -cp jmh/target/benchmarks.jar kernels-simd/tools/RsampleAllocation.java
 */
public class RsampleAllocation {
  public static void main(String[] a) {
    int n = 100000;
    java.util.SplittableRandom r = new java.util.SplittableRandom(20261129L);
    float[] al = new float[n];
    for (int i = 0; i < n; i++) al[i] = (float) Math.exp(Math.log(1e-2) + r.nextDouble() * (Math.log(1e3) - Math.log(1e-2)));
    double[] ald = new double[n]; for (int i = 0; i < n; i++) ald[i] = al[i];
    Irg irg = Irg.using(Backend.SIMD).threads(1);
    Sampling s = irg.sampling();
    float[] z = new float[n], g = new float[n];
    double[] zd = new double[n], gd = new double[n];
    com.sun.management.ThreadMXBean tb = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    String[] modes = {"sample32", "fused32", "sample64", "fused64", "vmsample64", "vmfused64", "betafused64"};
    double[] kap = new double[n]; for (int i = 0; i < n; i++) kap[i] = Math.exp(Math.log(1e-2) + r.nextDouble() * (Math.log(1e3) - Math.log(1e-2)));
    double[] bb = new double[n]; for (int i = 0; i < n; i++) bb[i] = Math.exp(Math.log(1e-2) + r.nextDouble() * (Math.log(1e3) - Math.log(1e-2)));
    double[] gb = new double[n];
    for (String m : modes) {
      Runnable run = switch (m) {
        case "sample32" -> () -> s.gamma(1, Vec.of(al), Vec.scalar(1), Vec.of(z));
        case "fused32" -> () -> s.gammaRsample(1, Vec.of(al), Vec.scalar(1), Vec.of(z), Vec.of(g), null);
        case "sample64" -> () -> s.gamma(1, Vec.of(ald), Vec.scalar(1), Vec.of(zd));
        case "fused64" -> () -> s.gammaRsample(1, Vec.of(ald), Vec.scalar(1), Vec.of(zd), Vec.of(gd), null);
        case "vmsample64" -> () -> s.vonMises(1, Vec.of(kap), Vec.scalar(0), Vec.of(zd));
        case "vmfused64" -> () -> s.vonMisesRsample(1, Vec.of(kap), Vec.scalar(0), Vec.of(zd), Vec.of(gd));
        case "betafused64" -> () -> s.betaRsample(1, Vec.of(ald), Vec.of(bb), Vec.of(zd), Vec.of(gd), Vec.of(gb));
        default -> throw new IllegalArgumentException(m);
      };
      long end = System.nanoTime() + 2_000_000_000L;
      while (System.nanoTime() < end) run.run();
      long b0 = tb.getCurrentThreadAllocatedBytes(), t0 = System.nanoTime();
      for (int k = 0; k < 3; k++) run.run();
      long b1 = tb.getCurrentThreadAllocatedBytes(), t1 = System.nanoTime();
      System.out.printf("%-12s %7.1f bytes/element %6.1f ns/element%n", m, (b1 - b0) / (3.0 * n), (t1 - t0) / (3.0 * n));
    }
  }
}
