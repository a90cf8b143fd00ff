package dev.irg.cli;

import java.util.Arrays;

/**
 * Relative errors of computed values against reference values: max, 99th percentile and median over
 * the rows where the reference is finite; a NaN or infinite result where the reference is finite
 * counts as a failure (and as error +inf).
 *
 * <p>Relative error is |got - ref| / max(|ref|, {@link #FLOOR}). The floor keeps exact zeros of the
 * reference (x = 0 gives 0 for every derivative) from dividing by zero; it is the smallest normal
 * double, so it changes nothing else.
 */
record ErrorStats(int n, int failures, double max, double p99, double median) {
    static final double FLOOR = Double.MIN_NORMAL;

    static double relError(double got, double ref) {
        if (!Double.isFinite(got)) {
            return got == ref ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(got - ref) / Math.max(Math.abs(ref), FLOOR);
    }

    /** Statistics of the rows {@code i} with {@code use[i]} and a finite {@code ref[i]}. */
    static ErrorStats of(double[] got, double[] ref, boolean[] use) {
        double[] e = new double[got.length];
        int m = 0, fail = 0;
        for (int i = 0; i < got.length; i++) {
            if ((use != null && !use[i]) || !Double.isFinite(ref[i])) {
                continue;
            }
            double r = relError(got[i], ref[i]);
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
