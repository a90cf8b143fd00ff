package dev.irg.examples;

import java.io.PrintStream;
import java.util.Locale;

/** One progress line on stderr, rewritten in place (the style of {@code irg report}). */
final class Progress {
    private final PrintStream err;
    private final String name;
    private final long start = System.nanoTime();
    private int width;

    Progress(PrintStream err, String name) {
        this.err = err;
        this.name = name;
    }

    void show(String what) {
        String line = String.format(Locale.ROOT, "irg example %s [%3.0f s] %s", name, seconds(), what);
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = line.length();
    }

    double seconds() {
        return (System.nanoTime() - start) * 1e-9;
    }

    void done() {
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }
}
