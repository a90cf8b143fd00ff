package dev.irg.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The examples by name, and a main of their own:
 * {@code java -cp ... [-Dirg.backend=auto|cpu|cuda|scalar|simd] dev.irg.examples.Examples NAME [small|medium|large] [OUT_DIR] [SEED]}
 * (the CLI's {@code irg example} is the usual way to run them).
 */
public final class Examples {
    /** Default seed of every example. */
    public static final long DEFAULT_SEED = 20260101L;

    private Examples() {
    }

    public static List<Example> all() {
        return List.of(new PoissonMF(), new GradientVariance(), new VonMisesFit());
    }

    /** The example called {@code name}. */
    public static Example byName(String name) {
        for (Example e : all()) {
            if (e.name().equals(name.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown example '" + name + "' (" + String.join(", ", all().stream().map(Example::name).toList()) + ")");
    }

    /** The default output directory of an example: target/examples/NAME. */
    public static Path defaultOut(String name) {
        return Path.of("target", "examples", name);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: Examples NAME [small|medium|large] [OUT_DIR] [SEED]; NAME one of "
                    + all().stream().map(Example::name).toList());
            System.exit(2);
        }
        Example e = byName(args[0]);
        Size size = args.length > 1 ? Size.parse(args[1]) : Size.MEDIUM;
        Path out = args.length > 2 ? Path.of(args[2]) : defaultOut(e.name());
        long seed = args.length > 3 ? Long.parseLong(args[3]) : DEFAULT_SEED;
        Config cfg = Config.of(size, out, seed, System.getProperty("irg.backend", "auto"), System.out, System.err);
        e.run(e.resolve(cfg));
    }
}
