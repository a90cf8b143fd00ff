package dev.irg;

/**
 * Beta(a, b) operations: the regularized incomplete beta I_x(a, b), its derivatives in a and b and
 * the implicit reparameterization gradients of samples x.
 *
 * <p>Each operation has a general form over {@link Vec} operands ({@code double[]} or
 * {@code float[]} slices, {@link java.lang.foreign.MemorySegment}s, or broadcast scalars) and
 * shorthands for whole arrays. Results go into the caller's {@code out}; element values outside the
 * domain give NaN in their slot.
 *
 * <pre>{@code
 * Irg.get().beta().gradA(2.0, 3.5, x, ga);   // one (a, b) for every sample
 * }</pre>
 */
public final class BetaOps {
    private final Irg irg;

    BetaOps(Irg irg) {
        this.irg = irg;
    }

    /** CDF I_x(a, b). General form: a, b, samples and output as {@link Vec}s. */
    public void cdf(Vec a, Vec b, Vec x, Vec out) {
        irg.evaluate(Op.BETA_CDF, a, b, x, out);
    }

    /** CDF I_x(a, b). One (a, b) per sample. */
    public void cdf(double[] a, double[] b, double[] x, double[] out) {
        cdf(Vec.of(a), Vec.of(b), Vec.of(x), Vec.of(out));
    }

    /** CDF I_x(a, b). One (a, b) for every sample. */
    public void cdf(double a, double b, double[] x, double[] out) {
        cdf(Vec.scalar(a), Vec.scalar(b), Vec.of(x), Vec.of(out));
    }

    /** CDF I_x(a, b). float32: one (a, b) per sample. */
    public void cdf(float[] a, float[] b, float[] x, float[] out) {
        cdf(Vec.of(a), Vec.of(b), Vec.of(x), Vec.of(out));
    }

    /** CDF I_x(a, b). float32: one (a, b) for every sample. */
    public void cdf(double a, double b, float[] x, float[] out) {
        cdf(Vec.scalar(a), Vec.scalar(b), Vec.of(x), Vec.of(out));
    }

    /** dI_x(a, b)/da. General form: a, b, samples and output as {@link Vec}s. */
    public void dcdfDa(Vec a, Vec b, Vec x, Vec out) {
        irg.evaluate(Op.BETA_DCDF_DA, a, b, x, out);
    }

    /** dI_x(a, b)/da. One (a, b) per sample. */
    public void dcdfDa(double[] a, double[] b, double[] x, double[] out) {
        dcdfDa(Vec.of(a), Vec.of(b), Vec.of(x), Vec.of(out));
    }

    /** dI_x(a, b)/da. One (a, b) for every sample. */
    public void dcdfDa(double a, double b, double[] x, double[] out) {
        dcdfDa(Vec.scalar(a), Vec.scalar(b), Vec.of(x), Vec.of(out));
    }

    /** dI_x(a, b)/da. float32: one (a, b) per sample. */
    public void dcdfDa(float[] a, float[] b, float[] x, float[] out) {
        dcdfDa(Vec.of(a), Vec.of(b), Vec.of(x), Vec.of(out));
    }

    /** dI_x(a, b)/da. float32: one (a, b) for every sample. */
    public void dcdfDa(double a, double b, float[] x, float[] out) {
        dcdfDa(Vec.scalar(a), Vec.scalar(b), Vec.of(x), Vec.of(out));
    }

    /** dI_x(a, b)/db. General form: a, b, samples and output as {@link Vec}s. */
    public void dcdfDb(Vec a, Vec b, Vec x, Vec out) {
        irg.evaluate(Op.BETA_DCDF_DB, a, b, x, out);
    }

    /** dI_x(a, b)/db. One (a, b) per sample. */
    public void dcdfDb(double[] a, double[] b, double[] x, double[] out) {
        dcdfDb(Vec.of(a), Vec.of(b), Vec.of(x), Vec.of(out));
    }

    /** dI_x(a, b)/db. One (a, b) for every sample. */
    public void dcdfDb(double a, double b, double[] x, double[] out) {
        dcdfDb(Vec.scalar(a), Vec.scalar(b), Vec.of(x), Vec.of(out));
    }

    /** dI_x(a, b)/db. float32: one (a, b) per sample. */
    public void dcdfDb(float[] a, float[] b, float[] x, float[] out) {
        dcdfDb(Vec.of(a), Vec.of(b), Vec.of(x), Vec.of(out));
    }

    /** dI_x(a, b)/db. float32: one (a, b) for every sample. */
    public void dcdfDb(double a, double b, float[] x, float[] out) {
        dcdfDb(Vec.scalar(a), Vec.scalar(b), Vec.of(x), Vec.of(out));
    }

    /** dx/da = -(dI/da)/q(x), computed in log space. General form: a, b, samples and output as {@link Vec}s. */
    public void gradA(Vec a, Vec b, Vec x, Vec out) {
        irg.evaluate(Op.BETA_GRAD_A, a, b, x, out);
    }

    /** dx/da = -(dI/da)/q(x), computed in log space. One (a, b) per sample. */
    public void gradA(double[] a, double[] b, double[] x, double[] out) {
        gradA(Vec.of(a), Vec.of(b), Vec.of(x), Vec.of(out));
    }

    /** dx/da = -(dI/da)/q(x), computed in log space. One (a, b) for every sample. */
    public void gradA(double a, double b, double[] x, double[] out) {
        gradA(Vec.scalar(a), Vec.scalar(b), Vec.of(x), Vec.of(out));
    }

    /** dx/da = -(dI/da)/q(x), computed in log space. float32: one (a, b) per sample. */
    public void gradA(float[] a, float[] b, float[] x, float[] out) {
        gradA(Vec.of(a), Vec.of(b), Vec.of(x), Vec.of(out));
    }

    /** dx/da = -(dI/da)/q(x), computed in log space. float32: one (a, b) for every sample. */
    public void gradA(double a, double b, float[] x, float[] out) {
        gradA(Vec.scalar(a), Vec.scalar(b), Vec.of(x), Vec.of(out));
    }

    /** dx/db = -(dI/db)/q(x), computed in log space. General form: a, b, samples and output as {@link Vec}s. */
    public void gradB(Vec a, Vec b, Vec x, Vec out) {
        irg.evaluate(Op.BETA_GRAD_B, a, b, x, out);
    }

    /** dx/db = -(dI/db)/q(x), computed in log space. One (a, b) per sample. */
    public void gradB(double[] a, double[] b, double[] x, double[] out) {
        gradB(Vec.of(a), Vec.of(b), Vec.of(x), Vec.of(out));
    }

    /** dx/db = -(dI/db)/q(x), computed in log space. One (a, b) for every sample. */
    public void gradB(double a, double b, double[] x, double[] out) {
        gradB(Vec.scalar(a), Vec.scalar(b), Vec.of(x), Vec.of(out));
    }

    /** dx/db = -(dI/db)/q(x), computed in log space. float32: one (a, b) per sample. */
    public void gradB(float[] a, float[] b, float[] x, float[] out) {
        gradB(Vec.of(a), Vec.of(b), Vec.of(x), Vec.of(out));
    }

    /** dx/db = -(dI/db)/q(x), computed in log space. float32: one (a, b) for every sample. */
    public void gradB(double a, double b, float[] x, float[] out) {
        gradB(Vec.scalar(a), Vec.scalar(b), Vec.of(x), Vec.of(out));
    }
}
