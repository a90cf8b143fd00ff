// Common definitions for the irg CUDA math headers.
//
// The math lives in headers whose functions are marked IRG_HD. Under nvcc they are
// __host__ __device__ functions; under a plain C++ compiler (the host-compiled tests, see
// kernels-cuda/src/test/cpp/irg_host_eval.cpp) the CUDA keywords are defined away, so the very same
// code is compiled for the CPU and checked against the golden tables and the Java reference on
// every CI run, without a GPU.
#pragma once

#include <math.h>
#include <stdint.h>

#if defined(__CUDACC__)
#define IRG_HD __host__ __device__ __forceinline__
// Large functions called from several places (the Beta regions, log Gamma and friends) are compiled
// once and called: inlining them everywhere made 33 MB of PTX and 11 minutes of nvcc.
#define IRG_HD_CALL __host__ __device__ __noinline__
#else
#define IRG_HD_CALL inline
#define IRG_HD inline
#define __host__
#define __device__
#define __global__
#define __constant__
#define __forceinline__ inline
#endif

// Coefficient tables (generated into irg_constants.cuh from the Java *Constants classes).
// On the device they live in constant memory (every thread of a warp reads the same index of a
// series table in the same step, which is what the constant cache serves best); the host pass of
// nvcc and the host-compiled tests read an ordinary array with the same contents.
#if defined(__CUDACC__)
#define IRG_TABLE(T, NAME, N, ...)                      \
    __constant__ T NAME##_D[N] = __VA_ARGS__;           \
    static const T NAME##_H[N] = __VA_ARGS__;
#if defined(__CUDA_ARCH__)
#define IRG_TAB(NS, NAME) (NS::NAME##_D)
#else
#define IRG_TAB(NS, NAME) (NS::NAME##_H)
#endif
#else
#define IRG_TABLE(T, NAME, N, ...) static const T NAME##_H[N] = __VA_ARGS__;
#define IRG_TAB(NS, NAME) (NS::NAME##_H)
#endif

namespace irg {

/** pi, as Java's Math.PI (0x1.921fb54442d18p1). */
static constexpr double PI = 0x1.921fb54442d18p+1;

/** Java's Double.MIN_NORMAL, the smallest normal double (2^-1022). */
static constexpr double MIN_NORMAL = 0x1p-1022;

/** A quiet NaN: the value of every out-of-domain element. */
IRG_HD double nan_value() { return __builtin_nan(""); }

/** +infinity. */
IRG_HD double inf_value() { return __builtin_huge_val(); }

/** x is neither NaN nor infinite. */
IRG_HD bool finite(double x) { return x - x == 0.0; }

} // namespace irg
