package dev.irg.cuda;

import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventElapsedTime;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuEventSynchronize;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemAllocHost;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemFreeHost;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoDAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoHAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoDAsync;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.irg.Backend;
import dev.irg.BackendInfo;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.Vec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Entry point of the GPU bundle (scripts/gpu-bundle.sh): runs the GPU tests, then the GPU
 * benchmarks, and writes a Markdown results file (device, driver, pass/fail, timings) to be
 * committed under docs/gpu-runs/, plus bench.csv and the float32 Gamma inputs for the PyTorch
 * side-by-side script. On a machine without a device it writes the reason and exits 0.
 *
 * <pre>GpuRun --out DIR [--n LOG2_N] [--skip-tests] [--skip-bench]</pre>
 */
public final class GpuRun {
    /** Timed repetitions per measurement (the median is reported), after {@link #WARMUP} untimed ones. */
    static final int REPS = 7;
    static final int WARMUP = 2;

    private GpuRun() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of("gpu-results");
        int log2n = 24;
        boolean tests = true, bench = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--n" -> log2n = Integer.parseInt(args[++i]);
                case "--skip-tests" -> tests = false;
                case "--skip-bench" -> bench = false;
                default -> {
                    System.err.println("usage: GpuRun --out DIR [--n LOG2_N] [--skip-tests] [--skip-bench]");
                    System.exit(2);
                }
            }
        }
        Files.createDirectories(out);
        StringBuilder md = new StringBuilder();
        md.append("# irg GPU run ").append(Instant.now()).append("\n\n");
        md.append("- device: ").append(CudaDevice.status()).append('\n');
        md.append("- host: ").append(hostname()).append(", ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, Java ")
                .append(Runtime.version()).append('\n');
        String build = System.getenv().getOrDefault("IRG_BUNDLE_BUILD", "unknown");
        md.append("- bundle: ").append(build).append('\n');
        for (BackendInfo b : Irg.backends()) {
            md.append("- backend ").append(b).append('\n');
        }
        md.append('\n');
        boolean ok = true;
        if (tests) {
            ok = runTests(md);
        }
        Path file = out.resolve("results.md");
        Files.writeString(file, md.toString()); // the test results survive a failing benchmark
        if (bench && CudaDevice.isAvailable()) {
            try {
                benchmarks(md, out, log2n);
            } catch (RuntimeException | IOException | LinkageError e) {
                StringWriter w = new StringWriter();
                e.printStackTrace(new PrintWriter(w));
                md.append("\n\nBENCHMARK FAILED:\n```\n").append(w).append("```\n");
            }
        } else if (bench) {
            md.append("## Benchmarks\n\nnot run: ").append(CudaDevice.status()).append("\n\n");
        }
        Files.writeString(file, md.toString());
        System.out.println(md);
        System.out.println("wrote " + file);
        System.exit(ok ? 0 : 1);
    }

    private static String hostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** GPU tests of other modules, run when on the class path. */
    static final List<String> EXTRA_GPU_TESTS = List.of("dev.irg.examples.PoissonMfGpuTest");

    private static boolean runTests(StringBuilder md) {
        var selectors = new java.util.ArrayList<org.junit.platform.engine.DiscoverySelector>(List.of(selectClass(CudaGpuTest.class),
                selectClass(CudaProviderTest.class), selectClass(CudaGoldenGpuTest.class), selectClass(CudaSamplersGpuTest.class)));
        // the GPU tests of other modules, when the bundle carries them (the examples' poisson-mf GPU step)
        for (String c : EXTRA_GPU_TESTS) {
            try {
                selectors.add(selectClass(Class.forName(c)));
            } catch (ClassNotFoundException e) {
                md.append("(").append(c).append(" not in this bundle)\n\n");
            }
        }
        var request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
        var listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        var s = listener.getSummary();
        StringWriter w = new StringWriter();
        s.printFailuresTo(new PrintWriter(w), 5);
        md.append("## GPU tests\n\n");
        md.append(String.format(Locale.ROOT, "found %d, succeeded %d, failed %d, skipped %d, aborted %d (%.1f s)%n%n",
                s.getTestsFoundCount(), s.getTestsSucceededCount(), s.getTestsFailedCount(), s.getTestsSkippedCount(),
                s.getTestsAbortedCount(), (s.getTimeFinished() - s.getTimeStarted()) / 1e3));
        if (s.getTotalFailureCount() > 0) {
            md.append("```\n").append(w).append("```\n\n");
        }
        if (!CudaDevice.isAvailable()) {
            md.append("RESULT: NO DEVICE (the GPU tests were skipped: ").append(CudaDevice.status()).append(")\n\n");
        } else {
            md.append(s.getTotalFailureCount() == 0 ? "RESULT: PASS\n\n" : "RESULT: FAIL\n\n");
        }
        return s.getTotalFailureCount() == 0;
    }

    private static void benchmarks(StringBuilder md, Path out, int log2n) throws IOException {
        CudaDevice gpu = CudaDevice.get();
        int n = 1 << log2n;
        List<String> csv = new ArrayList<>();
        csv.add("op,precision,path,n,elements_per_s");
        md.append("## Benchmarks (n = 2^").append(log2n).append(", median of ").append(REPS).append(")\n\n");

        double devBw = deviceCopyBandwidth(gpu, 1L << 28);
        double[] pcie = pcieBandwidth(gpu, 1L << 28);
        md.append(String.format(Locale.ROOT, "- device memory (cuMemcpyDtoD, read+write): %.0f GB/s%n", devBw / 1e9));
        md.append(String.format(Locale.ROOT, "- PCIe pinned: host to device %.1f GB/s, device to host %.1f GB/s%n%n", pcie[0] / 1e9, pcie[1] / 1e9));
        md.append("| op | precision | device-resident elem/s | % of memory bound | host arrays elem/s | % of copy bound |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Op op : Op.values()) {
            for (Precision pr : new Precision[] {Precision.F32, Precision.F64}) {
                if (!gpu.supports(op, pr)) {
                    continue;
                }
                Inputs in = Inputs.random(op.distribution(), n, 42);
                boolean gammaRate1 = op.distribution() == dev.irg.Distribution.GAMMA;
                double dev = deviceResident(gpu, op, pr, in, gammaRate1);
                double host = hostArrays(op, pr, in, gammaRate1);
                int es = pr.bytes();
                int inputs = gammaRate1 ? 2 : 3;
                double memBound = devBw / ((inputs + 1.0) * es);
                double copyBound = 1 / Math.max(inputs * es / pcie[0], es / pcie[1]);
                md.append(String.format(Locale.ROOT, "| %s | %s | %.3g | %.0f%% | %.3g | %.0f%% |%n", op, pr, dev, 100 * dev / memBound, host,
                        100 * host / copyBound));
                csv.add(op + "," + pr + ",device," + n + "," + dev);
                csv.add(op + "," + pr + ",host," + n + "," + host);
                if (op == Op.GAMMA_GRAD_ALPHA && pr == Precision.F32) {
                    writeTorchInputs(out, in);
                }
            }
        }
        md.append("\nGamma ops run with rate = 1 broadcast (as PyTorch's _standard_gamma_grad).\n\n");
        crossover(md, csv);
        Files.write(out.resolve("bench.csv"), csv);
    }

    /** Kernel time only (CUDA events), operands already on the device: elements per second. */
    private static double deviceResident(CudaDevice gpu, Op op, Precision pr, Inputs in, boolean rate1) {
        int n = in.x().length;
        long bytes = (long) n * pr.bytes();
        gpu.runtime().makeCurrent();
        CUdeviceptr p0 = upload(in.p0(), pr), p1 = rate1 ? null : upload(in.p1(), pr), x = upload(in.x(), pr);
        CUdeviceptr out = new CUdeviceptr();
        Cu.check(cuMemAlloc(out, bytes), "cuMemAlloc");
        CUevent start = new CUevent(), stop = new CUevent();
        Cu.check(cuEventCreate(start, 0), "cuEventCreate");
        Cu.check(cuEventCreate(stop, 0), "cuEventCreate");
        double[] t = new double[REPS];
        try {
            for (int r = -WARMUP; r < REPS; r++) {
                Cu.check(cuEventRecord(start, null), "cuEventRecord");
                gpu.launch(op, pr, n, p0, 0, p1, 1.0, x, out, null);
                Cu.check(cuEventRecord(stop, null), "cuEventRecord");
                Cu.check(cuEventSynchronize(stop), "cuEventSynchronize", CudaRuntime.kernelName(op, pr));
                float[] ms = {0};
                Cu.check(cuEventElapsedTime(ms, start, stop), "cuEventElapsedTime");
                if (r >= 0) {
                    t[r] = ms[0] / 1e3;
                }
            }
        } finally {
            for (CUdeviceptr p : new CUdeviceptr[] {p0, p1, x, out}) {
                if (p != null) {
                    cuMemFree(p);
                }
            }
        }
        return n / median(t);
    }

    private static CUdeviceptr upload(double[] a, Precision pr) {
        CUdeviceptr d = new CUdeviceptr();
        long bytes = (long) a.length * pr.bytes();
        Cu.check(cuMemAlloc(d, bytes), "cuMemAlloc");
        Vec v = vec(a, pr);
        byte[] b = v.segment().toArray(ValueLayout.JAVA_BYTE);
        Cu.check(cuMemcpyHtoD(d, Pointer.to(b), bytes), "cuMemcpyHtoD");
        return d;
    }

    private static Vec vec(double[] a, Precision pr) {
        if (pr == Precision.F64) {
            return Vec.of(a);
        }
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return Vec.of(f);
    }

    /** Java arrays in and out through the chunked, overlapped host path: elements per second. */
    private static double hostArrays(Op op, Precision pr, Inputs in, boolean rate1) {
        int n = in.x().length;
        Vec p0 = vec(in.p0(), pr), p1 = rate1 ? Vec.scalar(1.0) : vec(in.p1(), pr), x = vec(in.x(), pr);
        Vec out = pr == Precision.F64 ? Vec.of(new double[n]) : Vec.of(new float[n]);
        Irg cuda = Irg.using(Backend.CUDA);
        double[] t = new double[REPS];
        for (int r = -WARMUP; r < REPS; r++) {
            long t0 = System.nanoTime();
            cuda.evaluate(op, p0, p1, x, out);
            if (r >= 0) {
                t[r] = (System.nanoTime() - t0) / 1e9;
            }
        }
        return n / median(t);
    }

    /** Batch size from which CUDA (host arrays, transfers included) beats the best CPU backend. */
    private static void crossover(StringBuilder md, List<String> csv) {
        Op op = null;
        for (Op o : new Op[] {Op.GAMMA_GRAD_ALPHA, Op.BETA_GRAD_A, Op.VONMISES_GRAD_KAPPA, Op.GAMMA_GRAD_RATE}) {
            if (CudaDevice.get().supports(o, Precision.F32)) {
                op = o;
                break;
            }
        }
        if (op == null) {
            return;
        }
        Backend cpu = Irg.backends().stream().anyMatch(b -> b.backend() == Backend.SIMD && b.available()) ? Backend.SIMD : Backend.SCALAR;
        md.append("### Crossover: ").append(op).append(" F32, CUDA (host arrays) against ").append(cpu.id()).append(" on all cores\n\n");
        md.append("| n | cuda elem/s | ").append(cpu.id()).append(" elem/s |\n|---|---|---|\n");
        long crossover = -1;
        for (int lg = 8; lg <= 22; lg += 2) {
            int n = 1 << lg;
            Inputs in = Inputs.random(op.distribution(), n, lg);
            double c = timed(Backend.CUDA, op, in), s = timed(cpu, op, in);
            md.append(String.format(Locale.ROOT, "| 2^%d | %.3g | %.3g |%n", lg, c, s));
            csv.add(op + ",F32,crossover-cuda," + n + "," + c);
            csv.add(op + ",F32,crossover-" + cpu.id() + "," + n + "," + s);
            if (crossover < 0 && c > s) {
                crossover = n;
            }
        }
        md.append("\ncrossover: ").append(crossover < 0 ? "none up to 2^22" : "n = " + crossover).append("\n\n");
    }

    private static double timed(Backend b, Op op, Inputs in) {
        int n = in.x().length;
        Vec p0 = vec(in.p0(), Precision.F32), p1 = vec(in.p1(), Precision.F32), x = vec(in.x(), Precision.F32);
        Vec out = Vec.of(new float[n]);
        Irg irg = Irg.using(b);
        double[] t = new double[5];
        for (int r = -1; r < t.length; r++) {
            long t0 = System.nanoTime();
            irg.evaluate(op, p0, p1, x, out);
            if (r >= 0) {
                t[r] = (System.nanoTime() - t0) / 1e9;
            }
        }
        return n / median(t);
    }

    /** Device-to-device copy bandwidth, counting the bytes read and written. */
    private static double deviceCopyBandwidth(CudaDevice gpu, long bytes) {
        gpu.runtime().makeCurrent();
        CUdeviceptr a = new CUdeviceptr(), b = new CUdeviceptr();
        Cu.check(cuMemAlloc(a, bytes), "cuMemAlloc");
        Cu.check(cuMemAlloc(b, bytes), "cuMemAlloc");
        try {
            return 2.0 * bytes / eventTime(() -> Cu.check(cuMemcpyDtoDAsync(b, a, bytes, null), "cuMemcpyDtoDAsync"));
        } finally {
            cuMemFree(a);
            cuMemFree(b);
        }
    }

    /** Pinned host-to-device and device-to-host bandwidth, bytes per second. */
    private static double[] pcieBandwidth(CudaDevice gpu, long bytes) {
        gpu.runtime().makeCurrent();
        CUdeviceptr d = new CUdeviceptr();
        Pointer h = new Pointer();
        Cu.check(cuMemAlloc(d, bytes), "cuMemAlloc");
        Cu.check(cuMemAllocHost(h, bytes), "cuMemAllocHost");
        try {
            double up = bytes / eventTime(() -> Cu.check(cuMemcpyHtoDAsync(d, h, bytes, null), "cuMemcpyHtoDAsync"));
            double down = bytes / eventTime(() -> Cu.check(cuMemcpyDtoHAsync(h, d, bytes, null), "cuMemcpyDtoHAsync"));
            return new double[] {up, down};
        } finally {
            cuMemFree(d);
            cuMemFreeHost(h);
        }
    }

    /** Median seconds of {@code work} enqueued on the default stream, timed with CUDA events. */
    private static double eventTime(Runnable work) {
        CUevent start = new CUevent(), stop = new CUevent();
        Cu.check(cuEventCreate(start, 0), "cuEventCreate");
        Cu.check(cuEventCreate(stop, 0), "cuEventCreate");
        double[] t = new double[REPS];
        for (int r = -WARMUP; r < REPS; r++) {
            Cu.check(cuEventRecord(start, null), "cuEventRecord");
            work.run();
            Cu.check(cuEventRecord(stop, null), "cuEventRecord");
            Cu.check(cuEventSynchronize(stop), "cuEventSynchronize");
            float[] ms = {0};
            Cu.check(cuEventElapsedTime(ms, start, stop), "cuEventElapsedTime");
            if (r >= 0) {
                t[r] = ms[0] / 1e3;
            }
        }
        return median(t);
    }

    static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /**
     * alpha.f32 and x.f32 (little-endian float32) for scripts/gpu-torch-bench.py: the same inputs;
     * plus irg's float64 gradient on those float inputs (grad_f64.f64, the accuracy yardstick, from
     * the float64 kernel that the GPU tests verify) and irg's float32 gradient (grad_irg.f32).
     */
    private static void writeTorchInputs(Path out, Inputs in) throws IOException {
        int n = in.x().length;
        float[] a = new float[n], x = new float[n], g32 = new float[n];
        double[] a64 = new double[n], x64 = new double[n], g64 = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) in.p0()[i];
            x[i] = (float) in.x()[i];
            a64[i] = a[i];
            x64[i] = x[i];
        }
        Irg cuda = Irg.using(Backend.CUDA);
        cuda.evaluate(Op.GAMMA_GRAD_ALPHA, Vec.of(a64), Vec.scalar(1.0), Vec.of(x64), Vec.of(g64));
        cuda.evaluate(Op.GAMMA_GRAD_ALPHA, Vec.of(a), Vec.scalar(1.0), Vec.of(x), Vec.of(g32));
        ByteBuffer ba = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer bx = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer bg = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer bd = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            ba.putFloat(a[i]);
            bx.putFloat(x[i]);
            bg.putFloat(g32[i]);
            bd.putDouble(g64[i]);
        }
        Files.write(out.resolve("alpha.f32"), ba.array());
        Files.write(out.resolve("x.f32"), bx.array());
        Files.write(out.resolve("grad_irg.f32"), bg.array());
        Files.write(out.resolve("grad_f64.f64"), bd.array());
    }
}
