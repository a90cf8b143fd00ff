package dev.irg.simd;

import static dev.irg.sampling.SamplingConstants.GAMMA_BOOST_BELOW;
import static dev.irg.sampling.SamplingConstants.GAMMA_BOOST_BLOCK;
import static dev.irg.sampling.SamplingConstants.GAMMA_FIRST_ATTEMPT_BLOCK;
import static dev.irg.sampling.SamplingConstants.GAMMA_MAX_ATTEMPTS;
import static dev.irg.sampling.SamplingConstants.GAMMA_SQUEEZE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LT;

import dev.irg.sampling.GammaSampler;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Standard Gamma(alpha, 1) samples (or their logs) for a block of consecutive elements, bit-identical
 * to {@link GammaSampler}: Marsaglia-Tsang for alpha &ge; 1, the boost for alpha &lt; 1, the same
 * counters (docs/sampling.md).
 *
 * <p>Shape of the computation: classify every element (invalid / boost / direct), then run the
 * attempts as rounds over the list of still-pending elements. A round generates the Philox block of
 * attempt {@code k} for all pending elements in vectors ({@link VectorPhilox}), then forms the
 * Box-Muller normals and the squeeze test in vectors ({@link VectorSamplerMath}: the scalar sampler's
 * own {@link dev.irg.sampling.SamplerMath} functions, lane by lane the same bits); the few lanes the
 * squeeze leaves open take the scalar log test; rejected elements form the next round's list (a
 * compacted lane mask: a round's vectors hold only live lanes, so no lane idles while a neighbour
 * retries). At most {@link dev.irg.sampling.SamplingConstants#GAMMA_MAX_ATTEMPTS} rounds, then the
 * scalar fallback. The samples (or logs) from the accepted normals and the boost of alpha &lt; 1 run in
 * vectors too.
 */
final class SimdGammaSampler {
    private static final VectorSpecies<Double> SP = Lanes.SD;
    private static final byte INVALID = 0;
    private static final byte BOOST = 1;
    private static final byte DIRECT = 2;

    private final VectorPhilox philox;
    private final int maxAttempts;

    SimdGammaSampler(VectorPhilox philox) {
        this(philox, GAMMA_MAX_ATTEMPTS);
    }

    /** With another attempt cap (tests exercise the fallback with a small one). */
    SimdGammaSampler(VectorPhilox philox, int maxAttempts) {
        this.philox = philox;
        this.maxAttempts = maxAttempts;
    }

    /**
     * {@code out[i]} = the standard Gamma(alpha[i], 1) sample (its log when {@code log}) of element
     * {@code base + i}, substream {@code sub}, for {@code i < cnt}; NaN for an invalid alpha.
     */
    void sample(long seed, int sub, long base, double[] alpha, int cnt, boolean log, double[] out, SamplerScratch s) {
        s.ensure(cnt);
        byte[] region = s.region;
        double[] c = s.c;
        double[] x = s.x;
        int[] pend = s.pend;
        int n = classify(alpha, cnt, s);
        boolean identity = n == cnt; // every element pending, in order: the first round needs no gathers
        for (int k = 0; k < maxAttempts && n > 0; k++) {
            n = attempt(seed, sub, base, GAMMA_FIRST_ATTEMPT_BLOCK + k, n, k == 0 && identity, s);
        }
        for (int p = 0; p < n; p++) {
            int i = pend[p];
            x[i] = GammaSampler.fallback(x[i], c[i]);
        }
        finish(cnt, log, out, s);
        int nb = 0;
        for (int i = 0; i < cnt; i++) {
            if (region[i] == BOOST) {
                pend[nb++] = i;
            }
        }
        if (nb > 0) {
            philox.uniformsAt(seed, sub, GAMMA_BOOST_BLOCK, base, pend, nb, s.pe, s.uA, null, null);
            boost(alpha, nb, log, out, s);
        }
    }

    /**
     * {@link GammaSampler#classify}, {@link GammaSampler#mtD} and {@link GammaSampler#mtC} of every
     * element in vectors (the same operations, so the same bits): region codes, d and c, the proposal
     * x = 0, and the list of valid elements in {@code s.pend}; returns its length.
     */
    private static int classify(double[] alpha, int cnt, SamplerScratch s) {
        int lanes = SP.length();
        int n = 0;
        for (int i = 0; i < cnt; i += lanes) {
            DoubleVector al = DoubleVector.fromArray(SP, alpha, i);
            VectorMask<Double> boost = al.compare(LT, GAMMA_BOOST_BELOW);
            DoubleVector d = al.blend(al.add(1), boost).sub(1.0 / 3);
            d.intoArray(s.d, i);
            d.broadcast(1).div(d.mul(9).sqrt()).intoArray(s.c, i);
            long valid = al.compare(GT, 0).toLong() & al.compare(LT, Double.POSITIVE_INFINITY).toLong();
            long boosted = boost.toLong();
            int end = Math.min(lanes, cnt - i);
            for (int j = 0; j < end; j++) {
                if ((valid >>> j & 1) == 0) {
                    s.region[i + j] = INVALID;
                    continue;
                }
                s.region[i + j] = (boosted >>> j & 1) != 0 ? BOOST : DIRECT;
                s.pend[n++] = i + j;
            }
        }
        Arrays.fill(s.x, 0, cnt, 0); // the proposal before any attempt (what the fallback sees with a cap of 0)
        return n;
    }

    /**
     * The sample (its log when {@code log}) of every element from its accepted normal, in vectors:
     * {@link GammaSampler#fromNormal} / {@link GammaSampler#logFromNormal} lane-wise; NaN for invalid
     * elements.
     */
    private static void finish(int cnt, boolean log, double[] out, SamplerScratch s) {
        int lanes = SP.length();
        if (log) {
            // log d + 3 log1p(c x)
            VectorSamplerMath.log(s.d, s.w0, cnt);
            for (int i = 0; i < cnt; i += lanes) {
                DoubleVector.fromArray(SP, s.c, i).mul(DoubleVector.fromArray(SP, s.x, i)).intoArray(s.w1, i);
            }
            VectorSamplerMath.log1p(s.w1, s.w1, s.uA, cnt);
            for (int i = 0; i < cnt; i += lanes) {
                DoubleVector.fromArray(SP, s.w0, i).add(DoubleVector.fromArray(SP, s.w1, i).mul(3)).intoArray(out, i);
            }
        } else {
            // d (1 + c x)^3
            for (int i = 0; i < cnt; i += lanes) {
                DoubleVector t = DoubleVector.fromArray(SP, s.c, i).mul(DoubleVector.fromArray(SP, s.x, i)).add(1);
                DoubleVector.fromArray(SP, s.d, i).mul(t.mul(t).mul(t)).intoArray(out, i);
            }
        }
        for (int i = 0; i < cnt; i++) {
            if (s.region[i] == INVALID) {
                out[i] = Double.NaN;
            }
        }
    }

    /**
     * The boost of the {@code nb} elements {@code s.pend[0..nb)} (alpha &lt; 1) with their uniforms
     * {@code s.uA[0..nb)}: {@link GammaSampler#boost} / {@link GammaSampler#logBoost} lane-wise.
     */
    private static void boost(double[] alpha, int nb, boolean log, double[] out, SamplerScratch s) {
        int[] pend = s.pend;
        int lanes = SP.length();
        // compact alpha and the Gamma(alpha + 1) samples of the boosted elements (w0, w1)
        for (int p = 0; p < nb; p++) {
            s.w0[p] = alpha[pend[p]];
            s.w1[p] = out[pend[p]];
        }
        VectorSamplerMath.log(s.uA, s.uA, nb);
        for (int p = 0; p < nb; p += lanes) {
            DoubleVector.fromArray(SP, s.uA, p).div(DoubleVector.fromArray(SP, s.w0, p)).intoArray(s.uA, p);
        }
        if (!log) {
            VectorSamplerMath.exp(s.uA, s.uA, nb);
        }
        for (int p = 0; p < nb; p += lanes) {
            DoubleVector g = DoubleVector.fromArray(SP, s.w1, p);
            DoubleVector w = DoubleVector.fromArray(SP, s.uA, p);
            (log ? g.add(w) : g.mul(w)).intoArray(s.w1, p);
        }
        for (int p = 0; p < nb; p++) {
            out[pend[p]] = s.w1[p];
        }
    }

    /** Pads the index list {@code idx[n..m)} with its last entry, so gathers over whole vectors stay in bounds. */
    private static void padIndex(int[] idx, int n, int m) {
        for (int p = n; p < m; p++) {
            idx[p] = idx[n - 1];
        }
    }

    /**
     * One Marsaglia-Tsang round over the {@code n} pending elements {@code s.pend[0..n)} ({@code identity}:
     * they are 0..n-1): records each proposal in {@code s.x}, keeps the rejected ones (in order) at the
     * front of {@code s.pend} and returns their number. The normal and the squeeze run in vectors; only
     * lanes the squeeze does not accept are visited one by one (the exact log test for those with
     * 1 + c x &gt; 0, about 5 %).
     */
    private int attempt(long seed, int sub, long base, int block, int n, boolean identity, SamplerScratch s) {
        int[] pend = s.pend;
        double[] uA = s.uA;
        double[] uB = s.uB;
        double[] uC = s.uC;
        int m = philox.uniformsAt(seed, sub, block, base, pend, n, s.pe, uA, uB, uC);
        padIndex(pend, n, m);
        VectorSamplerMath.log(uA, uA, n);
        VectorSamplerMath.cos2pi(uB, uB, n);
        int rejected = 0;
        int lanes = SP.length();
        for (int p = 0; p < n; p += lanes) {
            // GammaSampler.normal, then the first steps of GammaSampler.accepts, lane-wise
            DoubleVector x = DoubleVector.fromArray(SP, uA, p).mul(-2).sqrt().mul(DoubleVector.fromArray(SP, uB, p));
            DoubleVector c = identity ? DoubleVector.fromArray(SP, s.c, p) : DoubleVector.fromArray(SP, s.c, 0, pend, p);
            if (identity) {
                x.intoArray(s.x, p);
            } else {
                x.intoArray(s.x, 0, pend, p); // padding lanes repeat the last element with its own values
            }
            DoubleVector cx = c.mul(x);
            DoubleVector x2 = x.mul(x);
            // squeeze bound 1 - 0.0331 x^4, or 0 (never accepts: u > 0) where 1 + cx <= 0
            DoubleVector bound = x2.mul(GAMMA_SQUEEZE).mul(x2).neg().add(1).blend(0.0, cx.compare(LE, -1));
            long squeezed = DoubleVector.fromArray(SP, uC, p).compare(LT, bound).toLong();
            long open = cx.compare(GT, -1).toLong();
            int end = Math.min(lanes, n - p);
            long notSqueezed = ~squeezed & (end == 64 ? -1L : (1L << end) - 1);
            while (notSqueezed != 0) {
                int j = Long.numberOfTrailingZeros(notSqueezed);
                notSqueezed &= notSqueezed - 1;
                int i = identity ? p + j : pend[p + j];
                if ((open >>> j & 1) == 0 || !GammaSampler.accepts(s.x[i], uC[p + j], s.d[i], s.c[i])) {
                    pend[rejected++] = i; // rejected <= p + j: never overwrites an entry not yet read
                }
            }
        }
        return rejected;
    }
}
