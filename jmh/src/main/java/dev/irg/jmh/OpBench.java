package dev.irg.jmh;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.Vec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of one batch operation through the public API on host arrays: one invocation evaluates
 * {@code n} elements, so elements per second = score x n ({@code jmh/summarize.py} does the arithmetic
 * and the SIMD/scalar ratios). {@code threads=1} keeps the call on the calling thread, {@code threads=0}
 * uses every core through the shared CPU pool. The default parameters are every operation, both
 * precisions and the CPU backends; a forced backend that does not serve an operation fails the setup
 * (it never measures a fallback), so run the whole grid through {@link FullSuite}, which runs only the
 * combinations served here. The CUDA backend has its own benchmark, {@link CudaOpBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OpBench {
    @Param({"GAMMA_CDF", "GAMMA_DCDF_DALPHA", "GAMMA_GRAD_ALPHA", "GAMMA_GRAD_RATE",
            "BETA_CDF", "BETA_DCDF_DA", "BETA_DCDF_DB", "BETA_GRAD_A", "BETA_GRAD_B",
            "VONMISES_CDF", "VONMISES_DCDF_DKAPPA", "VONMISES_GRAD_KAPPA"})
    public String op;

    @Param({"F32", "F64"})
    public String precision;

    @Param({"1000", "1000000"})
    public int n;

    /** {@code scalar}, {@code simd}, {@code auto} (what {@code Irg.get()} gives), or {@code cuda} (host arrays). */
    @Param({"scalar", "simd", "auto"})
    public String backend;

    /** Worker threads per call; 0 = all cores. */
    @Param({"1", "0"})
    public int threads;

    /**
     * SIMD warm-up primer: the Vector API kernels are slow (boxed vectors) until C2 compiles them,
     * and C2 compiles a loop after about 40 000 iterations (HotSpot's Tier4BackEdgeThreshold). At
     * n = 1000 that took more than the whole 4.5 s of warm-up + measurement on the loaded 2-core
     * machine (measured: 34, 202, 215, 257, 2246 calls/s in consecutive iterations); one call on this
     * many elements in the setup gets the loop compiled before JMH's warm-up starts.
     */
    static final int PRIME_N = 1 << 20;

    private Irg irg;
    private Op operation;
    private Vec p0;
    private Vec p1;
    private Vec x;
    private Vec out;
    private Object outArray;

    @Setup(Level.Trial)
    public void setup() {
        operation = Op.valueOf(op);
        Precision pr = Precision.parse(precision);
        Irg base = Irg.using(Backend.parse(backend));
        irg = threads == 0 ? base : base.threads(threads);
        // a forced backend throws here when it does not implement the operation
        irg.backendFor(operation, pr, n);
        Object[] in = Inputs.arrays(operation.distribution(), pr, n);
        p0 = Inputs.vec(in[0]);
        p1 = Inputs.vec(in[1]);
        x = Inputs.vec(in[2]);
        outArray = pr == Precision.F64 ? new double[n] : new float[n];
        out = Inputs.vec(outArray);
        if (n < PRIME_N && irg.backendFor(operation, pr, n) == Backend.SIMD) {
            Object[] big = Inputs.arrays(operation.distribution(), pr, PRIME_N);
            Object bigOut = pr == Precision.F64 ? new double[PRIME_N] : new float[PRIME_N];
            irg.evaluate(operation, Inputs.vec(big[0]), Inputs.vec(big[1]), Inputs.vec(big[2]), Inputs.vec(bigOut));
        }
    }

    @Benchmark
    public void evaluate(Blackhole bh) {
        irg.evaluate(operation, p0, p1, x, out);
        bh.consume(outArray);
    }
}
