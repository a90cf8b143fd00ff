#!/usr/bin/env python3
"""Golden table vonmises/location: von Mises(kappa, loc) with loc != 0 where x - loc is not exact in double, next to
the antimode (x - loc within 1e-14 .. 0.5 of -pi or +pi) and elsewhere, so that the rounding of x - loc mattered
(VonMisesCdf.differenceLo, docs/vonmises.md "Location").

    python3 tools/golden/vonmises_location.py > java-api/src/test/resources/golden/vonmises/location.csv

References: tools/coefficients/vonmises_mpref.py (tanh-sinh quadrature on pieces) at the exact difference
mpf(x) - mpf(loc) of the double inputs, at dps=50 and again at dps=40; a row is kept only if every value agrees
within 1e-25 relative (values below 1e-300 are written as nan: not checked).
"""
import datetime
import os
import sys
import time

import mpmath as mp
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'coefficients'))
from vonmises_mpref import vm  # noqa: E402

KAPPAS = [0.0, 1e-4, 0.01, 0.5, 2.0, 5.0, 10.0, 50.0, 300.0, 1e4]
D = [1e-14, 1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-3, 0.1, 0.5]
AGREE = mp.mpf("1e-25")
mp.mp.dps = 50  # the exactness test of x - loc below needs more than 53 bits


def refs(kappa, loc, x, dps):
    with mp.workdps(dps + 10):
        theta = mp.mpf(x) - mp.mpf(loc)
    f, d, g = vm(kappa, theta, dps=dps)
    return [f, 1 - f, d, g]


def fmt(v):
    return 'nan' if v == 0 or abs(v) < mp.mpf('1e-300') else mp.nstr(v, 25, min_fixed=1, max_fixed=0)


def main():
    start = time.time()
    rng = np.random.default_rng(11)
    rows, dropped = [], 0
    for kappa in KAPPAS:
        for d in D:
            for side in (-1, 1):
                # |loc| log-uniform on [0.01, 1.5] (then x has the other sign or another binade, and x - loc
                # mostly rounds), one row in four at |loc| ~ 100 to 1000; random sign
                mag = np.exp(rng.uniform(np.log(0.01), np.log(1.5))) if rng.random() < 0.75 else rng.uniform(100, 1000)
                loc = float(mag * (1 if rng.random() < 0.5 else -1))
                # x: the double nearest to loc +- (pi - d) (not loc + a double theta, whose difference with loc
                # would be exact); rows whose x - loc is exact in double test nothing here and are skipped
                x = float(mp.mpf(loc) + side * (mp.pi - mp.mpf(d)))
                if mp.mpf(x) - mp.mpf(loc) == mp.mpf(x - loc):
                    continue
                v = refs(kappa, loc, x, 50)
                w = refs(kappa, loc, x, 40)
                if any(abs(p - q) > AGREE * abs(p) for p, q in zip(v, w)):
                    dropped += 1
                    continue
                rows.append((kappa, loc, x, v))
    out = sys.stdout
    out.write('# irg golden table vonmises/location: loc != 0 with inexact x - loc, next to the antimode (-pi and +pi)\n')
    out.write('# generator: tools/golden/vonmises_location.py; python %s, mpmath %s, numpy %s\n'
              % (sys.version.split()[0], mp.__version__, np.__version__))
    out.write('# precision: tools/coefficients/vonmises_mpref.py at the exact difference mpf(x) - mpf(loc), dps=50, re-evaluated '
              'at dps=40, kept only if every value agrees within 1e-25 relative (%d rows dropped); values below 1e-300: nan\n'
              % dropped)
    out.write('# seed: 11 (numpy default_rng; |loc| log-uniform on [0.01, 1.5], one in four uniform on [100, 1000], random sign); kappa in %s; x = loc +- (pi - d), d in %s\n' % (KAPPAS, D))
    out.write('# generated: %s in %.0f s; rows: %d\n'
              % (datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC'), time.time() - start, len(rows)))
    out.write('kappa,loc,x,cdf,q,dcdf_dkappa,grad_kappa\n')
    for kappa, loc, x, v in rows:
        out.write('%r,%r,%r,%s\n' % (kappa, loc, x, ','.join(fmt(q) for q in v)))


if __name__ == '__main__':
    main()
