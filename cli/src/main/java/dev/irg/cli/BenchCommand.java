package dev.irg.cli;

import dev.irg.Distribution;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Precision;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code irg bench}: a quick in-process throughput measurement (not JMH): the whole batch through the
 * public API, warm-up, several timed repetitions, median. The last line is {@code <rate> elements/s}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {
        "Measures throughput in this JVM: warm-up, then --reps timed runs over the batch, median.",
        "Inputs: random valid inputs over the distribution's domain (parameters log-uniform, samples drawn from the distribution),"
                + " or the rows of --in FILE (CSV as for irg eval; reading is not timed).",
        "A quantity with several columns (e.g. beta grad: grad_a and grad_b) counts one element per row for all of them.",
        "The last line is the throughput: '<N> elements/s'."})
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    BatchOptions batch;

    @Option(names = "--quantity", defaultValue = "grad", description = "cdf, dcdf, grad or all (default: ${DEFAULT-VALUE})")
    Quantity quantity;

    @Option(names = "--n", defaultValue = "1000000", description = "batch size (default: ${DEFAULT-VALUE}); with --in, the file's rows are repeated or cut to N")
    int n;

    @Option(names = "--threads", description = "CPU threads per call (default: all, see irg info)")
    Integer threads;

    @Option(names = "--reps", defaultValue = "5", description = "timed repetitions (default: ${DEFAULT-VALUE})")
    int reps;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the random inputs (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--in", description = "CSV of inputs (columns as for irg eval) instead of random ones")
    Path in;

    @Option(names = "--write-inputs", description = "also write the inputs as CSV (e.g. for bench/peers/torch_peer.py)")
    Path writeInputs;

    @Override
    public Integer call() throws IOException {
        if (n < 1) {
            throw CliException.usage("--n must be at least 1, got " + n);
        }
        if (threads != null && threads < 1) {
            throw CliException.usage("--threads must be at least 1, got " + threads);
        }
        Irg irg = batch.irg(threads);
        Distribution dist = batch.dist;
        Precision precision = batch.precision;
        Inputs inputs = in != null ? tile(Common.readTable(in, main.in).inputs(dist, precision), n)
                : Domains.random(dist, n, seed, precision);
        if (writeInputs != null) {
            writeInputs(inputs, writeInputs);
        }
        List<Op> ops = quantity.ops(dist, inputs.hasP1());
        Result r = measure(irg, inputs, ops, reps);
        main.out.printf(Locale.ROOT, "bench: %s %s %s, n=%d, threads=%d, backend %s (%s), %d timed reps after warm-up, median%n",
                dist.id(), quantity.id(), precision.name().toLowerCase(Locale.ROOT), n, irg.threads(),
                irg.backendFor(ops.get(0), precision, n).id(), batch.backend.id(), reps);
        for (int i = 0; i < r.labels.size(); i++) {
            main.out.printf(Locale.ROOT, "  %-12s %10.3f ms  %12.4g elements/s%n", r.labels.get(i),
                    r.seconds[i] * 1e3, n / r.seconds[i]);
        }
        main.out.printf(Locale.ROOT, "%.4g elements/s%n", r.elementsPerSecond);
        return 0;
    }

    /**
     * Median seconds per timed call (labelled by its columns: one op, or two joined by "+" for a pair in one call), and
     * elements per second for all the ops of a row together.
     */
    record Result(List<String> labels, double[] seconds, double elementsPerSecond) {
    }

    static Result measure(Irg irg, Inputs inputs, List<Op> ops, int reps) {
        return measure(irg, inputs, ops, reps, Timing.WARMUP_NANOS);
    }

    static Result measure(Irg irg, Inputs inputs, List<Op> ops, int reps, long warmupNanos) {
        return measure(irg, inputs, ops, reps, warmupNanos, Math.max(warmupNanos, Timing.MAX_WARMUP_NANOS));
    }

    /**
     * Times {@code ops} on {@code inputs}: each op on its own, except a pair of {@link Evaluation#PAIRS} (Beta's dz/da
     * and dz/db, or dI/da and dI/db, as the whole quantity), timed as one {@link Irg#evaluatePair} call, the way a user
     * computes both (one pass where the backend fuses them: docs/simd.md, "Both Beta gradients in one pass").
     */
    static Result measure(Irg irg, Inputs inputs, List<Op> ops, int reps, long warmupNanos, long maxWarmupNanos) {
        Evaluation ev = new Evaluation(irg, inputs);
        Evaluation single = irg.threads() > 1 ? new Evaluation(irg.threads(1), inputs) : null;
        List<Runnable> calls = new ArrayList<>();
        List<Runnable> warmCalls = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (ops.size() == 2 && Evaluation.isPair(ops.get(0), ops.get(1))) {
            Op a = ops.get(0);
            Op b = ops.get(1);
            calls.add(() -> ev.runPair(a, b));
            warmCalls.add(single == null ? null : () -> single.runPair(a, b));
            labels.add(a.column() + "+" + b.column());
        } else {
            for (Op op : ops) {
                calls.add(() -> ev.run(op));
                warmCalls.add(single == null ? null : () -> single.run(op));
                labels.add(op.column());
            }
        }
        double[] s = new double[calls.size()];
        double total = 0;
        for (int i = 0; i < s.length; i++) {
            if (warmCalls.get(i) != null) {
                // warm up on one thread first: with every core busy, C2 (which compiles the Vector API kernels
                // out of their interpreted fallback) got too little CPU on 2 cores, and a 2-thread warm-up
                // settled at a fifth of the compiled speed (measured: 1.0-1.7e7 against 4.6e7 elements/s,
                // SIMD Gamma dz/dalpha f32, n = 2e5)
                Timing.medianSeconds(warmCalls.get(i), 1, warmupNanos, maxWarmupNanos, inputs.n());
            }
            s[i] = Timing.medianSeconds(calls.get(i), reps, warmupNanos, maxWarmupNanos, inputs.n());
            total += s[i];
        }
        return new Result(labels, s, inputs.n() / total);
    }

    /** The rows of {@code in} repeated (or cut) to {@code n} rows. */
    static Inputs tile(Inputs in, int n) {
        if (in.n() == 0) {
            throw CliException.usage("the input file has no rows");
        }
        double[] p0 = new double[n];
        double[] p1 = in.hasP1() ? new double[n] : null;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            int j = i % in.n();
            p0[i] = in.p0()[j];
            if (p1 != null) {
                p1[i] = in.p1()[j];
            }
            x[i] = in.x()[j];
        }
        return new Inputs(in.dist(), in.precision(), p0, p1, x);
    }

    static void writeInputs(Inputs in, Path file) throws IOException {
        Distribution d = in.dist();
        List<String> header = new ArrayList<>(List.of(d.param0()));
        List<double[]> cols = new ArrayList<>(List.of(in.p0()));
        if (in.hasP1()) {
            header.add(d.param1());
            cols.add(in.p1());
        }
        header.add("x");
        cols.add(in.x());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Csv.write(w, header, cols.toArray(double[][]::new), in.precision());
        }
    }
}
