package dev.irg.cli;

import dev.irg.Backend;
import dev.irg.BackendInfo;
import dev.irg.Distribution;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Precision;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code irg report} (issue 7): accuracy against the shipped golden sample and throughput per
 * distribution, backend and precision, side by side with the PyTorch peer when installed; writes
 * report.md, report.json and PNG plots.
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = {
        "Accuracy and speed on this machine, per distribution, backend and precision, next to PyTorch CPU.",
        "Error of every operation against the high-precision golden sample shipped with irg (max, p99, median) and the",
        "throughput of the gradients; the peer when python3-torch is installed. Writes report.md, report.json and PNG plots (default: report/ in the checkout).",
        "Default run: about 3 minutes on 2 cores; --quick is a smoke run, --full uses every golden row and larger batches."})
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--quick", description = "small samples and batches (seconds)")
    boolean quick;

    @Option(names = "--full", description = "every golden row, batches up to 1e7, more repetitions")
    boolean full;

    @Option(names = "--out", description = "output directory (default: report/ in the irg checkout)")
    Path outDir;

    @Option(names = "--no-peer", description = "skip the PyTorch peer")
    boolean noPeer;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the random throughput inputs (default: ${DEFAULT-VALUE})")
    long seed;

    /**
     * Size of a run: golden rows per distribution, the largest throughput batch, the batch sizes of
     * the throughput sweep, timed repetitions, and the wall time one timed repetition aims at (the
     * batch is cut so that a slow backend still finishes in that time; measured on the 2-core CI
     * machine, the default mode takes about 3 minutes: 155 s in the fourteenth session before the peer ran twice
     * per measurement, PEER_RUNS).
     */
    enum Mode {
        QUICK(1_500, 100_000, new int[] {100, 1_000, 10_000, 100_000}, 3, 0.03, 50_000_000L, 300_000_000L),
        DEFAULT(12_000, 1_000_000, new int[] {100, 1_000, 10_000, 100_000, 1_000_000}, 3, 0.12, 300_000_000L, 3_000_000_000L),
        FULL(Integer.MAX_VALUE, 10_000_000, new int[] {100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000}, 5, 1.0, 1_000_000_000L,
                10_000_000_000L);

        final int goldenRows;
        final int largeN;
        final int[] sweep;
        final int reps;
        final double repSeconds;
        final long warmupNanos;
        final long maxWarmupNanos;

        Mode(int goldenRows, int largeN, int[] sweep, int reps, double repSeconds, long warmupNanos, long maxWarmupNanos) {
            this.goldenRows = goldenRows;
            this.largeN = largeN;
            this.sweep = sweep;
            this.reps = reps;
            this.repSeconds = repSeconds;
            this.warmupNanos = warmupNanos;
            this.maxWarmupNanos = maxWarmupNanos;
        }
    }

    /** Batch of the probe that estimates a backend's per-element cost (SIMD Gamma f64 runs 8x slower per element at 8192 than at 1e6, so not smaller; 0.1 s on scalar Beta). */
    static final int PROBE_N = 65_536;
    /** Smallest batch of a throughput measurement, whatever the per-element cost. */
    static final int MIN_BENCH_N = 10_000;
    /** Warm-up of each point of the batch-size sweep (the kernels are already compiled by then). */
    static final long SWEEP_WARMUP_NANOS = 30_000_000L;

    private Progress progress;
    private Path tmp;

    @Override
    public Integer call() throws Exception {
        System.setProperty("java.awt.headless", "true");
        if (quick && full) {
            throw CliException.usage("--quick and --full exclude each other");
        }
        Mode mode = quick ? Mode.QUICK : full ? Mode.FULL : Mode.DEFAULT;
        Path dir = outDir != null ? outDir : Path.of(System.getProperty("irg.root", "."), "report");
        Files.createDirectories(dir);
        // outputs of an earlier run (plots of a backend that is gone now would otherwise linger)
        try (var old = Files.list(dir)) {
            for (Path f : old.toList()) {
                String n = f.getFileName().toString();
                if (n.equals("report.md") || n.equals("report.json")
                        || (n.endsWith(".png") && (n.startsWith("errors-") || n.startsWith("throughput-")))) {
                    Files.delete(f);
                }
            }
        }
        tmp = Files.createTempDirectory("irg-report");
        progress = new Progress(main.err);
        long t0 = System.nanoTime();
        try {
            progress.show("looking for the PyTorch peer");
            Peer peer = noPeer ? null : Peer.find();
            List<Backend> backends = Irg.backends().stream().filter(BackendInfo::available).map(BackendInfo::backend)
                    .sorted(Comparator.naturalOrder()).toList();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("generated", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            json.put("mode", mode.name().toLowerCase(Locale.ROOT));
            json.put("machine", Map.of("cpu", MachineInfo.cpuModel(), "cpus", MachineInfo.cpus(), "java", MachineInfo.java(),
                    "vector", MachineInfo.vectorShape()));
            json.put("backends", Irg.backends().stream().map(b -> Map.of("backend", b.backend().id(), "available", b.available(),
                    "detail", b.detail())).toList());
            json.put("peer", peer == null ? "skipped (--no-peer)" : peer.available() ? "PyTorch " + peer.version() + " CPU" : peer.whyNot());
            List<Map<String, Object>> dists = new ArrayList<>();
            List<String[]> table1 = new ArrayList<>();
            List<String[]> accRows = new ArrayList<>();
            List<String[]> speedRows = new ArrayList<>();
            List<String[]> regionRows = new ArrayList<>();
            List<String> plots = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (Distribution d : Distribution.values()) {
                dists.add(distribution(d, mode, backends, peer, dir, table1, accRows, speedRows, regionRows, plots, notes));
            }
            json.put("distributions", dists);
            json.put("dirichlet", dirichlet(mode, backends, peer, table1, speedRows, notes));
            json.put("seconds", (System.nanoTime() - t0) * 1e-9);
            progress.done();
            String md = markdown(mode, peer, backends, table1, accRows, regionRows, speedRows, plots, notes, (System.nanoTime() - t0) * 1e-9);
            Files.writeString(dir.resolve("report.md"), md, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("report.json"), Json.write(json), StandardCharsets.UTF_8);
            main.out.print(md);
            main.err.printf(Locale.ROOT, "irg report: wrote %s/report.md, report.json and %d plots in %.0f s%n", dir, plots.size(),
                    (System.nanoTime() - t0) * 1e-9);
            return 0;
        } finally {
            progress.done();
            deleteTree(tmp);
        }
    }

    // ---------------------------------------------------------------- per distribution

    private Map<String, Object> distribution(Distribution d, Mode mode, List<Backend> backends, Peer peer, Path dir,
            List<String[]> table1, List<String[]> accRows, List<String[]> speedRows, List<String[]> regionRows, List<String> plots,
            List<String> notes) throws IOException {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("distribution", d.id());
        // ---- accuracy against the golden sample
        progress.show(d.id() + ": reading the golden sample");
        List<Csv.Table> tables = GoldenSample.tables(d);
        Csv.Table sample = tables.isEmpty() ? null : GoldenSample.sample(tables, mode.goldenRows,
                Map.of(d.param1(), Double.toString(d.param1Default())));
        List<Op> ops = sample == null ? List.of() : d.ops().stream().filter(o -> sample.column(o.column()) >= 0).toList();
        Op gradOp = d.ops().stream().filter(o -> o.column().startsWith("grad_")).findFirst().orElseThrow();
        Map<String, Object> acc = new LinkedHashMap<>();
        Map<String, double[]> mapValues = new LinkedHashMap<>(); // "who precision" -> values of gradOp
        Inputs g64 = null;
        Map<Op, double[]> ref = new LinkedHashMap<>();
        Map<Op, double[]> truth32 = new LinkedHashMap<>();
        Map<Op, double[]> floors = new LinkedHashMap<>();
        String[] tableOf = null;
        // per golden table (region) statistics of the gradient, per "who precision"
        Map<String, List<String[]>> perTable = new LinkedHashMap<>();
        boolean[] use32 = null;
        List<Op> gradPair = Quantity.GRAD.ops(d, true);
        if (gradPair.size() == 2 && Evaluation.isPair(gradPair.get(0), gradPair.get(1))) {
            notes.add(d.id() + ": its two gradients (" + String.join(", ", gradPair.stream().map(Op::column).toList())
                    + ") are evaluated and timed as one call (Irg.evaluatePair, one pass where the backend fuses them); the rates"
                    + " count one element per pair");
        }
        if (sample == null || ops.isEmpty()) {
            notes.add(d.id() + ": no golden tables shipped with this build, so no accuracy figures");
        } else {
            g64 = sample.inputs(d, Precision.F64);
            for (Op op : ops) {
                ref.put(op, sample.values(sample.column(op.column())));
                int sc = sample.column("scale_" + op.column());
                if (sc >= 0) {
                    floors.put(op, ErrorStats.floors(sample.values(sc)));
                }
            }
            tableOf = new String[g64.n()];
            int tc = sample.column("table");
            for (int i = 0; i < tableOf.length; i++) {
                String t = sample.rows().get(i)[tc];
                tableOf[i] = t.substring(t.lastIndexOf('/') + 1).replace(".csv", "");
            }
            // float32 truth: the float64 reference at the float-rounded inputs (itself within 1e-10 of the
            // 40-digit values), restricted to values representable as normal floats
            Inputs r32 = g64.as(Precision.F32);
            Inputs r32wide = new Inputs(d, Precision.F64, r32.p0(), r32.p1(), r32.x());
            use32 = new boolean[g64.n()];
            java.util.Arrays.fill(use32, true);
            try {
                progress.show(d.id() + ": float64 reference at the float32-rounded inputs");
                Evaluation ev = new Evaluation(Irg.using(Backend.SCALAR), r32wide);
                for (Op op : ops) {
                    double[] t = ev.compute(op);
                    truth32.put(op, t);
                    for (int i = 0; i < t.length; i++) {
                        double a = Math.abs(t[i]);
                        use32[i] &= a == 0 || (a >= Float.MIN_NORMAL && a <= Float.MAX_VALUE);
                    }
                }
            } catch (RuntimeException e) {
                notes.add(d.id() + ": no float32 truth (scalar reference failed: " + e.getMessage() + ")");
                truth32.clear();
            }
            for (Backend b : backends) {
                for (Precision pr : Precision.values()) {
                    String key = b.id() + " " + id(pr);
                    progress.show(d.id() + ": accuracy, " + key + " (" + g64.n() + " golden rows)");
                    Map<String, Object> cols = new LinkedHashMap<>();
                    try {
                        Inputs in = pr == Precision.F64 ? g64 : r32;
                        Irg irg = Irg.using(b);
                        Evaluation ev = new Evaluation(irg, in);
                        // the Beta derivatives and gradients in pairs, as the throughput below times them
                        Map<Op, double[]> paired = ops.stream().allMatch(o -> Common.supports(irg, o, pr))
                                ? ev.computePairs(ops) : Map.of();
                        for (Op op : ops) {
                            double[] truth = pr == Precision.F64 ? ref.get(op) : truth32.get(op);
                            if (truth == null) {
                                continue;
                            }
                            if (!Common.supports(irg, op, pr)) {
                                accRows.add(new String[] {d.id(), b.id(), id(pr), op.column(), "-", "not implemented", "", "", ""});
                                continue;
                            }
                            double[] got = paired.containsKey(op) ? paired.get(op) : ev.compute(op);
                            ErrorStats s = ErrorStats.of(got, truth, pr == Precision.F64 ? null : use32, floors.get(op));
                            cols.put(op.column(), stats(s));
                            accRows.add(new String[] {d.id(), b.id(), id(pr), op.column(), Integer.toString(s.n()), e(s.max()),
                                e(s.p99()), e(s.median()), Integer.toString(s.failures())});
                            if (op == gradOp) {
                                mapValues.put("irg " + b.id() + " " + id(pr), got);
                                perTable.put(b.id() + " " + id(pr), byTable(d, b.id(), pr, op, got, truth,
                                        pr == Precision.F64 ? null : use32, floors.get(op), tableOf));
                            }
                        }
                    } catch (RuntimeException ex) {
                        cols.put("error", ex.getClass().getSimpleName() + ": " + ex.getMessage());
                        accRows.add(new String[] {d.id(), b.id(), id(pr), "-", "-", "failed: " + ex.getMessage(), "", "", ""});
                    }
                    acc.put(key, cols);
                }
            }
            if (peer != null && peer.available() && ops.stream().anyMatch(o -> Peer.supports(d, o.column()))) {
                for (Precision pr : Precision.values()) {
                    String key = "pytorch " + id(pr);
                    progress.show(d.id() + ": accuracy, " + key);
                    Map<String, Object> cols = new LinkedHashMap<>();
                    try {
                        Map<String, double[]> vals = peer.values(Quantity.ALL, pr == Precision.F64 ? g64 : r32, tmp);
                        for (Op op : ops) {
                            double[] got = vals.get(op.column());
                            double[] truth = pr == Precision.F64 ? ref.get(op) : truth32.get(op);
                            if (got == null || truth == null) {
                                continue;
                            }
                            ErrorStats s = ErrorStats.of(got, truth, pr == Precision.F64 ? null : use32, floors.get(op));
                            cols.put(op.column(), stats(s));
                            accRows.add(new String[] {d.id(), "PyTorch", id(pr), op.column(), Integer.toString(s.n()), e(s.max()),
                                e(s.p99()), e(s.median()), Integer.toString(s.failures())});
                            if (op == gradOp) {
                                mapValues.put("pytorch " + id(pr), got);
                                perTable.put("pytorch " + id(pr), byTable(d, "PyTorch", pr, op, got, truth,
                                        pr == Precision.F64 ? null : use32, floors.get(op), tableOf));
                            }
                        }
                    } catch (IOException | RuntimeException ex) {
                        cols.put("error", ex.getMessage());
                        notes.add(d.id() + ": PyTorch " + id(pr) + " failed: " + ex.getMessage());
                    }
                    acc.put(key, cols);
                }
            }
        }
        j.put("golden_rows", g64 == null ? 0 : g64.n());
        j.put("accuracy", acc);

        // ---- throughput of the gradients (all grad_* columns per element)
        Map<String, Object> speed = new LinkedHashMap<>();
        Map<String, double[][]> curves = new LinkedHashMap<>();
        Map<String, Double> perThread = new LinkedHashMap<>();
        Map<String, Double> allThreads = new LinkedHashMap<>();
        Map<String, Double> peerRate = new LinkedHashMap<>();
        // the peer first, at the largest batch irg runs (mode.largeN, the SIMD rows' n: the same inputs): timed after irg's
        // throughput runs, its float64 Gamma process ran at 18.6-20.3 M elements/s in most full reports against 31-37
        // alone (README, "Speed"), so it now runs before them
        int peerN = mode.largeN;
        if (peer != null && peer.available() && Peer.supports(d, gradOp.column())) {
            for (Precision pr : Precision.values()) {
                progress.show(d.id() + ": throughput, PyTorch " + id(pr));
                try {
                    Inputs in = Domains.random(d, peerN, seed, pr);
                    double r = peer.throughput(Quantity.GRAD, in, tmp);
                    peerRate.put(id(pr), r);
                    speedRows.add(new String[] {d.id(), "PyTorch " + peer.version(), id(pr), Integer.toString(peerN), m(r), "", "1"});
                    speed.put("pytorch " + id(pr), Map.of("n", peerN, "elements_per_s_1_thread", r, "elements_per_s_runs", peer.lastRuns()));
                    curves.put("PyTorch " + id(pr) + " (1 thread)", new double[][] {{peerN}, {r}});
                } catch (IOException | RuntimeException ex) {
                    notes.add(d.id() + ": PyTorch throughput " + id(pr) + " failed: " + ex.getMessage());
                }
            }
        }
        for (Backend b : backends) {
            for (Precision pr : Precision.values()) {
                String key = b.id() + " " + id(pr);
                progress.show(d.id() + ": throughput, " + key);
                try {
                    Irg irg = Irg.using(b);
                    List<Op> unsupported = Quantity.GRAD.ops(d, false).stream().filter(o -> !Common.supports(irg, o, pr)).toList();
                    if (!unsupported.isEmpty()) {
                        speedRows.add(new String[] {d.id(), b.id(), id(pr), "-", "not implemented", "", ""});
                        speed.put(key, Map.of("error", "not implemented: " + unsupported));
                        continue;
                    }
                    int n = batchFor(irg, d, pr, mode);
                    Inputs in = Domains.random(d, n, seed, pr);
                    List<Op> gops = Quantity.GRAD.ops(d, in.hasP1());
                    double one = BenchCommand.measure(irg.threads(1), in, gops, mode.reps, mode.warmupNanos, mode.maxWarmupNanos).elementsPerSecond();
                    double all = BenchCommand.measure(irg, in, gops, mode.reps, mode.warmupNanos, mode.maxWarmupNanos).elementsPerSecond();
                    perThread.put(key, one);
                    allThreads.put(key, all);
                    speedRows.add(new String[] {d.id(), b.id(), id(pr), Integer.toString(n), m(one), m(all),
                        Integer.toString(irg.threads())});
                    List<Double> xs = new ArrayList<>();
                    List<Double> ys = new ArrayList<>();
                    for (int size : mode.sweep) {
                        if (size > n) {
                            break;
                        }
                        progress.show(d.id() + ": throughput vs batch size, " + key + ", n=" + size);
                        Inputs part = in.head(size);
                        Evaluation ev = new Evaluation(irg, part);
                        double sec = 0;
                        if (gops.size() == 2 && Evaluation.isPair(gops.get(0), gops.get(1))) { // as BenchCommand.measure
                            sec = Timing.medianSeconds(() -> ev.runPair(gops.get(0), gops.get(1)), mode.reps,
                                    SWEEP_WARMUP_NANOS, mode.maxWarmupNanos);
                        } else {
                            for (Op op : gops) {
                                sec += Timing.medianSeconds(() -> ev.run(op), mode.reps, SWEEP_WARMUP_NANOS, mode.maxWarmupNanos);
                            }
                        }
                        xs.add((double) size);
                        ys.add(size / sec);
                    }
                    curves.put("irg " + key, new double[][] {xs.stream().mapToDouble(Double::doubleValue).toArray(),
                        ys.stream().mapToDouble(Double::doubleValue).toArray()});
                    speed.put(key, Map.of("n", n, "elements_per_s_1_thread", one, "elements_per_s_all_threads", all,
                            "threads", irg.threads(), "sweep_n", xs, "sweep_elements_per_s", ys));
                } catch (RuntimeException ex) {
                    speed.put(key, Map.of("error", ex.getClass().getSimpleName() + ": " + ex.getMessage()));
                    speedRows.add(new String[] {d.id(), b.id(), id(pr), "-", "failed: " + ex.getMessage(), "", ""});
                }
            }
        }
        j.put("throughput", speed);

        // ---- plots (XChart needs java.desktop; a runtime without it gets the tables only)
        try {
            plots(d, dir, curves, g64, sample, ref, truth32, floors, use32, mapValues, gradOp, plots, perThread);
        } catch (LinkageError e) {
            notes.add(d.id() + ": no plots: this Java runtime lacks java.desktop (" + e + ")");
        }

        // ---- the Table 1 rows: per precision, irg's best backend next to the peer
        for (Precision pr : Precision.values()) {
            String b = fastest(perThread, id(pr));
            if (b == null) {
                b = best(perTable, id(pr));
            }
            for (String who : new String[] {b + " " + id(pr), "pytorch " + id(pr)}) {
                regionRows.addAll(perTable.getOrDefault(who, List.of()));
            }
            if (b == null || fastest(perThread, id(pr)) == null) {
                continue;
            }
            String key = b + " " + id(pr);
            @SuppressWarnings("unchecked")
            Map<String, Object> irgAcc = (Map<String, Object>) acc.getOrDefault(key, Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> peerAcc = (Map<String, Object>) acc.getOrDefault("pytorch " + id(pr), Map.of());
            Double pr1 = peerRate.get(id(pr));
            table1.add(new String[] {d.id(), gradOp.column(), id(pr), b, statCell(irgAcc.get(gradOp.column())),
                m(perThread.get(key)), m(allThreads.get(key)), peerAcc.isEmpty() ? "-" : statCell(peerAcc.get(gradOp.column())),
                pr1 == null ? "-" : m(pr1), pr1 == null ? "-" : String.format(Locale.ROOT, "%.3g×", perThread.get(key) / pr1)});
        }
        return j;
    }

    private void plots(Distribution d, Path dir, Map<String, double[][]> curves, Inputs g64, Csv.Table sample,
            Map<Op, double[]> ref, Map<Op, double[]> truth32, Map<Op, double[]> floors, boolean[] use32, Map<String, double[]> mapValues, Op gradOp,
            List<String> plots, Map<String, Double> perThread) throws IOException {
        if (!curves.isEmpty()) {
            String f = "throughput-" + d.id() + ".png";
            progress.show(d.id() + ": plots");
            Charts.throughput(dir.resolve(f), d.id() + ": gradient throughput (" + String.join(", ",
                    Quantity.GRAD.ops(d, false).stream().map(Op::column).toList()) + "): irg on all threads", curves);
            plots.add(f);
        }
        if (g64 != null) {
            ErrorMap em = ErrorMap.of(d);
            double[] cdf = ref.containsKey(d.ops().get(0)) ? ref.get(d.ops().get(0)) : new double[g64.n()];
            double[] q = new double[cdf.length];
            double[] qcol = sample.column("q") >= 0 ? sample.values(sample.column("q")) : null;
            for (int i = 0; i < q.length; i++) {
                q[i] = qcol != null && Double.isFinite(qcol[i]) ? qcol[i] : 1 - cdf[i];
            }
            for (var e : mapValues.entrySet()) {
                String who = e.getKey();
                // one map per (who, precision): irg's from the backend of the Table 1 row (the fastest
                // measured one; without throughput figures, cuda > simd > scalar)
                String pr = who.endsWith("f32") ? "f32" : "f64";
                String chosen = fastest(perThread, pr) != null ? fastest(perThread, pr) : best(mapValues, pr);
                if (who.startsWith("irg ") && !who.equals("irg " + chosen + " " + pr)) {
                    continue;
                }
                boolean f32 = who.endsWith("f32");
                Inputs in = f32 ? g64.as(Precision.F32) : g64;
                double[] truth = f32 ? truth32.get(gradOp) : ref.get(gradOp);
                if (truth == null) {
                    continue;
                }
                double[] masked = truth.clone();
                if (f32) {
                    for (int i = 0; i < masked.length; i++) {
                        if (!use32[i]) {
                            masked[i] = Double.NaN;
                        }
                    }
                }
                double[][] v = em.bin(in.p0(), in.p1(), in.x(), cdf, q, e.getValue(), masked, floors.get(gradOp));
                String f = "errors-" + d.id() + "-" + who.replace(' ', '-') + ".png";
                Charts.errorMap(dir.resolve(f), d.id() + " " + gradOp.column() + ": " + who, em.xTitle(), em.yTitle(), em.xLabels(),
                        em.yLabels(), v);
                plots.add(f);
            }
        }

    }

    /**
     * Dirichlet (K = 3): no CDF of its own; its gradients go through the Gamma representation
     * (dz_i/dalpha_j = (delta_ij - z_i)(dg_j/dalpha_j)/S), so their accuracy is that of Gamma's grad_alpha.
     * Measured here: the fused rsample (samples and dz_i/dalpha_i) in rows per second, one thread,
     * against PyTorch's _sample_dirichlet followed by _dirichlet_grad on the same concentrations.
     */
    private Map<String, Object> dirichlet(Mode mode, List<Backend> backends, Peer peer, List<String[]> table1,
            List<String[]> speedRows, List<String> notes) throws IOException {
        Map<String, Object> j = new LinkedHashMap<>();
        int k = Domains.DIRICHLET_K;
        int rows = Math.max(MIN_BENCH_N, Math.min(mode.largeN / k, 200_000));
        double[] alpha = Domains.dirichletAlpha(rows, k, seed);
        Map<String, Double> rate = new LinkedHashMap<>();
        for (Backend b : backends) {
            for (Precision pr : Precision.values()) {
                String key = b.id() + " " + id(pr);
                progress.show("dirichlet: rsample throughput, " + key);
                try {
                    dev.irg.Sampling s = Irg.using(b).threads(1).sampling();
                    dev.irg.Vec a;
                    dev.irg.Vec z;
                    dev.irg.Vec g;
                    if (pr == Precision.F64) {
                        a = dev.irg.Vec.of(alpha);
                        z = dev.irg.Vec.of(new double[alpha.length]);
                        g = dev.irg.Vec.of(new double[alpha.length]);
                    } else {
                        a = dev.irg.Vec.of(Evaluation.toFloat(alpha));
                        z = dev.irg.Vec.of(new float[alpha.length]);
                        g = dev.irg.Vec.of(new float[alpha.length]);
                    }
                    double sec = Timing.medianSeconds(() -> s.dirichletRsample(seed, k, a, z, g, null), mode.reps, mode.warmupNanos,
                            mode.maxWarmupNanos);
                    rate.put(key, rows / sec);
                    speedRows.add(new String[] {"dirichlet K=" + k + " rsample", b.id(), id(pr), Integer.toString(rows), m(rows / sec), "", "1"});
                    j.put(key, Map.of("rows", rows, "rows_per_s_1_thread", rows / sec));
                } catch (RuntimeException ex) {
                    boolean missing = ex instanceof UnsupportedOperationException;
                    speedRows.add(new String[] {"dirichlet K=" + k + " rsample", b.id(), id(pr), "-",
                        missing ? "not implemented" : "failed: " + ex.getMessage(), "", ""});
                    j.put(key, Map.of("error", String.valueOf(ex.getMessage())));
                }
            }
        }
        Map<String, Double> peerRate = new LinkedHashMap<>();
        if (peer != null && peer.available()) {
            List<String> header = new ArrayList<>();
            double[][] cols = new double[k][rows];
            for (int c = 0; c < k; c++) {
                header.add("alpha" + (c + 1));
                for (int r = 0; r < rows; r++) {
                    cols[c][r] = alpha[r * k + c];
                }
            }
            for (Precision pr : Precision.values()) {
                progress.show("dirichlet: rsample throughput, PyTorch " + id(pr));
                try {
                    Path f = tmp.resolve("dirichlet.csv");
                    try (var w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                        Csv.write(w, header, cols, pr);
                    }
                    double r = peer.throughputOf("dirichlet", pr, f);
                    peerRate.put(id(pr), r);
                    speedRows.add(new String[] {"dirichlet K=" + k + " rsample", "PyTorch " + peer.version(), id(pr),
                        Integer.toString(rows), m(r), "", "1"});
                    j.put("pytorch " + id(pr), Map.of("rows", rows, "rows_per_s_1_thread", r, "rows_per_s_runs", peer.lastRuns()));
                } catch (IOException | RuntimeException ex) {
                    notes.add("dirichlet: PyTorch " + id(pr) + " failed: " + ex.getMessage());
                }
            }
        }
        for (Precision pr : Precision.values()) {
            String b = fastest(rate, id(pr));
            if (b == null) {
                continue;
            }
            Double p = peerRate.get(id(pr));
            double r = rate.get(b + " " + id(pr));
            table1.add(new String[] {"dirichlet (K=" + k + ", rows)", "rsample z + dz_i/dalpha_i", id(pr), b,
                "as gamma grad_alpha", m(r), "-", "-", p == null ? "-" : m(p),
                p == null ? "-" : String.format(Locale.ROOT, "%.3g×", r / p)});
        }
        notes.add("dirichlet: rows of K=" + k + " with concentrations log-uniform in [" + Domains.DIRICHLET_ALPHA_MIN + ", "
                + Domains.DIRICHLET_ALPHA_MAX + "]; irg's fused rsample against PyTorch's _sample_dirichlet + _dirichlet_grad; "
                + "the gradients' accuracy is that of the Gamma gradient through z_i = g_i / S");
        return j;
    }

    /** Error statistics of one column per golden table (the tables are the generator's regions). */
    private static List<String[]> byTable(Distribution d, String who, Precision pr, Op op, double[] got, double[] truth,
            boolean[] use, double[] floor, String[] tableOf) {
        List<String[]> rows = new ArrayList<>();
        for (String t : new java.util.LinkedHashSet<>(List.of(tableOf))) {
            boolean[] in = new boolean[got.length];
            for (int i = 0; i < in.length; i++) {
                in[i] = tableOf[i].equals(t) && (use == null || use[i]);
            }
            ErrorStats s = ErrorStats.of(got, truth, in, floor);
            rows.add(new String[] {d.id(), t, who, id(pr), op.column(), Integer.toString(s.n()), e(s.max()), e(s.p99()),
                e(s.median()), Integer.toString(s.failures())});
        }
        return rows;
    }

    /** The irg backend with the highest one-thread rate among the entries "backend precision" of {@code rates}, or null. */
    private static String fastest(Map<String, Double> rates, String precision) {
        String b = null;
        double r = -1;
        for (var e : rates.entrySet()) {
            if (e.getKey().endsWith(" " + precision) && e.getValue() > r) {
                r = e.getValue();
                b = e.getKey().substring(0, e.getKey().length() - precision.length() - 1);
            }
        }
        return b;
    }

    /** The best irg backend with an entry "backend precision" (or "irg backend precision") in {@code m}: cuda, then simd, then scalar. */
    private static String best(Map<String, ?> m, String precision) {
        for (Backend b : List.of(Backend.CUDA, Backend.SIMD, Backend.SCALAR)) {
            String k = b.id() + " " + precision;
            if (m.containsKey(k) || m.containsKey("irg " + k)) {
                return b.id();
            }
        }
        return null;
    }

    /** A batch whose one run takes about the mode's repetition time, between MIN_BENCH_N and the mode's largest batch. */
    private static int batchFor(Irg irg, Distribution d, Precision pr, Mode mode) {
        // a warm probe: a cold one (interpreted code) would underestimate the rate and pick too small a batch
        int n0 = PROBE_N;
        Inputs probe = Domains.random(d, n0, 99, pr);
        List<Op> gops = Quantity.GRAD.ops(d, probe.hasP1());
        double rate = BenchCommand.measure(irg, probe, gops, 1, mode.warmupNanos, mode.maxWarmupNanos).elementsPerSecond();
        long n = (long) (rate * mode.repSeconds);
        return (int) Math.max(MIN_BENCH_N, Math.min(mode.largeN, n));
    }

    // ---------------------------------------------------------------- output

    private static Map<String, Object> stats(ErrorStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", s.n());
        m.put("max", s.max());
        m.put("p99", s.p99());
        m.put("median", s.median());
        m.put("failures", s.failures());
        return m;
    }

    private static String statCell(Object o) {
        if (!(o instanceof Map<?, ?> m) || !m.containsKey("max")) {
            return "-";
        }
        return e((Double) m.get("max")) + " / " + e((Double) m.get("median"));
    }

    private static String markdown(Mode mode, Peer peer, List<Backend> backends, List<String[]> table1, List<String[]> accRows,
            List<String[]> regionRows, List<String[]> speedRows, List<String> plots, List<String> notes, double seconds) {
        StringBuilder sb = new StringBuilder();
        sb.append("# irg report\n\n");
        sb.append(String.format(Locale.ROOT, "Machine: %s, %d CPUs; %s; vectors %s. Backends run: %s. Mode: %s (%.0f s). "
                + "Made by `./irg report%s`.%n%n", MachineInfo.cpuModel(), MachineInfo.cpus(), MachineInfo.java(),
                MachineInfo.vectorShape(), String.join(", ", backends.stream().map(Backend::id).toList()),
                mode.name().toLowerCase(Locale.ROOT), seconds, mode == Mode.DEFAULT ? "" : " --" + mode.name().toLowerCase(Locale.ROOT)));
        sb.append("Peer: ").append(peer == null ? "skipped (--no-peer)" : peer.available() ? "PyTorch " + peer.version()
                + " CPU (`bench/peers/torch_peer.py`), one thread" : peer.whyNot()).append(".\n\n");
        sb.append("## Gradient error and speed (in the spirit of Table 1 of Figurnov et al. 2018)\n\n");
        sb.append("Relative error max / median against the golden sample; throughput in million elements per second "
                + "(all gradient columns of an element), random valid inputs over the whole domain.\n\n");
        table(sb, new String[] {"distribution", "gradient", "precision", "irg backend", "irg error max / median",
            "irg M/s 1 thread", "irg M/s all threads", "PyTorch error max / median", "PyTorch M/s 1 thread", "ratio per thread"}, table1);
        sb.append("\n## Accuracy per backend and precision\n\n");
        sb.append("float64 against the 40-digit golden values; float32 against the float64 reference at the float-rounded inputs, "
                + "rows whose value is a normal float. Relative error |got − ref| / |ref|; failures = NaN/∞ where the reference is finite.\n\n");
        table(sb, new String[] {"distribution", "backend", "precision", "column", "rows", "max", "p99", "median", "failures"}, accRows);
        sb.append("\n## Gradient accuracy per golden table (region)\n\n");
        sb.append("The first gradient of each distribution, for the backend of the table above and the peer, per golden table "
                + "(the generator's regions and hard cases; see docs/golden.md).\n\n");
        table(sb, new String[] {"distribution", "table", "who", "precision", "column", "rows", "max", "p99", "median", "failures"},
                regionRows);
        sb.append("\n## Throughput of the gradients\n\n");
        sb.append("Median of timed repetitions after warm-up, in million elements per second.\n\n");
        table(sb, new String[] {"distribution", "backend", "precision", "batch", "M/s 1 thread", "M/s all threads", "threads"}, speedRows);
        if (!plots.isEmpty()) {
            sb.append("\n## Plots\n\n");
            for (String p : plots) {
                sb.append("![").append(p).append("](").append(p).append(")\n");
            }
        }
        if (!notes.isEmpty()) {
            sb.append("\n## Notes\n\n");
            for (String n : notes) {
                sb.append("- ").append(n).append('\n');
            }
        }
        return sb.toString();
    }

    private static void table(StringBuilder sb, String[] header, List<String[]> rows) {
        sb.append("| ").append(String.join(" | ", header)).append(" |\n|");
        sb.append("---|".repeat(header.length)).append('\n');
        for (String[] r : rows) {
            sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
    }

    private static String e(double v) {
        return Double.isNaN(v) ? "-" : Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.2g", v);
    }

    private static String m(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.3g", v / 1e6);
    }

    private static String id(Precision p) {
        return p.name().toLowerCase(Locale.ROOT);
    }

    private static void deleteTree(Path p) {
        if (p == null) {
            return;
        }
        try (var s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // temporary files only
        }
    }

    /** One progress line on stderr, rewritten in place. */
    static final class Progress {
        private final PrintStream err;
        private final long start = System.nanoTime();
        private int width;

        Progress(PrintStream err) {
            this.err = err;
        }

        void show(String what) {
            String line = String.format(Locale.ROOT, "irg report [%3.0f s] %s", (System.nanoTime() - start) * 1e-9, what);
            err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            err.flush();
            width = line.length();
        }

        void done() {
            if (width > 0) {
                err.print("\r" + " ".repeat(width) + "\r");
                err.flush();
                width = 0;
            }
        }
    }
}
