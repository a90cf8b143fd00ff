package dev.irg.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Sampling;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The variance experiment's exact gradients: against mpmath's numerical derivatives of the closed-form
 * expectation (50 digits, examples/scripts/variance_exact.py -> variance-exact.csv) and against central
 * differences of the Java closed form; and every estimator's mean against them (unbiasedness).
 */
class GradientVarianceTest {
    static Map<String, Double> mpmath() throws IOException {
        Map<String, Double> m = new HashMap<>();
        try (InputStream in = GradientVarianceTest.class.getResourceAsStream("/variance-exact.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.startsWith("model,") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                m.put(f[0] + "/" + f[1], Double.parseDouble(f[2]));
            }
        }
        return m;
    }

    @Test
    void exactGradientsMatchMpmathAndFiniteDifferences() throws IOException {
        Map<String, Double> ref = mpmath();
        int checked = 0;
        for (VarianceModels.Model m : VarianceModels.defaults()) {
            double[] g = m.exactGradient();
            assertEquals(ref.get(m.name() + "/g"), m.expected(m.p1(), m.p2()), 1e-13 * Math.abs(ref.get(m.name() + "/g")), m.name());
            for (int p = 0; p < 2; p++) {
                double want = ref.get(m.name() + "/d" + (p + 1));
                assertEquals(want, g[p], 1e-12 * Math.abs(want), m.name() + " d/d" + m.paramNames()[p]);
                double h = 1e-5 * (p == 0 ? Math.max(1, Math.abs(m.p1())) : Math.abs(m.p2()));
                double fd = p == 0 ? (m.expected(m.p1() + h, m.p2()) - m.expected(m.p1() - h, m.p2())) / (2 * h)
                        : (m.expected(m.p1(), m.p2() + h) - m.expected(m.p1(), m.p2() - h)) / (2 * h);
                assertEquals(g[p], fd, 1e-7 * Math.max(1, Math.abs(g[p])), m.name() + " finite difference d/d" + m.paramNames()[p]);
                checked++;
            }
        }
        assertEquals(6, checked);
    }

    @Test
    void everyEstimatorIsUnbiased() {
        Sampling s = Irg.using(Backend.SCALAR).sampling();
        for (VarianceModels.Model m : VarianceModels.defaults()) {
            for (GradientVariance.Estimator e : GradientVariance.estimators(m)) {
                int n = e == GradientVariance.INVERSE_CDF_FD ? 64 : 512;
                GradientVariance.Stat st = GradientVariance.measure(s, m, e, n, 40, 5);
                for (int p = 0; p < 2; p++) {
                    // 40 estimates: the mean is within 5 standard errors of the exact gradient
                    assertTrue(Math.abs(st.bias()[p]) < 5 * st.biasSe()[p] + 1e-12,
                            m.name() + " " + e.name() + " d/d" + m.paramNames()[p] + ": bias " + st.bias()[p] + " s.e. " + st.biasSe()[p]);
                }
            }
        }
    }

    @Test
    void implicitReparameterizationHasLowerVarianceThanTheScoreFunction() {
        Sampling s = Irg.using(Backend.SCALAR).sampling();
        for (VarianceModels.Model m : VarianceModels.defaults()) {
            GradientVariance.Stat irg = GradientVariance.measure(s, m, GradientVariance.IMPLICIT, 16, 100, 9);
            GradientVariance.Stat sf = GradientVariance.measure(s, m, GradientVariance.SCORE, 16, 100, 9);
            for (int p = 0; p < 2; p++) {
                assertTrue(irg.variance()[p] < sf.variance()[p], m.name() + " d/d" + m.paramNames()[p]);
            }
        }
    }
}
