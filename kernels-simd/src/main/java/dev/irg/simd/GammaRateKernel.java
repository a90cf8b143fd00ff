package dev.irg.simd;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LT;

import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.Vec;
import dev.irg.math.Reference;
import dev.irg.spi.Batch;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Gamma dz/drate = -z/rate (NaN unless alpha and rate are in (0, infinity) and z &ge; 0), straight from the
 * operands' memory segments. One division per element is far cheaper than the block driver's copies into
 * scratch and back (measured: the block path ran at 2.5e8 elements per CPU-second against the scalar
 * reference's 6.45e8, docs/simd.md), so this operation skips the driver: whole vectors are read from and
 * written to the segments (heap arrays and native memory alike), broadcast scalars are broadcast once, and
 * the last partial vector is done by the scalar reference (the same expression, so the same bits).
 * float32 batches whose operands are all float32 (or float scalars) compute in float lanes: the quotient of
 * two floats rounded to float equals the float64 quotient rounded to float (the double rounding of a
 * division is innocuous when the wider format has at least 2p + 2 bits), so the result is what the float64
 * path gives.
 */
final class GammaRateKernel {
    private static final VectorSpecies<Double> SD = Lanes.SD;
    private static final VectorSpecies<Float> SF = Lanes.SF;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private GammaRateKernel() {
    }

    /** -z/rate with the domain's NaNs, lane-wise (the array path of {@link GammaKernels} uses it too). */
    static DoubleVector gradRate(DoubleVector a, DoubleVector r, DoubleVector x) {
        a = Lanes.NEG_ZERO.add(a);
        r = Lanes.NEG_ZERO.add(r);
        x = Lanes.NEG_ZERO.add(x);
        // a NaN or infinite alpha through alpha * 0, the rest by blends (no mask and/or/not, see
        // VectorGammaFunctions.inRange)
        DoubleVector g = x.neg().div(r).add(a.mul(0.0));
        g = g.blend(Double.NaN, a.min(r).compare(LE, 0.0)).blend(Double.NaN, r.compare(EQ, Double.POSITIVE_INFINITY));
        return g.blend(Double.NaN, x.compare(LT, 0.0));
    }

    /**
     * Evaluates {@code b} (a {@link Op#GAMMA_GRAD_RATE} batch) when its operands allow the direct path
     * (float64: every array operand float64; float32: every array operand float32 and every scalar a
     * float) and returns true; false leaves {@code b} to the block driver.
     */
    static boolean evaluate(Batch b) {
        Vec[] in = {b.p0(), b.p1(), b.x()};
        Precision pr = b.precision();
        if (b.out().precision() != pr) {
            return false;
        }
        for (Vec v : in) {
            if (v.isScalar() ? pr == Precision.F32 && (double) (float) v.scalarValue() != v.scalarValue()
                    && !Double.isNaN(v.scalarValue()) : v.precision() != pr) {
                return false;
            }
        }
        long n = b.n();
        long whole;
        if (pr == Precision.F64) {
            whole = n - n % SD.length();
            run64(b, whole);
        } else {
            whole = n - n % SF.length();
            run32(b, whole);
        }
        Reference.Fn f = Reference.of(Op.GAMMA_GRAD_RATE);
        for (long i = whole; i < n; i++) {
            b.out().set(i, f.apply(b.p0().get(i), b.p1().get(i), b.x().get(i)));
        }
        return true;
    }

    private static void run64(Batch b, long whole) {
        MemorySegment sa = segment(b.p0());
        MemorySegment sr = segment(b.p1());
        MemorySegment sz = segment(b.x());
        MemorySegment so = b.out().segment();
        DoubleVector ca = DoubleVector.broadcast(SD, b.p0().isScalar() ? b.p0().scalarValue() : 0);
        DoubleVector cr = DoubleVector.broadcast(SD, b.p1().isScalar() ? b.p1().scalarValue() : 0);
        DoubleVector cz = DoubleVector.broadcast(SD, b.x().isScalar() ? b.x().scalarValue() : 0);
        for (long i = 0; i < whole; i += SD.length()) {
            long at = i * Double.BYTES;
            DoubleVector a = sa == null ? ca : DoubleVector.fromMemorySegment(SD, sa, at, ORDER);
            DoubleVector r = sr == null ? cr : DoubleVector.fromMemorySegment(SD, sr, at, ORDER);
            DoubleVector x = sz == null ? cz : DoubleVector.fromMemorySegment(SD, sz, at, ORDER);
            Lanes.NEG_ZERO.add(gradRate(a, r, x)).intoMemorySegment(so, at, ORDER);
        }
    }

    private static void run32(Batch b, long whole) {
        MemorySegment sa = segment(b.p0());
        MemorySegment sr = segment(b.p1());
        MemorySegment sz = segment(b.x());
        MemorySegment so = b.out().segment();
        FloatVector ca = FloatVector.broadcast(SF, b.p0().isScalar() ? (float) b.p0().scalarValue() : 0);
        FloatVector cr = FloatVector.broadcast(SF, b.p1().isScalar() ? (float) b.p1().scalarValue() : 0);
        FloatVector cz = FloatVector.broadcast(SF, b.x().isScalar() ? (float) b.x().scalarValue() : 0);
        for (long i = 0; i < whole; i += SF.length()) {
            long at = i * Float.BYTES;
            FloatVector a = sa == null ? ca : FloatVector.fromMemorySegment(SF, sa, at, ORDER);
            FloatVector r = sr == null ? cr : FloatVector.fromMemorySegment(SF, sr, at, ORDER);
            FloatVector x = sz == null ? cz : FloatVector.fromMemorySegment(SF, sz, at, ORDER);
            FloatVector g = x.neg().div(r).add(a.mul(0.0f));
            g = g.blend(Float.NaN, a.min(r).compare(LE, 0.0f)).blend(Float.NaN, r.compare(EQ, Float.POSITIVE_INFINITY));
            g.blend(Float.NaN, x.compare(LT, 0.0f)).intoMemorySegment(so, at, ORDER);
        }
    }

    private static MemorySegment segment(Vec v) {
        return v.isScalar() ? null : v.segment();
    }
}
