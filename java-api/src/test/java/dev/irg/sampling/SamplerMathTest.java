package dev.irg.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link SamplerMath} against {@code java.lang.Math} (itself within 1 ulp of the true function) on random
 * arguments over each function's sampler range and beyond, at the reduction boundaries, and at the
 * special values. The bound is in ulps of the result: 2 for log, exp and cos2pi (1 of ours plus 1 of
 * Math's), 4 for log1p; cos2pi near its zeros in absolute terms (2 ulps of 1).
 */
class SamplerMathTest {
    private static final int N = 1_000_000;

    private static double ulps(double got, double want) {
        if (got == want) {
            return 0;
        }
        return Math.abs(got - want) / Math.ulp(want);
    }

    private static void check(String what, double arg, double got, double want, double maxUlps) {
        assertTrue(ulps(got, want) <= maxUlps, what + "(" + arg + ") = " + got + ", Math gives " + want + " ("
                + ulps(got, want) + " ulps)");
    }

    @Test
    void logMatchesMath() {
        SplittableRandom r = new SplittableRandom(1);
        double worst = 0;
        for (int i = 0; i < N; i++) {
            // uniforms of the samplers, then every binade from 1e-300 to 1e300
            double x = i % 2 == 0 ? r.nextDouble() : Math.exp(r.nextDouble(-690, 690));
            double got = SamplerMath.log(x);
            check("log", x, got, Math.log(x), 2);
            worst = Math.max(worst, ulps(got, Math.log(x)));
        }
        for (double x : new double[] {1, Math.nextUp(1.0), Math.nextDown(1.0), SamplingConstants.SAMPLER_SQRT2,
                Math.nextUp(SamplingConstants.SAMPLER_SQRT2), 0.5 * SamplingConstants.SAMPLER_SQRT2, 2, 0.5,
                Double.MIN_NORMAL, Double.MAX_VALUE, 0x1.0p-53, 1 - 0x1.0p-53, Double.MIN_VALUE, 1e-310}) {
            check("log", x, SamplerMath.log(x), Math.log(x), 2);
        }
        assertEquals(0.0, SamplerMath.log(1.0));
        System.out.println("SamplerMath.log: worst " + worst + " ulps vs Math.log over " + N + " arguments");
    }

    @Test
    void logSpecialValues() {
        assertEquals(Double.NEGATIVE_INFINITY, SamplerMath.log(0.0));
        assertEquals(Double.NEGATIVE_INFINITY, SamplerMath.log(-0.0));
        assertEquals(Double.POSITIVE_INFINITY, SamplerMath.log(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(SamplerMath.log(-1)));
        assertTrue(Double.isNaN(SamplerMath.log(Double.NaN)));
        assertTrue(Double.isNaN(SamplerMath.log(Double.NEGATIVE_INFINITY)));
        assertEquals(Double.NEGATIVE_INFINITY, SamplerMath.log1p(-1));
        assertTrue(Double.isNaN(SamplerMath.log1p(-2)));
    }

    @Test
    void log1pMatchesMath() {
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < N; i++) {
            // c x of Marsaglia-Tsang: c <= 1/sqrt(6), |x| up to about 9; plus tiny arguments
            double x = i % 3 == 0 ? r.nextDouble(-1, 4) : i % 3 == 1 ? r.nextDouble(-1e-6, 1e-6) : Math.scalb(r.nextDouble(-1, 1), -40);
            check("log1p", x, SamplerMath.log1p(x), Math.log1p(x), 4);
        }
    }

    @Test
    void expMatchesMath() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < N; i++) {
            double y = i % 2 == 0 ? r.nextDouble(-745, 709.7) : r.nextDouble(-2, 2);
            double want = Math.exp(y);
            double got = SamplerMath.exp(y);
            if (want < Double.MIN_NORMAL) {
                // subnormal results: absolute error within 1 unit of the smallest subnormal
                assertTrue(Math.abs(got - want) <= Double.MIN_VALUE, "exp(" + y + ") = " + got + ", Math gives " + want);
            } else {
                check("exp", y, got, want, 2);
            }
        }
        assertEquals(1.0, SamplerMath.exp(0));
        assertEquals(0.0, SamplerMath.exp(-746));
        assertEquals(0.0, SamplerMath.exp(Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, SamplerMath.exp(710));
        assertTrue(Double.isNaN(SamplerMath.exp(Double.NaN)));
    }

    @Test
    void cos2piMatchesMath() {
        SplittableRandom r = new SplittableRandom(4);
        double worst = 0;
        for (int i = 0; i < N + 9; i++) {
            // the angle uniforms u32 of Box-Muller, and the quadrant edges k/8 (exact)
            double u = i < 9 ? i / 8.0 : ((r.nextLong() >>> 32) + 0.5) * 0x1.0p-32;
            double want = cos2piReference(u);
            double got = SamplerMath.cos2pi(u);
            double err = ulps(got, want);
            assertTrue(err <= 2, "cos2pi(" + u + ") = " + got + ", Math gives " + want + " (" + err + ")");
            worst = Math.max(worst, err);
        }
        assertEquals(1.0, SamplerMath.cos2pi(0));
        assertEquals(-1.0, SamplerMath.cos2pi(0.5));
        assertEquals(1.0, SamplerMath.cos2pi(1));
        assertEquals(0.0, Math.abs(SamplerMath.cos2pi(0.25)));
        System.out.println("SamplerMath.cos2pi: worst " + worst + " ulps vs Math.cos (argument error corrected) over " + N + " arguments");
    }

    /** 2 pi - 2 * Math.PI (mpmath). */
    private static final double TWO_PI_LO = 2.4492935982947064e-16;

    /**
     * cos(2 pi u) from Math.cos with the rounding of its argument corrected to first order: a = 2 Math.PI u
     * rounded, e = 2 pi u - a (an fma and the low part of 2 pi), cos(a + e) = cos a - e sin a; within about
     * one ulp even near the zeros of cos, where Math.cos(2 * Math.PI * u) alone is off by several.
     */
    private static double cos2piReference(double u) {
        double a = 2 * Math.PI * u;
        double e = Math.fma(2 * Math.PI, u, -a) + TWO_PI_LO * u;
        return Math.cos(a) - e * Math.sin(a);
    }

    @Test
    void vonMisesFunctionsMatchMath() {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < N; i++) {
            double u = i < 3 ? i / 2.0 : ((r.nextLong() >>> 12) + 0.5) * 0x1.0p-52;
            // sin and cos of pi u / 2: against Math with the argument's rounding corrected (as cos2piReference)
            double a = 0.5 * Math.PI * u;
            double e = Math.fma(0.5 * Math.PI, u, -a) + 0.5 * TWO_PI_LO * 0.5 * u;
            check("sinHalfPi", u, SamplerMath.sinHalfPi(u), Math.sin(a) + e * Math.cos(a), 2);
            check("cosHalfPi", u, SamplerMath.cosHalfPi(u), Math.cos(a) - e * Math.sin(a), 2);
            double y = r.nextDouble() * (i % 3 == 0 ? 1e-3 : 2);
            double x = r.nextDouble() * (i % 5 == 0 ? 1e-3 : 2);
            check("atan2Positive(" + y + ", ...)", x, SamplerMath.atan2Positive(y, x), Math.atan2(y, x), 4);
            double t = i % 2 == 0 ? r.nextDouble(0, 10) : Math.exp(r.nextDouble(-30, 120));
            check("hypot1", t, SamplerMath.hypot1(t), Math.hypot(1, t), 1);
        }
        assertEquals(0.0, SamplerMath.atan2Positive(0, 1));
        assertEquals(Math.PI / 2, SamplerMath.atan2Positive(1, 0));
        assertEquals(Math.PI / 4, SamplerMath.atan2Positive(1, 1));
        assertEquals(1.0, SamplerMath.hypot1(0));
        assertEquals(1e300, SamplerMath.hypot1(1e300));
    }
}
