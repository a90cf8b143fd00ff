package dev.irg.jmh;

import dev.irg.Distribution;
import dev.irg.Precision;
import dev.irg.Vec;
import java.util.SplittableRandom;

/**
 * Random valid operands over the whole domain of a distribution (the ranges of issues 2 and 3):
 * parameters log-uniform, samples over the body and both tails. Fixed seed: every run measures the
 * same inputs.
 */
public final class Inputs {
    /** The seed of every benchmark's inputs. */
    public static final long SEED = 20261128L;

    private Inputs() {
    }

    /** {p0[], p1[], x[]} of {@code n} elements. */
    public static double[][] draw(Distribution d, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] t = new double[3][n];
        for (int i = 0; i < n; i++) {
            double[] v = switch (d) {
                case GAMMA -> gamma(r);
                case BETA -> beta(r);
                case VONMISES -> vonMises(r);
            };
            t[0][i] = v[0];
            t[1][i] = v[1];
            t[2][i] = v[2];
        }
        return t;
    }

    /**
     * {p0, p1, x} of {@code n} elements as {@code double[]} (F64) or {@code float[]} (F32, each value
     * rounded once), drawn with the seed every benchmark uses.
     */
    public static Object[] arrays(Distribution d, Precision precision, int n) {
        double[][] t = draw(d, n, SEED);
        Object[] a = new Object[3];
        for (int k = 0; k < 3; k++) {
            if (precision == Precision.F64) {
                a[k] = t[k];
            } else {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = (float) t[k][i];
                }
                a[k] = f;
            }
        }
        return a;
    }

    /** {@code a} ({@code double[]} or {@code float[]}) as a {@link Vec}. */
    public static Vec vec(Object a) {
        return a instanceof double[] d ? Vec.of(d) : Vec.of((float[]) a);
    }

    static double logUniform(SplittableRandom r, double lo, double hi) {
        return Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }

    private static double[] gamma(SplittableRandom r) {
        double alpha = logUniform(r, 1e-4, 1e6);
        double x = switch (r.nextInt(3)) {
            case 0 -> alpha * logUniform(r, 1e-4, 1.0);
            case 1 -> Math.abs(alpha + Math.sqrt(alpha) * 3 * (2 * r.nextDouble() - 1));
            default -> alpha + Math.sqrt(alpha) * logUniform(r, 1e-2, 6) + 1e-3;
        };
        return new double[] {alpha, 1.0, Math.max(x, 1e-300)};
    }

    private static double[] beta(SplittableRandom r) {
        double a = logUniform(r, 1e-4, 1e6);
        double b = logUniform(r, 1e-4, 1e6);
        double x = switch (r.nextInt(3)) {
            case 0 -> r.nextDouble();
            case 1 -> logUniform(r, 1e-12, 1.0);
            default -> 1.0 - logUniform(r, 1e-12, 1.0);
        };
        return new double[] {a, b, Math.min(Math.max(x, 1e-300), Math.nextDown(1.0))};
    }

    private static double[] vonMises(SplittableRandom r) {
        double kappa = logUniform(r, 1e-4, 1e5);
        double spread = kappa > 1 ? Math.min(Math.PI, 5 / Math.sqrt(kappa)) : Math.PI;
        return new double[] {kappa, 0.0, spread * (2 * r.nextDouble() - 1)};
    }
}
