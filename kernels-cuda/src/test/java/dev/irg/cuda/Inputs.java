package dev.irg.cuda;

import dev.irg.Distribution;
import java.util.SplittableRandom;

/**
 * Random valid inputs over each distribution's whole documented domain, plus edge rows
 * (NaN, infinities, zeros, negative values in every slot), for comparing a backend with the
 * scalar reference. Columns: p0, p1, x.
 */
record Inputs(double[] p0, double[] p1, double[] x) {

    static Inputs random(Distribution d, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] edges = edges(d);
        int m = n + edges.length;
        double[] p0 = new double[m], p1 = new double[m], x = new double[m];
        for (int i = 0; i < n; i++) {
            switch (d) {
                case GAMMA -> {
                    p0[i] = logUniform(r, 1e-4, 1e6);           // alpha
                    p1[i] = logUniform(r, 1e-3, 1e3);           // rate
                    // samples from far in the lower tail to far in the upper tail of Gamma(alpha, rate)
                    double mean = p0[i] / p1[i];
                    double spread = 1 + 30 / Math.sqrt(p0[i]);
                    x[i] = r.nextInt(4) == 0 ? mean * logUniform(r, 1e-30, 1) : mean * logUniform(r, 1 / spread, spread);
                }
                case BETA -> {
                    p0[i] = logUniform(r, 1e-4, 1e6);
                    p1[i] = logUniform(r, 1e-4, 1e6);
                    int k = r.nextInt(4);
                    x[i] = k == 0 ? logUniform(r, 1e-12, 1) : k == 1 ? 1 - logUniform(r, 1e-12, 1) : r.nextDouble();
                }
                case VONMISES -> {
                    p0[i] = r.nextInt(20) == 0 ? 0.0 : logUniform(r, 1e-4, 1e5);
                    p1[i] = r.nextDouble(-Math.PI, Math.PI);
                    x[i] = r.nextDouble(-4 * Math.PI, 4 * Math.PI);
                }
            }
        }
        for (int j = 0; j < edges.length; j++) {
            p0[n + j] = edges[j][0];
            p1[n + j] = edges[j][1];
            x[n + j] = edges[j][2];
        }
        return new Inputs(p0, p1, x);
    }

    static double logUniform(SplittableRandom r, double lo, double hi) {
        return Math.exp(r.nextDouble(Math.log(lo), Math.log(hi)));
    }

    private static double[][] edges(Distribution d) {
        double nan = Double.NaN, inf = Double.POSITIVE_INFINITY;
        double[] bad = {nan, inf, -inf, -1.0, 0.0, -0.0};
        double[] ok = switch (d) {
            case GAMMA -> new double[] {2.5, 1.5, 1.0};
            case BETA -> new double[] {2.5, 1.5, 0.25};
            case VONMISES -> new double[] {2.5, 0.5, 1.0};
        };
        double[] xs = switch (d) {
            case GAMMA -> new double[] {0.0, -0.0, inf, 1e-300, 1e300};
            case BETA -> new double[] {0.0, 1.0, 1e-300, 1 - 0x1p-53};
            case VONMISES -> new double[] {Math.PI, -Math.PI, 0.0, 3 * Math.PI, 1e6};
        };
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        for (int slot = 0; slot < 3; slot++) {
            for (double b : bad) {
                double[] row = ok.clone();
                row[slot] = b;
                rows.add(row);
            }
        }
        for (double v : xs) {
            rows.add(new double[] {ok[0], ok[1], v});
        }
        return rows.toArray(new double[0][]);
    }
}
