package dev.irg.cli;

import dev.irg.Backend;
import dev.irg.Distribution;
import dev.irg.Precision;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.StreamHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code irg} command line. {@link #run} is the in-process entry point (tests call it with their
 * own streams); {@link #main} exits with its status: 0 success, 1 runtime failure (for example a
 * backend that cannot run here), 2 usage error or malformed input.
 */
@Command(name = "irg", mixinStandardHelpOptions = true, version = "irg 0.1.0",
        description = "Implicit reparameterization gradients: CDFs, their parameter derivatives and dz/dtheta for "
                + "Gamma, Beta and von Mises samples, on the scalar, SIMD and CUDA backends.",
        subcommands = {InfoCommand.class, EvalCommand.class, BenchCommand.class, ReportCommand.class,
                CalibrateCommand.class, SampleCommand.class, ExampleCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit status of a runtime failure. */
    public static final int EXIT_FAILURE = 1;
    /** Exit status of a usage error or malformed input (picocli's usage-error status too). */
    public static final int EXIT_USAGE = 2;

    /** The library's logger as configured by {@link #configureLogging} (a strong reference). */
    private static Logger libraryLogger;

    final InputStream in;
    final PrintStream out;
    final PrintStream err;

    @Option(names = "--verbose", description = "Show the library's log lines (backend probing) on stderr.",
            scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    Main(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(out);
    }

    /** Runs one command line with the given streams and returns its exit status. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Main main = new Main(in, out, err);
        CommandLine cl = new CommandLine(main);
        cl.registerConverter(Distribution.class, Distribution::parse);
        cl.registerConverter(Precision.class, Precision::parse);
        cl.registerConverter(Backend.class, Backend::parse);
        cl.registerConverter(Quantity.class, Quantity::parse);
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setExecutionStrategy(pr -> {
            configureLogging(main.verbose, err);
            return new CommandLine.RunLast().execute(pr);
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof CliException ce) {
                err.println("irg: " + ce.getMessage());
                return ce.status();
            }
            // a backend that does not implement an operation says so in its message
            err.println("irg: " + (ex instanceof UnsupportedOperationException ? "" : ex.getClass().getSimpleName() + ": ")
                    + ex.getMessage());
            if (main.verbose) {
                ex.printStackTrace(err);
            }
            return EXIT_FAILURE;
        });
        int rc = cl.execute(args);
        out.flush();
        err.flush();
        return rc;
    }

    public static void main(String[] args) {
        int rc = run(args, System.in, System.out, System.err);
        System.exit(rc);
    }

    /**
     * The library logs through System.Logger (java.util.logging here). On the command line its
     * INFO lines (a backend that cannot run) would interleave with results in JUL's two-line format:
     * show them only with --verbose, in one line each; warnings always.
     */
    static void configureLogging(boolean verbose, PrintStream err) {
        Logger logger = Logger.getLogger("dev.irg");
        libraryLogger = logger; // JUL holds loggers weakly: keep ours, or its settings are lost to GC
        logger.setUseParentHandlers(false);
        for (var h : logger.getHandlers()) {
            logger.removeHandler(h);
        }
        // a StreamHandler on our err (ConsoleHandler.setOutputStream would close System.err)
        var handler = new StreamHandler(err, new Formatter() {
            @Override
            public String format(LogRecord r) {
                return formatMessage(r) + System.lineSeparator();
            }
        }) {
            @Override
            public synchronized void publish(LogRecord r) {
                super.publish(r);
                flush();
            }
        };
        Level level = verbose ? Level.ALL : Level.WARNING;
        handler.setLevel(level);
        logger.setLevel(level);
        logger.addHandler(handler);
    }
}
