// The elementwise math of one SVI step of the poisson-mf example on the GPU: softplus, the Poisson
// log-likelihood and its weight W = y/rate - 1, the Gamma KL to the prior with its exact derivatives,
// the chain rule to the unconstrained parameters, and Adam. A line-by-line port of the Java CPU step
// (dev.irg.examples.PoissonMF, Softplus, Adam), in the same order of operations; digamma, trigamma and
// log Gamma are irg's own device port of dev.irg.math.GammaFunctions (kernels-cuda, irg_special.cuh).
// Every model constant (prior shape and rate, rate floor, softplus threshold, Adam's betas) comes in as
// a kernel argument from the Java constants, so there is one copy of each.
//
// IRG_HD functions: compiled for the device by nvcc and for the CPU by g++ (PoissonMfHostKernelsTest),
// which checks them against the Java CPU implementation on every CI run, without a GPU.
#pragma once
#include "irg_special.cuh"

namespace pmf {

/** Java's Math.max(a, b) for doubles that are not -0.0/+0.0 ties: NaN if either is NaN. */
IRG_HD double javaMax(double a, double b) {
    if (a != a) return a;
    if (b != b) return b;
    return a >= b ? a : b;
}

/** softplus(u) = log(1 + e^u); u itself above linearAbove (Softplus.of). */
IRG_HD double softplus(double u, double linearAbove) { return u > linearAbove ? u : log1p(exp(u)); }

/** d softplus/du = sigmoid(u) (Softplus.derivative). */
IRG_HD double sigmoid(double u) { return u >= 0 ? 1 / (1 + exp(-u)) : exp(u) / (1 + exp(u)); }

/** KL(Gamma(a, r) || Gamma(a0, b0)) (PoissonMF.kl). */
IRG_HD double kl(double a, double r, double a0, double b0) {
    return (a - a0) * irg::digamma(a) - irg::logGamma(a) + irg::logGamma(a0) + a0 * (log(r) - log(b0)) +
           a * (b0 - r) / r;
}

/** d KL/d a = (a - a0) trigamma(a) + b0/r - 1 (PoissonMF.klDa). */
IRG_HD double klDa(double a, double r, double a0, double b0) { return (a - a0) * irg::trigamma(a) + b0 / r - 1; }

/** d KL/d r = a0/r - a b0/r^2 (PoissonMF.klDr). */
IRG_HD double klDr(double a, double r, double a0, double b0) { return a0 / r - a * b0 / (r * r); }

/** One entry's Poisson log-likelihood (without log y!) and its weight W = y/rate - 1; y < 0: held out. */
struct Lik {
    double ll;
    double w;
};

IRG_HD Lik likelihood(double lambda, int y, double minRate) {
    if (y < 0) {
        return Lik{0, 0};
    }
    double rate = javaMax(minRate, lambda);
    return Lik{(y == 0 ? 0 : y * log(rate)) - rate, y / rate - 1};
}

/** The gradient of the ELBO with respect to (u, v) of one factor entry, and its KL term. */
struct Chain {
    double gu;
    double gv;
    double kl;
};

/** dELBO/du = (dL/dz dz/da - dKL/da) sigmoid(u), the same for v with the rate (PoissonMF.chain). */
IRG_HD Chain chain(double u, double v, double gz, double dzda, double dzdr, double a0, double b0, double linearAbove) {
    double a = softplus(u, linearAbove), r = softplus(v, linearAbove);
    Chain c;
    c.gu = (gz * dzda - klDa(a, r, a0, b0)) * sigmoid(u);
    c.gv = (gz * dzdr - klDr(a, r, a0, b0)) * sigmoid(v);
    c.kl = kl(a, r, a0, b0);
    return c;
}

/** One Adam ascent step of one parameter (Adam.step): skipped for a non-finite gradient. */
IRG_HD void adam(double* p, double* m, double* v, double g, double lr, double beta1, double beta2, double eps,
                 double c1, double c2) {
    if (!irg::finite(g)) {
        return;
    }
    *m = beta1 * *m + (1 - beta1) * g;
    *v = beta2 * *v + (1 - beta2) * g * g;
    *p += lr * (*m / c1) / (sqrt(*v / c2) + eps);
}

} // namespace pmf
