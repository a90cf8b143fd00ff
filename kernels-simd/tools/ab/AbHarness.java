import java.lang.reflect.Method;
import java.net.*;
import java.nio.file.*;
import java.util.*;
/**
 * Two builds measured alternately in one JVM (each in a class loader of its own: separate classes, separate JIT
 * compilations), so that the machine's drift between fresh JVMs does not enter the comparison: per round and mode, one
 * measurement of each build (the order alternating), and per mode the median rate of each and the median and quartiles
 * of the per-round ratio B/A (the first two rounds discarded as warm-up). The JIT's compilations still differ from
 * launch to launch by a few percent: multi.sh runs several launches with the modes in rotated orders.
 *
 * Run from the repository root (dirA, dirB: checkouts built with mvn -o -q package -DskipTests -pl java-api,kernels-simd -am,
 * e.g. a git worktree of the commit before):
 *   source scripts/jdk.sh
 *   javac -cp java-api/target/classes -d /tmp/ab kernels-simd/tools/ab/AbDriver.java kernels-simd/tools/ab/AbHarness.java
 *   java --add-modules jdk.incubator.vector -Dinputs=/tmp/gamma_in.csv -cp /tmp/ab AbHarness dirA dirB fused,grad,report 10 0.5
 */
public class AbHarness {
  public static void main(String[] a) throws Exception {
    String[] dirs = {a[0], a[1]}; String[] modes = a[2].split(","); int rounds = Integer.parseInt(a[3]); double secs = Double.parseDouble(a[4]);
    Method[] run = new Method[2]; ClassLoader[] cls = new ClassLoader[2];
    for (int k = 0; k < 2; k++) {
      URL[] urls = { Path.of(dirs[k], "java-api/target/classes").toUri().toURL(), Path.of(dirs[k], "kernels-simd/target/classes").toUri().toURL(), Path.of(System.getProperty("driver", "/tmp/ab")).toUri().toURL() };
      cls[k] = new URLClassLoader("b" + k, urls, ClassLoader.getPlatformClassLoader());
      Thread.currentThread().setContextClassLoader(cls[k]);
      Class<?> d = cls[k].loadClass("AbDriver");
      d.getMethod("init", int.class).invoke(null, 100000);
      run[k] = d.getMethod("run", String.class, double.class);
    }
    Map<String, List<double[]>> res = new LinkedHashMap<>();
    for (int r = 0; r < rounds; r++) {
      for (String m : modes) {
        double[] v = new double[2];
        for (int kk = 0; kk < 2; kk++) { int k = (r % 2 == 0) ? kk : 1 - kk; Thread.currentThread().setContextClassLoader(cls[k]); v[k] = (double) run[k].invoke(null, m, secs); }
        if (r >= 2) res.computeIfAbsent(m, x -> new ArrayList<>()).add(v);
      }
    }
    for (var e : res.entrySet()) {
      List<double[]> l = e.getValue(); double[] A = l.stream().mapToDouble(x -> x[0]).sorted().toArray(), B = l.stream().mapToDouble(x -> x[1]).sorted().toArray();
      double[] q = l.stream().mapToDouble(x -> x[1] / x[0]).sorted().toArray();
      System.out.printf("%-7s A median %.1f  B median %.1f M/s   B/A median %.3f [q1 %.3f q3 %.3f] (n=%d)%n", e.getKey(), A[A.length / 2], B[B.length / 2], q[q.length / 2], q[q.length / 4], q[3 * q.length / 4], q.length);
    }
  }
}
