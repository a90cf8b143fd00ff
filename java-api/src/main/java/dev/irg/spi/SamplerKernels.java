package dev.irg.spi;

import dev.irg.Precision;
import dev.irg.Vec;

/**
 * Sampling kernels of a backend (optional: {@link KernelProvider#samplers()} returns null when a
 * backend has none, and {@link dev.irg.Sampling} then runs the scalar ones). Implementations must
 * reproduce the scalar backend's samples bit for bit in float64 (same Philox4x32-10 counter layout,
 * same algorithms and operation order; docs/sampling.md), and are thread-safe. A backend whose
 * elementary functions are not {@code java.lang.Math}'s (CUDA's libm) reproduces them up to those
 * functions' last-bit differences, and documents how often (docs/sampling.md, "Backends").
 *
 * <p>Per {@link Kind}, a {@link Request}'s operands are:
 * <ul>
 *   <li>{@code GAMMA}: p0 = alpha, p1 = rate; out = z; grad0 = dz/dalpha; grad1 = dz/drate.</li>
 *   <li>{@code GAMMA_LOG}: as GAMMA, out = log z; grad0 = d log z/dalpha; grad1 = d log z/drate = -1/rate.</li>
 *   <li>{@code BETA}: p0 = a, p1 = b; out = z; grad0 = dz/da; grad1 = dz/db.</li>
 *   <li>{@code VONMISES}: p0 = kappa, p1 = loc; out = z = loc + u, u in [-pi, pi]; grad0 = dz/dkappa; grad1 unused (null).</li>
 *   <li>{@code DIRICHLET}: {@code n} rows of {@code k} components; p0 = alpha with {@code k} elements
 *       (one row for all) or {@code n k} (row-major), or a scalar (symmetric); p1 unused (null);
 *       out = z ({@code n k}); grad0 = dz_j/dalpha_j; grad1 = the VJP factor
 *       {@code (dg_j/dalpha_j)/S} (see {@link dev.irg.Sampling#dirichletVjp}).</li>
 * </ul>
 * grad0 and grad1 are null when not asked for ({@link Request#withGrad()} is false when both are).
 * Element {@code i} of the call (row {@code i} for Dirichlet) is element {@code first + i} for the
 * counters, so a backend may split a request with {@link Request#slice} and get the same samples.
 */
public interface SamplerKernels {

    /** The families a request can sample. */
    enum Kind { GAMMA, GAMMA_LOG, BETA, VONMISES, DIRICHLET }

    /**
     * One validated sampling call: shapes and precisions were checked by the API. {@code n} counts
     * elements, or rows for {@link Kind#DIRICHLET} (each of {@code k} components; {@code k = 1}
     * otherwise).
     */
    record Request(Kind kind, Precision precision, long seed, long first, int k,
                   Vec p0, Vec p1, Vec out, Vec grad0, Vec grad1, long n) {

        /** Whether any gradient is asked for (an rsample). */
        public boolean withGrad() {
            return grad0 != null || grad1 != null;
        }

        /** Whether p0 holds one row of {@code k} concentrations shared by every row (Dirichlet only). */
        public boolean p0IsSharedRow() {
            return kind == Kind.DIRICHLET && !p0.isScalar() && p0.length() == k && n != 1;
        }

        /** Elements (rows for Dirichlet) {@code from .. from+count-1} as a request of their own. */
        public Request slice(long from, long count) {
            long w = k;
            Vec q0 = p0IsSharedRow() ? p0 : cut(p0, from * w, count * w);
            return new Request(kind, precision, seed, first + from, k, q0, cut(p1, from, count),
                    cut(out, from * w, count * w), cut(grad0, from * w, count * w), cut(grad1, from * w, count * w), count);
        }

        private static Vec cut(Vec v, long from, long count) {
            return v == null ? null : v.slice(from, count);
        }
    }

    /** Whether {@link #sample} handles {@code kind} (with gradients when {@code withGrad}) in {@code precision}. */
    boolean supports(Kind kind, boolean withGrad, Precision precision);

    /**
     * Writes every element of {@code out} (and of grad0/grad1 when not null). Invalid parameters give
     * NaN in their slot (a whole NaN row for Dirichlet); nothing throws for element values.
     */
    void sample(Request request);
}
