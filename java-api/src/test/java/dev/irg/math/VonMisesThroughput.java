package dev.irg.math;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Rough single-thread throughput of the scalar reference per region (not a test, not JMH: an
 * order of magnitude for docs/vonmises.md). Run after {@code mvn -pl java-api test-compile}:
 * {@code java -cp java-api/target/classes:java-api/target/test-classes dev.irg.math.VonMisesThroughput}.
 */
public final class VonMisesThroughput {
    private VonMisesThroughput() {
    }

    public static void main(String[] args) {
        int n = 200_000;
        SplittableRandom rng = new SplittableRandom(7);
        double[] k = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = Math.pow(10, -4 + 9 * rng.nextDouble());
            x[i] = Math.PI * (2 * rng.nextDouble() - 1);
        }
        int[] count = new int[3];
        for (int i = 0; i < n; i++) {
            count[VonMisesCdf.classify(k[i], x[i])]++;
        }
        System.out.printf(Locale.ROOT, "inputs: kappa log-uniform [1e-4, 1e5], x uniform (-pi, pi); central %d, tail %d%n",
                count[1], count[2]);
        String[] names = {"cdf", "dcdf_dkappa", "grad_kappa"};
        for (int q = 0; q < 3; q++) {
            double best = Double.MAX_VALUE;
            double sink = 0;
            for (int rep = 0; rep < 7; rep++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    sink += switch (q) {
                        case 0 -> VonMisesCdf.cdf(k[i], x[i]);
                        case 1 -> VonMisesCdf.dcdfDkappa(k[i], x[i]);
                        default -> VonMisesCdf.gradKappa(k[i], x[i]);
                    };
                }
                best = Math.min(best, (System.nanoTime() - t0) / (double) n);
            }
            System.out.printf(Locale.ROOT, "%-12s %7.0f ns/element (best of 7)  %.2f M elements/s   [%s]%n", names[q], best,
                    1e3 / best, sink == 0 ? "-" : "ok");
        }
    }
}
