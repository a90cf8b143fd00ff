// extern "C" kernels: one per operation (irg_ops.cuh) and precision, named irg_<OP>_<f64|f32>
// with <OP> the dev.irg.Op constant name, e.g. irg_GAMMA_GRAD_ALPHA_f32.
//
// Signature (all kernels):
//   (long long n, const T* p0, double p0s, const T* p1, double p1s, const T* x, T* out)
// p0/p1 == nullptr means the parameter is the broadcast scalar p0s/p1s (kept in double, as the
// scalar reference sees it). Grid-stride loop; every out[i], i < n, is written exactly once.
//
// float32 kernels load floats, evaluate the float64 math and round once on store: the same
// contract as the scalar reference's float32 path, and on the H100/H200 class of GPU (FP64 at half
// the FP32 rate) these memory-bound kernels lose little to it (see docs/cuda.md).
#include "irg_ops.cuh"

template <typename T, double (*F)(double, double, double)>
__device__ __forceinline__ void irg_grid_loop(long long n, const T* __restrict__ p0, double p0s,
                                              const T* __restrict__ p1, double p1s,
                                              const T* __restrict__ x, T* __restrict__ out) {
    long long stride = (long long)blockDim.x * gridDim.x;
    for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
        double a = p0 ? (double)p0[i] : p0s;
        double b = p1 ? (double)p1[i] : p1s;
        out[i] = (T)F(a, b, (double)x[i]);
    }
}

#define IRG_KERNELS(OP, FN)                                                                           \
    extern "C" __global__ void irg_##OP##_f64(long long n, const double* p0, double p0s,              \
                                              const double* p1, double p1s, const double* x,          \
                                              double* out) {                                          \
        irg_grid_loop<double, FN>(n, p0, p0s, p1, p1s, x, out);                                       \
    }                                                                                                 \
    extern "C" __global__ void irg_##OP##_f32(long long n, const float* p0, double p0s,               \
                                              const float* p1, double p1s, const float* x,            \
                                              float* out) {                                           \
        irg_grid_loop<float, FN>(n, p0, p0s, p1, p1s, x, out);                                        \
    }

IRG_FOR_EACH_OP(IRG_KERNELS)

// ---- Pairs (Irg.evaluatePair): two operations of one evaluation, irg_PAIR_<NAME>_<f64|f32>:
//   (long long n, const T* p0, double p0s, const T* p1, double p1s, const T* x, T* out0, T* out1)
// BETA_GRAD: out0 = dz/da, out1 = dz/db; BETA_DCDF: out0 = dI/da, out1 = dI/db (irg_beta.cuh's *_pair: one
// betaEvaluate per element, where the single kernels run one each). Same grid-stride loop and rounding as above.
template <typename T, void (*F)(double, double, double, double&, double&)>
__device__ __forceinline__ void irg_pair_loop(long long n, const T* __restrict__ p0, double p0s,
                                              const T* __restrict__ p1, double p1s, const T* __restrict__ x,
                                              T* __restrict__ out0, T* __restrict__ out1) {
    long long stride = (long long)blockDim.x * gridDim.x;
    for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
        double a = p0 ? (double)p0[i] : p0s;
        double b = p1 ? (double)p1[i] : p1s;
        double v0, v1;
        F(a, b, (double)x[i], v0, v1);
        out0[i] = (T)v0;
        out1[i] = (T)v1;
    }
}

#define IRG_PAIR_KERNELS(NAME, FN)                                                                    \
    extern "C" __global__ void irg_PAIR_##NAME##_f64(long long n, const double* p0, double p0s,       \
                                                     const double* p1, double p1s, const double* x,   \
                                                     double* out0, double* out1) {                    \
        irg_pair_loop<double, FN>(n, p0, p0s, p1, p1s, x, out0, out1);                                \
    }                                                                                                 \
    extern "C" __global__ void irg_PAIR_##NAME##_f32(long long n, const float* p0, double p0s,        \
                                                     const float* p1, double p1s, const float* x,     \
                                                     float* out0, float* out1) {                      \
        irg_pair_loop<float, FN>(n, p0, p0s, p1, p1s, x, out0, out1);                                 \
    }

IRG_PAIR_KERNELS(BETA_GRAD, irg::beta_grad_pair)
IRG_PAIR_KERNELS(BETA_DCDF, irg::beta_dcdf_pair)

// ---- Sampling kernels (irg_sampling.cuh): irg_sample_<KIND>_<f64|f32>, KIND a
// dev.irg.spi.SamplerKernels.Kind (GAMMA, GAMMA_LOG, BETA, VONMISES), one element per thread:
//   (long long n, long long seed, long long first, const T* p0, double p0s, const T* p1, double p1s,
//    T* out, T* g0, T* g1)
// element i uses the Philox counters of element first + i; g0/g1 == nullptr: that gradient is not
// wanted (no gradient at all when both are null: a plain sample call).
#include "irg_sampling.cuh"

template <typename T, irg::SampleOut (*F)(long long, long long, double, double, bool, bool)>
__device__ __forceinline__ void irg_sample_loop(long long n, long long seed, long long first, const T* __restrict__ p0,
                                                double p0s, const T* __restrict__ p1, double p1s, T* __restrict__ out,
                                                T* __restrict__ g0, T* __restrict__ g1) {
    long long stride = (long long)blockDim.x * gridDim.x;
    bool grad = g0 != nullptr || g1 != nullptr;
    for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
        double a = p0 ? (double)p0[i] : p0s;
        double b = p1 ? (double)p1[i] : p1s;
        irg::SampleOut r = F(seed, first + i, a, b, sizeof(T) == sizeof(float), grad);
        out[i] = (T)r.z;
        if (g0) g0[i] = (T)r.g0;
        if (g1) g1[i] = (T)r.g1;
    }
}

#define IRG_SAMPLE_KERNELS(KIND, FN)                                                                            \
    extern "C" __global__ void irg_sample_##KIND##_f64(long long n, long long seed, long long first,            \
                                                       const double* p0, double p0s, const double* p1,          \
                                                       double p1s, double* out, double* g0, double* g1) {       \
        irg_sample_loop<double, FN>(n, seed, first, p0, p0s, p1, p1s, out, g0, g1);                            \
    }                                                                                                           \
    extern "C" __global__ void irg_sample_##KIND##_f32(long long n, long long seed, long long first,            \
                                                       const float* p0, double p0s, const float* p1, double p1s, \
                                                       float* out, float* g0, float* g1) {                      \
        irg_sample_loop<float, FN>(n, seed, first, p0, p0s, p1, p1s, out, g0, g1);                             \
    }

IRG_SAMPLE_KERNELS(GAMMA, irg::gammaElement)
IRG_SAMPLE_KERNELS(GAMMA_LOG, irg::gammaLogElement)
IRG_SAMPLE_KERNELS(BETA, irg::betaElement)
IRG_SAMPLE_KERNELS(VONMISES, irg::vonMisesElement)

// Dirichlet: one row of k components per thread.
//   (long long rows, int k, long long seed, long long first, const T* alpha, double alphas,
//    int alphaRow, double* scratch, T* out, T* g0, T* g1)
// alpha == nullptr: every concentration is alphas; alphaRow != 0: alpha holds one row of k shared by
// all rows; else rows*k concentrations. scratch: 5*k doubles per row (alpha, log g, z, diag, h).
template <typename T>
__device__ __forceinline__ void irg_dirichlet_loop(long long rows, int k, long long seed, long long first,
                                                   const T* __restrict__ alpha, double alphas, int alphaRow,
                                                   double* __restrict__ scratch, T* __restrict__ out,
                                                   T* __restrict__ g0, T* __restrict__ g1) {
    long long stride = (long long)blockDim.x * gridDim.x;
    bool grad = g0 != nullptr || g1 != nullptr;
    for (long long r = (long long)blockIdx.x * blockDim.x + threadIdx.x; r < rows; r += stride) {
        double* a = scratch + r * 5 * (long long)k;
        double *logG = a + k, *z = a + 2 * k, *diag = a + 3 * k, *h = a + 4 * k;
        long long base = r * k;
        for (int j = 0; j < k; j++) {
            a[j] = alpha == nullptr ? alphas : (double)alpha[alphaRow ? j : base + j];
        }
        irg::dirichletRow(seed, first + r, k, a, logG, z, grad, diag, h);
        for (int j = 0; j < k; j++) {
            out[base + j] = (T)z[j];
            if (g0) g0[base + j] = (T)diag[j];
            if (g1) g1[base + j] = (T)h[j];
        }
    }
}

extern "C" __global__ void irg_sample_DIRICHLET_f64(long long rows, int k, long long seed, long long first,
                                                    const double* alpha, double alphas, int alphaRow, double* scratch,
                                                    double* out, double* g0, double* g1) {
    irg_dirichlet_loop<double>(rows, k, seed, first, alpha, alphas, alphaRow, scratch, out, g0, g1);
}
extern "C" __global__ void irg_sample_DIRICHLET_f32(long long rows, int k, long long seed, long long first,
                                                    const float* alpha, double alphas, int alphaRow, double* scratch,
                                                    float* out, float* g0, float* g1) {
    irg_dirichlet_loop<float>(rows, k, seed, first, alpha, alphas, alphaRow, scratch, out, g0, g1);
}
