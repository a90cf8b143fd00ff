package dev.irg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Vec;
import dev.irg.math.Reference;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link Main} in-process with captured streams. */
class MainTest {

    record Run(int rc, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Run run(String stdin, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int rc = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The end-to-end tests need the reference of the op they run (numerics land on their own branches). */
    static void assumeImplemented(Op op) {
        try {
            Reference.eval(op, 1.5, op.distribution().param1Default() == 0 ? 0 : 1.5, 0.5);
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, op + " has no reference implementation on this branch yet");
        }
    }

    @Test
    void infoListsEveryBackendWithItsStatus() {
        Run r = run("", "info");
        assertEquals(0, r.rc(), r.err());
        for (Backend b : List.of(Backend.SCALAR, Backend.SIMD, Backend.CUDA)) {
            assertTrue(r.out().lines().anyMatch(l -> l.strip().startsWith(b.id() + " ")
                    && (l.contains("available") || l.contains("unavailable"))), "no line for " + b.id() + ":\n" + r.out());
        }
        assertTrue(r.out().contains("scalar  available"), r.out());
        assertTrue(r.out().contains("vector:"), r.out());
    }

    @Test
    void helpAndUnknownCommand() {
        assertEquals(0, run("", "--help").rc());
        Run bad = run("", "frobnicate");
        assertEquals(Main.EXIT_USAGE, bad.rc());
        assertTrue(bad.err().contains("frobnicate"), bad.err());
    }

    @Test
    void evalGammaAllColumnsInOrderAndValues() {
        assumeImplemented(Op.GAMMA_GRAD_ALPHA);
        // extra column ignored, columns in any order; alpha = 1 is the exponential: P = 1 - e^-x
        Run r = run("x,note,alpha\n2,first,1\n0.5,second,1\n", "eval", "--dist", "gamma");
        assertEquals(0, r.rc(), r.err());
        List<String> lines = r.lines();
        assertEquals("cdf,dcdf_dalpha,grad_alpha", lines.get(0));
        assertEquals(3, lines.size());
        String[] f = lines.get(1).split(",");
        assertEquals(-Math.expm1(-2), Double.parseDouble(f[0]), 1e-15);
        assertEquals(-Math.expm1(-0.5), Double.parseDouble(lines.get(2).split(",")[0]), 1e-15);
        assertTrue(Double.parseDouble(f[2]) > 0, "dz/dalpha > 0");
        assertEquals("", r.err());
    }

    @Test
    void evalGammaWithRateAddsGradRate() {
        assumeImplemented(Op.GAMMA_GRAD_ALPHA);
        Run r = run("alpha,x,rate\n2,3,4\n", "eval", "--dist", "gamma", "--quantity", "grad");
        assertEquals(0, r.rc(), r.err());
        assertEquals("grad_alpha,grad_rate", r.lines().get(0));
        assertEquals(-3.0 / 4.0, Double.parseDouble(r.lines().get(1).split(",")[1]), 0);
    }

    @Test
    void evalValuesRoundTripToTheApiResultF64() {
        assumeImplemented(Op.GAMMA_DCDF_DALPHA);
        double[] alpha = {0.37, 2.5, 41.0, 1e-3};
        double[] x = {0.11, 1.7, 39.5, 1e-5};
        StringBuilder csv = new StringBuilder("alpha,x\n");
        for (int i = 0; i < x.length; i++) {
            csv.append(alpha[i]).append(',').append(x[i]).append('\n');
        }
        Run r = run(csv.toString(), "eval", "--dist", "gamma", "--quantity", "dcdf", "--backend", "scalar");
        assertEquals(0, r.rc(), r.err());
        assertEquals("dcdf_dalpha", r.lines().get(0));
        double[] expect = new double[x.length];
        Irg.using(Backend.SCALAR).gamma().dcdfDalpha(alpha, x, expect);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToLongBits(expect[i]), Double.doubleToLongBits(Double.parseDouble(r.lines().get(i + 1))),
                    "row " + i);
        }
    }

    /**
     * Beta's gradient columns come from one pair call (BetaOps.grad) and its derivative columns from BetaOps.dcdf, on
     * the SIMD backend as on the scalar one: bit for bit the API's pair results; `bench` times the two gradients as one
     * call (its line names both), Gamma's two gradient columns one by one.
     */
    @Test
    void betaColumnsComeFromThePairCallsAndBenchTimesThePair() {
        double[] a = {2.5, 0.5, 300.0, 4000.0, 1e-3};
        double[] b = {3.0, 0.5, 250.0, 9000.0, 12.0};
        double[] x = {0.4, 1e-9, 0.55, 0.3, 0.7};
        StringBuilder csv = new StringBuilder("a,b,x\n");
        for (int i = 0; i < x.length; i++) {
            csv.append(a[i]).append(',').append(b[i]).append(',').append(x[i]).append('\n');
        }
        for (Backend backend : new Backend[] {Backend.SCALAR, Backend.SIMD}) {
            if (Irg.backends().stream().noneMatch(i -> i.backend() == backend && i.available())) {
                continue;
            }
            Run r = run(csv.toString(), "eval", "--dist", "beta", "--quantity", "all", "--backend", backend.id());
            assertEquals(0, r.rc(), r.err());
            assertEquals("cdf,dcdf_da,dcdf_db,grad_a,grad_b", r.lines().get(0));
            double[] da = new double[x.length];
            double[] db = new double[x.length];
            double[] ga = new double[x.length];
            double[] gb = new double[x.length];
            Irg irg = Irg.using(backend);
            irg.beta().dcdf(a, b, x, da, db);
            irg.beta().grad(a, b, x, ga, gb);
            for (int i = 0; i < x.length; i++) {
                String[] f = r.lines().get(i + 1).split(",");
                double[] want = {da[i], db[i], ga[i], gb[i]};
                for (int c = 0; c < 4; c++) {
                    assertEquals(Double.doubleToLongBits(want[c]), Double.doubleToLongBits(Double.parseDouble(f[c + 1])),
                            backend + " row " + i + " column " + (c + 1));
                }
            }
        }
        Run beta = run("", "bench", "--dist", "beta", "--quantity", "grad", "--n", "2000", "--reps", "1", "--backend", "scalar");
        assertEquals(0, beta.rc(), beta.err());
        assertTrue(beta.out().contains("grad_a+grad_b"), beta.out());
        Run gamma = run("", "bench", "--dist", "gamma", "--quantity", "all", "--n", "2000", "--reps", "1", "--backend", "scalar");
        assertEquals(0, gamma.rc(), gamma.err());
        assertTrue(gamma.out().contains("grad_alpha ") && !gamma.out().contains("grad_alpha+"), gamma.out());
    }

    @Test
    void evalF32ValuesRoundTripToTheFloatApiResult() {
        assumeImplemented(Op.GAMMA_GRAD_ALPHA);
        // inputs with more digits than a float holds: the CLI must round them to float once, like the API caller
        String csv = "alpha,x\n0.3333333333333333,0.1234567890123\n7.123456789,6.987654321\n";
        Run r = run(csv, "eval", "--dist", "gamma", "--quantity", "grad", "--precision", "f32");
        assertEquals(0, r.rc(), r.err());
        float[] a = {Float.parseFloat("0.3333333333333333"), Float.parseFloat("7.123456789")};
        float[] x = {Float.parseFloat("0.1234567890123"), Float.parseFloat("6.987654321")};
        float[] g = new float[2];
        Irg.using(Backend.AUTO).evaluate(Op.GAMMA_GRAD_ALPHA, Vec.of(a), Vec.scalar(1.0), Vec.of(x), Vec.of(g));
        for (int i = 0; i < 2; i++) {
            String text = r.lines().get(i + 1);
            assertEquals(Float.floatToIntBits(g[i]), Float.floatToIntBits(Float.parseFloat(text)), "row " + i + ": " + text);
            assertEquals(Float.toString(g[i]), text, "shortest float representation");
        }
    }

    @Test
    void outOfDomainRowsGiveNaNAndACountExitZero() {
        assumeImplemented(Op.GAMMA_CDF);
        Run r = run("alpha,x\n1,1\n-1,1\n2,NaN\n3,-0.5\n", "eval", "--dist", "gamma", "--quantity", "cdf");
        assertEquals(0, r.rc(), r.err());
        assertEquals(List.of("cdf", "NaN", "NaN", "NaN"), List.of(r.lines().get(0), r.lines().get(2), r.lines().get(3),
                r.lines().get(4)));
        assertEquals(-Math.expm1(-1), Double.parseDouble(r.lines().get(1)), 1e-15);
        assertTrue(r.err().contains("3 of 4 rows gave NaN"), r.err());
    }

    @Test
    void malformedInputNamesTheLineExitTwo() {
        Run r = run("# provenance\nalpha,x\n1,2\n1,abc\n", "eval", "--dist", "gamma");
        assertEquals(Main.EXIT_USAGE, r.rc());
        assertTrue(r.err().contains("line 4"), r.err());
        assertTrue(r.err().contains("abc"), r.err());
        assertEquals("", r.out(), "nothing written for a malformed file");

        Run missing = run("alpha,y\n1,2\n", "eval", "--dist", "gamma");
        assertEquals(Main.EXIT_USAGE, missing.rc());
        assertTrue(missing.err().contains("missing column 'x'"), missing.err());

        Run shortRow = run("alpha,x\n1\n", "eval", "--dist", "gamma");
        assertEquals(Main.EXIT_USAGE, shortRow.rc());
        assertTrue(shortRow.err().contains("line 2"), shortRow.err());

        Run betaNoB = run("a,x\n1,0.5\n", "eval", "--dist", "beta");
        assertEquals(Main.EXIT_USAGE, betaNoB.rc());
        assertTrue(betaNoB.err().contains("missing column 'b'"), betaNoB.err());

        Run badOption = run("alpha,x\n1,2\n", "eval", "--dist", "poisson");
        assertEquals(Main.EXIT_USAGE, badOption.rc());
    }

    @Test
    void evalFromFileToFile(@TempDir Path dir) throws Exception {
        assumeImplemented(Op.GAMMA_CDF);
        Path in = dir.resolve("in.csv");
        Path out = dir.resolve("out.csv");
        Files.writeString(in, "alpha,x\n1,2\n");
        Run r = run("", "eval", "--dist", "gamma", "--quantity", "cdf", "--in", in.toString(), "--out", out.toString());
        assertEquals(0, r.rc(), r.err());
        assertEquals("", r.out());
        List<String> lines = Files.readAllLines(out);
        assertEquals("cdf", lines.get(0));
        assertEquals(-Math.expm1(-2), Double.parseDouble(lines.get(1)), 1e-15);

        Run none = run("", "eval", "--dist", "gamma", "--in", dir.resolve("absent.csv").toString());
        assertEquals(Main.EXIT_USAGE, none.rc());
        assertTrue(none.err().contains("no such file"), none.err());
    }

    @Test
    void unavailableBackendIsAOneLineFailure() {
        var cuda = Irg.backends().stream().filter(b -> b.backend() == Backend.CUDA).findFirst().orElseThrow();
        assumeTrue(!cuda.available(), "CUDA is available here");
        Run r = run("alpha,x\n1,2\n", "eval", "--dist", "gamma", "--backend", "cuda");
        assertEquals(Main.EXIT_FAILURE, r.rc());
        assertTrue(r.err().startsWith("irg: backend cuda is unavailable"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void benchPrintsElementsPerSecondOnItsLastLine(@TempDir Path dir) throws Exception {
        assumeImplemented(Op.GAMMA_GRAD_ALPHA);
        Path inputs = dir.resolve("inputs.csv");
        Run r = run("", "bench", "--dist", "gamma", "--quantity", "grad", "--n", "2000", "--reps", "3",
                "--backend", "scalar", "--write-inputs", inputs.toString());
        assertEquals(0, r.rc(), r.err());
        List<String> lines = r.lines();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.matches("[0-9.]+(e[+-]?[0-9]+)? elements/s"), last);
        assertTrue(Double.parseDouble(last.split(" ")[0]) > 0, last);
        // the written inputs feed bench --in (and the PyTorch peer script)
        List<String> written = Files.readAllLines(inputs);
        assertEquals("alpha,x", written.get(0));
        assertEquals(2001, written.size());
        Run again = run("", "bench", "--dist", "gamma", "--n", "500", "--reps", "1", "--backend", "scalar", "--in",
                inputs.toString());
        assertEquals(0, again.rc(), again.err());
        assertTrue(again.out().contains("n=500"), again.out());
    }

    @Test
    void benchRejectsBadSizes() {
        assertEquals(Main.EXIT_USAGE, run("", "bench", "--dist", "gamma", "--n", "0").rc());
        assertEquals(Main.EXIT_USAGE, run("", "bench", "--dist", "gamma", "--threads", "0").rc());
    }

    @Test
    void reportWritesMarkdownJsonAndPlots(@TempDir Path dir) throws Exception {
        Run r = run("", "report", "--quick", "--no-peer", "--out", dir.toString());
        assertEquals(0, r.rc(), r.err());
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.startsWith("# irg report"), md);
        assertTrue(md.contains("| distribution | backend | precision | column |"), md);
        assertEquals(md, r.out(), "the report is printed too");
        String json = Files.readString(dir.resolve("report.json"));
        assertTrue(json.contains("\"distributions\""), json);
        for (var d : dev.irg.Distribution.values()) {
            assertTrue(json.contains("\"distribution\": \"" + d.id() + "\""), d.id());
        }
        assertTrue(r.err().contains("irg report: wrote"), r.err());
        // plots exist for every distribution whose gradient runs on this branch
        for (var d : dev.irg.Distribution.values()) {
            Op grad = Quantity.GRAD.ops(d, false).get(0);
            boolean runs;
            try {
                Reference.eval(grad, 1.5, 1.5, 0.5);
                runs = true;
            } catch (UnsupportedOperationException e) {
                runs = false;
            }
            assertEquals(runs, Files.exists(dir.resolve("throughput-" + d.id() + ".png")), d.id());
        }
        assertEquals(Main.EXIT_USAGE, run("", "report", "--quick", "--full").rc());
    }

    @Test
    void calibrateMeasuresOrSaysThereIsNothingToCalibrate(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("cal.properties");
        Run r = run("", "calibrate", "--quick", "--file", f.toString());
        assertEquals(0, r.rc(), r.err());
        boolean simd = Irg.backends().stream().anyMatch(b -> b.backend() == Backend.SIMD && b.available());
        boolean simdGrad = simd && Common.supports(Irg.using(Backend.SIMD), Op.GAMMA_GRAD_ALPHA, dev.irg.Precision.F64);
        if (simdGrad) {
            assertTrue(Files.readString(f).contains("simd.auto_threshold="), r.out());
        } else if (simd) {
            assertTrue(r.err().contains("does not implement"), r.err());
        } else {
            assertTrue(r.out().contains("nothing to calibrate"), r.out());
            assertTrue(!Files.exists(f));
        }
    }

    @Test
    void sampleWritesReproducibleSamplesAndGradients() {
        Run beta = run("", "sample", "--dist", "beta", "--a", "0.5", "--b", "2", "--n", "200", "--seed", "11", "--grad");
        assertEquals(0, beta.rc(), beta.err());
        assertEquals("z,grad_a,grad_b", beta.lines().get(0));
        assertEquals(201, beta.lines().size());
        for (String l : beta.lines().subList(1, 201)) {
            String[] f = l.split(",");
            double z = Double.parseDouble(f[0]);
            assertTrue(z >= 0 && z <= 1, l);
            assertTrue(Double.parseDouble(f[1]) >= 0 && Double.parseDouble(f[2]) <= 0, "dz/da > 0, dz/db < 0: " + l);
        }
        // same seed: the same samples bit for bit; gradients within the SIMD kernels' equivalence bound
        // (not bit for bit across calls: Vector API transcendentals round differently interpreted and
        // compiled, docs/sampling.md)
        List<String> again = run("", "sample", "--dist", "beta", "--a", "0.5", "--b", "2", "--n", "200", "--seed", "11",
                "--grad").lines();
        assertEquals(beta.lines().size(), again.size());
        for (int i = 1; i < again.size(); i++) {
            String[] x = beta.lines().get(i).split(",");
            String[] y = again.get(i).split(",");
            assertEquals(x[0], y[0], "same seed, same samples (line " + i + ")");
            for (int c = 1; c < 3; c++) {
                double u = Double.parseDouble(x[c]);
                double v = Double.parseDouble(y[c]);
                assertTrue(Math.abs(u - v) <= 1e-12 * Math.abs(u), "gradient at line " + i + ": " + u + " vs " + v);
            }
        }
        // without --grad: the same samples (rsample draws the same z)
        Run plain = run("", "sample", "--dist", "beta", "--a", "0.5", "--b", "2", "--n", "200", "--seed", "11");
        assertEquals("z", plain.lines().get(0));
        assertEquals(beta.lines().get(7).split(",")[0], plain.lines().get(7));

        Run vm = run("", "sample", "--dist", "vonmises", "--kappa", "4", "--loc", "1", "--n", "20", "--seed", "3", "--grad");
        assertEquals(0, vm.rc(), vm.err());
        assertEquals("z,grad_kappa", vm.lines().get(0));
        for (String l : vm.lines().subList(1, 21)) {
            String[] f = l.split(",");
            double u = Double.parseDouble(f[0]) - 1;
            assertTrue(u * Double.parseDouble(f[1]) <= 0, "dz/dkappa has the sign of -(z - loc): " + l);
        }

        Run dir = run("", "sample", "--dist", "dirichlet", "--alpha", "0.5,1,3", "--n", "30", "--seed", "9");
        assertEquals(0, dir.rc(), dir.err());
        assertEquals("z1,z2,z3", dir.lines().get(0));
        for (String l : dir.lines().subList(1, 31)) {
            String[] f = l.split(",");
            assertEquals(1.0, Double.parseDouble(f[0]) + Double.parseDouble(f[1]) + Double.parseDouble(f[2]), 1e-12, l);
        }

        assertEquals(Main.EXIT_USAGE, run("", "sample", "--dist", "beta", "--a", "1", "--n", "3", "--seed", "1").rc());
        assertEquals(Main.EXIT_USAGE, run("", "sample", "--dist", "dirichlet", "--alpha", "2", "--n", "3", "--seed", "1").rc());
        assertEquals(Main.EXIT_USAGE, run("", "sample", "--dist", "poisson", "--n", "3", "--seed", "1").rc());
    }

    @Test
    void sampleGammaWithGradients() {
        assumeImplemented(Op.GAMMA_GRAD_ALPHA);
        Run gamma = run("", "sample", "--dist", "gamma", "--alpha", "3", "--rate", "2", "--n", "50", "--seed", "5", "--grad",
                "--precision", "f32");
        assertEquals(0, gamma.rc(), gamma.err());
        assertEquals("z,grad_alpha,grad_rate", gamma.lines().get(0));
        for (String l : gamma.lines().subList(1, 51)) {
            String[] f = l.split(",");
            float z = Float.parseFloat(f[0]);
            assertEquals(-z / 2f, Float.parseFloat(f[2]), Math.ulp(z), "dz/drate = -z/rate: " + l);
        }
        Run dir = run("", "sample", "--dist", "dirichlet", "--alpha", "0.5,1,3", "--n", "30", "--seed", "9", "--grad");
        assertEquals(0, dir.rc(), dir.err());
        assertEquals("z1,z2,z3,grad1,grad2,grad3", dir.lines().get(0));
        for (String l : dir.lines().subList(1, 31)) {
            String[] f = l.split(",");
            for (int j = 3; j < 6; j++) {
                assertTrue(Double.parseDouble(f[j]) >= 0, "dz_i/dalpha_i = (1 - z_i) (dg_i/dalpha_i) / S >= 0: " + l);
            }
        }
    }
}
