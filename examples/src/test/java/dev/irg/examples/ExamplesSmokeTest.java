package dev.irg.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Backend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each example at the small size: runs, prints its table, writes its markdown table and PNG plots. */
class ExamplesSmokeTest {
    static final Map<String, List<String>> FILES = Map.of(
            "poisson-mf", List.of("poisson-mf.md", "poisson-mf-elbo.png", "poisson-mf-heldout.png"),
            "variance", List.of("variance.md", "variance-gamma-poisson-samples.png", "variance-gamma-poisson-time.png",
                    "variance-beta-bernoulli-samples.png", "variance-vonmises-vonmises-time.png"),
            "vonmises", List.of("vonmises.md", "vonmises-density.png", "vonmises-trace.png"));

    @Test
    void everyExampleRunsAtTheSmallSize(@TempDir Path dir) throws IOException {
        assertEquals(FILES.keySet(), Examples.all().stream().map(Example::name).collect(java.util.stream.Collectors.toSet()));
        for (Example e : Examples.all()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
            Path o = dir.resolve(e.name());
            e.run(new Config(Size.SMALL, o, 3, Backend.AUTO, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)));
            String table = out.toString(StandardCharsets.UTF_8);
            assertTrue(table.startsWith(e.name()), table);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("irg example " + e.name()), "progress line");
            for (String f : FILES.get(e.name())) {
                Path p = o.resolve(f);
                assertTrue(Files.size(p) > (f.endsWith(".png") ? 5000 : 200), p + " written");
            }
            String md = Files.readString(o.resolve(e.name() + ".md"));
            assertTrue(md.contains("|---|"), md);
            assertTrue(!md.contains("NaN"), md);
        }
    }

    @Test
    void unknownNamesAndSizesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Examples.byName("nope"));
        assertThrows(IllegalArgumentException.class, () -> Size.parse("huge"));
        assertEquals(Size.LARGE, Size.parse("Large"));
    }
}
