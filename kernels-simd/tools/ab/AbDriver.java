import dev.irg.*;
import java.lang.management.*;
/**
 * Loaded once per build by AbHarness (a class loader of its own per build): init draws the inputs, run measures one mode
 * for about {@code secs} of the thread's CPU time and returns million elements per CPU-second, one thread, SIMD backend.
 * Modes: sample (float32 Gamma samples, alpha log-uniform on [1e-2, 1e3] as RsampleCpuTime), grad (float32 dz/dalpha on
 * the sampler's own pairs), fused (the float32 Gamma rsample), report (float32 dz/dalpha on the CSV of -Dinputs=, alpha,x
 * rows as written by irg bench --write-inputs; rate 1), temme20 and low (the sampler's pairs with alpha >= 20, resp. in
 * [5, 20), replicated to n); report64 (float64 dz/dalpha on the CSV of -Dinputs64=, default /tmp/gamma64_in.csv, as
 * read in double).
 */
public class AbDriver {
  static float[] al, z, g; static int n; static Irg irg; static Sampling s; static float[] ga, gz; static int reps0;
  static float[] ra, rz, rg, ta, tz, la, lz, tg;
  static double[] da, dz, dg;
  public static void init(int size) {
    n = size;
    java.util.SplittableRandom r = new java.util.SplittableRandom(20261129L);
    al = new float[n]; z = new float[n]; g = new float[n];
    for (int i = 0; i < n; i++) al[i] = (float) Math.exp(Math.log(1e-2) + r.nextDouble() * (Math.log(1e3) - Math.log(1e-2)));
    irg = Irg.using(Backend.SIMD).threads(1); s = irg.sampling();
    ga = al.clone(); gz = new float[n]; s.gamma(12345, Vec.of(ga), Vec.scalar(1), Vec.of(gz));
    ta = new float[n]; tz = new float[n]; la = new float[n]; lz = new float[n]; tg = new float[n];
    for (int i = 0, m = 0; m < n; i = (i + 1) % n) if (ga[i] >= 20) { ta[m] = ga[i]; tz[m] = gz[i]; m++; }
    for (int i = 0, m = 0; m < n; i = (i + 1) % n) if (ga[i] >= 5 && ga[i] < 20) { la[m] = ga[i]; lz[m] = gz[i]; m++; }
    // report inputs (CSV alpha,rate,z) if present
    try {
      java.util.List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(System.getProperty("inputs", "/tmp/gamma_in.csv")));
      int m = lines.size() - 1; ra = new float[m]; rz = new float[m]; rg = new float[m];
      for (int i = 0; i < m; i++) { String[] p = lines.get(i + 1).split(","); ra[i] = Float.parseFloat(p[0]); rz[i] = Float.parseFloat(p[1]); }
    } catch (java.io.IOException e) {
      ra = null; // mode report unavailable: run() says so
    }
    try {
      java.util.List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(System.getProperty("inputs64", "/tmp/gamma64_in.csv")));
      int m = lines.size() - 1; da = new double[m]; dz = new double[m]; dg = new double[m];
      for (int i = 0; i < m; i++) { String[] p = lines.get(i + 1).split(","); da[i] = Double.parseDouble(p[0]); dz[i] = Double.parseDouble(p[1]); }
    } catch (java.io.IOException e) {
      da = null; // mode report64 unavailable: run() says so
    }
  }
  public static double run(String mode, double secs) {
    ThreadMXBean tb = ManagementFactory.getThreadMXBean();
    long c0 = tb.getCurrentThreadCpuTime(); long el = 0; int reps = 0;
    while (tb.getCurrentThreadCpuTime() - c0 < secs * 1e9) {
      switch (mode) {
        case "sample" -> { s.gamma(reps0++, Vec.of(al), Vec.scalar(1), Vec.of(z)); el += n; }
        case "grad" -> { irg.evaluate(Op.GAMMA_GRAD_ALPHA, Vec.of(ga), Vec.scalar(1), Vec.of(gz), Vec.of(g)); el += n; }
        case "report" -> {
          if (ra == null) throw new IllegalStateException("mode report needs -Dinputs=CSV (irg bench --write-inputs)"); irg.evaluate(Op.GAMMA_GRAD_ALPHA, Vec.of(ra), Vec.scalar(1), Vec.of(rz), Vec.of(rg)); el += ra.length; }
        case "report64" -> {
          if (da == null) throw new IllegalStateException("mode report64 needs -Dinputs64=CSV (irg bench --precision f64 --write-inputs)"); irg.evaluate(Op.GAMMA_GRAD_ALPHA, Vec.of(da), Vec.scalar(1), Vec.of(dz), Vec.of(dg)); el += da.length; }
        case "temme20" -> { irg.evaluate(Op.GAMMA_GRAD_ALPHA, Vec.of(ta), Vec.scalar(1), Vec.of(tz), Vec.of(tg)); el += n; }
        case "low" -> { irg.evaluate(Op.GAMMA_GRAD_ALPHA, Vec.of(la), Vec.scalar(1), Vec.of(lz), Vec.of(tg)); el += n; }
        default -> { s.gammaRsample(reps0++, Vec.of(al), Vec.scalar(1), Vec.of(z), Vec.of(g), null); el += n; }
      }
      reps++;
    }
    return el / ((tb.getCurrentThreadCpuTime() - c0) / 1e9) / 1e6;
  }
}
