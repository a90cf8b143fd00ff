package dev.irg;

/**
 * von Mises(loc, kappa) operations on the real line: F(z - loc; kappa) with F(u + 2pi) = F(u) + 1,
 * its kappa-derivative and the implicit reparameterization gradient dz/dkappa (dz/dloc = 1).
 *
 * <p>Each operation has a general form over {@link Vec} operands ({@code double[]} or
 * {@code float[]} slices, {@link java.lang.foreign.MemorySegment}s, or broadcast scalars) and
 * shorthands for whole arrays. Results go into the caller's {@code out}; element values outside the
 * domain give NaN in their slot.
 *
 * <pre>{@code
 * Irg.get().vonMises().gradKappa(kappas, z, g);   // loc 0
 * }</pre>
 */
public final class VonMisesOps {
    private final Irg irg;

    VonMisesOps(Irg irg) {
        this.irg = irg;
    }

    /** CDF F(z - loc; kappa). General form: kappa, loc, samples and output as {@link Vec}s. */
    public void cdf(Vec kappa, Vec loc, Vec x, Vec out) {
        irg.evaluate(Op.VONMISES_CDF, kappa, loc, x, out);
    }

    /** CDF F(z - loc; kappa). One kappa per sample, loc = 0.0. */
    public void cdf(double[] kappa, double[] x, double[] out) {
        cdf(Vec.of(kappa), Vec.scalar(0.0), Vec.of(x), Vec.of(out));
    }

    /** CDF F(z - loc; kappa). One kappa for every sample, loc = 0.0. */
    public void cdf(double kappa, double[] x, double[] out) {
        cdf(Vec.scalar(kappa), Vec.scalar(0.0), Vec.of(x), Vec.of(out));
    }

    /** CDF F(z - loc; kappa). float32: one kappa per sample, loc = 0.0. */
    public void cdf(float[] kappa, float[] x, float[] out) {
        cdf(Vec.of(kappa), Vec.scalar(0.0), Vec.of(x), Vec.of(out));
    }

    /** CDF F(z - loc; kappa). float32: one kappa for every sample, loc = 0.0. */
    public void cdf(double kappa, float[] x, float[] out) {
        cdf(Vec.scalar(kappa), Vec.scalar(0.0), Vec.of(x), Vec.of(out));
    }

    /** dF(z - loc; kappa)/dkappa. General form: kappa, loc, samples and output as {@link Vec}s. */
    public void dcdfDkappa(Vec kappa, Vec loc, Vec x, Vec out) {
        irg.evaluate(Op.VONMISES_DCDF_DKAPPA, kappa, loc, x, out);
    }

    /** dF(z - loc; kappa)/dkappa. One kappa per sample, loc = 0.0. */
    public void dcdfDkappa(double[] kappa, double[] x, double[] out) {
        dcdfDkappa(Vec.of(kappa), Vec.scalar(0.0), Vec.of(x), Vec.of(out));
    }

    /** dF(z - loc; kappa)/dkappa. One kappa for every sample, loc = 0.0. */
    public void dcdfDkappa(double kappa, double[] x, double[] out) {
        dcdfDkappa(Vec.scalar(kappa), Vec.scalar(0.0), Vec.of(x), Vec.of(out));
    }

    /** dF(z - loc; kappa)/dkappa. float32: one kappa per sample, loc = 0.0. */
    public void dcdfDkappa(float[] kappa, float[] x, float[] out) {
        dcdfDkappa(Vec.of(kappa), Vec.scalar(0.0), Vec.of(x), Vec.of(out));
    }

    /** dF(z - loc; kappa)/dkappa. float32: one kappa for every sample, loc = 0.0. */
    public void dcdfDkappa(double kappa, float[] x, float[] out) {
        dcdfDkappa(Vec.scalar(kappa), Vec.scalar(0.0), Vec.of(x), Vec.of(out));
    }

    /** dz/dkappa = -(dF/dkappa)/q(z). General form: kappa, loc, samples and output as {@link Vec}s. */
    public void gradKappa(Vec kappa, Vec loc, Vec x, Vec out) {
        irg.evaluate(Op.VONMISES_GRAD_KAPPA, kappa, loc, x, out);
    }

    /** dz/dkappa = -(dF/dkappa)/q(z). One kappa per sample, loc = 0.0. */
    public void gradKappa(double[] kappa, double[] x, double[] out) {
        gradKappa(Vec.of(kappa), Vec.scalar(0.0), Vec.of(x), Vec.of(out));
    }

    /** dz/dkappa = -(dF/dkappa)/q(z). One kappa for every sample, loc = 0.0. */
    public void gradKappa(double kappa, double[] x, double[] out) {
        gradKappa(Vec.scalar(kappa), Vec.scalar(0.0), Vec.of(x), Vec.of(out));
    }

    /** dz/dkappa = -(dF/dkappa)/q(z). float32: one kappa per sample, loc = 0.0. */
    public void gradKappa(float[] kappa, float[] x, float[] out) {
        gradKappa(Vec.of(kappa), Vec.scalar(0.0), Vec.of(x), Vec.of(out));
    }

    /** dz/dkappa = -(dF/dkappa)/q(z). float32: one kappa for every sample, loc = 0.0. */
    public void gradKappa(double kappa, float[] x, float[] out) {
        gradKappa(Vec.scalar(kappa), Vec.scalar(0.0), Vec.of(x), Vec.of(out));
    }
}
