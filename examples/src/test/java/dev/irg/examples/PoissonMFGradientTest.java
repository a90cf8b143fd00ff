package dev.irg.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Sampling;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Poisson-MF training step's gradient against central finite differences of its own ELBO
 * estimate with common random numbers: every sample keeps its CDF value u while its parameters
 * move (z = F^-1(u; alpha, rate), the map whose derivative the implicit gradient is), so the
 * estimate is a smooth deterministic function of the parameters.
 */
class PoissonMFGradientTest {
    static final double H = 1e-5;

    static Config config() {
        PrintStream nul = new PrintStream(OutputStream.nullOutputStream());
        return new Config(Size.SMALL, Path.of("target", "unused"), 11, Backend.AUTO, nul, nul);
    }

    @Test
    void trainingStepGradientMatchesFiniteDifferences() {
        Config cfg = config();
        Sampling s = Irg.using(Backend.SCALAR).sampling();
        PoissonMF.Data data = PoissonMF.generate(s, cfg, 14, 9, 3);
        PoissonMF.Params p = PoissonMF.init(data, 5);
        PoissonMF.Draw d = PoissonMF.draw(s, p, 21, 22);
        PoissonMF.Params g = new PoissonMF.Params(data.rows(), data.cols(), data.k());
        PoissonMF.elbo(data, p, d, g);

        double[][] params = p.all(), grads = g.all();
        double[][] z = {d.zTheta(), d.zTheta(), d.zBeta(), d.zBeta()};
        double[][] uArr = {p.uTheta, p.uTheta, p.uBeta, p.uBeta};
        double[][] vArr = {p.vTheta, p.vTheta, p.vBeta, p.vBeta};
        double worst = 0;
        int checked = 0;
        for (int a = 0; a < 4; a++) {
            for (int i = 0; i < params[a].length; i += 5) {
                double alpha = Softplus.of(uArr[a][i]), rate = Softplus.of(vArr[a][i]);
                double u = GammaInverseCdf.cdf(alpha, rate, z[a][i]);
                double z0 = z[a][i];
                double p0 = params[a][i];
                double[] value = new double[2];
                for (int sgn = 0; sgn < 2; sgn++) {
                    params[a][i] = p0 + (sgn == 0 ? H : -H);
                    z[a][i] = GammaInverseCdf.quantile(Softplus.of(uArr[a][i]), Softplus.of(vArr[a][i]), u);
                    value[sgn] = PoissonMF.elbo(data, p, d, null);
                }
                params[a][i] = p0;
                z[a][i] = z0;
                double fd = (value[0] - value[1]) / (2 * H);
                double err = Math.abs(fd - grads[a][i]) / Math.max(1, Math.abs(fd));
                worst = Math.max(worst, err);
                assertEquals(fd, grads[a][i], 1e-5 * Math.max(1, Math.abs(fd)), "array " + a + " element " + i);
                checked++;
            }
        }
        assertTrue(checked > 20, "checked " + checked);
        System.out.printf("poisson-mf gradient vs finite differences: %d coordinates, max rel error %.2e%n", checked, worst);
    }

    @Test
    void inverseCdfRoundTrips() {
        double worst = 0;
        for (double alpha : new double[] {0.05, 0.3, 1, 5, 80}) {
            for (double u : new double[] {1e-12, 1e-4, 0.1, 0.5, 0.7, 0.99, 1 - 1e-9}) {
                double z = GammaInverseCdf.quantile(alpha, 2, u);
                double back = GammaInverseCdf.cdf(alpha, 2, z);
                double rel = u <= 0.5 ? Math.abs(back - u) / u : Math.abs((1 - back) - (1 - u)) / (1 - u);
                worst = Math.max(worst, rel);
                assertTrue(rel < 1e-9, "alpha " + alpha + " u " + u + " back " + back);
            }
        }
        assertTrue(Double.isNaN(GammaInverseCdf.quantile(-1, 1, 0.5)));
        assertTrue(Double.isNaN(GammaInverseCdf.quantile(1, 1, 1)));
    }

    @Test
    void fitImprovesOnHeldOutData() {
        Config cfg = config();
        Sampling s = cfg.irg().sampling();
        PoissonMF.Dims dm = PoissonMF.dims(Size.SMALL);
        PoissonMF.Data data = PoissonMF.generate(s, cfg, dm.rows(), dm.cols(), dm.k());
        PoissonMF.Params init = PoissonMF.init(data, 3);
        double before = PoissonMF.heldOutLogLik(data, PoissonMF.meanRates(init, data));
        PoissonMF.Params p;
        try (PoissonMfEngine e = new PoissonMfCpu(s, cfg.irg().threads(), data, init, dm.steps(), dm.lr())) {
            p = PoissonMF.train(e, data, cfg, dm.steps(), new Progress(cfg.err(), "test")).params();
        }
        double after = PoissonMF.heldOutLogLik(data, PoissonMF.meanRates(p, data));
        double truth = PoissonMF.heldOutLogLik(data, data::trueRate);
        assertTrue(after > before + 0.1, before + " -> " + after);
        assertTrue(after > truth - 0.2, "fitted " + after + " truth " + truth);
        assertTrue(PoissonMF.rateCorrelation(data, PoissonMF.meanRates(p, data)) > 0.8);
    }
}
