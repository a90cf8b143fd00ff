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
import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector version of {@link dev.irg.math.ErrorFunction#erfc}, as an array stage: the same regions and tables
 * ({@link dev.irg.math.SpecialConstants}). The Taylor intervals of erfcx are chosen per lane, so their
 * coefficients are gathered from the shared table by interval index.
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

    /**
     * out[i] = erfc(in[i]) for the whole vectors of [from, to) (ErrorFunction.erfc): the series 1 - erf(x) below
     * ERF_SERIES_MAX, above exp(-x^2) erfcx(|x|) (x^2 split exactly with an fma; erfcx from the Taylor interval of the
     * lane, its coefficients gathered by interval index, or the continued fraction above ERFCX_TAYLOR_HI; 0 beyond
     * ERFC_UNDERFLOW_X), reflected for x &lt; 0; NaN for NaN. {@code in} and {@code out} may be the same array. An
     * array stage with the arithmetic written out: called as vector helpers (erfc, and the series, exp(-x^2) and
     * erfcx below it) from the Gamma CDF's Temme stage, they were not inlined and their vectors were boxed (41 bytes
     * per element of the float64 Gamma CDF, JFR).
     */
    static void erfcStage(double[] in, double[] out, int from, int to) {
        VectorSpecies<Double> sd = Lanes.SD;
        VectorSpecies<Integer> si = intSpecies(sd.length());
        int[] base = new int[sd.length()];
        for (int i = from; i < to; i += sd.length()) {
            DoubleVector x = DoubleVector.fromArray(sd, in, i);
            DoubleVector ax = x.lanewise(ABS);
            VectorMask<Double> series = ax.compare(LT, ERF_SERIES_MAX);
            VectorMask<Double> tail = ax.compare(GE, ERF_SERIES_MAX); // excludes NaN
            DoubleVector r = x.broadcast(Double.NaN);
            if (series.anyTrue()) {
                DoubleVector x2 = x.mul(x);
                DoubleVector h = x.broadcast(0.0);
                for (int k = ERF_SERIES.length - 1; k >= 0; k--) {
                    h = h.fma(x2, x.broadcast(ERF_SERIES[k]));
                }
                r = r.blend(h.mul(x).neg().add(1.0), series);
            }
            if (tail.anyTrue()) {
                // erfcx(|x|): Taylor intervals below ERFCX_TAYLOR_HI, the continued fraction above
                DoubleVector ex = x.broadcast(0.0);
                VectorMask<Double> taylor = ax.compare(LT, ERFCX_TAYLOR_HI);
                if (taylor.anyTrue()) {
                    // interval index, truncated toward zero (= floor: the clamped quotient is >= 0)
                    IntVector k = (IntVector) ax.sub(ERFCX_TAYLOR_LO).div(ERFCX_TAYLOR_WIDTH).max(0.0)
                            .min(ERFCX_INTERVALS - 1).convertShape(VectorOperators.D2I, si, 0);
                    DoubleVector q = (DoubleVector) k.convertShape(VectorOperators.I2D, sd, 0);
                    DoubleVector h = ax.sub(q.add(0.5).mul(ERFCX_TAYLOR_WIDTH).add(ERFCX_TAYLOR_LO));
                    k.mul(ERFCX_TAYLOR_TERMS).intoArray(base, 0);
                    DoubleVector t = x.broadcast(0.0);
                    for (int m = ERFCX_TAYLOR_TERMS - 1; m >= 0; m--) {
                        t = t.fma(h, DoubleVector.fromArray(sd, ERFCX_TAYLOR, m, base, 0));
                    }
                    ex = ex.blend(t, taylor);
                }
                // ERFCX_TAYLOR_HI <= |x| < infinity, as a blend and a compare (VectorGammaFunctions.inRange)
                VectorMask<Double> cf = ax.blend(Double.POSITIVE_INFINITY, ax.compare(LT, ERFCX_TAYLOR_HI))
                        .compare(LT, Double.POSITIVE_INFINITY);
                if (cf.anyTrue()) {
                    DoubleVector k = ax;
                    for (int n = ERFC_CF_TERMS; n >= 1; n--) {
                        k = ax.add(ax.broadcast(0.5 * n).div(k));
                    }
                    ex = ex.blend(ax.broadcast(INV_SQRT_PI).div(k), cf);
                }
                DoubleVector s2 = ax.mul(ax);
                DoubleVector e = ax.fma(ax, s2.neg());
                DoubleVector p = s2.neg().lanewise(EXP).mul(e.neg().add(1.0)).mul(ex);
                p = p.blend(0.0, ax.compare(GT, ERFC_UNDERFLOW_X));
                r = r.blend(p.blend(p.neg().add(2.0), x.compare(LT, 0.0)), tail);
            }
            r.intoArray(out, i);
        }
    }
}
