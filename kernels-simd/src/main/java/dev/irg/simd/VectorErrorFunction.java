package dev.irg.simd;

import static dev.irg.math.SpecialConstants.ERFCX_TAYLOR;
import static dev.irg.math.SpecialConstants.ERFCX_TAYLOR_HI;
import static dev.irg.math.SpecialConstants.ERFCX_TAYLOR_LO;
import static dev.irg.math.SpecialConstants.ERFCX_TAYLOR_TERMS;
import static dev.irg.math.SpecialConstants.ERFCX_TAYLOR_WIDTH;
import static dev.irg.math.SpecialConstants.ERFC_CF_TERMS;
import static dev.irg.math.SpecialConstants.ERFC_UNDERFLOW_X;
import static dev.irg.math.SpecialConstants.ERF_SERIES;
import static dev.irg.math.SpecialConstants.ERF_SERIES_MAX;
import static dev.irg.math.SpecialConstants.INV_SQRT_PI;
import static jdk.incubator.vector.VectorOperators.ABS;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector versions of {@link dev.irg.math.ErrorFunction} (erfc and erfcx): the same regions and
 * tables ({@link dev.irg.math.SpecialConstants}). The Taylor intervals of erfcx are chosen per lane,
 * so their coefficients are gathered from the shared table by interval index.
 */
final class VectorErrorFunction {
    /** Number of erfcx Taylor intervals in the shared table. */
    static final int ERFCX_INTERVALS = ERFCX_TAYLOR.length / ERFCX_TAYLOR_TERMS;

    private VectorErrorFunction() {
    }

    /** The int species with {@code lanes} lanes (half the bit size of the double species). */
    private static VectorSpecies<Integer> intSpecies(int lanes) {
        return switch (lanes) {
            case 2 -> IntVector.SPECIES_64;
            case 4 -> IntVector.SPECIES_128;
            default -> IntVector.SPECIES_256;
        };
    }

    /** erf(x) = x sum_n c_n x^(2n), |x| &lt; ERF_SERIES_MAX. */
    private static DoubleVector erfSeries(DoubleVector x) {
        x = Lanes.NEG_ZERO.add(x);
        return Lanes.NEG_ZERO.add(VectorGammaFunctions.horner(x.mul(x), ERF_SERIES)).mul(x);
    }

    /** exp(-x^2) with x^2 split exactly (fma). */
    static DoubleVector expMinusSquare(DoubleVector x) {
        x = Lanes.NEG_ZERO.add(x);
        DoubleVector s = x.mul(x);
        DoubleVector e = x.fma(x, s.neg());
        return s.neg().lanewise(EXP).mul(e.neg().add(1.0));
    }

    /** exp(x^2), split as in expMinusSquare. */
    private static DoubleVector expSquare(DoubleVector x) {
        x = Lanes.NEG_ZERO.add(x);
        DoubleVector s = x.mul(x);
        DoubleVector e = x.fma(x, s.neg());
        return s.lanewise(EXP).mul(e.add(1.0));
    }

    /** Lanes.NEG_ZERO.add(erfcx(x)) for lanes with x &ge; ERF_SERIES_MAX (others: unspecified). */
    private static DoubleVector erfcxPositive(DoubleVector x) {
        x = Lanes.NEG_ZERO.add(x);
        VectorMask<Double> taylor = x.compare(LT, ERFCX_TAYLOR_HI);
        DoubleVector r = x.broadcast(0.0);
        if (taylor.anyTrue()) {
            // interval index, truncated toward zero (= floor: the clamped quotient is >= 0)
            VectorSpecies<Double> sd = x.species();
            VectorSpecies<Integer> si = intSpecies(x.length());
            IntVector i = (IntVector) x.sub(ERFCX_TAYLOR_LO).div(ERFCX_TAYLOR_WIDTH).max(0.0).min(ERFCX_INTERVALS - 1)
                    .convertShape(VectorOperators.D2I, si, 0);
            DoubleVector q = (DoubleVector) i.convertShape(VectorOperators.I2D, sd, 0);
            DoubleVector h = x.sub(q.add(0.5).mul(ERFCX_TAYLOR_WIDTH).add(ERFCX_TAYLOR_LO));
            int[] base = new int[x.length()];
            i.mul(ERFCX_TAYLOR_TERMS).intoArray(base, 0);
            DoubleVector s = x.broadcast(0.0);
            for (int k = ERFCX_TAYLOR_TERMS - 1; k >= 0; k--) {
                s = s.fma(h, DoubleVector.fromArray(sd, ERFCX_TAYLOR, k, base, 0));
            }
            r = r.blend(s, taylor);
        }
        VectorMask<Double> cf = VectorGammaFunctions.inRange(x, ERFCX_TAYLOR_HI, Double.POSITIVE_INFINITY);
        if (cf.anyTrue()) {
            DoubleVector k = x;
            for (int n = ERFC_CF_TERMS; n >= 1; n--) {
                k = x.add(x.broadcast(0.5 * n).div(k));
            }
            r = r.blend(x.broadcast(INV_SQRT_PI).div(k), cf);
        }
        return r;
    }

    /** Lanes.NEG_ZERO.add(erfc(x)). */
    static DoubleVector erfc(DoubleVector x) {
        x = Lanes.NEG_ZERO.add(x);
        DoubleVector ax = x.lanewise(ABS);
        VectorMask<Double> series = ax.compare(LT, ERF_SERIES_MAX);
        VectorMask<Double> tail = ax.compare(GE, ERF_SERIES_MAX); // excludes NaN
        DoubleVector r = x.broadcast(Double.NaN);
        if (series.anyTrue()) {
            r = r.blend(Lanes.NEG_ZERO.add(erfSeries(x)).neg().add(1.0), series);
        }
        if (tail.anyTrue()) {
            DoubleVector p = Lanes.NEG_ZERO.add(expMinusSquare(ax)).mul(Lanes.NEG_ZERO.add(erfcxPositive(ax)));
            p = p.blend(0.0, ax.compare(GT, ERFC_UNDERFLOW_X));
            DoubleVector v = p.blend(p.neg().add(2.0), x.compare(LT, 0.0));
            r = r.blend(v, tail);
        }
        return r;
    }

    /** Lanes.NEG_ZERO.add(erfcx(x)) = exp(x^2) Lanes.NEG_ZERO.add(erfc(x)). */
    static DoubleVector erfcx(DoubleVector x) {
        x = Lanes.NEG_ZERO.add(x);
        VectorMask<Double> pos = x.compare(GE, ERF_SERIES_MAX);
        VectorMask<Double> mid = x.lanewise(ABS).compare(LT, ERF_SERIES_MAX);
        VectorMask<Double> neg = x.compare(LE, -ERF_SERIES_MAX);
        DoubleVector r = x.broadcast(Double.NaN);
        if (pos.anyTrue()) {
            r = r.blend(Lanes.NEG_ZERO.add(erfcxPositive(x)), pos);
        }
        if (mid.anyTrue()) {
            r = r.blend(x.mul(x).lanewise(EXP).mul(Lanes.NEG_ZERO.add(erfSeries(x)).neg().add(1.0)), mid);
        }
        if (neg.anyTrue()) {
            DoubleVector y = x.neg();
            r = r.blend(Lanes.NEG_ZERO.add(expSquare(y)).mul(2.0).sub(Lanes.NEG_ZERO.add(erfcxPositive(y))), neg);
        }
        return r;
    }
}
