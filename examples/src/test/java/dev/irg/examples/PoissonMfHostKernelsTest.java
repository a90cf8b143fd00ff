package dev.irg.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.cuda.CudaDevice;
import dev.irg.cuda.Toolchain;
import dev.irg.examples.MfDevice.Arg;
import dev.irg.examples.MfDevice.Buf;
import dev.irg.examples.MfDevice.Kernel;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * poisson-mf's CUDA kernels compiled for the host (g++, {@link HostMfDevice}) against the Java CPU
 * implementation: each kernel on random inputs and edge values, then the whole GPU engine
 * ({@link PoissonMfGpu}: its layouts, Dgemm arguments, offsets and order) against {@link PoissonMfCpu}
 * over a full small fit. Runs on every CI run, without a GPU; without a C++ compiler it skips (fails
 * when CI=true).
 */
class PoissonMfHostKernelsTest {
    /** Relative error allowed for one elementwise evaluation: a few ulps (glibc's and Java's exp/log1p/log differ by an ulp). */
    static final double ELEMENT_REL = 1e-14;
    /** digamma/trigamma/log Gamma: the device port agrees with the Java reference to 1e-14 (docs/cuda.md); the KL cancels a little. */
    static final double CHAIN_REL = 1e-12;

    static Config config() {
        PrintStream nul = new PrintStream(OutputStream.nullOutputStream());
        return new Config(Size.SMALL, Path.of("target", "unused"), 11, Backend.SCALAR, Config.Engine.CPU, nul, nul);
    }

    /** max, p99 and median of the relative errors (NaN in the same slots required by the caller). */
    static double[] summary(List<Double> rel) {
        double[] r = rel.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {r[r.length - 1], r[(int) (0.99 * (r.length - 1))], r[(r.length - 1) / 2]};
    }

    static double rel(double got, double want) {
        if (Double.isNaN(want) || Double.isNaN(got)) {
            assertEquals(Double.isNaN(want), Double.isNaN(got), "NaN in one only: got " + got + ", want " + want);
            return 0;
        }
        if (got == want) {
            return 0;
        }
        return Math.abs(got - want) / Math.max(Math.abs(want), Double.MIN_NORMAL);
    }

    static String fmt(String what, double[] s) {
        return String.format(Locale.ROOT, "%s: max %.3g, p99 %.3g, median %.3g relative", what, s[0], s[1], s[2]);
    }

    @Test
    void kernelSignaturesMatchTheCudaSource() throws Exception {
        String cu = Files.readString(Toolchain.root().resolve("examples/src/main/cuda/irg_pmf.cu"));
        Matcher m = Pattern.compile("extern \"C\" __global__ void (\\w+)\\(([^)]*)\\)").matcher(cu);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
            Kernel k = Arrays.stream(Kernel.values()).filter(x -> x.symbol.equals(m.group(1))).findFirst()
                    .orElseThrow(() -> new AssertionError("kernel " + m.group(1) + " of irg_pmf.cu has no MfDevice.Kernel"));
            List<Arg> args = new ArrayList<>();
            for (String p : m.group(2).split(",")) {
                String t = p.trim().replaceAll("\\s+", " ");
                args.add(t.contains("*") ? Arg.PTR : t.startsWith("long long ") ? Arg.I64 : t.startsWith("int ") ? Arg.I32
                        : t.startsWith("double ") ? Arg.F64 : null);
            }
            assertEquals(k.args, args, "signature of " + k.symbol);
        }
        assertEquals(Kernel.values().length, found.size(), "kernels in irg_pmf.cu: " + found);
        List<String> listed = Files.readAllLines(Toolchain.root().resolve("examples/src/main/resources/dev/irg/examples/cuda/kernels.txt"));
        assertEquals(new HashSet<>(found), new HashSet<>(listed), "kernels.txt (the committed PTX) lists other kernels");
    }

    @Test
    void softplusKernelMatchesJava() throws Exception {
        SplittableRandom rnd = new SplittableRandom(1);
        List<Double> u = new ArrayList<>(List.of(0.0, -0.0, 36.0, Math.nextUp(36.0), 35.999, -745.0, -800.0, 700.0, 1e300,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300, -1e-300));
        for (int i = 0; i < 20_000; i++) {
            u.add(rnd.nextDouble(-60, 60));
        }
        double[] x = u.stream().mapToDouble(Double::doubleValue).toArray();
        double[] out = new double[x.length];
        try (HostMfDevice d = new HostMfDevice()) {
            Buf bx = d.doubles(x.length), bo = d.doubles(x.length);
            d.upload(x, bx);
            d.launch(Kernel.SOFTPLUS, 1, (long) x.length, bx, bo, Softplus.LINEAR_ABOVE);
            d.download(bo, out);
        }
        List<Double> rel = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            rel.add(rel(out[i], Softplus.of(x[i])));
        }
        double[] s = summary(rel);
        System.out.println(fmt("pmf_softplus vs Softplus.of, " + x.length + " inputs", s));
        assertTrue(s[0] <= ELEMENT_REL, fmt("softplus", s));
    }

    @Test
    void likelihoodKernelMatchesJava() throws Exception {
        SplittableRandom rnd = new SplittableRandom(2);
        int n = 20_000;
        double[] lambda = new double[n];
        int[] y = new int[n];
        for (int e = 0; e < n; e++) {
            lambda[e] = e % 97 == 0 ? 0 : e % 101 == 0 ? 1e-310 : Math.exp(rnd.nextDouble(-20, 6));
            y[e] = e % 10 == 0 ? -1 : rnd.nextInt(0, 40);
        }
        double[] w = new double[n], partial = new double[1];
        try (HostMfDevice d = new HostMfDevice()) {
            Buf bl = d.doubles(n), by = d.ints(n), bp = d.doubles(1);
            d.upload(lambda, bl);
            d.upload(y, by);
            d.launch(Kernel.LIKELIHOOD, 1, (long) n, bl, by, PoissonMF.MIN_RATE, bp);
            d.download(bl, w);
            d.download(bp, partial);
        }
        // the CPU step's formulas (PoissonMF.elbo), entry by entry
        double sum = 0;
        List<Double> rel = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            if (y[e] < 0) {
                assertEquals(0.0, w[e], "held-out entry " + e + " has W = 0");
                continue;
            }
            double rate = Math.max(PoissonMF.MIN_RATE, lambda[e]);
            sum += (y[e] == 0 ? 0 : y[e] * Math.log(rate)) - rate;
            rel.add(rel(w[e], y[e] / rate - 1));
        }
        double[] s = summary(rel);
        System.out.println(fmt("pmf_likelihood W vs Java", s) + String.format(Locale.ROOT, "; log-likelihood sum rel %.3g",
                rel(partial[0], sum)));
        assertTrue(s[0] <= ELEMENT_REL, fmt("W", s));
        assertTrue(rel(partial[0], sum) <= 1e-13, partial[0] + " vs " + sum);
    }

    @Test
    void chainKernelMatchesJava() throws Exception {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 20_000;
        double[] u = new double[n], v = new double[n], gz = new double[n], da = new double[n], dr = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = i % 499 == 0 ? 40 : rnd.nextDouble(-6, 8);   // shapes from 0.0025 to 8; one above the linear threshold
            v[i] = rnd.nextDouble(-6, 8);
            gz[i] = rnd.nextDouble(-1e3, 1e3);
            da[i] = rnd.nextDouble(-2, 2);
            dr[i] = -rnd.nextDouble(0, 50);
        }
        double[] x = new double[2 * n];
        System.arraycopy(u, 0, x, 0, n);
        System.arraycopy(v, 0, x, n, n);
        double[] g = new double[2 * n], partial = new double[1];
        try (HostMfDevice d = new HostMfDevice()) {
            Buf bx = d.doubles(2 * n), bgz = d.doubles(n), bda = d.doubles(n), bdr = d.doubles(n), bg = d.doubles(2 * n),
                    bp = d.doubles(1);
            d.upload(x, bx);
            d.upload(gz, bgz);
            d.upload(da, bda);
            d.upload(dr, bdr);
            d.launch(Kernel.CHAIN, 1, (long) n, bx, bgz, bda, bdr, bg, PoissonMF.A0, PoissonMF.B0, Softplus.LINEAR_ABOVE, bp);
            d.download(bg, g);
            d.download(bp, partial);
        }
        double[] gu = new double[n], gv = new double[n];
        PoissonMF.chain(gz, da, dr, u, v, gu, gv);
        double kl = 0;
        for (int i = 0; i < n; i++) {
            kl += PoissonMF.kl(Softplus.of(u[i]), Softplus.of(v[i]));
        }
        List<Double> rel = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rel.add(rel(g[i], gu[i]));
            rel.add(rel(g[n + i], gv[i]));
        }
        double[] s = summary(rel);
        System.out.println(fmt("pmf_chain du, dv vs PoissonMF.chain", s) + String.format(Locale.ROOT, "; KL sum rel %.3g",
                rel(partial[0], kl)));
        assertTrue(s[0] <= CHAIN_REL, fmt("chain", s));
        assertTrue(rel(partial[0], kl) <= CHAIN_REL, partial[0] + " vs " + kl);
    }

    @Test
    void adamKernelMatchesJava() throws Exception {
        SplittableRandom rnd = new SplittableRandom(4);
        int n = 5000;
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = rnd.nextDouble(-3, 3);
        }
        double[] javaP = p.clone();
        Adam adam = new Adam(0.1, javaP);
        double[] got = new double[n];
        try (HostMfDevice d = new HostMfDevice()) {
            Buf bx = d.doubles(n), bg = d.doubles(n), bm = d.doubles(n), bv = d.doubles(n);
            d.upload(p, bx);
            d.upload(new double[n], bm);
            d.upload(new double[n], bv);
            for (int t = 1; t <= 6; t++) {
                double[] g = new double[n];
                for (int i = 0; i < n; i++) {
                    g[i] = i % 331 == 0 ? Double.NaN : i % 337 == 0 ? Double.POSITIVE_INFINITY : rnd.nextDouble(-5, 5) * Math.pow(10, t - 3);
                }
                d.upload(g, bg);
                double c1 = 1 - Math.pow(Adam.BETA1, t), c2 = 1 - Math.pow(Adam.BETA2_DEFAULT, t);
                d.launch(Kernel.ADAM, 1, (long) n, bx, bg, bm, bv, 0.1, Adam.BETA1, Adam.BETA2_DEFAULT, Adam.EPS, c1, c2);
                adam.step(new double[][] {javaP}, new double[][] {g});
            }
            d.download(bx, got);
        }
        List<Double> rel = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rel.add(rel(got[i], javaP[i]));
        }
        double[] s = summary(rel);
        System.out.println(fmt("pmf_adam vs Adam.step, 6 steps", s));
        assertTrue(s[0] <= ELEMENT_REL, fmt("adam", s));
    }

    /**
     * The GPU step with real thread blocks (3 blocks of 256 threads, barriers for __syncthreads): the
     * grid-stride loops over several blocks, the shared-memory reductions and the partial sums of each
     * block give the CPU curve.
     */
    @Test
    void gpuEngineWithThreadBlocksFollowsTheCpuCurve() throws Exception {
        Config cfg = config();
        PoissonMF.Dims d = PoissonMF.dims(Size.SMALL);
        PoissonMF.Dims dm = new PoissonMF.Dims(d.rows(), d.cols(), d.k(), 12, d.lr());
        PoissonMF.Data data = PoissonMF.generate(PoissonMF.dataSampling(), cfg, dm.rows(), dm.cols(), dm.k());
        PoissonMF.Params init = PoissonMF.init(data, cfg.seed(4));
        PoissonMF.Fit cpu, gpu;
        try (PoissonMfEngine e = new PoissonMfCpu(Irg.using(Backend.SCALAR).sampling(), 1, data, init, dm.steps(), dm.lr())) {
            cpu = PoissonMF.train(e, data, cfg, dm.steps(), null);
        }
        HostMfDevice dev = new HostMfDevice(3, CudaDevice.BLOCK);
        assertTrue(dev.blocks((long) dm.rows() * dm.cols()) == 3 && 2L * (dm.rows() + dm.cols()) * dm.k() > 3 * 256,
                "every grid-stride loop takes several rounds");
        try (PoissonMfEngine e = new PoissonMfGpu(dev, data, init, dm.steps(), dm.lr())) {
            gpu = PoissonMF.train(e, data, cfg, dm.steps(), null);
        }
        CurveDiff diff = CurveDiff.of(cpu, gpu);
        System.out.println("host GPU engine, 3 blocks x 256 threads, vs CPU engine, poisson-mf small (" + dm.steps() + " steps): " + diff);
        assertTrue(diff.firstRel() <= 1e-12, diff.toString());
        assertTrue(diff.maxAbs() <= 1e-12, diff.toString());
        assertTrue(diff.paramsMaxRel() <= 1e-12, diff.toString());
    }

    /** The whole GPU step on the host device against the CPU step: the same curve (and the same first ELBO). */
    @Test
    void gpuEngineOnTheHostFollowsTheCpuCurve() throws Exception {
        Config cfg = config();
        PoissonMF.Dims dm = PoissonMF.dims(Size.SMALL);
        PoissonMF.Data data = PoissonMF.generate(PoissonMF.dataSampling(), cfg, dm.rows(), dm.cols(), dm.k());
        PoissonMF.Params init = PoissonMF.init(data, cfg.seed(4));
        PoissonMF.Fit cpu, gpu;
        HostMfDevice dev = new HostMfDevice();
        try (PoissonMfEngine e = new PoissonMfCpu(Irg.using(Backend.SCALAR).sampling(), 1, data, init, dm.steps(), dm.lr())) {
            cpu = PoissonMF.train(e, data, cfg, dm.steps(), null);
        }
        try (PoissonMfEngine e = new PoissonMfGpu(dev, data, init, dm.steps(), dm.lr())) {
            gpu = PoissonMF.train(e, data, cfg, dm.steps(), null);
            assertEquals(7L * dm.steps(), dev.launches(), "per step: 2 rsample and 5 kernel launches");
        }
        CurveDiff d = CurveDiff.of(cpu, gpu);
        System.out.println("host-compiled GPU engine vs CPU engine, poisson-mf small (" + dm.steps() + " steps): " + d);
        assertTrue(d.firstRel() <= 1e-12, d.toString());
        assertTrue(d.maxAbs() <= CurveDiff.TOLERANCE, d.toString());
        assertTrue(d.paramsMaxRel() <= 1e-6, d.toString());
    }
}
