package dev.irg.examples;

import java.io.IOException;

/** One runnable example: prints a progress line and a table, writes PNG plots and a markdown table under the out directory. */
public interface Example {
    String name();

    String description();

    void run(Config cfg) throws IOException;

    /**
     * The config to run with here: by default {@link Config#withAvailableBackend()} (a forced irg
     * backend that cannot run here becomes AUTO, with one line saying so). poisson-mf decides where
     * its own step runs itself, in {@link #run}.
     */
    default Config resolve(Config cfg) {
        return cfg.withAvailableBackend();
    }
}
