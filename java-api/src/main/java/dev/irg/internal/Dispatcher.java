package dev.irg.internal;

import dev.irg.Backend;
import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.Vec;
import dev.irg.spi.BackendException;
import dev.irg.spi.Batch;
import dev.irg.spi.KernelProvider;
import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * Checks a call's operands, then hands the batch to one backend: the forced one, or under
 * {@link Backend#AUTO} CUDA for batches at or above its threshold
 * (measured per machine by {@code irg calibrate}, see {@link Calibration}), else SIMD, else scalar. A CUDA
 * failure under AUTO falls back to the CPU with one log line; a forced backend's failure propagates.
 */
public final class Dispatcher {
    private Dispatcher() {
    }

    /** Checks shapes and precisions; throws before any work. Returns the batch. */
    public static Batch validate(Op op, Vec p0, Vec p1, Vec x, Vec out) {
        var d = op.distribution();
        Objects.requireNonNull(p0, d.param0());
        Objects.requireNonNull(p1, d.param1());
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(out, "out");
        if (x.isScalar()) {
            throw new IllegalArgumentException("x must be an array or segment, not a scalar");
        }
        if (out.isScalar()) {
            throw new IllegalArgumentException("out must be an array or segment, not a scalar");
        }
        long n = out.length();
        Precision pr = out.precision();
        check("x", x, n, pr);
        check(d.param0(), p0, n, pr);
        check(d.param1(), p1, n, pr);
        if (out.segment().isReadOnly()) {
            throw new IllegalArgumentException("out is a read-only segment");
        }
        return new Batch(op, pr, p0, p1, x, out, n);
    }

    /**
     * Checks a call of two operations over the same operands ({@link #validate} for each, plus: both of one
     * distribution, different, outputs of the same length that overlap neither each other nor any operand, since
     * a backend may write one output before it reads the operands again for the other). Returns the two batches.
     */
    public static Batch[] validatePair(Op op0, Op op1, Vec p0, Vec p1, Vec x, Vec out0, Vec out1) {
        Objects.requireNonNull(op0, "op0");
        Objects.requireNonNull(op1, "op1");
        if (op0.distribution() != op1.distribution()) {
            throw new IllegalArgumentException(op0 + " and " + op1 + " are operations of different distributions");
        }
        if (op0 == op1) {
            throw new IllegalArgumentException("both outputs are " + op0 + ": a pair needs two different operations");
        }
        Objects.requireNonNull(out0, "out0");
        Objects.requireNonNull(out1, "out1");
        if (!out0.isScalar() && !out1.isScalar()) {
            if (out1.length() != out0.length()) {
                throw new IllegalArgumentException("the second output has " + out1.length() + " elements but the first has "
                        + out0.length());
            }
            if (out1.precision() != out0.precision()) {
                throw new IllegalArgumentException("the second output is " + out1.precision() + " but the first is "
                        + out0.precision() + ": both outputs of a pair have the same precision");
            }
        }
        Batch b0 = validate(op0, p0, p1, x, out0);
        Batch b1 = validate(op1, p0, p1, x, out1);
        var d = op0.distribution();
        String[] names = {d.param0(), d.param1(), "x"};
        Vec[] operands = {p0, p1, x};
        String[] outNames = {"the first output", "the second output"};
        Vec[] outs = {out0, out1};
        for (int k = 0; k < 2; k++) {
            if (k == 0 && overlaps(out0, out1)) {
                throw new IllegalArgumentException("the two outputs overlap");
            }
            for (int j = 0; j < 3; j++) {
                if (overlaps(outs[k], operands[j])) {
                    throw new IllegalArgumentException(outNames[k] + " overlaps " + names[j]
                            + ": a call with two outputs needs outputs apart from its operands");
                }
            }
        }
        return new Batch[] {b0, b1};
    }

    private static boolean overlaps(Vec out, Vec v) {
        return !v.isScalar() && out.segment().asOverlappingSlice(v.segment()).isPresent();
    }

    private static void check(String name, Vec v, long n, Precision pr) {
        if (v.isScalar()) {
            return;
        }
        if (v.length() != n) {
            throw new IllegalArgumentException(name + " has " + v.length() + " elements but out has " + n);
        }
        if (v.precision() != pr) {
            throw new IllegalArgumentException(name + " is " + v.precision() + " but out is " + pr
                    + ": all arrays of one call have the same precision");
        }
    }

    /** The backend AUTO would use for this call (or {@code requested} when forced). */
    public static KernelProvider select(Backend requested, Op op, Precision precision, long n) {
        Registry r = Registry.get();
        if (requested != Backend.AUTO) {
            KernelProvider p = r.provider(requested);
            if (p == null) {
                throw new IllegalStateException("backend " + requested.id() + " is unavailable: " + r.info(requested).detail());
            }
            if (!p.kernels().supports(op, precision)) {
                throw new UnsupportedOperationException("backend " + requested.id() + " does not implement " + op + " in " + precision);
            }
            return p;
        }
        KernelProvider cuda = r.provider(Backend.CUDA);
        if (cuda != null && n >= Calibration.threshold(cuda, op, precision) && cuda.kernels().supports(op, precision)) {
            return cuda;
        }
        return selectCpu(op, precision, n);
    }

    /** The CPU backend AUTO would use: SIMD when usable and the batch is large enough, else scalar. */
    public static KernelProvider selectCpu(Op op, Precision precision, long n) {
        Registry r = Registry.get();
        KernelProvider simd = r.provider(Backend.SIMD);
        if (simd != null && n >= Calibration.threshold(simd, op, precision) && simd.kernels().supports(op, precision)) {
            return simd;
        }
        return r.provider(Backend.SCALAR);
    }

    /**
     * Runs two validated batches over the same operands ({@link #validatePair}) on one backend, chosen for the
     * first operation: in one pass where that backend fuses them ({@link dev.irg.spi.Kernels#evaluatePair}). If the
     * chosen backend does not implement the second operation (AUTO only), each runs as {@link #run}.
     */
    public static void runPair(Backend requested, int threads, Batch first, Batch second) {
        if (first.n() == 0) {
            return;
        }
        KernelProvider p = select(requested, first.op(), first.precision(), first.n());
        if (!p.kernels().supports(second.op(), second.precision())) {
            if (requested != Backend.AUTO) {
                select(requested, second.op(), second.precision(), second.n()); // throws, naming the operation
            }
            run(requested, threads, first);
            run(requested, threads, second);
            return;
        }
        if (p.backend() == Backend.CUDA) {
            try {
                p.kernels().evaluatePair(first, second);
                return;
            } catch (BackendException e) {
                if (requested == Backend.CUDA) {
                    throw e;
                }
                Log.once(Level.WARNING, "irg: CUDA failed, running on the CPU instead: " + e.getMessage());
                p = selectCpu(first.op(), first.precision(), first.n());
                if (!p.kernels().supports(second.op(), second.precision())) {
                    CpuPool.run(p.kernels(), first, threads);
                    CpuPool.run(selectCpu(second.op(), second.precision(), second.n()).kernels(), second, threads);
                    return;
                }
            }
        }
        CpuPool.runPair(p.kernels(), first, second, threads);
    }

    /** Runs a validated batch. */
    public static void run(Backend requested, int threads, Batch b) {
        if (b.n() == 0) {
            return;
        }
        KernelProvider p = select(requested, b.op(), b.precision(), b.n());
        if (p.backend() == Backend.CUDA) {
            try {
                p.kernels().evaluate(b);
                return;
            } catch (BackendException e) {
                if (requested == Backend.CUDA) {
                    throw e;
                }
                Log.once(Level.WARNING, "irg: CUDA failed, running on the CPU instead: " + e.getMessage());
                p = selectCpu(b.op(), b.precision(), b.n());
            }
        }
        CpuPool.run(p.kernels(), b, threads);
    }
}
