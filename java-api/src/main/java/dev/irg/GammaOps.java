package dev.irg;

/**
 * Gamma(alpha, rate) operations: the regularized lower incomplete gamma P, its alpha-derivative and
 * the implicit reparameterization gradients of samples z (x = rate*z is the standard Gamma sample).
 *
 * <p>Each operation has a general form over {@link Vec} operands ({@code double[]} or
 * {@code float[]} slices, {@link java.lang.foreign.MemorySegment}s, or broadcast scalars) and
 * shorthands for whole arrays. Results go into the caller's {@code out}; element values outside the
 * domain give NaN in their slot.
 *
 * <pre>{@code
 * Irg irg = Irg.get();
 * irg.gamma().gradAlpha(alphas, z, g);                              // per-sample alpha, rate 1
 * irg.gamma().gradAlpha(Vec.of(alphas), Vec.of(rates), Vec.of(z), Vec.of(g)); // with rates
 * }</pre>
 */
public final class GammaOps {
    private final Irg irg;

    GammaOps(Irg irg) {
        this.irg = irg;
    }

    /** CDF P(alpha, rate*z). General form: alpha, rate, samples and output as {@link Vec}s. */
    public void cdf(Vec alpha, Vec rate, Vec x, Vec out) {
        irg.evaluate(Op.GAMMA_CDF, alpha, rate, x, out);
    }

    /** CDF P(alpha, rate*z). One alpha per sample, rate = 1.0. */
    public void cdf(double[] alpha, double[] x, double[] out) {
        cdf(Vec.of(alpha), Vec.scalar(1.0), Vec.of(x), Vec.of(out));
    }

    /** CDF P(alpha, rate*z). One alpha for every sample, rate = 1.0. */
    public void cdf(double alpha, double[] x, double[] out) {
        cdf(Vec.scalar(alpha), Vec.scalar(1.0), Vec.of(x), Vec.of(out));
    }

    /** CDF P(alpha, rate*z). float32: one alpha per sample, rate = 1.0. */
    public void cdf(float[] alpha, float[] x, float[] out) {
        cdf(Vec.of(alpha), Vec.scalar(1.0), Vec.of(x), Vec.of(out));
    }

    /** CDF P(alpha, rate*z). float32: one alpha for every sample, rate = 1.0. */
    public void cdf(double alpha, float[] x, float[] out) {
        cdf(Vec.scalar(alpha), Vec.scalar(1.0), Vec.of(x), Vec.of(out));
    }

    /** dP(alpha, rate*z)/dalpha. General form: alpha, rate, samples and output as {@link Vec}s. */
    public void dcdfDalpha(Vec alpha, Vec rate, Vec x, Vec out) {
        irg.evaluate(Op.GAMMA_DCDF_DALPHA, alpha, rate, x, out);
    }

    /** dP(alpha, rate*z)/dalpha. One alpha per sample, rate = 1.0. */
    public void dcdfDalpha(double[] alpha, double[] x, double[] out) {
        dcdfDalpha(Vec.of(alpha), Vec.scalar(1.0), Vec.of(x), Vec.of(out));
    }

    /** dP(alpha, rate*z)/dalpha. One alpha for every sample, rate = 1.0. */
    public void dcdfDalpha(double alpha, double[] x, double[] out) {
        dcdfDalpha(Vec.scalar(alpha), Vec.scalar(1.0), Vec.of(x), Vec.of(out));
    }

    /** dP(alpha, rate*z)/dalpha. float32: one alpha per sample, rate = 1.0. */
    public void dcdfDalpha(float[] alpha, float[] x, float[] out) {
        dcdfDalpha(Vec.of(alpha), Vec.scalar(1.0), Vec.of(x), Vec.of(out));
    }

    /** dP(alpha, rate*z)/dalpha. float32: one alpha for every sample, rate = 1.0. */
    public void dcdfDalpha(double alpha, float[] x, float[] out) {
        dcdfDalpha(Vec.scalar(alpha), Vec.scalar(1.0), Vec.of(x), Vec.of(out));
    }

    /** dz/dalpha = -(dP/dalpha)/q(z), computed in log space (finite in both tails). General form: alpha, rate, samples and output as {@link Vec}s. */
    public void gradAlpha(Vec alpha, Vec rate, Vec x, Vec out) {
        irg.evaluate(Op.GAMMA_GRAD_ALPHA, alpha, rate, x, out);
    }

    /** dz/dalpha = -(dP/dalpha)/q(z), computed in log space (finite in both tails). One alpha per sample, rate = 1.0. */
    public void gradAlpha(double[] alpha, double[] x, double[] out) {
        gradAlpha(Vec.of(alpha), Vec.scalar(1.0), Vec.of(x), Vec.of(out));
    }

    /** dz/dalpha = -(dP/dalpha)/q(z), computed in log space (finite in both tails). One alpha for every sample, rate = 1.0. */
    public void gradAlpha(double alpha, double[] x, double[] out) {
        gradAlpha(Vec.scalar(alpha), Vec.scalar(1.0), Vec.of(x), Vec.of(out));
    }

    /** dz/dalpha = -(dP/dalpha)/q(z), computed in log space (finite in both tails). float32: one alpha per sample, rate = 1.0. */
    public void gradAlpha(float[] alpha, float[] x, float[] out) {
        gradAlpha(Vec.of(alpha), Vec.scalar(1.0), Vec.of(x), Vec.of(out));
    }

    /** dz/dalpha = -(dP/dalpha)/q(z), computed in log space (finite in both tails). float32: one alpha for every sample, rate = 1.0. */
    public void gradAlpha(double alpha, float[] x, float[] out) {
        gradAlpha(Vec.scalar(alpha), Vec.scalar(1.0), Vec.of(x), Vec.of(out));
    }

    /** dz/drate = -z/rate. General form: alpha, rate, samples and output as {@link Vec}s. */
    public void gradRate(Vec alpha, Vec rate, Vec x, Vec out) {
        irg.evaluate(Op.GAMMA_GRAD_RATE, alpha, rate, x, out);
    }

    /** dz/drate = -z/rate. One alpha per sample, rate = 1.0. */
    public void gradRate(double[] alpha, double[] x, double[] out) {
        gradRate(Vec.of(alpha), Vec.scalar(1.0), Vec.of(x), Vec.of(out));
    }

    /** dz/drate = -z/rate. One alpha for every sample, rate = 1.0. */
    public void gradRate(double alpha, double[] x, double[] out) {
        gradRate(Vec.scalar(alpha), Vec.scalar(1.0), Vec.of(x), Vec.of(out));
    }

    /** dz/drate = -z/rate. float32: one alpha per sample, rate = 1.0. */
    public void gradRate(float[] alpha, float[] x, float[] out) {
        gradRate(Vec.of(alpha), Vec.scalar(1.0), Vec.of(x), Vec.of(out));
    }

    /** dz/drate = -z/rate. float32: one alpha for every sample, rate = 1.0. */
    public void gradRate(double alpha, float[] x, float[] out) {
        gradRate(Vec.scalar(alpha), Vec.scalar(1.0), Vec.of(x), Vec.of(out));
    }
}
