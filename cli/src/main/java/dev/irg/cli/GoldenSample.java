package dev.irg.cli;

import dev.irg.Distribution;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The high-precision reference sample the report measures against: the committed golden tables
 * (mpmath, 40+ digits; java-api/src/test/resources/golden/&lt;dist&gt;/*.csv), which the CLI build copies
 * into its jar under {@code golden/}. A deterministic subsample (every k-th row of every table) keeps
 * the report's run time bounded.
 */
final class GoldenSample {
    private GoldenSample() {
    }

    /** The golden tables of {@code d} found on the class path, sorted by name; empty when none are shipped. */
    static List<Csv.Table> tables(Distribution d) {
        URL url = GoldenSample.class.getResource("/golden/" + d.id());
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return read(fs.provider().getPath(uri));
            }
            return read(Path.of(uri));
        } catch (Exception e) {
            throw CliException.failure("cannot read the golden tables of " + d.id() + ": " + e);
        }
    }

    private static List<Csv.Table> read(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            // *_wide.csv: the audit's rows beyond the documented domain (tools/audit), not part of the sample
            files = s.filter(p -> p.getFileName().toString().endsWith(".csv") && !p.getFileName().toString().endsWith("_wide.csv"))
                    .sorted().toList();
        }
        List<Csv.Table> tables = new ArrayList<>();
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                tables.add(Csv.read(r, "golden/" + dir.getFileName() + "/" + f.getFileName()));
            }
        }
        return tables;
    }

    /**
     * At most {@code maxRows} rows spread over all tables (every k-th row, same k for all), merged
     * into one table with the union of the columns (missing cells empty, or {@code defaults} of their
     * column: a table without the second parameter's column, e.g. rate, holds it at its default).
     */
    static Csv.Table sample(List<Csv.Table> tables, int maxRows, Map<String, String> defaults) {
        int total = tables.stream().mapToInt(Csv.Table::size).sum();
        int step = Math.max(1, (int) Math.ceil((double) total / Math.max(1, maxRows)));
        List<String> header = new ArrayList<>();
        for (Csv.Table t : tables) {
            for (String h : t.header()) {
                if (!header.contains(h)) {
                    header.add(h);
                }
            }
        }
        header.add("table");
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int k = 0;
        for (Csv.Table t : tables) {
            int[] map = new int[header.size() - 1];
            for (int c = 0; c < map.length; c++) {
                map[c] = t.column(header.get(c));
            }
            for (int r = 0; r < t.size(); r++, k++) {
                if (k % step != 0) {
                    continue;
                }
                String[] src = t.rows().get(r);
                String[] row = new String[header.size()];
                for (int c = 0; c < map.length; c++) {
                    row[c] = map[c] >= 0 && map[c] < src.length ? src[map[c]] : defaults.getOrDefault(header.get(c), "");
                }
                row[map.length] = t.source();
                rows.add(row);
                lines.add(t.lines()[r]);
            }
        }
        return new Csv.Table("golden sample", List.copyOf(header), rows, lines.stream().mapToInt(Integer::intValue).toArray());
    }
}
