package dev.irg.internal;

import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.spi.KernelProvider;
import java.io.IOException;
import java.io.Reader;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Per-machine dispatch thresholds written by {@code irg calibrate}: the batch size from which a
 * backend beats the next one down. Read once from {@code $IRG_CALIBRATION}, else
 * {@code ~/.config/irg/calibration.properties}; keys {@code simd.auto_threshold.<op>.<precision>},
 * then {@code simd.auto_threshold} (same for {@code cuda}), then the provider's own default
 * ({@link KernelProvider#autoThreshold()}). A missing file is normal; an unreadable one is logged once.
 */
final class Calibration {
    private static final Properties PROPS = load();

    private Calibration() {
    }

    private static Properties load() {
        Properties p = new Properties();
        String env = System.getenv("IRG_CALIBRATION");
        Path f = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home", "."), ".config", "irg", "calibration.properties");
        if (!Files.isRegularFile(f)) {
            return p;
        }
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            Log.once(Level.WARNING, "irg: ignoring calibration file " + f + ": " + e.getMessage());
        }
        return p;
    }

    /** The smallest batch for which AUTO prefers {@code p} for this op and precision. */
    static long threshold(KernelProvider p, Op op, Precision precision) {
        return threshold(PROPS, p, op, precision);
    }

    static long threshold(Properties props, KernelProvider p, Op op, Precision precision) {
        String base = p.backend().id() + ".auto_threshold";
        String v = props.getProperty(base + "." + op.name().toLowerCase(Locale.ROOT) + "." + precision.name().toLowerCase(Locale.ROOT));
        if (v == null) {
            v = props.getProperty(base);
        }
        if (v != null) {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                Log.once(Level.WARNING, "irg: ignoring calibration value " + base + "=" + v);
            }
        }
        return p.autoThreshold();
    }
}
