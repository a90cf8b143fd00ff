#!/usr/bin/env python3
"""Step counts and accuracy of the Beta continued fraction for huge parameters (docs/beta.md,
"Thresholds and caps"; BetaConstants.FRACTION_CAP_*, FRACTION_MAX_ITER).

    source scripts/jdk.sh && mvn -B -q -o -pl java-api compile
    python3 tools/coefficients/beta_large_scan.py            # step counts only (seconds)
    python3 tools/coefficients/beta_large_scan.py accuracy   # + errors against mpmath quadrature (minutes)

Steps: 4000 points within 0.3 sd of the switch point (a+1)/(a+b+2) (where the fraction is slowest), a, b
log-uniform in [1e6, 1e12], plus a grid (a = 1e8 ... 1e12, b in {a, 3.7a, a/5.3, 100a, 1e7, 1e4, 30}, x at
the mean, the switch point and its neighbours, +-1, 3, 8 sd, quantiles 1e-6, 1e-12 and +-20 sd). Prints per
decade of min(a, b) the largest step count and the largest ratio steps / cap.

Accuracy: the grid, and beyond it a in {1e13, 1e15, 1e20, 1e30, 1e40} (b = a, 3.7a, 1e8) at
x = mean + s sd, s in {0, +-0.01, +-0.1, +-0.3, +-1, +-3, +-10} (rounded to a double: beyond ~1e32 most of
these are the same few doubles), against tools/golden/beta.py's quadrature (ref_quad, tanh-sinh) at 50
digits plus the digits that cancel. Prints the relative error max / p99 / median of each output where |reference| >= 1e-300,
and the NaN outputs (the cap reached next to the switch point). Not beyond 1e40: at a = b = 1e100 the
quadrature itself is off (I = 0.4998 at x = 1/2, where symmetry gives 1/2); IncompleteBetaTest checks
a = b up to 1e150 at x = 1/2 against the symmetry and the normal limit instead.
"""
import math
import os
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(REPO, "tools", "golden"))


def mean_sd(a, b):
    m = a / (a + b)
    return m, math.sqrt(m * (b / (a + b)) / (a + b + 1))


def near_switch(n=4000, seed=7):
    rng = np.random.default_rng(seed)
    pts = []
    for _ in range(n):
        a = math.exp(rng.uniform(math.log(1e6), math.log(1e12)))
        b = math.exp(rng.uniform(math.log(1e6), math.log(1e12)))
        m, sd = mean_sd(a, b)
        sw = (a + 1) / (a + b + 2)
        r = rng.uniform()
        x = (sw + rng.uniform(-0.02, 0.02) * sd if r < 0.3 else sw if r < 0.5 else math.nextafter(sw, 0) if r < 0.6
             else math.nextafter(sw, 1) if r < 0.7 else m + rng.uniform(-0.3, 0.3) * sd)
        pts.append((a, b, x))
    return pts


def grid():
    from scipy.special import betaincinv, betainccinv
    pts = []
    for a in (1e8, 1e9, 1e10, 1e11, 1e12):
        for b in (a, 3.7 * a, a / 5.3, a * 100, 1e7, 1e4, 30.0):
            m, sd = mean_sd(a, b)
            sw = (a + 1) / (a + b + 2)
            xs = [m, sw, math.nextafter(sw, 0), math.nextafter(sw, 1), m - sd, m + sd, m - 3 * sd, m + 3 * sd,
                  m + 8 * sd, m - 20 * sd, m + 20 * sd]
            for u in (1e-6, 1e-12):
                xs += [float(betaincinv(a, b, u)), float(betainccinv(a, b, u))]
            pts += [(a, b, x) for x in xs if 0 < x < 1]
    return pts


def beyond():
    pts = []
    for a in (1e13, 1e15, 1e20, 1e30, 1e40):
        for b in (a, 3.7 * a, 1e8):
            m, sd = mean_sd(a, b)
            for s in (-10, -3, -1, -0.3, -0.1, -0.01, 0, 0.01, 0.1, 0.3, 1, 3, 10):
                x = m + s * sd
                if 0 < x < 1:
                    pts.append((a, b, x))
    return pts


def run_java(pts):
    inp = "\n".join("%r %r %r" % p for p in pts) + "\n"
    out = subprocess.run(["java", "-cp", os.path.join(REPO, "java-api", "target", "classes"),
                          os.path.join(HERE, "BetaLargeScan.java")], input=inp, capture_output=True, text=True,
                         check=True).stdout.split("\n")
    rows = []
    for line in out[:len(pts)]:
        c = line.split()
        rows.append((int(c[0]), int(c[1]), [float(v) for v in c[2:]]))
    return rows


def steps_report(pts, rows):
    by = {}
    for (a, b, x), (steps, cap, _) in zip(pts, rows):
        dec = int(math.floor(math.log10(min(a, b))))
        s, r, nan = by.get(dec, (0, 0.0, 0))
        if steps < 0:
            nan += 1
        by[dec] = (max(s, steps), max(r, steps / cap), nan)
    print("| decade of min(a, b) | largest steps | largest steps / cap | not converged |")
    print("|---|---|---|---|")
    for dec in sorted(by):
        s, r, nan = by[dec]
        print("| 1e%d | %d | %.2f | %d |" % (dec, s, r, nan))


def accuracy_report(title, pts, rows):
    import beta
    from mpmath import mp, mpf
    mp.dps = 50
    names = ("cdf", "dcdf_da", "dcdf_db", "grad_a", "grad_b")
    errs = [[] for _ in names]
    nan = 0
    for (a, b, x), (_, _, got) in zip(pts, rows):
        ref = beta.ref_quad((a, b, x), 50)
        want = (ref[0], ref[2], ref[3], ref[4], ref[5])
        if any(math.isnan(g) for g in got):
            nan += 1
            continue
        for i, (g, w) in enumerate(zip(got, want)):
            if mpf("1e-300") <= abs(w) <= mpf("1e300"):
                errs[i].append(float(abs(mpf(g) - w) / abs(w)))
    print("%s: %d points, %d with NaN outputs (cap reached)" % (title, len(pts), nan))
    print("| quantity | n | max | p99 | median |")
    print("|---|---|---|---|---|")
    for n, e in zip(names, errs):
        e = sorted(e)
        print("| %s | %d | %.1e | %.1e | %.1e |" % (n, len(e), e[-1], e[min(len(e) - 1, int(0.99 * len(e)))],
                                                   e[len(e) // 2]))


def main():
    pts = near_switch() + grid()
    rows = run_java(pts)
    steps_report(pts, rows)
    if len(sys.argv) > 1 and sys.argv[1] == "accuracy":
        g = grid()
        accuracy_report("grid a = 1e8 ... 1e12", g, run_java(g))
        bb = beyond()
        accuracy_report("beyond: a = 1e13 ... 1e40", bb, run_java(bb))


if __name__ == "__main__":
    main()
