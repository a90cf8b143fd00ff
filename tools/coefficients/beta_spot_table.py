#!/usr/bin/env python3
"""Writes the Beta spot table used by IncompleteBetaSpotTest (java-api test resources).

Points: a, b log-uniform on [1e-4, 1e6] (separate strata: both small, both large, one of each,
anywhere), a quantile u log-uniform on [1e-12, 0.5] in the lower or the upper tail, x the float64
quantile (scipy.special.betaincinv / betainccinv, only used to place x), plus fixed hard cases:
PyTorch #127387 (a = 65536, b = 1.5), x within 1e-12 of 0 and 1, a = b = 1e6 around the mean.
Every value is then computed at x (the double) by beta_reference.reference (90 digits).
Rows whose x is 0, 1 or below 1e-300 in float64 are dropped (tails that float64 cannot hold).
With --boundary, also points on both sides of every threshold of IncompleteBeta (boundary_points).
Usage: python3 beta_spot_table.py OUT.csv [N] [SEED] [--boundary]
The committed tables: IncompleteBetaSpot.csv = "600 20261128" (used while designing the method),
IncompleteBetaHeldout.csv = "600 777 --boundary" (made after the method was fixed: held out),
IncompleteBetaCorners.csv = "0 0 --corners" (the corner grid, made last).
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

def boundary_points(seed):
    """Points on both sides of every region boundary and threshold of IncompleteBeta
    (BetaConstants): the switch point (a+1)/(a+b+2), the series limits u = 1/2 and q u = 2,
    STIRLING_MIN = 8, DIGAMMA_SPLIT = 1, LOG1P_FORM_MAX = 1/2 (d = +-a/2), integer b."""
    rng = random.Random(seed)
    out = []
    def pair():
        return loguni(rng, 1e-4, 1e6), loguni(rng, 1e-4, 1e6)
    for i in range(60):
        a, b = pair()
        xs = (a + 1) / (a + b + 2)
        for rel in (-1e-9, 0.0, 1e-9):
            out.append((a, b, xs * (1 + rel)))
        if b > 4:
            for rel in (-1e-9, 1e-9):
                out.append((a, b, 2.0 / b * (1 + rel)))
        if a > 4:
            for rel in (-1e-9, 1e-9):
                out.append((a, b, 1 - 2.0 / a * (1 + rel)))
        for xm in (0.5 * a / (a + b), 1.5 * a / (a + b)):
            if 0 < xm < 1:
                out.append((a, b, xm))
    for i in range(20):
        b = loguni(rng, 1e-4, 1e6)
        for a in (8.0 * (1 - 1e-12), 8.0, 1.0 - 1e-12, 1.0, 1.0 + 1e-12):
            for x in (0.5 * a / (a + b), a / (a + b), min(0.99, 2 * a / (a + b))):
                out.append((a, b, x))
                out.append((b, a, 1 - x))
    for bi in (1.0, 2.0, 3.0, 7.0):
        for a in (1e-3, 0.7, 5.0, 300.0):
            for x in (0.01, 0.2, 0.45, 0.8):
                out.append((a, bi, x))
    out.append((0.5, 0.5, 0.5))
    return out

def corner_points():
    """Grid over the corners of the domain: a, b in {1e-4, 1e-3, 0.1, 1, 10, 1e3, 1e5, 1e6},
    tail quantiles {1e-12, 1e-8, 1e-3, 0.3} in both tails."""
    vals = (1e-4, 1e-3, 0.1, 1.0, 10.0, 1e3, 1e5, 1e6)
    out = []
    for a in vals:
        for b in vals:
            for u in (1e-12, 1e-8, 1e-3, 0.3):
                out.append((a, b, float(sc.betaincinv(a, b, u))))
                out.append((a, b, float(sc.betainccinv(a, b, u))))
    return out

def main():
    path = sys.argv[1]
    args = [v for v in sys.argv[1:] if not v.startswith("--")]
    n = int(args[1]) if len(args) > 1 else 480
    seed = int(args[2]) if len(args) > 2 else 20261128
    rows = []
    if "--corners" in sys.argv:
        pts = corner_points()
    else:
        pts = points(n, seed) + (boundary_points(seed) if "--boundary" in sys.argv else [])
    for a, b, x in pts:
        if not (1e-300 <= x < 1.0) or math.isnan(x):
            continue
        vals = reference(a, b, x)
        rows.append((a, b, x) + tuple(vals))
    with open(path, "w") as f:
        f.write("# Beta spot table for dev.irg.math.IncompleteBeta (IncompleteBetaSpotTest)\n")
        f.write("# generator: tools/coefficients/beta_spot_table.py OUT %d %d%s (reference: tools/coefficients/beta_reference.py)\n" % (n, seed, "".join(" " + v for v in sys.argv[1:] if v.startswith("--"))))
        f.write("# mpmath %s at %d digits, scipy %s (placement of x only), python %s\n" % (mp.__version__, DPS, scipy.__version__, sys.version.split()[0]))
        f.write("# domain: a, b in [1e-4, 1e6], tail quantiles in [1e-12, 0.5] both tails, plus fixed hard cases\n")
        f.write("a,b,x,cdf,dcdf_da,dcdf_db,grad_a,grad_b\n")
        for r in rows:
            f.write(",".join([repr(r[0]), repr(r[1]), repr(r[2])] + [mp.nstr(v, 25, min_fixed=1, max_fixed=0) for v in r[3:]]) + "\n")
    print("wrote", len(rows), "rows to", path)

if __name__ == "__main__":
    main()
