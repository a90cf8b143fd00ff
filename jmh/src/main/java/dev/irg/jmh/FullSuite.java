package dev.irg.jmh;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.cuda.CudaDevice;
import dev.irg.internal.CpuPool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The whole JMH suite in one command, with no benchmark that fails by design: {@link OpBench} over
 * every operation, precision and CPU backend, each forced backend only where it implements the
 * operation here ({@code Irg.backendFor}); {@link CudaOpBench} only when a CUDA device is usable;
 * then every other benchmark of the jar with the same settings. All results go to one JSON file.
 *
 * <pre>
 * java -cp jmh/target/benchmarks.jar dev.irg.jmh.FullSuite --json FILE [JMH options] [include regex ...]
 * </pre>
 *
 * JMH options: {@code -f -wi -i -w -r -foe -v -jvmArgsAppend -e}, include regexes, and {@code -p name=v,...},
 * which replaces a default list ({@code op}, {@code precision}, {@code n}, {@code backend}, {@code threads};
 * {@code api} for CudaOpBench). Grid: {@code scalar} and {@code simd} at every {@code n} with
 * {@code threads=1}, and with {@code threads=0} (all cores) at the batches the CPU pool splits (at least
 * 2 x {@link CpuPool#MIN_ELEMENTS_PER_TASK} elements; a smaller call runs on one thread, so it would
 * measure {@code threads=1} again); {@code auto} as {@code Irg.get()} runs it, with all cores, at the
 * batches the pool splits (below them it would time the picked backend's one-thread call again), or
 * wherever {@code -p backend} names it.
 */
public final class FullSuite {
    private static final List<String> OPS = Arrays.stream(Op.values()).map(Op::name).toList();
    private static final String OP_BENCH = OpBench.class.getName() + ".evaluate";
    private static final String CUDA_BENCH = CudaOpBench.class.getName() + ".evaluate";

    private FullSuite() {
    }

    public static void main(String[] args) throws RunnerException {
        String json = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--json") && i + 1 < args.length) {
                json = args[++i];
            } else {
                rest.add(args[i]);
            }
        }
        CommandLineOptions cl;
        try {
            cl = new CommandLineOptions(rest.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            System.err.println("FullSuite: " + e.getMessage());
            System.exit(2);
            return;
        }
        List<RunResult> results = new ArrayList<>();
        if (wanted(cl, OP_BENCH)) {
            results.addAll(runOpBench(cl));
        }
        if (wanted(cl, CUDA_BENCH)) {
            if (CudaDevice.isAvailable()) {
                results.addAll(run(settings(cl).include(Pattern.quote(CUDA_BENCH))
                        .param("op", list(cl, "op", OPS).toArray(String[]::new)), cl, "api", "precision", "n"));
            } else {
                System.out.println("FullSuite: CudaOpBench left out: " + CudaDevice.status());
            }
        }
        List<String> paramKeys = new ArrayList<>();
        for (int i = 0; i + 1 < rest.size(); i++) {
            if (rest.get(i).equals("-p") && rest.get(i + 1).contains("=")) {
                paramKeys.add(rest.get(i + 1).substring(0, rest.get(i + 1).indexOf('=')));
            }
        }
        results.addAll(runOthers(cl, paramKeys));
        if (json != null) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, json).writeOut(results);
            System.out.println("FullSuite: " + results.size() + " results in " + json);
        }
    }

    /** OpBench, split into runs whose grids contain only served combinations. */
    private static List<RunResult> runOpBench(CommandLineOptions cl) throws RunnerException {
        List<RunResult> out = new ArrayList<>();
        List<String> backends = list(cl, "backend", List.of("scalar", "simd", "auto"));
        List<String> threads = list(cl, "threads", List.of("1", "0"));
        for (String opName : list(cl, "op", OPS)) {
            Op op = Op.valueOf(opName);
            for (String precision : list(cl, "precision", List.of("F32", "F64"))) {
                Precision pr = Precision.parse(precision);
                List<String> served = new ArrayList<>();
                for (String b : backends) {
                    if (serves(b, op, pr)) {
                        served.add(b);
                    } else {
                        System.out.println("FullSuite: OpBench " + op + " " + pr + " on " + b + " left out: not served here");
                    }
                }
                if (served.isEmpty()) {
                    continue;
                }
                for (String n : list(cl, "n", List.of("1000", "1000000"))) {
                    boolean split = Long.parseLong(n) >= 2 * CpuPool.MIN_ELEMENTS_PER_TASK;
                    List<String> forced = served.stream().filter(b -> !b.equals("auto")).toList();
                    List<String> th = split ? threads : threads.stream().filter(t -> !t.equals("0")).toList();
                    if (!forced.isEmpty() && !th.isEmpty()) {
                        out.addAll(runOp(cl, opName, precision, n, forced, th));
                    }
                    // auto as Irg.get() gives it: all cores. Below the split size the default grid leaves it out:
                    // it runs the kernel of the backend it picks (irg info) on one thread, as that backend's run does.
                    if (served.contains("auto") && (split || cl.getParameter("backend").hasValue())) {
                        List<String> t = threads.contains("0") ? List.of(split ? "0" : "1") : threads;
                        out.addAll(runOp(cl, opName, precision, n, List.of("auto"), t));
                    }
                }
            }
        }
        return out;
    }

    private static Collection<RunResult> runOp(CommandLineOptions cl, String op, String precision, String n,
            List<String> backends, List<String> threads) throws RunnerException {
        return run(settings(cl).include(Pattern.quote(OP_BENCH)).param("op", op).param("precision", precision)
                .param("n", n).param("backend", backends.toArray(String[]::new))
                .param("threads", threads.toArray(String[]::new)), cl);
    }

    /** Whether a forced {@code backend} (or auto) runs {@code op} in {@code pr} here. */
    static boolean serves(String backend, Op op, Precision pr) {
        try {
            Irg.using(Backend.parse(backend)).backendFor(op, pr, 1);
            return true;
        } catch (IllegalStateException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Every other benchmark of the jar that the include/exclude regexes select, with the same settings. */
    private static List<RunResult> runOthers(CommandLineOptions cl, List<String> paramKeys) throws RunnerException {
        ChainedOptionsBuilder b = settings(cl).exclude(Pattern.quote(OP_BENCH)).exclude(Pattern.quote(CUDA_BENCH));
        for (String inc : cl.getIncludes()) {
            b.include(inc);
        }
        if (cl.getIncludes().isEmpty()) {
            b.include(".*");
        }
        for (String key : paramKeys) {
            b.param(key, cl.getParameter(key).get().toArray(String[]::new));
        }
        try {
            return new ArrayList<>(new Runner(b.build()).run());
        } catch (NoBenchmarksException e) {
            return List.of();
        }
    }

    /** Runs {@code b} after adding the command line's values for {@code keys} (the benchmark's own defaults otherwise). */
    private static Collection<RunResult> run(ChainedOptionsBuilder b, CommandLineOptions cl, String... keys)
            throws RunnerException {
        for (String k : keys) {
            if (cl.getParameter(k).hasValue()) {
                b.param(k, cl.getParameter(k).get().toArray(String[]::new));
            }
        }
        return new Runner(b.build()).run();
    }

    /** Whether the include/exclude regexes (JMH's find semantics) select {@code benchmark}. */
    private static boolean wanted(CommandLineOptions cl, String benchmark) {
        boolean in = cl.getIncludes().isEmpty()
                || cl.getIncludes().stream().anyMatch(r -> Pattern.compile(r).matcher(benchmark).find());
        return in && cl.getExcludes().stream().noneMatch(r -> Pattern.compile(r).matcher(benchmark).find());
    }

    private static <T> void ifSet(org.openjdk.jmh.util.Optional<T> o, Consumer<T> set) {
        if (o.hasValue()) {
            set.accept(o.get());
        }
    }

    private static List<String> list(CommandLineOptions cl, String key, List<String> def) {
        return cl.getParameter(key).hasValue() ? List.copyOf(cl.getParameter(key).get()) : def;
    }

    /** The command line's run settings, without its includes (each run sets its own). */
    private static ChainedOptionsBuilder settings(CommandLineOptions cl) {
        ChainedOptionsBuilder b = new OptionsBuilder();
        ifSet(cl.getForkCount(), b::forks);
        ifSet(cl.getWarmupIterations(), b::warmupIterations);
        ifSet(cl.getMeasurementIterations(), b::measurementIterations);
        ifSet(cl.getWarmupTime(), b::warmupTime);
        ifSet(cl.getMeasurementTime(), b::measurementTime);
        ifSet(cl.shouldFailOnError(), b::shouldFailOnError);
        ifSet(cl.verbosity(), b::verbosity);
        ifSet(cl.getJvmArgsAppend(), a -> b.jvmArgsAppend(a.toArray(String[]::new)));
        for (String e : cl.getExcludes()) {
            b.exclude(e);
        }
        return b;
    }
}
