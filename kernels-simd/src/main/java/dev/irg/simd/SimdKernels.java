package dev.irg.simd;

import dev.irg.Distribution;
import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.Vec;
import dev.irg.spi.Batch;
import dev.irg.spi.Kernels;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernels of one vector width. A batch (one chunk of a call; {@link dev.irg.internal.CpuPool}
 * splits large calls across cores before they get here) is processed in blocks of {@link #BLOCK}
 * elements: the block's operands are copied into per-thread scratch arrays (this is where broadcast
 * scalars, float32 widening, heap arrays and native segments all become the same {@code double[]}),
 * the last partial vector is padded with benign in-domain values so that kernels only ever see whole
 * vectors, the kernel of the operation runs over the scratch arrays, and the block's results are
 * copied out. Every output element of the batch is written exactly once.
 *
 * <p>The width is one per JVM, a constant ({@link Lanes}), so that the JIT compiles every vector
 * operation to machine vectors.
 */
public final class SimdKernels implements Kernels {
    /**
     * Elements per block, a multiple of every vector length (2..16 lanes). 4096 rather than 512 (which kept
     * the four scratch arrays in L1 cache): a block of mixed inputs splits into up to eight region runs,
     * each padded to whole vectors and evaluated by a few stage loops, and longer runs waste fewer padded
     * lanes and loop entries. Measured per CPU-second on the report's inputs (CpuTime, 2026-11-29, sixth
     * session; ns per element, block 512 / 1024 / 2048 / 4096 / 8192 / 16384): float32 Gamma dz/da 11.4 /
     * 10.4 / 9.6-10.0 / 9.1-9.5 / 9.3 / 9.8; at 512 / 4096: float64 Gamma 40.5-41.2 / 36.3-37.1, Beta dz/da
     * 161-184 / 145-156, von Mises dz/dkappa 73.5 / 74.2-75.7 (within noise).
     */
    static final int BLOCK = 4096;

    /** Most regions a {@link Family} may classify into (the scratch buffers are sized for it). */
    static final int MAX_REGIONS = 64;

    private final int bits;
    private final VectorSpecies<Double> sd;
    private final Family[] families; // indexed by Distribution.ordinal()
    private final FloatFamily[] floatFamilies; // float32-arithmetic kernels, by Distribution.ordinal(); null: none
    private final ThreadLocal<Scratch> scratch;

    /**
     * System property: {@code false} turns the float32-arithmetic kernels off (every float32 call then
     * runs the float64 kernels and is rounded, as before them); read once when the kernels are created.
     */
    public static final String FLOAT_ARITHMETIC_PROPERTY = "irg.simd.floatArithmetic";

    private SimdKernels(int bits) {
        this.bits = bits;
        this.sd = Lanes.SD;
        this.families = new Family[Distribution.values().length];
        families[Distribution.GAMMA.ordinal()] = new GammaKernels();
        families[Distribution.BETA.ordinal()] = new BetaKernels();
        families[Distribution.VONMISES.ordinal()] = new VonMisesKernels();
        this.floatFamilies = new FloatFamily[Distribution.values().length];
        if (!"false".equalsIgnoreCase(System.getProperty(FLOAT_ARITHMETIC_PROPERTY, "true"))) {
            floatFamilies[Distribution.GAMMA.ordinal()] = new GammaFloatKernels();
        }
        for (Family f : families) {
            checkRegions(f);
        }
        int lanes = sd.length();
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(MAX_REGIONS, lanes));
    }

    /**
     * Kernels for {@code bits}-bit vectors, or for this JVM's width with 0. The width is fixed per JVM
     * ({@link Lanes}: {@value SimdProvider#BITS_PROPERTY} at start-up, else the preferred shape); any
     * other width, and anything but 128, 256 or 512, is an {@link IllegalArgumentException}.
     */
    public static SimdKernels create(int bits) {
        if (bits != 0 && bits != 128 && bits != 256 && bits != 512) {
            throw new IllegalArgumentException("vector width must be 128, 256 or 512 bits, got " + bits);
        }
        int jvm = Lanes.SD.vectorBitSize();
        if (jvm != 128 && jvm != 256 && jvm != 512) {
            throw new IllegalArgumentException("the preferred vector width of this machine is " + jvm
                    + " bits; the kernels need 128, 256 or 512");
        }
        if (bits != 0 && bits != jvm) {
            throw new IllegalArgumentException("this JVM's vector width is " + jvm + " bits (set -D"
                    + SimdProvider.BITS_PROPERTY + "=" + bits + " at JVM start for " + bits + "-bit kernels)");
        }
        return new SimdKernels(jvm);
    }

    /** A family with more region codes than the scratch buffers hold fails here, with a message, not in its first call. */
    private static void checkRegions(Family f) {
        if (f.regions() > MAX_REGIONS) {
            throw new IllegalArgumentException(f.getClass().getSimpleName() + " uses " + f.regions()
                    + " region codes, the scratch buffers hold " + MAX_REGIONS);
        }
    }

    /** These kernels with {@code f} serving distribution {@code d} (tests of the region grouping). */
    SimdKernels with(Distribution d, Family f) {
        checkRegions(f);
        SimdKernels k = new SimdKernels(bits);
        k.families[d.ordinal()] = f;
        k.floatFamilies[d.ordinal()] = null;
        return k;
    }

    /** The species of the float64 kernels. */
    VectorSpecies<Double> species() {
        return sd;
    }

    /** Vector width in bits. */
    public int bits() {
        return bits;
    }

    /** One line for {@code irg info}: width and lanes. */
    public String describe() {
        return "Vector API, " + bits + "-bit vectors (" + sd.length() + " doubles, "
                + 2 * sd.length() + " floats)";
    }

    @Override
    public boolean supports(Op op, Precision precision) {
        Family f = families[op.distribution().ordinal()];
        return f != null && f.has(op);
    }

    @Override
    public void evaluate(Batch b) {
        Op op = b.op();
        if (!supports(op, b.precision())) {
            throw new UnsupportedOperationException("SIMD backend does not implement " + op + " in " + b.precision());
        }
        if (op == Op.GAMMA_GRAD_RATE && GammaRateKernel.evaluate(b)) {
            return; // one division per element: no block copies (GammaRateKernel)
        }
        Scratch s = scratch.get();
        FloatFamily ff = floatFamilies[op.distribution().ordinal()];
        if (ff != null && ff.has(op) && floatOperands(b)) {
            evaluateFloat(ff, b, s);
            return;
        }
        blocks64(families[op.distribution().ordinal()], b, null, s);
    }

    /**
     * The float64 path of a batch, block by block: operands copied into the scratch arrays, padded, {@link #run64},
     * results copied out; with {@code second} (a fused pair over the same operands) its results too.
     */
    private void blocks64(Family f, Batch b, Batch second, Scratch s) {
        Op op = b.op();
        Op op1 = second == null ? null : second.op();
        int lanes = sd.length();
        long n = b.n();
        for (long from = 0; from < n; from += BLOCK) {
            int cnt = (int) Math.min(BLOCK, n - from);
            load(b.p0(), from, cnt, s.p0, s.f);
            load(b.p1(), from, cnt, s.p1, s.f);
            load(b.x(), from, cnt, s.x, s.f);
            int padded = (cnt + lanes - 1) / lanes * lanes;
            pad(op.distribution(), s, cnt, padded);
            run64(f, op, op1, b.precision(), s, padded);
            store(b.out(), from, cnt, s.out, s.f);
            if (second != null) {
                store(second.out(), from, cnt, s.out2, s.f);
            }
        }
    }

    /**
     * Two operations over the same operands in one pass where the family fuses them ({@link Family#fuses}: the Beta
     * derivatives in a and b), block by block as {@link #evaluate}; else one after the other.
     */
    @Override
    public void evaluatePair(Batch first, Batch second) {
        Op op0 = first.op();
        Op op1 = second.op();
        Family f = families[op0.distribution().ordinal()];
        if (f == null || !f.fuses(op0, op1) || !supports(op1, second.precision())) {
            evaluate(first);
            evaluate(second);
            return;
        }
        blocks64(f, first, second, scratch.get());
    }

    /**
     * Whether the float32-arithmetic kernels can take {@code b}: float32 results, every array operand
     * float32 and every broadcast scalar a float (else the float64 kernels keep the scalar exact).
     */
    private static boolean floatOperands(Batch b) {
        if (b.precision() != Precision.F32) {
            return false;
        }
        for (Vec v : new Vec[] {b.p0(), b.p1(), b.x()}) {
            if (v.isScalar() ? (double) (float) v.scalarValue() != v.scalarValue() && !Double.isNaN(v.scalarValue())
                    : v.precision() != Precision.F32) {
                return false;
            }
        }
        return true;
    }

    /**
     * A float32 batch through float-arithmetic kernels: per block, operands copied as floats, classified
     * by {@code ff}, grouped by region; the float regions run in float lanes, region
     * {@link FloatFamily#WIDEN} runs through the float64 family ({@link #widen}) unless the float family takes
     * the run after all ({@link FloatFamily#evaluateWidened}); results stored as floats.
     */
    private void evaluateFloat(FloatFamily ff, Batch b, Scratch s) {
        Op op = b.op();
        Family f = families[op.distribution().ordinal()];
        int lanes = Lanes.SF.length();
        long n = b.n();
        for (long from = 0; from < n; from += BLOCK) {
            int cnt = (int) Math.min(BLOCK, n - from);
            loadFloat(b.p0(), from, cnt, s.fp0);
            loadFloat(b.p1(), from, cnt, s.fp1);
            loadFloat(b.x(), from, cnt, s.fx);
            int padded = (cnt + lanes - 1) / lanes * lanes;
            if (padded > cnt) {
                // a broadcast operand pads with its own value: the grouping then takes it as uniform
                Arrays.fill(s.fp0, cnt, padded, b.p0().isScalar() ? s.fp0[0] : 1.0f);
                Arrays.fill(s.fp1, cnt, padded, b.p1().isScalar() ? s.fp1[0]
                        : op.distribution() == Distribution.VONMISES ? 0.0f : 1.0f);
                Arrays.fill(s.fx, cnt, padded, 0.5f);
            }
            runFloat(ff, f, op, s, padded, b.p0().isScalar(), b.p1().isScalar());
            MemorySegment.copy(s.fout, 0, b.out().segment(), ValueLayout.JAVA_FLOAT_UNALIGNED, from * Float.BYTES, cnt);
        }
    }

    /**
     * The float counterpart of {@link #run64}: classify, group in vectors ({@link FloatGrouping}),
     * evaluate per region (WIDEN by the float64 family), move the results back.
     */
    private void runFloat(FloatFamily ff, Family f, Op op, Scratch s, int m, boolean p0Uniform, boolean p1Uniform) {
        int nr = ff.regions();
        ff.classify(op, s.fp0, s.fp1, s.fx, s.fcodes, m);
        FloatGrouping g = s.fgroup;
        int only = g.count(s.fcodes, nr, m);
        if (only == FloatFamily.WIDEN) {
            if (!ff.evaluateWidened(op, s.fp0, s.fp1, s.fx, s.fout, 0, m)) {
                widen(f, op, s, s.fp0, s.fp1, s.fx, s.fout, 0, m);
            }
            return;
        } else if (only > 0) {
            ff.evaluate(op, only, s.fp0, s.fp1, s.fx, s.fout, 0, m);
            return;
        }
        int zero = ff.zeroRegion();
        g.gather(s.fcodes, nr, zero, m, s.fp0, s.fp1, s.fx, s.gfp0, s.gfp1, s.gfx, p0Uniform, p1Uniform);
        for (int r = 0; r < nr; r++) {
            if (g.count[r] == 0 || r == zero) { // the zero region's lanes: 0 from the scatter
                continue;
            }
            if (r == FloatFamily.WIDEN) {
                if (!ff.evaluateWidened(op, s.gfp0, s.gfp1, s.gfx, s.gfout, g.start[r], g.end[r])) {
                    widen(f, op, s, s.gfp0, s.gfp1, s.gfx, s.gfout, g.start[r], g.end[r]);
                }
            } else {
                ff.evaluate(op, r, s.gfp0, s.gfp1, s.gfx, s.gfout, g.start[r], g.end[r]);
            }
        }
        g.scatter(s.fcodes, nr, m, s.gfout, s.fout);
    }

    /**
     * out[from..to) = op of the float operands at from..to, by the float64 family {@code f}: widened
     * (exactly) into the float64 scratch, evaluated for float32 results as every float32 call was
     * before the float kernels ({@link #run64} with {@link Precision#F32}), rounded once. At most
     * BLOCK elements (a block's padded run of one region is).
     */
    private void widen(Family f, Op op, Scratch s, float[] p0, float[] p1, float[] x, float[] out, int from, int to) {
        int cnt = to - from;
        for (int k = 0; k < cnt; k++) {
            s.p0[k] = p0[from + k];
            s.p1[k] = p1[from + k];
            s.x[k] = x[from + k];
        }
        int lanes = sd.length();
        int padded = (cnt + lanes - 1) / lanes * lanes;
        pad(op.distribution(), s, cnt, padded);
        run64(f, op, null, Precision.F32, s, padded);
        for (int k = 0; k < cnt; k++) {
            out[from + k] = (float) s.out[k];
        }
    }

    /** A float32 operand's elements from..from+cnt (a broadcast scalar: filled) into {@code dst}. */
    static void loadFloat(Vec v, long from, int cnt, float[] dst) {
        if (v.isScalar()) {
            Arrays.fill(dst, 0, cnt, (float) v.scalarValue());
            return;
        }
        MemorySegment.copy(v.segment(), ValueLayout.JAVA_FLOAT_UNALIGNED, from * Float.BYTES, dst, 0, cnt);
    }

    /**
     * Classifies the {@code m} scratch elements (a multiple of the lane count) by region and evaluates
     * them: directly when one region holds them all, else grouped by region (a counting sort into
     * index lists, each region's run starting on a vector boundary and padded by repeating its last
     * element), evaluated region by region over whole vectors, and scattered back. With {@code op1} (not null; the
     * family fuses it with {@code op}) both are evaluated together, {@code op1}'s results into {@code s.out2}.
     */
    private void run64(Family f, Op op, Op op1, Precision pr, Scratch s, int m) {
        int nr = f.regions();
        if (nr == 1) {
            evaluateRun(f, op, op1, 0, pr, s.p0, s.p1, s.x, s.out, s.out2, 0, m);
            return;
        }
        f.classify(op, s.p0, s.p1, s.x, s.region, m);
        Grouping g = s.group;
        int only = g.single(s.region, nr, m);
        if (only >= 0) {
            evaluateRun(f, op, op1, only, pr, s.p0, s.p1, s.x, s.out, s.out2, 0, m);
            return;
        }
        int pos = g.group(s.region, nr, m, sd.length());
        int[] perm = g.perm;
        for (int j = 0; j < pos; j++) {
            int i = perm[j];
            s.gp0[j] = s.p0[i];
            s.gp1[j] = s.p1[i];
            s.gx[j] = s.x[i];
        }
        for (int r = 0; r < nr; r++) {
            if (g.count[r] > 0) {
                evaluateRun(f, op, op1, r, pr, s.gp0, s.gp1, s.gx, s.gout, s.gout2, g.start[r], g.start[r + 1]);
            }
        }
        for (int j = 0; j < pos; j++) {
            s.out[perm[j]] = s.gout[j];
        }
        if (op1 != null) {
            for (int j = 0; j < pos; j++) {
                s.out2[perm[j]] = s.gout2[j];
            }
        }
    }

    /** One region's run: {@code op} into {@code out}, and with {@code op1} (fused) {@code op1} into {@code out2}. */
    private static void evaluateRun(Family f, Op op, Op op1, int region, Precision pr, double[] p0, double[] p1,
            double[] x, double[] out, double[] out2, int from, int to) {
        if (op1 == null) {
            f.evaluate(op, region, pr, p0, p1, x, out, from, to);
        } else {
            f.evaluatePair(op, op1, region, pr, p0, p1, x, out, out2, from, to);
        }
    }

    /**
     * Grouping of a block's elements by region: a counting sort into index lists, each region's run
     * starting on a vector boundary and padded by repeating its last element. The elements are counted and
     * listed as four interleaved streams (element i in stream i &amp; 3), each with its own counters and, within
     * every region's run, a segment of its own: a single counter per region is a chain of loads and stores
     * through one address wherever consecutive elements share a region (store-to-load forwarding, ~5 cycles an
     * element), which is most of a block of Gamma samples. Within a run the elements are in stream order, then
     * block order.
     */
    static final class Grouping {
        /**
         * Streams that count and list elements independently (element i in stream i &amp; (STREAMS - 1)); the loops of
         * single and group are written out for four.
         */
        private static final int STREAMS = 4;
        final int[] count;
        final int[] start;
        /** Per region r and stream q, at [r * STREAMS + q]: the stream's count, then its next position in the run. */
        private final int[] fill;
        final int[] perm;

        Grouping(int regions, int cap) {
            count = new int[regions];
            start = new int[regions + 1];
            fill = new int[regions * STREAMS];
            perm = new int[cap];
        }

        /** Counts the elements of each region; returns the region holding all {@code m}, else -1. */
        int single(byte[] region, int nr, int m) {
            int[] h = fill;
            Arrays.fill(h, 0, nr * STREAMS, 0);
            int i = 0;
            for (; i + STREAMS <= m; i += STREAMS) {
                h[region[i] * STREAMS]++;
                h[region[i + 1] * STREAMS + 1]++;
                h[region[i + 2] * STREAMS + 2]++;
                h[region[i + 3] * STREAMS + 3]++;
            }
            for (; i < m; i++) {
                h[region[i] * STREAMS + (i & (STREAMS - 1))]++;
            }
            int only = -1;
            for (int r = 0; r < nr; r++) {
                int at = r * STREAMS;
                count[r] = h[at] + h[at + 1] + h[at + 2] + h[at + 3];
                if (count[r] == m) {
                    only = r;
                }
            }
            return only;
        }

        /**
         * After {@link #single}: region r's elements are {@code perm[start[r] .. start[r+1])} (its run
         * padded to whole vectors of {@code lanes} by repeating its last element); returns the total length.
         */
        int group(byte[] region, int nr, int m, int lanes) {
            int pos = 0;
            int[] f = fill;
            for (int r = 0; r < nr; r++) {
                start[r] = pos;
                // the streams' segments of the run, from the per-stream counts single() left in fill
                int at = r * STREAMS;
                int p = pos;
                for (int q = 0; q < STREAMS; q++) {
                    int c = f[at + q];
                    f[at + q] = p;
                    p += c;
                }
                pos += (count[r] + lanes - 1) / lanes * lanes;
            }
            start[nr] = pos;
            int i = 0;
            for (; i + STREAMS <= m; i += STREAMS) {
                perm[f[region[i] * STREAMS]++] = i;
                perm[f[region[i + 1] * STREAMS + 1]++] = i + 1;
                perm[f[region[i + 2] * STREAMS + 2]++] = i + 2;
                perm[f[region[i + 3] * STREAMS + 3]++] = i + 3;
            }
            for (; i < m; i++) {
                perm[f[region[i] * STREAMS + (i & (STREAMS - 1))]++] = i;
            }
            for (int r = 0; r < nr; r++) {
                if (count[r] > 0) {
                    int last = perm[start[r] + count[r] - 1];
                    Arrays.fill(perm, start[r] + count[r], start[r + 1], last);
                }
            }
            return pos;
        }
    }

    /** Fills lanes {@code cnt .. padded-1} with a point inside the domain of every operation of {@code d}. */
    private static void pad(Distribution d, Scratch s, int cnt, int padded) {
        if (cnt == padded) {
            return;
        }
        double p0 = 1.0;
        double p1 = d == Distribution.VONMISES ? 0.0 : 1.0;
        double x = 0.5;
        Arrays.fill(s.p0, cnt, padded, p0);
        Arrays.fill(s.p1, cnt, padded, p1);
        Arrays.fill(s.x, cnt, padded, x);
    }

    static void load(Vec v, long from, int cnt, double[] dst, float[] tmp) {
        if (v.isScalar()) {
            Arrays.fill(dst, 0, cnt, v.scalarValue());
            return;
        }
        MemorySegment seg = v.segment();
        if (v.precision() == Precision.F64) {
            MemorySegment.copy(seg, ValueLayout.JAVA_DOUBLE_UNALIGNED, from * Double.BYTES, dst, 0, cnt);
        } else {
            MemorySegment.copy(seg, ValueLayout.JAVA_FLOAT_UNALIGNED, from * Float.BYTES, tmp, 0, cnt);
            for (int i = 0; i < cnt; i++) {
                dst[i] = tmp[i];
            }
        }
    }

    static void store(Vec v, long from, int cnt, double[] src, float[] tmp) {
        MemorySegment seg = v.segment();
        if (v.precision() == Precision.F64) {
            MemorySegment.copy(src, 0, seg, ValueLayout.JAVA_DOUBLE_UNALIGNED, from * Double.BYTES, cnt);
        } else {
            for (int i = 0; i < cnt; i++) {
                tmp[i] = (float) src[i];
            }
            MemorySegment.copy(tmp, 0, seg, ValueLayout.JAVA_FLOAT_UNALIGNED, from * Float.BYTES, cnt);
        }
    }

    /** Per-thread operand buffers of one block, and of the same block grouped by region (float64 and float32). */
    private static final class Scratch {
        final double[] p0 = new double[BLOCK];
        final double[] p1 = new double[BLOCK];
        final double[] x = new double[BLOCK];
        final double[] out = new double[BLOCK];
        final double[] out2 = new double[BLOCK];
        final float[] f = new float[BLOCK];
        final byte[] region = new byte[BLOCK];
        final Grouping group;
        final double[] gp0;
        final double[] gp1;
        final double[] gx;
        final double[] gout;
        final double[] gout2;
        final float[] fp0 = new float[BLOCK];
        final float[] fp1 = new float[BLOCK];
        final float[] fx = new float[BLOCK];
        final float[] fout = new float[BLOCK];
        final float[] fcodes = new float[BLOCK];
        final FloatGrouping fgroup;
        final float[] gfp0;
        final float[] gfp1;
        final float[] gfx;
        final float[] gfout;

        Scratch(int regions, int lanes) {
            int cap = BLOCK + regions * lanes;
            group = new Grouping(regions, cap);
            gp0 = new double[cap];
            gp1 = new double[cap];
            gx = new double[cap];
            gout = new double[cap];
            gout2 = new double[cap];
            int fcap = FloatGrouping.capacity(BLOCK, regions);
            fgroup = new FloatGrouping(regions, BLOCK);
            gfp0 = new float[fcap];
            gfp1 = new float[fcap];
            gfx = new float[fcap];
            gfout = new float[fcap];
        }
    }
}
