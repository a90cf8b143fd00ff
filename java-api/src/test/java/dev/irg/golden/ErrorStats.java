package dev.irg.golden;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Relative errors of computed values against reference values, summarised as max, p99, median and
 * RMS. The relative error of row i is {@code |got - ref| / max(|ref|, floor[i])} ({@code floor} is
 * zero unless the quantity crosses zero, see {@link GoldenTable#scale}); a NaN or infinite result for
 * a finite reference, or a nonzero result for a zero reference without floor, counts as an infinite
 * error. Only rows with {@code include[i]} count.
 */
public final class ErrorStats {
    private final double[] err;    // per row; NaN for excluded rows
    private final int[] rows;      // included rows, sorted by error descending
    private final double max;
    private final double p99;
    private final double median;
    private final double rms;

    private ErrorStats(double[] err, int[] rows, double max, double p99, double median, double rms) {
        this.err = err;
        this.rows = rows;
        this.max = max;
        this.p99 = p99;
        this.median = median;
        this.rms = rms;
    }

    /** Relative error of one value (see the class comment). */
    public static double relativeError(double got, double ref, double floor) {
        if (Double.isNaN(ref)) {
            return Double.isNaN(got) ? 0 : Double.POSITIVE_INFINITY;
        }
        if (!Double.isFinite(got)) {
            return got == ref ? 0 : Double.POSITIVE_INFINITY;
        }
        double den = Math.max(Math.abs(ref), floor);
        if (den == 0) {
            return got == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(got - ref) / den;
    }

    /**
     * @param got computed values
     * @param ref reference values (same length)
     * @param floor per-row floor of the denominator, or null for none
     * @param include rows to count, or null for all
     */
    public static ErrorStats of(double[] got, double[] ref, double[] floor, boolean[] include) {
        if (got.length != ref.length || (floor != null && floor.length != ref.length)
                || (include != null && include.length != ref.length)) {
            throw new IllegalArgumentException("length mismatch: got " + got.length + ", ref " + ref.length
                    + (floor == null ? "" : ", floor " + floor.length) + (include == null ? "" : ", include " + include.length));
        }
        double[] err = new double[ref.length];
        Arrays.fill(err, Double.NaN);
        int n = 0;
        for (int i = 0; i < ref.length; i++) {
            if (include == null || include[i]) {
                err[i] = relativeError(got[i], ref[i], floor == null ? 0 : floor[i]);
                n++;
            }
        }
        int[] rows = IntStream.range(0, ref.length).filter(i -> !Double.isNaN(err[i])).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> err[i]).reversed()).mapToInt(Integer::intValue).toArray();
        if (n == 0) {
            return new ErrorStats(err, rows, 0, 0, 0, 0);
        }
        double[] sorted = new double[n];
        double sumSq = 0;
        for (int k = 0; k < n; k++) {
            sorted[k] = err[rows[n - 1 - k]];
            sumSq += sorted[k] * sorted[k];
        }
        return new ErrorStats(err, rows, sorted[n - 1], quantile(sorted, 0.99), quantile(sorted, 0.5),
                Math.sqrt(sumSq / n));
    }

    /** The statistics of all counted rows of {@code parts} together (row numbers refer to the concatenation). */
    public static ErrorStats merge(java.util.List<ErrorStats> parts) {
        int n = parts.stream().mapToInt(ErrorStats::count).sum();
        double[] e = new double[n];
        int k = 0;
        for (ErrorStats s : parts) {
            for (int i : s.rows) {
                e[k++] = s.err[i];
            }
        }
        int[] rows = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble((Integer i) -> e[i]).reversed())
                .mapToInt(Integer::intValue).toArray();
        if (n == 0) {
            return new ErrorStats(e, rows, 0, 0, 0, 0);
        }
        double[] sorted = e.clone();
        Arrays.sort(sorted);
        double sumSq = 0;
        for (double v : sorted) {
            sumSq += v * v;
        }
        return new ErrorStats(e, rows, sorted[n - 1], quantile(sorted, 0.99), quantile(sorted, 0.5), Math.sqrt(sumSq / n));
    }

    /** The q-quantile of ascending {@code s} by the nearest-rank method. */
    static double quantile(double[] s, double q) {
        int k = (int) Math.ceil(q * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, k))];
    }

    /** Number of rows counted. */
    public int count() {
        return rows.length;
    }

    public double max() {
        return max;
    }

    public double p99() {
        return p99;
    }

    public double median() {
        return median;
    }

    public double rms() {
        return rms;
    }

    /** Relative error of row {@code i}, NaN when the row was not counted. */
    public double error(int i) {
        return err[i];
    }

    /** The (at most) {@code k} counted rows with the largest errors, worst first. */
    public int[] worst(int k) {
        return Arrays.copyOf(rows, Math.min(k, rows.length));
    }

    /** Number of counted rows whose error exceeds {@code limit}. */
    public int countAbove(double limit) {
        int c = 0;
        for (int i : rows) {
            if (err[i] > limit) {
                c++;
            } else {
                break;
            }
        }
        return c;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "n=%d max=%.3g p99=%.3g median=%.3g rms=%.3g", count(), max, p99,
                median, rms);
    }
}
