package dev.irg.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Vec;
import org.junit.jupiter.api.Test;

/** von Mises through the public API on the scalar backend: location, broadcast, NaN slots. */
class VonMisesApiTest {

    @Test
    void scalarBackendMatchesTheReferenceWithLocation() {
        Irg irg = Irg.using(Backend.SCALAR);
        double[] kappa = {0.0, 1e-4, 2.0, 30.0, 1e5, -1.0, Double.NaN};
        double[] loc = {0.5, -1.0, 3.0, 0.0, 0.001, 0.0, 0.0};
        double[] z = {0.1, 2.0, -3.0, 0.2, 0.0012, 0.3, 0.3};
        double[] cdf = new double[7];
        double[] d = new double[7];
        double[] g = new double[7];
        irg.vonMises().cdf(Vec.of(kappa), Vec.of(loc), Vec.of(z), Vec.of(cdf));
        irg.vonMises().dcdfDkappa(Vec.of(kappa), Vec.of(loc), Vec.of(z), Vec.of(d));
        irg.vonMises().gradKappa(Vec.of(kappa), Vec.of(loc), Vec.of(z), Vec.of(g));
        for (int i = 0; i < 5; i++) {
            // the location enters as z - loc plus its rounding remainder (VonMisesCdf.differenceLo)
            double u = z[i] - loc[i];
            double uLo = VonMisesCdf.differenceLo(z[i], loc[i], u);
            assertEquals(VonMisesCdf.cdf(kappa[i], u, uLo), cdf[i], 0.0);
            assertEquals(VonMisesCdf.dcdfDkappa(kappa[i], u, uLo), d[i], 0.0);
            assertEquals(VonMisesCdf.gradKappa(kappa[i], u, uLo), g[i], 0.0);
        }
        for (int i = 5; i < 7; i++) {
            assertTrue(Double.isNaN(cdf[i]) && Double.isNaN(d[i]) && Double.isNaN(g[i]), "slot " + i);
        }
    }

    @Test
    void broadcastKappaOverSamples() {
        double[] z = {-3.0, -1.0, -0.1, 0.0, 0.1, 1.0, 3.0};
        double[] g = new double[z.length];
        Irg.using(Backend.SCALAR).vonMises().gradKappa(4.0, z, g);
        for (int i = 0; i < z.length; i++) {
            assertEquals(VonMisesCdf.gradKappa(4.0, z[i]), g[i], 0.0);
            assertEquals(-Math.signum(z[i]), Math.signum(g[i]), 0.0);
        }
    }
}
