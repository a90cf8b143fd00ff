// The poisson-mf example's CUDA kernels (examples/src/main/cuda/irg_pmf.cu) and irg's sampling
// kernels (kernels-cuda/src/main/cuda/irg_kernels.cu), compiled for the CPU by a plain C++ compiler
// into a shared library that the tests call through the FFM API (HostMfDevice): the GPU engine
// PoissonMfGpu then runs its whole training step on the host, with the very kernel code the GPU runs.
//
// Two builds:
// - default: every kernel runs as one block of one thread; its grid-stride loop visits every element,
//   and the block reduction of irg_pmf.cu leaves the thread's own sum in partial[0];
// - PMF_HOST_THREADS (C++20): a launch runs its blocks one after the other, each as blockDim.x real
//   threads with their own threadIdx and a barrier for __syncthreads() (__shared__ arrays are static:
//   one block at a time uses them), so grid-stride loops over several blocks and the shared-memory
//   tree reductions run as on a GPU. The launch configuration is set by pmf_host_config(grid, block)
//   and every kernel K is called through the function pointer exported as mt_K.
#if defined(PMF_HOST_THREADS)
#include <barrier>
#include <thread>
#include <vector>
struct irg_host_dim3 {
    unsigned int x;
};
static thread_local irg_host_dim3 threadIdx = {0};
static thread_local irg_host_dim3 blockIdx = {0};
static irg_host_dim3 blockDim = {1};
static irg_host_dim3 gridDim = {1};
static std::barrier<>* pmf_host_barrier = nullptr;
static inline void __syncthreads() { pmf_host_barrier->arrive_and_wait(); }
#define __shared__ static
#else
struct irg_host_dim3 {
    unsigned int x;
};
static const irg_host_dim3 threadIdx = {0};
static const irg_host_dim3 blockIdx = {0};
static const irg_host_dim3 blockDim = {1};
static const irg_host_dim3 gridDim = {1};
static inline void __syncthreads() {}
#define __shared__
#endif

#include "irg_kernels.cu"
#include "irg_pmf.cu"

#if defined(PMF_HOST_THREADS)
/** The grid and block size of the following launches. */
extern "C" void pmf_host_config(int grid, int block) {
    gridDim.x = (unsigned int)grid;
    blockDim.x = (unsigned int)block;
}

template <typename... A>
static void pmf_host_run(void (*kernel)(A...), A... args) {
    for (unsigned int b = 0; b < gridDim.x; b++) {
        std::barrier<> bar(blockDim.x);
        pmf_host_barrier = &bar;
        std::vector<std::thread> threads;
        for (unsigned int t = 0; t < blockDim.x; t++) {
            threads.emplace_back([=] {
                threadIdx.x = t;
                blockIdx.x = b;
                kernel(args...);
            });
        }
        for (std::thread& th : threads) th.join();
    }
    pmf_host_barrier = nullptr;
}

template <typename F>
struct PmfHostLaunch;
template <typename... A>
struct PmfHostLaunch<void(A...)> {
    template <void (*K)(A...)>
    static void call(A... args) { pmf_host_run<A...>(K, args...); }
};

#define PMF_HOST_EXPORT(K) \
    extern "C" { void* mt_##K = reinterpret_cast<void*>(&PmfHostLaunch<decltype(K)>::call<K>); }
PMF_HOST_EXPORT(pmf_softplus)
PMF_HOST_EXPORT(pmf_likelihood)
PMF_HOST_EXPORT(pmf_chain)
PMF_HOST_EXPORT(pmf_elbo)
PMF_HOST_EXPORT(pmf_adam)
PMF_HOST_EXPORT(irg_sample_GAMMA_f64)
#endif
