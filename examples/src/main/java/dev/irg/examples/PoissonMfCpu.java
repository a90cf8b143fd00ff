package dev.irg.examples;

import dev.irg.Precision;
import dev.irg.Sampling;
import dev.irg.spi.SamplerKernels;

/** poisson-mf's training step on the CPU: Java loops for the products and the update, {@link Sampling} for the samples. */
final class PoissonMfCpu implements PoissonMfEngine {
    private final Sampling sampling;
    private final PoissonMF.Data data;
    private final PoissonMF.Params p;
    private final PoissonMF.Params g;
    private final Adam adam;
    private final double[] trace;
    private final int threads;
    private PoissonMF.Draw draw;
    private int adamSteps;

    PoissonMfCpu(Sampling sampling, int threads, PoissonMF.Data data, PoissonMF.Params init, int steps, double lr) {
        this.sampling = sampling;
        this.threads = threads;
        this.data = data;
        this.p = init.copy();
        this.g = new PoissonMF.Params(data.rows(), data.cols(), data.k());
        this.adam = new Adam(lr, p.all());
        this.trace = new double[steps];
    }

    @Override
    public String description() {
        return "CPU, Java, " + threads + " threads";
    }

    @Override
    public String samplerDescription() {
        return sampling.backendFor(SamplerKernels.Kind.GAMMA, true, Precision.F64, (long) data.k() * data.rows()).id();
    }

    @Override
    public void sample(long seedTheta, long seedBeta) {
        draw = PoissonMF.draw(sampling, p, seedTheta, seedBeta);
    }

    @Override
    public void elboAndGradient(int step) {
        trace[step] = PoissonMF.elbo(data, p, draw, g) / data.trainCount();
    }

    @Override
    public void adam(int t) {
        if (t != ++adamSteps) {
            throw new IllegalStateException("Adam step " + t + " after " + (adamSteps - 1) + " steps");
        }
        adam.step(p.all(), g.all());
    }

    @Override
    public void sync() {
        // every operation has finished when it returns
    }

    @Override
    public double[] elbo(int n) {
        return java.util.Arrays.copyOf(trace, n);
    }

    @Override
    public PoissonMF.Params params() {
        return p.copy();
    }

    @Override
    public void close() {
        // nothing held
    }
}
