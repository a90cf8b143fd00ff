package dev.irg.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Sampling;
import dev.irg.math.VonMisesCdf;
import org.junit.jupiter.api.Test;

/** The von Mises fit's training step against finite differences (common random numbers), and the fit itself. */
class VonMisesFitTest {
    static final double H = 1e-6;

    /** x in [-pi, pi] with F(x; kappa) = u, by bisection (60 halvings of 2 pi reach 5e-18). */
    static double quantile(double kappa, double u) {
        double lo = -Math.PI, hi = Math.PI;
        for (int i = 0; i < 200 && hi - lo > 1e-16; i++) {
            double mid = 0.5 * (lo + hi);
            if (VonMisesCdf.cdf(kappa, mid) < u) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    @Test
    void trainingStepGradientMatchesFiniteDifferences() {
        Sampling s = Irg.using(Backend.SCALAR).sampling();
        VonMisesFit.Stats d = new VonMisesFit.Stats(50, 30.5, 12.25);
        for (double[] at : new double[][] {{0.3, Math.log(2), Math.log(1.5)}, {0.5, Math.log(40), Math.log(3)}}) {
            VonMisesFit.Params p = new VonMisesFit.Params();
            System.arraycopy(at, 0, p.v, 0, 3);
            double[][] zd = VonMisesFit.draw(s, p, 99, 8);
            double[] g = new double[3];
            VonMisesFit.elbo(d, p, zd[0], zd[1], g);
            double[] u = new double[zd[0].length];
            for (int i = 0; i < u.length; i++) {
                u[i] = VonMisesCdf.cdf(p.kq(), zd[0][i] - p.m());
            }
            for (int c = 0; c < 3; c++) {
                double[] value = new double[2];
                for (int sgn = 0; sgn < 2; sgn++) {
                    VonMisesFit.Params q = new VonMisesFit.Params();
                    System.arraycopy(at, 0, q.v, 0, 3);
                    q.v[c] += sgn == 0 ? H : -H;
                    double[] z = new double[u.length];
                    for (int i = 0; i < z.length; i++) {
                        z[i] = q.m() + quantile(q.kq(), u[i]);
                    }
                    value[sgn] = VonMisesFit.elbo(d, q, z, zd[1], null);
                }
                double fd = (value[0] - value[1]) / (2 * H);
                assertEquals(fd, g[c], 1e-6 * Math.max(1, Math.abs(fd)), "parameter " + c + " at kq " + p.kq());
            }
        }
    }

    @Test
    void fitRecoversTheMaximumLikelihoodEstimates() {
        PoissonMFGradientTest.config();
        Config cfg = PoissonMFGradientTest.config();
        Sampling s = cfg.irg().sampling();
        VonMisesFit.Plan plan = VonMisesFit.plan(Size.SMALL);
        double[] x = s.vonMises(cfg.seed(1), VonMisesFit.TRUE_KAPPA, VonMisesFit.TRUE_LOC, plan.n());
        VonMisesFit.Stats d = VonMisesFit.Stats.of(x);
        VonMisesFit.Params p = new VonMisesFit.Params();
        VonMisesFit.train(s, d, p, plan, cfg, null);
        double mleLoc = Math.atan2(d.s(), d.c());
        double mleKappa = VonMisesFit.mleKappa(Math.hypot(d.c(), d.s()) / d.n());
        assertEquals(mleLoc, VonMisesFit.wrap(p.m()), 0.05);
        assertEquals(mleKappa, p.kappa(), 0.05 * mleKappa);
        assertEquals(mleKappa, VonMisesFit.mleKappa(org.junit.jupiter.api.Assertions.assertDoesNotThrow(
                () -> dev.irg.math.BesselI01.ratio(mleKappa))), 1e-9 * mleKappa);
        assertTrue(p.kq() > 10, "posterior concentration grew: " + p.kq());
    }
}
