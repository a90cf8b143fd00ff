package dev.irg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Vec;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The SIMD Gamma kernels at alpha from 1e4 to 1e300, beyond the equivalence harness' domain (alpha up to 1e6):
 * the series below lambda = x/a = 0.3 (two terms per division; from GammaKernels.SERIES_PAIR_A_MAX = 2^500 on by the
 * scalar code, through the edge region: vectors of both kinds and mixed ones here), Temme's window
 * and the continued fraction above it. Every operation equals the scalar reference within 1e-12 relative (a
 * NaN or infinity in the same slot), for rates 1 and 1e-3 (rate z then differs from z).
 */
class GammaHugeAlphaSimdTest {
    @Test
    void hugeAlphaMatchesTheReference() {
        SplittableRandom r = new SplittableRandom(77);
        int n = 20_011;
        double[] a = new double[n];
        double[] rate = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            // blocks of 16 of one kind, so that vectors of all-small, all-huge and mixed alpha occur
            int kind = (i / 16) % 3;
            double lo = kind == 0 ? 1e4 : kind == 1 ? 0x1p500 : 1e4;
            double hi = kind == 0 ? 0x1p499 : kind == 1 ? 1e300 : 1e300;
            a[i] = Domains.logUniform(r, lo, hi);
            rate[i] = r.nextBoolean() ? 1.0 : 1e-3;
            double lambda = switch (r.nextInt(3)) {
                case 0 -> Domains.logUniform(r, 1e-6, 0.3);  // series
                case 1 -> 0.31 + 2.0 * r.nextDouble();       // Temme
                default -> Domains.logUniform(r, 2.4, 1e3);  // continued fraction
            };
            z[i] = a[i] * lambda / rate[i];
        }
        Irg simd = Irg.using(Backend.SIMD).threads(1);
        Irg ref = Irg.using(Backend.SCALAR).threads(1);
        for (Op op : new Op[] {Op.GAMMA_CDF, Op.GAMMA_DCDF_DALPHA, Op.GAMMA_GRAD_ALPHA}) {
            double[] s = new double[n];
            double[] q = new double[n];
            simd.evaluate(op, Vec.of(a), Vec.of(rate), Vec.of(z), Vec.of(s));
            ref.evaluate(op, Vec.of(a), Vec.of(rate), Vec.of(z), Vec.of(q));
            for (int i = 0; i < n; i++) {
                if (Double.compare(s[i], q[i]) != 0) {
                    String at = op + " alpha=" + a[i] + " rate=" + rate[i] + " z=" + z[i];
                    assertEquals(q[i], s[i], 1e-12 * Math.abs(q[i]), at);
                }
            }
        }
    }
}
