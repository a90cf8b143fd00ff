package dev.irg.jmh;

import dev.irg.Backend;
import dev.irg.Distribution;
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
 * The Beta gradients dz/da and dz/db of one batch: in one call ({@code pair}: {@code BetaOps.grad}, one pass on the
 * SIMD and scalar backends) against the two single calls ({@code twoCalls}: {@code gradA} then {@code gradB}), in the
 * same run, on {@link OpBench}'s inputs ({@link Inputs}); one invocation evaluates {@code n} elements (both
 * gradients of each). Elements per second = score x n.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PairBench {
    @Param({"F32", "F64"})
    public String precision;

    @Param({"1000", "1000000"})
    public int n;

    @Param({"scalar", "simd"})
    public String backend;

    /** Worker threads per call; 0 = all cores. */
    @Param({"1"})
    public int threads;

    private Irg irg;
    private Vec a;
    private Vec b;
    private Vec x;
    private Vec outA;
    private Vec outB;
    private Object arrayA;
    private Object arrayB;

    @Setup(Level.Trial)
    public void setup() {
        Precision pr = Precision.parse(precision);
        Irg base = Irg.using(Backend.parse(backend));
        irg = threads == 0 ? base : base.threads(threads);
        Object[] in = Inputs.arrays(Distribution.BETA, pr, n);
        a = Inputs.vec(in[0]);
        b = Inputs.vec(in[1]);
        x = Inputs.vec(in[2]);
        arrayA = pr == Precision.F64 ? new double[n] : new float[n];
        arrayB = pr == Precision.F64 ? new double[n] : new float[n];
        outA = Inputs.vec(arrayA);
        outB = Inputs.vec(arrayB);
        if (n < OpBench.PRIME_N && irg.backendFor(Op.BETA_GRAD_A, pr, n) == Backend.SIMD) {
            // see OpBench.PRIME_N: get the vector loops compiled before the warm-up
            Object[] big = Inputs.arrays(Distribution.BETA, pr, OpBench.PRIME_N);
            Vec bigA = Inputs.vec(pr == Precision.F64 ? new double[OpBench.PRIME_N] : new float[OpBench.PRIME_N]);
            Vec bigB = Inputs.vec(pr == Precision.F64 ? new double[OpBench.PRIME_N] : new float[OpBench.PRIME_N]);
            irg.beta().grad(Inputs.vec(big[0]), Inputs.vec(big[1]), Inputs.vec(big[2]), bigA, bigB);
            irg.beta().gradA(Inputs.vec(big[0]), Inputs.vec(big[1]), Inputs.vec(big[2]), bigA);
            irg.beta().gradB(Inputs.vec(big[0]), Inputs.vec(big[1]), Inputs.vec(big[2]), bigB);
        }
    }

    /** dz/da and dz/db in one call. */
    @Benchmark
    public void pair(Blackhole bh) {
        irg.beta().grad(a, b, x, outA, outB);
        bh.consume(arrayA);
        bh.consume(arrayB);
    }

    /** dz/da, then dz/db: two calls. */
    @Benchmark
    public void twoCalls(Blackhole bh) {
        irg.beta().gradA(a, b, x, outA);
        irg.beta().gradB(a, b, x, outB);
        bh.consume(arrayA);
        bh.consume(arrayB);
    }
}
