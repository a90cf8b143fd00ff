// The poisson-mf example's CUDA kernels (examples/src/main/cuda/irg_pmf.cu) and irg's sampling
// kernels (kernels-cuda/src/main/cuda/irg_kernels.cu), compiled for the CPU by a plain C++ compiler
// into a shared library that the tests call through the FFM API (HostMfDevice): the GPU engine
// PoissonMfGpu then runs its whole training step on the host, with the very kernel code the GPU runs.
//
// Every kernel runs as one block of one thread: its grid-stride loop visits every element, and the
// block reduction of irg_pmf.cu leaves the thread's own sum in partial[0].
struct irg_host_dim3 {
    unsigned int x;
};
static const irg_host_dim3 threadIdx = {0};
static const irg_host_dim3 blockIdx = {0};
static const irg_host_dim3 blockDim = {1};
static const irg_host_dim3 gridDim = {1};
static inline void __syncthreads() {}
#define __shared__

#include "irg_kernels.cu"
#include "irg_pmf.cu"
