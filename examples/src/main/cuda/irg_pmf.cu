// extern "C" kernels of the poisson-mf example's device-resident training step (dev.irg.examples.
// PoissonMfGpu). The dense products are cuBLAS Dgemm calls and the samples irg's own
// irg_sample_GAMMA_f64 kernel (kernels-cuda); these kernels do the elementwise rest. Grid-stride
// loops, blocks of PMF_BLOCK threads (= CudaDevice.BLOCK); the sums (log-likelihood, KL) are
// reduced per block into partial[blockIdx.x] and summed in a fixed order by pmf_elbo, so a run is
// deterministic. The element math is in irg_pmf.cuh.
//
// Compiled for the host too (PoissonMfHostKernelsTest: g++, one block of one thread, the CUDA
// keywords defined away), so the whole GPU step runs on the CPU in the tests.
#include "irg_pmf.cuh"

#define PMF_BLOCK 256

#define PMF_LOOP(i, n)                                                             \
    for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < (n); \
         i += (long long)blockDim.x * gridDim.x)

/** Sum of every thread's value of the block into partial[blockIdx.x] (blockDim.x a power of two). */
__device__ __forceinline__ void pmf_block_sum(double mine, double* partial) {
    __shared__ double s[PMF_BLOCK];
    s[threadIdx.x] = mine;
    __syncthreads();
    for (unsigned int w = blockDim.x / 2; w > 0; w >>= 1) {
        if (threadIdx.x < w) {
            s[threadIdx.x] += s[threadIdx.x + w];
        }
        __syncthreads();
    }
    if (threadIdx.x == 0) {
        partial[blockIdx.x] = s[0];
    }
}

/** out[i] = softplus(x[i]), i < n: the Gamma shapes and rates from the unconstrained parameters. */
extern "C" __global__ void pmf_softplus(long long n, const double* x, double* out, double linearAbove) {
    PMF_LOOP(i, n) { out[i] = pmf::softplus(x[i], linearAbove); }
}

/**
 * In place over the rates lambda (n = rows x cols, row-major): lw[e] becomes W = y/rate - 1 (0 where
 * y[e] < 0, held out); the log-likelihood of the training entries is summed into partial[block].
 */
extern "C" __global__ void pmf_likelihood(long long n, double* lw, const int* y, double minRate, double* partial) {
    double sum = 0;
    PMF_LOOP(e, n) {
        pmf::Lik l = pmf::likelihood(lw[e], y[e], minRate);
        sum += l.ll;
        lw[e] = l.w;
    }
    pmf_block_sum(sum, partial);
}

/**
 * x = [u | v] and g = [du | dv] (2n each), gz = dL/dz, dzda, dzdr (n each): the chain rule through the
 * samples, the softplus and the exact KLs; the KL terms are summed into partial[block].
 */
extern "C" __global__ void pmf_chain(long long n, const double* x, const double* gz, const double* dzda,
                                     const double* dzdr, double* g, double a0, double b0, double linearAbove,
                                     double* partial) {
    double sum = 0;
    PMF_LOOP(i, n) {
        pmf::Chain c = pmf::chain(x[i], x[n + i], gz[i], dzda[i], dzdr[i], a0, b0, linearAbove);
        g[i] = c.gu;
        g[n + i] = c.gv;
        sum += c.kl;
    }
    pmf_block_sum(sum, partial);
}

/**
 * One thread: elbo[step] = (sum of llPartial - sum of klPartial - logYFactorialSum) / nTrain, the
 * partial sums added in index order (the same order on every run).
 */
extern "C" __global__ void pmf_elbo(int nll, const double* llPartial, int nkl, const double* klPartial,
                                    double logYFactorialSum, double nTrain, double* elbo, int step) {
    if (blockIdx.x == 0 && threadIdx.x == 0) {
        double ll = 0, kl = 0;
        for (int b = 0; b < nll; b++) ll += llPartial[b];
        for (int b = 0; b < nkl; b++) kl += klPartial[b];
        elbo[step] = (ll - kl - logYFactorialSum) / nTrain;
    }
}

/** Adam ascent on x (n parameters) with gradient g and moments m, v; c1, c2 the bias corrections. */
extern "C" __global__ void pmf_adam(long long n, double* x, const double* g, double* m, double* v, double lr,
                                    double beta1, double beta2, double eps, double c1, double c2) {
    PMF_LOOP(i, n) { pmf::adam(&x[i], &m[i], &v[i], g[i], lr, beta1, beta2, eps, c1, c2); }
}
