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

    /**
     * dx/da and dx/db together, in one pass: on the SIMD backend the two share the series terms and the continued
     * fraction's steps (measured 0.57-0.63 of the cost of {@link #gradA} and {@link #gradB} called one after the other
     * on JMH's inputs, 0.66-0.72 on samples of Beta(a, b), up to 0.86 above min(a, b) = 1e4; docs/simd.md "Both Beta
     * gradients in one pass"), the scalar backend takes both from one evaluation (half the cost), the CUDA backend
     * from one kernel (irg_PAIR_BETA_GRAD; not measured on a GPU). The results are those of the two calls up to the truncation of the sums (within the
     * equivalence bounds of the single operations; bit for bit on the scalar backend). {@code gradA} and {@code gradB}
     * must not overlap each other or an operand.
     *
     * <pre>{@code
     * Irg.get().beta().grad(a, b, z, ga, gb);   // Beta rsample's two gradients
     * }</pre>
     */
    public void grad(Vec a, Vec b, Vec x, Vec gradA, Vec gradB) {
        irg.evaluatePair(Op.BETA_GRAD_A, Op.BETA_GRAD_B, a, b, x, gradA, gradB);
    }

    /** dx/da and dx/db in one pass. One (a, b) per sample. */
    public void grad(double[] a, double[] b, double[] x, double[] gradA, double[] gradB) {
        grad(Vec.of(a), Vec.of(b), Vec.of(x), Vec.of(gradA), Vec.of(gradB));
    }

    /** dx/da and dx/db in one pass. One (a, b) for every sample. */
    public void grad(double a, double b, double[] x, double[] gradA, double[] gradB) {
        grad(Vec.scalar(a), Vec.scalar(b), Vec.of(x), Vec.of(gradA), Vec.of(gradB));
    }

    /** dx/da and dx/db in one pass. float32: one (a, b) per sample. */
    public void grad(float[] a, float[] b, float[] x, float[] gradA, float[] gradB) {
        grad(Vec.of(a), Vec.of(b), Vec.of(x), Vec.of(gradA), Vec.of(gradB));
    }

    /** dx/da and dx/db in one pass. float32: one (a, b) for every sample. */
    public void grad(double a, double b, float[] x, float[] gradA, float[] gradB) {
        grad(Vec.scalar(a), Vec.scalar(b), Vec.of(x), Vec.of(gradA), Vec.of(gradB));
    }

    /**
     * dI/da and dI/db together, in one pass where the backend can (as {@link #grad(Vec, Vec, Vec, Vec, Vec)}).
     * {@code da} and {@code db} must not overlap each other or an operand.
     */
    public void dcdf(Vec a, Vec b, Vec x, Vec da, Vec db) {
        irg.evaluatePair(Op.BETA_DCDF_DA, Op.BETA_DCDF_DB, a, b, x, da, db);
    }

    /** dI/da and dI/db in one pass. One (a, b) per sample. */
    public void dcdf(double[] a, double[] b, double[] x, double[] da, double[] db) {
        dcdf(Vec.of(a), Vec.of(b), Vec.of(x), Vec.of(da), Vec.of(db));
    }

    /** dI/da and dI/db in one pass. One (a, b) for every sample. */
    public void dcdf(double a, double b, double[] x, double[] da, double[] db) {
        dcdf(Vec.scalar(a), Vec.scalar(b), Vec.of(x), Vec.of(da), Vec.of(db));
    }

    /** dI/da and dI/db in one pass. float32: one (a, b) per sample. */
    public void dcdf(float[] a, float[] b, float[] x, float[] da, float[] db) {
        dcdf(Vec.of(a), Vec.of(b), Vec.of(x), Vec.of(da), Vec.of(db));
    }

    /** dI/da and dI/db in one pass. float32: one (a, b) for every sample. */
    public void dcdf(double a, double b, float[] x, float[] da, float[] db) {
        dcdf(Vec.scalar(a), Vec.scalar(b), Vec.of(x), Vec.of(da), Vec.of(db));
    }
}
