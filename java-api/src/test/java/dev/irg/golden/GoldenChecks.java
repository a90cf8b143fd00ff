package dev.irg.golden;

import dev.irg.Distribution;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.Vec;
import dev.irg.math.Reference;
import dev.irg.spi.Batch;
import dev.irg.spi.Kernels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Runs the golden tables through any implementation and compares with {@link AccuracyLimits}: the
 * scalar reference ({@link #reference()}), the public API on a chosen backend ({@link #of(Irg)}),
 * or a backend's {@link Kernels} directly ({@link #of(Kernels)}), in float64 or float32.
 *
 * <p>float32: the inputs of a row are given as floats; rows whose inputs are not exactly
 * representable in float, or whose true value is not a normal float, are skipped (the tables' inputs
 * are mostly float32-exact, so the reference values hold for the float inputs unchanged).
 *
 * <pre>{@code
 * var results = GoldenChecks.checkAll(GoldenChecks.of(Irg.using(Backend.SIMD)), "simd", Distribution.GAMMA, Precision.F32);
 * results.forEach(r -> System.out.println(r.summary()));
 * GoldenChecks.assertPassed(results);
 * }</pre>
 */
public final class GoldenChecks {
    private GoldenChecks() {
    }

    /** Computes {@code out[i] = op(p0[i], p1[i], x[i])} in {@code precision} (inputs already rounded for F32). */
    @FunctionalInterface
    public interface Evaluator {
        void evaluate(Op op, Precision precision, double[] p0, double[] p1, double[] x, double[] out);
    }

    /** The scalar float64 reference ({@link Reference}); in F32 its result is rounded to float. */
    public static Evaluator reference() {
        return (op, precision, p0, p1, x, out) -> {
            Reference.Fn f = Reference.of(op);
            for (int i = 0; i < x.length; i++) {
                double v = f.apply(p0[i], p1[i], x[i]);
                out[i] = precision == Precision.F32 ? (float) v : v;
            }
        };
    }

    /** Through the public API: {@code irg.evaluate(op, ...)} with double[] or float[] operands. */
    public static Evaluator of(Irg irg) {
        return (op, precision, p0, p1, x, out) -> {
            Vec[] v = operands(precision, p0, p1, x);
            irg.evaluate(op, v[0], v[1], v[2], v[3]);
            readBack(v[3], out);
        };
    }

    /** A backend's kernels directly, one {@link Batch} per table. */
    public static Evaluator of(Kernels kernels) {
        return (op, precision, p0, p1, x, out) -> {
            if (!kernels.supports(op, precision)) {
                throw new UnsupportedOperationException(kernels.getClass().getSimpleName() + " does not support " + op
                        + " in " + precision);
            }
            Vec[] v = operands(precision, p0, p1, x);
            kernels.evaluate(new Batch(op, precision, v[0], v[1], v[2], v[3], x.length));
            readBack(v[3], out);
        };
    }

    /**
     * A backend's kernels directly, {@code op} computed together with {@code partner.apply(op)} in one
     * {@link Kernels#evaluatePair} call (as the second output when {@code second}); {@code op}'s output is checked.
     */
    public static Evaluator pairOf(Kernels kernels, java.util.function.UnaryOperator<Op> partner, boolean second) {
        return (op, precision, p0, p1, x, out) -> {
            Vec[] v = operands(precision, p0, p1, x);
            Vec other = precision == Precision.F64 ? Vec.of(new double[x.length]) : Vec.of(new float[x.length]);
            Batch mine = new Batch(op, precision, v[0], v[1], v[2], v[3], x.length);
            Batch theirs = new Batch(partner.apply(op), precision, v[0], v[1], v[2], other, x.length);
            if (second) {
                kernels.evaluatePair(theirs, mine);
            } else {
                kernels.evaluatePair(mine, theirs);
            }
            readBack(v[3], out);
        };
    }

    private static Vec[] operands(Precision precision, double[] p0, double[] p1, double[] x) {
        if (precision == Precision.F64) {
            return new Vec[] {Vec.of(p0.clone()), Vec.of(p1.clone()), Vec.of(x.clone()), Vec.of(new double[x.length])};
        }
        return new Vec[] {Vec.of(toFloat(p0)), Vec.of(toFloat(p1)), Vec.of(toFloat(x)), Vec.of(new float[x.length])};
    }

    private static void readBack(Vec out, double[] dst) {
        for (int i = 0; i < dst.length; i++) {
            dst[i] = out.get(i);
        }
    }

    private static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    /** The outcome of one table × quantity × precision: statistics, limit, and the worst rows. */
    public record Result(GoldenTable table, Op op, Precision precision, String label, int skipped, ErrorStats stats,
            AccuracyLimits.Limit limit, String worstRows, String error) {

        public boolean passed() {
            return error == null && limit.accepts(stats);
        }

        /** One line: table, quantity, precision, n, max/p99/median/RMS, limit, PASS/FAIL. */
        public String summary() {
            String head = String.format(Locale.ROOT, "%-22s %-12s %s %-7s", table.id(), op.column(), precision, label);
            if (error != null) {
                return head + " ERROR " + error;
            }
            return head + String.format(Locale.ROOT, " n=%4d skipped=%4d max=%.2e p99=%.2e median=%.2e rms=%.2e  [%s] %s",
                    stats.count(), skipped, stats.max(), stats.p99(), stats.median(), stats.rms(), limit,
                    passed() ? "ok" : "FAIL");
        }

        /** The summary and, when it failed, the worst rows with their inputs. */
        public String report() {
            return passed() ? summary() : summary() + "\n" + worstRows;
        }
    }

    /** Checks {@code op} on table {@code t} in {@code precision}. Exceptions of the evaluator become a failed result. */
    public static Result check(Evaluator ev, String label, GoldenTable t, Op op, Precision precision) {
        AccuracyLimits.Limit limit = AccuracyLimits.of(op, precision);
        int n = t.size();
        double[] p0 = t.param0();
        double[] p1 = t.param1();
        double[] x = t.x();
        double[] ref = t.reference(op);
        double[] scale = t.scale(op);
        double[] floor = null;
        if (scale != null) {
            floor = new double[n];
            for (int i = 0; i < n; i++) {
                floor[i] = AccuracyLimits.ZERO_CROSSING_FLOOR * Math.abs(scale[i]);
            }
        }
        boolean[] include = new boolean[n];
        int skipped = 0;
        for (int i = 0; i < n; i++) {
            include[i] = usable(op, precision, p0[i], p1[i], x[i], ref[i]);
            if (!include[i]) {
                skipped++;
            }
        }
        double[] got = new double[n];
        try {
            ev.evaluate(op, precision, p0, p1, x, got);
        } catch (RuntimeException e) {
            return new Result(t, op, precision, label, skipped, null, limit, "", e.toString());
        }
        ErrorStats s = ErrorStats.of(got, ref, floor, include);
        StringBuilder w = new StringBuilder();
        if (!limit.accepts(s)) {
            w.append(String.format(Locale.ROOT, "  %d of %d rows above max %.0e; worst:%n", s.countAbove(limit.max()),
                    s.count(), limit.max()));
            for (int i : s.worst(AccuracyLimits.WORST_ROWS_SHOWN)) {
                w.append(String.format(Locale.ROOT, "    row %d (%s): got %s, want %s, rel err %.3e%n", i, t.describeRow(i),
                        got[i], ref[i], s.error(i)));
            }
        }
        return new Result(t, op, precision, label, skipped, s, limit, w.toString(), null);
    }

    /** Whether a row takes part in the check of {@code op} in {@code precision}. */
    static boolean usable(Op op, Precision precision, double p0, double p1, double x, double ref) {
        if (Double.isNaN(ref)) {
            return false;
        }
        if (AccuracyLimits.isCdf(op) && ref != 0 && Math.abs(ref) < AccuracyLimits.CDF_MIN_REFERENCE) {
            return false;
        }
        if (precision == Precision.F32) {
            if (!floatExact(p0) || !floatExact(p1) || !floatExact(x)) {
                return false;
            }
            double a = Math.abs(ref);
            return ref == 0 || (a >= AccuracyLimits.F32_MIN_REFERENCE && a <= AccuracyLimits.F32_MAX_REFERENCE);
        }
        return true;
    }

    static boolean floatExact(double v) {
        return (double) (float) v == v || Double.isNaN(v);
    }

    /** Every table of {@code d} and every quantity it has references for. */
    public static List<Result> checkAll(Evaluator ev, String label, Distribution d, Precision precision) {
        List<Result> out = new ArrayList<>();
        for (GoldenTable t : GoldenTable.all(d)) {
            for (Op op : d.ops()) {
                if (t.hasReference(op)) {
                    out.add(check(ev, label, t, op, precision));
                }
            }
        }
        return out;
    }

    /** Throws an {@link AssertionError} listing every failed result with its worst rows. */
    public static void assertPassed(Collection<Result> results) {
        StringBuilder sb = new StringBuilder();
        int failed = 0;
        for (Result r : results) {
            if (!r.passed()) {
                failed++;
                sb.append(r.report()).append('\n');
            }
        }
        if (results.isEmpty()) {
            throw new AssertionError("no golden results to check");
        }
        if (failed > 0) {
            throw new AssertionError(failed + " of " + results.size() + " golden checks failed:\n" + sb);
        }
    }
}
