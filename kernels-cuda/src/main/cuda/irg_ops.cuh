// The operations that have CUDA kernels: one X-macro list, used by irg_kernels.cu (one kernel per
// operation and precision) and by the host-compiled test program (irg_host_eval.cpp).
// An operation is listed here only when its math is ported from the Java reference and verified
// on the host against the golden tables and dev.irg.math.Reference.
//
// X(OP, fn): OP is the dev.irg.Op constant, fn(p0, p1, x) the float64 element function.
#pragma once
#include "irg_gamma.cuh"
#include "irg_special.cuh"
#include "irg_vonmises.cuh"
#include "irg_beta.cuh"

#define IRG_FOR_EACH_OP(X) \
    X(GAMMA_CDF, irg::gamma_cdf)                              \
    X(GAMMA_DCDF_DALPHA, irg::gamma_dcdf_dalpha)              \
    X(GAMMA_GRAD_ALPHA, irg::gamma_grad_alpha)                \
    X(GAMMA_GRAD_RATE, irg::gamma_grad_rate)                  \
    X(BETA_CDF, irg::beta_cdf)                                \
    X(BETA_DCDF_DA, irg::beta_dcdf_da)                        \
    X(BETA_DCDF_DB, irg::beta_dcdf_db)                        \
    X(BETA_GRAD_A, irg::beta_grad_a)                          \
    X(BETA_GRAD_B, irg::beta_grad_b)                          \
    X(VONMISES_CDF, irg::vonmises_cdf)                        \
    X(VONMISES_DCDF_DKAPPA, irg::vonmises_dcdf_dkappa)        \
    X(VONMISES_GRAD_KAPPA, irg::vonmises_grad_kappa)
