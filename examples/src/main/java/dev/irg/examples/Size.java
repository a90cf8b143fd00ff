package dev.irg.examples;

import java.util.Locale;

/** Problem size of an example run: SMALL for tests (seconds), MEDIUM the default (about a minute), LARGE on request. */
public enum Size {
    SMALL, MEDIUM, LARGE;

    /** Parses small, medium or large (any case). */
    public static Size parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown size '" + s + "' (small, medium or large)");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
