#!/usr/bin/env python3
"""Compares `irg eval` output with an audit (or golden) table, independently of the Java test code.

    ./irg eval --dist beta --quantity all --precision f64 --backend simd \
        --in java-api/src/test/resources/golden/beta/audit.csv --out /tmp/beta_simd.csv
    python3 tools/audit/compare_cli.py java-api/src/test/resources/golden/beta/audit.csv /tmp/beta_simd.csv

Prints n, max and median relative error per output column: rows whose reference is nan or below
1e-300 in magnitude are skipped; where the table has a scale_<column> (von Mises zero crossings) the
error is taken against max(|ref|, 1e-12 scale), as the Java checks do. NaN output counts as infinite.
"""
import csv
import math
import sys


def main(table, output):
    with open(table) as f:
        ref = list(csv.DictReader(line for line in f if not line.startswith("#")))
    with open(output) as f:
        got = list(csv.DictReader(f))
    if len(ref) != len(got):
        sys.exit("row counts differ: %d in %s, %d in %s" % (len(ref), table, len(got), output))
    for col in got[0].keys():
        errs = []
        for r, g in zip(ref, got):
            rv, gv = float(r[col]), float(g[col])
            if math.isnan(rv) or abs(rv) < 1e-300:
                continue
            sc = r.get("scale_" + col)
            den = max(abs(rv), 1e-12 * float(sc)) if sc not in (None, "nan") else abs(rv)
            errs.append(abs(gv - rv) / den if gv == gv else math.inf)
        errs.sort()
        print("%-12s n=%5d max=%.2e median=%.2e" % (col, len(errs), errs[-1], errs[len(errs) // 2]))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
