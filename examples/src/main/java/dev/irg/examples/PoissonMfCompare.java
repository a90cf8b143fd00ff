package dev.irg.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * poisson-mf on the GPU and on the CPU, same data, seed and steps: the step times of both and how far
 * the two curves are apart ({@link CurveDiff}). The GPU bundle runs it (scripts/gpu-bundle.sh) at the
 * large size; it trains exactly as {@code irg example poisson-mf --backend cuda} and {@code --backend cpu}
 * do (the same {@link PoissonMF#fit}), without the plots (the bundle's runtime has no java.desktop).
 *
 * <pre>
 * java ... dev.irg.examples.PoissonMfCompare [--size small|medium|large] [--steps N] [--seed S] [--out DIR]
 * </pre>
 * Writes DIR/poisson-mf-gpu.md (the table; also on stdout) and DIR/poisson-mf-curves.csv (step, ELBO per
 * entry on the CPU and on the GPU). Exit status 0 when the curves agree within {@link CurveDiff#TOLERANCE},
 * 1 when they do not, 2 for bad arguments, 3 when the GPU could not be used (the reason printed and written).
 */
public final class PoissonMfCompare {
    private PoissonMfCompare() {
    }

    public static void main(String[] args) throws IOException {
        Size size = Size.LARGE;
        Integer steps = null;
        long seed = Examples.DEFAULT_SEED;
        Path out = Path.of("target", "examples", "poisson-mf-gpu");
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--size" -> size = Size.parse(args[++i]);
                    case "--steps" -> steps = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("PoissonMfCompare: " + e.getMessage()
                    + "; usage: PoissonMfCompare [--size small|medium|large] [--steps N] [--seed S] [--out DIR]");
            System.exit(2);
        }
        CudaMfDevice.Result gpu = CudaMfDevice.open();
        System.exit(run(size, steps, seed, out, System.out, gpu.device(), gpu.why()));
    }

    /**
     * Runs both, writes the files, returns the exit status: the GPU engine on {@code device} (closed at
     * the end), or when it is null, nothing but "not run: {@code why}".
     */
    static int run(Size size, Integer steps, long seed, Path out, PrintStream stdout, MfDevice device, String why) throws IOException {
        Files.createDirectories(out);
        PoissonMF.Dims d0 = PoissonMF.dims(size);
        PoissonMF.Dims dm = steps == null ? d0 : new PoissonMF.Dims(d0.rows(), d0.cols(), d0.k(), steps, d0.lr());
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Config cuda = new Config(size, out, seed, dev.irg.Backend.AUTO, Config.Engine.CUDA, quiet, stdout);
        Config cpu = cuda.withEngine(dev.irg.Backend.AUTO, Config.Engine.CPU);
        PoissonMF mf = new PoissonMF();
        String title = String.format(Locale.ROOT, "poisson-mf on GPU and CPU (%s: %d x %d, K = %d; %d steps; seed %d)",
                size.id(), dm.rows(), dm.cols(), dm.k(), dm.steps(), seed);
        if (device == null) {
            String md = "## " + title + "\n\nnot run: " + why + "\n";
            Files.writeString(out.resolve("poisson-mf-gpu.md"), md);
            stdout.print(md);
            return 3;
        }
        Progress pg = new Progress(System.err, "poisson-mf (gpu)");
        PoissonMF.Run g = mf.fit(cuda, dm, pg, device);
        pg.done();
        Progress pc = new Progress(System.err, "poisson-mf (cpu)");
        PoissonMF.Run c = mf.fit(cpu, dm, pc);
        pc.done();
        CurveDiff diff = CurveDiff.of(c.fit(), g.fit());
        Table t = new Table("quantity", "CPU", "GPU");
        t.row("engine", c.fit().engine(), g.fit().engine());
        t.row("Gamma rsample", c.fit().sampler(), g.fit().sampler());
        t.row("seconds per step (all steps)", c.fit().secondsPerStep(), g.fit().secondsPerStep());
        t.row("seconds per step (second half)", c.fit().steadySecondsPerStep(), g.fit().steadySecondsPerStep());
        t.row("GPU speed-up (second half)", "", c.fit().steadySecondsPerStep() / g.fit().steadySecondsPerStep());
        t.row("ELBO per entry, first step", c.fit().elbo().get(0)[1], g.fit().elbo().get(0)[1]);
        t.row("ELBO per entry, last step", diff.lastA(), diff.lastB());
        t.row("held-out log-lik per entry, last", last(c.fit()), last(g.fit()));
        t.row("first ELBO, relative difference", "", diff.firstRel());
        t.row("max abs ELBO difference per entry, all steps", "", diff.maxAbs());
        t.row("final parameters, max relative difference", "", diff.paramsMaxRel());
        boolean same = diff.maxAbs() <= CurveDiff.TOLERANCE;
        String md = "## " + title + "\n\n" + t.markdown() + "\nCurves " + (same ? "agree" : "DIFFER")
                + String.format(Locale.ROOT, " (max ELBO difference %.3g per entry; tolerance %.0e).%n", diff.maxAbs(), CurveDiff.TOLERANCE);
        Files.writeString(out.resolve("poisson-mf-gpu.md"), md);
        StringBuilder csv = new StringBuilder("step,elbo_cpu,elbo_gpu\n");
        for (int i = 0; i < dm.steps(); i++) {
            csv.append(i + 1).append(',').append(c.fit().elbo().get(i)[1]).append(',').append(g.fit().elbo().get(i)[1]).append('\n');
        }
        Files.writeString(out.resolve("poisson-mf-curves.csv"), csv);
        stdout.print(md);
        return same ? 0 : 1;
    }

    private static double last(PoissonMF.Fit f) {
        return f.heldOut().get(f.heldOut().size() - 1)[1];
    }
}
