package dev.irg.cuda;

import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.Vec;
import dev.irg.math.Reference;
import dev.irg.spi.Batch;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUresult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every kernel on a real GPU: against the scalar reference on random inputs and edge rows (float64
 * within 1e-12 relative, float32 within one float rounding of the reference's value), batch sizes
 * 0, 1, 31, 33 and 1e6+3 through the chunked host path and the device-resident API, every output
 * element written, broadcast scalars, and the context usable after an error. Skips with a printed
 * reason when there is no device (CI); run on a GPU host by scripts/gpu-bundle.sh's bundle.
 */
@Tag("gpu")
class CudaGpuTest {
    static final long[] SIZES = {0, 1, 31, 33, 1_000_003};
    /** Elements per chunk for the multi-chunk runs: the smallest allowed, so 1e6+3 is 245 chunks. */
    static final int SMALL_CHUNK = CudaKernels.MIN_CHUNK;
    /** Large batches are compared with the reference on every STRIDE-th element (all are checked for being written). */
    static final int STRIDE = 97;

    static CudaDevice gpu;
    /** Shared host-path instances (each holds pinned and device buffers): default and smallest chunk. */
    static CudaKernels kernels;
    static CudaKernels smallChunks;

    @BeforeAll
    static void device() {
        if (!CudaDevice.isAvailable()) {
            String why = "SKIPPED (gpu): " + CudaDevice.status();
            System.out.println(why);
            Assumptions.abort(why);
        }
        gpu = CudaDevice.get();
        System.out.println("gpu: " + gpu.description());
        kernels = new CudaKernels(gpu);
        smallChunks = new CudaKernels(gpu, SMALL_CHUNK);
    }

    @org.junit.jupiter.api.AfterAll
    static void release() {
        if (kernels != null) {
            kernels.close();
            smallChunks.close();
        }
    }

    static List<Op> ops() {
        List<Op> ops = new ArrayList<>();
        for (Op op : Op.values()) {
            if (gpu.supports(op, Precision.F64) || gpu.supports(op, Precision.F32)) {
                ops.add(op);
            }
        }
        return ops;
    }

    @Test
    void providerIsAvailableAndChosenForLargeBatches() {
        var a = new CudaProvider().probe();
        assertTrue(a.available(), a.detail());
        Op op = ops().get(0);
        assertEquals(Backend.CUDA, Irg.get().backendFor(op, Precision.F32, 1L << 30));
    }

    @TestFactory
    List<DynamicTest> randomInputsMatchReference() {
        List<DynamicTest> t = new ArrayList<>();
        for (Op op : ops()) {
            for (Precision pr : Precision.values()) {
                t.add(DynamicTest.dynamicTest(op + " " + pr, () -> {
                    Inputs in = Inputs.random(op.distribution(), 100_000, 0xC0DA + op.ordinal());
                    check(op, pr, in, kernels, 1);
                }));
            }
        }
        return t;
    }

    @TestFactory
    List<DynamicTest> batchSizesEveryOutputWritten() {
        List<DynamicTest> t = new ArrayList<>();
        for (Op op : ops()) {
            for (Precision pr : Precision.values()) {
                for (long n : SIZES) {
                    t.add(DynamicTest.dynamicTest(op + " " + pr + " n=" + n, () -> {
                        Inputs r = Inputs.random(op.distribution(), (int) n, n);
                        Inputs in = new Inputs(java.util.Arrays.copyOf(r.p0(), (int) n), java.util.Arrays.copyOf(r.p1(), (int) n),
                                java.util.Arrays.copyOf(r.x(), (int) n));
                        check(op, pr, in, smallChunks, n > 10_000 ? STRIDE : 1);
                        check(op, pr, in, kernels, n > 10_000 ? STRIDE : 1);
                        checkDeviceResident(op, pr, in, n > 10_000 ? STRIDE : 1);
                    }));
                }
            }
        }
        return t;
    }

    /**
     * The Beta pair kernels (irg_PAIR_BETA_GRAD, irg_PAIR_BETA_DCDF) through the host path, both orders, both
     * precisions, one and many chunks: each output against the reference (as every kernel) and bit for bit equal to
     * its single kernel's output (the same device function of one evaluation).
     */
    @Test
    void betaPairKernelsEqualTheSingleKernels() {
        Op[][] pairs = {{Op.BETA_GRAD_A, Op.BETA_GRAD_B}, {Op.BETA_GRAD_B, Op.BETA_GRAD_A},
            {Op.BETA_DCDF_DA, Op.BETA_DCDF_DB}, {Op.BETA_DCDF_DB, Op.BETA_DCDF_DA}};
        for (Precision pr : Precision.values()) {
            for (Op[] pair : pairs) {
                assertTrue(gpu.supportsPair(pair[0], pair[1], pr), "pair kernel for " + pair[0] + "+" + pair[1]);
                for (int n : new int[] {1, 33, 100_003}) {
                    Inputs in = Inputs.random(pair[0].distribution(), n, 0xBA1 + n);
                    Vec p0 = vec(in.p0(), pr), p1 = vec(in.p1(), pr), x = vec(in.x(), pr);
                    for (CudaKernels k : new CudaKernels[] {kernels, smallChunks}) {
                        MemorySegment o0 = sentinelFilled(pr, n);
                        MemorySegment o1 = sentinelFilled(pr, n);
                        k.evaluatePair(new Batch(pair[0], pr, p0, p1, x, Vec.of(o0, pr), n),
                                new Batch(pair[1], pr, p0, p1, x, Vec.of(o1, pr), n));
                        compare(pair[0], pr, p0, p1, x, o0, n, 1, "pair (first) chunk " + k.chunk());
                        compare(pair[1], pr, p0, p1, x, o1, n, 1, "pair (second) chunk " + k.chunk());
                        for (int side = 0; side < 2; side++) {
                            MemorySegment single = sentinelFilled(pr, n);
                            k.evaluate(new Batch(pair[side], pr, p0, p1, x, Vec.of(single, pr), n));
                            assertEquals(-1L, single.mismatch(side == 0 ? o0 : o1),
                                    pr + " " + pair[side] + " n=" + n + ": the pair kernel differs from the single kernel");
                        }
                    }
                }
            }
        }
    }

    @Test
    void broadcastScalars() {
        for (Op op : ops()) {
            Inputs r = Inputs.random(op.distribution(), 1000, 7);
            double s0 = r.p0()[0], s1 = r.p1()[0];
            double[] out = new double[r.x().length];
            kernels.evaluate(new Batch(op, Precision.F64, Vec.scalar(s0), Vec.scalar(s1), Vec.of(r.x()), Vec.of(out), out.length));
            HostMathTest.Stats s = new HostMathTest.Stats(op + " broadcast");
            for (int i = 0; i < out.length; i++) {
                s.add(i, s0, s1, r.x()[i], Reference.eval(op, s0, s1, r.x()[i]), out[i], HostMathTest.F64_REL);
            }
            s.assertOk();
        }
    }

    @Test
    void contextUsableAfterAnError() {
        CUdeviceptr huge = new CUdeviceptr();
        int rc = cuMemAlloc(huge, Long.MAX_VALUE / 2);
        assertNotEquals(CUresult.CUDA_SUCCESS, rc);
        var e = assertThrows(Cu.CudaException.class, () -> Cu.check(rc, "cuMemAlloc(huge)", "none"));
        assertTrue(e.getMessage().contains("CUDA_ERROR"), e.getMessage());
        for (Op missing : Op.values()) {
            if (!gpu.supports(missing, Precision.F64)) {
                assertThrows(UnsupportedOperationException.class, () -> gpu.launch(missing, Precision.F64, 1, null, 0, null, 0,
                        new CUdeviceptr(), new CUdeviceptr(), null), "an op without a kernel is refused before any launch");
                break;
            }
        }
        // the same device still computes
        Op op = ops().get(0);
        Inputs in = Inputs.random(op.distribution(), 1000, 3);
        check(op, Precision.F64, in, kernels, 1);
    }

    private static void check(Op op, Precision pr, Inputs in, CudaKernels k, int stride) {
        int n = in.x().length;
        Vec p0 = vec(in.p0(), pr), p1 = vec(in.p1(), pr), x = vec(in.x(), pr);
        MemorySegment outSeg = sentinelFilled(pr, n);
        Vec out = Vec.of(outSeg, pr);
        k.evaluate(new Batch(op, pr, p0, p1, x, out, n));
        compare(op, pr, p0, p1, x, outSeg, n, stride, "host path chunk " + k.chunk());
    }

    private static void checkDeviceResident(Op op, Precision pr, Inputs in, int stride) {
        int n = in.x().length;
        Vec p0 = vec(in.p0(), pr), p1 = vec(in.p1(), pr), x = vec(in.x(), pr);
        MemorySegment outSeg = sentinelFilled(pr, n);
        long bytes = Math.max(1, (long) n * pr.bytes());
        gpu.runtime().makeCurrent();
        CUdeviceptr[] d = new CUdeviceptr[4];
        try {
            for (int j = 0; j < 4; j++) {
                d[j] = new CUdeviceptr();
                Cu.check(cuMemAlloc(d[j], bytes), "cuMemAlloc");
            }
            Vec[] ins = {p0, p1, x, Vec.of(outSeg, pr)};
            for (int j = 0; j < 4; j++) {
                byte[] b = ins[j].segment().toArray(ValueLayout.JAVA_BYTE);
                if (b.length > 0) {
                    Cu.check(cuMemcpyHtoD(d[j], Pointer.to(b), b.length), "cuMemcpyHtoD");
                }
            }
            gpu.launch(op, pr, n, d[0], 0, d[1], 0, d[2], d[3], null);
            Cu.check(cuStreamSynchronize(null), "cuStreamSynchronize");
            byte[] back = new byte[n * pr.bytes()];
            if (back.length > 0) {
                Cu.check(cuMemcpyDtoH(Pointer.to(back), d[3], back.length), "cuMemcpyDtoH");
            }
            MemorySegment.copy(MemorySegment.ofArray(back), 0, outSeg, 0, back.length);
        } finally {
            for (CUdeviceptr p : d) {
                if (p != null) {
                    cuMemFree(p);
                }
            }
        }
        compare(op, pr, p0, p1, x, outSeg, n, stride, "device-resident");
    }

    private static Vec vec(double[] a, Precision pr) {
        if (pr == Precision.F64) {
            return Vec.of(a.clone());
        }
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return Vec.of(f);
    }

    /** Bits no kernel writes: a signalling NaN with a payload (kernels only produce quiet NaNs). */
    static final long SENTINEL64 = 0x7ff0_0000_dead_beefL;
    static final int SENTINEL32 = 0x7f80_beef;

    private static MemorySegment sentinelFilled(Precision pr, int n) {
        MemorySegment s = MemorySegment.ofArray(new byte[n * pr.bytes()]);
        for (int i = 0; i < n; i++) {
            if (pr == Precision.F64) {
                s.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i, SENTINEL64);
            } else {
                s.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, i, SENTINEL32);
            }
        }
        return s;
    }

    private static void compare(Op op, Precision pr, Vec p0, Vec p1, Vec x, MemorySegment out, int n, int stride, String path) {
        Reference.Fn ref = Reference.of(op);
        HostMathTest.Stats s = new HostMathTest.Stats(op + " " + pr + " n=" + n + " " + path);
        for (int i = 0; i < n; i++) {
            boolean unwritten = pr == Precision.F64
                    ? out.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i) == SENTINEL64
                    : out.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, i) == SENTINEL32;
            if (unwritten) {
                throw new AssertionError(s.what + ": element " + i + " was not written");
            }
            if (i % stride != 0 && i != n - 1) {
                continue;
            }
            double got = pr == Precision.F64 ? out.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, i)
                    : out.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, i);
            double want = ref.apply(p0.get(i), p1.get(i), x.get(i));
            if (pr == Precision.F32) {
                want = (float) want;
            }
            s.add(i, p0.get(i), p1.get(i), x.get(i), want, got, pr == Precision.F64 ? HostMathTest.F64_REL : HostMathTest.F32_REL);
        }
        s.assertOk();
    }
}
