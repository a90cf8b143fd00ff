package dev.irg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.irg.sampling.SamplerMath;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorSamplerMath} against {@link SamplerMath}: the same bits in every lane (the samplers' bit
 * identity rests on it), on random arguments over each function's range and beyond, at the reduction
 * edges, and with special values (0, subnormals, infinities, NaN, negatives) mixed into vectors of
 * ordinary lanes, at every length 1..3 vectors + 1 (the partial last vector is computed on padding).
 */
class VectorSamplerMathTest {
    private static final int N = 200_003;

    private interface ArrayFn {
        void apply(double[] in, double[] out, int n);
    }

    private static void compare(String what, double[] in, ArrayFn vector, DoubleUnaryOperator scalar) {
        int lanes = Lanes.LANES;
        int padded = (in.length + lanes - 1) / lanes * lanes;
        double[] x = java.util.Arrays.copyOf(in, padded);
        double[] out = new double[padded];
        vector.apply(x, out, in.length);
        for (int i = 0; i < in.length; i++) {
            double want = scalar.applyAsDouble(in[i]);
            if (Double.isNaN(want) && Double.isNaN(out[i])) {
                continue; // NaN payloads and signs are not part of the contract
            }
            assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(out[i]),
                    what + "(" + in[i] + "): vector " + out[i] + ", scalar " + want);
        }
    }

    private static double[] special() {
        return new double[] {0.0, -0.0, Double.MIN_VALUE, 1e-310, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL),
            Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, -1, -1e-300, 1, 0.5, 2,
            Math.sqrt(2), Math.nextUp(Math.sqrt(2)), Math.nextDown(Math.sqrt(2)), 0.25, 0.75, 0.125, 1.0 / 3,
            -745.2, -745.1, -708.5, 709.78, 709.9, 1e-17, -1e-17, -0.9999999999999999};
    }

    /** Random arguments drawn by {@code gen}, with the special values spread through them. */
    private static double[] inputs(long seed, java.util.function.ToDoubleFunction<SplittableRandom> gen) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] sp = special();
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = i % 97 == 0 ? sp[(i / 97) % sp.length] : gen.applyAsDouble(r);
        }
        return v;
    }

    @Test
    void logIsBitIdentical() {
        compare("log", inputs(1, r -> r.nextBoolean() ? r.nextDouble() : Math.exp(r.nextDouble(-700, 700))),
                VectorSamplerMath::log, SamplerMath::log);
    }

    @Test
    void log1pIsBitIdentical() {
        double[] in = inputs(2, r -> r.nextBoolean() ? r.nextDouble(-1, 4) : r.nextDouble(-1e-8, 1e-8));
        compare("log1p", in, (x, out, n) -> VectorSamplerMath.log1p(x, out, new double[x.length], n), SamplerMath::log1p);
    }

    @Test
    void expIsBitIdentical() {
        compare("exp", inputs(3, r -> r.nextBoolean() ? r.nextDouble(-750, 712) : r.nextDouble(-3, 3)),
                VectorSamplerMath::exp, SamplerMath::exp);
    }

    @Test
    void cos2piIsBitIdentical() {
        // cos2pi's domain: |u| < 2^49 (4u rounds to an integer exactly; the samplers pass u in (0, 1)); NaN and
        // infinities give NaN
        double[] in = inputs(4, r -> r.nextBoolean() ? ((r.nextLong() >>> 32) + 0.5) * 0x1.0p-32 : r.nextDouble(-3, 3));
        for (int i = 0; i < in.length; i++) {
            in[i] = Math.abs(in[i]) >= 0x1.0p49 && Double.isFinite(in[i]) ? 0.3 : in[i];
        }
        compare("cos2pi", in, VectorSamplerMath::cos2pi, SamplerMath::cos2pi);
    }

    /**
     * atan2Positive on its domain (y, x &ge; 0, not both 0): both ratios y/x below and above tan(pi/8) and 1, wide
     * magnitudes, ties y = x, one of them 0, and the arguments the von Mises attempts pass (square roots of values
     * in [0, 2]); bit for bit, every length up to three vectors + 1.
     */
    @Test
    void atan2PositiveIsBitIdentical() {
        SplittableRandom r = new SplittableRandom(5);
        for (int len : new int[] {N, 1, 2, Lanes.LANES - 1, Lanes.LANES + 1, 3 * Lanes.LANES + 1}) {
            int padded = (len + Lanes.LANES - 1) / Lanes.LANES * Lanes.LANES;
            double[] y = new double[padded];
            double[] x = new double[padded];
            for (int i = 0; i < len; i++) {
                switch (i % 5) {
                    case 0 -> {
                        y[i] = Math.sqrt(2 * r.nextDouble());
                        x[i] = Math.sqrt(2 * r.nextDouble());
                    }
                    case 1 -> {
                        y[i] = Math.exp(r.nextDouble(-700, 700));
                        x[i] = Math.exp(r.nextDouble(-700, 700));
                    }
                    case 2 -> {
                        y[i] = r.nextDouble();
                        x[i] = y[i] * (r.nextBoolean() ? 1 : Math.nextUp(0.41421356237309503));
                    }
                    case 3 -> {
                        y[i] = r.nextBoolean() ? 0.0 : r.nextDouble();
                        x[i] = y[i] == 0.0 ? r.nextDouble(1e-300, 1) : 0.0;
                    }
                    default -> {
                        x[i] = r.nextDouble();
                        y[i] = x[i] * r.nextDouble(0.3, 0.5); // around tan(pi/8)
                    }
                }
            }
            double[] out = new double[padded];
            VectorSamplerMath.atan2Positive(y, x, out, len);
            for (int i = 0; i < len; i++) {
                double want = SamplerMath.atan2Positive(y[i], x[i]);
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(out[i]),
                        "atan2Positive(" + y[i] + ", " + x[i] + "): vector " + out[i] + ", scalar " + want);
            }
        }
    }

    @Test
    void everyLengthUpToThreeVectors() {
        double[] sp = special();
        for (int n = 1; n <= 3 * Lanes.LANES + 1; n++) {
            double[] in = new double[n];
            for (int i = 0; i < n; i++) {
                in[i] = i % 2 == 0 ? sp[(i * 7 + n) % sp.length] : 0.37 * (i + 1) / n;
            }
            compare("log n=" + n, in, VectorSamplerMath::log, SamplerMath::log);
            compare("exp n=" + n, in, VectorSamplerMath::exp, SamplerMath::exp);
            for (int i = 0; i < n; i++) {
                in[i] = Math.abs(in[i]) >= 0x1.0p49 && Double.isFinite(in[i]) ? 0.3 : in[i];
            }
            compare("cos2pi n=" + n, in, VectorSamplerMath::cos2pi, SamplerMath::cos2pi);
        }
    }
}
