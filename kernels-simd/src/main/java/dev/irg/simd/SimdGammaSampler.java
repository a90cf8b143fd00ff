package dev.irg.simd;

import static dev.irg.sampling.SamplingConstants.GAMMA_BOOST_BLOCK;
import static dev.irg.sampling.SamplingConstants.GAMMA_FIRST_ATTEMPT_BLOCK;
import static dev.irg.sampling.SamplingConstants.GAMMA_MAX_ATTEMPTS;
import static dev.irg.sampling.SamplingConstants.GAMMA_SQUEEZE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import dev.irg.sampling.GammaSampler;
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
 * attempt {@code k} for all pending elements in vectors ({@link VectorPhilox}), forms the Box-Muller
 * normals, evaluates the squeeze test in vectors (a lane mask per vector), and sends only the lanes
 * the squeeze did not accept to the exact log test; rejected elements form the next round's list
 * (so a round's vectors hold only live lanes). At most {@link dev.irg.sampling.SamplingConstants#GAMMA_MAX_ATTEMPTS}
 * rounds, then the scalar fallback. The transcendental steps ({@code log}, {@code cos},
 * {@code log1p}, {@code pow}) are the scalar sampler's own methods, called per lane: the Vector
 * API's {@code LOG}/{@code COS} differ from {@code java.lang.Math} by an ulp on some inputs, and
 * the SPI requires the scalar samples bit for bit.
 */
final class SimdGammaSampler {
    private static final byte INVALID = 0;
    private static final byte BOOST = 1;
    private static final byte DIRECT = 2;

    private final VectorSpecies<Double> sd;
    private final VectorPhilox philox;

    SimdGammaSampler(VectorSpecies<Double> sd, VectorPhilox philox) {
        this.sd = sd;
        this.philox = philox;
    }

    /**
     * {@code out[i]} = the standard Gamma(alpha[i], 1) sample (its log when {@code log}) of element
     * {@code base + i}, substream {@code sub}, for {@code i < cnt}; NaN for an invalid alpha.
     */
    void sample(long seed, int sub, long base, double[] alpha, int cnt, boolean log, double[] out, SamplerScratch s) {
        s.ensure(cnt);
        byte[] region = s.region;
        double[] d = s.d;
        double[] c = s.c;
        double[] x = s.x;
        int[] pend = s.pend;
        int n = 0;
        for (int i = 0; i < cnt; i++) {
            GammaSampler.Region r = GammaSampler.classify(alpha[i]);
            if (r == GammaSampler.Region.INVALID) {
                region[i] = INVALID;
                continue;
            }
            region[i] = r == GammaSampler.Region.BOOST ? BOOST : DIRECT;
            double a = r == GammaSampler.Region.BOOST ? alpha[i] + 1 : alpha[i];
            d[i] = GammaSampler.mtD(a);
            c[i] = GammaSampler.mtC(d[i]);
            pend[n++] = i;
        }
        for (int k = 0; k < GAMMA_MAX_ATTEMPTS && n > 0; k++) {
            n = attempt(seed, sub, base, GAMMA_FIRST_ATTEMPT_BLOCK + k, n, s);
        }
        for (int p = 0; p < n; p++) {
            int i = pend[p];
            x[i] = GammaSampler.fallback(x[i], c[i]);
        }
        int nb = 0;
        for (int i = 0; i < cnt; i++) {
            if (region[i] == INVALID) {
                out[i] = Double.NaN;
                continue;
            }
            out[i] = log ? GammaSampler.logFromNormal(d[i], c[i], x[i]) : GammaSampler.fromNormal(d[i], c[i], x[i]);
            if (region[i] == BOOST) {
                pend[nb++] = i;
            }
        }
        if (nb > 0) {
            philox.uniformsAt(seed, sub, GAMMA_BOOST_BLOCK, base, pend, nb, s.pe, s.uA, null, null);
            for (int p = 0; p < nb; p++) {
                int i = pend[p];
                out[i] = log ? out[i] + GammaSampler.logBoost(s.uA[p], alpha[i])
                        : GammaSampler.boost(out[i], s.uA[p], alpha[i]);
            }
        }
    }

    /**
     * One Marsaglia-Tsang round over the {@code n} pending elements {@code s.pend[0..n)}: records each
     * proposal in {@code s.x}, keeps the rejected ones (in order) at the front of {@code s.pend} and
     * returns their number.
     */
    private int attempt(long seed, int sub, long base, int block, int n, SamplerScratch s) {
        int[] pend = s.pend;
        double[] uA = s.uA;
        double[] uB = s.uB;
        double[] uC = s.uC;
        double[] xs = s.xs;
        double[] cs = s.cs;
        int m = philox.uniformsAt(seed, sub, block, base, pend, n, s.pe, uA, uB, uC);
        for (int p = 0; p < n; p++) {
            xs[p] = GammaSampler.normal(uA[p], uB[p]);
            cs[p] = s.c[pend[p]];
        }
        for (int p = n; p < m; p++) {
            xs[p] = 0;
            cs[p] = 0;
        }
        // The squeeze in vectors: lane accepted at once when 1 + c x > 0 and u < 1 - 0.0331 x^4
        // (GammaSampler.accepts/squeezeAccepts, the same operations in the same order).
        int lanes = sd.length();
        long[] accepted = s.bits;
        DoubleVector one = DoubleVector.broadcast(sd, 1.0);
        for (int p = 0; p < m; p += lanes) {
            DoubleVector xv = DoubleVector.fromArray(sd, xs, p);
            DoubleVector cx = DoubleVector.fromArray(sd, cs, p).mul(xv);
            DoubleVector x2 = xv.mul(xv);
            VectorMask<Double> ok = cx.compare(GT, -1.0)
                    .and(DoubleVector.fromArray(sd, uC, p).compare(LT, one.sub(x2.mul(GAMMA_SQUEEZE).mul(x2))));
            accepted[p / lanes] = ok.toLong();
        }
        int rejected = 0;
        for (int p = 0; p < n; p++) {
            int i = pend[p];
            s.x[i] = xs[p];
            boolean squeezed = (accepted[p / lanes] >>> (p % lanes) & 1) != 0;
            if (!squeezed && !GammaSampler.accepts(xs[p], uC[p], s.d[i], s.c[i])) {
                pend[rejected++] = i;
            }
        }
        return rejected;
    }
}
