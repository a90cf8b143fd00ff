package dev.irg.cli;

import dev.irg.Backend;
import dev.irg.Irg;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Helpers shared by the commands. */
final class Common {
    private Common() {
    }

    /** An {@link Irg} on {@code backend}, or a one-line failure saying why that backend cannot run here. */
    static Irg irg(Backend backend, Integer threads) {
        Irg irg;
        try {
            irg = Irg.using(backend);
        } catch (IllegalStateException e) {
            throw CliException.failure(e.getMessage() + " (see: irg info)");
        }
        return threads == null ? irg : irg.threads(threads);
    }

    /** Whether {@code irg}'s backend implements {@code op} in {@code pr} (a forced backend may not, yet). */
    static boolean supports(Irg irg, dev.irg.Op op, dev.irg.Precision pr) {
        try {
            irg.backendFor(op, pr, 1);
            return true;
        } catch (UnsupportedOperationException | IllegalStateException e) {
            return false;
        }
    }

    /** Reads a CSV from {@code file}, or from {@code stdin} when the file is null or "-". */
    static Csv.Table readTable(Path file, InputStream stdin) {
        if (file == null || file.toString().equals("-")) {
            return Csv.read(new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)), "<stdin>");
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Csv.read(r, file.toString());
        } catch (NoSuchFileException e) {
            throw CliException.usage(file + ": no such file");
        } catch (IOException e) {
            throw CliException.failure(file + ": " + e.getMessage());
        }
    }
}
