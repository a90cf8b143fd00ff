package dev.irg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.irg.Distribution;
import dev.irg.Op;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The vector classification of {@link BetaKernels} against its scalar specification
 * {@link BetaKernels#driverRegion} (IncompleteBeta.classify plus the bands), element by element, on
 * the equivalence domain (edge and out-of-domain operands included) and on points exactly at the
 * band edges; every region is reached.
 */
class BetaKernelsTest {

    @Test
    void vectorClassifyEqualsScalarRegions() {
        SimdKernels k = SimdKernels.create(0);
        BetaKernels f = new BetaKernels(k.species());
        int m = SimdKernels.BLOCK;
        double[] a = new double[m];
        double[] b = new double[m];
        double[] x = new double[m];
        byte[] region = new byte[m];
        int[] seen = new int[f.regions()];
        SplittableRandom r = new SplittableRandom(41);
        for (int block = 0; block < 400; block++) {
            for (int i = 0; i < m; i++) {
                double[] t = Domains.draw(Distribution.BETA, r);
                a[i] = t[0];
                b[i] = t[1];
                x[i] = t[2];
                if (r.nextInt(16) == 0) {
                    // exactly on a series band edge: u (1 + q) = key with u = x on the lower side
                    double key = r.nextBoolean() ? BetaKernels.SERIES_SHORT_KEY : BetaKernels.SERIES_MID_KEY;
                    b[i] = 3.0;
                    a[i] = 50.0;
                    x[i] = key / 4.0;
                }
            }
            f.classify(Op.BETA_CDF, a, b, x, region, m);
            for (int i = 0; i < m; i++) {
                int want = BetaKernels.driverRegion(a[i], b[i], x[i]);
                assertEquals(want, region[i], "region of (" + a[i] + ", " + b[i] + ", " + x[i] + ")");
                seen[want]++;
            }
        }
        for (int c = 0; c < seen.length; c++) {
            assertEquals(true, seen[c] > 0, "region " + c + " never reached");
        }
    }
}
