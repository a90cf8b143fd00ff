package dev.irg;

import dev.irg.internal.CpuPool;
import dev.irg.internal.Dispatcher;
import dev.irg.internal.Registry;
import dev.irg.spi.Batch;
import java.util.List;

/**
 * Entry point: batch CDFs, their parameter derivatives and implicit reparameterization gradients
 * for Gamma, Beta and von Mises samples.
 *
 * <pre>{@code
 * Irg irg = Irg.get();                         // AUTO, or the backend named by -Dirg.backend
 * double[] alpha = {0.5, 2, 40}, z = {0.1, 1.7, 38}, g = new double[3];
 * irg.gamma().gradAlpha(alpha, z, g);          // dz/dalpha at each sample
 * Irg.using(Backend.SCALAR).gamma().gradAlpha(2.5, z, g);   // forced backend, broadcast alpha
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe: one {@code Irg} used from many threads gives the same
 * results as from one. Out-of-domain element values give NaN in their slot; misuse of arrays (null,
 * length or precision mismatch) throws before any work.
 */
public final class Irg {
    /** System property naming the default backend: {@code auto|scalar|simd|cuda}. */
    public static final String BACKEND_PROPERTY = "irg.backend";

    private final Backend backend;
    private final int threads;

    private Irg(Backend backend, int threads) {
        this.backend = backend;
        this.threads = threads;
    }

    /**
     * The default instance: the backend named by the system property {@code irg.backend}
     * (default {@code auto}). A named backend that cannot run here falls back to AUTO with one log line.
     */
    public static Irg get() {
        String s = System.getProperty(BACKEND_PROPERTY, "auto");
        Backend b;
        try {
            b = Backend.parse(s);
        } catch (IllegalArgumentException e) {
            dev.irg.internal.Log.once(System.Logger.Level.WARNING, "irg: " + e.getMessage() + "; using auto");
            b = Backend.AUTO;
        }
        if (b != Backend.AUTO && Registry.get().provider(b) == null) {
            dev.irg.internal.Log.once(System.Logger.Level.WARNING, "irg: " + BACKEND_PROPERTY + "=" + b.id()
                    + " is unavailable (" + Registry.get().info(b).detail() + "); using auto");
            b = Backend.AUTO;
        }
        return new Irg(b, CpuPool.parallelism());
    }

    /**
     * An instance that runs every call on {@code backend}.
     *
     * @throws IllegalStateException if that backend cannot run here (the message says why)
     */
    public static Irg using(Backend backend) {
        if (backend != Backend.AUTO && Registry.get().provider(backend) == null) {
            throw new IllegalStateException("backend " + backend.id() + " is unavailable: " + Registry.get().info(backend).detail());
        }
        return new Irg(backend, CpuPool.parallelism());
    }

    /** The same backend choice, with CPU backends using at most {@code threads} threads per call. */
    public Irg threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new Irg(backend, threads);
    }

    /** Every backend: available here or not, and why. */
    public static List<BackendInfo> backends() {
        return Registry.get().infos();
    }

    public Backend backend() {
        return backend;
    }

    public int threads() {
        return threads;
    }

    /** The backend a call of {@code op} on {@code n} elements of {@code precision} would run on. */
    public Backend backendFor(Op op, Precision precision, long n) {
        return Dispatcher.select(backend, op, precision, n).backend();
    }

    public GammaOps gamma() {
        return new GammaOps(this);
    }

    public BetaOps beta() {
        return new BetaOps(this);
    }

    public VonMisesOps vonMises() {
        return new VonMisesOps(this);
    }

    /** Samplers and fused rsample (sample + implicit gradient) with Philox4x32-10 counters; see {@link Sampling}. */
    public Sampling sampling() {
        return new Sampling(this, 0);
    }

    /**
     * The general form of every operation: {@code out[i] = op(p0[i], p1[i], x[i])}, where the
     * parameters are the distribution's two (see {@link Distribution}); scalars broadcast.
     */
    public void evaluate(Op op, Vec p0, Vec p1, Vec x, Vec out) {
        Dispatcher.run(backend, threads, Dispatcher.validate(op, p0, p1, x, out));
    }

    /**
     * Two operations of one distribution over the same operands: {@code out0[i] = op0(p0[i], p1[i], x[i])} and
     * {@code out1[i] = op1(p0[i], p1[i], x[i])}. Where a backend computes both in one pass it does (the SIMD,
     * scalar and CUDA backends for the Beta pairs {@link Op#BETA_GRAD_A}/{@link Op#BETA_GRAD_B} and
     * {@link Op#BETA_DCDF_DA}/{@link Op#BETA_DCDF_DB}, see {@link BetaOps#grad(Vec, Vec, Vec, Vec, Vec)}); else the
     * two run one after the other. The outputs must have the same length and overlap neither each other nor an
     * operand ({@link IllegalArgumentException} before any work).
     */
    public void evaluatePair(Op op0, Op op1, Vec p0, Vec p1, Vec x, Vec out0, Vec out1) {
        Batch[] b = Dispatcher.validatePair(op0, op1, p0, p1, x, out0, out1);
        Dispatcher.runPair(backend, threads, b[0], b[1]);
    }
}
