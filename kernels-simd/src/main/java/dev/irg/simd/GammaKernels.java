package dev.irg.simd;

import dev.irg.Op;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Gamma(alpha, rate) kernels over scratch arrays of whole vectors, mirroring
 * {@link dev.irg.math.Reference} and {@link dev.irg.math.IncompleteGamma}: same domain, same NaN
 * positions.
 */
final class GammaKernels implements Family {
    private final VectorSpecies<Double> sd;

    GammaKernels(VectorSpecies<Double> sd) {
        this.sd = sd;
    }

    @Override
    public int regions() {
        return 1;
    }

    @Override
    public boolean has(Op op) {
        return op == Op.GAMMA_GRAD_RATE;
    }

    @Override
    public void classify(Op op, double[] p0, double[] p1, double[] x, byte[] region, int m) {
        java.util.Arrays.fill(region, 0, m, (byte) 0);
    }

    @Override
    public void evaluate(Op op, int region, double[] p0, double[] p1, double[] x, double[] out, int from, int to) {
        switch (op) {
            case GAMMA_GRAD_RATE -> gradRate(sd, p0, p1, x, out, from, to);
            default -> throw new IllegalArgumentException(op.toString());
        }
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
    static void gradRate(VectorSpecies<Double> s, double[] alpha, double[] rate, double[] z, double[] out, int from, int to) {
        for (int i = from; i < to; i += s.length()) {
            DoubleVector a = DoubleVector.fromArray(s, alpha, i);
            DoubleVector r = DoubleVector.fromArray(s, rate, i);
            DoubleVector x = DoubleVector.fromArray(s, z, i);
            DoubleVector g = x.neg().div(r);
            g.blend(Double.NaN, domain(a, r, x).not()).intoArray(out, i);
        }
    }
}
