#!/usr/bin/env python3
"""Writes the Beta spot table used by IncompleteBetaSpotTest (java-api test resources).

Points: a, b log-uniform on [1e-4, 1e6] (separate strata: both small, both large, one of each,
anywhere), a quantile u log-uniform on [1e-12, 0.5] in the lower or the upper tail, x the float64
quantile (scipy.special.betaincinv / betainccinv, only used to place x), plus fixed hard cases:
PyTorch #127387 (a = 65536, b = 1.5), x within 1e-12 of 0 and 1, a = b = 1e6 around the mean.
Every value is then computed at x (the double) by beta_reference.reference (90 digits).
Rows whose x is 0, 1 or below 1e-300 in float64 are dropped (tails that float64 cannot hold).
Usage: python3 beta_spot_table.py OUT.csv [N] [SEED]
"""
import sys, random, math, time
import mpmath as mp
import scipy, scipy.special as sc
from beta_reference import reference, DPS

def loguni(rng, lo, hi):
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))

def points(n, seed):
    rng = random.Random(seed)
    pts = []
    strata = [((1e-4, 1.0), (1e-4, 1.0)), ((1e2, 1e6), (1e2, 1e6)), ((1e-4, 1.0), (1e2, 1e6)),
              ((1e2, 1e6), (1e-4, 1.0)), ((1e-4, 1e6), (1e-4, 1e6)), ((1.0, 1e3), (1.0, 1e3))]
    for i in range(n):
        (alo, ahi), (blo, bhi) = strata[i % len(strata)]
        a = loguni(rng, alo, ahi); b = loguni(rng, blo, bhi)
        u = loguni(rng, 1e-12, 0.5)
        upper = rng.random() < 0.5
        pts.append((a, b, u, upper))
    # fixed hard cases
    for u in (1e-12, 1e-6, 0.1, 0.5):
        for upper in (False, True):
            pts.append((65536.0, 1.5, u, upper))
            pts.append((1e6, 1e6, u, upper))
            pts.append((1e6, 1e-4, u, upper))
            pts.append((1e-4, 1e6, u, upper))
    out = []
    for a, b, u, upper in pts:
        x = float(sc.betainccinv(a, b, u) if upper else sc.betaincinv(a, b, u))
        out.append((a, b, x))
    for a, b in ((0.5, 0.5), (2.0, 3.0), (1e-4, 1e-4), (65536.0, 1.5), (1.5, 65536.0), (30.0, 1e-3)):
        for x in (1e-12, 3e-13, 1 - 1e-12, 1 - 2 ** -40):
            out.append((a, b, x))
    return out

def main():
    path = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 480
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20261128
    rows = []
    for a, b, x in points(n, seed):
        if not (1e-300 <= x < 1.0) or math.isnan(x):
            continue
        vals = reference(a, b, x)
        rows.append((a, b, x) + tuple(vals))
    with open(path, "w") as f:
        f.write("# Beta spot table for dev.irg.math.IncompleteBeta (IncompleteBetaSpotTest)\n")
        f.write("# generator: tools/coefficients/beta_spot_table.py %d %d (reference: tools/coefficients/beta_reference.py)\n" % (n, seed))
        f.write("# mpmath %s at %d digits, scipy %s (placement of x only), python %s\n" % (mp.__version__, DPS, scipy.__version__, sys.version.split()[0]))
        f.write("# domain: a, b in [1e-4, 1e6], tail quantiles in [1e-12, 0.5] both tails, plus fixed hard cases\n")
        f.write("a,b,x,cdf,dcdf_da,dcdf_db,grad_a,grad_b\n")
        for r in rows:
            f.write(",".join([repr(r[0]), repr(r[1]), repr(r[2])] + [mp.nstr(v, 25, min_fixed=1, max_fixed=0) for v in r[3:]]) + "\n")
    print("wrote", len(rows), "rows to", path)

if __name__ == "__main__":
    main()
