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
import org.junit.jupiter.params.provider.CsvSource;

/** Beta rsample: gradients are the kernels' at the returned samples, and unbiased. */
class BetaRsampleTest {
    static final int N = 20_000;
    static final Irg IRG = Irg.using(Backend.SCALAR);
    static final Sampling S = IRG.sampling();

    @Test
    void rsampleEqualsSampleThenGradientKernels() {
        int n = 2000;
        double[] a = new double[n], b = new double[n];
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < n; i++) {
            a[i] = Math.exp(r.nextDouble(Math.log(1e-2), Math.log(1e3)));
            b[i] = Math.exp(r.nextDouble(Math.log(1e-2), Math.log(1e3)));
        }
        double[] z = new double[n], g0 = new double[n], g1 = new double[n];
        double[] zs = new double[n], e0 = new double[n], e1 = new double[n];
        S.betaRsample(4, Vec.of(a), Vec.of(b), Vec.of(z), Vec.of(g0), Vec.of(g1));
        S.beta(4, Vec.of(a), Vec.of(b), Vec.of(zs));
        IRG.beta().gradA(Vec.of(a), Vec.of(b), Vec.of(zs), Vec.of(e0));
        IRG.beta().gradB(Vec.of(a), Vec.of(b), Vec.of(zs), Vec.of(e1));
        assertArrayEquals(zs, z);
        assertArrayEquals(e0, g0);
        assertArrayEquals(e1, g1);
        for (int i = 0; i < n; i++) {
            assertTrue(g0[i] >= 0 && g1[i] <= 0, "signs at a " + a[i] + " b " + b[i] + " z " + z[i]);
        }
    }

    /** Tiny shapes (pytorch#76030, #15738): samples at or next to 0 and 1, gradients still finite and signed. */
    @Test
    void tinyShapesGiveFiniteGradients() {
        int n = 4000;
        for (double[] ab : new double[][] {{1e-3, 1e-3}, {1e-2, 2}, {3, 1e-3}}) {
            double[] z = new double[n], g0 = new double[n], g1 = new double[n];
            S.betaRsample(9, Vec.scalar(ab[0]), Vec.scalar(ab[1]), Vec.of(z), Vec.of(g0), Vec.of(g1));
            for (int i = 0; i < n; i++) {
                assertTrue(z[i] >= 0 && z[i] <= 1 && Double.isFinite(g0[i]) && Double.isFinite(g1[i])
                        && g0[i] >= 0 && g1[i] <= 0, "Beta(" + ab[0] + ", " + ab[1] + "): z " + z[i] + " grads " + g0[i] + ", " + g1[i]);
            }
        }
    }

    /** Beta(a, b): E[z] = a/(a+b), so E[dz/da] = b/(a+b)^2 and E[dz/db] = -a/(a+b)^2. */
    @ParameterizedTest
    @CsvSource({"0.5, 0.5", "2, 5", "0.05, 3", "50, 20", "1e3, 0.7"})
    void gradientIsUnbiased(double a, double b) {
        double[] z = new double[N], ga = new double[N], gb = new double[N];
        S.betaRsample(23, Vec.scalar(a), Vec.scalar(b), Vec.of(z), Vec.of(ga), Vec.of(gb));
        double s = (a + b) * (a + b);
        MonteCarlo.assertMean("E[dz/da], Beta(" + a + ", " + b + ")", b / s, ga);
        MonteCarlo.assertMean("E[dz/db], Beta(" + a + ", " + b + ")", -a / s, gb);
    }
}
