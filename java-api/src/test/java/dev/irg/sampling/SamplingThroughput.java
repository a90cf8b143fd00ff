package dev.irg.sampling;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Sampling;
import dev.irg.Vec;
import java.util.Arrays;

/**
 * A quick single-thread throughput measurement of the scalar samplers and rsample (not a test, not
 * JMH: warm-up, then the median of 5 timed repetitions). Run after {@code mvn -pl java-api test-compile}:
 * {@code java -cp java-api/target/classes:java-api/target/test-classes dev.irg.sampling.SamplingThroughput [n] [grad|plain] [name filter]}
 */
public final class SamplingThroughput {
    private SamplingThroughput() {
    }

    interface Job {
        void run(Sampling s, long seed);
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        boolean grad = args.length > 1 && args[1].equals("grad");
        Sampling s = Irg.using(Backend.SCALAR).threads(1).sampling();
        double[] z = new double[n], g0 = new double[n], g1 = new double[n];
        float[] zf = new float[n];
        Object[][] jobs = {
            {"gamma alpha=0.5 f64", (Job) (x, seed) -> x.gamma(seed, Vec.scalar(0.5), Vec.scalar(1), Vec.of(z))},
            {"gamma alpha=5 f64", (Job) (x, seed) -> x.gamma(seed, Vec.scalar(5), Vec.scalar(1), Vec.of(z))},
            {"gamma alpha=5 f32", (Job) (x, seed) -> x.gamma(seed, Vec.scalar(5), Vec.scalar(1), Vec.of(zf))},
            {"log gamma alpha=1e-4 f64", (Job) (x, seed) -> x.gammaLog(seed, Vec.scalar(1e-4), Vec.scalar(1), Vec.of(z))},
            {"beta a=0.5 b=2 f64", (Job) (x, seed) -> x.beta(seed, Vec.scalar(0.5), Vec.scalar(2), Vec.of(z))},
            {"vonmises kappa=2 f64", (Job) (x, seed) -> x.vonMises(seed, Vec.scalar(2), Vec.scalar(0), Vec.of(z))},
            {"vonmises kappa=1e5 f64", (Job) (x, seed) -> x.vonMises(seed, Vec.scalar(1e5), Vec.scalar(0), Vec.of(z))},
            {"dirichlet K=4 f64 (per component)", (Job) (x, seed) -> x.dirichlet(seed, 4, Vec.of(new double[] {0.1, 1, 2, 5}), Vec.of(z))},
        };
        Object[][] gradJobs = {
            {"rsample gamma alpha=5 f64", (Job) (x, seed) -> x.gammaRsample(seed, Vec.scalar(5), Vec.scalar(1), Vec.of(z), Vec.of(g0), Vec.of(g1))},
            {"rsample gamma alpha=0.5 f64", (Job) (x, seed) -> x.gammaRsample(seed, Vec.scalar(0.5), Vec.scalar(1), Vec.of(z), Vec.of(g0), null)},
            {"rsample beta a=0.5 b=2 f64", (Job) (x, seed) -> x.betaRsample(seed, Vec.scalar(0.5), Vec.scalar(2), Vec.of(z), Vec.of(g0), Vec.of(g1))},
            {"rsample vonmises kappa=2 f64", (Job) (x, seed) -> x.vonMisesRsample(seed, Vec.scalar(2), Vec.scalar(0), Vec.of(z), Vec.of(g0))},
            {"rsample dirichlet K=4 f64 (per component)", (Job) (x, seed) -> x.dirichletRsample(seed, 4, Vec.of(new double[] {0.1, 1, 2, 5}), Vec.of(z), Vec.of(g0), Vec.of(g1))},
        };
        System.out.println("| sampler | M samples/s (1 thread) |");
        System.out.println("|---|---|");
        String only = args.length > 2 ? args[2] : "";
        for (Object[] j : grad ? gradJobs : jobs) {
            if (!j[0].toString().contains(only)) {
                continue;
            }
            Job job = (Job) j[1];
            for (int w = 0; w < 3; w++) {
                job.run(s, w);
            }
            double[] t = new double[5];
            for (int r = 0; r < t.length; r++) {
                long t0 = System.nanoTime();
                job.run(s, 100 + r);
                t[r] = (System.nanoTime() - t0) * 1e-9;
            }
            Arrays.sort(t);
            System.out.printf("| %s | %.1f |%n", j[0], n / t[2] / 1e6);
        }
    }
}
