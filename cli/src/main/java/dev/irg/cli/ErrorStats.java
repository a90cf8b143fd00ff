package dev.irg.cli;

import java.util.Arrays;

/**
 * Relative errors of computed values against reference values: max, 99th percentile and median over
 * the rows where the reference is finite; a NaN or infinite result where the reference is finite
 * counts as a failure (and as error +inf).
 *
 * <p>Relative error is |got - ref| / max(|ref|, floor), floor = {@link #FLOOR} or, for a quantity
 * that crosses zero (von Mises dF/dkappa, dz/dkappa: the golden tables give a column
 * {@code scale_<quantity>}), {@link #ZERO_CROSSING_FLOOR} times that row's scale, as the accuracy
 * tests do. {@link #FLOOR} keeps exact zeros of the reference (x = 0 gives 0 for every derivative)
 * from dividing by zero; it is the smallest normal double, so it changes nothing else.
 */
record ErrorStats(int n, int failures, double max, double p99, double median) {
    static final double FLOOR = Double.MIN_NORMAL;
    /**
     * Where the true value crosses zero, errors are measured against max(|ref|, 1e-12 * scale) (issue 3;
     * the same constant as the golden tests' AccuracyLimits.ZERO_CROSSING_FLOOR).
     */
    static final double ZERO_CROSSING_FLOOR = 1e-12;

    static double relError(double got, double ref) {
        return relError(got, ref, FLOOR);
    }

    static double relError(double got, double ref, double floor) {
        if (!Double.isFinite(got)) {
            return got == ref ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(got - ref) / Math.max(Math.abs(ref), Math.max(floor, FLOOR));
    }

    /** Per-row floors from a {@code scale_<quantity>} column (NaN cells: the plain floor), or null. */
    static double[] floors(double[] scale) {
        if (scale == null) {
            return null;
        }
        double[] f = new double[scale.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = Double.isFinite(scale[i]) ? ZERO_CROSSING_FLOOR * Math.abs(scale[i]) : FLOOR;
        }
        return f;
    }

    /** Statistics of the rows {@code i} with {@code use[i]} and a finite {@code ref[i]}. */
    static ErrorStats of(double[] got, double[] ref, boolean[] use) {
        return of(got, ref, use, null);
    }

    /** As {@link #of(double[], double[], boolean[])} with per-row floors (null: the plain floor). */
    static ErrorStats of(double[] got, double[] ref, boolean[] use, double[] floor) {
        double[] e = new double[got.length];
        int m = 0, fail = 0;
        for (int i = 0; i < got.length; i++) {
            if ((use != null && !use[i]) || !Double.isFinite(ref[i])) {
                continue;
            }
            double r = relError(got[i], ref[i], floor == null ? FLOOR : floor[i]);
            if (r == Double.POSITIVE_INFINITY) {
                fail++;
            }
            e[m++] = r;
        }
        if (m == 0) {
            return new ErrorStats(0, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] s = Arrays.copyOf(e, m);
        Arrays.sort(s);
        return new ErrorStats(m, fail, s[m - 1], quantile(s, 0.99), quantile(s, 0.5));
    }

    /** Nearest-rank quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
