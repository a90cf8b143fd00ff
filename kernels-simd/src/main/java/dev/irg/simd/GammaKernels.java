package dev.irg.simd;

import static dev.irg.math.GammaConstants.CF_MAX_ITER;
import static dev.irg.math.GammaConstants.CF_TINY;
import static dev.irg.math.GammaConstants.PHI_LOG1PMX_LAMBDA_MIN;
import static dev.irg.math.GammaConstants.CF_TOLERANCE;
import static dev.irg.math.GammaConstants.LOG_MINUS_DIGAMMA_A_MIN;
import static dev.irg.math.GammaConstants.PREFIX_STIRLING_A_MIN;
import static dev.irg.math.GammaConstants.REGION_CONTINUED_FRACTION;
import static dev.irg.math.GammaConstants.REGION_EDGE;
import static dev.irg.math.GammaConstants.REGION_SERIES;
import static dev.irg.math.GammaConstants.REGION_TEMME;
import static dev.irg.math.GammaConstants.SERIES_MAX_ITER;
import static dev.irg.math.GammaConstants.SERIES_TOLERANCE;
import static dev.irg.math.GammaConstants.TEMME_C;
import static dev.irg.math.GammaConstants.TEMME_K;
import static dev.irg.math.GammaConstants.TEMME_K_A_MIN;
import static dev.irg.math.GammaConstants.TEMME_K_COUNT;
import static dev.irg.math.GammaConstants.TEMME_N;
import static dev.irg.math.GammaConstants.TEMME_N_COUNT;
import static dev.irg.math.GammaConstants.TEMME_N_ETA_MAX;
import static dev.irg.math.SpecialConstants.INV_2PI;
import static dev.irg.math.SpecialConstants.INV_SQRT_2PI;
import static jdk.incubator.vector.VectorOperators.ABS;
import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LOG;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NE;
import static jdk.incubator.vector.VectorOperators.POW;
import static jdk.incubator.vector.VectorOperators.SQRT;

import dev.irg.Op;
import dev.irg.math.IncompleteGamma;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Gamma(alpha, rate) kernels: the vector port of {@link IncompleteGamma} as applied by
 * {@link dev.irg.math.Reference} (u = rate z; P(alpha, u), dP/dalpha, dz/dalpha = (du/dalpha)/rate,
 * dz/drate = -z/rate). The scalar {@link IncompleteGamma#classify} assigns each element its region
 * (the same regions and thresholds, {@link dev.irg.math.GammaConstants}); the driver groups elements
 * by region and each region runs its vector evaluation: the power series and the continued fraction
 * iterate until every lane has met the scalar code's convergence test, for at most
 * VECTOR_ITERATION_BUDGET iterations (a lane that has converged keeps adding terms below the
 * tolerance rather than being frozen with blends, which measured about twice as slow; and one
 * division per term in the series, multiplying by the reciprocal, where the scalar code divides twice: results
 * differ from the scalar code by rounding only); lanes still
 * running then are finished by the scalar region code (which has the cap and gives NaN at it), so
 * one slow lane does not hold up a whole vector. Temme's expansion
 * has a fixed number of terms. The edge region (invalid input, u = 0, u = +infinity) is rare and
 * closed-form: it runs the scalar {@link IncompleteGamma#edge} per element.
 */
final class GammaKernels implements Family {
    /**
     * Driver region codes: GammaConstants' REGION_* (0..3), with the series and continued-fraction
     * regions split further into bands of alpha so that a vector's lanes take the same branches of
     * the prefactor and of log x - psi (band edges PREFIX_STIRLING_A_MIN and
     * LOG_MINUS_DIGAMMA_A_MIN, the thresholds of those branches): band 0 keeps the region's code,
     * series bands 1 and 2 are codes 4 and 5, continued-fraction bands 1 and 2 codes 6 and 7.
     */
    private static final int REGIONS = 8;

    /**
     * Iterations a vector runs the series or the continued fraction before the lanes that have not
     * converged yet are finished one by one by the scalar code. A vector iterates as long as its
     * slowest lane: measured with {@code python3 kernels-simd/tools/iteration_spread.py} (same
     * formulas and tolerances), the series for a &lt; 20 needs 17 terms on average, 27 for the
     * slowest of 8 lanes, at most 47; the continued fraction for a &lt; 20, x in [a+1, a+31] 14 on
     * average, 20 for the slowest of 8, at most 54. 64 covers these; a rarer slower lane goes to the
     * scalar code instead of holding up its vector.
     */
    static final int VECTOR_ITERATION_BUDGET = 64;

    private final VectorSpecies<Double> sd;

    GammaKernels(VectorSpecies<Double> sd) {
        this.sd = sd;
    }

    @Override
    public int regions() {
        return REGIONS;
    }

    @Override
    public boolean has(Op op) {
        return op.distribution() == dev.irg.Distribution.GAMMA;
    }

    /** The quantity selector of IncompleteGamma for {@code op}. */
    private static int what(Op op) {
        return switch (op) {
            case GAMMA_CDF -> IncompleteGamma.WHAT_P;
            case GAMMA_DCDF_DALPHA -> IncompleteGamma.WHAT_DPDA;
            default -> IncompleteGamma.WHAT_GRAD;
        };
    }

    private static boolean validRate(double rate) {
        return rate > 0 && rate < Double.POSITIVE_INFINITY;
    }

    @Override
    public void classify(Op op, double[] alpha, double[] rate, double[] z, byte[] region, int m) {
        if (op == Op.GAMMA_GRAD_RATE) {
            Arrays.fill(region, 0, m, (byte) REGION_EDGE);
            return;
        }
        for (int i = 0; i < m; i++) {
            int r = validRate(rate[i]) ? IncompleteGamma.classify(alpha[i], rate[i] * z[i]) : REGION_EDGE;
            if (r == REGION_SERIES || r == REGION_CONTINUED_FRACTION) {
                double a = alpha[i];
                int band = a < PREFIX_STIRLING_A_MIN ? 0 : a < LOG_MINUS_DIGAMMA_A_MIN ? 1 : 2;
                if (band > 0) {
                    r = (r == REGION_SERIES ? 4 : 6) + band - 1;
                }
            }
            region[i] = (byte) r;
        }
    }

    /** The GammaConstants region of a driver region code. */
    private static int baseRegion(int code) {
        return code < 4 ? code : code < 6 ? REGION_SERIES : REGION_CONTINUED_FRACTION;
    }

    @Override
    public void evaluate(Op op, int code, double[] alpha, double[] rate, double[] z, double[] out, int from, int to) {
        int region = baseRegion(code);
        if (op == Op.GAMMA_GRAD_RATE) {
            gradRate(sd, alpha, rate, z, out, from, to);
            return;
        }
        int what = what(op);
        if (region == REGION_EDGE) {
            for (int i = from; i < to; i++) {
                double v = validRate(rate[i]) ? IncompleteGamma.edge(alpha[i], rate[i] * z[i], what) : Double.NaN;
                out[i] = what == IncompleteGamma.WHAT_GRAD ? v / rate[i] : v;
            }
            return;
        }
        long[] stragglers = new long[1];
        for (int i = from; i < to; i += sd.length()) {
            DoubleVector a = DoubleVector.fromArray(sd, alpha, i);
            DoubleVector r = DoubleVector.fromArray(sd, rate, i);
            DoubleVector x = r.mul(DoubleVector.fromArray(sd, z, i));
            stragglers[0] = 0;
            DoubleVector v = switch (region) {
                case REGION_SERIES -> series(sd, alpha, rate, z, i, what, stragglers);
                case REGION_CONTINUED_FRACTION -> continuedFraction(a, x, what, stragglers);
                case REGION_TEMME -> temme(a, x, what);
                default -> throw new IllegalArgumentException("region " + region);
            };
            if (what == IncompleteGamma.WHAT_GRAD) {
                v = v.div(r);
            }
            v.intoArray(out, i);
            for (long bits = stragglers[0]; bits != 0; bits &= bits - 1) {
                int j = i + Long.numberOfTrailingZeros(bits);
                out[j] = scalarTail(region, alpha[j], rate[j], z[j], what);
            }
        }
    }

    /** A lane that has not converged within VECTOR_ITERATION_BUDGET iterations, by the scalar region code. */
    private static double scalarTail(int region, double a, double rate, double z, int what) {
        double x = rate * z;
        double v = region == REGION_SERIES ? IncompleteGamma.series(a, x, Math.log(x), what)
                : IncompleteGamma.continuedFraction(a, x, what);
        return what == IncompleteGamma.WHAT_GRAD ? v / rate : v;
    }

    /** Lanes where alpha and rate are positive and finite and the sample is {@code >= 0} (NaN fails every compare). */
    static VectorMask<Double> domain(DoubleVector alpha, DoubleVector rate, DoubleVector z) {
        return alpha.compare(GT, 0.0)
                .and(alpha.compare(LT, Double.POSITIVE_INFINITY))
                .and(rate.compare(GT, 0.0))
                .and(rate.compare(LT, Double.POSITIVE_INFINITY))
                .and(z.compare(GE, 0.0));
    }

    /** dz/drate = -z/rate (the reference's {@code gammaGradRate}). */
    static void gradRate(VectorSpecies<Double> s, double[] alpha, double[] rate, double[] z, double[] out, int from, int to) {
        for (int i = from; i < to; i += s.length()) {
            DoubleVector a = DoubleVector.fromArray(s, alpha, i);
            DoubleVector r = DoubleVector.fromArray(s, rate, i);
            DoubleVector x = DoubleVector.fromArray(s, z, i);
            DoubleVector g = x.neg().div(r);
            g.blend(Double.NaN, domain(a, r, x).not()).intoArray(out, i);
        }
    }

    /** REGION_SERIES (IncompleteGamma.series with logx = log x): P = prefix/a S, S and dS/da carried along. */
    static DoubleVector series(VectorSpecies<Double> sp, double[] alpha, double[] rate, double[] z, int i, int what,
            long[] stragglers) {
        // operands loaded here, not passed in: vectors that arrive as parameters of a method the JIT
        // does not inline lose their exact type, and the loop below then ran as the non-intrinsic
        // fallback (JFR allocation profile: ~800 bytes per element)
        DoubleVector a = DoubleVector.fromArray(sp, alpha, i);
        DoubleVector x = DoubleVector.fromArray(sp, rate, i).mul(DoubleVector.fromArray(sp, z, i));
        double[] buf = new double[2 * a.length()];
        long open = seriesLoop(a, x, buf);
        DoubleVector s = DoubleVector.fromArray(sp, buf, 0);
        DoubleVector ds = DoubleVector.fromArray(sp, buf, a.length());
        DoubleVector v;
        if (what == IncompleteGamma.WHAT_P) {
            v = prefix(a, x).div(a).mul(s);
        } else {
            DoubleVector bracket = s.mul(logMinusDigammaP1(a, x)).add(ds);
            v = what == IncompleteGamma.WHAT_DPDA ? prefix(a, x).div(a).mul(bracket) : x.div(a).neg().mul(bracket);
        }
        stragglers[0] = open | bits(notFinite(s).or(notFinite(ds)));
        return v;
    }

    /**
     * The series sums S and dS/da of {@link #series} into buf[0..L) and buf[L..2L); returns the
     * lanes that have not converged. A method of its own, kept small: compiled together with the
     * evaluation after it, the loop's vector operations ran as the JIT's non-intrinsic fallback
     * (JFR allocation profile: ~800 bytes per element; the JIT's inlining budget is spent on the
     * larger method).
     */
    private static long seriesLoop(DoubleVector a, DoubleVector x, double[] buf) {
        // every loop-carried vector starts as its own object: two loop variables sharing one initial
        // vector made the JIT run their updates as the non-intrinsic fallback (JFR allocation profile)
        DoubleVector s = a.broadcast(1.0);
        DoubleVector ds = a.broadcast(0.0);
        DoubleVector t = a.broadcast(1.0);
        DoubleVector h = a.broadcast(0.0);
        VectorMask<Double> active = a.compare(EQ, a).or(a.compare(NE, a)); // all lanes
        int cap = Math.min(SERIES_MAX_ITER, VECTOR_ITERATION_BUDGET);
        for (int n = 1; n <= cap; n++) {
            DoubleVector an = a.add(n);
            DoubleVector rn = an.broadcast(1.0).div(an);
            t = t.mul(x).mul(rn);
            h = h.add(rn);
            DoubleVector dt = t.neg().mul(h);
            s = s.add(t);
            ds = ds.add(dt);
            VectorMask<Double> conv = t.compare(LE, s.mul(SERIES_TOLERANCE))
                    .and(dt.neg().compare(LE, ds.neg().mul(SERIES_TOLERANCE)));
            active = active.andNot(conv);
            if (!active.anyTrue()) {
                break;
            }
        }
        s.intoArray(buf, 0);
        ds.intoArray(buf, a.length());
        return bits(active);
    }


    /**
     * REGION_CONTINUED_FRACTION (IncompleteGamma.continuedFraction): Legendre's fraction for Q in
     * Steed's form with the a-derivative of every quantity carried along.
     */
    static DoubleVector continuedFraction(DoubleVector a, DoubleVector x, int what, long[] stragglers) {
        double[] buf = new double[2 * a.length()];
        long open = cfLoop(a, x, buf);
        DoubleVector f = DoubleVector.fromArray(a.species(), buf, 0);
        DoubleVector df = DoubleVector.fromArray(a.species(), buf, a.length());
        DoubleVector v;
        if (what == IncompleteGamma.WHAT_P) {
            v = prefix(a, x).mul(f).neg().add(1.0);
        } else {
            DoubleVector bracket = logMinusDigamma0(a, x).mul(f).add(df);
            v = what == IncompleteGamma.WHAT_DPDA ? prefix(a, x).neg().mul(bracket) : x.mul(bracket);
        }
        stragglers[0] = open | bits(notFinite(f).or(notFinite(df)));
        return v;
    }

    /** The fraction F and dF/da of {@link #continuedFraction} into buf (as {@link #seriesLoop}); returns the open lanes. */
    private static long cfLoop(DoubleVector a, DoubleVector x, double[] buf) {
        DoubleVector xma = x.sub(a);
        DoubleVector one = a.broadcast(1.0);
        DoubleVector d = one.div(xma.add(1.0));
        DoubleVector dd = d.mul(d);
        DoubleVector dh = one.div(xma.add(1.0)); // separate objects per loop variable (see series)
        DoubleVector ddh = dh.mul(dh);
        DoubleVector f = one.div(xma.add(1.0));
        DoubleVector df = f.mul(f);
        VectorMask<Double> active = a.compare(EQ, a).or(a.compare(NE, a)); // all lanes
        int cap = Math.min(CF_MAX_ITER, VECTOR_ITERATION_BUDGET);
        for (int n = 2; n <= cap; n++) {
            int m = n - 1;
            DoubleVector alpha = a.sub(m).mul(m);
            DoubleVector beta = xma.add(2 * m + 1);
            DoubleVector den = beta.add(alpha.mul(d));
            den = den.blend(CF_TINY, den.compare(EQ, 0.0));
            DoubleVector dn = one.div(den);
            DoubleVector ddn = dn.neg().mul(dn).mul(d.mul(m).add(-1.0).add(alpha.mul(dd)));
            DoubleVector rho = alpha.neg().mul(d).mul(dn);
            DoubleVector drho = d.mul(m).mul(dn).add(alpha.mul(dd.mul(dn).add(d.mul(ddn)))).neg();
            DoubleVector ddhNext = drho.mul(dh).add(rho.mul(ddh));
            dh = rho.mul(dh);
            ddh = ddhNext;
            d = dn;
            dd = ddn;
            f = f.add(dh);
            df = df.add(ddh);
            VectorMask<Double> conv = dh.lanewise(ABS).compare(LE, f.lanewise(ABS).mul(CF_TOLERANCE))
                    .and(ddh.lanewise(ABS).compare(LE, df.lanewise(ABS).mul(CF_TOLERANCE)));
            active = active.andNot(conv);
            if (!active.anyTrue()) {
                break;
            }
        }
        f.intoArray(buf, 0);
        df.intoArray(buf, a.length());
        return bits(active);
    }


    /**
     * The lanes of {@code m} as bits; 0 without calling toLong when no lane is set (toLong was the
     * hottest frame of the Gamma kernels in a JFR profile; anyTrue is cheap).
     */
    private static long bits(VectorMask<Double> m) {
        return m.anyTrue() ? m.toLong() : 0L;
    }

    /** Lanes that are infinite or NaN. */
    private static VectorMask<Double> notFinite(DoubleVector v) {
        return v.lanewise(ABS).compare(LT, Double.POSITIVE_INFINITY).not();
    }

    /** REGION_TEMME (IncompleteGamma.temme): Temme's uniform expansion with its a-derivative at fixed x. */
    static DoubleVector temme(DoubleVector a, DoubleVector x, int what) {
        DoubleVector lm1 = x.sub(a).div(a);
        DoubleVector phi = phi(a, x);
        DoubleVector mag = phi.mul(2.0).lanewise(SQRT);
        VectorMask<Double> negative = lm1.compare(LT, 0.0);
        DoubleVector eta = mag.blend(mag.neg(), negative);
        DoubleVector r = a.broadcast(1.0).div(a);
        DoubleVector tSum = a.broadcast(0.0); // separate objects per loop variable (see series)
        DoubleVector tEta = a.broadcast(0.0);
        DoubleVector tA = a.broadcast(0.0);
        // The scalar code truncates by a and |eta| per element (TEMME_K_A_MIN/TEMME_K_COUNT,
        // TEMME_N_ETA_MAX/TEMME_N_COUNT); a vector uses the largest counts of its lanes (the extra
        // terms are below the truncation error of the lane's own count).
        int kCount = temmeTerms(a, TEMME_K_A_MIN, TEMME_K_COUNT, TEMME_K, true);
        int nCount = temmeTerms(eta.lanewise(ABS), TEMME_N_ETA_MAX, TEMME_N_COUNT, TEMME_N, false);
        for (int k = kCount - 1; k >= 0; k--) {
            int base = k * TEMME_N;
            DoubleVector c = a.broadcast(0.0);
            DoubleVector dc = a.broadcast(0.0);
            for (int j = nCount - 1; j >= 0; j--) {
                dc = dc.fma(eta, c);
                c = c.fma(eta, c.broadcast(TEMME_C[base + j]));
            }
            tSum = tSum.fma(r, c);
            tEta = tEta.fma(r, dc);
            if (k >= 1) {
                tA = tA.fma(r, c.mul(k));
            }
        }
        tA = tA.mul(r.neg().mul(r));
        if (what == IncompleteGamma.WHAT_P) {
            DoubleVector y = eta.mul(a.mul(0.5).lanewise(SQRT));
            DoubleVector e = a.mul(phi).neg().lanewise(EXP).mul(INV_SQRT_2PI).div(a.lanewise(SQRT));
            DoubleVector et = e.mul(tSum);
            // eta >= 0: P = 1 - (erfc(y)/2 + E T); eta < 0: P = erfc(-y)/2 - E T
            DoubleVector erfc = VectorErrorFunction.erfc(y.blend(y.neg(), negative)).mul(0.5);
            DoubleVector up = erfc.add(et).neg().add(1.0);
            DoubleVector lo = erfc.sub(et);
            return up.blend(lo, negative);
        }
        DoubleVector mu = lm1.div(eta).blend(1.0, eta.compare(EQ, 0.0));
        DoubleVector b = mu.sub(eta.mul(0.5)).mul(eta.mul(tSum).add(1.0))
                .sub(r.mul(0.5).mul(tSum)).sub(mu.mul(r).mul(tEta)).add(tA);
        if (what == IncompleteGamma.WHAT_DPDA) {
            return a.mul(phi).neg().lanewise(EXP).mul(INV_SQRT_2PI).div(a.lanewise(SQRT)).neg().mul(b);
        }
        return x.div(a).mul(VectorGammaFunctions.logGammaStirlingCorrection(a).lanewise(EXP)).mul(b);
    }

    /**
     * The largest term count any lane needs: with {@code atLeast}, count[i] of the last i with
     * v &ge; bound[i] (else {@code dflt}); otherwise count[i] of the first i with v &le; bound[i]
     * (else {@code dflt}).
     */
    private static int temmeTerms(DoubleVector v, double[] bound, int[] count, int dflt, boolean atLeast) {
        double[] lanes = v.toArray();
        int most = 0;
        for (double u : lanes) {
            int c = dflt;
            if (atLeast) {
                for (int i = bound.length - 1; i >= 0; i--) {
                    if (u >= bound[i]) {
                        c = count[i];
                        break;
                    }
                }
            } else {
                for (int i = 0; i < bound.length; i++) {
                    if (u <= bound[i]) {
                        c = count[i];
                        break;
                    }
                }
            }
            most = Math.max(most, c);
        }
        return most;
    }

    /** IncompleteGamma.phi: lambda - 1 - log lambda, lambda = x/a. */
    static DoubleVector phi(DoubleVector a, DoubleVector x) {
        DoubleVector lm1 = x.sub(a).div(a);
        DoubleVector lam = x.div(a);
        VectorMask<Double> near = lam.compare(GE, PHI_LOG1PMX_LAMBDA_MIN);
        DoubleVector v = VectorGammaFunctions.log1pmx(lm1).neg();
        VectorMask<Double> far = near.not();
        if (far.anyTrue()) {
            DoubleVector logLam = lam.lanewise(LOG).blend(x.lanewise(LOG).sub(a.lanewise(LOG)), lam.compare(LT, Double.MIN_NORMAL));
            v = v.blend(lm1.sub(logLam), far);
        }
        return v;
    }

    /** x^a e^-x / Gamma(a) for x &gt; 0 (IncompleteGamma.prefix). */
    static DoubleVector prefix(DoubleVector a, DoubleVector x) {
        VectorMask<Double> stirling = a.compare(GE, PREFIX_STIRLING_A_MIN);
        DoubleVector v = a.broadcast(Double.NaN);
        if (stirling.anyTrue()) {
            DoubleVector phi = phi(a, x);
            DoubleVector w = a.mul(phi).neg().sub(VectorGammaFunctions.logGammaStirlingCorrection(a)).lanewise(EXP)
                    .mul(a.mul(INV_2PI).lanewise(SQRT));
            v = v.blend(w, stirling);
        }
        VectorMask<Double> small = stirling.not();
        if (small.anyTrue()) {
            DoubleVector lg1p = VectorGammaFunctions.logGamma1p(a);
            DoubleVector xa = x.lanewise(POW, a);
            DoubleVector ex = x.neg().lanewise(EXP);
            VectorMask<Double> direct = xa.compare(GE, Double.MIN_NORMAL).and(ex.compare(GE, Double.MIN_NORMAL))
                    .and(xa.compare(LT, Double.POSITIVE_INFINITY));
            DoubleVector d = a.mul(xa.mul(ex)).div(lg1p.lanewise(EXP));
            DoubleVector l = a.mul(a.mul(x.lanewise(LOG)).sub(x).sub(lg1p).lanewise(EXP));
            v = v.blend(l.blend(d, direct), small);
        }
        return v;
    }

    /** log x - psi(a) (IncompleteGamma.logMinusDigamma0). */
    private static DoubleVector logMinusDigamma0(DoubleVector a, DoubleVector x) {
        VectorMask<Double> big = a.compare(GE, LOG_MINUS_DIGAMMA_A_MIN);
        DoubleVector v = a.broadcast(Double.NaN);
        if (big.anyTrue()) {
            v = v.blend(x.div(a).lanewise(LOG).add(VectorGammaFunctions.logMinusDigamma(a)), big);
        }
        VectorMask<Double> small = big.not();
        if (small.anyTrue()) {
            v = v.blend(x.lanewise(LOG).sub(VectorGammaFunctions.digamma(a)), small);
        }
        return v;
    }

    /** log x - psi(a + 1) (IncompleteGamma.logMinusDigammaP1 with logx = log x). */
    private static DoubleVector logMinusDigammaP1(DoubleVector a, DoubleVector x) {
        VectorMask<Double> big = a.compare(GE, LOG_MINUS_DIGAMMA_A_MIN);
        DoubleVector logx = x.lanewise(LOG);
        DoubleVector v = a.broadcast(Double.NaN);
        if (big.anyTrue()) {
            DoubleVector lam = x.div(a);
            DoubleVector logLam = lam.lanewise(LOG).blend(logx.sub(a.lanewise(LOG)), lam.compare(LT, Double.MIN_NORMAL));
            DoubleVector w = logLam.add(VectorGammaFunctions.logMinusDigamma(a).sub(a.broadcast(1.0).div(a)));
            v = v.blend(w, big);
        }
        VectorMask<Double> small = big.not();
        if (small.anyTrue()) {
            v = v.blend(logx.sub(VectorGammaFunctions.digamma(a.add(1.0))), small);
        }
        return v;
    }
}
