package dev.irg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.math.ErrorFunction;
import dev.irg.math.GammaFunctions;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/**
 * The vector building blocks against their scalar originals on random arguments (log-uniform over
 * many decades, with the region boundaries, 0, negative, infinite and NaN mixed in): same NaN and
 * infinity positions, values within a few ulp (relative), or absolute where the function has a zero
 * (log Gamma near 1 and 2) or the scalar original itself cancels (Stirling's correction below 10).
 */
class VectorFunctionsTest {
    static final double[] SPECIAL = {0, -0.0, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        0.5, 1, 1.5, 2, 2.5, 6, 10, 27.3, -0.5, 1e-300, Double.MIN_VALUE};

    static void compare(int bits, String name, DoubleUnaryOperator scalar, UnaryOperator<DoubleVector> vector,
            double lo, double hi, boolean signed, double tol, double absFloor) {
        compare(bits, name, scalar, vector, lo, hi, signed, tol, absFloor, SPECIAL);
    }

    /** As above, with the special arguments mixed into the random ones given (a function defined on part of the line). */
    static void compare(int bits, String name, DoubleUnaryOperator scalar, UnaryOperator<DoubleVector> vector,
            double lo, double hi, boolean signed, double tol, double absFloor, double[] specials) {
        VectorSpecies<Double> s = SimdKernels.create(bits).species();
        SplittableRandom r = new SplittableRandom(name.hashCode());
        double[] a = new double[s.length()];
        double[] o = new double[s.length()];
        double worst = 0;
        for (int it = 0; it < 4000; it++) {
            for (int l = 0; l < a.length; l++) {
                double v = Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
                a[l] = signed && r.nextBoolean() ? -v : v;
                if (r.nextInt(20) == 0) {
                    a[l] = specials[r.nextInt(specials.length)];
                }
            }
            vector.apply(DoubleVector.fromArray(s, a, 0)).intoArray(o, 0);
            for (int l = 0; l < a.length; l++) {
                double w = scalar.applyAsDouble(a[l]);
                String at = name + "(" + a[l] + ") width " + bits + ": want " + w + " got " + o[l];
                if (Double.isNaN(w) || Double.isInfinite(w) || Double.isNaN(o[l]) || Double.isInfinite(o[l])) {
                    assertEquals(w, o[l], 0.0, at);
                    continue;
                }
                double e = Math.abs(o[l] - w) / Math.max(Math.abs(w), absFloor);
                assertTrue(e <= tol, at + ": error " + e);
                worst = Math.max(worst, e);
            }
        }
        System.out.printf("irg-simd %s width %d: worst %.3g%n", name, bits, worst);
    }

    /** This JVM's vector width (one per JVM; the 128- and 256-bit runs are surefire executions of their own). */
    static final int BITS = SimdKernels.create(0).bits();

    @Test
    void gammaFunctions() {
        int bits = BITS;
        compare(bits, "logGamma", GammaFunctions::logGamma, VectorGammaFunctions::logGamma, 1e-300, 1e300, false, 4e-16, 1.0);
        compare(bits, "logMinusDigammaAsymptotic", GammaFunctions::logMinusDigamma,
                VectorGammaFunctions::logMinusDigammaAsymptotic, 10.0, 1e300, false, 4e-16, 1e-300,
                new double[] {10, 10.5, 11, 27.3, 1e16, 1e300, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN});
        compare(bits, "log1pmx", GammaFunctions::log1pmx, VectorGammaFunctions::log1pmx, 1e-12, 1e3, true, 2e-15, 1e-300);
    }

    /**
     * The array stage logMinusDigammaOfSum (log x - psi(x) at x = a + b, for the vectors with a key below the
     * bound) against the scalar logMinusDigamma of the rounded sum, within a few ulp (of log x where the difference
     * cancels, x &lt; 10); the
     * vectors without such a key keep their output. Sums from 2e-300 to 2e300, with a and b of very different
     * sizes, and both sides of DIGAMMA_ASYMPTOTIC_MIN and of 1 (the recurrence's two starts).
     */
    @Test
    void logMinusDigammaOfSum() {
        int lanes = SimdKernels.create(BITS).species().length();
        SplittableRandom r = new SplittableRandom(2026_11_30L);
        int n = 512 * lanes;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] key = new double[n];
        double[] out = new double[n];
        double worst = 0;
        int evaluated = 0;
        for (int it = 0; it < 8; it++) {
            for (int i = 0; i < n; i++) {
                a[i] = Math.exp(Math.log(1e-300) + r.nextDouble() * (Math.log(1e300) - Math.log(1e-300)));
                b[i] = r.nextInt(4) == 0 ? Math.exp(Math.log(1e-300) + r.nextDouble() * (Math.log(1e300) - Math.log(1e-300)))
                        : r.nextDouble() * 12;
                key[i] = (i / lanes) % 3 == 0 ? 2.0 : r.nextDouble() * 2; // every third vector: no key below 1
                out[i] = -7.0;
            }
            VectorGammaFunctions.logMinusDigammaOfSum(a, b, out, key, 1.0, 0, n);
            for (int v = 0; v < n; v += lanes) {
                boolean any = false;
                for (int l = 0; l < lanes; l++) {
                    any |= key[v + l] < 1.0;
                }
                for (int l = 0; l < lanes; l++) {
                    int i = v + l;
                    if (!any) {
                        assertEquals(-7.0, out[i], 0.0, "a vector without a key below the bound was written");
                        continue;
                    }
                    double x = a[i] + b[i];
                    double w = GammaFunctions.logMinusDigamma(x);
                    // below DIGAMMA_ASYMPTOTIC_MIN log x - psi(x) cancels (0.07 at x = 7.3 from log x = 1.98): both
                    // sides carry the rounding of their log x and psi(x), so the error is measured against |log x|
                    double scale = x < 10 ? Math.max(Math.abs(w), Math.abs(Math.log(x))) : Math.abs(w);
                    double e = Math.abs(out[i] - w) / scale;
                    assertTrue(e <= 1e-15, "logMinusDigamma(" + a[i] + " + " + b[i] + ") width " + BITS + ": want " + w
                            + " got " + out[i] + ", error " + e);
                    worst = Math.max(worst, e);
                    evaluated++;
                }
            }
        }
        assertTrue(evaluated > n, "too few lanes evaluated: " + evaluated);
        System.out.printf("irg-simd logMinusDigammaOfSum width %d: worst %.3g over %d lanes%n", BITS, worst, evaluated);
    }

    @Test
    void errorFunctions() {
        int bits = BITS;
        // the array stage through a vector's worth of lanes
        double[] buf = new double[SimdKernels.create(bits).species().length()];
        compare(bits, "erfc", ErrorFunction::erfc, x -> {
            x.intoArray(buf, 0);
            VectorErrorFunction.erfcStage(buf, buf, 0, buf.length);
            return DoubleVector.fromArray(x.species(), buf, 0);
        }, 1e-6, 40, true, 4e-16, 1e-300);
    }

    /**
     * The von Mises quadrature's sine on [0, pi/2] (VonMisesKernels.sinQuarterPeriod) against Math.sin: uniform
     * arguments, log-uniform ones down to 1e-300 (relative accuracy next to 0, where the tail's q = 2 sin(..) sin(d/2)
     * needs it), 0 and the end point; within 2 ulps relative (the polynomial is within 2.1e-16 of the true sine,
     * Math.sin within one ulp).
     */
    @Test
    void sineOnAQuarterPeriod() {
        VectorSpecies<Double> s = SimdKernels.create(BITS).species();
        SplittableRandom r = new SplittableRandom(2026_11_29L);
        double[] a = new double[s.length()];
        double[] o = new double[s.length()];
        double worst = 0;
        for (int it = 0; it < 20000; it++) {
            for (int l = 0; l < a.length; l++) {
                int kind = r.nextInt(8);
                a[l] = kind == 0 ? Math.exp(Math.log(1e-300) + r.nextDouble() * (Math.log(1.5) - Math.log(1e-300)))
                        : kind == 1 ? (r.nextBoolean() ? 0.0 : Math.PI / 2) : r.nextDouble() * (Math.PI / 2);
            }
            VonMisesKernels.sinQuarterPeriod(DoubleVector.fromArray(s, a, 0)).intoArray(o, 0);
            for (int l = 0; l < a.length; l++) {
                double w = Math.sin(a[l]);
                double e = w == 0 ? Math.abs(o[l]) : Math.abs(o[l] - w) / w;
                assertTrue(e <= 4.5e-16, "sin(" + a[l] + ") width " + BITS + ": want " + w + " got " + o[l]);
                worst = Math.max(worst, e);
            }
        }
        System.out.printf("irg-simd sinQuarterPeriod width %d: worst %.3g%n", BITS, worst);
    }
}
