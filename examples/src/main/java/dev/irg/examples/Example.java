package dev.irg.examples;

import java.io.IOException;

/** One runnable example: prints a progress line and a table, writes PNG plots and a markdown table under the out directory. */
public interface Example {
    String name();

    String description();

    void run(Config cfg) throws IOException;
}
