package dev.irg.cli;

import dev.irg.Distribution;
import dev.irg.Precision;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Minimal CSV for {@code irg}: comma-separated, a header line naming the columns, lines starting with
 * {@code #} (the golden tables' provenance) and blank lines skipped. Columns are found by name
 * (case-insensitive); the others are ignored. Errors name the source and line and give exit status 2.
 */
final class Csv {
    private Csv() {
    }

    /** A parsed file: header names, the data rows as text and each row's line number in the file. */
    record Table(String source, List<String> header, List<String[]> rows, int[] lines) {

        int size() {
            return rows.size();
        }

        /** Index of the column named {@code name}, or -1. */
        int column(String name) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).equalsIgnoreCase(name)) {
                    return i;
                }
            }
            return -1;
        }

        int require(String name) {
            int c = column(name);
            if (c < 0) {
                throw CliException.usage(source + ": missing column '" + name + "' (header: " + String.join(",", header) + ")");
            }
            return c;
        }

        /** Column {@code col} as numbers, each rounded to {@code pr} once (decimal to float directly for F32). */
        double[] numbers(int col, Precision pr) {
            double[] v = new double[rows.size()];
            for (int r = 0; r < v.length; r++) {
                String[] f = rows.get(r);
                if (col >= f.length) {
                    throw CliException.usage(source + " line " + lines[r] + ": " + f.length + " fields, but column '"
                            + header.get(col) + "' is field " + (col + 1));
                }
                String s = f[col].trim();
                try {
                    if (s.isEmpty()) {
                        throw new NumberFormatException("empty");
                    }
                    v[r] = parse(s, pr);
                } catch (NumberFormatException e) {
                    throw CliException.usage(source + " line " + lines[r] + ": column '" + header.get(col)
                            + "' is not a number: '" + f[col] + "'");
                }
            }
            return v;
        }

        /** Column {@code col} as doubles, leniently: an empty, missing or unparsable cell gives NaN. */
        double[] values(int col) {
            double[] v = new double[rows.size()];
            for (int r = 0; r < v.length; r++) {
                String[] f = rows.get(r);
                String s = col < f.length ? f[col].trim() : "";
                try {
                    v[r] = s.isEmpty() ? Double.NaN : parse(s, Precision.F64);
                } catch (NumberFormatException e) {
                    v[r] = Double.NaN;
                }
            }
            return v;
        }

        /**
         * The inputs of {@code d}: its two parameter columns and {@code x}. The second parameter may be
         * absent when the distribution has a default for it.
         */
        Inputs inputs(Distribution d, Precision pr) {
            double[] p0 = numbers(require(d.param0()), pr);
            int c1 = column(d.param1());
            double[] p1;
            if (c1 >= 0) {
                p1 = numbers(c1, pr);
            } else if (Double.isNaN(d.param1Default())) {
                throw CliException.usage(source + ": missing column '" + d.param1() + "' (header: " + String.join(",", header) + ")");
            } else {
                p1 = null;
            }
            double[] x = numbers(require("x"), pr);
            return new Inputs(d, pr, p0, p1, x);
        }
    }

    /**
     * A number as Java parses it, plus the spellings Python and C print for the special values
     * ({@code nan}, {@code inf}, {@code -inf}, any case); F32 rounds the decimal to float directly.
     */
    static double parse(String s, Precision pr) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                return pr == Precision.F32 ? Float.parseFloat(s) : Double.parseDouble(s);
            }
        }
    }

    static Table read(BufferedReader in, String source) {
        List<String> header = null;
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int lineNo = 0;
        try {
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] fields = t.split(",", -1);
                if (header == null) {
                    header = new ArrayList<>(fields.length);
                    for (String f : fields) {
                        header.add(unquote(f.strip()).toLowerCase(Locale.ROOT));
                    }
                } else {
                    rows.add(fields);
                    lines.add(lineNo);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
        if (header == null) {
            throw CliException.usage(source + ": no header line (expected column names, e.g. alpha,x)");
        }
        return new Table(source, List.copyOf(header), rows, lines.stream().mapToInt(Integer::intValue).toArray());
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /**
     * Writes a header and columns of values, one row per index, each value printed so that it parses
     * back to the same double (F64) or float (F32): Java's shortest round-trip representation.
     */
    static void write(Writer w, List<String> header, double[][] cols, Precision pr) throws IOException {
        w.write(String.join(",", header));
        w.write('\n');
        int n = cols.length == 0 ? 0 : cols[0].length;
        StringBuilder sb = new StringBuilder(64);
        for (int r = 0; r < n; r++) {
            sb.setLength(0);
            for (int c = 0; c < cols.length; c++) {
                if (c > 0) {
                    sb.append(',');
                }
                sb.append(format(cols[c][r], pr));
            }
            sb.append('\n');
            w.write(sb.toString());
        }
    }

    static String format(double v, Precision pr) {
        return pr == Precision.F32 ? Float.toString((float) v) : Double.toString(v);
    }
}
