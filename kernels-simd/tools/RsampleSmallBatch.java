import dev.irg.*;
/**
 * Warm per-sample time of the fused rsample (sample + gradient), scalar against SIMD backend, one
 * thread, float64, at batch sizes 16 .. 16384: six interleaved rounds, the first two discarded (JIT
 * warm-up), best of the rest. Gamma(1.5, rate 0.8), von Mises(kappa 1.5, loc 0.2), Beta(1.5, 0.8).
 * Quoted in docs/sampling.md (VectorPhilox) and docs/examples.md (the variance example's warm-up).
 *
 * Run (after ./test or mvn -B -o -q -pl kernels-simd -am package -DskipTests):
 *   source scripts/jdk.sh
 *   CP=java-api/target/classes:kernels-simd/target/classes
 *   java --add-modules jdk.incubator.vector -cp $CP kernels-simd/tools/RsampleSmallBatch.java
 */
public class RsampleSmallBatch {
  public static void main(String[] a) {
    int[] ns = {16, 64, 256, 1024, 4096, 16384};
    for (String dist : new String[]{"gamma","vonmises","beta"})
    for (int n : ns) {
      double[] best = new double[2];
      for (int round = 0; round < 6; round++) {
        for (int bi = 0; bi < 2; bi++) {
          Irg irg = Irg.using(bi == 0 ? Backend.SCALAR : Backend.SIMD).threads(1);
          double[] p = new double[n], q = new double[n], z = new double[n], g = new double[n], h = new double[n];
          java.util.Arrays.fill(p, 1.5); java.util.Arrays.fill(q, 0.8);
          long reps = Math.max(1, 400000 / n);
          long t0 = System.nanoTime();
          for (long r = 0; r < reps; r++) {
            switch (dist) {
              case "gamma" -> irg.sampling().gammaRsample(r, Vec.of(p), Vec.of(q), Vec.of(z), Vec.of(g), null);
              case "vonmises" -> irg.sampling().vonMisesRsample(r, Vec.of(p), Vec.scalar(0.2), Vec.of(z), Vec.of(g));
              default -> irg.sampling().betaRsample(r, Vec.of(p), Vec.of(q), Vec.of(z), Vec.of(g), Vec.of(h));
            }
          }
          double us = (System.nanoTime() - t0) / 1e3 / (reps * n);
          if (round >= 2) best[bi] = best[bi] == 0 ? us : Math.min(best[bi], us);
        }
      }
      System.out.printf("%s n=%d scalar %.3f us simd %.3f us  simd/scalar time %.2f%n", dist, n, best[0], best[1], best[1] / best[0]);
    }
  }
}
