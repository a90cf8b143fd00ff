import dev.irg.*;
import java.util.*;
/**
 * A fuzz of the public API (SCALAR vs SIMD, float64 and float32, every operation): random mixes of special
 * values (NaN, infinities, zeros, subnormals, MAX_VALUE, ...), log-uniform values over 1e-300..1e300 and
 * uniform ones, in batches of 1..3000; flags NaN in one backend only, CDFs outside [0, 1] and differences above
 * 1e-9 (f64) / 1e-5 (f32) relative, printing the first 15 and counts per operation. Not a test (the Beta
 * tiny-parameter defect of docs/beta.md is still flagged); how the tiny-alpha Gamma defects were found.
 *
 * Run (after mvn -B -o -q -pl kernels-simd -am package -DskipTests):
 *   source scripts/jdk.sh
 *   java --add-modules jdk.incubator.vector -cp java-api/target/classes:kernels-simd/target/classes kernels-simd/tools/ApiFuzz.java [seed]
 */
public class ApiFuzz {
  static double pick(SplittableRandom r) {
    double[] sp = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 1e300, Double.MAX_VALUE, 1.0, 0.5, Math.PI, -Math.PI, 1e-8, 1e8, 3e38, 1.4e-45, 1e-45, 2.0, -1.0};
    switch (r.nextInt(4)) {
      case 0: return sp[r.nextInt(sp.length)];
      case 1: return Math.exp(r.nextDouble() * 200 - 100) * (r.nextInt(10) == 0 ? -1 : 1);
      case 2: return r.nextDouble();
      default: return Math.exp(r.nextDouble() * 1400 - 700);
    }
  }
  public static void main(String[] a) {
    SplittableRandom r = new SplittableRandom(a.length > 0 ? Long.parseLong(a[0]) : 99);
    Map<String, Integer> perOp = new TreeMap<>();
    Irg sc = Irg.using(Backend.SCALAR).threads(1), si = Irg.using(Backend.SIMD);
    long bad = 0, checked = 0;
    for (int rep = 0; rep < 40; rep++) for (Op op : Op.values()) {
      int n = 1 + r.nextInt(3000);
      double[] p0 = new double[n], p1 = new double[n], x = new double[n];
      for (int i = 0; i < n; i++) { p0[i] = pick(r); p1[i] = pick(r); x[i] = op.distribution()==Distribution.BETA ? (r.nextBoolean()? r.nextDouble(): pick(r)) : pick(r); }
      for (Precision pr : Precision.values()) {
        double[] o1 = new double[n], o2 = new double[n];
        if (pr == Precision.F64) {
          sc.evaluate(op, Vec.of(p0), Vec.of(p1), Vec.of(x), Vec.of(o1));
          si.evaluate(op, Vec.of(p0), Vec.of(p1), Vec.of(x), Vec.of(o2));
        } else {
          float[] f0 = new float[n], f1 = new float[n], fx = new float[n], g1 = new float[n], g2 = new float[n];
          for (int i = 0; i < n; i++) { f0[i] = (float) p0[i]; f1[i] = (float) p1[i]; fx[i] = (float) x[i]; }
          sc.evaluate(op, Vec.of(f0), Vec.of(f1), Vec.of(fx), Vec.of(g1));
          si.evaluate(op, Vec.of(f0), Vec.of(f1), Vec.of(fx), Vec.of(g2));
          for (int i = 0; i < n; i++) { o1[i] = g1[i]; o2[i] = g2[i]; p0[i] = f0[i]; p1[i] = f1[i]; x[i] = fx[i]; }
        }
        for (int i = 0; i < n; i++) {
          checked++;
          boolean nan1 = Double.isNaN(o1[i]), nan2 = Double.isNaN(o2[i]);
          String at = op + " " + pr + " p0=" + p0[i] + " p1=" + p1[i] + " x=" + x[i] + " scalar=" + o1[i] + " simd=" + o2[i];
          if (nan1 != nan2) { perOp.merge(op + " " + pr + " NaN mismatch", 1, Integer::sum); if (bad++ < 15) System.out.println("NaN mismatch " + at); continue; }
          if (nan1) continue;
          if (op.name().endsWith("_CDF") && op != Op.VONMISES_CDF && (o1[i] < 0 || o1[i] > 1)) { perOp.merge(op + " " + pr + " CDF range", 1, Integer::sum); if (bad++ < 15) System.out.println("CDF range " + at); }
          double d = Math.abs(o1[i] - o2[i]);
          double tol = pr == Precision.F64 ? 1e-9 : 1e-5;
          if (d > tol * Math.abs(o1[i]) && d > 1e-300 && !(Double.isInfinite(o1[i]) && o1[i] == o2[i])) { perOp.merge(op + " " + pr + " difference", 1, Integer::sum); if (bad++ < 15) System.out.println("diff " + (d / Math.abs(o1[i])) + " " + at); }
        }
      }
    }
    System.out.println("checked " + checked + ", flagged " + bad);
    perOp.forEach((k, v) -> System.out.println("  " + k + ": " + v));
  }
}
