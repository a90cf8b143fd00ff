"""von Mises(0, kappa) references: F(x; kappa) on (-pi, pi), 1 - F, dF/dkappa, dz/dkappa = -(dF/dkappa)/p(x).

Written values (dps=common.HIGH_DPS): tanh-sinh quadrature (mpmath.quad) of the density
p(t) = exp(kappa (cos t - 1)) / (2 pi I0e(kappa)), I0e = I0 e^-kappa, and of its kappa-derivative
(cos t - A) p(t), A = I1/I0, over the small side: [-pi, x] for x <= 0 (F and dF/dkappa directly),
[x, pi] for x > 0 (1 - F and -dF/dkappa directly), with breakpoints at geometrically growing distances
from x on the scale of the density, so the tails are never differences of numbers near 1.
Check (dps=common.CHECK_DPS): for kappa <= SERIES_MAX_KAPPA and kappa (1 - cos x) <= SERIES_MAX_EXPONENT the
Fourier series
F = (x + pi)/(2 pi) + (1/pi) sum rho_n sin(n x)/n, rho_n = I_n/I0 from the backward recurrence
rho_n/rho_{n-1} = 1/(2n/kappa + rho_{n+1}/rho_n), and its kappa-derivative
rho_n' = (rho_{n-1} + rho_{n+1})/2 - rho_n rho_1, summed at SERIES_DPS digits (the tiny tail near -pi
is a difference there); above, the quadrature again at the lower precision.
Zero crossings: dF/dkappa and dz/dkappa vanish at x = 0 and x = +-pi. Columns scale_dcdf_dkappa and
scale_grad_kappa give, per row, |dF/dkappa| and |dz/dkappa| at x* = -arccos(A), where dF/dkappa has
its extremum; the tests measure relative error against max(|ref|, 1e-12 * scale) there.
"""
import math
import time

import mpmath
import numpy as np
from mpmath import mp, mpf

from common import HIGH_DPS, evaluate, f32, write_table

COLS_IN = ["kappa", "x", "u"]
COLS_REF = ["cdf", "q", "dcdf_dkappa", "grad_kappa", "scale_dcdf_dkappa", "scale_grad_kappa"]
SERIES_MAX_KAPPA = 2000.0  # the check uses the Fourier series up to here (terms ~ kappa + 40 sqrt(kappa) + 200)
SERIES_DPS = 110         # working digits of the series check (it loses log10(1/F) digits in the lower tail;
                         # rows with F below ~1e-50 then fail the agreement check and are dropped)
SERIES_MAX_EXPONENT = 300.0  # the series is summed to N = kappa + 40 sqrt(kappa) + 200 terms; where kappa (1 - cos x)
                             # is larger, its truncation (rho_N ~ e^-2800 at kappa = 1500) exceeds F itself
                             # (~ e^-kappa (1 - cos x)) and the check is the quadrature at the lower precision
                             # (before: such rows were dropped as "disagree 1.00e+00")
NEWTON_MAX = 60          # iteration cap of the quantile search


def _consts(k):
    if k == 0:
        return mpf(0), 1 / (2 * mpmath.pi)
    i0e = mpmath.besseli(0, k) * mpmath.exp(-k)
    A = mpmath.besseli(1, k) / mpmath.besseli(0, k)
    return A, 1 / (2 * mpmath.pi * i0e)


def _breaks(k, x, lo_side):
    """Breakpoints from x towards -pi (lo_side) or +pi, at geometric distances on the density's scale."""
    w = 1 / mpmath.sqrt(k + 1)
    h = min(w, 1 / (k * abs(mpmath.sin(x)) + 1))
    end = -mpmath.pi if lo_side else mpmath.pi
    pts = [x]
    d = h
    while d < abs(end - x):
        pts.append(x - d if lo_side else x + d)
        d *= 2
    pts.append(end)
    if lo_side:
        pts.reverse()
    return pts


def _small_side(k, x):
    """(S, dS) with S = F(x) for x <= 0, S = 1 - F(x) for x > 0, and dS its kappa-derivative.

    The integrands are divided by the density at x (which is their largest value on the small side),
    so mpmath.quad's absolute tolerance becomes a relative one even where S is 1e-50 (measured: without
    this, S was wrong by 2e-17 relative at kappa = 77.6, x = -2.07)."""
    A, c = _consts(k)
    cx = mpmath.cos(x)
    g = lambda t: mpmath.exp(k * (mpmath.cos(t) - cx))
    lo_side = x <= 0
    pts = _breaks(k, x, lo_side)
    px = c * mpmath.exp(k * (cx - 1))
    S = px * mpmath.quad(g, pts)
    dS = px * mpmath.quad(lambda t: (mpmath.cos(t) - A) * g(t), pts)
    return S, dS, A, c


def quad_values(k, x):
    S, dS, A, c = _small_side(k, x)
    if x <= 0:
        F, Q, dF = S, 1 - S, dS
    else:
        F, Q, dF = 1 - S, S, -dS
    return F, Q, dF, c * mpmath.exp(k * (mpmath.cos(x) - 1)), A


def series_digits(k, x):
    """Working digits for the series at (kappa, x): SERIES_DPS plus the digits that the small side
    (F near -pi, 1 - F near +pi, as small as p(x) ~ exp(-kappa (1 - cos x)) times the distance to pi)
    loses to cancellation against the O(1) terms."""
    d = math.pi - abs(x)
    lost = 0.4343 * k * (1 - math.cos(x)) + math.log10(k + 1) + max(0.0, -math.log10(max(d, 1e-300)))
    return SERIES_DPS + int(lost)


def series_values(k, x):
    with mp.workdps(series_digits(k, x)):
        k, x = mpf(k), mpf(x)
        if k == 0:
            F = (x + mpmath.pi) / (2 * mpmath.pi)
            return F, 1 - F, mpmath.sin(x) / (2 * mpmath.pi), 1 / (2 * mpmath.pi), mpf(0)
        N = int(k + 40 * math.sqrt(float(k)) + 200)
        r = [mpf(0)] * (N + 2)  # r[n] = rho_n / rho_{n-1}
        for n in range(N, 0, -1):
            r[n] = 1 / (2 * n / k + r[n + 1])
        rho = [mpf(1)] * (N + 2)
        for n in range(1, N + 1):
            rho[n] = rho[n - 1] * r[n]
        rho[N + 1] = mpf(0)
        s, ds = mpf(0), mpf(0)
        for n in range(1, N + 1):
            sn = mpmath.sin(n * x) / n
            drho = (rho[n - 1] + rho[n + 1]) / 2 - rho[n] * rho[1]
            s += rho[n] * sn
            ds += drho * sn
        F = (x + mpmath.pi) / (2 * mpmath.pi) + s / mpmath.pi
        dF = ds / mpmath.pi
        i0e = mpmath.besseli(0, k) * mpmath.exp(-k)
        p = mpmath.exp(k * (mpmath.cos(x) - 1)) / (2 * mpmath.pi * i0e)
        return F, 1 - F, dF, p, rho[1]


def ref(point, dps):
    k, x = mpf(point[0]), mpf(point[1])
    if x == 0:  # by symmetry: F = 1/2, dF/dkappa = 0 exactly
        F, Q, dF, p = mpf(0.5), mpf(0.5), mpf(0), _consts(k)[1]
    elif dps != HIGH_DPS and point[0] <= SERIES_MAX_KAPPA and point[0] * (1 - math.cos(point[1])) <= SERIES_MAX_EXPONENT:
        F, Q, dF, p, _ = series_values(point[0], point[1])
    else:
        F, Q, dF, p, _ = quad_values(k, x)
    grad = -dF / p
    sd, sg = scales(point[0])
    return (F, Q, dF, grad, mpf(sd), mpf(sg))


def _small_side_double(k, x):
    """(F(x), p(x)) for x <= 0 in double precision (scipy), for choosing points and for the scales."""
    from scipy.integrate import quad
    from scipy.special import i0e
    c = 1 / (2 * math.pi * i0e(k))
    f = lambda t: c * math.exp(k * (math.cos(t) - 1))
    w = 1 / math.sqrt(k + 1)
    pts = [p for p in (x - w, x - 4 * w, x - 16 * w) if -math.pi < p < x]
    S = quad(f, -math.pi, x, points=pts or None, epsabs=0, epsrel=1e-13, limit=200)[0]
    return S, f(x)


def scales(k):
    """(|dF/dkappa|, |dz/dkappa|) at x* = -arccos(A(kappa)), where dF/dkappa is extremal; double precision."""
    from scipy.integrate import quad
    from scipy.special import i0e, i1e
    A = float(i1e(k) / i0e(k)) if k > 0 else 0.0
    xs = -math.acos(A)
    c = 1 / (2 * math.pi * i0e(k))
    f = lambda t: (math.cos(t) - A) * c * math.exp(k * (math.cos(t) - 1))
    w = 1 / math.sqrt(k + 1)
    pts = [p for p in (xs - w, xs - 4 * w, xs - 16 * w) if -math.pi < p < xs]
    dF = quad(f, -math.pi, xs, points=pts or None, epsabs=0, epsrel=1e-12, limit=200)[0]
    p = c * math.exp(k * (math.cos(xs) - 1))
    return abs(dF), abs(dF) / p


def quantile(k, u):
    """x in (-pi, 0] with F(x; kappa) = u for u <= 1/2 (Newton on log F in double, safeguarded by bisection)."""
    from scipy.special import ndtri
    lo, hi = -math.pi, 0.0
    x = max(-3.1, min(-1e-300, ndtri(u) / math.sqrt(k))) if k > 4 else -math.pi + 2 * math.pi * u
    lu = math.log(u)
    for _ in range(NEWTON_MAX):
        S, p = _small_side_double(k, x)
        g = math.log(S) - lu if S > 0 else -1e300
        if g > 0:
            hi = x
        else:
            lo = x
        xn = x - g * S / p if p > 0 else (lo + hi) / 2
        if not (lo < xn < hi):
            xn = (lo + hi) / 2
        if abs(xn - x) <= 1e-15 * (1 + abs(x)):
            return xn
        x = xn
    return x


def loguniform(rng, lo, hi):
    return float(math.exp(rng.uniform(math.log(lo), math.log(hi))))


def fx(x):
    """x rounded to float32 when that stays inside (-pi, pi) (float32(pi) > pi), else x."""
    r = f32(x)
    return r if -math.pi < r < math.pi else x


def _tail(rng, n, kappa, upper):
    pts = []
    while len(pts) < n:
        k = f32(kappa(rng))
        u = loguniform(rng, 1e-12, 0.5)
        x = quantile(k, u)
        if x <= -math.pi or x >= 0:
            continue
        pts.append((k, fx(-x), 1 - u) if upper else (k, fx(x), u))
    return pts


def kappa_wide(g):
    return loguniform(g, 1e-4, 1e5)


def table_lower_tail(rng):
    return _tail(rng, 200, kappa_wide, False)


def table_upper_tail(rng):
    return _tail(rng, 200, kappa_wide, True)


def table_near_zero(rng):
    """x within a small multiple of the density's width of 0 (sign change of dz/dkappa), and x = 0."""
    pts = []
    for _ in range(150):
        k = f32(kappa_wide(rng))
        d = loguniform(rng, 1e-12, 1.0) / math.sqrt(max(k, 1.0))
        pts.append((k, fx(d if rng.uniform() < 0.5 else -d), float("nan")))
    pts += [(f32(kappa_wide(rng)), 0.0, 0.5) for _ in range(10)]
    return pts


def table_near_pi(rng):
    """x within [1e-12, 0.3] of -pi or +pi (full doubles: float32 cannot get that close to pi)."""
    pts = []
    for _ in range(200):
        k = loguniform(rng, 1e-4, 400)
        d = loguniform(rng, 1e-12, 0.3)
        x = -math.pi + d if rng.uniform() < 0.5 else math.pi - d
        if -math.pi < x < math.pi:
            pts.append((k, x, float("nan")))
    return pts


def table_hill_switch(rng):
    """kappa around Hill's switch at 10.5 (and the series/asymptotic trade-off): kappa in [4, 30]."""
    pts = []
    for _ in range(150):
        k = f32(rng.uniform(4, 30))
        x = fx(rng.uniform(-math.pi, math.pi))
        pts.append((k, x, float("nan")))
    pts += _tail(rng, 60, lambda g: g.uniform(4, 30), rng.uniform() < 0.5)
    return pts


def table_kappa_ranges(rng):
    """kappa = 0 exactly, tiny kappa, and decades from 30 to 1e5 (large-kappa methods), x across the circle."""
    pts = []
    for _ in range(40):
        pts.append((0.0, fx(rng.uniform(-math.pi, math.pi)), float("nan")))
    for lo, hi, n in ((1e-4, 1e-2, 40), (30, 300, 40), (300, 1e4, 40), (1e4, 1e5, 40)):
        for _ in range(n):
            k = f32(loguniform(rng, lo, hi))
            s = rng.uniform(-6, 6) / math.sqrt(k) if k > 1 else rng.uniform(-math.pi, math.pi)
            x = fx(max(-3.14, min(3.14, s)))
            pts.append((k, x, float("nan")))
    return pts


def table_heldout(rng):
    """Random full doubles: kappa log-uniform in [1e-4, 1e5], x uniform (40%) or a tail quantile (60%)."""
    pts = []
    while len(pts) < 300:
        k = kappa_wide(rng)
        r = rng.uniform()
        if r < 0.4:
            pts.append((k, float(rng.uniform(-math.pi, math.pi)), float("nan")))
        else:
            u = loguniform(rng, 1e-12, 0.5)
            x = quantile(k, u)
            if -math.pi < x < 0:
                pts.append((k, -x, 1 - u) if r >= 0.7 else (k, x, u))
    return pts


TABLES = {
    "lower_tail": (table_lower_tail, 301, "lower tail, F from 1e-12 to 1/2", "kappa in [1e-4, 1e5], x in (-pi, 0)",
                   "kappa log-uniform; u log-uniform in [1e-12, 1/2]; x by Newton on log F (quadrature at 20 digits); "
                   "float32-rounded"),
    "upper_tail": (table_upper_tail, 302, "upper tail, 1 - F from 1e-12 to 1/2", "kappa in [1e-4, 1e5], x in (0, pi)",
                   "as lower_tail, mirrored (x -> -x); column u is the target F"),
    "near_zero": (table_near_zero, 303, "x near 0, where dF/dkappa and dz/dkappa change sign",
                  "kappa in [1e-4, 1e5], |x| in [1e-12, 1] / sqrt(max(kappa, 1)), and x = 0",
                  "log-uniform, float32-rounded"),
    "near_pi": (table_near_pi, 304, "x near -pi and +pi", "kappa in [1e-4, 400], pi - |x| in [1e-12, 0.3]",
                "log-uniform; full doubles. Rows with F < 1e-300 are left out (large kappa near -pi)"),
    "hill_switch": (table_hill_switch, 305, "kappa around Hill's method switch at 10.5", "kappa in [4, 30]",
                    "150 rows x uniform on (-pi, pi), 60 tail quantiles in [1e-12, 1/2]; float32-rounded"),
    "kappa_ranges": (table_kappa_ranges, 306, "kappa = 0, tiny kappa, and kappa from 30 to 1e5",
                     "kappa in {0} U [1e-4, 1e-2] U [30, 1e5]", "x uniform on the circle for small kappa, within 6 "
                     "standard deviations of 0 for large kappa; float32-rounded"),
    "heldout": (table_heldout, 399, "held-out random points (full doubles)", "kappa in [1e-4, 1e5], x in (-pi, pi)",
                "kappa log-uniform; x uniform (40%), lower-tail quantile (30%), upper-tail quantile (30%)"),
}


def generate(names=None):
    for name, (fn, seed, covers, domain, how) in TABLES.items():
        if names and name not in names:
            continue
        t0 = time.time()
        rng = np.random.default_rng(seed)
        pts = fn(rng)
        rows, bad, outr = evaluate(pts, ref, COLS_REF)
        write_table("vonmises", name, covers, domain, how, seed, COLS_IN, COLS_REF, rows, bad, outr, time.time() - t0)
