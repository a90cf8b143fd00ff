#!/usr/bin/env python3
"""Golden table gamma/rate_product: Gamma(alpha, rate) with rates != 1, alpha up to 1e10, where the rounding of the
product u = rate z moved P and dP/dalpha by up to ~0.4 sqrt(alpha) 2^-53 relative (more in the tails) before
IncompleteGamma.rateProductCorrection (docs/gamma.md, "The rounded product"). References at the exact product rate * z
of the double inputs. Precision checks, row selection and the file's header: tools/golden/common.py.

    python3 tools/golden/rate_product.py      # writes java-api/src/test/resources/golden/gamma/rate_product.csv

Method (mpmath): P(a, u) = u^a e^-u / Gamma(a + 1) 1F1(1; a + 1; u) (mpmath's hyp1f1, which handles large a), dP/da by
mpmath.diff of that in a, the density g = u^(a-1) e^-u / Gamma(a), grad_alpha = -(dP/da)/(rate g), grad_rate = -z/rate.
"""
import sys
import time

import numpy as np
from mpmath import mp, mpf

from common import evaluate, write_table

ALPHAS = [0.5, 2.0, 5.0, 20.0, 50.0, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 3e9, 1e10]
T = [-3.0, -2.0, -1.0, -0.5, 0.0, 0.3, 1.0, 2.5, 4.0]
SEED = 7


def points():
    """(alpha, rate, z): rates log-uniform on [1e-3, 1e3], z = alpha (1 + t/sqrt(alpha))/rate; inexact products only."""
    rng = np.random.default_rng(SEED)
    pts = []
    for a in ALPHAS:
        for t in T:
            rate = float(np.exp(rng.uniform(np.log(1e-3), np.log(1e3))))
            x = a * (1 + t / np.sqrt(a))
            if x <= 0:
                continue
            z = float(x / rate)
            with mp.workdps(50):
                if mpf(rate) * mpf(z) == mpf(rate * z):
                    continue  # an exact product tests nothing here
            pts.append((a, rate, z))
    return pts


def ref(p, dps):
    a, rate, z = (mpf(v) for v in p)
    u = rate * z

    def cdf(aa):
        return mp.exp(aa * mp.log(u) - u - mp.loggamma(aa + 1)) * mp.hyp1f1(1, aa + 1, u, maxterms=10**8)

    dpda = mp.diff(cdf, a)
    g = mp.exp((a - 1) * mp.log(u) - u - mp.loggamma(a))
    return (cdf(a), dpda, -dpda / (rate * g), -z / rate)


def main():
    t0 = time.time()
    rows, bad, outr = evaluate(points(), ref, None)
    write_table("gamma", "rate_product", "rates != 1 with inexact products u = rate z, alpha 0.5 .. 1e10",
                "alpha in %s; rates log-uniform on [1e-3, 1e3]" % ALPHAS,
                "z = alpha (1 + t/sqrt(alpha))/rate rounded to a double, t in %s; references at the exact product "
                "rate * z (P by 1F1, dP/dalpha by mpmath.diff)" % T,
                SEED, ["alpha", "rate", "x"], ["cdf", "dcdf_dalpha", "grad_alpha", "grad_rate"], rows, bad, outr,
                time.time() - t0, generator="tools/golden/rate_product.py")


if __name__ == '__main__':
    sys.exit(main())
