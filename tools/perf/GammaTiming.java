import dev.irg.math.GammaConstants;
import dev.irg.math.IncompleteGamma;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A simple single-thread timing of the scalar Gamma reference (not JMH: orders of magnitude only).
 * Inputs: the (alpha, x) rows of the committed golden table gamma/heldout.csv (alpha log-uniform in
 * [1e-4, 1e6], quantiles 1e-12 .. 1 - 1e-12), overall and split by region.
 *
 * <pre>
 *   source scripts/jdk.sh &amp;&amp; mvn -B -q -o -pl java-api compile &amp;&amp; \
 *   java -cp java-api/target/classes tools/perf/GammaTiming.java java-api/src/test/resources/golden/gamma/heldout.csv
 * </pre>
 */
public class GammaTiming {
    static volatile double sink;

    public static void main(String[] args) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.startsWith("#") || line.startsWith("alpha")) {
                continue;
            }
            String[] c = line.split(",");
            rows.add(new double[] {Double.parseDouble(c[0]), Double.parseDouble(c[1])});
        }
        double[][] all = rows.toArray(double[][]::new);
        for (int warm = 0; warm < 300; warm++) { // JIT warm-up of every path before any timing
            for (int w = 0; w < 3; w++) {
                run(all, w);
            }
        }
        String[] regions = {"all", "series", "continued fraction", "Temme"};
        int[] ids = {-1, GammaConstants.REGION_SERIES, GammaConstants.REGION_CONTINUED_FRACTION, GammaConstants.REGION_TEMME};
        String[] whats = {"P", "dP/da", "dx/da"};
        for (int r = 0; r < regions.length; r++) {
            final int id = ids[r];
            double[][] pts = rows.stream().filter(p -> id < 0 || IncompleteGamma.classify(p[0], p[1]) == id).toArray(double[][]::new);
            StringBuilder sb = new StringBuilder(String.format("%-20s n=%4d", regions[r], pts.length));
            for (int w = 0; w < 3; w++) {
                sb.append(String.format("  %s %7.0f ns", whats[w], time(pts, w)));
            }
            System.out.println(sb);
        }
    }

    static double time(double[][] pts, int what) {
        double[] reps = new double[9];
        for (int warm = 0; warm < 20; warm++) {
            run(pts, what);
        }
        for (int k = 0; k < reps.length; k++) {
            long t0 = System.nanoTime();
            int n = 0;
            while (n < 20000) {
                run(pts, what);
                n += pts.length;
            }
            reps[k] = (System.nanoTime() - t0) / (double) n;
        }
        Arrays.sort(reps);
        return reps[reps.length / 2];
    }

    static void run(double[][] pts, int what) {
        double s = 0;
        for (double[] p : pts) {
            s += switch (what) {
                case 0 -> IncompleteGamma.p(p[0], p[1]);
                case 1 -> IncompleteGamma.dpDa(p[0], p[1]);
                default -> IncompleteGamma.gradAlpha(p[0], p[1]);
            };
        }
        sink = s;
    }
}
