package dev.irg.examples;

import dev.irg.examples.MfDevice.Buf;
import dev.irg.examples.MfDevice.Kernel;

/**
 * poisson-mf's training step on a device: everything stays there between steps (parameters, Adam's
 * moments, the counts, the samples, the ELBO trace); a step is 3 Dgemm calls, 2 launches of irg's Gamma
 * rsample kernel and 5 launches of the example's kernels, with no host round trip.
 *
 * <p>Layout (all float64; N rows, M columns, K components, n = (N + M) K):
 * <ul>
 * <li>x = [u_theta u_beta | v_theta v_beta] (2n), its gradient g, Adam's moments m1, m2 (2n each);
 * <li>ar = softplus(x) = [shapes | rates] (2n); z, dz/dalpha, dz/drate, dL/dz = [theta | beta] (n each);
 * theta is row-major N x K, i.e. the column-major K x N matrix cuBLAS sees, beta the K x M one;
 * <li>lw: the rates Lambda = theta beta^T, row-major N x M (column-major M x N), overwritten by
 * W = y/Lambda - 1; y: the counts, -1 where held out;
 * <li>per-block partial sums of the log-likelihood and the KL, and the ELBO trace.
 * </ul>
 * Same Philox streams as the CPU ({@link PoissonMfCpu}): the same seeds per step and elements 0, 1, ...,
 * so the two give the same curve within float tolerance.
 */
final class PoissonMfGpu implements PoissonMfEngine {
    private final MfDevice dev;
    private final PoissonMF.Data data;
    private final int rows, cols, k;
    private final long nTheta, n;
    private final double lr;
    private final Buf x, g, m1, m2, ar, z, dzda, dzdr, gz, lw, y, llPartial, klPartial, trace;
    private int likelihoodBlocks, chainBlocks;
    private int adamSteps;

    /** Allocates and uploads everything; on failure the device is closed (its buffers freed) and the error thrown. */
    PoissonMfGpu(MfDevice dev, PoissonMF.Data data, PoissonMF.Params init, int steps, double lr) {
        this.dev = dev;
        this.data = data;
        this.rows = data.rows();
        this.cols = data.cols();
        this.k = data.k();
        this.nTheta = (long) rows * k;
        this.n = nTheta + (long) cols * k;
        this.lr = lr;
        try {
            x = dev.doubles(2 * n);
            g = dev.doubles(2 * n);
            m1 = dev.doubles(2 * n);
            m2 = dev.doubles(2 * n);
            ar = dev.doubles(2 * n);
            z = dev.doubles(n);
            dzda = dev.doubles(n);
            dzdr = dev.doubles(n);
            gz = dev.doubles(n);
            lw = dev.doubles((long) rows * cols);
            y = dev.ints((long) rows * cols);
            llPartial = dev.doubles(dev.maxBlocks());
            klPartial = dev.doubles(dev.maxBlocks());
            trace = dev.doubles(Math.max(1, steps));
            dev.upload(pack(init), x);
            dev.upload(new double[(int) (2 * n)], m1);
            dev.upload(new double[(int) (2 * n)], m2);
            int[] yy = new int[rows * cols];
            for (int e = 0; e < yy.length; e++) {
                yy[e] = data.heldOut()[e] ? -1 : data.y()[e];
            }
            dev.upload(yy, y);
        } catch (RuntimeException e) {
            dev.close();
            throw e;
        }
    }

    /** x = [u_theta u_beta | v_theta v_beta]. */
    static double[] pack(PoissonMF.Params p) {
        int nt = p.uTheta.length, nb = p.uBeta.length, nn = nt + nb;
        double[] r = new double[2 * nn];
        System.arraycopy(p.uTheta, 0, r, 0, nt);
        System.arraycopy(p.uBeta, 0, r, nt, nb);
        System.arraycopy(p.vTheta, 0, r, nn, nt);
        System.arraycopy(p.vBeta, 0, r, nn + nt, nb);
        return r;
    }

    @Override
    public String description() {
        return dev.description();
    }

    @Override
    public String samplerDescription() {
        return "cuda (irg_sample_GAMMA_f64, device-resident)";
    }

    @Override
    public void sample(long seedTheta, long seedBeta) {
        dev.launch(Kernel.SOFTPLUS, dev.blocks(2 * n), 2 * n, x, ar, Softplus.LINEAR_ABOVE);
        long nBeta = n - nTheta;
        dev.gammaRsample(nTheta, seedTheta, dev.slice(ar, 0, nTheta), dev.slice(ar, n, nTheta), dev.slice(z, 0, nTheta),
                dev.slice(dzda, 0, nTheta), dev.slice(dzdr, 0, nTheta));
        dev.gammaRsample(nBeta, seedBeta, dev.slice(ar, nTheta, nBeta), dev.slice(ar, n + nTheta, nBeta),
                dev.slice(z, nTheta, nBeta), dev.slice(dzda, nTheta, nBeta), dev.slice(dzdr, nTheta, nBeta));
    }

    @Override
    public void elboAndGradient(int step) {
        Buf theta = dev.slice(z, 0, nTheta), beta = dev.slice(z, nTheta, n - nTheta);
        // Lambda (column-major M x N) = beta^T theta: Lambda[j + i M] = sum_c beta[j K + c] theta[i K + c]
        dev.dgemm(true, false, cols, rows, k, beta, k, theta, k, lw, cols);
        long entries = (long) rows * cols;
        likelihoodBlocks = dev.blocks(entries);
        dev.launch(Kernel.LIKELIHOOD, likelihoodBlocks, entries, lw, y, PoissonMF.MIN_RATE, llPartial);
        // dL/dtheta (column-major K x N) = beta W: [c + i K] = sum_j beta[j K + c] W[j + i M]
        dev.dgemm(false, false, k, rows, cols, beta, k, lw, cols, dev.slice(gz, 0, nTheta), k);
        // dL/dbeta (column-major K x M) = theta W^T: [c + j K] = sum_i theta[i K + c] W[j + i M]
        dev.dgemm(false, true, k, cols, rows, theta, k, lw, cols, dev.slice(gz, nTheta, n - nTheta), k);
        chainBlocks = dev.blocks(n);
        dev.launch(Kernel.CHAIN, chainBlocks, n, x, gz, dzda, dzdr, g, PoissonMF.A0, PoissonMF.B0, Softplus.LINEAR_ABOVE,
                klPartial);
        dev.launch(Kernel.ELBO, 1, likelihoodBlocks, llPartial, chainBlocks, klPartial, data.logYFactorialSum(),
                (double) data.trainCount(), trace, step);
    }

    @Override
    public void adam(int t) {
        if (t != ++adamSteps) {
            throw new IllegalStateException("Adam step " + t + " after " + (adamSteps - 1) + " steps");
        }
        double c1 = 1 - Math.pow(Adam.BETA1, t);
        double c2 = 1 - Math.pow(Adam.BETA2_DEFAULT, t);
        dev.launch(Kernel.ADAM, dev.blocks(2 * n), 2 * n, x, g, m1, m2, lr, Adam.BETA1, Adam.BETA2_DEFAULT, Adam.EPS, c1, c2);
    }

    @Override
    public void sync() {
        dev.sync();
    }

    @Override
    public double[] elbo(int count) {
        double[] all = new double[(int) trace.length()];
        dev.download(trace, all);
        return java.util.Arrays.copyOf(all, count);
    }

    @Override
    public PoissonMF.Params params() {
        double[] all = new double[(int) (2 * n)];
        dev.download(x, all);
        PoissonMF.Params p = new PoissonMF.Params(rows, cols, k);
        int nt = (int) nTheta, nb = (int) (n - nTheta), nn = (int) n;
        System.arraycopy(all, 0, p.uTheta, 0, nt);
        System.arraycopy(all, nt, p.uBeta, 0, nb);
        System.arraycopy(all, nn, p.vTheta, 0, nt);
        System.arraycopy(all, nn + nt, p.vBeta, 0, nb);
        return p;
    }

    @Override
    public void close() {
        dev.close();
    }
}
