package dev.irg.jmh;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.Sampling;
import dev.irg.Vec;
import dev.irg.spi.SamplerKernels.Kind;
import java.util.SplittableRandom;
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
 * Samples with their gradients, per backend and precision, one thread: {@code mode=fused} is one
 * rsample call ({@code Sampling.gammaRsample} etc.: sample a block, then its gradient while it is in
 * cache), {@code mode=separate} is a sample call followed by {@code Irg.evaluate} of the gradient
 * operation over the whole batch, {@code mode=sample} the sample call alone. Elements per second =
 * score x n ({@code python3 jmh/summarize_rsample.py}).
 *
 * <p>Parameters per element, fixed seed: Gamma alpha log-uniform on [1e-2, 1e3] with rate 1 (the
 * gradient is dz/dalpha only, as PyTorch's {@code _standard_gamma_grad}; bench/peers/torch_rsample.py
 * draws the same distribution); Beta a, b log-uniform on [1e-2, 1e3] (dz/da and dz/db); von Mises
 * kappa log-uniform on [1e-2, 1e3], loc 0 (dz/dkappa).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RsampleBench {
    /** Lower and upper end of the log-uniform parameter range. */
    static final double PARAM_LO = 1e-2;
    static final double PARAM_HI = 1e3;

    @Param({"gamma"})
    public String dist;

    @Param({"fused", "separate"})
    public String mode;

    @Param({"F32", "F64"})
    public String precision;

    @Param({"scalar", "simd"})
    public String backend;

    @Param({"100000"})
    public int n;

    private Irg irg;
    private Sampling sampling;
    private Vec p0;
    private Vec p1;
    private Vec z;
    private Vec g0;
    private Vec g1;
    private Object zArray;
    private Object gArray;
    private long seed;

    @Setup(Level.Trial)
    public void setup() {
        Precision pr = Precision.parse(precision);
        Backend b = Backend.parse(backend);
        irg = Irg.using(b).threads(1);
        sampling = irg.sampling();
        SplittableRandom r = new SplittableRandom(20261129L);
        double[] a = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = Inputs.logUniform(r, PARAM_LO, PARAM_HI);
            c[i] = dist.equals("beta") ? Inputs.logUniform(r, PARAM_LO, PARAM_HI) : dist.equals("gamma") ? 1 : 0;
        }
        p0 = vec(a, pr);
        p1 = dist.equals("beta") ? vec(c, pr) : Vec.scalar(c[0]);
        if (pr == Precision.F64) {
            double[] zz = new double[n];
            double[] gg = new double[n];
            zArray = zz;
            gArray = gg;
            z = Vec.of(zz);
            g0 = Vec.of(gg);
            g1 = dist.equals("beta") ? Vec.of(new double[n]) : null;
        } else {
            float[] zz = new float[n];
            float[] gg = new float[n];
            zArray = zz;
            gArray = gg;
            z = Vec.of(zz);
            g0 = Vec.of(gg);
            g1 = dist.equals("beta") ? Vec.of(new float[n]) : null;
        }
        Kind kind = switch (dist) {
            case "gamma" -> Kind.GAMMA;
            case "beta" -> Kind.BETA;
            case "vonmises" -> Kind.VONMISES;
            default -> throw new IllegalArgumentException("dist " + dist);
        };
        if (sampling.backendFor(kind, !mode.equals("sample"), pr, n) != b) {
            throw new IllegalStateException(backend + " does not serve " + kind + " " + pr);
        }
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

    @Benchmark
    public void run(Blackhole bh) {
        long s = seed++; // a fresh seed per call: no call can reuse another's samples
        switch (mode) {
            case "fused" -> fused(s);
            case "separate" -> {
                sample(s);
                gradients();
            }
            case "sample" -> sample(s);
            default -> throw new IllegalArgumentException("mode " + mode);
        }
        bh.consume(zArray);
        bh.consume(gArray);
    }

    private void fused(long s) {
        switch (dist) {
            case "gamma" -> sampling.gammaRsample(s, p0, p1, z, g0, null);
            case "beta" -> sampling.betaRsample(s, p0, p1, z, g0, g1);
            default -> sampling.vonMisesRsample(s, p0, p1, z, g0);
        }
    }

    private void sample(long s) {
        switch (dist) {
            case "gamma" -> sampling.gamma(s, p0, p1, z);
            case "beta" -> sampling.beta(s, p0, p1, z);
            default -> sampling.vonMises(s, p0, p1, z);
        }
    }

    private void gradients() {
        switch (dist) {
            case "gamma" -> irg.evaluate(Op.GAMMA_GRAD_ALPHA, p0, p1, z, g0);
            case "beta" -> {
                irg.evaluate(Op.BETA_GRAD_A, p0, p1, z, g0);
                irg.evaluate(Op.BETA_GRAD_B, p0, p1, z, g1);
            }
            default -> irg.evaluate(Op.VONMISES_GRAD_KAPPA, p0, p1, z, g0);
        }
    }
}
