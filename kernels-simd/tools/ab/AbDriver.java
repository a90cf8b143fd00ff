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
    // report inputs (CSV alpha,x rows of irg bench --write-inputs) if present: modes report (as floats), report64
    double[][] f = columns(System.getProperty("inputs", "/tmp/gamma_in.csv"));
    if (f != null) {
      int m = f[0].length; ra = new float[m]; rz = new float[m]; rg = new float[m];
      for (int i = 0; i < m; i++) { ra[i] = (float) f[0][i]; rz[i] = (float) f[1][i]; }
    }
    double[][] d = columns(System.getProperty("inputs64", "/tmp/gamma64_in.csv"));
    if (d != null) { da = d[0]; dz = d[1]; dg = new double[da.length]; }
  }
  /** The first two columns of a CSV with a header line, or null when it cannot be read (its mode then says so). */
  static double[][] columns(String path) {
    try {
      java.util.List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(path));
      int m = lines.size() - 1; double[][] c = new double[2][m];
      for (int i = 0; i < m; i++) { String[] p = lines.get(i + 1).split(","); c[0][i] = Double.parseDouble(p[0]); c[1][i] = Double.parseDouble(p[1]); }
      return c;
    } catch (java.io.IOException e) {
      return null;
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
