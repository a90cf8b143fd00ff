"""Node-count measurement behind CENTRAL_POINTS and TAIL_POINTS (docs/vonmises.md).

python3 tools/coefficients/vonmises_measure.py [npoints]

A float64 (numpy) replica of VonMisesCdf's two regions, run with several Gauss-Legendre sizes
(nodes from mpmath, as in VonMisesConstants) against vonmises_mpref.vm at 30 digits on random points
(seed 1): kappa log-uniform [1e-4, 1e5]; x uniform on (-pi, 0), near the mode, near -pi. I0e and A
come from mpmath here, so only the quadrature and the formulas are measured. Prints the max relative
error per (central points, tail points, region, quantity).
"""
import math
import random
import sys

import mpmath as mp
import numpy as np

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from vonmises_mpref import vm  # noqa: E402

L = 50.0  # TAIL_EXPONENT_CUTOFF
_gl = {}


def gl01(n):
    if n not in _gl:
        with mp.workdps(40):
            xs, ws = mp.gauss_quadrature(n, "legendre")
            _gl[n] = (np.array([float((1 + v) / 2) for v in xs]), np.array([float(v / 2) for v in ws]))
    return _gl[n]


def bessel(k):
    with mp.workdps(40):
        if k == 0:
            return 1.0, 1.0
        i0, i1 = mp.besseli(0, k), mp.besseli(1, k)
        return float(i0 * mp.exp(-k)), float(1 - i1 / i0)


def replica(k, x, nc, nt):
    """(F, dF/dkappa, dz/dkappa, region) for x in [-pi, 0]."""
    i0e, om = bessel(k)
    ax = -x
    y = (x + 3.141592653589793) + 1.2246467991473532e-16
    s_half = math.sin(ax / 2)
    if 2 * s_half * s_half < om:
        u, w = gl01(nc)
        s = np.sin(0.5 * ax * u)
        q = 2 * s * s
        e = np.exp(-k * q)
        c0 = ax * np.sum(w * e)
        c1 = ax * np.sum(w * (om - q) * e)
        return 0.5 - c0 / (2 * math.pi * i0e), -c1 / (2 * math.pi * i0e), c1 * math.exp(2 * k * s_half ** 2), "central"
    g0 = 2 * s_half * s_half - om
    sy = math.sin(y / 2)
    c = L / (2 * k) if k > 0 else math.inf
    dmax = y if not sy * sy > c else y - 2 * math.asin(math.sqrt(sy * sy - c))
    near_pi = ax >= math.pi / 2
    sa, ca = (math.sin(y), -math.cos(y)) if near_pi else (math.sin(ax), math.cos(ax))
    u, w = gl01(nt)
    sd = np.sin(0.5 * dmax * u)
    cd = np.sqrt(1 - sd * sd)
    q = 2 * (sa * cd + ca * sd) * sd
    e = np.exp(-k * q)
    t0 = dmax * np.sum(w * e)
    t1 = dmax * np.sum(w * (g0 + q) * e)
    ev = math.exp(-2 * k * s_half ** 2)
    return ev * t0 / (2 * math.pi * i0e), -ev * t1 / (2 * math.pi * i0e), t1, "tail"


def rel(a, b):
    b = float(b)
    return abs(a - b) / abs(b) if b != 0 else abs(a)


def random_points(n, rng):
    """n points (kappa, x), kappa log-uniform [1e-4, 1e5], x in (-pi, 0): uniform, near the mode, near -pi."""
    pts = []
    for _ in range(n):
        k = 10 ** rng.uniform(-4, 5)
        r = rng.random()
        if r < 0.4:
            x = -rng.uniform(0, math.pi)
        elif r < 0.7:
            x = -(10 ** rng.uniform(-12, 0)) / math.sqrt(k) * rng.uniform(0, 8)
        else:
            x = -math.pi + 10 ** rng.uniform(-12, 0.4)
        pts.append((k, max(x, -math.pi)))
    return pts


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    rng = random.Random(1)
    pts = random_points(n, rng)
    refs = [(k, x, vm(k, x, dps=30)) for k, x in pts]
    worst = {}
    for nc, nt in [(10, 24), (12, 28), (12, 32), (16, 36)]:
        for k, x, ref in refs:
            out = replica(k, x, nc, nt)
            errs = (rel(out[0], ref[0]) if abs(ref[0]) > 1e-300 else 0,
                    rel(out[1], ref[1]) if abs(ref[1]) > 1e-300 else 0,
                    rel(out[2], ref[2]))
            for j, e in enumerate(errs):
                key = (nc if out[3] == "central" else nt, out[3], ("cdf", "dcdf", "grad")[j])
                if key not in worst or e > worst[key][0]:
                    worst[key] = (e, k, x)
    for key in sorted(worst, key=lambda t: (t[1], t[0], t[2])):
        e, k, x = worst[key]
        print(f"{key[1]:8s} {key[0]:3d} points {key[2]:5s} max rel {e:.2e}  (kappa={k:.6g}, x={x:.17g})")


if __name__ == "__main__":
    main()
