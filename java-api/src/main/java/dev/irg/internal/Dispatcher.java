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
