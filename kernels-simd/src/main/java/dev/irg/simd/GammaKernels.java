package dev.irg.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Gamma(alpha, rate) kernels over scratch arrays of whole vectors, mirroring
 * {@link dev.irg.math.Reference} and {@link dev.irg.math.IncompleteGamma}: same domain, same NaN
 * positions.
 */
final class GammaKernels {
    private GammaKernels() {
    }

    /** Lanes where alpha and rate are positive and finite and the sample is {@code >= 0} (NaN fails every compare). */
    static VectorMask<Double> domain(DoubleVector alpha, DoubleVector rate, DoubleVector z) {
        return alpha.compare(VectorOperators.GT, 0.0)
                .and(alpha.compare(VectorOperators.LT, Double.POSITIVE_INFINITY))
                .and(rate.compare(VectorOperators.GT, 0.0))
                .and(rate.compare(VectorOperators.LT, Double.POSITIVE_INFINITY))
                .and(z.compare(VectorOperators.GE, 0.0));
    }

    /** dz/drate = -z/rate (the reference's {@code gammaGradRate}). */
    static void gradRate(VectorSpecies<Double> s, double[] alpha, double[] rate, double[] z, double[] out, int m) {
        for (int i = 0; i < m; i += s.length()) {
            DoubleVector a = DoubleVector.fromArray(s, alpha, i);
            DoubleVector r = DoubleVector.fromArray(s, rate, i);
            DoubleVector x = DoubleVector.fromArray(s, z, i);
            DoubleVector g = x.neg().div(r);
            g.blend(Double.NaN, domain(a, r, x).not()).intoArray(out, i);
        }
    }
}
