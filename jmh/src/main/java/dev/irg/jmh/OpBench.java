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
 * Throughput of one batch operation through the public API: one invocation evaluates {@code n}
 * elements, so elements per second = score x n ({@code jmh/summarize.py} does the arithmetic and the
 * SIMD/scalar ratios). Scalar and SIMD run in the same JMH run; {@code threads=1} keeps the call on the
 * calling thread, {@code threads=0} uses every core through the shared CPU pool.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OpBench {
    @Param({"GAMMA_GRAD_ALPHA"})
    public String op;

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
        double[][] in = Inputs.draw(operation.distribution(), n, 20261128L);
        if (pr == Precision.F64) {
            p0 = Vec.of(in[0]);
            p1 = Vec.of(in[1]);
            x = Vec.of(in[2]);
            double[] o = new double[n];
            outArray = o;
            out = Vec.of(o);
        } else {
            p0 = Vec.of(toFloat(in[0]));
            p1 = Vec.of(toFloat(in[1]));
            x = Vec.of(toFloat(in[2]));
            float[] o = new float[n];
            outArray = o;
            out = Vec.of(o);
        }
        if (Irg.using(Backend.parse(backend)).backendFor(operation, pr, n) != Backend.parse(backend)) {
            throw new IllegalStateException(backend + " does not serve " + op + " " + pr);
        }
    }

    private static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    @Benchmark
    public void evaluate(Blackhole bh) {
        irg.evaluate(operation, p0, p1, x, out);
        bh.consume(outArray);
    }
}
