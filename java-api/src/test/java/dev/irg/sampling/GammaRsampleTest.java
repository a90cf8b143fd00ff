package dev.irg.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Sampling;
import dev.irg.Vec;
import dev.irg.math.IncompleteGamma;
import java.util.SplittableRandom;
import org.apache.commons.numbers.gamma.Trigamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Gamma rsample (z and log z): gradients are the kernels' at the returned samples, and unbiased. */
class GammaRsampleTest {
    static final int N = 20_000;
    static final Irg IRG = Irg.using(Backend.SCALAR);
    static final Sampling S = IRG.sampling();

    @Test
    void rsampleEqualsSampleThenGradientKernels() {
        int n = 2000;
        double[] alpha = new double[n], rate = new double[n];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            alpha[i] = Math.exp(r.nextDouble(Math.log(1e-3), Math.log(1e4)));
            rate[i] = Math.exp(r.nextDouble(-2, 2));
        }
        double[] z = new double[n], ga = new double[n], gr = new double[n];
        S.gammaRsample(3, Vec.of(alpha), Vec.of(rate), Vec.of(z), Vec.of(ga), Vec.of(gr));
        double[] z2 = new double[n], ga2 = new double[n], gr2 = new double[n];
        S.gamma(3, Vec.of(alpha), Vec.of(rate), Vec.of(z2));
        IRG.gamma().gradAlpha(Vec.of(alpha), Vec.of(rate), Vec.of(z2), Vec.of(ga2));
        IRG.gamma().gradRate(Vec.of(alpha), Vec.of(rate), Vec.of(z2), Vec.of(gr2));
        assertArrayEquals(z2, z);
        assertArrayEquals(ga2, ga);
        assertArrayEquals(gr2, gr);
        for (int i = 0; i < n; i++) {
            assertTrue(ga[i] >= 0 && gr[i] <= 0, "signs at alpha " + alpha[i]);
        }
        float[] af = new float[n], zf = new float[n], gf = new float[n], gf2 = new float[n];
        for (int i = 0; i < n; i++) {
            af[i] = (float) alpha[i];
        }
        S.gammaRsample(3, Vec.of(af), Vec.scalar(1), Vec.of(zf), Vec.of(gf), null);
        IRG.gamma().gradAlpha(af, zf, gf2);
        assertArrayEquals(gf2, gf);
    }

    @Test
    void logRsampleUsesTheLogSpaceGradient() {
        int n = 500;
        double[] lz = new double[n], dl = new double[n], dr = new double[n], z = new double[n], g = new double[n];
        for (double alpha : new double[] {1e-4, 0.02, 0.7, 3, 1e3}) {
            S.gammaLogRsample(5, Vec.scalar(alpha), Vec.scalar(2), Vec.of(lz), Vec.of(dl), Vec.of(dr));
            S.gammaRsample(5, Vec.scalar(alpha), Vec.scalar(2), Vec.of(z), Vec.of(g), null);
            for (int i = 0; i < n; i++) {
                assertEquals(IncompleteGamma.dLogXdAlpha(alpha, lz[i] + Math.log(2)), dl[i], 0.0);
                assertEquals(-0.5, dr[i]);
                assertTrue(Double.isFinite(dl[i]) && Double.isFinite(lz[i]), "alpha " + alpha);
                if (z[i] > 1e-300) { // where z is a normal float64 both forms agree: d log z = dz / z
                    assertEquals(g[i] / z[i], dl[i], 1e-9 * Math.abs(dl[i]), "alpha " + alpha + " z " + z[i]);
                }
            }
        }
    }

    /** Gamma(alpha, 1): E[z] = alpha so E[dz/dalpha] = 1; E[log z] = psi(alpha) so E[d log z/dalpha] = psi'(alpha). */
    @ParameterizedTest
    @ValueSource(doubles = {1e-4, 0.01, 0.3, 1, 4.5, 100, 1e4})
    void gradientIsUnbiased(double alpha) {
        double[] z = new double[N], g = new double[N], lz = new double[N], dl = new double[N];
        if (alpha >= 0.01) { // below, E[dz/dalpha] = 1 comes from rare large z: too few in N samples
            S.gammaRsample(21, Vec.scalar(alpha), Vec.scalar(1), Vec.of(z), Vec.of(g), null);
            MonteCarlo.assertMean("E[dz/dalpha], alpha " + alpha, 1, g);
        }
        S.gammaLogRsample(21, Vec.scalar(alpha), Vec.scalar(1), Vec.of(lz), Vec.of(dl), null);
        MonteCarlo.assertMean("E[dlog z/dalpha], alpha " + alpha, Trigamma.value(alpha), dl);
    }

    /** Gamma(alpha, rate): E[z] = alpha/rate, so E[dz/dalpha] = 1/rate and E[dz/drate] = -alpha/rate^2. */
    @ParameterizedTest
    @CsvSource({"0.4, 3", "6, 0.25"})
    void rateGradientIsUnbiased(double alpha, double rate) {
        double[] z = new double[N], ga = new double[N], gr = new double[N];
        S.gammaRsample(22, Vec.scalar(alpha), Vec.scalar(rate), Vec.of(z), Vec.of(ga), Vec.of(gr));
        MonteCarlo.assertMean("E[dz/dalpha]", 1 / rate, ga);
        MonteCarlo.assertMean("E[dz/drate]", -alpha / (rate * rate), gr);
    }
}
