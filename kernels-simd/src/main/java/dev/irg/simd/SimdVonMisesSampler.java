package dev.irg.simd;

import static dev.irg.sampling.SamplingConstants.SUBSTREAM_MAIN;
import static dev.irg.sampling.SamplingConstants.VONMISES_FIRST_ATTEMPT_BLOCK;
import static dev.irg.sampling.SamplingConstants.VONMISES_MAX_ATTEMPTS;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;

import dev.irg.sampling.VonMisesSampler;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * von Mises(kappa) samples about location 0 for a block of consecutive elements, bit-identical to
 * {@link VonMisesSampler} (Best-Fisher, the same counters). As in {@link SimdGammaSampler}, the
 * attempts run as rounds over the compacted list of pending elements with the Philox words of each
 * round generated in vectors, and the attempts themselves in vector lanes ({@link #attempts}: the scalar
 * {@link VonMisesSampler#attempt}'s operations in the same order, its sine, cosine, atan2 and log from
 * {@link VectorSamplerMath}), so the samples are the scalar ones bit for bit.
 */
final class SimdVonMisesSampler {
    private static final VectorSpecies<Double> SP = Lanes.SD;

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
            for (int p = 0; p < n; p++) {
                int i = pend[p];
                s.vk[p] = kappa[i];
                s.vs[p] = sm1[i];
            }
            attempts(s.vk, s.vs, s.uA, s.uB, n, s);
            int rejected = 0;
            for (int p = 0; p < n; p++) {
                int i = pend[p];
                negative[i] = (byte) (s.uC[p] > 0.5 ? 1 : 0); // top bit of w3 (see VectorPhilox.uniforms)
                theta[i] = s.vtheta[p]; // also when rejected, as the scalar attempt writes it
                if (s.vaccept[p] == 0) {
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

    /**
     * {@link VonMisesSampler#attempt} for the round's pending elements {@code p < n} (rounded up to whole vectors) on
     * compact arrays: {@code kappa[p]}, {@code sm1[p]} = s - 1 of the envelope, {@code u[p]}, {@code u2[p]} the
     * round's uniforms; writes {@code s.vtheta[p]} and {@code s.vaccept[p]} (1 accepted, 0 rejected). The same
     * operations in the same order as the scalar attempt (sin and cos of pi u/2 as SamplerMath.cos2pi of the same
     * exact arguments, atan2Positive and log from VectorSamplerMath; Java evaluates a * b + c as two roundings, so do
     * these lanes), hence the same bits; the scalar attempt's short-circuit only skips the log, computed here always.
     */
    static void attempts(double[] kappa, double[] sm1, double[] u, double[] u2, int n, SamplerScratch s) {
        double[] sh = s.vsh;
        double[] ch = s.vch;
        double[] ratio = s.vratio;
        double[] theta = s.vtheta;
        double[] accept = s.vaccept;
        for (int i = 0; i < n; i += SP.length()) {
            DoubleVector quarter = DoubleVector.fromArray(SP, u, i).mul(0.25);
            quarter.sub(0.25).intoArray(sh, i); // sin(pi u/2) = cos(2 pi (u/4 - 1/4))
            quarter.intoArray(ch, i);           // cos(pi u/2) = cos(2 pi u/4)
        }
        VectorSamplerMath.cos2pi(sh, sh, n);
        VectorSamplerMath.cos2pi(ch, ch, n);
        for (int i = 0; i < n; i += SP.length()) {
            DoubleVector sm = DoubleVector.fromArray(SP, sm1, i);
            DoubleVector shv = DoubleVector.fromArray(SP, sh, i);
            DoubleVector chv = DoubleVector.fromArray(SP, ch, i);
            DoubleVector oneMinusT = shv.mul(2).mul(shv);
            DoubleVector onePlusT = chv.mul(2).mul(chv);
            DoubleVector sPlusT = sm.add(onePlusT);
            DoubleVector oneMinusF = sm.mul(oneMinusT).div(sPlusT);
            DoubleVector onePlusF = sm.add(2).mul(onePlusT).div(sPlusT);
            oneMinusF.sqrt().intoArray(sh, i);
            onePlusF.sqrt().intoArray(ch, i);
            DoubleVector c = DoubleVector.fromArray(SP, kappa, i).mul(sm.add(oneMinusF)); // kappa (s - f)
            c.intoArray(accept, i);
            c.div(DoubleVector.fromArray(SP, u2, i)).intoArray(ratio, i);
        }
        VectorSamplerMath.atan2Positive(sh, ch, theta, n);
        VectorSamplerMath.log(ratio, ratio, n);
        for (int i = 0; i < n; i += SP.length()) {
            DoubleVector.fromArray(SP, theta, i).mul(2).intoArray(theta, i);
            DoubleVector c = DoubleVector.fromArray(SP, accept, i);
            DoubleVector squeeze = c.mul(c.neg().add(2)).sub(DoubleVector.fromArray(SP, u2, i)); // c (2 - c) - u2
            DoubleVector exact = DoubleVector.fromArray(SP, ratio, i).add(1).sub(c);            // log(c/u2) + 1 - c
            // accepted when squeeze > 0 or exact >= 0: two blends, no mask logic
            c.broadcast(0.0).blend(1.0, squeeze.compare(GT, 0.0)).blend(1.0, exact.compare(GE, 0.0)).intoArray(accept, i);
        }
    }
}
