package dev.irg.simd;

import dev.irg.Distribution;
import java.util.SplittableRandom;

/**
 * Random operands over the whole domain of each distribution, for the equivalence tests: parameters
 * log-uniform over the documented ranges, samples spread over the body and both tails, and a few
 * per cent of edge and out-of-domain values (0, negative, infinite, NaN) in every operand.
 */
final class Domains {
    /** Fraction of triples that get one edge or out-of-domain operand. */
    static final double EDGE_FRACTION = 0.04;

    private Domains() {
    }

    /** One operand triple {p0, p1, x}. */
    static double[] draw(Distribution d, SplittableRandom r) {
        double[] t = switch (d) {
            case GAMMA -> gamma(r);
            case BETA -> beta(r);
            case VONMISES -> vonMises(r);
        };
        if (r.nextDouble() < EDGE_FRACTION) {
            int slot = r.nextInt(3);
            t[slot] = edge(d, slot, r);
        }
        return t;
    }

    static double logUniform(SplittableRandom r, double lo, double hi) {
        return Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }

    private static double[] gamma(SplittableRandom r) {
        double alpha = logUniform(r, 1e-4, 1e6);
        double rate = r.nextBoolean() ? 1.0 : logUniform(r, 1e-2, 1e2);
        double x; // the standard Gamma sample rate*z
        switch (r.nextInt(4)) {
            case 0 -> x = alpha * logUniform(r, 1e-6, 3.0);               // lower tail and body
            case 1 -> x = Math.abs(alpha + Math.sqrt(alpha) * 4 * (2 * r.nextDouble() - 1)); // around the mode
            case 2 -> x = logUniform(r, 1e-300, 1e3);                     // tiny samples of small alpha
            default -> x = alpha + Math.sqrt(alpha) * logUniform(r, 1, 40) + logUniform(r, 1e-3, 40); // upper tail
        }
        return new double[] {alpha, rate, x / rate};
    }

    private static double[] beta(SplittableRandom r) {
        double a = logUniform(r, 1e-4, 1e6);
        double b = logUniform(r, 1e-4, 1e6);
        double x = switch (r.nextInt(4)) {
            case 0 -> r.nextDouble();
            case 1 -> logUniform(r, 1e-300, 1.0);
            case 2 -> 1.0 - logUniform(r, 1e-16, 1.0);
            // around the switch point (a + 1)/(a + b + 2) of the continued fraction, where it needs the
            // most steps (and vector lanes run past the vector budget into the scalar code)
            default -> Math.min(Math.nextDown(1.0), (a + 1) / (a + b + 2) * (1 + 0.2 * (2 * r.nextDouble() - 1)));
        };
        return new double[] {a, b, x};
    }

    private static double[] vonMises(SplittableRandom r) {
        double kappa = r.nextInt(50) == 0 ? 0.0 : logUniform(r, 1e-4, 1e5);
        double loc = r.nextBoolean() ? 0.0 : Math.PI * (2 * r.nextDouble() - 1);
        double spread = kappa > 1 ? Math.min(Math.PI, 6 / Math.sqrt(kappa)) : Math.PI;
        double u = r.nextInt(8) == 0 ? 3 * Math.PI * (2 * r.nextDouble() - 1) : spread * (2 * r.nextDouble() - 1);
        return new double[] {kappa, loc, u + loc};
    }

    private static double edge(Distribution d, int slot, SplittableRandom r) {
        double[] common = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1.0, 0.0, -0.0};
        double[] xExtra = switch (d) {
            case GAMMA -> new double[] {0.0, Double.POSITIVE_INFINITY, Double.MIN_VALUE};
            case BETA -> new double[] {0.0, 1.0, 1.5, Math.nextDown(1.0), Double.MIN_VALUE};
            case VONMISES -> new double[] {Math.PI, -Math.PI, 0.0, 2 * Math.PI, 1e10};
        };
        if (slot == 2 && r.nextBoolean()) {
            return xExtra[r.nextInt(xExtra.length)];
        }
        return common[r.nextInt(common.length)];
    }
}
