package dev.irg.cli;

import dev.irg.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How each distribution's parameter plane is binned for the error maps (issue 7): Gamma alpha x
 * quantile, Beta a x b, von Mises kappa x x. Axis values come from the golden rows (the quantile is
 * the reference CDF). Adding a distribution is adding one case to {@link #of}.
 */
record ErrorMap(String xTitle, String yTitle, double xMin, double xMax, int nx, double yMin, double yMax, int ny,
        Axis xAxis, Axis yAxis) {

    /** Coordinate of golden row {@code r} on one axis, from the columns {@code p0, p1, x, cdf}. */
    interface Axis {
        double of(double p0, double p1, double x, double cdf, double q);
    }

    /** Cells per axis. */
    static final int CELLS = 12;

    static ErrorMap of(Distribution d) {
        return switch (d) {
            // alpha over the accuracy domain [1e-4, 1e6]; quantile as log10(u/(1-u)) over 1e-12 .. 1-1e-12
            case GAMMA -> new ErrorMap("log10 alpha", "log10(u / (1 - u)), u = quantile", -4, 6, CELLS - 2, -12, 12, CELLS,
                    (p0, p1, x, cdf, q) -> Math.log10(p0), (p0, p1, x, cdf, q) -> Math.log10(cdf) - Math.log10(q));
            case BETA -> new ErrorMap("log10 a", "log10 b", -4, 6, CELLS - 2, -4, 6, CELLS - 2,
                    (p0, p1, x, cdf, q) -> Math.log10(p0), (p0, p1, x, cdf, q) -> Math.log10(p1));
            case VONMISES -> new ErrorMap("log10 kappa", "x", -4, 5, CELLS - 3, -Math.PI, Math.PI, CELLS,
                    (p0, p1, x, cdf, q) -> Math.log10(p0), (p0, p1, x, cdf, q) -> x);
        };
    }

    /**
     * log10 of the largest relative error per cell; NaN where a cell has no finite-reference row.
     * {@code q} is the upper tail 1 - cdf (the golden column {@code q} where present: 1 - cdf in
     * double loses the upper tail).
     */
    double[][] bin(double[] p0, double[] p1, double[] x, double[] cdf, double[] q, double[] got, double[] ref, double[] floor) {
        double[][] v = new double[nx][ny];
        for (double[] row : v) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (int i = 0; i < got.length; i++) {
            if (!Double.isFinite(ref[i])) {
                continue;
            }
            double b = p1 == null ? Double.NaN : p1[i];
            int ix = cell(xAxis.of(p0[i], b, x[i], cdf[i], q[i]), xMin, xMax, nx);
            int iy = cell(yAxis.of(p0[i], b, x[i], cdf[i], q[i]), yMin, yMax, ny);
            if (ix < 0 || iy < 0) {
                continue;
            }
            double e = ErrorStats.relError(got[i], ref[i], floor == null ? ErrorStats.FLOOR : floor[i]);
            double l = e == 0 ? Charts.LOG_ERROR_MIN : Math.log10(e);
            if (Double.isNaN(v[ix][iy]) || l > v[ix][iy]) {
                v[ix][iy] = l;
            }
        }
        return v;
    }

    private static int cell(double v, double lo, double hi, int n) {
        if (!Double.isFinite(v)) {
            return -1;
        }
        int i = (int) Math.floor((v - lo) / (hi - lo) * n);
        return Math.max(0, Math.min(n - 1, i));
    }

    List<String> xLabels() {
        return labels(xMin, xMax, nx);
    }

    List<String> yLabels() {
        return labels(yMin, yMax, ny);
    }

    private static List<String> labels(double lo, double hi, int n) {
        List<String> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(String.format(Locale.ROOT, "%.3g", lo + (i + 0.5) * (hi - lo) / n));
        }
        return l;
    }
}
