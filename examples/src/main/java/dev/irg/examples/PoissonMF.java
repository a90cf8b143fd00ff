package dev.irg.examples;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Sampling;
import dev.irg.Vec;
import dev.irg.math.GammaFunctions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Poisson matrix factorization by stochastic variational inference with irg's fused Gamma rsample.
 *
 * <p>Model: theta_ik ~ Gamma(A0, B0), beta_jk ~ Gamma(A0, B0), y_ij ~ Poisson(sum_k theta_ik beta_jk).
 * Variational family: independent Gammas q(theta_ik) = Gamma(softplus(u), softplus(v)), the same for beta.
 * ELBO = E_q[log p(y | theta, beta)] - KL(q(theta) || p(theta)) - KL(q(beta) || p(beta)); the expectation
 * is estimated with one joint sample per step, differentiated pathwise through the samples with irg's
 * implicit gradients dz/dalpha and dz/drate; the KLs are exact with their exact derivatives. Adam.
 */
public final class PoissonMF implements Example {
    /** Prior shape and rate of every factor entry (sparse, mean 0.3: the usual Poisson-factorization choice). */
    static final double A0 = 0.3;
    static final double B0 = 1.0;
    /** Initial variational shape: coefficient of variation 1/sqrt(5) ~ 0.45, so the first gradients are not too noisy. */
    static final double INIT_SHAPE = 5;
    /** Floor of a Poisson mean in log y (only reached when samples underflow to 0). */
    static final double MIN_RATE = 1e-300;
    /** Fraction of entries held out for the predictive log-likelihood. */
    static final double HELD_OUT = 0.1;

    /** Problem dimensions and schedule of one size. */
    record Dims(int rows, int cols, int k, int steps, double lr) {
    }

    /** System property overriding the number of steps (to time a step at the large size without a full fit). */
    static final String STEPS_PROPERTY = "irg.example.steps";

    static Dims dims(Size size) {
        Dims d = switch (size) {
            case SMALL -> new Dims(120, 80, 4, 300, 0.1);
            case MEDIUM -> new Dims(600, 300, 10, 1000, 0.1);
            case LARGE -> new Dims(2000, 1000, 20, 1500, 0.1);
        };
        String steps = System.getProperty(STEPS_PROPERTY);
        return steps == null ? d : new Dims(d.rows(), d.cols(), d.k(), Math.max(1, Integer.parseInt(steps.trim())), d.lr());
    }

    @Override
    public String name() {
        return "poisson-mf";
    }

    @Override
    public String description() {
        return "Poisson matrix factorization, Gamma variational posteriors, SVI with irg's Gamma rsample";
    }

    /** Data: counts (row-major rows x cols), held-out mask, and the true factors. */
    record Data(int rows, int cols, int k, int[] y, boolean[] heldOut, double[] theta, double[] beta, long trainCount,
            double logYFactorialSum) {
        /** With the training-entry count and the constant sum of log y! over the training entries. */
        static Data of(int rows, int cols, int k, int[] y, boolean[] heldOut, double[] theta, double[] beta) {
            long n = 0;
            double lf = 0;
            for (int e = 0; e < y.length; e++) {
                if (!heldOut[e]) {
                    n++;
                    lf += GammaFunctions.logGamma(y[e] + 1.0);
                }
            }
            return new Data(rows, cols, k, y, heldOut, theta, beta, n, lf);
        }

        double trueRate(int i, int j) {
            return dot(theta, i, beta, j, k);
        }
    }

    static Data generate(Sampling s, Config cfg, int rows, int cols, int k) {
        double[] theta = s.gamma(cfg.seed(1), A0, B0, rows * k);
        double[] beta = s.gamma(cfg.seed(2), A0, B0, cols * k);
        SplittableRandom rnd = new SplittableRandom(cfg.seed(3));
        int[] y = new int[rows * cols];
        boolean[] held = new boolean[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                y[i * cols + j] = poisson(rnd, dot(theta, i, beta, j, k));
                held[i * cols + j] = rnd.nextDouble() < HELD_OUT;
            }
        }
        return Data.of(rows, cols, k, y, held, theta, beta);
    }

    /** Poisson draw by sequential inversion in log space, capped (the cap is far beyond any mean in these models). */
    static int poisson(SplittableRandom rnd, double mean) {
        final int cap = 100_000;
        double u = rnd.nextDouble();
        double p = Math.exp(-mean), c = p;
        int n = 0;
        while (u > c && n < cap) {
            n++;
            p *= mean / n;
            c += p;
            if (p == 0 && n > mean) {
                break;
            }
        }
        return n;
    }

    static double dot(double[] a, int i, double[] b, int j, int k) {
        double s = 0;
        for (int c = 0; c < k; c++) {
            s += a[i * k + c] * b[j * k + c];
        }
        return s;
    }

    /** Unconstrained variational parameters: shapes softplus(u), rates softplus(v). */
    static final class Params {
        final double[] uTheta, vTheta, uBeta, vBeta;

        Params(int rows, int cols, int k) {
            uTheta = new double[rows * k];
            vTheta = new double[rows * k];
            uBeta = new double[cols * k];
            vBeta = new double[cols * k];
        }

        double[][] all() {
            return new double[][] {uTheta, vTheta, uBeta, vBeta};
        }

        Params copy() {
            Params p = new Params(uTheta.length, uBeta.length, 1);
            for (int i = 0; i < 4; i++) {
                System.arraycopy(all()[i], 0, p.all()[i], 0, all()[i].length);
            }
            return p;
        }
    }

    /** One joint sample of theta and beta with irg's implicit gradients. */
    record Draw(double[] zTheta, double[] daTheta, double[] drTheta, double[] zBeta, double[] daBeta, double[] drBeta) {
    }

    static Draw draw(Sampling s, Params p, long seedTheta, long seedBeta) {
        int nt = p.uTheta.length, nb = p.uBeta.length;
        Draw d = new Draw(new double[nt], new double[nt], new double[nt], new double[nb], new double[nb], new double[nb]);
        s.gammaRsample(seedTheta, Vec.of(softplus(p.uTheta)), Vec.of(softplus(p.vTheta)), Vec.of(d.zTheta), Vec.of(d.daTheta),
                Vec.of(d.drTheta));
        s.gammaRsample(seedBeta, Vec.of(softplus(p.uBeta)), Vec.of(softplus(p.vBeta)), Vec.of(d.zBeta), Vec.of(d.daBeta),
                Vec.of(d.drBeta));
        return d;
    }

    static double[] softplus(double[] u) {
        double[] r = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            r[i] = Softplus.of(u[i]);
        }
        return r;
    }

    /** KL(Gamma(a, r) || Gamma(A0, B0)). */
    static double kl(double a, double r) {
        return (a - A0) * GammaFunctions.digamma(a) - GammaFunctions.logGamma(a) + GammaFunctions.logGamma(A0)
                + A0 * (Math.log(r) - Math.log(B0)) + a * (B0 - r) / r;
    }

    /** d KL / d a = (a - A0) trigamma(a) + B0/r - 1. */
    static double klDa(double a, double r) {
        return (a - A0) * GammaFunctions.trigamma(a) + B0 / r - 1;
    }

    /** d KL / d r = A0/r - a B0/r^2. */
    static double klDr(double a, double r) {
        return A0 / r - a * B0 / (r * r);
    }

    /**
     * The single-sample ELBO estimate at {@code p} with the samples of {@code d} (their derivatives
     * taken as given), over the training entries; when {@code grad} is not null, its gradient with
     * respect to the unconstrained parameters (chain rule through z, the softplus and the exact KLs).
     */
    static double elbo(Data data, Params p, Draw d, Params grad) {
        int rows = data.rows, cols = data.cols, k = data.k;
        double[] th = d.zTheta, be = d.zBeta;
        double[] gTheta = new double[rows * k];
        double[] w = new double[rows * cols];
        // pass 1, per row: rates, log-likelihood, W = y/rate - 1 and dL/dtheta = W beta
        double ll = IntStream.range(0, rows).parallel().mapToDouble(i -> {
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                int e = i * cols + j;
                if (data.heldOut[e]) {
                    continue;
                }
                double rate = Math.max(MIN_RATE, dot(th, i, be, j, k));
                int y = data.y[e];
                sum += (y == 0 ? 0 : y * Math.log(rate)) - rate;
                double we = y / rate - 1;
                w[e] = we;
                for (int c = 0; c < k; c++) {
                    gTheta[i * k + c] += we * be[j * k + c];
                }
            }
            return sum;
        }).sum();
        double kl = 0;
        for (int i = 0; i < rows * k; i++) {
            kl += kl(Softplus.of(p.uTheta[i]), Softplus.of(p.vTheta[i]));
        }
        for (int i = 0; i < cols * k; i++) {
            kl += kl(Softplus.of(p.uBeta[i]), Softplus.of(p.vBeta[i]));
        }
        if (grad != null) {
            // pass 2, per block of columns: dL/dbeta = W^T theta, reading W row by row
            double[] gBeta = new double[cols * k];
            final int block = 64;
            IntStream.range(0, (cols + block - 1) / block).parallel().forEach(b -> {
                int j0 = b * block, j1 = Math.min(cols, j0 + block);
                for (int i = 0; i < rows; i++) {
                    for (int j = j0; j < j1; j++) {
                        double we = w[i * cols + j];
                        if (we != 0) {
                            for (int c = 0; c < k; c++) {
                                gBeta[j * k + c] += we * th[i * k + c];
                            }
                        }
                    }
                }
            });
            chain(gTheta, d.daTheta, d.drTheta, p.uTheta, p.vTheta, grad.uTheta, grad.vTheta);
            chain(gBeta, d.daBeta, d.drBeta, p.uBeta, p.vBeta, grad.uBeta, grad.vBeta);
        }
        return ll - kl - data.logYFactorialSum();
    }

    /** dELBO/du = (dL/dz dz/da - dKL/da) sigmoid(u), and the same for v with the rate. */
    static void chain(double[] gz, double[] dzda, double[] dzdr, double[] u, double[] v, double[] gu, double[] gv) {
        for (int i = 0; i < gz.length; i++) {
            double a = Softplus.of(u[i]), r = Softplus.of(v[i]);
            gu[i] = (gz[i] * dzda[i] - klDa(a, r)) * Softplus.derivative(u[i]);
            gv[i] = (gz[i] * dzdr[i] - klDr(a, r)) * Softplus.derivative(v[i]);
        }
    }

    /** poisson-mf decides where its step runs in {@link #run}; a forced irg backend matters only on the CPU. */
    @Override
    public Config resolve(Config cfg) {
        return cfg.engine() == Config.Engine.CPU ? cfg.withAvailableBackend() : cfg;
    }

    @Override
    public void run(Config cfg) throws IOException {
        Progress progress = new Progress(cfg.err(), name());
        Run r = fit(cfg, dims(cfg.size()), progress);
        progress.done();
        report(r.cfg(), r.data(), r.fit(), r.dims());
    }

    /** A finished fit: the config it ran with (the engine it fell back to included), its data and trace. */
    record Run(Config cfg, Dims dims, Data data, Fit fit) {
    }

    /**
     * Generates the data and trains on the engine {@code cfg} asks for: the GPU for CUDA and AUTO when
     * it can run here, else (one line on err saying why) the CPU, as for {@code Engine.CPU}.
     */
    Run fit(Config cfg, Dims dm, Progress progress) {
        CudaMfDevice gpu = null;
        if (cfg.engine() != Config.Engine.CPU) {
            CudaMfDevice.Result r = CudaMfDevice.open();
            gpu = r.device();
            if (gpu == null) {
                cfg.err().println(name() + ": " + r.why() + "; running on the CPU");
                cfg = cfg.withEngine(Backend.AUTO, Config.Engine.CPU);
            }
        }
        return fit(cfg, dm, progress, gpu);
    }

    /** As {@link #fit(Config, Dims, Progress)}: on {@code device} when it is not null (closed at the end), else on the CPU. */
    Run fit(Config cfg, Dims dm, Progress progress, MfDevice device) {
        if (progress != null) {
            progress.show("generating " + dm.rows() + " x " + dm.cols() + " counts, K = " + dm.k());
        }
        Data data = generate(dataSampling(), cfg, dm.rows(), dm.cols(), dm.k());
        Params init = init(data, cfg.seed(4));
        try (PoissonMfEngine engine = device != null ? new PoissonMfGpu(device, data, init, dm.steps(), dm.lr())
                : cpuEngine(cfg, data, init, dm)) {
            return new Run(cfg, dm, data, train(engine, data, cfg, dm.steps(), progress));
        }
    }

    /**
     * The samplers of the data (irg's AUTO dispatch, whatever the run's backend): the same counts and
     * true factors for every backend and engine, so CPU and GPU runs fit the same data.
     */
    static Sampling dataSampling() {
        return Irg.using(Backend.AUTO).sampling();
    }

    static PoissonMfCpu cpuEngine(Config cfg, Data data, Params init, Dims dm) {
        Irg irg = cfg.irg();
        return new PoissonMfCpu(irg.sampling(), irg.threads(), data, init, dm.steps(), dm.lr());
    }

    /** Variational means near sqrt(mean count / K) with +-50% noise (breaks the symmetry of the components). */
    static Params init(Data data, long seed) {
        Params p = new Params(data.rows, data.cols, data.k);
        double mean = 0;
        for (int y : data.y) {
            mean += y;
        }
        mean /= data.y.length;
        double m0 = Math.sqrt(Math.max(mean, 1e-3) / data.k);
        SplittableRandom rnd = new SplittableRandom(seed);
        double u0 = Softplus.inverse(INIT_SHAPE);
        for (double[][] uv : new double[][][] {{p.uTheta, p.vTheta}, {p.uBeta, p.vBeta}}) {
            for (int i = 0; i < uv[0].length; i++) {
                uv[0][i] = u0;
                uv[1][i] = Softplus.inverse(INIT_SHAPE / (m0 * (0.5 + rnd.nextDouble())));
            }
        }
        return p;
    }

    /**
     * The trace of a fit: ELBO per training entry {seconds, elbo, step} and held-out log-likelihood per
     * entry {seconds, value, step, training seconds so far} against time; the training seconds per step
     * (the held-out evaluations not counted); where the step ran; the fitted parameters.
     */
    record Fit(List<double[]> elbo, List<double[]> heldOut, double secondsPerStep, String engine, String sampler, Params params) {
        /**
         * Seconds per step over the second half of the run (from the evaluation point nearest the middle
         * to the last): without the first steps' warm-up (JIT, first launches).
         */
        double steadySecondsPerStep() {
            double[] last = heldOut.get(heldOut.size() - 1);
            double[] mid = heldOut.get(heldOut.size() / 2);
            return last[2] > mid[2] ? (last[3] - mid[3]) / (last[2] - mid[2]) : secondsPerStep;
        }
    }

    /** One SVI step, the same sequence on every engine: sample, ELBO and its gradient, Adam. */
    static void step(PoissonMfEngine engine, Config cfg, int step) {
        engine.sample(cfg.seed(1000 + 2L * step), cfg.seed(1001 + 2L * step));
        engine.elboAndGradient(step);
        engine.adam(step + 1);
    }

    /**
     * {@code steps} steps on {@code engine}. About 25 evaluation points (and the last step) synchronise
     * with the engine, read the parameters for the held-out log-likelihood and update the progress line
     * ({@code progress} may be null); between them a GPU engine runs without host round trips.
     */
    static Fit train(PoissonMfEngine engine, Data data, Config cfg, int steps, Progress progress) {
        List<double[]> heldTrace = new ArrayList<>();
        double[] time = new double[steps];
        int every = Math.max(1, steps / 25);
        long t0 = System.nanoTime();
        long trainNanos = 0;
        long a = t0;
        for (int step = 0; step < steps; step++) {
            step(engine, cfg, step);
            time[step] = (System.nanoTime() - t0) * 1e-9;
            if (step % every == 0 || step == steps - 1) {
                engine.sync();
                long b = System.nanoTime();
                trainNanos += b - a;
                time[step] = (b - t0) * 1e-9;
                double h = heldOutLogLik(data, meanRates(engine.params(), data));
                heldTrace.add(new double[] {time[step], h, step + 1, trainNanos * 1e-9});
                if (progress != null) {
                    double smooth = Double.NaN;
                    for (double e : engine.elbo(step + 1)) {
                        smooth = Double.isNaN(smooth) ? e : 0.9 * smooth + 0.1 * e;
                    }
                    progress.show(String.format(java.util.Locale.ROOT, "step %d/%d  ELBO/entry %.4f  held-out ll/entry %.4f",
                            step + 1, steps, smooth, h));
                }
                a = System.nanoTime();
            }
        }
        double[] elbo = engine.elbo(steps);
        List<double[]> elboTrace = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            elboTrace.add(new double[] {time[step], elbo[step], step + 1});
        }
        return new Fit(elboTrace, heldTrace, trainNanos * 1e-9 / steps, engine.description(), engine.samplerDescription(),
                engine.params());
    }

    /** Posterior mean factors E[theta] = a/r, E[beta]; returns {theta, beta}. */
    static double[][] meanRates(Params p, Data data) {
        double[] th = new double[p.uTheta.length], be = new double[p.uBeta.length];
        for (int i = 0; i < th.length; i++) {
            th[i] = Softplus.of(p.uTheta[i]) / Softplus.of(p.vTheta[i]);
        }
        for (int i = 0; i < be.length; i++) {
            be[i] = Softplus.of(p.uBeta[i]) / Softplus.of(p.vBeta[i]);
        }
        return new double[][] {th, be};
    }

    /** Mean Poisson log-likelihood per held-out entry of the rates theta beta^T. */
    static double heldOutLogLik(Data data, double[][] f) {
        return heldOutLogLik(data, (i, j) -> dot(f[0], i, f[1], j, data.k));
    }

    interface RateFn {
        double rate(int i, int j);
    }

    static double heldOutLogLik(Data data, RateFn fn) {
        double sum = IntStream.range(0, data.rows).parallel().mapToDouble(i -> {
            double r = 0;
            for (int j = 0; j < data.cols; j++) {
                int e = i * data.cols + j;
                if (data.heldOut[e]) {
                    r += logPoisson(data.y[e], Math.max(MIN_RATE, fn.rate(i, j)));
                }
            }
            return r;
        }).sum();
        return sum / (data.y.length - data.trainCount());
    }

    static double logPoisson(int y, double rate) {
        return (y == 0 ? 0 : y * Math.log(rate)) - rate - GammaFunctions.logGamma(y + 1.0);
    }

    /** The baseline: rate_ij = (row mean of training counts) * (column mean) / (overall mean). */
    static RateFn rowColumnBaseline(Data data) {
        double[] row = new double[data.rows], col = new double[data.cols];
        int[] nr = new int[data.rows], nc = new int[data.cols];
        double tot = 0;
        int n = 0;
        for (int i = 0; i < data.rows; i++) {
            for (int j = 0; j < data.cols; j++) {
                int e = i * data.cols + j;
                if (!data.heldOut[e]) {
                    row[i] += data.y[e];
                    col[j] += data.y[e];
                    nr[i]++;
                    nc[j]++;
                    tot += data.y[e];
                    n++;
                }
            }
        }
        double mean = tot / n;
        return (i, j) -> (row[i] / Math.max(1, nr[i])) * (col[j] / Math.max(1, nc[j])) / mean;
    }

    /** Pearson correlation of two arrays. */
    static double correlation(double[] a, double[] b) {
        double ma = 0, mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /**
     * Components matched greedily by the correlation of the fitted and true beta columns (largest first);
     * returns the matched correlations.
     */
    static double[] matchedComponentCorrelations(double[] fitted, double[] truth, int n, int k) {
        double[][] c = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                c[a][b] = correlation(column(fitted, n, k, a), column(truth, n, k, b));
            }
        }
        boolean[] usedA = new boolean[k], usedB = new boolean[k];
        double[] out = new double[k];
        for (int m = 0; m < k; m++) {
            int ba = -1, bb = -1;
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    if (!usedA[a] && !usedB[b] && (ba < 0 || c[a][b] > c[ba][bb])) {
                        ba = a;
                        bb = b;
                    }
                }
            }
            usedA[ba] = true;
            usedB[bb] = true;
            out[m] = c[ba][bb];
        }
        return out;
    }

    private static double[] column(double[] m, int n, int k, int c) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = m[i * k + c];
        }
        return r;
    }

    /** Correlation of fitted and true rates over all entries. */
    static double rateCorrelation(Data data, double[][] f) {
        double[] fit = new double[data.rows * data.cols], tru = new double[fit.length];
        for (int i = 0; i < data.rows; i++) {
            for (int j = 0; j < data.cols; j++) {
                fit[i * data.cols + j] = dot(f[0], i, f[1], j, data.k);
                tru[i * data.cols + j] = data.trueRate(i, j);
            }
        }
        return correlation(fit, tru);
    }

    private void report(Config cfg, Data data, Fit fit, Dims dm) throws IOException {
        double[][] f = meanRates(fit.params(), data);
        double llFit = heldOutLogLik(data, f);
        double llTruth = heldOutLogLik(data, data::trueRate);
        double llBase = heldOutLogLik(data, rowColumnBaseline(data));
        double[] init = fit.heldOut().get(0);
        double[] matched = matchedComponentCorrelations(f[1], data.beta, data.cols, data.k);
        double meanMatched = 0;
        double minMatched = 1;
        for (double m : matched) {
            meanMatched += m / matched.length;
            minMatched = Math.min(minMatched, m);
        }
        double[] lastElbo = fit.elbo().get(fit.elbo().size() - 1);
        String md = "";
        Table t = new Table("quantity", "value");
        t.row("data", data.rows + " x " + data.cols + ", K = " + data.k + ", " + (data.y.length - data.trainCount()) + " held out");
        t.row("steps, Adam lr", dm.steps() + ", " + dm.lr());
        t.row("Gamma rsample backend (per step, " + (data.rows + data.cols) * data.k + " samples)", fit.sampler());
        t.row("dense products and update", fit.engine());
        t.row("seconds per step", fit.secondsPerStep());
        t.row("seconds per step, second half", fit.steadySecondsPerStep());
        t.row("ELBO per training entry, first step", fit.elbo().get(0)[1]);
        t.row("ELBO per training entry, last step", lastElbo[1]);
        t.row("held-out log-lik per entry, init", init[1]);
        t.row("held-out log-lik per entry, fitted", llFit);
        t.row("held-out log-lik per entry, row x column baseline", llBase);
        t.row("held-out log-lik per entry, true rates", llTruth);
        t.row("correlation of fitted and true rates", rateCorrelation(data, f));
        t.row("matched component correlation (beta), mean", meanMatched);
        t.row("matched component correlation (beta), min", minMatched);
        md += t.emit(cfg, "poisson-mf (" + cfg.size().id() + ", seed " + cfg.seed() + ")");
        Table.write(cfg.outDir().resolve("poisson-mf.md"), md);

        double[][] e = transpose(fit.elbo());
        double[][] h = transpose(fit.heldOut());
        new Plots.Chart("Poisson MF: ELBO per training entry (one-sample estimate)", "seconds", "ELBO / entry")
                .add("ELBO", Plots.Series.line(e[0], e[1])).save(cfg.outDir().resolve("poisson-mf-elbo.png"));
        new Plots.Chart("Poisson MF: held-out log-likelihood per entry", "seconds", "log-likelihood / entry")
                .add("fitted (posterior mean rates)", Plots.Series.points(h[0], h[1]))
                .add("true rates", Plots.Series.line(new double[] {0, h[0][h[0].length - 1]}, new double[] {llTruth, llTruth}))
                .add("row x column baseline", Plots.Series.line(new double[] {0, h[0][h[0].length - 1]}, new double[] {llBase, llBase}))
                .save(cfg.outDir().resolve("poisson-mf-heldout.png"));
    }

    static double[][] transpose(List<double[]> rows) {
        double[][] r = new double[rows.get(0).length][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < r.length; c++) {
                r[c][i] = rows.get(i)[c];
            }
        }
        return r;
    }
}
