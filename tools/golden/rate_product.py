#!/usr/bin/env python3
"""Golden table gamma/rate_product: Gamma(alpha, rate) with rates != 1, alpha up to 1e10, where the rounding of the
product u = rate z moved P and dP/dalpha by up to ~0.4 sqrt(alpha) 2^-53 relative (more in the tails) before
IncompleteGamma.rateProductCorrection (docs/gamma.md). References at the exact product rate * z of the double inputs.

    python3 tools/golden/rate_product.py > java-api/src/test/resources/golden/gamma/rate_product.csv

Method (mpmath): P(a, u) = u^a e^-u / Gamma(a + 1) 1F1(1; a + 1; u) (mpmath's hyp1f1, which handles large a), dP/da by
mpmath.diff of that in a, the density g = u^(a-1) e^-u / Gamma(a), grad_alpha = -(dP/da)/(rate g), grad_rate = -z/rate;
every value at dps=60 and again at dps=45, the row kept only if all agree within 1e-25 relative. Inputs: alpha
log-spaced from 0.5 to 1e10 (series, continued fraction and Temme regions), rates log-uniform on [1e-3, 1e3] (numpy
seed 7), z = alpha (1 + t/sqrt(alpha))/rate rounded to a double for t in T, so the products are not exact.
"""
import datetime
import sys
import time

import mpmath as mp
import numpy as np

ALPHAS = [0.5, 2.0, 5.0, 20.0, 50.0, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 3e9, 1e10]
T = [-3.0, -2.0, -1.0, -0.5, 0.0, 0.3, 1.0, 2.5, 4.0]
DPS, CHECK_DPS, AGREE = 60, 45, mp.mpf('1e-25')


def values(a, rate, z):
    A, R, Z = mp.mpf(a), mp.mpf(rate), mp.mpf(z)
    u = R * Z

    def p(aa):
        return mp.exp(aa * mp.log(u) - u - mp.loggamma(aa + 1)) * mp.hyp1f1(1, aa + 1, u, maxterms=10**8)

    cdf = p(A)
    dpda = mp.diff(p, A)
    g = mp.exp((A - 1) * mp.log(u) - u - mp.loggamma(A))
    return [cdf, dpda, -dpda / (R * g), -Z / R]


def main():
    start = time.time()
    rng = np.random.default_rng(7)
    rows = []
    dropped = 0
    for a in ALPHAS:
        for t in T:
            rate = float(np.exp(rng.uniform(np.log(1e-3), np.log(1e3))))
            x = a * (1 + t / np.sqrt(a))
            if x <= 0:
                continue
            z = float(x / rate)
            mp.mp.dps = DPS
            if mp.mpf(rate) * mp.mpf(z) == mp.mpf(rate * z):
                continue  # an exact product tests nothing here
            mp.mp.dps = DPS
            v = values(a, rate, z)
            mp.mp.dps = CHECK_DPS
            w = values(a, rate, z)
            mp.mp.dps = DPS
            if any(abs(p - q) > AGREE * abs(p) for p, q in zip(v, w)):
                dropped += 1
                continue
            rows.append((a, rate, z, v))
    out = sys.stdout
    out.write('# irg golden table gamma/rate_product: rates != 1 with inexact products u = rate z, alpha 0.5 .. 1e10\n')
    out.write('# generator: tools/golden/rate_product.py; python %s, mpmath %s, numpy %s\n'
              % (sys.version.split()[0], mp.__version__, np.__version__))
    out.write('# precision: values at mpmath dps=%d, printed with 25 significant digits; each row re-evaluated at dps=%d '
              'and kept only if every value agrees within 1e-25 relative (%d rows dropped)\n' % (DPS, CHECK_DPS, dropped))
    out.write('# references at the exact product rate * z of the double inputs (P by 1F1, dP/dalpha by mpmath.diff)\n')
    out.write('# seed: 7 (numpy default_rng; rates log-uniform on [1e-3, 1e3]); alpha in %s, z = alpha (1 + t/sqrt(alpha))/rate '
              'for t in %s\n' % (ALPHAS, T))
    out.write('# generated: %s in %.0f s; rows: %d\n'
              % (datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC'), time.time() - start, len(rows)))
    out.write('alpha,rate,x,cdf,dcdf_dalpha,grad_alpha,grad_rate\n')
    for a, rate, z, v in rows:
        out.write('%r,%r,%r,%s\n' % (a, rate, z, ','.join(mp.nstr(q, 25, min_fixed=1, max_fixed=0) for q in v)))


if __name__ == '__main__':
    main()
