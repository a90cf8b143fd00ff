package dev.irg;

import dev.irg.internal.CpuPool;
import dev.irg.internal.Registry;
import dev.irg.sampling.ScalarSamplers;
import dev.irg.spi.KernelProvider;
import dev.irg.spi.SamplerKernels;
import dev.irg.spi.SamplerKernels.Kind;
import dev.irg.spi.SamplerKernels.Request;
import java.util.List;
import java.util.Objects;

/**
 * Batch samplers and fused rsample (each sample with its implicit reparameterization gradient, in
 * one pass) for Gamma, Beta, von Mises and Dirichlet, driven by Philox4x32-10 counters: element
 * {@code i} of a call with seed {@code s} uses counters derived from {@code (s, first + i)} only, so
 * the same call gives the same samples whatever the batch split or thread count (and, in float64,
 * whatever the backend). Methods and counter layout: docs/sampling.md.
 *
 * <pre>{@code
 * Sampling s = Irg.get().sampling();
 * double[] z = new double[1000], ga = new double[1000];
 * s.gammaRsample(42, Vec.scalar(0.5), Vec.scalar(1), Vec.of(z), Vec.of(ga), null); // z and dz/dalpha
 * double[] logz = s.gammaLog(42, 1e-4, 1, 1000);   // log z: finite where z underflows
 * double[] d = new double[3 * 100];                  // 100 rows of K = 3
 * s.dirichlet(7, 3, Vec.of(new double[] {0.1, 1, 5}), Vec.of(d));
 * }</pre>
 *
 * <p>Operands follow {@link Vec}: parameters are arrays of the output's length and precision or
 * broadcast scalars; gradient outputs may be null when not wanted. Invalid parameter values give NaN
 * in their slot; misuse of arrays throws before any work.
 */
public final class Sampling {
    /**
     * Below this many elements per worker a call is not split: an rsample element costs about a
     * microsecond and a plain sample about 50 ns, so smaller chunks cost more in hand-off than they gain.
     */
    public static final long MIN_ELEMENTS_PER_TASK = 8_192;

    private final Irg irg;
    private final long first;

    Sampling(Irg irg, long first) {
        this.irg = irg;
        this.first = first;
    }

    /**
     * The same sampler whose element 0 is element {@code first} of the counter sequence: calls of
     * n1 elements then of n2 elements from {@code startingAt(n1)} give the samples of one call of
     * n1 + n2 elements. For Dirichlet, {@code first} counts rows.
     */
    public Sampling startingAt(long first) {
        if (first < 0) {
            throw new IllegalArgumentException("first must be >= 0, got " + first);
        }
        return new Sampling(irg, first);
    }

    // ---------------------------------------------------------------- Gamma(alpha, rate)

    /** Gamma(alpha, rate) samples into {@code z}. */
    public void gamma(long seed, Vec alpha, Vec rate, Vec z) {
        run(Kind.GAMMA, seed, 1, alpha, rate, z, null, null, "alpha", "rate");
    }

    /** Gamma samples with dz/dalpha and dz/drate (either gradient may be null). */
    public void gammaRsample(long seed, Vec alpha, Vec rate, Vec z, Vec gradAlpha, Vec gradRate) {
        run(Kind.GAMMA, seed, 1, alpha, rate, z, gradAlpha, gradRate, "alpha", "rate");
    }

    /** log of Gamma(alpha, rate) samples: finite for tiny alpha (1e-4 and far below) where z underflows to 0. */
    public void gammaLog(long seed, Vec alpha, Vec rate, Vec logZ) {
        run(Kind.GAMMA_LOG, seed, 1, alpha, rate, logZ, null, null, "alpha", "rate");
    }

    /** log z of Gamma samples with d(log z)/dalpha and d(log z)/drate = -1/rate (either may be null). */
    public void gammaLogRsample(long seed, Vec alpha, Vec rate, Vec logZ, Vec dLogZdAlpha, Vec dLogZdRate) {
        run(Kind.GAMMA_LOG, seed, 1, alpha, rate, logZ, dLogZdAlpha, dLogZdRate, "alpha", "rate");
    }

    /** {@code n} Gamma(alpha, rate) samples. */
    public double[] gamma(long seed, double alpha, double rate, int n) {
        double[] z = new double[n];
        gamma(seed, Vec.scalar(alpha), Vec.scalar(rate), Vec.of(z));
        return z;
    }

    /** {@code n} values of log z, z ~ Gamma(alpha, rate). */
    public double[] gammaLog(long seed, double alpha, double rate, int n) {
        double[] z = new double[n];
        gammaLog(seed, Vec.scalar(alpha), Vec.scalar(rate), Vec.of(z));
        return z;
    }

    // ---------------------------------------------------------------- Beta(a, b)

    /** Beta(a, b) samples into {@code z}, correct for a, b much below 1. */
    public void beta(long seed, Vec a, Vec b, Vec z) {
        run(Kind.BETA, seed, 1, a, b, z, null, null, "a", "b");
    }

    /** Beta samples with dz/da and dz/db (either may be null). */
    public void betaRsample(long seed, Vec a, Vec b, Vec z, Vec gradA, Vec gradB) {
        run(Kind.BETA, seed, 1, a, b, z, gradA, gradB, "a", "b");
    }

    /** {@code n} Beta(a, b) samples. */
    public double[] beta(long seed, double a, double b, int n) {
        double[] z = new double[n];
        beta(seed, Vec.scalar(a), Vec.scalar(b), Vec.of(z));
        return z;
    }

    // ---------------------------------------------------------------- von Mises(kappa, loc)

    /** von Mises samples {@code z = loc + u}, u in [-pi, pi] (not wrapped around loc). */
    public void vonMises(long seed, Vec kappa, Vec loc, Vec z) {
        run(Kind.VONMISES, seed, 1, kappa, loc, z, null, null, "kappa", "loc");
    }

    /** von Mises samples with dz/dkappa (dz/dloc is 1). */
    public void vonMisesRsample(long seed, Vec kappa, Vec loc, Vec z, Vec gradKappa) {
        run(Kind.VONMISES, seed, 1, kappa, loc, z, gradKappa, null, "kappa", "loc");
    }

    /** {@code n} von Mises(kappa, loc) samples. */
    public double[] vonMises(long seed, double kappa, double loc, int n) {
        double[] z = new double[n];
        vonMises(seed, Vec.scalar(kappa), Vec.scalar(loc), Vec.of(z));
        return z;
    }

    // ---------------------------------------------------------------- Dirichlet(alpha_1..alpha_K)

    /**
     * Dirichlet rows of {@code k} components into {@code z} (row-major, {@code z.length()/k} rows).
     * {@code alpha}: {@code k} elements (one row for all rows), as many as {@code z} (one row each),
     * or a scalar (symmetric Dirichlet).
     */
    public void dirichlet(long seed, int k, Vec alpha, Vec z) {
        run(Kind.DIRICHLET, seed, k, alpha, null, z, null, null, "alpha", null);
    }

    /**
     * Dirichlet rows with {@code gradDiag} = dz_j/dalpha_j and {@code vjpFactor} =
     * {@code (dg_j/dalpha_j)/S}, the per-component factor of {@link #dirichletVjp} (either may be null).
     */
    public void dirichletRsample(long seed, int k, Vec alpha, Vec z, Vec gradDiag, Vec vjpFactor) {
        run(Kind.DIRICHLET, seed, k, alpha, null, z, gradDiag, vjpFactor, "alpha", null);
    }

    /** {@code rows} Dirichlet rows of the concentrations {@code alpha} (row-major). */
    public double[] dirichlet(long seed, double[] alpha, int rows) {
        double[] z = new double[Math.multiplyExact(rows, alpha.length)];
        dirichlet(seed, alpha.length, Vec.of(alpha), Vec.of(z));
        return z;
    }

    /**
     * The vector-Jacobian product of Dirichlet samples: from an upstream gradient {@code upstream} =
     * dL/dz (rows x k) into {@code out} = dL/dalpha (rows x k), in O(k) per row without forming the
     * Jacobian: {@code out_j = h_j (u_j - sum_i u_i z_i)} with {@code h = vjpFactor} from
     * {@link #dirichletRsample}. {@code out} may be {@code upstream}.
     */
    public static void dirichletVjp(int k, Vec z, Vec vjpFactor, Vec upstream, Vec out) {
        Objects.requireNonNull(z, "z");
        Objects.requireNonNull(vjpFactor, "vjpFactor");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(out, "out");
        checkK(k, z);
        long n = z.length();
        for (var e : List.of(java.util.Map.entry("vjpFactor", vjpFactor), java.util.Map.entry("upstream", upstream),
                java.util.Map.entry("out", out))) {
            Vec v = e.getValue();
            if (v.isScalar() || v.length() != n || v.precision() != z.precision()) {
                throw new IllegalArgumentException(e.getKey() + " must be an array of " + n + " " + z.precision()
                        + " elements like z, got " + v);
            }
        }
        for (long base = 0; base < n; base += k) {
            double dot = 0;
            for (int j = 0; j < k; j++) {
                dot += upstream.get(base + j) * z.get(base + j);
            }
            for (int j = 0; j < k; j++) {
                out.set(base + j, vjpFactor.get(base + j) * (upstream.get(base + j) - dot));
            }
        }
    }

    // ---------------------------------------------------------------- dispatch

    private static void checkK(int k, Vec z) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (z.isScalar()) {
            throw new IllegalArgumentException("z must be an array or segment, not a scalar");
        }
        if (z.length() % k != 0) {
            throw new IllegalArgumentException("z has " + z.length() + " elements, not a whole number of rows of k = " + k);
        }
    }

    private void run(Kind kind, long seed, int k, Vec p0, Vec p1, Vec out, Vec g0, Vec g1, String n0, String n1) {
        Objects.requireNonNull(p0, n0);
        Objects.requireNonNull(out, "z");
        if (n1 != null) {
            Objects.requireNonNull(p1, n1);
        }
        checkK(k, out);
        long len = out.length();
        long n = len / k;
        Precision pr = out.precision();
        if (kind == Kind.DIRICHLET) {
            if (!p0.isScalar() && p0.length() != k && p0.length() != len) {
                throw new IllegalArgumentException("alpha has " + p0.length() + " elements but must have k = " + k
                        + " (one row for all) or " + len + " (one row per row of z)");
            }
            if (!p0.isScalar() && p0.precision() != pr) {
                throw new IllegalArgumentException("alpha is " + p0.precision() + " but z is " + pr);
            }
        } else {
            check(n0, p0, len, pr);
            check(n1, p1, len, pr);
        }
        String gn0 = kind == Kind.DIRICHLET ? "gradDiag" : "grad0";
        String gn1 = kind == Kind.DIRICHLET ? "vjpFactor" : "grad1";
        if (g0 != null) {
            check(gn0, g0, len, pr);
            writable(gn0, g0);
        }
        if (g1 != null) {
            check(gn1, g1, len, pr);
            writable(gn1, g1);
        }
        writable("z", out);
        if (n == 0) {
            return;
        }
        Request req = new Request(kind, pr, seed, first, k, p0, p1, out, g0, g1, n);
        Choice c = select(req);
        if (c.backend() == Backend.CUDA) {
            c.kernels().sample(req);
        } else {
            runSplit(c.kernels(), req, irg.threads());
        }
    }

    /** The backend that serves a call and its kernels. */
    private record Choice(Backend backend, SamplerKernels kernels) {
    }

    /** The backend a sampling call of {@code kind} on {@code n} elements (rows) would run on. */
    public Backend backendFor(Kind kind, boolean withGrad, Precision precision, long n) {
        return select(new Request(kind, precision, 0, first, 1, Vec.scalar(1), Vec.scalar(1), null,
                withGrad ? Vec.scalar(0) : null, null, n)).backend();
    }

    private static void check(String name, Vec v, long n, Precision pr) {
        if (v.isScalar()) {
            return;
        }
        if (v.length() != n) {
            throw new IllegalArgumentException(name + " has " + v.length() + " elements but z has " + n);
        }
        if (v.precision() != pr) {
            throw new IllegalArgumentException(name + " is " + v.precision() + " but z is " + pr
                    + ": all arrays of one call have the same precision");
        }
    }

    private static void writable(String name, Vec v) {
        if (v.isScalar()) {
            throw new IllegalArgumentException(name + " must be an array or segment, not a scalar");
        }
        if (v.segment().isReadOnly()) {
            throw new IllegalArgumentException(name + " is a read-only segment");
        }
    }

    /**
     * The forced backend's samplers (an error when it has none for this request), or under AUTO
     * CUDA's for large calls, then SIMD's, then the scalar ones.
     */
    private Choice select(Request r) {
        Registry reg = Registry.get();
        if (irg.backend() != Backend.AUTO) {
            KernelProvider p = reg.provider(irg.backend());
            if (p == null) {
                throw new IllegalStateException("backend " + irg.backend().id() + " is unavailable: " + reg.info(irg.backend()).detail());
            }
            if (irg.backend() == Backend.SCALAR) {
                return new Choice(Backend.SCALAR, ScalarSamplers.INSTANCE);
            }
            SamplerKernels s = p.samplers();
            if (s == null || !s.supports(r.kind(), r.withGrad(), r.precision())) {
                throw new UnsupportedOperationException("backend " + irg.backend().id() + " has no " + r.kind()
                        + (r.withGrad() ? " rsample" : " sampler") + " in " + r.precision());
            }
            return new Choice(irg.backend(), s);
        }
        for (Backend b : new Backend[] {Backend.CUDA, Backend.SIMD}) {
            KernelProvider p = reg.provider(b);
            SamplerKernels s = p == null ? null : p.samplers();
            if (s != null && r.n() * r.k() >= p.autoThreshold() && s.supports(r.kind(), r.withGrad(), r.precision())) {
                return new Choice(b, s);
            }
        }
        return new Choice(Backend.SCALAR, ScalarSamplers.INSTANCE);
    }

    private static void runSplit(SamplerKernels kernels, Request r, int threads) {
        long perTask = Math.max(1, MIN_ELEMENTS_PER_TASK / r.k());
        CpuPool.forEachChunk(r.n(), perTask, threads,
                (from, count) -> kernels.sample(from == 0 && count == r.n() ? r : r.slice(from, count)));
    }
}
