package dev.irg.cli;

import dev.irg.Distribution;
import dev.irg.Precision;

/**
 * The inputs of a batch for one distribution: its first parameter, its second parameter (null when
 * absent: the distribution's default is then broadcast) and the samples. Values are held as
 * doubles; for float32 they were rounded to float when read, so widening back is exact.
 */
record Inputs(Distribution dist, Precision precision, double[] p0, double[] p1, double[] x) {

    int n() {
        return x.length;
    }

    boolean hasP1() {
        return p1 != null;
    }

    /** The first {@code n} rows. */
    Inputs head(int n) {
        return new Inputs(dist, precision, java.util.Arrays.copyOf(p0, n), p1 == null ? null : java.util.Arrays.copyOf(p1, n),
                java.util.Arrays.copyOf(x, n));
    }

    /** The same values for {@code pr} (rounded to float for F32). */
    Inputs as(Precision pr) {
        if (pr == precision) {
            return this;
        }
        return new Inputs(dist, pr, round(p0, pr), p1 == null ? null : round(p1, pr), round(x, pr));
    }

    private static double[] round(double[] a, Precision pr) {
        double[] r = a.clone();
        if (pr == Precision.F32) {
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) r[i];
            }
        }
        return r;
    }
}
