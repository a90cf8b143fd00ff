package dev.irg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.Vec;
import dev.irg.math.Reference;
import dev.irg.spi.Batch;
import dev.irg.spi.Kernels;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Checks a SIMD kernel against the scalar reference ({@link Reference}) element by element: same
 * NaN positions, every output written (the output is prefilled with a sentinel), and values within
 * a relative tolerance. The reference is evaluated once per operation and precision on the largest
 * batch; smaller batches are prefixes of it, and the same values are run through every vector
 * width, through heap arrays and native segments, and with per-element and broadcast parameters.
 */
final class EquivalenceHarness {
    /** Batch sizes of issue 4: empty, single, partial vectors at every width, one block +-, many blocks. */
    static final int[] SIZES = {0, 1, 7, 15, 17, 1023, 100003};
    /** Largest batch also run with broadcast parameters and native segments (keeps CI time small). */
    static final int VARIANT_MAX = 1023;
    static final double SENTINEL64 = -7.0e301;
    static final float SENTINEL32 = -7.0e31f;

    /** The bound for one element, on {@code |got - ref| / max(|ref|, smallest normal of the precision)}. */
    interface Tolerance {
        double bound(double p0, double p1, double x, double ref);
    }

    /** How operands reach the kernel. */
    enum Layout { HEAP, NATIVE }

    /** Summary of one comparison, for the test log. */
    record Report(Op op, Precision precision, long compared, long nans, double maxRel, double p99, double median) {
        @Override
        public String toString() {
            return String.format("%s %s: %d elements (%d NaN), max rel. error %.3g (largest batch: p99 %.3g, median %.3g)",
                    op, precision, compared, nans, maxRel, p99, median);
        }
    }

    /** Relative errors of the largest heap batch of the last width run (for p99 and median). */
    private double[] largestBatchErrors = new double[0];

    private final Op op;
    private final Precision pr;
    private final double[][] in; // [3][N]: p0, p1, x (rounded to float for F32)
    private final double[] ref;  // reference per element, rounded to float for F32

    EquivalenceHarness(Op op, Precision pr, long seed) {
        this.op = op;
        this.pr = pr;
        int n = SIZES[SIZES.length - 1];
        SplittableRandom r = new SplittableRandom(seed);
        in = new double[3][n];
        for (int i = 0; i < n; i++) {
            double[] t = Domains.draw(op.distribution(), r);
            for (int k = 0; k < 3; k++) {
                in[k][i] = pr == Precision.F32 ? (double) (float) t[k] : t[k];
            }
        }
        ref = reference(in[0], in[1], in[2], n);
    }

    private double[] reference(double[] p0, double[] p1, double[] x, int n) {
        Reference.Fn f = Reference.of(op);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double v = f.apply(p0[i], p1[i], x[i]);
            r[i] = pr == Precision.F32 ? (double) (float) v : v;
        }
        return r;
    }

    /**
     * The width the equivalence runs use: this JVM's (one per JVM, {@code Lanes}; the pom runs the
     * tests once more per narrower width in JVMs started with {@code -Dirg.simd.bits}).
     */
    static int[] testWidths() {
        return new int[] {SimdKernels.create(0).bits()};
    }

    /** Runs every size, width, layout and broadcast variant; fails on the first bad element. */
    Report runAll(Tolerance tol) {
        double maxRel = 0;
        long compared = 0;
        long nans = 0;
        for (int w : testWidths()) {
            Kernels k = SimdKernels.create(w);
            for (int n : SIZES) {
                maxRel = Math.max(maxRel, check(k, w, n, Layout.HEAP, false, tol));
                compared += n;
                if (n <= VARIANT_MAX) {
                    maxRel = Math.max(maxRel, check(k, w, n, Layout.NATIVE, false, tol));
                    maxRel = Math.max(maxRel, check(k, w, n, Layout.HEAP, true, tol));
                }
            }
        }
        for (int i = 0; i < ref.length; i++) {
            if (Double.isNaN(ref[i])) {
                nans++;
            }
        }
        double[] e = largestBatchErrors.clone();
        Arrays.sort(e);
        double p99 = e.length == 0 ? 0 : e[(int) Math.min(e.length - 1, Math.ceil(0.99 * e.length) - 1)];
        double median = e.length == 0 ? 0 : e[e.length / 2];
        return new Report(op, pr, compared, nans, maxRel, p99, median);
    }

    /**
     * One batch of {@code n} elements. With {@code broadcast}, p0 and p1 are the scalars of element
     * 0 (the reference is recomputed for that variant).
     */
    double check(Kernels k, int width, int n, Layout layout, boolean broadcast, Tolerance tol) {
        double[] p0 = Arrays.copyOf(in[0], n);
        double[] p1 = Arrays.copyOf(in[1], n);
        double[] x = Arrays.copyOf(in[2], n);
        double[] want;
        if (broadcast && n > 0) {
            Arrays.fill(p0, in[0][0]);
            Arrays.fill(p1, in[1][0]);
            want = reference(p0, p1, x, n);
        } else {
            want = Arrays.copyOf(ref, n);
        }
        try (Arena arena = Arena.ofConfined()) {
            Vec v0 = broadcast ? Vec.scalar(n > 0 ? p0[0] : 1.0) : operand(p0, layout, arena);
            Vec v1 = broadcast ? Vec.scalar(n > 0 ? p1[0] : 1.0) : operand(p1, layout, arena);
            Vec vx = operand(x, layout, arena);
            double[] sentinel = new double[n];
            Arrays.fill(sentinel, pr == Precision.F64 ? SENTINEL64 : SENTINEL32);
            Vec out = operand(sentinel, layout, arena);
            k.evaluate(new Batch(op, pr, v0, v1, vx, out, n));
            double maxRel = 0;
            double[] errors = new double[n];
            int counted = 0;
            String where = op + " " + pr + " width " + width + " n " + n + " " + layout + (broadcast ? " broadcast" : "");
            for (int i = 0; i < n; i++) {
                double got = out.get(i);
                if (got == SENTINEL64 || got == SENTINEL32) {
                    fail(where + ": element " + i + " was not written");
                }
                double r = want[i];
                String at = where + ": element " + i + " (" + p0[i] + ", " + p1[i] + ", " + x[i] + ") ref " + r + " got " + got;
                if (Double.isNaN(r) || Double.isNaN(got)) {
                    assertEquals(Double.isNaN(r), Double.isNaN(got), at + ": NaN positions differ");
                    continue;
                }
                if (Double.isInfinite(r) || Double.isInfinite(got)) {
                    assertEquals(r, got, 0.0, at);
                    continue;
                }
                double floor = pr == Precision.F64 ? Double.MIN_NORMAL : Float.MIN_NORMAL;
                double rel = Math.abs(got - r) / Math.max(Math.abs(r), floor);
                double bound = tol.bound(p0[i], p1[i], x[i], r);
                if (!(rel <= bound)) {
                    fail(at + ": relative error " + rel + " > " + bound);
                }
                maxRel = Math.max(maxRel, rel);
                errors[counted++] = rel;
            }
            if (n == SIZES[SIZES.length - 1] && layout == Layout.HEAP && !broadcast) {
                largestBatchErrors = Arrays.copyOf(errors, counted);
            }
            return maxRel;
        }
    }

    private Vec operand(double[] a, Layout layout, Arena arena) {
        if (pr == Precision.F64) {
            if (layout == Layout.HEAP) {
                return Vec.of(a.clone());
            }
            MemorySegment s = arena.allocate((long) a.length * 8 + 8, 8).asSlice(8); // odd placement on purpose
            for (int i = 0; i < a.length; i++) {
                s.setAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE_UNALIGNED, i, a[i]);
            }
            return Vec.of(s, Precision.F64);
        }
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        if (layout == Layout.HEAP) {
            return Vec.of(f);
        }
        MemorySegment s = arena.allocate((long) a.length * 4 + 4, 4).asSlice(4);
        for (int i = 0; i < f.length; i++) {
            s.setAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED, i, f[i]);
        }
        return Vec.of(s, Precision.F32);
    }
}
