package dev.irg.cli;

import dev.irg.examples.Config;
import dev.irg.examples.Example;
import dev.irg.examples.Examples;
import dev.irg.examples.Size;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code irg example NAME} (issue 8): runs one of the examples of the irg-examples module. */
@Command(name = "example", mixinStandardHelpOptions = true, description = {
        "Runs an example that trains a model with irg's implicit reparameterization gradients:",
        "  poisson-mf  Poisson matrix factorization, Gamma variational posteriors, SVI with Adam",
        "  variance    bias and variance of implicit reparam vs score function vs inverted-CDF finite differences",
        "  vonmises    von Mises location and concentration from circular data",
        "Prints a progress line (stderr) and a table (stdout); writes PNG plots and a markdown table to --out."})
final class ExampleCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "NAME", description = "poisson-mf, variance or vonmises")
    String name;

    @Option(names = "--size", defaultValue = "medium", description = "small, medium or large (default: ${DEFAULT-VALUE}, about a minute)")
    String size;

    @Option(names = "--out", description = "output directory (default: target/examples/NAME)")
    Path out;

    @Option(names = "--seed", defaultValue = "" + Examples.DEFAULT_SEED, description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--backend", defaultValue = "auto", description = {
            "auto, cpu, cuda, scalar or simd (default: ${DEFAULT-VALUE}). poisson-mf: cuda runs the whole training step",
            "on the GPU (cuBLAS + irg's device-resident kernels), auto does when it can, cpu never; scalar/simd force irg's CPU backend"})
    String backend;

    @Override
    public Integer call() throws Exception {
        Example e;
        Config cfg;
        try {
            e = Examples.byName(name);
            cfg = Config.of(Size.parse(size), out != null ? out : Examples.defaultOut(e.name()), seed, backend, main.out, main.err);
        } catch (IllegalArgumentException ex) {
            throw new CliException(Main.EXIT_USAGE, ex.getMessage());
        }
        cfg = e.resolve(cfg);
        e.run(cfg);
        main.out.println("wrote " + cfg.outDir().resolve(e.name() + ".md") + " and the PNG plots in " + cfg.outDir());
        return 0;
    }
}
