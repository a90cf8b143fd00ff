package dev.irg.simd;

import static dev.irg.sampling.SamplingConstants.SUBSTREAM_MAIN;
import static dev.irg.sampling.SamplingConstants.VONMISES_FIRST_ATTEMPT_BLOCK;
import static dev.irg.sampling.SamplingConstants.VONMISES_MAX_ATTEMPTS;

import dev.irg.sampling.VonMisesSampler;

/**
 * von Mises(kappa) samples about location 0 for a block of consecutive elements, bit-identical to
 * {@link VonMisesSampler} (Best-Fisher, the same counters). As in {@link SimdGammaSampler}, the
 * attempts run as rounds over the compacted list of pending elements with the Philox words of each
 * round generated in vectors; each lane's attempt (sin, cos, atan2, the acceptance test) is the
 * scalar sampler's {@link VonMisesSampler#attempt}, so the samples are the scalar ones bit for bit.
 */
final class SimdVonMisesSampler {
    private final VectorPhilox philox;

    SimdVonMisesSampler(VectorPhilox philox) {
        this.philox = philox;
    }

    /**
     * {@code out[i]} = the von Mises(kappa[i]) sample about 0 of element {@code base + i}, {@code i < cnt};
     * NaN for an invalid kappa.
     */
    void sample(long seed, long base, double[] kappa, int cnt, double[] out, SamplerScratch s) {
        s.ensure(cnt);
        int[] pend = s.pend;
        int[] uniform = s.aux;
        double[] sm1 = s.d;
        double[] theta = s.x;
        byte[] negative = s.region;
        int n = 0;
        int nu = 0;
        for (int i = 0; i < cnt; i++) {
            switch (VonMisesSampler.classify(kappa[i])) {
                case INVALID -> out[i] = Double.NaN;
                case UNIFORM -> uniform[nu++] = i;
                case BEST_FISHER -> {
                    sm1[i] = VonMisesSampler.envelopeSMinus1(kappa[i]);
                    theta[i] = 0;
                    negative[i] = 0;
                    pend[n++] = i;
                }
            }
        }
        if (nu > 0) {
            philox.uniformsAt(seed, SUBSTREAM_MAIN, VONMISES_FIRST_ATTEMPT_BLOCK, base, uniform, nu, s.pe, s.uA, null, null);
            for (int p = 0; p < nu; p++) {
                out[uniform[p]] = VonMisesSampler.uniform(s.uA[p]);
            }
        }
        int bf = n;
        System.arraycopy(pend, 0, uniform, 0, bf); // keep the Best-Fisher elements for the sign below
        for (int k = 0; k < VONMISES_MAX_ATTEMPTS && n > 0; k++) {
            philox.uniformsAt(seed, SUBSTREAM_MAIN, VONMISES_FIRST_ATTEMPT_BLOCK + k, base, pend, n, s.pe, s.uA, s.uB, s.uC);
            int rejected = 0;
            for (int p = 0; p < n; p++) {
                int i = pend[p];
                negative[i] = (byte) (s.uC[p] > 0.5 ? 1 : 0); // top bit of w3 (see VectorPhilox.uniforms)
                if (!VonMisesSampler.attempt(kappa[i], sm1[i], s.uA[p], s.uB[p], theta, i)) {
                    pend[rejected++] = i;
                }
            }
            n = rejected;
        }
        for (int p = 0; p < bf; p++) {
            int i = uniform[p];
            out[i] = negative[i] != 0 ? -theta[i] : theta[i];
        }
    }
}
