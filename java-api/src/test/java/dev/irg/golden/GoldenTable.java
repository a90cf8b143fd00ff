package dev.irg.golden;

import dev.irg.Distribution;
import dev.irg.Op;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One golden reference table: {@code golden/<dist>/<name>.csv} on the class path (the test
 * resources of {@code java-api}, also in its test-jar). The file starts with {@code #} provenance
 * lines, then a header row naming the columns (the distribution's parameters, {@code x}, and one
 * column per quantity named as {@link Op#column()}; unknown columns such as {@code u} or {@code q}
 * are kept but not checked), then one row per point. Reference values are for the exact double
 * inputs of their row. The tables of a distribution are listed in {@code golden/<dist>/index.txt}.
 *
 * <p>Written by {@code tools/golden/generate.py}; see {@code docs/golden.md}.
 */
public final class GoldenTable {
    /** Class-path folder of the tables. */
    public static final String ROOT = "/golden/";

    private final Distribution distribution;
    private final String name;
    private final List<String> provenance;
    private final List<String> columns;
    private final double[][] data; // [column][row]

    private GoldenTable(Distribution distribution, String name, List<String> provenance, List<String> columns,
            double[][] data) {
        this.distribution = distribution;
        this.name = name;
        this.provenance = List.copyOf(provenance);
        this.columns = List.copyOf(columns);
        this.data = data;
    }

    /** Names of the tables of {@code d}, from its {@code index.txt}; empty when it has none. */
    public static List<String> names(Distribution d) {
        String res = ROOT + d.id() + "/index.txt";
        try (InputStream in = GoldenTable.class.getResourceAsStream(res)) {
            if (in == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
            return Collections.unmodifiableList(out);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + res, e);
        }
    }

    /** Every table of {@code d}. */
    public static List<GoldenTable> all(Distribution d) {
        return names(d).stream().map(n -> load(d, n)).toList();
    }

    /** The table {@code golden/<d>/<name>.csv}. */
    public static GoldenTable load(Distribution d, String name) {
        String res = ROOT + d.id() + "/" + name + ".csv";
        try (InputStream in = GoldenTable.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden table " + res + " on the class path");
            }
            return parse(d, name, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + res, e);
        }
    }

    /** Parses a table in the CSV format above; malformed input throws naming the line. */
    public static GoldenTable parse(Distribution d, String name, Reader reader) throws IOException {
        BufferedReader r = new BufferedReader(reader);
        List<String> prov = new ArrayList<>();
        List<String> cols = null;
        List<double[]> rows = new ArrayList<>();
        String line;
        int lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                prov.add(line.substring(1).strip());
                continue;
            }
            String[] f = line.split(",", -1);
            if (cols == null) {
                cols = Arrays.stream(f).map(String::strip).toList();
                for (String need : List.of(d.param0(), "x")) {
                    if (!cols.contains(need)) {
                        throw new IllegalArgumentException(name + ": header (line " + lineNo + ") lacks column '" + need
                                + "': " + cols);
                    }
                }
                continue;
            }
            if (f.length != cols.size()) {
                throw new IllegalArgumentException(name + " line " + lineNo + ": " + f.length + " fields, header has "
                        + cols.size());
            }
            double[] v = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                v[i] = parseValue(f[i], name, lineNo);
            }
            rows.add(v);
        }
        if (cols == null) {
            throw new IllegalArgumentException(name + ": no header row");
        }
        double[][] data = new double[cols.size()][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < cols.size(); c++) {
                data[c][i] = rows.get(i)[c];
            }
        }
        return new GoldenTable(d, name, prov, cols, data);
    }

    private static double parseValue(String s, String name, int lineNo) {
        String t = s.strip();
        switch (t.toLowerCase(Locale.ROOT)) {
            case "", "nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                try {
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " line " + lineNo + ": not a number: '" + s + "'");
                }
            }
        }
    }

    public Distribution distribution() {
        return distribution;
    }

    /** The table's name, e.g. {@code saddle}. */
    public String name() {
        return name;
    }

    /** {@code <dist>/<name>}, e.g. {@code gamma/saddle}. */
    public String id() {
        return distribution.id() + "/" + name;
    }

    /** The {@code #} lines of the file, without the {@code #}. */
    public List<String> provenance() {
        return provenance;
    }

    public List<String> columns() {
        return columns;
    }

    public int size() {
        return data.length == 0 ? 0 : data[0].length;
    }

    public boolean has(String column) {
        return columns.contains(column);
    }

    /** A copy of the values of {@code column}. */
    public double[] column(String column) {
        int c = columns.indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException(id() + " has no column '" + column + "' (columns: " + columns + ")");
        }
        return data[c].clone();
    }

    /** First parameter per row (alpha, a or kappa). */
    public double[] param0() {
        return column(distribution.param0());
    }

    /** Whether the table has a column for the second parameter (Beta's b always; rate/loc usually not). */
    public boolean hasParam1() {
        return has(distribution.param1());
    }

    /** Second parameter per row: its column, or the distribution's default (rate 1, loc 0) for every row. */
    public double[] param1() {
        if (hasParam1()) {
            return column(distribution.param1());
        }
        double[] v = new double[size()];
        Arrays.fill(v, distribution.param1Default());
        return v;
    }

    public double[] x() {
        return column("x");
    }

    /** Whether the table has reference values for {@code op}. */
    public boolean hasReference(Op op) {
        return op.distribution() == distribution && has(op.column());
    }

    /** Reference values of {@code op}. */
    public double[] reference(Op op) {
        return column(op.column());
    }

    /**
     * Per-row scale of {@code op} for rows where the true value crosses zero (column {@code scale_<quantity>}):
     * relative errors there are taken against {@code max(|ref|, AccuracyLimits.ZERO_CROSSING_FLOOR * scale)}.
     * Null when the table has none.
     */
    public double[] scale(Op op) {
        String c = "scale_" + op.column();
        return has(c) ? column(c) : null;
    }

    /** The inputs of row {@code i}, e.g. {@code alpha=2.5, x=0.3}. */
    public String describeRow(int i) {
        StringBuilder sb = new StringBuilder();
        for (String c : List.of(distribution.param0(), distribution.param1(), "x")) {
            if (has(c)) {
                if (!sb.isEmpty()) {
                    sb.append(", ");
                }
                sb.append(c).append('=').append(data[columns.indexOf(c)][i]);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return id() + " (" + size() + " rows)";
    }
}
