#!/usr/bin/env python3
"""Validates the generator's P(alpha, x) and I_x(a, b) against Boost.Math's high-precision test data.

python3 tools/golden/boost_check.py [DIR [PREFIX]]   (PREFIX: igamma or ibeta to check only those; DIR defaults to ../shared/peers/boost-math, the CSV
conversion of Boost's igamma_*_data.ipp / ibeta_*_data.ipp; see its README). Run once by hand; the
result is recorded in docs/golden.md. Nothing in the project reads these files at build or test time.

For every row: the generator's method (gamma.pq, beta.iq) at CHECK digits, relative difference of
cdf and of ccdf from Boost's values (rows where Boost's value is 0 or below 1e-300 in magnitude are
counted apart), printed as a markdown table per file.
"""
import csv
import glob
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mpmath  # noqa: E402
from mpmath import mp, mpf  # noqa: E402

import beta  # noqa: E402
import gamma  # noqa: E402

CHECK = 50  # working digits


def rel(got, want):
    return abs(got - want) / abs(want)


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "..",
                                                           "shared", "peers", "boost-math")
    if not os.path.isdir(d):
        d = "/work/shared/peers/boost-math"
    mp.dps = CHECK
    print("| file | rows | max rel. diff cdf | max rel. diff ccdf | rows > 1e-30 | tiny (< 1e-300) skipped | s |")
    print("|---|---|---|---|---|---|---|")
    prefix = sys.argv[2] if len(sys.argv) > 2 else "i"
    for path in sorted(glob.glob(os.path.join(d, prefix + "*.csv"))):
        t0 = time.time()
        n, worst_c, worst_q, over, tiny = 0, mpf(0), mpf(0), 0, 0
        worst_row = None
        with open(path) as f:
            for row in csv.DictReader(f):
                cdf, ccdf = mpf(row["cdf"]), mpf(row["ccdf"])
                if "alpha" in row:
                    got = gamma.pq(mpf(row["alpha"]), mpf(row["x"]))
                else:
                    got = beta.iq(mpf(row["a"]), mpf(row["b"]), mpf(row["x"]))
                n += 1
                for g, w, which in ((got[0], cdf, "c"), (got[1], ccdf, "q")):
                    if abs(w) < mpf("1e-300"):
                        tiny += 1
                        continue
                    r = rel(g, w)
                    if r > mpf("1e-30"):
                        over += 1
                    if which == "c" and r > worst_c:
                        worst_c = r
                        worst_row = row
                    if which == "q" and r > worst_q:
                        worst_q = r
        print("| %s | %d | %s | %s | %d | %d | %.0f |" % (os.path.basename(path), n, mpmath.nstr(worst_c, 3),
                                                          mpmath.nstr(worst_q, 3), over, tiny, time.time() - t0),
              flush=True)


if __name__ == "__main__":
    main()
