package dev.irg.golden;

import dev.irg.Backend;
import dev.irg.Distribution;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.math.BetaConstants;
import dev.irg.math.GammaConstants;
import dev.irg.math.IncompleteBeta;
import dev.irg.math.IncompleteGamma;
import dev.irg.math.VonMisesCdf;
import dev.irg.math.VonMisesConstants;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audit on unseen inputs (docs/accuracy.md, "Audit on unseen inputs"): one golden-format table
 * per distribution ({@code golden/<dist>/audit.csv}, made by {@code tools/audit/audit.py}) through one
 * backend and precision, with max, p99 and median relative error per operation and per region of
 * the scalar reference's classify step, and the worst inputs.
 *
 * <pre>
 * mvn -B -q -o -pl java-api,kernels-simd -am test-compile
 * java --add-modules jdk.incubator.vector -cp java-api/target/classes:java-api/target/test-classes:kernels-simd/target/classes \
 *      dev.irg.golden.AuditReport [--backend reference|scalar|simd|auto] [--precision f64|f32] [--dist gamma|beta|vonmises|all]
 *      [--table audit] [--worst N]
 * </pre>
 *
 * Rows and errors as in {@link GoldenChecks} (float32: rows with float-exact inputs whose true value
 * is a normal float; von Mises derivatives against max(|ref|, 1e-12 scale)). Exit status 1 when a
 * region misses the limits of {@link AccuracyLimits}.
 */
public final class AuditReport {
    private AuditReport() {
    }

    public static void main(String[] args) {
        String backend = "reference";
        Precision precision = Precision.F64;
        List<Distribution> dists = List.of(Distribution.values());
        String table = "audit";
        int worst = 5;
        boolean matrix = false;
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--backend" -> { backend = v; i++; }
                case "--precision" -> { precision = Precision.parse(v); i++; }
                case "--dist" -> { dists = v.equals("all") ? dists : List.of(Distribution.parse(v)); i++; }
                case "--table" -> { table = v; i++; }
                case "--worst" -> { worst = Integer.parseInt(v); i++; }
                case "--matrix" -> matrix = true;
                default -> {
                    System.err.println("usage: AuditReport [--backend reference|scalar|simd|auto] [--precision f64|f32] "
                            + "[--dist gamma|beta|vonmises|all] [--table audit] [--worst N] [--matrix]");
                    System.exit(2);
                }
            }
        }
        if (matrix) {
            for (Distribution d : dists) {
                matrix(GoldenTable.load(d, table), List.of(backend.split(",")));
            }
            return;
        }
        GoldenChecks.Evaluator ev = evaluator(backend);
        boolean ok = true;
        for (Distribution d : dists) {
            ok &= report(ev, backend, GoldenTable.load(d, table), precision, worst);
        }
        System.exit(ok ? 0 : 1);
    }

    private static GoldenChecks.Evaluator evaluator(String backend) {
        return backend.equals("reference") ? GoldenChecks.reference() : GoldenChecks.of(Irg.using(Backend.parse(backend)));
    }

    /**
     * One markdown table per distribution: rows operation x region, one column per backend x precision
     * ({@code --backend scalar,simd --matrix}), cells "max / p99 / median" (n in the row label, from
     * the first column; float32 checks fewer rows, see GoldenChecks). A bold cell misses the limits
     * (max per region; median on the whole quantity; float64 max 1e-10 on {@code *_wide} tables).
     */
    static void matrix(GoldenTable t, List<String> backends) {
        String[] reg = regions(t);
        int n = reg.length;
        List<String> heads = new ArrayList<>();
        for (Precision pr : Precision.values()) {
            for (String b : backends) {
                heads.add(b + " " + pr.name().toLowerCase(Locale.ROOT));
            }
        }
        System.out.printf(Locale.ROOT, "%n#### %s (%d rows): max / p99 / median relative error%n%n", t.id(), n);
        System.out.println("| quantity | region | n (f64 / f32) | " + String.join(" | ", heads) + " |");
        System.out.println("|---|---|---|" + "---|".repeat(heads.size()));
        for (Op op : t.distribution().ops()) {
            if (!t.hasReference(op)) {
                continue;
            }
            Map<String, String[]> cells = new TreeMap<>();
            int col = 0;
            Map<String, int[]> counts = new TreeMap<>();
            for (Precision pr : Precision.values()) {
                for (String b : backends) {
                    GoldenChecks.Result r = GoldenChecks.check(evaluator(b), b, t, op, pr);
                    Map<String, List<Double>> byRegion = new TreeMap<>();
                    for (int i = 0; i < n; i++) {
                        double e = r.stats().error(i);
                        if (!Double.isNaN(e)) {
                            byRegion.computeIfAbsent(reg[i], k -> new ArrayList<>()).add(e);
                            byRegion.computeIfAbsent("**all**", k -> new ArrayList<>()).add(e);
                        }
                    }
                    for (var e : byRegion.entrySet()) {
                        double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
                        double max = v[v.length - 1];
                        double med = ErrorStats.quantile(v, 0.5);
                        // the median limit applies to a whole quantity, not to each region
                        boolean pass = max <= maxLimit(t, r) && (!e.getKey().equals("**all**") || !(med > r.limit().median()));
                        String c = AccuracyReport.fmt(max) + " / " + AccuracyReport.fmt(ErrorStats.quantile(v, 0.99)) + " / "
                                + AccuracyReport.fmt(med);
                        cells.computeIfAbsent(e.getKey(), k -> emptyRow(heads.size()))[col] = pass ? c : "**" + c + "**";
                        counts.computeIfAbsent(e.getKey(), k -> new int[2])[pr.ordinal()] = v.length;
                    }
                    col++;
                }
            }
            for (var e : cells.entrySet()) {
                int[] c = counts.get(e.getKey());
                System.out.printf(Locale.ROOT, "| %s | %s | %d / %d | %s |%n", op.column(), e.getKey(), c[0], c[1],
                        String.join(" | ", e.getValue()));
            }
        }
    }

    /** float64 beyond the documented domain ({@code *_wide} tables): 1e-10 for every operation (AuditTableTest). */
    static double maxLimit(GoldenTable t, GoldenChecks.Result r) {
        return t.name().endsWith("_wide") && r.precision() == Precision.F64 ? 1e-10 : r.limit().max();
    }

    private static String[] emptyRow(int n) {
        String[] r = new String[n];
        java.util.Arrays.fill(r, "-");
        return r;
    }

    /** The region name of row i (the scalar reference's classify step). */
    public static String region(GoldenTable t, double p0, double p1, double x) {
        return switch (t.distribution()) {
            case GAMMA -> switch (IncompleteGamma.classify(p0, p1 * x)) {
                case GammaConstants.REGION_SERIES -> "series";
                case GammaConstants.REGION_CONTINUED_FRACTION -> "continued_fraction";
                case GammaConstants.REGION_TEMME -> "temme";
                default -> "edge";
            };
            case BETA -> switch (IncompleteBeta.classify(p0, p1, x)) {
                case BetaConstants.REGION_SERIES_LOWER -> "series_lower";
                case BetaConstants.REGION_SERIES_UPPER -> "series_upper";
                case BetaConstants.REGION_FRACTION_LOWER -> "fraction_lower";
                case BetaConstants.REGION_FRACTION_UPPER -> "fraction_upper";
                default -> "edge";
            };
            case VONMISES -> switch (VonMisesCdf.classify(p0, x - p1)) {
                case VonMisesConstants.REGION_CENTRAL -> "central";
                case VonMisesConstants.REGION_TAIL -> "tail";
                default -> "invalid";
            };
        };
    }

    /** The region name of every row of {@code t}. */
    static String[] regions(GoldenTable t) {
        double[] p0 = t.param0();
        double[] p1 = t.param1();
        double[] x = t.x();
        String[] reg = new String[t.size()];
        for (int i = 0; i < reg.length; i++) {
            reg[i] = region(t, p0[i], p1[i], x[i]);
        }
        return reg;
    }

    /** Prints one table's per-operation, per-region statistics; returns whether all are within limits. */
    static boolean report(GoldenChecks.Evaluator ev, String label, GoldenTable t, Precision precision, int worst) {
        String[] reg = regions(t);
        int n = reg.length;
        System.out.printf(Locale.ROOT, "%n### %s: %s, %s%n%n", t.id(), label, precision.name().toLowerCase(Locale.ROOT));
        System.out.println("| quantity | region | n | max | p99 | median | within limits |");
        System.out.println("|---|---|---|---|---|---|---|");
        boolean ok = true;
        StringBuilder worstRows = new StringBuilder();
        for (Op op : t.distribution().ops()) {
            if (!t.hasReference(op)) {
                continue;
            }
            GoldenChecks.Result all = GoldenChecks.check(ev, label, t, op, precision);
            if (all.error() != null) {
                System.out.printf(Locale.ROOT, "| %s | all | - | error: %s | | | no |%n", op.column(), all.error());
                ok = false;
                continue;
            }
            ErrorStats s = all.stats();
            Map<String, List<Double>> byRegion = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                double e = s.error(i);
                if (!Double.isNaN(e)) {
                    byRegion.computeIfAbsent(reg[i], k -> new ArrayList<>()).add(e);
                }
            }
            AccuracyLimits.Limit limit = all.limit();
            for (var e : byRegion.entrySet()) {
                double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double max = v[v.length - 1];
                double p99 = ErrorStats.quantile(v, 0.99);
                double med = ErrorStats.quantile(v, 0.5);
                boolean pass = max <= limit.max() && !(med > limit.median());
                ok &= pass;
                System.out.printf(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s |%n", op.column(), e.getKey(), v.length,
                        AccuracyReport.fmt(max), AccuracyReport.fmt(p99), AccuracyReport.fmt(med), pass ? "yes" : "**no**");
            }
            System.out.printf(Locale.ROOT, "| %s | **all** | %d | %s | %s | %s | %s |%n", op.column(), s.count(),
                    AccuracyReport.fmt(s.max()), AccuracyReport.fmt(s.p99()), AccuracyReport.fmt(s.median()),
                    all.passed() ? "yes" : "**no**");
            ok &= all.passed();
            double[] ref = t.reference(op);
            double[] got = evaluate(ev, t, op, precision);
            for (int i : s.worst(worst)) {
                worstRows.append(String.format(Locale.ROOT, "- %s %s (%s): got %s, want %s, rel. err. %.2e%n", op.column(),
                        t.describeRow(i), reg[i], got[i], ref[i], s.error(i)));
            }
        }
        System.out.printf(Locale.ROOT, "%nWorst inputs:%n%n%s", worstRows);
        return ok;
    }

    private static double[] evaluate(GoldenChecks.Evaluator ev, GoldenTable t, Op op, Precision precision) {
        double[] out = new double[t.size()];
        ev.evaluate(op, precision, t.param0(), t.param1(), t.x(), out);
        return out;
    }
}
