package dev.irg.cli;

import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.Vec;
import java.util.List;

/**
 * Runs operations over a whole batch of {@link Inputs} through the public API ({@link Irg#evaluate}),
 * in the inputs' precision: float32 inputs go in as {@code float[]}, so the backend's float32 kernels run.
 */
final class Evaluation {
    private final Irg irg;
    private final Inputs in;
    // operands, built once and reused by every op (and every timed repetition of irg bench)
    private final Vec p0;
    private final Vec p1;
    private final Vec x;
    private final double[] outD;
    private final float[] outF;
    private double[] outD2; // a pair's second output (runPair), allocated on first use
    private float[] outF2;

    Evaluation(Irg irg, Inputs in) {
        this.irg = irg;
        this.in = in;
        int n = in.n();
        if (in.precision() == Precision.F64) {
            p0 = Vec.of(in.p0());
            p1 = in.hasP1() ? Vec.of(in.p1()) : Vec.scalar(in.dist().param1Default());
            x = Vec.of(in.x());
            outD = new double[n];
            outF = null;
        } else {
            p0 = Vec.of(toFloat(in.p0()));
            p1 = in.hasP1() ? Vec.of(toFloat(in.p1())) : Vec.scalar(in.dist().param1Default());
            x = Vec.of(toFloat(in.x()));
            outD = null;
            outF = new float[n];
        }
    }

    /** Evaluates {@code op} into the internal output buffer (the timed part of irg bench). */
    void run(Op op) {
        irg.evaluate(op, p0, p1, x, outD != null ? Vec.of(outD) : Vec.of(outF));
    }

    /** Evaluates {@code a} and {@code b} in one call ({@link Irg#evaluatePair}) into the internal buffers. */
    void runPair(Op a, Op b) {
        if (outD != null) {
            if (outD2 == null) {
                outD2 = new double[outD.length];
            }
            irg.evaluatePair(a, b, p0, p1, x, Vec.of(outD), Vec.of(outD2));
        } else {
            if (outF2 == null) {
                outF2 = new float[outF.length];
            }
            irg.evaluatePair(a, b, p0, p1, x, Vec.of(outF), Vec.of(outF2));
        }
    }

    /** Evaluates {@code op} and returns the results widened to double (exactly, for float32). */
    double[] compute(Op op) {
        run(op);
        if (outD != null) {
            return outD.clone();
        }
        double[] r = new double[outF.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = outF[i];
        }
        return r;
    }

    /**
     * The operations a user computes together ({@code BetaOps.grad}, {@code BetaOps.dcdf}): one pass where the backend
     * fuses them. The CLI's one list of them (bench, report and eval pair exactly these).
     */
    static final Op[][] PAIRS = {{Op.BETA_GRAD_A, Op.BETA_GRAD_B}, {Op.BETA_DCDF_DA, Op.BETA_DCDF_DB}};

    /** Whether {@code a} and {@code b} are one of the {@link #PAIRS}, in either order. */
    static boolean isPair(Op a, Op b) {
        for (Op[] p : PAIRS) {
            if (p[0] == a && p[1] == b || p[0] == b && p[1] == a) {
                return true;
            }
        }
        return false;
    }

    /**
     * The results of the {@link #PAIRS} whose two operations are both in {@code ops}, each pair by one
     * {@link Irg#evaluatePair} call (as {@code irg bench} times them), widened to double; keyed by operation.
     */
    java.util.Map<Op, double[]> computePairs(List<Op> ops) {
        java.util.Map<Op, double[]> r = new java.util.LinkedHashMap<>();
        for (Op[] pair : PAIRS) {
            if (ops.contains(pair[0]) && ops.contains(pair[1])) {
                runPair(pair[0], pair[1]);
                r.put(pair[0], outD != null ? outD.clone() : widen(outF));
                r.put(pair[1], outD != null ? outD2.clone() : widen(outF2));
            }
        }
        return r;
    }

    private static double[] widen(float[] f) {
        double[] r = new double[f.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = f[i];
        }
        return r;
    }

    /** Every op of {@code ops}, the {@link #PAIRS} among them by one call each (as a user computes them). */
    double[][] computeAll(List<Op> ops) {
        java.util.Map<Op, double[]> paired = computePairs(ops);
        double[][] cols = new double[ops.size()][];
        for (int i = 0; i < cols.length; i++) {
            double[] p = paired.get(ops.get(i));
            cols[i] = p != null ? p : compute(ops.get(i));
        }
        return cols;
    }

    Inputs inputs() {
        return in;
    }

    static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }
}
