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
