import dev.irg.math.BetaConstants;
import dev.irg.math.IncompleteBeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Throwaway speed measurement of the scalar reference (not JMH; one thread; read as orders of
 * magnitude on a shared machine): IncompleteBeta.evaluate (all five outputs) on random inputs, a
 * and b log-uniform on [1e-4, 1e6], x logistic on t in [-30, 30], grouped by region; plus the
 * slowest configuration (a = b = 1e6 at x = 1/2).
 * Run: java -cp java-api/target/classes tools/coefficients/BetaSpeed.java [N]
 */
public class BetaSpeed {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        SplittableRandom rng = new SplittableRandom(12345);
        List<List<double[]>> byRegion = new ArrayList<>();
        for (int r = 0; r <= BetaConstants.REGION_FRACTION_UPPER; r++) {
            byRegion.add(new ArrayList<>());
        }
        List<double[]> all = new ArrayList<>();
        double lo = Math.log(1e-4);
        double hi = Math.log(1e6);
        for (int i = 0; i < n; i++) {
            double a = Math.exp(lo + (hi - lo) * rng.nextDouble());
            double b = Math.exp(lo + (hi - lo) * rng.nextDouble());
            double x = 1 / (1 + Math.exp(-(-30 + 60 * rng.nextDouble())));
            double[] p = {a, b, x};
            byRegion.get(IncompleteBeta.classify(a, b, x)).add(p);
            all.add(p);
        }
        List<double[]> slow = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            slow.add(new double[] {1e6, 1e6, 0.5});
        }
        String[] names = {"nan", "zero", "one", "series_lower", "series_upper", "fraction_lower", "fraction_upper"};
        for (int rep = 0; rep < 3; rep++) { // warm-up rounds, the last one printed
            boolean print = rep == 2;
            if (print) {
                System.out.println("region            n        ns/element (evaluate: cdf, dI/da, dI/db, dz/da, dz/db)");
            }
            time("all", all, print);
            for (int r = BetaConstants.REGION_SERIES_LOWER; r <= BetaConstants.REGION_FRACTION_UPPER; r++) {
                time(names[r], byRegion.get(r), print);
            }
            time("a=b=1e6,x=0.5", slow, print);
        }
    }

    static double sink;

    static void time(String name, List<double[]> pts, boolean print) {
        double[] out = new double[IncompleteBeta.OUT_LENGTH];
        long t0 = System.nanoTime();
        double s = 0;
        for (double[] p : pts) {
            IncompleteBeta.evaluate(p[0], p[1], p[2], out);
            s += out[3];
        }
        long t1 = System.nanoTime();
        sink += s;
        if (print) {
            System.out.println(String.format(Locale.ROOT, "%-16s %7d %10.0f", name, pts.size(), (t1 - t0) / (double) pts.size()));
        }
    }
}
