package dev.irg.cli;

import dev.irg.Backend;
import dev.irg.Distribution;
import dev.irg.Irg;
import dev.irg.Precision;
import picocli.CommandLine.Option;

/**
 * The options {@code irg eval} and {@code irg bench} share (a picocli mixin): which distribution, in
 * which precision, on which backend. picocli sorts options by name in the help, so the mixin does not
 * change either command's help.
 */
final class BatchOptions {
    @Option(names = "--dist", required = true, description = "gamma, beta or vonmises")
    Distribution dist;

    @Option(names = "--precision", defaultValue = "f64", description = "f64 or f32 (default: ${DEFAULT-VALUE})")
    Precision precision;

    @Option(names = "--backend", defaultValue = "auto", description = "auto, scalar, simd or cuda (default: ${DEFAULT-VALUE})")
    Backend backend;

    /** An {@link Irg} on the chosen backend ({@code threads} null: the default), or a one-line failure. */
    Irg irg(Integer threads) {
        return Common.irg(backend, threads);
    }
}
