package dev.irg.examples;

import dev.irg.Sampling;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The gradient-variance experiment: on the three models of {@link VarianceModels}, estimates
 * dg/dp = d/dp E_q[log p(x, z)] with (a) irg's implicit reparameterization, (b) the score function
 * without and (c) with a leave-one-out baseline, and (d) for Gamma, pathwise through a numerically
 * inverted CDF differentiated by central finite differences; reports bias and variance against the
 * exact gradient at equal sample counts and at equal time.
 *
 * <p>The entropy term of an ELBO has an exact gradient that every estimator would add unchanged, so
 * the experiment estimates the expected log joint only: its bias and variance are the ELBO gradient's.
 */
public final class GradientVariance implements Example {
    /** Relative step of the finite difference through the inverted CDF: central differences, error O(h^2) ~ 1e-10. */
    static final double FD_STEP = 1e-5;

    /**
     * Warm-up before any timing, per estimator: 2^20 samples (as many as JMH's OpBench primes the SIMD
     * kernels with) or one second, whichever comes first. Without it the Vector API code of the SIMD
     * samplers and gradient kernels is timed before C2 has compiled it: measured on this 2-core machine,
     * the Gamma rsample timed at 1.33 us per sample against 0.077 us once compiled (0.21 us on the scalar
     * backend; kernels-simd/tools/RsampleSmallBatch.java), which made irg look 6x slower than it is at equal time.
     */
    static final long WARMUP_SAMPLES = 1L << 20;
    static final long WARMUP_NANOS = 1_000_000_000L;
    static final int WARMUP_BATCH = 256;

    /** Timed passes over the estimators of each cell, interleaved; the fastest per estimator is reported. */
    static final int TIMING_RUNS = 3;

    /** Sample counts per estimate and repetitions per count. */
    record Plan(int[] counts, int reps) {
    }

    static Plan plan(Size size) {
        return switch (size) {
            case SMALL -> new Plan(new int[] {2, 16}, 20);
            case MEDIUM -> new Plan(new int[] {1, 4, 16, 64, 256}, 400);
            case LARGE -> new Plan(new int[] {1, 4, 16, 64, 256, 1024}, 1000);
        };
    }

    @Override
    public String name() {
        return "variance";
    }

    @Override
    public String description() {
        return "bias and variance of implicit reparameterization vs score function vs inverted-CDF finite differences";
    }

    /** A gradient estimator: the n-sample estimate of (dg/dp1, dg/dp2) from the given seed. */
    interface Estimator {
        String name();

        double[] estimate(Sampling s, VarianceModels.Model m, long seed, int n);
    }

    static final Estimator IMPLICIT = new Estimator() {
        @Override
        public String name() {
            return "irg implicit reparam";
        }

        @Override
        public double[] estimate(Sampling s, VarianceModels.Model m, long seed, int n) {
            double[] z = new double[n];
            double[][] g = {new double[n], new double[n]};
            m.sample(s, seed, z, g);
            return pathwise(m, z, g);
        }
    };

    /** The pathwise estimate mean_i f'(z_i) dz_i/dp from samples and their derivatives. */
    static double[] pathwise(VarianceModels.Model m, double[] z, double[][] dz) {
        double[] r = new double[2];
        for (int i = 0; i < z.length; i++) {
            double d = m.df(z[i]);
            r[0] += d * dz[0][i];
            r[1] += d * dz[1][i];
        }
        r[0] /= z.length;
        r[1] /= z.length;
        return r;
    }

    static final Estimator SCORE = scoreFunction(false);
    static final Estimator SCORE_BASELINE = scoreFunction(true);

    /**
     * Score function: mean of (f(z_i) - b_i) d log q(z_i)/dp, with b_i = 0 or the mean of f over the
     * other samples (leave-one-out: independent of z_i, so the estimate stays unbiased; n = 1 has no
     * other sample and uses b = 0).
     */
    static Estimator scoreFunction(boolean baseline) {
        return new Estimator() {
            @Override
            public String name() {
                return baseline ? "score fn + LOO baseline" : "score function";
            }

            @Override
            public double[] estimate(Sampling s, VarianceModels.Model m, long seed, int n) {
                double[] z = new double[n];
                m.sample(s, seed, z, null);
                double[] f = new double[n];
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    f[i] = m.f(z[i]);
                    sum += f[i];
                }
                double[] r = new double[2], sc = new double[2];
                for (int i = 0; i < n; i++) {
                    double b = baseline && n > 1 ? (sum - f[i]) / (n - 1) : 0;
                    m.score(z[i], sc);
                    r[0] += (f[i] - b) * sc[0];
                    r[1] += (f[i] - b) * sc[1];
                }
                r[0] /= n;
                r[1] /= n;
                return r;
            }
        };
    }

    /**
     * Gamma only: z = F^-1(u; alpha, rate) by {@link GammaInverseCdf}, u uniform; dz/dalpha by central
     * differences of the quantile at alpha(1 +- FD_STEP), dz/drate = -z/rate (rate is a scale).
     */
    static final Estimator INVERSE_CDF_FD = new Estimator() {
        @Override
        public String name() {
            return "inverted CDF + finite diff";
        }

        @Override
        public double[] estimate(Sampling s, VarianceModels.Model m, long seed, int n) {
            double a = m.p1(), rate = m.p2(), h = FD_STEP * a;
            SplittableRandom rnd = new SplittableRandom(seed);
            double[] z = new double[n];
            double[][] dz = {new double[n], new double[n]};
            for (int i = 0; i < n; i++) {
                double u = rnd.nextDouble();
                while (u == 0) {
                    u = rnd.nextDouble();
                }
                z[i] = GammaInverseCdf.quantile(a, rate, u);
                dz[0][i] = (GammaInverseCdf.quantile(a + h, rate, u) - GammaInverseCdf.quantile(a - h, rate, u)) / (2 * h);
                dz[1][i] = -z[i] / rate;
            }
            return pathwise(m, z, dz);
        }
    };

    static List<Estimator> estimators(VarianceModels.Model m) {
        List<Estimator> l = new ArrayList<>(List.of(IMPLICIT, SCORE, SCORE_BASELINE));
        if (m instanceof VarianceModels.GammaPoisson) {
            l.add(INVERSE_CDF_FD);
        }
        return l;
    }

    /** Bias, its standard error, the variance of the n-sample estimate and seconds per estimate, per parameter. */
    record Stat(double[] bias, double[] biasSe, double[] variance, double seconds) {
        double rmse(int p) {
            return Math.sqrt(bias[p] * bias[p] + variance[p]);
        }
    }

    /** reps estimates of n samples each, seeds distinct per repetition; seconds from one timed pass. */
    static Stat measure(Sampling s, VarianceModels.Model m, Estimator e, int n, int reps, long seed) {
        double[] exact = m.exactGradient();
        double[][] est = new double[reps][];
        long t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            est[r] = e.estimate(s, m, Config.mix(seed, r), n);
        }
        double seconds = (System.nanoTime() - t0) * 1e-9 / reps;
        double[] bias = new double[2], se = new double[2], var = new double[2];
        for (int p = 0; p < 2; p++) {
            double mean = 0;
            for (double[] v : est) {
                mean += v[p] / reps;
            }
            double ss = 0;
            for (double[] v : est) {
                ss += (v[p] - mean) * (v[p] - mean);
            }
            var[p] = ss / (reps - 1);
            bias[p] = mean - exact[p];
            se[p] = Math.sqrt(var[p] / reps);
        }
        return new Stat(bias, se, var, seconds);
    }

    /**
     * {@link #measure} for every estimator at one sample count, timed fairly: TIMING_RUNS passes, each
     * running every estimator in turn (same seeds, so the same estimates), the fastest pass per estimator
     * is its time. Interleaving keeps a change of machine load from landing on one estimator only.
     */
    /** Runs every estimator untimed (WARMUP_SAMPLES or WARMUP_NANOS, whichever first), seeds apart from the measured ones. */
    static void warmUp(Sampling s, VarianceModels.Model m, List<Estimator> es) {
        for (Estimator e : es) {
            long t0 = System.nanoTime();
            int r = 0;
            for (long done = 0; done < WARMUP_SAMPLES && System.nanoTime() - t0 < WARMUP_NANOS; done += WARMUP_BATCH) {
                e.estimate(s, m, Config.mix(-1L, r++), WARMUP_BATCH);
            }
        }
    }

    static Map<String, Stat> measureAll(Sampling s, VarianceModels.Model m, List<Estimator> es, int n, int reps, long seed) {
        Map<String, Stat> out = new LinkedHashMap<>();
        for (int run = 0; run < TIMING_RUNS; run++) {
            for (Estimator e : es) {
                Stat st = measure(s, m, e, n, reps, seed);
                Stat prev = out.get(e.name());
                out.put(e.name(), prev == null || st.seconds() < prev.seconds() ? st : prev);
            }
        }
        return out;
    }

    @Override
    public void run(Config cfg) throws IOException {
        Plan plan = plan(cfg.size());
        Sampling s = cfg.irg().threads(1).sampling();
        Progress progress = new Progress(cfg.err(), name());
        int ref = plan.counts()[plan.counts().length - 1 - (plan.counts().length > 2 ? 1 : 0)];
        Table t = new Table("model", "param", "exact grad", "estimator", "bias (n=" + ref + ")", "bias s.e.",
                "per-sample variance", "us / sample", "variance x time vs irg");
        StringBuilder md = new StringBuilder();
        int modelIndex = 0;
        for (VarianceModels.Model m : VarianceModels.defaults()) {
            double[] exact = m.exactGradient();
            Map<String, Stat[]> stats = new LinkedHashMap<>();
            List<Estimator> es = estimators(m);
            if (cfg.size() != Size.SMALL) { // the tests' size times nothing they check
                progress.show(m.name() + ": warming up the estimators (untimed)");
                warmUp(s, m, es);
            }
            for (Estimator e : es) {
                stats.put(e.name(), new Stat[plan.counts().length]);
            }
            for (int c = 0; c < plan.counts().length; c++) {
                progress.show(String.format(Locale.ROOT, "%s: %d estimators, n = %d, %d repetitions x %d timed passes", m.name(),
                        es.size(), plan.counts()[c], plan.reps(), TIMING_RUNS));
                Map<String, Stat> cell = measureAll(s, m, es, plan.counts()[c], plan.reps(), cfg.seed(100L * modelIndex + c));
                for (var en : cell.entrySet()) {
                    stats.get(en.getKey())[c] = en.getValue();
                }
            }
            int ci = indexOf(plan.counts(), ref);
            Stat irg = stats.get(IMPLICIT.name())[ci];
            for (int p = 0; p < 2; p++) {
                double irgCost = irg.variance()[p] * irg.seconds();
                for (var en : stats.entrySet()) {
                    Stat st = en.getValue()[ci];
                    t.row(m.name(), m.paramNames()[p], exact[p], en.getKey(), st.bias()[p], st.biasSe()[p],
                            st.variance()[p] * ref, st.seconds() / ref * 1e6, st.variance()[p] * st.seconds() / irgCost);
                }
            }
            plots(cfg, m, plan, stats);
            modelIndex++;
        }
        progress.done();
        md.append(t.emit(cfg, "variance (" + cfg.size().id() + ", seed " + cfg.seed() + "; " + plan.reps()
                + " repetitions per cell; variance x time relative to irg, lower is better)"));
        Table.write(cfg.outDir().resolve("variance.md"), md.toString());
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new IllegalArgumentException(v + " not in the plan");
    }

    /** Per model: RMSE against sample count, and against seconds per estimate (the equal-time view). */
    private static void plots(Config cfg, VarianceModels.Model m, Plan plan, Map<String, Stat[]> stats) throws IOException {
        double[] exact = m.exactGradient();
        var byN = new Plots.Chart(m.name() + ": relative RMSE of the gradient estimate vs samples", "samples per estimate",
                "RMSE / |exact gradient|").logX().logY();
        var byT = new Plots.Chart(m.name() + ": relative RMSE vs time per estimate (equal time)", "seconds per estimate",
                "RMSE / |exact gradient|").logX().logY();
        for (var en : stats.entrySet()) {
            for (int p = 0; p < 2; p++) {
                double[] n = new double[plan.counts().length], sec = new double[n.length], err = new double[n.length];
                for (int c = 0; c < n.length; c++) {
                    Stat st = en.getValue()[c];
                    n[c] = plan.counts()[c];
                    sec[c] = st.seconds();
                    err[c] = Math.max(1e-300, st.rmse(p) / Math.abs(exact[p]));
                }
                String label = en.getKey() + ", d/d" + m.paramNames()[p];
                byN.add(label, Plots.Series.points(n, err));
                byT.add(label, Plots.Series.points(sec, err));
            }
        }
        byN.save(cfg.outDir().resolve("variance-" + m.name() + "-samples.png"));
        byT.save(cfg.outDir().resolve("variance-" + m.name() + "-time.png"));
    }
}
