#!/usr/bin/env python3
"""Spot check far beyond the audited domain: python3 tools/audit/beyond.py OUTDIR

Gamma with alpha from 3e8 to 1e15 (x at quantiles 1e-12 .. 1 - 1e-12 of both tails) and alpha from 1e-7 to
1e-13 (x from 1e-300 to 20); von Mises with kappa from 3e6 to 1e12 (x at -40 .. 8 standard deviations and
near +-pi) and kappa from 1e-6 to 1e-12. References: the golden generator's methods (tools/golden) at 40
digits. Writes OUTDIR/gamma_beyond.csv and OUTDIR/vonmises_beyond.csv in the `irg eval` input format with the
reference columns; compare with

    ./irg eval --dist gamma --quantity all --backend scalar --in OUTDIR/gamma_beyond.csv --out OUTDIR/g.csv
    python3 tools/audit/compare_cli.py OUTDIR/gamma_beyond.csv OUTDIR/g.csv

(results quoted in docs/accuracy.md, "Beyond the audited domain").
"""
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "golden"))

import common  # noqa: E402

common.HIGH_DPS = 40
import gamma as G  # noqa: E402
import vonmises as V  # noqa: E402
from mpmath import mp  # noqa: E402
from scipy.special import gammainccinv, gammaincinv  # noqa: E402


def gamma_rows():
    rows = []
    for a in [3e8, 1e9, 1e11, 1e13, 1e15]:
        for u, upper in [(1e-12, False), (1e-3, False), (0.3, False), (0.5, False), (0.3, True), (1e-3, True), (1e-12, True)]:
            rows.append((a, float(gammainccinv(a, u) if upper else gammaincinv(a, u))))
    for a in [1e-7, 1e-9, 1e-11, 1e-13]:
        for x in [1e-300, 1e-100, 1e-10, 0.01, 0.5, 1.0, 3.0, 20.0]:
            rows.append((a, x))
    return rows


def vonmises_rows():
    rows = []
    for k in [3e6, 1e8, 1e10, 1e12]:
        s = 1 / math.sqrt(k)
        rows += [(k, m * s) for m in [-40, -8, -3, -1, -0.2, 0.2, 1, 3, 8]] + [(k, 3.0), (k, -3.1)]
    for k in [1e-6, 1e-9, 1e-12]:
        rows += [(k, x) for x in [-3.1, -1.0, -1e-3, 0.5, 2.0]]
    return rows


def main(outdir):
    os.makedirs(outdir, exist_ok=True)
    mp.dps = 40
    with open(os.path.join(outdir, "gamma_beyond.csv"), "w") as f:
        f.write("alpha,x,cdf,dcdf_dalpha,grad_alpha\n")
        skipped = 0
        for a, x in gamma_rows():
            try:
                P, _, d, g = (float(v) for v in G.ref((a, x), 40)[:4])
            except Exception:  # mpmath's lower-side series gives up at huge alpha near the median: not checked
                P = d = g = float("nan")
                skipped += 1
            f.write("%r,%r,%r,%r,%r\n" % (a, x, P, d, g))
        print("gamma: %d rows without a reference (mpmath did not converge), written as nan" % skipped)
    with open(os.path.join(outdir, "vonmises_beyond.csv"), "w") as f:
        f.write("kappa,x,cdf,dcdf_dkappa,grad_kappa,scale_dcdf_dkappa,scale_grad_kappa\n")
        for k, x in vonmises_rows():
            r = V.ref((k, x), 40)
            f.write("%r,%r,%r,%r,%r,%r,%r\n" % (k, x, float(r[0]), float(r[2]), float(r[3]), float(r[4]), float(r[5])))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
