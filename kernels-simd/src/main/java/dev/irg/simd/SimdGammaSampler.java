package dev.irg.simd;

import static dev.irg.sampling.SamplingConstants.GAMMA_BOOST_BELOW;
import static dev.irg.sampling.SamplingConstants.GAMMA_BOOST_BLOCK;
import static dev.irg.sampling.SamplingConstants.GAMMA_FIRST_ATTEMPT_BLOCK;
import static dev.irg.sampling.SamplingConstants.GAMMA_MAX_ATTEMPTS;
import static dev.irg.sampling.SamplingConstants.GAMMA_SQUEEZE;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LT;

import dev.irg.sampling.GammaSampler;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
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
    /** Region codes (SamplerScratch.code, one per element; doubles, so that they are formed and tested in vectors). */
    private static final double INVALID = 0;
    private static final double BOOST = 1;
    private static final double DIRECT = 2;
    private static final VectorSpecies<Integer> SI = Lanes.SI;

    /** Pending elements per chunk of a round (a multiple of every lane count): its uniforms stay in L1 between passes. */
    private static final int ATTEMPT_CHUNK = 512;

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
        double[] c = s.c;
        double[] x = s.x;
        int[] pend = s.pend;
        int n = classify(alpha, cnt, s);
        if (maxAttempts == 0) {
            Arrays.fill(x, 0, cnt, 0); // the proposal the fallback sees when no attempt ran (tests); else the first attempt's
        }
        boolean identity = n == cnt; // every element pending, in order: the first round needs no gathers
        for (int k = 0; k < maxAttempts && n > 0; k++) {
            n = attempt(seed, sub, base, GAMMA_FIRST_ATTEMPT_BLOCK + k, n, k == 0 && identity, s);
        }
        for (int p = 0; p < n; p++) {
            int i = pend[p];
            x[i] = GammaSampler.fallback(x[i], c[i]);
        }
        finish(cnt, log, out, s);
        int nb = boostList(cnt, s);
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
        DoubleVector lane = DoubleVector.fromArray(SP, Lanes.LANE_NUMBERS, 0);
        IntVector laneInt = IntVector.fromArray(SI, Lanes.LANE_NUMBERS_INT, 0);
        for (int i = 0; i < cnt; i += lanes) {
            DoubleVector al = DoubleVector.fromArray(SP, alpha, i);
            VectorMask<Double> boost = al.compare(LT, GAMMA_BOOST_BELOW);
            DoubleVector d = al.blend(al.add(1), boost).sub(1.0 / 3);
            d.intoArray(s.d, i);
            d.broadcast(1).div(d.mul(9).sqrt()).intoArray(s.c, i);
            // valid: 0 < alpha < infinity in a lane of the block; v - v + v is NaN for infinities and NaN, and the
            // lanes past cnt are NaN: one compare (blends and compares only, no mask logic: docs/simd.md "Inlining")
            DoubleVector v = al.blend(Double.NaN, lane.compare(GE, (double) (cnt - i)));
            VectorMask<Double> valid = v.sub(v).add(v).compare(GT, 0.0);
            al.broadcast(INVALID).blend(al.broadcast(DIRECT).blend(BOOST, boost), valid).intoArray(s.code, i);
            // the list of valid elements: their numbers compressed (written whole; pend has a vector of slack)
            laneInt.add(i).compress(valid.cast(SI)).intoArray(s.pend, n);
            n += valid.trueCount();
        }
        return n;
    }

    /** The list of boosted elements (code BOOST, in order) into {@code s.pend}; returns its length. */
    private static int boostList(int cnt, SamplerScratch s) {
        int nb = 0;
        IntVector laneInt = IntVector.fromArray(SI, Lanes.LANE_NUMBERS_INT, 0);
        for (int i = 0; i < cnt; i += SP.length()) { // classify wrote whole vectors, INVALID past cnt
            VectorMask<Double> boosted = DoubleVector.fromArray(SP, s.code, i).compare(EQ, BOOST);
            laneInt.add(i).compress(boosted.cast(SI)).intoArray(s.pend, nb);
            nb += boosted.trueCount();
        }
        return nb;
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
        for (int i = 0; i < cnt; i += lanes) {
            DoubleVector o = DoubleVector.fromArray(SP, out, i);
            o.blend(Double.NaN, DoubleVector.fromArray(SP, s.code, i).compare(EQ, INVALID)).intoArray(out, i);
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

    /**
     * One Marsaglia-Tsang round over the {@code n} pending elements {@code s.pend[0..n)} ({@code identity}:
     * they are 0..n-1): records each proposal in {@code s.x}, keeps the rejected ones (in order) at the
     * front of {@code s.pend} and returns their number. The normal and the squeeze run in vectors; the
     * lanes the squeeze does not accept are listed (in order), the exact test's log u and log1p(c x) of
     * the list computed by the vector functions (the same bits as SamplerMath's), and
     * {@link GammaSampler#exactTest} (the scalar sampler's own) finishes each listed lane. The first version called
     * GammaSampler.accepts per listed lane: its two scalar logarithms took 13 % of the sampler's time
     * (JFR, alpha log-uniform on [1e-2, 1e3], where a third of the lanes are boosted, d &lt; 5/3, and the
     * squeeze accepts fewer).
     */
    private int attempt(long seed, int sub, long base, int block, int n, boolean identity, SamplerScratch s) {
        int[] pend = s.pend;
        double[] uA = s.uA;
        double[] uB = s.uB;
        double[] uC = s.uC;
        int lanes = SP.length();
        double[] listed = s.mtElement;
        double[] logU = s.w0;
        double[] log1pCx = s.w1;
        double[] open1 = s.mtOpen;
        int q = 0;
        // in chunks, so that the uniforms, their logs and cosines stay in the L1 cache between the passes
        for (int c0 = 0; c0 < n; c0 += ATTEMPT_CHUNK) {
            int cn = Math.min(ATTEMPT_CHUNK, n - c0);
            philox.uniformsAt(seed, sub, block, base, pend, c0, cn, s.pe, uA, uB, uC); // pads pend to whole vectors too
            VectorSamplerMath.log(uA, uA, cn);
            VectorSamplerMath.cos2pi(uB, uB, cn);
            q = squeeze(c0, cn, n, identity, q, s);
        }
        int qv = (q + lanes - 1) / lanes * lanes;
        Arrays.fill(logU, q, qv, 1.0); // whole vectors: ordinary arguments in the lanes past the list
        Arrays.fill(log1pCx, q, qv, 0.0);
        VectorSamplerMath.log(logU, logU, q);
        VectorSamplerMath.log1p(log1pCx, log1pCx, s.vs, q);
        int rejected = 0;
        for (int r = 0; r < q; r++) {
            int i = (int) listed[r];
            boolean reject = open1[r] == 0 | !GammaSampler.exactTest(logU[r], log1pCx[r], s.x[i], s.d[i], s.c[i]);
            pend[rejected] = i; // in the order of the pending list; without a branch on the outcome
            rejected += reject ? 1 : 0;
        }
        return rejected;
    }

    /**
     * The vector part of a round for the pending positions {@code c0 .. c0 + cn)} of the {@code n}, whose uniforms are
     * in s.uA (log u), s.uB (cos 2 pi u) and s.uC from index 0: GammaSampler.normal, then the first steps of
     * GammaSampler.accepts, lane-wise; the lanes the squeeze did not accept appended to the list from {@code q}:
     * element (as a double), u (then log u), c x (then log1p(c x)), 1 where open (1 + c x &gt; 0), benign arguments
     * 1 and 0 where not open. Returns the list's new length.
     */
    private static int squeeze(int c0, int cn, int n, boolean identity, int q, SamplerScratch s) {
        int[] pend = s.pend;
        double[] listed = s.mtElement;
        double[] logU = s.w0;
        double[] log1pCx = s.w1;
        double[] open1 = s.mtOpen;
        int lanes = SP.length();
        for (int p = c0; p < c0 + cn; p += lanes) {
            int k = p - c0;
            DoubleVector x = DoubleVector.fromArray(SP, s.uA, k).mul(-2).sqrt().mul(DoubleVector.fromArray(SP, s.uB, k));
            DoubleVector c = identity ? DoubleVector.fromArray(SP, s.c, p) : DoubleVector.fromArray(SP, s.c, 0, pend, p);
            if (identity) {
                x.intoArray(s.x, p);
            } else {
                x.intoArray(s.x, 0, pend, p); // padding lanes repeat the last element with its own values
            }
            DoubleVector cx = c.mul(x);
            DoubleVector x2 = x.mul(x);
            VectorMask<Double> closed = cx.compare(LE, -1);
            // squeeze bound 1 - 0.0331 x^4, or 0 (never accepts: u > 0) where 1 + cx <= 0; +infinity (taken as
            // squeezed, never listed) in the padding lanes past n
            DoubleVector bound = x2.mul(GAMMA_SQUEEZE).mul(x2).neg().add(1).blend(0.0, closed)
                    .blend(Double.POSITIVE_INFINITY, DoubleVector.fromArray(SP, Lanes.LANE_NUMBERS, 0).compare(GE, (double) (n - p)));
            DoubleVector u = DoubleVector.fromArray(SP, s.uC, k);
            VectorMask<Double> notSqueezed = u.compare(GE, bound);
            DoubleVector element = identity ? DoubleVector.fromArray(SP, s.index, p) : DoubleVector.fromArray(SP, s.index, 0, pend, p);
            element.compress(notSqueezed).intoArray(listed, q);
            u.blend(1.0, closed).compress(notSqueezed).intoArray(logU, q);
            cx.blend(0.0, closed).compress(notSqueezed).intoArray(log1pCx, q);
            u.broadcast(1.0).blend(0.0, closed).compress(notSqueezed).intoArray(open1, q);
            q += notSqueezed.trueCount();
        }
        return q;
    }
}
