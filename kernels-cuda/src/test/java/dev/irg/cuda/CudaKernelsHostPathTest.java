package dev.irg.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.Vec;
import dev.irg.math.Reference;
import dev.irg.spi.BackendException;
import dev.irg.spi.Batch;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The chunked, two-stream host path of {@link CudaKernels} on a simulated device ({@link FakeGpu},
 * whose streams run their work only when synchronised): chunking at every size, every output
 * written with the value of its own element, broadcast scalars, float32, out-of-memory making the
 * chunks smaller, a failed launch raising a BackendException that names the kernel and leaving the
 * backend usable, no leaked buffers, and concurrent callers. Runs on every CI run; the same code
 * drives the real GPU through {@link JCudaGpu}.
 */
class CudaKernelsHostPathTest {
    static final Op OP = Op.GAMMA_GRAD_RATE; // exact closed form: any mix-up of elements shows
    static final long SENTINEL = 0x7ff0_0000_dead_beefL;

    private static void checkRun(CudaKernels k, Precision pr, int n, boolean broadcast) {
        Inputs r = Inputs.random(OP.distribution(), n, n);
        double[] a = java.util.Arrays.copyOf(r.p0(), n), rate = java.util.Arrays.copyOf(r.p1(), n),
                x = java.util.Arrays.copyOf(r.x(), n);
        Vec p0 = broadcast ? Vec.scalar(2.5) : vec(a, pr);
        Vec p1 = broadcast ? Vec.scalar(0.75) : vec(rate, pr);
        Vec xs = vec(x, pr);
        MemorySegment out = MemorySegment.ofArray(new long[n]);
        for (int i = 0; i < n; i++) {
            out.setAtIndex(ValueLayout.JAVA_LONG, i, SENTINEL);
        }
        // F32 writes only the first 4n bytes; view the same memory with the batch's element size
        Vec o = Vec.of(out.asSlice(0, (long) n * pr.bytes()), pr);
        k.evaluate(new Batch(OP, pr, p0, p1, xs, o, n));
        for (int i = 0; i < n; i++) {
            double want = Reference.eval(OP, p0.get(i), p1.get(i), xs.get(i));
            if (pr == Precision.F32) {
                want = (float) want;
            }
            double got = o.get(i);
            assertTrue(Double.compare(want, got) == 0, pr + " n=" + n + " element " + i + ": want " + want + " got " + got);
        }
        if (pr == Precision.F64) {
            for (int i = 0; i < n; i++) {
                assertTrue(out.getAtIndex(ValueLayout.JAVA_LONG, i) != SENTINEL, "element " + i + " not written");
            }
        }
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

    @Test
    void everySizeAndPrecisionThroughChunksAndStreams() {
        FakeGpu gpu = new FakeGpu();
        CudaKernels k = new CudaKernels(gpu, CudaKernels.MIN_CHUNK);
        for (Precision pr : Precision.values()) {
            for (int n : new int[] {0, 1, 31, 33, 4095, 4096, 4097, 8192, 3 * 4096 + 5, 100_003}) {
                checkRun(k, pr, n, false);
                checkRun(k, pr, n, true);
            }
        }
        assertEquals(1, k.idleLanes(), "one caller at a time reuses one lane");
        // 100_003 elements in 4096-element chunks: 25 launches per call
        assertTrue(gpu.launches.get() > 100, "launches: " + gpu.launches.get());
        k.close();
        assertEquals(0, gpu.live.get(), "close frees every stream and buffer");
    }

    @Test
    void outOfMemoryMakesChunksSmaller() {
        FakeGpu gpu = new FakeGpu();
        gpu.maxAllocation = 8L * 5000; // a 4096-element chunk fits, 16384 does not
        CudaKernels k = new CudaKernels(gpu, 1 << 14);
        checkRun(k, Precision.F64, 50_000, false);
        assertEquals(CudaKernels.MIN_CHUNK, k.chunk());
        gpu.maxAllocation = 8L * 100; // not even MIN_CHUNK fits: the error surfaces
        CudaKernels tiny = new CudaKernels(gpu, CudaKernels.MIN_CHUNK);
        BackendException e = assertThrows(BackendException.class, () -> checkRun(tiny, Precision.F64, 10, false));
        assertTrue(e.getMessage().contains("CUDA_ERROR_OUT_OF_MEMORY"), e.getMessage());
    }

    @Test
    void failedLaunchNamesTheKernelAndTheBackendStaysUsable() {
        FakeGpu gpu = new FakeGpu();
        CudaKernels k = new CudaKernels(gpu, CudaKernels.MIN_CHUNK);
        gpu.failLaunch = 3;
        BackendException e = assertThrows(BackendException.class, () -> checkRun(k, Precision.F32, 20_000, false));
        assertTrue(e.getMessage().contains("irg_GAMMA_GRAD_RATE_f32") && e.getMessage().contains("CUDA_ERROR_LAUNCH_FAILED"),
                e.getMessage());
        assertEquals(0, gpu.live.get(), "the failed lane was freed");
        checkRun(k, Precision.F32, 20_000, false);
        checkRun(k, Precision.F64, 20_000, true);
    }

    /**
     * A Beta pair (Irg.evaluatePair) runs as one pair kernel per chunk (irg_PAIR_BETA_GRAD / _DCDF: both outputs of
     * one evaluation, the operands copied once), in either order of its operations, both outputs equal to the scalar
     * reference's (the simulated kernel evaluates IncompleteBeta once per element) and every element written; a pair no
     * kernel computes (Gamma CDF with dz/drate) runs as two launches per chunk; a failed pair launch names its kernel.
     */
    @Test
    void betaPairsRunAsOneKernelPerChunk() {
        FakeGpu gpu = new FakeGpu();
        CudaKernels k = new CudaKernels(gpu, CudaKernels.MIN_CHUNK);
        Op[][] pairs = {{Op.BETA_GRAD_A, Op.BETA_GRAD_B}, {Op.BETA_GRAD_B, Op.BETA_GRAD_A},
            {Op.BETA_DCDF_DA, Op.BETA_DCDF_DB}, {Op.BETA_DCDF_DB, Op.BETA_DCDF_DA}, {Op.GAMMA_CDF, Op.GAMMA_GRAD_RATE}};
        for (Precision pr : Precision.values()) {
            assertTrue(!CudaRuntime.pairKernel(Op.BETA_GRAD_A, Op.BETA_GRAD_B, pr).swapped()
                    && CudaRuntime.pairKernel(Op.BETA_GRAD_B, Op.BETA_GRAD_A, pr).swapped()
                    && CudaRuntime.pairKernel(Op.BETA_DCDF_DB, Op.BETA_DCDF_DA, pr).swapped(), "the reversed pairs swap");
            assertEquals(null, CudaRuntime.pairKernel(Op.GAMMA_CDF, Op.GAMMA_GRAD_RATE, pr));
        }
        for (Precision pr : Precision.values()) {
            for (Op[] pair : pairs) {
                for (int n : new int[] {0, 1, 4097, 3 * 4096 + 5}) {
                    Inputs r = Inputs.random(pair[0].distribution(), n, 7 + n);
                    Vec p0 = vec(java.util.Arrays.copyOf(r.p0(), n), pr);
                    Vec p1 = vec(java.util.Arrays.copyOf(r.p1(), n), pr);
                    Vec xs = vec(java.util.Arrays.copyOf(r.x(), n), pr);
                    Vec o0 = vec(filled(n), pr);
                    Vec o1 = vec(filled(n), pr);
                    int launches = gpu.launches.get();
                    int pairLaunches = gpu.pairLaunches.get();
                    k.evaluatePair(new Batch(pair[0], pr, p0, p1, xs, o0, n), new Batch(pair[1], pr, p0, p1, xs, o1, n));
                    int chunks = (n + CudaKernels.MIN_CHUNK - 1) / CudaKernels.MIN_CHUNK;
                    boolean fused = pair[0].distribution() == dev.irg.Distribution.BETA;
                    assertEquals(fused ? chunks : 2 * chunks, gpu.launches.get() - launches, pr + " " + pair[0] + " n=" + n);
                    assertEquals(fused ? chunks : 0, gpu.pairLaunches.get() - pairLaunches);
                    for (int side = 0; side < 2; side++) {
                        Vec o = side == 0 ? o0 : o1;
                        for (int i = 0; i < n; i++) {
                            double want = Reference.eval(pair[side], p0.get(i), p1.get(i), xs.get(i));
                            if (pr == Precision.F32) {
                                want = (float) want;
                            }
                            assertTrue(Double.compare(want, o.get(i)) == 0, pr + " " + pair[0] + "+" + pair[1] + " n=" + n
                                    + " output " + side + " element " + i + ": want " + want + " got " + o.get(i));
                        }
                    }
                }
            }
        }
        gpu.failLaunch = gpu.launches.get() + 2;
        Inputs r = Inputs.random(dev.irg.Distribution.BETA, 20_000, 3);
        Vec p0 = Vec.of(r.p0());
        Vec p1 = Vec.of(r.p1());
        Vec xs = Vec.of(r.x());
        BackendException e = assertThrows(BackendException.class, () -> k.evaluatePair(
                new Batch(Op.BETA_GRAD_A, Precision.F64, p0, p1, xs, Vec.of(new double[20_000]), 20_000),
                new Batch(Op.BETA_GRAD_B, Precision.F64, p0, p1, xs, Vec.of(new double[20_000]), 20_000)));
        assertTrue(e.getMessage().contains("irg_PAIR_BETA_GRAD_f64"), e.getMessage());
        k.close();
        assertEquals(0, gpu.live.get(), "close frees every stream and buffer");
    }

    private static double[] filled(int n) {
        double[] d = new double[n];
        java.util.Arrays.fill(d, -7.0e30);
        return d;
    }

    @Test
    void concurrentCallersGetTheirOwnLanes() throws Exception {
        FakeGpu gpu = new FakeGpu();
        CudaKernels k = new CudaKernels(gpu, CudaKernels.MIN_CHUNK);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int n = 10_000 + 777 * t;
                Precision pr = t % 2 == 0 ? Precision.F64 : Precision.F32;
                fs.add(pool.submit(() -> checkRun(k, pr, n, false)));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(k.idleLanes() >= 1 && k.idleLanes() <= 4, "lanes: " + k.idleLanes());
    }
}
