package dev.irg.examples;

import dev.irg.cuda.Toolchain;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@link MfDevice} on the CPU for the tests: the example's kernels (irg_pmf.cu) and irg's sampling
 * kernels (irg_kernels.cu) compiled by g++ into target/host/libpmf_host*.so
 * (src/test/cpp/pmf_host_kernels.cpp) and called through the FFM API; Dgemm by the column-major
 * definition cuBLAS implements. So {@link PoissonMfGpu} runs its whole step here with the kernel code a
 * GPU runs. {@code new HostMfDevice()}: every kernel as one block of one thread.
 * {@code new HostMfDevice(grid, block)}: launches of up to {@code grid} blocks of {@code block} real
 * threads with a barrier for __syncthreads (the PMF_HOST_THREADS build), so the grid-stride loops and
 * the shared-memory reductions run as on a GPU. Building the library skips the test without a C++
 * compiler and fails it on CI (CI=true), as kernels-cuda's host tests do.
 */
final class HostMfDevice implements MfDevice {
    private static SymbolLookup single;
    private static SymbolLookup threaded;

    private final Arena arena = Arena.ofShared();
    private final Map<Kernel, MethodHandle> handles = new EnumMap<>(Kernel.class);
    private final MethodHandle gamma;
    private final MethodHandle config;
    private final int grid;
    private final int block;
    private int launches;

    record HostBuf(MemorySegment seg, long length, int elementBytes) implements Buf {
    }

    HostMfDevice() throws IOException, InterruptedException {
        this(1, 1);
    }

    HostMfDevice(int grid, int block) throws IOException, InterruptedException {
        if (grid < 1 || block < 1 || block > dev.irg.cuda.CudaDevice.BLOCK || Integer.bitCount(block) != 1) {
            throw new IllegalArgumentException("grid " + grid + ", block " + block + " (a power of two up to " + dev.irg.cuda.CudaDevice.BLOCK + ")");
        }
        this.grid = grid;
        this.block = block;
        boolean mt = grid > 1 || block > 1;
        SymbolLookup lib = mt ? threaded() : single();
        Linker linker = Linker.nativeLinker();
        for (Kernel k : Kernel.values()) {
            MemoryLayout[] layouts = k.args.stream().map(HostMfDevice::layout).toArray(MemoryLayout[]::new);
            handles.put(k, linker.downcallHandle(entry(lib, k.symbol, mt), FunctionDescriptor.ofVoid(layouts)));
        }
        var L = ValueLayout.JAVA_LONG;
        var D = ValueLayout.JAVA_DOUBLE;
        var P = ValueLayout.ADDRESS;
        gamma = linker.downcallHandle(entry(lib, "irg_sample_GAMMA_f64", mt), FunctionDescriptor.ofVoid(L, L, L, P, D, P, D, P, P, P));
        config = mt ? linker.downcallHandle(lib.find("pmf_host_config").orElseThrow(),
                FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)) : null;
    }

    /** The kernel itself, or in the threaded build the launcher exported as the function pointer mt_NAME. */
    private static MemorySegment entry(SymbolLookup lib, String name, boolean mt) {
        if (!mt) {
            return lib.find(name).orElseThrow();
        }
        return lib.find("mt_" + name).orElseThrow().reinterpret(ValueLayout.ADDRESS.byteSize()).get(ValueLayout.ADDRESS, 0);
    }

    /** The one-thread build, once per JVM. */
    static synchronized SymbolLookup single() throws IOException, InterruptedException {
        if (single == null) {
            single = build("libpmf_host.so", "-std=c++17");
        }
        return single;
    }

    /** The threaded build (C++20 barrier), once per JVM. */
    static synchronized SymbolLookup threaded() throws IOException, InterruptedException {
        if (threaded == null) {
            threaded = build("libpmf_host_mt.so", "-std=c++20", "-pthread", "-DPMF_HOST_THREADS");
        }
        return threaded;
    }

    private static SymbolLookup build(String name, String... flags) throws IOException, InterruptedException {
        Path cxx = Toolchain.require(Toolchain.cxx(), "no C++ compiler (g++, c++ or clang++; or set CXX): cannot compile the poisson-mf kernels for the host");
        Path root = Toolchain.root();
        Path dir = Files.createDirectories(root.resolve("examples/target/host"));
        Path so = dir.resolve(name);
        List<String> cmd = new java.util.ArrayList<>(List.of(cxx.toString()));
        cmd.addAll(List.of(flags));
        cmd.addAll(List.of("-O2", "-Wall", "-Wextra", "-Werror", "-shared", "-fPIC", "-I" + root.resolve("examples/src/main/cuda"),
                "-I" + root.resolve("kernels-cuda/src/main/cuda"), root.resolve("examples/src/test/cpp/pmf_host_kernels.cpp").toString(),
                "-o", so.toString()));
        Toolchain.run(cmd, dir, null, 600);
        return SymbolLookup.libraryLookup(so, Arena.global());
    }

    private void configure(int blocks) {
        if (config == null) {
            return;
        }
        try {
            config.invokeExact(blocks, block);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static MemoryLayout layout(Arg a) {
        return switch (a) {
            case I64 -> ValueLayout.JAVA_LONG;
            case I32 -> ValueLayout.JAVA_INT;
            case F64 -> ValueLayout.JAVA_DOUBLE;
            case PTR -> ValueLayout.ADDRESS;
        };
    }

    /** Kernel launches so far. */
    int launches() {
        return launches;
    }

    @Override
    public String description() {
        return grid == 1 && block == 1 ? "host (g++-compiled kernels, Java Dgemm)"
                : "host (g++-compiled kernels, " + grid + " blocks of " + block + " threads, Java Dgemm)";
    }

    @Override
    public Buf doubles(long n) {
        return new HostBuf(arena.allocate(Math.max(1, n) * Double.BYTES, Double.BYTES), n, Double.BYTES);
    }

    @Override
    public Buf ints(long n) {
        return new HostBuf(arena.allocate(Math.max(1, n) * Integer.BYTES, Integer.BYTES), n, Integer.BYTES);
    }

    static HostBuf h(Buf b) {
        return (HostBuf) b;
    }

    @Override
    public Buf slice(Buf b, long from, long n) {
        HostBuf x = h(b);
        if (from < 0 || n < 0 || from + n > x.length()) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + (from + n) + ") of " + x.length());
        }
        return new HostBuf(x.seg().asSlice(from * x.elementBytes(), Math.max(1, n) * x.elementBytes()), n, x.elementBytes());
    }

    @Override
    public void upload(double[] src, Buf dst) {
        check(src.length, dst);
        MemorySegment.copy(src, 0, h(dst).seg(), ValueLayout.JAVA_DOUBLE, 0, src.length);
    }

    @Override
    public void upload(int[] src, Buf dst) {
        check(src.length, dst);
        MemorySegment.copy(src, 0, h(dst).seg(), ValueLayout.JAVA_INT, 0, src.length);
    }

    @Override
    public void download(Buf src, double[] dst) {
        check(dst.length, src);
        MemorySegment.copy(h(src).seg(), ValueLayout.JAVA_DOUBLE, 0, dst, 0, dst.length);
    }

    private static void check(int n, Buf b) {
        if (n != b.length()) {
            throw new IllegalArgumentException("host array of " + n + " elements for a buffer of " + b.length());
        }
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, Buf a, int lda, Buf b, int ldb, Buf c, int ldc) {
        MemorySegment sa = h(a).seg(), sb = h(b).seg(), sc = h(c).seg();
        var D = ValueLayout.JAVA_DOUBLE;
        // bounds as cuBLAS documents them: A is lda x (transA ? m : k), B is ldb x (transB ? k : n), C is ldc x n
        require(lda >= Math.max(1, transA ? k : m) && ldb >= Math.max(1, transB ? n : k) && ldc >= Math.max(1, m), "leading dimension");
        require((long) lda * (transA ? m : k) <= a.length() && (long) ldb * (transB ? k : n) <= b.length()
                && (long) ldc * n <= c.length(), "matrix larger than its buffer");
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int l = 0; l < k; l++) {
                    double av = sa.getAtIndex(D, transA ? l + (long) i * lda : i + (long) l * lda);
                    double bv = sb.getAtIndex(D, transB ? j + (long) l * ldb : l + (long) j * ldb);
                    s += av * bv;
                }
                sc.setAtIndex(D, i + (long) j * ldc, s);
            }
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("dgemm: " + what);
        }
    }

    @Override
    public void gammaRsample(long n, long seed, Buf alpha, Buf rate, Buf z, Buf dzda, Buf dzdr) {
        for (Buf b : new Buf[] {alpha, rate, z, dzda, dzdr}) {
            require(b.length() == n, "rsample buffer of " + b.length() + " for n = " + n);
        }
        configure(blocks(n));
        try {
            gamma.invokeExact(n, seed, 0L, h(alpha).seg(), 0.0, h(rate).seg(), 0.0, h(z).seg(), h(dzda).seg(), h(dzdr).seg());
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        launches++;
    }

    @Override
    public int blocks(long threads) {
        return (int) Math.max(1, Math.min((threads + block - 1) / block, grid));
    }

    @Override
    public int maxBlocks() {
        return grid;
    }

    @Override
    public void launch(Kernel kernel, int blocks, Object... args) {
        kernel.check(args, HostBuf.class);
        if (blocks < 1 || blocks > grid) {
            throw new IllegalArgumentException("launch of " + blocks + " blocks on a host device of " + grid);
        }
        configure(blocks);
        Object[] a = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            a[i] = args[i] instanceof HostBuf b ? b.seg() : args[i];
        }
        try {
            handles.get(kernel).invokeWithArguments(a);
        } catch (Throwable t) {
            throw new IllegalStateException(kernel.symbol, t);
        }
        launches++;
    }

    @Override
    public void sync() {
        // every call has finished when it returns
    }

    @Override
    public void close() {
        arena.close();
    }
}
