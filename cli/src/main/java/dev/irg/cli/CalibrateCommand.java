package dev.irg.cli;

import dev.irg.Backend;
import dev.irg.BackendInfo;
import dev.irg.Distribution;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Precision;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code irg calibrate}: measures, per operation and precision, the batch size from which SIMD beats
 * the scalar reference and from which CUDA beats the best CPU backend, and stores them per machine in
 * a properties file (default {@code ~/.config/irg/calibration.properties}).
 *
 * <p>Keys: {@code simd.auto_threshold} and {@code cuda.auto_threshold} (the largest crossover over the
 * measured operations: from there on the faster backend wins for every one of them), and per operation
 * {@code simd.auto_threshold.<op>.<precision>} ({@code op} as in {@link Op#name()}, lower case).
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, description = {
        "Measures the batch size at which each backend starts to win and stores it for this machine.",
        "SIMD over scalar, CUDA over the best CPU backend, per gradient operation and precision",
        "(default file ~/.config/irg/calibration.properties).",
        "auto reads that file, or the one $IRG_CALIBRATION names; without it, each backend's built-in default"
                + " (SIMD: every batch; CUDA: from 2^18 elements; see docs/cli.md and irg info)."})
final class CalibrateCommand implements Callable<Integer> {
    /** Batch sizes tried for SIMD against scalar: powers of two up to here (SIMD wins within a few vectors). */
    static final int SIMD_MAX_N = 1 << 14;
    /** Batch sizes tried for CUDA against the CPU: powers of four from 2^10 up to here (transfers dominate below ~1e5). */
    static final int CUDA_MAX_N = 1 << 22;
    /** Each timing point repeats calls for at least this long (a single call of a tiny batch is below timer resolution). */
    static final long POINT_NANOS = 4_000_000L;
    /** Timed rounds per point; the median is kept. */
    static final int ROUNDS = 5;
    /** Warm-up per backend and operation before its sweep: at least this long, then until run times settle ... */
    static final long WARMUP_NANOS = 200_000_000L;
    /** ... but at most this long. */
    static final long MAX_WARMUP_NANOS = 2_000_000_000L;

    @ParentCommand
    Main main;

    @Option(names = "--file", description = "properties file to write (default: ~/.config/irg/calibration.properties)")
    Path file;

    @Option(names = "--dry-run", description = "measure and print, write nothing")
    boolean dryRun;

    @Option(names = "--quick", description = "short warm-up and sizes up to " + QUICK_MAX_N + " only: a smoke run, not a calibration")
    boolean quick;

    /** Largest size of a --quick sweep. */
    static final int QUICK_MAX_N = 1024;

    @Override
    public Integer call() throws IOException {
        List<Backend> avail = Irg.backends().stream().filter(BackendInfo::available).map(BackendInfo::backend).toList();
        Map<String, String> props = new TreeMap<>();
        long simdMax = -1, cudaMax = -1;
        for (Distribution d : Distribution.values()) {
            Op op = Quantity.GRAD.ops(d, false).get(0);
            for (Precision pr : Precision.values()) {
                String key = op.name().toLowerCase(Locale.ROOT) + "." + pr.name().toLowerCase(Locale.ROOT);
                if (avail.contains(Backend.SIMD) && !Common.supports(Irg.using(Backend.SIMD), op, pr)) {
                    main.err.println("irg calibrate: simd does not implement " + key + " yet; skipped");
                } else if (avail.contains(Backend.SIMD)) {
                    main.err.println("irg calibrate: simd vs scalar, " + key);
                    long n = crossover(Irg.using(Backend.SIMD).threads(1), Irg.using(Backend.SCALAR).threads(1), d, op, pr,
                            sizes(1, quick ? QUICK_MAX_N : SIMD_MAX_N, 2), quick);
                    props.put("simd.auto_threshold." + key, Long.toString(n));
                    simdMax = Math.max(simdMax, n);
                }
                if (avail.contains(Backend.CUDA) && !Common.supports(Irg.using(Backend.CUDA), op, pr)) {
                    main.err.println("irg calibrate: cuda does not implement " + key + " yet; skipped");
                } else if (avail.contains(Backend.CUDA)) {
                    main.err.println("irg calibrate: cuda vs cpu, " + key);
                    Backend cpu = avail.contains(Backend.SIMD) ? Backend.SIMD : Backend.SCALAR;
                    long n = crossover(Irg.using(Backend.CUDA), Irg.using(cpu), d, op, pr,
                            sizes(1 << 10, quick ? 1 << 14 : CUDA_MAX_N, 4), quick);
                    props.put("cuda.auto_threshold." + key, Long.toString(n));
                    cudaMax = Math.max(cudaMax, n);
                }
            }
        }
        if (simdMax >= 0) {
            props.put("simd.auto_threshold", Long.toString(simdMax));
        }
        if (cudaMax >= 0) {
            props.put("cuda.auto_threshold", Long.toString(cudaMax));
        }
        if (props.isEmpty()) {
            main.out.println("nothing to calibrate: no backend besides scalar implements the gradients here (see irg info)");
            return 0;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# irg calibrate, ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(", ")
                .append(MachineInfo.cpuModel()).append(", ").append(MachineInfo.cpus()).append(" CPUs\n");
        sb.append("# smallest batch from which the backend is faster (the value past the last size tried: never faster)\n");
        props.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        main.out.print(sb);
        if (!dryRun) {
            Path f = file != null ? file : Path.of(System.getProperty("user.home"), ".config", "irg", "calibration.properties");
            if (f.getParent() != null) {
                Files.createDirectories(f.getParent());
            }
            try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                w.write(sb.toString());
            }
            main.err.println("irg calibrate: wrote " + f);
        }
        return 0;
    }

    static int[] sizes(int from, int to, int factor) {
        List<Integer> l = new ArrayList<>();
        for (long n = from; n <= to; n *= factor) {
            l.add((int) n);
        }
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The smallest size in {@code sizes} from which {@code fast} takes less time than {@code slow} at
     * that size and at every larger one tried; {@code 2 * last} when it never does.
     */
    static long crossover(Irg fast, Irg slow, Distribution d, Op op, Precision pr, int[] sizes, boolean quick) {
        Inputs all = Domains.random(d, sizes[sizes.length - 1], 5, pr);
        warm(fast, all, op, quick);
        warm(slow, all, op, quick);
        boolean[] wins = new boolean[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            Inputs in = all.head(sizes[i]);
            wins[i] = secondsPerCall(fast, in, op) < secondsPerCall(slow, in, op);
        }
        long n = 2L * sizes[sizes.length - 1];
        for (int i = sizes.length - 1; i >= 0 && wins[i]; i--) {
            n = sizes[i];
        }
        return n;
    }

    private static void warm(Irg irg, Inputs all, Op op, boolean quick) {
        // until the run times settle (Timing): the Vector API kernels are slow until C2 has compiled them
        Evaluation ev = new Evaluation(irg, all.head(Math.min(all.n(), 4096)));
        Timing.medianSeconds(() -> ev.run(op), 1, quick ? WARMUP_NANOS / 4 : WARMUP_NANOS, quick ? WARMUP_NANOS : MAX_WARMUP_NANOS);
    }

    /** Median over rounds of the time of one call, each round repeating calls for at least POINT_NANOS. */
    static double secondsPerCall(Irg irg, Inputs in, Op op) {
        Evaluation ev = new Evaluation(irg, in);
        double[] t = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            long calls = 0;
            long el;
            do {
                ev.run(op);
                calls++;
                el = System.nanoTime() - t0;
            } while (el < POINT_NANOS);
            t[r] = el * 1e-9 / calls;
        }
        Arrays.sort(t);
        return t[ROUNDS / 2];
    }
}
