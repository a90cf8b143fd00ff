package dev.irg.simd;

import static dev.irg.sampling.SamplingConstants.SAMPLER_ATAN;
import static dev.irg.sampling.SamplingConstants.SAMPLER_COS_2PI;
import static dev.irg.sampling.SamplingConstants.SAMPLER_EXP;
import static dev.irg.sampling.SamplingConstants.SAMPLER_EXP_MAX;
import static dev.irg.sampling.SamplingConstants.SAMPLER_EXP_MIN;
import static dev.irg.sampling.SamplingConstants.SAMPLER_INV_LN2;
import static dev.irg.sampling.SamplingConstants.SAMPLER_LN2_HI;
import static dev.irg.sampling.SamplingConstants.SAMPLER_LN2_LO;
import static dev.irg.sampling.SamplingConstants.SAMPLER_LOG_P;
import static dev.irg.sampling.SamplingConstants.SAMPLER_PI_4_HI;
import static dev.irg.sampling.SamplingConstants.SAMPLER_PI_4_LO;
import static dev.irg.sampling.SamplingConstants.SAMPLER_ROUND_MAGIC;
import static dev.irg.sampling.SamplingConstants.SAMPLER_SIN_2PI;
import static dev.irg.sampling.SamplingConstants.SAMPLER_SQRT2;
import static dev.irg.sampling.SamplingConstants.SAMPLER_TAN_PI_8;
import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NE;
import static jdk.incubator.vector.VectorOperators.XOR;

import dev.irg.sampling.SamplerMath;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The functions of {@link SamplerMath} that the vector samplers need ({@code log}, {@code log1p}, {@code exp},
 * {@code cos2pi}, {@code atan2Positive}) on vector lanes, as loops
 * over arrays so that no vector crosses a method boundary: the same operations in the same order (the coefficient tables of
 * {@link dev.irg.sampling.SamplingConstants}, Horner steps as fused multiply-adds, the same exact
 * reductions), hence the same bits as the scalar functions in every lane. Lanes outside a function's
 * fast range (a log argument that is not a positive normal finite double) are recomputed by the scalar
 * function, which handles them; the samplers never pass such arguments except for invalid elements.
 * As elsewhere in this module masks are only produced by compares and consumed by blends (combining
 * masks ran as the Vector API's non-intrinsic fallback, see {@link VectorGammaFunctions}).
 */
final class VectorSamplerMath {
    private static final VectorSpecies<Double> SP = Lanes.SD;
    private static final long SIGNIFICAND_MASK = 0x000F_FFFF_FFFF_FFFFL;
    private static final long ONE_BITS = 0x3FF0_0000_0000_0000L;
    /** The bits of 2^52 (its significand field is zero): OR-ing a biased exponent e into them gives the double 2^52 + e. */
    private static final long TWO_POW_52_BITS = 0x4330_0000_0000_0000L;
    private static final double TWO_POW_52_PLUS_BIAS = 0x1.0p52 + 1023;
    private static final long MAGIC_BITS = Double.doubleToRawLongBits(SAMPLER_ROUND_MAGIC);
    private static final long EXPONENT_BIAS = 1023;

    private VectorSamplerMath() {
    }

    /**
     * {@code out[i] = SamplerMath.log(x[i])} for {@code i < n} rounded up to whole vectors ({@code x} and
     * {@code out} hold that many; {@code out} may be {@code x}).
     */
    static void log(double[] x, double[] out, int n) {
        long all = (1L << SP.length()) - 1;
        for (int i = 0; i < n; i += SP.length()) {
            DoubleVector v = DoubleVector.fromArray(SP, x, i);
            LongVector bits = v.reinterpretAsLongs();
            // k = biased exponent - 1023, exactly: (2^52 + e) - (2^52 + 1023)
            DoubleVector k = bits.lanewise(LSHR, 52).or(TWO_POW_52_BITS).reinterpretAsDoubles().sub(TWO_POW_52_PLUS_BIAS);
            DoubleVector m = bits.and(SIGNIFICAND_MASK).or(ONE_BITS).reinterpretAsDoubles();
            VectorMask<Double> high = m.compare(GT, SAMPLER_SQRT2);
            m = m.blend(m.mul(0.5), high);
            k = k.blend(k.add(1), high);
            // the rest of SamplerMath.logNormal
            DoubleVector f = m.sub(1);
            DoubleVector s = f.div(f.add(2));
            DoubleVector z = s.mul(s);
            DoubleVector hf = f.mul(0.5).mul(f);
            DoubleVector p = z.broadcast(SAMPLER_LOG_P[SAMPLER_LOG_P.length - 1]);
            for (int j = SAMPLER_LOG_P.length - 2; j >= 0; j--) {
                p = p.fma(z, z.broadcast(SAMPLER_LOG_P[j]));
            }
            DoubleVector t = z.fma(p, hf);
            DoubleVector inner = s.fma(t, k.mul(SAMPLER_LN2_LO));
            k.fma(k.broadcast(SAMPLER_LN2_HI), f.sub(hf.sub(inner))).intoArray(out, i);
            // lanes that are not positive normal finite: the scalar function (NaN, -inf, +inf, subnormals)
            long ordinary = v.compare(GE, Double.MIN_NORMAL).toLong() & v.compare(LT, Double.POSITIVE_INFINITY).toLong();
            if (ordinary != all) {
                for (int j = 0; j < SP.length(); j++) {
                    if ((ordinary >>> j & 1) == 0) {
                        out[i + j] = SamplerMath.log(v.lane(j)); // not x[i + j]: out may be x
                    }
                }
            }
        }
    }

    /**
     * {@code out[i] = SamplerMath.log1p(x[i])} for {@code i < n} rounded up to whole vectors, with
     * {@code tmp} as scratch of that length ({@code out} may be {@code x}, not {@code tmp}).
     */
    static void log1p(double[] x, double[] out, double[] tmp, int n) {
        for (int i = 0; i < n; i += SP.length()) {
            DoubleVector.fromArray(SP, x, i).add(1).intoArray(tmp, i);
        }
        log(tmp, tmp, n);
        for (int i = 0; i < n; i += SP.length()) {
            DoubleVector v = DoubleVector.fromArray(SP, x, i);
            DoubleVector u = v.add(1);
            DoubleVector r = DoubleVector.fromArray(SP, tmp, i).mul(v.div(u.sub(1)));
            r.blend(v, u.compare(EQ, 1)).intoArray(out, i);
        }
    }

    /** {@code out[i] = SamplerMath.exp(y[i])} for {@code i < n} rounded up to whole vectors ({@code out} may be {@code y}). */
    static void exp(double[] y, double[] out, int n) {
        for (int i = 0; i < n; i += SP.length()) {
            DoubleVector v = DoubleVector.fromArray(SP, y, i);
            DoubleVector shifted = v.mul(SAMPLER_INV_LN2).add(SAMPLER_ROUND_MAGIC);
            DoubleVector k = shifted.sub(SAMPLER_ROUND_MAGIC);
            DoubleVector negK = k.neg();
            DoubleVector r = negK.fma(v.broadcast(SAMPLER_LN2_LO), negK.fma(v.broadcast(SAMPLER_LN2_HI), v));
            DoubleVector p = r.broadcast(SAMPLER_EXP[SAMPLER_EXP.length - 1]);
            for (int j = SAMPLER_EXP.length - 2; j >= 0; j--) {
                p = p.fma(r, r.broadcast(SAMPLER_EXP[j]));
            }
            // the integer k from the bits of k + 1.5 2^52, then 2^k in two exact halves
            LongVector ki = shifted.reinterpretAsLongs().sub(MAGIC_BITS);
            LongVector k1 = ki.lanewise(ASHR, 1);
            LongVector k2 = ki.sub(k1);
            DoubleVector s1 = k1.add(EXPONENT_BIAS).lanewise(LSHL, 52).reinterpretAsDoubles();
            DoubleVector s2 = k2.add(EXPONENT_BIAS).lanewise(LSHL, 52).reinterpretAsDoubles();
            DoubleVector e = p.mul(s1).mul(s2);
            e = e.blend(0.0, v.compare(LE, SAMPLER_EXP_MIN));
            e = e.blend(Double.POSITIVE_INFINITY, v.compare(GT, SAMPLER_EXP_MAX));
            e.blend(v, v.compare(NE, v)).intoArray(out, i);
        }
    }

    /** {@code out[i] = SamplerMath.cos2pi(u[i])} for {@code i < n} rounded up to whole vectors ({@code out} may be {@code u}). */
    static void cos2pi(double[] u, double[] out, int n) {
        for (int i = 0; i < n; i += SP.length()) {
            DoubleVector v = DoubleVector.fromArray(SP, u, i);
            DoubleVector shifted = v.mul(4).add(SAMPLER_ROUND_MAGIC);
            DoubleVector q = shifted.sub(SAMPLER_ROUND_MAGIC);
            DoubleVector t = v.sub(q.mul(0.25));
            DoubleVector z = t.mul(t);
            DoubleVector c = z.broadcast(SAMPLER_COS_2PI[SAMPLER_COS_2PI.length - 1]);
            for (int j = SAMPLER_COS_2PI.length - 2; j >= 0; j--) {
                c = c.fma(z, z.broadcast(SAMPLER_COS_2PI[j]));
            }
            DoubleVector s = z.broadcast(SAMPLER_SIN_2PI[SAMPLER_SIN_2PI.length - 1]);
            for (int j = SAMPLER_SIN_2PI.length - 2; j >= 0; j--) {
                s = s.fma(z, z.broadcast(SAMPLER_SIN_2PI[j]));
            }
            s = t.mul(s);
            // quadrant q mod 4 from the low bits of q + 1.5 2^52: odd -> sin; 1 and 2 -> sign bit flipped (=
            // negated), in the long lanes (a mask cast from long to double lanes ran as the non-intrinsic fallback)
            LongVector quadrant = shifted.reinterpretAsLongs().and(3L);
            LongVector r = c.reinterpretAsLongs().blend(s.reinterpretAsLongs(), quadrant.and(1L).compare(NE, 0L));
            r.lanewise(XOR, quadrant.add(1L).and(2L).lanewise(LSHL, 62)).reinterpretAsDoubles().intoArray(out, i);
        }
    }

    /**
     * {@code out[i] = SamplerMath.atan2Positive(y[i], x[i])} for {@code i < n} rounded up to whole vectors (y, x &ge; 0,
     * not both 0): t = min/max by one division, both polynomial forms evaluated and blended (the scalar function takes
     * one by t &gt; tan(pi/8)), pi/2 minus the angle where y &gt; x, in the scalar function's order of operations.
     */
    static void atan2Positive(double[] y, double[] x, double[] out, int n) {
        int last = SAMPLER_ATAN.length - 1;
        for (int i = 0; i < n; i += SP.length()) {
            DoubleVector yv = DoubleVector.fromArray(SP, y, i);
            DoubleVector xv = DoubleVector.fromArray(SP, x, i);
            VectorMask<Double> swap = yv.compare(GT, xv);
            DoubleVector t = yv.blend(xv, swap).div(xv.blend(yv, swap));
            DoubleVector sv = t.sub(1.0).div(t.add(1.0));
            DoubleVector s2 = sv.mul(sv);
            DoubleVector t2 = t.mul(t);
            DoubleVector ps = s2.broadcast(SAMPLER_ATAN[last]);
            DoubleVector pt = t2.broadcast(SAMPLER_ATAN[last]);
            for (int j = last - 1; j >= 0; j--) {
                ps = ps.fma(s2, s2.broadcast(SAMPLER_ATAN[j]));
                pt = pt.fma(t2, t2.broadcast(SAMPLER_ATAN[j]));
            }
            DoubleVector far = sv.mul(ps).add(SAMPLER_PI_4_LO).add(SAMPLER_PI_4_HI);
            DoubleVector a = t.mul(pt).blend(far, t.compare(GT, SAMPLER_TAN_PI_8));
            DoubleVector swapped = a.neg().add(SAMPLER_PI_4_HI).add(SAMPLER_PI_4_HI).add(2 * SAMPLER_PI_4_LO);
            a.blend(swapped, swap).intoArray(out, i);
        }
    }
}
