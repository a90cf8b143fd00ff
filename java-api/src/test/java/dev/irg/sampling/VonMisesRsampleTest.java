package dev.irg.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Sampling;
import dev.irg.Vec;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** von Mises rsample: gradients are the kernel's at the returned samples, and the estimator is unbiased. */
class VonMisesRsampleTest {
    static final int N = 20_000;
    static final Irg IRG = Irg.using(Backend.SCALAR);
    static final Sampling S = IRG.sampling();

    /**
     * Huge kappa (the envelope's limit form above SamplingConstants.VONMISES_HUGE_KAPPA; before it, the
     * samples were NaN from kappa ~ 1e154 on): finite samples within 8 standard deviations of the location,
     * and dz/dkappa = -(z - loc)/(2 kappa), the normal limit, exact to double precision there.
     */
    @Test
    void hugeKappaSamplesAndGradients() {
        double[] kappas = {1e150, 0x1p500, Math.nextUp(0x1p500), 1e154, 1e200, 1e300, Double.MAX_VALUE};
        int per = 50;
        double[] kappa = new double[kappas.length * per];
        for (int i = 0; i < kappa.length; i++) {
            kappa[i] = kappas[i / per];
        }
        double[] z = new double[kappa.length];
        double[] g = new double[kappa.length];
        S.vonMisesRsample(9, Vec.of(kappa), Vec.scalar(0), Vec.of(z), Vec.of(g));
        for (int i = 0; i < kappa.length; i++) {
            String at = "kappa " + kappa[i] + " z " + z[i];
            assertTrue(Double.isFinite(z[i]) && Math.abs(z[i]) * Math.sqrt(kappa[i]) < 8, at);
            double want = -z[i] / (2 * kappa[i]);
            assertTrue(g[i] == want || Math.abs(g[i] - want) <= 1e-12 * Math.abs(want), at + ": dz/dkappa " + g[i] + " vs " + want);
        }
    }

    @Test
    void rsampleEqualsSampleThenGradientKernel() {
        int n = 2000;
        double[] kappa = new double[n], loc = new double[n];
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < n; i++) {
            kappa[i] = i % 10 == 0 ? 0 : Math.exp(r.nextDouble(Math.log(1e-3), Math.log(1e5)));
            loc[i] = r.nextDouble(-4, 4);
        }
        double[] z = new double[n], g = new double[n], z2 = new double[n], e = new double[n];
        S.vonMisesRsample(4, Vec.of(kappa), Vec.of(loc), Vec.of(z), Vec.of(g));
        S.vonMises(4, Vec.of(kappa), Vec.of(loc), Vec.of(z2));
        IRG.vonMises().gradKappa(Vec.of(kappa), Vec.of(loc), Vec.of(z2), Vec.of(e));
        assertArrayEquals(z2, z);
        assertArrayEquals(e, g);
        for (int i = 0; i < n; i++) {
            assertTrue(Double.isFinite(g[i]), "kappa " + kappa[i]);
            // samples are pulled towards the mode: dz/dkappa has the sign of -(z - loc)
            assertTrue(g[i] * (z[i] - loc[i]) <= 0, "sign at kappa " + kappa[i]);
        }
        float[] kf = new float[n], zf = new float[n], gf = new float[n], ef = new float[n];
        for (int i = 0; i < n; i++) {
            kf[i] = (float) kappa[i];
        }
        S.vonMisesRsample(4, Vec.of(kf), Vec.scalar(0), Vec.of(zf), Vec.of(gf));
        IRG.vonMises().gradKappa(Vec.of(kf), Vec.scalar(0), Vec.of(zf), Vec.of(ef));
        assertArrayEquals(ef, gf);
    }

    /** von Mises(0, kappa): E[cos z] = A(kappa) = I1/I0, so E[-sin z dz/dkappa] = A' = 1 - A/kappa - A^2. */
    @ParameterizedTest
    @ValueSource(doubles = {0.3, 2, 30, 1e3, 1e5})
    void gradientIsUnbiased(double kappa) {
        double[] z = new double[N], g = new double[N];
        S.vonMisesRsample(24, Vec.scalar(kappa), Vec.scalar(0), Vec.of(z), Vec.of(g));
        double[] f = new double[N];
        for (int i = 0; i < N; i++) {
            f[i] = -Math.sin(z[i]) * g[i];
        }
        MonteCarlo.assertMean("E[-sin z dz/dkappa], kappa " + kappa, besselRatioDerivative(kappa), f);
    }

    /**
     * A'(kappa) = 1 - A/kappa - A^2 with A = I1/I0 = E[cos t] under the von Mises density, by the
     * trapezoid rule over one period (exponentially accurate for a periodic analytic integrand); for
     * kappa above 1e4, where 1 - A^2 - A/kappa cancels, the asymptotic series
     * A' = 1/(2 kappa^2) + 1/(4 kappa^3) + 3/(8 kappa^4) (relative error below 2e-12 there, checked with mpmath).
     */
    static double besselRatioDerivative(double kappa) {
        if (kappa > 1e4) {
            return 1 / (2 * kappa * kappa) + 1 / (4 * kappa * kappa * kappa) + 3 / (8 * kappa * kappa * kappa * kappa);
        }
        int m = 1 << 14;
        double num = 0, den = 0;
        for (int i = 0; i < m; i++) {
            double t = -Math.PI + 2 * Math.PI * i / m;
            double s = Math.sin(0.5 * t);
            double w = Math.exp(-2 * kappa * s * s);
            num += Math.cos(t) * w;
            den += w;
        }
        double a = num / den;
        return 1 - a / kappa - a * a;
    }
}
