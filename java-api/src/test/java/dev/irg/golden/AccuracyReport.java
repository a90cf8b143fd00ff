package dev.irg.golden;

import dev.irg.Backend;
import dev.irg.Distribution;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Precision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the measured accuracy on the golden tables as markdown: per distribution, one table of
 * table × quantity rows (max, p99, median relative error) and one row per quantity over all tables.
 * The README's accuracy table comes from here.
 *
 * <pre>
 * mvn -B -q -o -pl java-api test-compile
 * java -cp java-api/target/classes:java-api/target/test-classes dev.irg.golden.AccuracyReport \
 *      [--backend reference|scalar|simd|cuda|auto] [--precision f64|f32] [--dist gamma|beta|vonmises|all]
 * </pre>
 *
 * {@code reference} (default) calls {@code dev.irg.math.Reference} directly; the others go through
 * {@code Irg.using(backend)} (put the backend's module on the class path, e.g. for SIMD add
 * {@code kernels-simd/target/classes} and {@code --add-modules jdk.incubator.vector}). Exit status 1
 * when any check fails its limit, 0 otherwise.
 */
public final class AccuracyReport {
    private AccuracyReport() {
    }

    public static void main(String[] args) {
        String backend = "reference";
        Precision precision = Precision.F64;
        List<Distribution> dists = List.of(Distribution.values());
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--backend" -> { backend = v; i++; }
                case "--precision" -> { precision = Precision.parse(v); i++; }
                case "--dist" -> { dists = v.equals("all") ? dists : List.of(Distribution.parse(v)); i++; }
                default -> {
                    System.err.println("usage: AccuracyReport [--backend reference|scalar|simd|cuda|auto] "
                            + "[--precision f64|f32] [--dist gamma|beta|vonmises|all]");
                    System.exit(2);
                }
            }
        }
        GoldenChecks.Evaluator ev = backend.equals("reference") ? GoldenChecks.reference()
                : GoldenChecks.of(Irg.using(Backend.parse(backend)));
        boolean allPassed = true;
        for (Distribution d : dists) {
            List<GoldenChecks.Result> results = GoldenChecks.checkAll(ev, backend, d, precision);
            allPassed &= print(d, backend, precision, results);
        }
        System.exit(allPassed ? 0 : 1);
    }

    /** Prints one distribution's tables; returns whether every check passed. */
    static boolean print(Distribution d, String backend, Precision precision, List<GoldenChecks.Result> results) {
        System.out.printf(Locale.ROOT, "%n### %s: %s, %s%n%n", d.id(), backend, precision.name().toLowerCase(Locale.ROOT));
        System.out.println("| table | quantity | rows | max | p99 | median | within limits |");
        System.out.println("|---|---|---|---|---|---|---|");
        boolean ok = true;
        Map<Op, List<ErrorStats>> byOp = new LinkedHashMap<>();
        for (GoldenChecks.Result r : results) {
            ok &= r.passed();
            if (r.error() != null) {
                System.out.printf(Locale.ROOT, "| %s | %s | - | error: %s | | | no |%n", r.table().name(), r.op().column(),
                        r.error().replace('|', '/'));
                continue;
            }
            ErrorStats s = r.stats();
            byOp.computeIfAbsent(r.op(), k -> new ArrayList<>()).add(s);
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s |%n", r.table().name(), r.op().column(),
                    s.count(), fmt(s.max()), fmt(s.p99()), fmt(s.median()), r.passed() ? "yes" : "**no**");
        }
        for (var e : byOp.entrySet()) {
            ErrorStats s = ErrorStats.merge(e.getValue());
            System.out.printf(Locale.ROOT, "| **all** | %s | %d | %s | %s | %s | |%n", e.getKey().column(), s.count(),
                    fmt(s.max()), fmt(s.p99()), fmt(s.median()));
        }
        return ok;
    }

    static String fmt(double v) {
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.1e", v);
    }
}
