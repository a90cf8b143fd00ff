#!/usr/bin/env python3
"""Exact ELBO-term gradients of the variance example's three models, by mpmath numerical
differentiation (mp.diff, 50 digits) of the closed-form expectation g(p) = E_q[log p(x, z)].

Writes src/test/resources/variance-exact.csv (model,quantity,value) which GradientVarianceTest
compares the Java closed-form gradients against. The models and their parameters must match
VarianceModels.defaults(). Run: python3 examples/scripts/variance_exact.py
"""
import os
import mpmath
from mpmath import mp, mpf, digamma, log, loggamma, besseli, cos, sin, pi, diff

mp.dps = 50

COUNTS = [2, 4, 3, 1, 5, 3, 2, 6, 3, 4, 2, 3, 1, 4, 3, 5, 2, 3, 4, 2]
ANGLES = [mpf('0.3'), mpf('0.8'), mpf('1.1'), mpf('-0.2'), mpf('0.5'), mpf('0.9'), mpf('0.4'), mpf('1.3'), mpf(0), mpf('0.6')]


def gamma_poisson(alpha, beta, a0=1, b0=1):
    # E_q[ sum_i (x_i log z - z - log x_i!) + a0 log b0 - lgamma(a0) + (a0-1) log z - b0 z ], q = Gamma(alpha, rate beta)
    elog = digamma(alpha) - log(beta)
    ez = alpha / beta
    s = sum(COUNTS)
    return (s + a0 - 1) * elog - (len(COUNTS) + b0) * ez + a0 * log(b0) - loggamma(a0) - sum(loggamma(x + 1) for x in COUNTS)


def beta_bernoulli(a, b, a0=1, b0=1, n=20, k=7):
    elog = digamma(a) - digamma(a + b)
    elog1m = digamma(b) - digamma(a + b)
    return (k + a0 - 1) * elog + (n - k + b0 - 1) * elog1m - (loggamma(a0) + loggamma(b0) - loggamma(a0 + b0))


def vonmises(mu, kappa, k0=1, kx=2):
    # E_q[cos z] = A(kappa) cos mu, E_q[sin z] = A(kappa) sin mu, q = vM(mu, kappa)
    a = besseli(1, kappa) / besseli(0, kappa)
    c = k0 + kx * sum(cos(x) for x in ANGLES)
    s = kx * sum(sin(x) for x in ANGLES)
    const = -(len(ANGLES) + 1) * log(2 * pi) - log(besseli(0, k0)) - len(ANGLES) * log(besseli(0, kx))
    return a * (c * cos(mu) + s * sin(mu)) + const


rows = []
for name, fn, p1, p2 in [("gamma-poisson", gamma_poisson, mpf('1.5'), mpf('0.8')),
                         ("beta-bernoulli", beta_bernoulli, mpf(2), mpf(3)),
                         ("vonmises-vonmises", vonmises, mpf('0.2'), mpf(3))]:
    rows.append((name, "g", fn(p1, p2)))
    rows.append((name, "d1", diff(lambda t: fn(t, p2), p1)))
    rows.append((name, "d2", diff(lambda t: fn(p1, t), p2)))

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "variance-exact.csv")
with open(out, "w") as f:
    f.write("# written by examples/scripts/variance_exact.py (mpmath %s, %d digits)\n" % (mpmath.__version__, mp.dps))
    f.write("model,quantity,value\n")
    for name, q, v in rows:
        f.write("%s,%s,%s\n" % (name, q, mp.nstr(v, 30)))
print(open(out).read())
