package dev.irg.simd;

import static dev.irg.sampling.SamplingConstants.SUBSTREAM_MAIN;
import static dev.irg.sampling.SamplingConstants.VONMISES_FIRST_ATTEMPT_BLOCK;
import static dev.irg.sampling.SamplingConstants.VONMISES_MAX_ATTEMPTS;
import static dev.irg.sampling.SamplingConstants.SAMPLER_HYPOT1_T_MAX;
import static dev.irg.sampling.SamplingConstants.VONMISES_HUGE_KAPPA;
import static dev.irg.sampling.SamplingConstants.VONMISES_RHO_SPLIT;
import static dev.irg.sampling.SamplingConstants.VONMISES_UNIFORM_BELOW;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NE;

import dev.irg.sampling.VonMisesSampler;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
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
        double[] theta = s.x;
        double[] negative = s.c; // 1 where the sample is -theta (the top bit of the last attempt's w3)
        int lanes = SP.length();
        long lists = classify(kappa, cnt, out, s);
        int n = (int) lists;
        int nu = (int) (lists >>> 32);
        if (nu > 0) {
            philox.uniformsAt(seed, SUBSTREAM_MAIN, VONMISES_FIRST_ATTEMPT_BLOCK, base, uniform, nu, s.pe, s.uA, null, null);
            for (int p = 0; p < nu; p++) {
                out[uniform[p]] = VonMisesSampler.uniform(s.uA[p]);
            }
        }
        DoubleVector lane = DoubleVector.fromArray(SP, Lanes.LANE_NUMBERS, 0);
        for (int k = 0; k < VONMISES_MAX_ATTEMPTS && n > 0; k++) {
            // pend padded to whole vectors too: the padding lanes repeat the last element, with its own values
            philox.uniformsAt(seed, SUBSTREAM_MAIN, VONMISES_FIRST_ATTEMPT_BLOCK + k, base, pend, n, s.pe, s.uA, s.uB, s.uC);
            for (int p = 0; p < n; p += lanes) {
                DoubleVector.fromArray(SP, kappa, 0, pend, p).intoArray(s.vk, p);
                DoubleVector.fromArray(SP, s.d, 0, pend, p).intoArray(s.vs, p);
            }
            attempts(s.vk, s.vs, s.uA, s.uB, n, s);
            // per element: the sign and theta (also when rejected, as the scalar attempt writes them), scattered
            // through the list; the rejected elements compressed into the next round's list, in order
            int rejected = 0;
            for (int p = 0; p < n; p += lanes) {
                DoubleVector uC = DoubleVector.fromArray(SP, s.uC, p);
                uC.broadcast(0.0).blend(1.0, uC.compare(GT, 0.5)).intoArray(negative, 0, pend, p); // top bit of w3
                DoubleVector.fromArray(SP, s.vtheta, p).intoArray(theta, 0, pend, p);
                // rejected: accept 0, in a lane of the list (the padding lanes' accept taken as 1)
                VectorMask<Double> rej = DoubleVector.fromArray(SP, s.vaccept, p)
                        .blend(1.0, lane.compare(GE, (double) (n - p))).compare(EQ, 0.0);
                IntVector.fromArray(SI, pend, p).compress(rej.cast(SI)).intoArray(pend, rejected);
                rejected += rej.trueCount();
            }
            n = rejected;
        }
        // the Best-Fisher elements' samples: theta or -theta
        for (int i = 0; i < cnt; i += lanes) {
            DoubleVector t = DoubleVector.fromArray(SP, theta, i);
            DoubleVector signed = t.blend(t.neg(), DoubleVector.fromArray(SP, negative, i).compare(NE, 0.0));
            DoubleVector.fromArray(SP, out, i).blend(signed, DoubleVector.fromArray(SP, s.code, i).compare(EQ, BEST_FISHER))
                    .intoArray(out, i);
        }
    }

    /** Region codes of classify (SamplerScratch.code). */
    private static final double INVALID = 0;
    private static final double UNIFORM = 1;
    private static final double BEST_FISHER = 2;
    private static final VectorSpecies<Integer> SI = Lanes.SI;

    /**
     * {@link VonMisesSampler#classify} and {@link VonMisesSampler#envelopeSMinus1} of every element in vectors
     * (the same operations in the same order, both branches of each test formed and blended: the same bits): the
     * region codes into {@code s.code} (whole vectors, INVALID past cnt), s - 1 into {@code s.d}, theta = 0 and the
     * sign 0 of every element, NaN into {@code out} for invalid elements, the Best-Fisher elements' list into
     * {@code s.pend} and the uniform ones' into {@code s.aux}. Returns the two lengths, the uniform list's in the
     * high 32 bits. (The scalar loop of the first version, a switch and the envelope per element, was 40 % of the
     * sampler's time: JFR, kappa log-uniform on [1e-2, 1e3].)
     */
    private static long classify(double[] kappa, int cnt, double[] out, SamplerScratch s) {
        int lanes = SP.length();
        DoubleVector lane = DoubleVector.fromArray(SP, Lanes.LANE_NUMBERS, 0);
        IntVector laneInt = IntVector.fromArray(SI, Lanes.LANE_NUMBERS_INT, 0);
        int n = 0;
        int nu = 0;
        for (int i = 0; i < cnt; i += lanes) {
            DoubleVector kap = DoubleVector.fromArray(SP, kappa, i);
            // valid: kappa >= 0 and not +infinity (NaN fails), in a lane of the block
            DoubleVector v = kap.blend(Double.NaN, lane.compare(GE, (double) (cnt - i)));
            VectorMask<Double> valid = v.blend(Double.NaN, v.compare(EQ, Double.POSITIVE_INFINITY)).compare(GE, 0.0);
            VectorMask<Double> small = kap.compare(LT, VONMISES_UNIFORM_BELOW);
            DoubleVector code = kap.broadcast(INVALID).blend(kap.broadcast(BEST_FISHER).blend(UNIFORM, small), valid);
            code.intoArray(s.code, i);
            DoubleVector.fromArray(SP, out, i).blend(Double.NaN, code.compare(EQ, INVALID)).intoArray(out, i);
            envelopeSMinus1(kap).intoArray(s.d, i);
            kap.broadcast(0.0).intoArray(s.x, i);
            kap.broadcast(0.0).intoArray(s.c, i);
            VectorMask<Double> bf = code.compare(EQ, BEST_FISHER);
            VectorMask<Double> uni = code.compare(EQ, UNIFORM);
            IntVector index = laneInt.add(i);
            index.compress(bf.cast(SI)).intoArray(s.pend, n);
            index.compress(uni.cast(SI)).intoArray(s.aux, nu);
            n += bf.trueCount();
            nu += uni.trueCount();
        }
        return (long) nu << 32 | n;
    }

    /** {@link VonMisesSampler#envelopeSMinus1} lane-wise (both branches of each test evaluated, then blended). */
    private static DoubleVector envelopeSMinus1(DoubleVector kappa) {
        DoubleVector e = kappa.broadcast(1.0).div(kappa.sqrt());
        DoubleVector huge = e.mul(e).div(e.add(1).mul(2));
        DoubleVector t = kappa.mul(2);
        DoubleVector root = t.fma(t, t.broadcast(1.0)).sqrt().blend(t, t.compare(GT, SAMPLER_HYPOT1_T_MAX));
        DoubleVector tau = root.add(1);
        DoubleVector sq = tau.mul(2).sqrt();
        DoubleVector rho = t.mul(tau).div(root.add(1).mul(tau.add(sq)));
        DoubleVector far = sq.sub(1).sub(t.broadcast(1.0).div(t.add(root))).div(t);
        DoubleVector oneMinusRho = rho.neg().add(1).blend(far, rho.compare(GE, VONMISES_RHO_SPLIT));
        DoubleVector r = oneMinusRho.mul(oneMinusRho).div(rho.mul(2));
        return r.blend(huge, kappa.compare(GT, VONMISES_HUGE_KAPPA));
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
