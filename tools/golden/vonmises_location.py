#!/usr/bin/env python3
"""Golden table vonmises/location: von Mises(kappa, loc) with loc != 0 where x - loc is not exact in double, next to
the antimode (x - loc within 1e-14 .. 0.5 of -pi or +pi), where the rounding of x - loc mattered
(VonMisesCdf.differenceLo, docs/vonmises.md "Location"). Precision checks, row selection and the file's header:
tools/golden/common.py.

    python3 tools/golden/vonmises_location.py   # writes java-api/src/test/resources/golden/vonmises/location.csv

References: tools/coefficients/vonmises_mpref.py (tanh-sinh quadrature on pieces) at the exact difference
mpf(x) - mpf(loc) of the double inputs.
"""
import os
import sys
import time

import numpy as np
from mpmath import mp, mpf

from common import evaluate, write_table

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'coefficients'))
from vonmises_mpref import vm  # noqa: E402

KAPPAS = [0.0, 1e-4, 0.01, 0.5, 2.0, 5.0, 10.0, 50.0, 100.0, 300.0]  # F at the antimode ~e^-2kappa: in range to ~345
D = [1e-14, 1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-3, 0.1, 0.5]
SEED = 11


def points():
    """(kappa, loc, x): x the double nearest to loc +- (pi - d); rows whose x - loc is exact in double are skipped."""
    rng = np.random.default_rng(SEED)
    pts = []
    for kappa in KAPPAS:
        for d in D:
            for side in (-1, 1):
                # |loc| log-uniform on [0.01, 1.5] (then x has the other sign or another binade, and x - loc
                # mostly rounds), one row in four at |loc| ~ 100 to 1000; random sign
                mag = np.exp(rng.uniform(np.log(0.01), np.log(1.5))) if rng.random() < 0.75 else rng.uniform(100, 1000)
                loc = float(mag * (1 if rng.random() < 0.5 else -1))
                with mp.workdps(50):
                    # not loc + a double theta: its difference with loc would be exact
                    x = float(mpf(loc) + side * (mp.pi - mpf(d)))
                    if mpf(x) - mpf(loc) == mpf(x - loc):
                        continue
                pts.append((kappa, loc, x))
    return pts


def ref(p, dps):
    kappa, loc, x = p
    with mp.workdps(dps + 10):
        theta = mpf(x) - mpf(loc)
    f, d, g = vm(kappa, theta, dps=dps)
    return (f, 1 - f, d, g)


def main():
    t0 = time.time()
    rows, bad, outr = evaluate(points(), ref, None)
    write_table("vonmises", "location", "loc != 0 with inexact x - loc, next to the antimode (-pi and +pi)",
                "kappa in %s; |loc| log-uniform on [0.01, 1.5], one in four uniform on [100, 1000], random sign" % KAPPAS,
                "x = the double nearest to loc +- (pi - d), d in %s; references at the exact difference mpf(x) - mpf(loc)"
                % D, SEED, ["kappa", "loc", "x"], ["cdf", "q", "dcdf_dkappa", "grad_kappa"], rows, bad, outr,
                time.time() - t0, generator="tools/golden/vonmises_location.py")


if __name__ == '__main__':
    sys.exit(main())
