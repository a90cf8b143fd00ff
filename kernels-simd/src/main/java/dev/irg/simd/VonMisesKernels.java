package dev.irg.simd;

import static dev.irg.math.VonMisesConstants.BESSEL_ASYMPTOTIC_MIN_KAPPA;
import static dev.irg.math.VonMisesConstants.BESSEL_DIFF_ASYM;
import static dev.irg.math.VonMisesConstants.BESSEL_I0E_ASYM;
import static dev.irg.math.VonMisesConstants.BESSEL_SERIES_MAX_TERMS;
import static dev.irg.math.VonMisesConstants.CENTRAL_NODES;
import static dev.irg.math.VonMisesConstants.CENTRAL_WEIGHTS;
import static dev.irg.math.VonMisesConstants.INV_SQRT_TWO_PI;
import static dev.irg.math.VonMisesConstants.INV_TWO_PI;
import static dev.irg.math.VonMisesConstants.PI_A;
import static dev.irg.math.VonMisesConstants.PI_B;
import static dev.irg.math.VonMisesConstants.PI_C;
import static dev.irg.math.VonMisesConstants.REDUCTION_EXACT_MAX;
import static dev.irg.math.VonMisesConstants.TAIL_EXPONENT_CUTOFF;
import static dev.irg.math.VonMisesConstants.TAIL_NODES;
import static dev.irg.math.VonMisesConstants.TAIL_WEIGHTS;
import static dev.irg.math.VonMisesConstants.TWO_PI;
import static jdk.incubator.vector.VectorOperators.ABS;
import static jdk.incubator.vector.VectorOperators.ASIN;
import static jdk.incubator.vector.VectorOperators.COS;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.SIN;
import static jdk.incubator.vector.VectorOperators.SQRT;

import dev.irg.Distribution;
import dev.irg.Op;
import dev.irg.math.Reference;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * von Mises(kappa, loc) kernels: the vector port of {@link dev.irg.math.VonMisesCdf} and
 * {@link dev.irg.math.BesselI01} as applied by {@link dev.irg.math.Reference} (u = z - loc). Both
 * regions of the scalar code are fixed-length Gauss-Legendre sums (no iteration), so they vectorize
 * without grouping: per vector the lanes are classified by masks (invalid, central where
 * 2 sin^2(ax/2) &lt; 1 - A, tail otherwise), the 12-point central sum runs if any lane is central,
 * the 32-point tail sum if any lane is in the tail, and the results are blended. The Bessel series
 * (kappa &lt; BESSEL_ASYMPTOTIC_MIN_KAPPA) runs until every lane's terms fall below the scalar code's
 * tolerance (terms past it no longer change the sum), capped at BESSEL_SERIES_MAX_TERMS.
 */
final class VonMisesKernels implements Family {
    /** |k| at and above which x / (2 pi) is already an integer in float64, so rint needs no rounding trick. */
    private static final double RINT_EXACT = 0x1p51;
    /** 1.5 * 2^52: adding and subtracting it rounds |v| &lt; 2^51 to the nearest integer (ties to even, as Math.rint). */
    private static final double RINT_MAGIC = 0x1.8p52;
    /** Relative size of the last Bessel series term at which BesselI01's series stop: 2^-60. */
    private static final double BESSEL_SERIES_TOLERANCE = 0x1p-60;

    /** 1/(j j) and 1/(j (j+1)), j = 1..BESSEL_SERIES_MAX_TERMS: the Bessel series multiply where BesselI01 divides (one rounding more). */
    private static final double[] INV_JJ = new double[BESSEL_SERIES_MAX_TERMS + 1];
    private static final double[] INV_JJ1 = new double[BESSEL_SERIES_MAX_TERMS + 1];

    static {
        for (int j = 1; j <= BESSEL_SERIES_MAX_TERMS; j++) {
            INV_JJ[j] = 1.0 / ((double) j * j);
            INV_JJ1[j] = 1.0 / ((double) j * (j + 1));
        }
    }

    private final VectorSpecies<Double> sd;

    VonMisesKernels(VectorSpecies<Double> sd) {
        this.sd = sd;
    }

    @Override
    public int regions() {
        return 1;
    }

    @Override
    public boolean has(Op op) {
        return op.distribution() == Distribution.VONMISES;
    }

    @Override
    public void classify(Op op, double[] p0, double[] p1, double[] x, byte[] region, int m) {
        java.util.Arrays.fill(region, 0, m, (byte) 0);
    }

    @Override
    public void evaluate(Op op, int region, double[] kappa, double[] loc, double[] z, double[] out, int from, int to) {
        for (int i = from; i < to; i += sd.length()) {
            DoubleVector k = DoubleVector.fromArray(sd, kappa, i);
            DoubleVector l = DoubleVector.fromArray(sd, loc, i);
            DoubleVector u = DoubleVector.fromArray(sd, z, i).sub(l);
            VectorMask<Double> valid = l.lanewise(ABS).compare(LT, Double.POSITIVE_INFINITY)
                    .and(k.compare(GE, 0.0)).and(k.compare(LT, Double.POSITIVE_INFINITY))
                    .and(u.lanewise(ABS).compare(LT, Double.POSITIVE_INFINITY));
            VectorMask<Double> far = valid.and(u.lanewise(ABS).compare(GT, REDUCTION_EXACT_MAX));
            VectorMask<Double> near = valid.andNot(far);
            DoubleVector v = near.anyTrue() ? value(op, k.blend(1.0, near.not()), u.blend(0.0, near.not())) : k;
            v.blend(Double.NaN, valid.not()).intoArray(out, i);
            // |z - loc| beyond REDUCTION_EXACT_MAX: VonMisesCdf's IEEE-remainder reduction, rare, by the scalar code
            for (long bits = far.anyTrue() ? far.toLong() : 0L; bits != 0; bits &= bits - 1) {
                int j = i + Long.numberOfTrailingZeros(bits);
                out[j] = Reference.eval(op, kappa[j], loc[j], z[j]);
            }
        }
    }

    /** The operation at valid lanes (kappa finite &ge; 0, u finite). */
    private static DoubleVector value(Op op, DoubleVector kappa, DoubleVector x) {
        // reduction x = 2 pi k + r (VonMisesCdf.reduce): two attempts, as the scalar loop
        DoubleVector t = x.mul(INV_TWO_PI);
        DoubleVector kk = rint(t);
        DoubleVector ax = kappa.broadcast(Double.NaN);
        DoubleVector y = ax;
        VectorMask<Double> upper = kappa.compare(LT, 0.0); // none yet
        VectorMask<Double> todo = kappa.compare(GE, 0.0);  // all valid lanes
        for (int attempt = 0; attempt < 2 && todo.anyTrue(); attempt++) {
            DoubleVector r = minusMultipleOfPi(x, kk.mul(2.0));
            VectorMask<Double> up = r.compare(GT, 0.0);
            DoubleVector yUp = minusMultipleOfPi(x, kk.mul(2.0).add(1.0)).neg();
            DoubleVector yLo = minusMultipleOfPi(x, kk.mul(2.0).sub(1.0));
            DoubleVector yy = yLo.blend(yUp, up);
            VectorMask<Double> ok = todo.and(yy.compare(GE, 0.0));
            ax = ax.blend(r.lanewise(ABS), ok);
            y = y.blend(yy, ok);
            upper = upper.or(ok.and(up));
            VectorMask<Double> retry = todo.andNot(ok);
            kk = kk.blend(kk.add(1.0), retry.and(up)).blend(kk.sub(1.0), retry.andNot(up));
            todo = retry;
        }
        DoubleVector omA = oneMinusRatio(kappa);
        DoubleVector sh = ax.mul(0.5).lanewise(SIN);
        DoubleVector twoS2 = sh.mul(sh).mul(2.0);
        VectorMask<Double> central = twoS2.compare(LT, omA);
        VectorMask<Double> tail = central.not();
        int m = op == Op.VONMISES_CDF ? 0 : 1;
        DoubleVector lower = kappa.broadcast(0.0);
        DoubleVector v = kappa.mul(2.0).mul(sh.mul(sh)); // 2 kappa sin^2(ax/2)
        // Both sums for every vector, without branches: a branch around the library calls (SIN, EXP)
        // made the JIT fall back to non-intrinsic vector code; the central sum costs 12 of the 44 points.
        if (op == Op.VONMISES_GRAD_KAPPA) {
            DoubleVector c = centralIntegral1(kappa, ax, omA).mul(v.lanewise(EXP));
            DoubleVector t1 = tailIntegral1(kappa, ax, y, twoS2.sub(omA));
            lower = t1.blend(c, central);
            return lower.blend(lower.neg(), upper);
        }
        DoubleVector norm = i0e(kappa).mul(TWO_PI);
        DoubleVector ev = v.neg().lanewise(EXP);
        if (m == 0) {
            DoubleVector c = centralIntegral0(kappa, ax).div(norm).neg().add(0.5);
            DoubleVector w = tailIntegral0(kappa, ax, y).div(norm).mul(ev);
            lower = w.blend(c, central);
        } else {
            DoubleVector c = centralIntegral1(kappa, ax, omA).div(norm).neg();
            DoubleVector w = tailIntegral1(kappa, ax, y, twoS2.sub(omA)).div(norm).mul(ev).neg();
            lower = w.blend(c, central);
        }
        if (m == 0) {
            return kk.add(lower).blend(kk.add(1.0).sub(lower), upper);
        }
        return lower.blend(lower.neg(), upper);
    }

    /** Math.rint for every double: exact rounding trick below 2^51, identity above (already integral). */
    static DoubleVector rint(DoubleVector t) {
        DoubleVector r = t.add(RINT_MAGIC).sub(RINT_MAGIC);
        DoubleVector rn = t.sub(RINT_MAGIC).add(RINT_MAGIC);
        r = r.blend(rn, t.compare(LT, 0.0));
        return r.blend(t, t.lanewise(ABS).compare(GE, RINT_EXACT));
    }

    /** x - m pi with the three-part pi (VonMisesCdf.minusMultipleOfPi). */
    private static DoubleVector minusMultipleOfPi(DoubleVector x, DoubleVector m) {
        return x.sub(m.mul(PI_A)).sub(m.mul(PI_B)).sub(m.mul(PI_C));
    }

    /** VonMisesCdf.centralIntegral with m = 0. */
    private static DoubleVector centralIntegral0(DoubleVector kappa, DoubleVector ax) {
        DoubleVector half = ax.mul(0.5);
        DoubleVector sum = ax.broadcast(0.0);
        for (int i = 0; i < CENTRAL_NODES.length; i++) {
            DoubleVector s = half.mul(CENTRAL_NODES[i]).lanewise(SIN);
            DoubleVector q = s.mul(2.0).mul(s);
            sum = sum.add(ax.mul(CENTRAL_WEIGHTS[i]).mul(kappa.neg().mul(q).lanewise(EXP)));
        }
        return sum;
    }

    /** VonMisesCdf.centralIntegral with m = 1 (the m = 0 and m = 1 sums are separate methods: a branch or a
     * conditional expression on the EXP result made the JIT fall back to non-intrinsic vector code). */
    private static DoubleVector centralIntegral1(DoubleVector kappa, DoubleVector ax, DoubleVector omA) {
        DoubleVector half = ax.mul(0.5);
        DoubleVector sum = ax.broadcast(0.0);
        for (int i = 0; i < CENTRAL_NODES.length; i++) {
            DoubleVector s = half.mul(CENTRAL_NODES[i]).lanewise(SIN);
            DoubleVector q = s.mul(2.0).mul(s);
            sum = sum.add(omA.sub(q).mul(ax.mul(CENTRAL_WEIGHTS[i])).mul(kappa.neg().mul(q).lanewise(EXP)));
        }
        return sum;
    }

    /**
     * VonMisesCdf.tailIntegral with m = 0. The length dmax multiplies every weight instead of the sum
     * (one rounding more). JIT note (measured with JFR): a vector that comes out of a library call
     * (SIN, EXP, ...) must be used as the argument of the next operation, not as its receiver and
     * not through a branch or loop variable; otherwise the operation runs as the non-intrinsic
     * fallback (that cost up to half of the kernel's time here).
     */
    private static DoubleVector tailIntegral0(DoubleVector kappa, DoubleVector ax, DoubleVector y) {
        DoubleVector dmax = tailLength(kappa, y);
        VectorMask<Double> nearPi = ax.compare(GE, 0.5 * Math.PI);
        // sin(ax + d/2) = sa cos(d/2) + ca sin(d/2), (sa, ca) = (sin ax, cos ax) or (sin y, -cos y) near pi
        DoubleVector sa = ax.lanewise(SIN).blend(y.lanewise(SIN), nearPi);
        DoubleVector ca = ax.lanewise(COS).blend(y.lanewise(COS).neg(), nearPi);
        DoubleVector halfD = dmax.mul(0.5);
        DoubleVector sum = ax.broadcast(0.0);
        for (int i = 0; i < TAIL_NODES.length; i++) {
            DoubleVector sd = halfD.mul(TAIL_NODES[i]).lanewise(SIN);
            DoubleVector cd = sd.mul(sd).neg().add(1.0).lanewise(SQRT);
            DoubleVector q = sa.mul(cd).add(ca.mul(sd)).mul(2.0).mul(sd);
            sum = sum.add(dmax.mul(TAIL_WEIGHTS[i]).mul(kappa.neg().mul(q).lanewise(EXP)));
        }
        return sum;
    }

    /** VonMisesCdf.tailIntegral with m = 1, g0 = 2 sin^2(ax/2) - (1 - A). */
    private static DoubleVector tailIntegral1(DoubleVector kappa, DoubleVector ax, DoubleVector y, DoubleVector g0) {
        DoubleVector dmax = tailLength(kappa, y);
        VectorMask<Double> nearPi = ax.compare(GE, 0.5 * Math.PI);
        // sin(ax + d/2) = sa cos(d/2) + ca sin(d/2), (sa, ca) = (sin ax, cos ax) or (sin y, -cos y) near pi
        DoubleVector sa = ax.lanewise(SIN).blend(y.lanewise(SIN), nearPi);
        DoubleVector ca = ax.lanewise(COS).blend(y.lanewise(COS).neg(), nearPi);
        DoubleVector halfD = dmax.mul(0.5);
        DoubleVector sum = ax.broadcast(0.0);
        for (int i = 0; i < TAIL_NODES.length; i++) {
            DoubleVector sd = halfD.mul(TAIL_NODES[i]).lanewise(SIN);
            DoubleVector cd = sd.mul(sd).neg().add(1.0).lanewise(SQRT);
            DoubleVector q = sa.mul(cd).add(ca.mul(sd)).mul(2.0).mul(sd);
            sum = sum.add(g0.add(q).mul(dmax.mul(TAIL_WEIGHTS[i])).mul(kappa.neg().mul(q).lanewise(EXP)));
        }
        return sum;
    }

    /** VonMisesCdf.tailLength. */
    private static DoubleVector tailLength(DoubleVector kappa, DoubleVector y) {
        DoubleVector sy = y.mul(0.5).lanewise(SIN);
        DoubleVector s2 = sy.mul(sy);
        DoubleVector c = kappa.broadcast(TAIL_EXPONENT_CUTOFF).div(kappa.mul(2.0));
        VectorMask<Double> cut = s2.compare(GT, c);
        DoubleVector len = y.sub(s2.sub(c).lanewise(SQRT).lanewise(ASIN).mul(2.0));
        return y.blend(len, cut);
    }

    /** BesselI01.i0e for kappa &ge; 0 finite. */
    static DoubleVector i0e(DoubleVector kappa) {
        VectorMask<Double> asym = kappa.compare(GE, BESSEL_ASYMPTOTIC_MIN_KAPPA);
        DoubleVector r = kappa.broadcast(Double.NaN);
        if (asym.anyTrue()) {
            r = r.blend(asymptotic(kappa, BESSEL_I0E_ASYM), asym);
        }
        VectorMask<Double> ser = asym.not();
        DoubleVector e = kappa.neg().lanewise(EXP);
        if (ser.anyTrue()) {
            DoubleVector[] s = series(kappa, ser);
            r = r.blend(s[0].mul(e), ser);
        }
        return r;
    }

    /** BesselI01.oneMinusRatio: 1 - I1/I0 for kappa &ge; 0 finite. */
    static DoubleVector oneMinusRatio(DoubleVector kappa) {
        VectorMask<Double> asym = kappa.compare(GE, BESSEL_ASYMPTOTIC_MIN_KAPPA);
        DoubleVector r = kappa.broadcast(Double.NaN);
        if (asym.anyTrue()) {
            r = r.blend(asymptotic(kappa, BESSEL_DIFF_ASYM).div(asymptotic(kappa, BESSEL_I0E_ASYM)), asym);
        }
        VectorMask<Double> ser = asym.not();
        if (ser.anyTrue()) {
            DoubleVector[] s = series(kappa, ser);
            r = r.blend(s[1].div(s[0]).neg().add(1.0), ser);
        }
        return r;
    }

    /** sum_j c_j kappa^-j * (2 pi kappa)^-1/2 (BesselI01.asymptoticI0e / asymptoticDiff). */
    private static DoubleVector asymptotic(DoubleVector kappa, double[] c) {
        DoubleVector r = kappa.broadcast(1.0).div(kappa);
        DoubleVector s = kappa.broadcast(0.0);
        for (int j = c.length - 1; j >= 0; j--) {
            s = s.mul(r).add(c[j]);
        }
        return s.mul(INV_SQRT_TWO_PI).div(kappa.lanewise(SQRT));
    }

    /**
     * {I0(kappa), I1(kappa)} by BesselI01's power series on the lanes of {@code use}; NaN in a lane
     * whose series has not met the tolerance within BESSEL_SERIES_MAX_TERMS terms.
     */
    private static DoubleVector[] series(DoubleVector kappa, VectorMask<Double> use) {
        DoubleVector q = kappa.mul(kappa).mul(0.25);
        // separate objects per loop variable: shared initial vectors made the JIT run the updates as
        // the non-intrinsic fallback (JFR allocation profile)
        DoubleVector t0 = kappa.broadcast(1.0);
        DoubleVector t1 = kappa.broadcast(1.0);
        DoubleVector s0 = kappa.broadcast(1.0);
        DoubleVector s1 = kappa.broadcast(1.0);
        VectorMask<Double> open0 = use;
        VectorMask<Double> open1 = use;
        for (int j = 1; j <= BESSEL_SERIES_MAX_TERMS; j++) {
            t0 = t0.mul(q.mul(INV_JJ[j]));
            t1 = t1.mul(q.mul(INV_JJ1[j]));
            s0 = s0.add(t0);
            s1 = s1.add(t1);
            open0 = open0.andNot(t0.compare(LE, s0.mul(BESSEL_SERIES_TOLERANCE)));
            open1 = open1.andNot(t1.compare(LE, s1.mul(BESSEL_SERIES_TOLERANCE)));
            if (!open0.or(open1).anyTrue()) {
                break;
            }
        }
        s0 = s0.blend(Double.NaN, open0);
        s1 = s1.mul(kappa.mul(0.5)).blend(Double.NaN, open1);
        return new DoubleVector[] {s0, s1};
    }
}
