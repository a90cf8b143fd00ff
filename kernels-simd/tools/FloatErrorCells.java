import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Vec;
import dev.irg.math.Reference;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Errors of the SIMD float32 Gamma kernels (dz/dalpha or dP/dalpha) by cells of the parameter plane: median and
 * max relative error, in units of 1e-7, against the scalar float64 reference at the same float inputs (the float
 * kernels' own error; the float32 limits are max 2e-6, median 2e-7). Two maps:
 * <ul>
 * <li>{@code near}: alpha in [1, 20) by x - alpha in [-2, 5) (rate 1), 4000 points per cell: the series /
 * fraction split and the mode, where the float sums run longest;</li>
 * <li>{@code quantile}: alpha from 1e-4 to 1e6 by the quantile of x under Gamma(alpha, 1) from 1e-6 to 1 - 1e-6,
 * 3000 points per cell ({@code rate}: rate log-uniform on [1e-2, 1e2], z = x / rate); needs Apache Commons
 * Statistics for the quantiles.</li>
 * </ul>
 * Cells whose reference is not a normal float are skipped. Used for docs/simd.md, "Accuracy of the float32
 * kernels" (2026-11-29, ninth session).
 *
 * Run (after mvn -pl jmh -am package -DskipTests):
 *   source scripts/jdk.sh
 *   java --add-modules jdk.incubator.vector -cp jmh/target/benchmarks.jar kernels-simd/tools/FloatErrorCells.java GAMMA_GRAD_ALPHA near
 *   CP=jmh/target/benchmarks.jar; for a in commons-statistics-distribution-1.1 commons-numbers-gamma-1.2 \
 *       commons-numbers-core-1.2 commons-numbers-rootfinder-1.2 commons-numbers-fraction-1.2; do \
 *       CP=$CP:$(find ~/.m2 -name "$a.jar" | head -1); done; CP=$CP:$(find ~/.m2 -name "commons-rng-client-api-1.*.jar" | head -1)
 *   java --add-modules jdk.incubator.vector -cp $CP kernels-simd/tools/FloatErrorCells.java GAMMA_GRAD_ALPHA quantile [rate]
 */
public class FloatErrorCells {
    public static void main(String[] args) {
        Op op = Op.valueOf(args[0]);
        boolean quantile = args.length > 1 && args[1].equals("quantile");
        boolean rateMix = args.length > 2 && args[2].equals("rate");
        double[] rows = quantile ? new double[] {1e-4, 1e-3, 1e-2, 0.1, 0.3, 0.6, 1, 2, 5, 20, 100, 1e4, 1e6}
                : new double[] {1, 2, 4, 6, 8, 10, 12, 15, 17.5, 20};
        double[] cols = quantile ? new double[] {1e-6, 1e-3, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999, 1 - 1e-6}
                : new double[] {-2, -1, -0.5, 0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5};
        int per = quantile ? 3000 : 4000;
        Irg irg = Irg.using(Backend.SIMD).threads(1);
        Reference.Fn ref = Reference.of(op);
        SplittableRandom r = new SplittableRandom(quantile ? 6 : 5);
        System.out.printf("%s, %s cells (median / max relative error, units of 1e-7)%s%n", op, quantile ? "alpha x quantile"
                : "alpha x (x - alpha)", rateMix ? ", rate log-uniform on [1e-2, 1e2]" : "");
        System.out.printf("%-14s", "");
        for (int j = 0; j + 1 < cols.length; j++) {
            System.out.printf(" %13s", String.format("[%.3g,%.3g)", cols[j], cols[j + 1]));
        }
        System.out.println();
        for (int i = 0; i + 1 < rows.length; i++) {
            System.out.printf("%-14s", String.format("[%.3g,%.3g)", rows[i], rows[i + 1]));
            for (int j = 0; j + 1 < cols.length; j++) {
                float[] al = new float[per];
                float[] rt = new float[per];
                float[] z = new float[per];
                float[] out = new float[per];
                for (int k = 0; k < per; k++) {
                    double a = quantile ? Math.exp(Math.log(rows[i]) + r.nextDouble() * Math.log(rows[i + 1] / rows[i]))
                            : rows[i] + r.nextDouble() * (rows[i + 1] - rows[i]);
                    double c = cols[j] + r.nextDouble() * (cols[j + 1] - cols[j]);
                    double x = quantile ? Quantile.of(a, c) : Math.max(a + c, 1e-3);
                    double rate = rateMix ? Math.exp(Math.log(1e-2) + r.nextDouble() * Math.log(1e4)) : 1.0;
                    al[k] = (float) a;
                    rt[k] = (float) rate;
                    z[k] = (float) (x / rate);
                }
                irg.evaluate(op, Vec.of(al), Vec.of(rt), Vec.of(z), Vec.of(out));
                double[] e = new double[per];
                int m = 0;
                for (int k = 0; k < per; k++) {
                    double w = ref.apply(al[k], rt[k], z[k]);
                    if (z[k] > 0 && Math.abs(w) >= Float.MIN_NORMAL && Math.abs(w) <= Float.MAX_VALUE) {
                        e[m++] = Math.abs(out[k] - w) / Math.abs(w);
                    }
                }
                double[] s = Arrays.copyOf(e, m);
                Arrays.sort(s);
                System.out.print(m == 0 ? String.format(" %13s", "-") : String.format(" %6.2f/%6.1f", s[m / 2] * 1e7, s[m - 1] * 1e7));
            }
            System.out.println();
        }
    }

    /** The quantile of Gamma(a, 1) (Apache Commons Statistics, looked up only for the quantile map). */
    static final class Quantile {
        static double of(double a, double p) {
            try {
                Class<?> c = Class.forName("org.apache.commons.statistics.distribution.GammaDistribution");
                Object d = c.getMethod("of", double.class, double.class).invoke(null, a, 1.0);
                return (double) c.getMethod("inverseCumulativeProbability", double.class).invoke(d, p);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the quantile map needs commons-statistics-distribution on the class path"
                        + " (see the header)", e);
            }
        }
    }
}
