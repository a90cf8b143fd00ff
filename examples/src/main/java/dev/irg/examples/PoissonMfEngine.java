package dev.irg.examples;

/**
 * Where poisson-mf's training step runs: the one small interface behind which the CPU
 * ({@link PoissonMfCpu}, plain Java) and the GPU ({@link PoissonMfGpu}: cuBLAS, irg's device-resident
 * rsample and the example's CUDA kernels) do the same sequence of operations,
 * {@link PoissonMF#step}: sample, ELBO and gradient, Adam. The training loop, the seeds, the held-out
 * evaluation and the report are shared.
 *
 * <p>A GPU engine only enqueues work: {@link #sync()}, {@link #elbo(int)} and {@link #params()} are
 * its only host round trips, and the training loop calls them only at evaluation points.
 */
interface PoissonMfEngine extends AutoCloseable {
    /** One line for the report: where the products and the update run. */
    String description();

    /** One line for the report: who draws the Gamma samples and their implicit gradients. */
    String samplerDescription();

    /**
     * Draws one joint sample of theta and beta at the current parameters (shapes softplus(u), rates
     * softplus(v)) with their implicit gradients dz/dalpha and dz/drate, from the Philox streams
     * {@code seedTheta} and {@code seedBeta} (elements 0, 1, ... of each).
     */
    void sample(long seedTheta, long seedBeta);

    /**
     * The single-sample ELBO per training entry at the current parameters and sample, stored as entry
     * {@code step} of the trace, and its gradient with respect to the unconstrained parameters.
     */
    void elboAndGradient(int step);

    /** Adam ascent step number {@code t} (1, 2, ...) with the last gradient. */
    void adam(int t);

    /** Waits until every enqueued operation has finished (nothing to wait for on the CPU). */
    void sync();

    /** The ELBO per training entry of steps 0 .. n-1. */
    double[] elbo(int n);

    /** A copy of the current variational parameters on the host. */
    PoissonMF.Params params();

    /** Frees what the engine holds (device memory). */
    @Override
    void close();
}
