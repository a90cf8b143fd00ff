"""Beta(a, b) references: I_x(a, b), 1 - I, dI/da, dI/db and dz/da, dz/db = -(dI/da or dI/db)/f(x; a, b).

Two methods. Written values (dps=common.HIGH_DPS): the continued fraction DLMF 8.17.22 (modified
Lentz, run to the working precision, capped at CF_MAX_TERMS) on the side where it converges,
x < (a+1)/(a+b+2), else on I_{1-x}(b, a) = 1 - I_x(a, b); derivatives by mpmath.diff of that side, so
a tail's derivative is never a difference of numbers near 1. Check (dps=common.CHECK_DPS):
mpmath.betainc (hypergeometric series) and mpmath.diff of it on the side with the smaller value,
where min(a, b) <= BETAINC_MAX_MIN_AB (mpmath.betainc stops converging when both are large), else the
continued fraction at the lower precision. The density in log space with log Beta(a, b) by loggamma.

Table huge_ab (a, b in [1e8, 1e11], where the continued fraction needs up to ~1e5 terms near the mean and
mpmath.diff of it takes minutes per row) uses quadrature instead (_quad): I or 1 - I and the a-, b-derivatives
as integrals of the density and of (log t - psi(a) + psi(a+b)) and (log(1-t) - psi(b) + psi(a+b)) times the
density over the small side, each divided by the density at x; written values by tanh-sinh, the check by
Gauss-Legendre (different nodes and subdivision error). Spot checks against the continued fraction +
mpmath.diff at 45 digits: 4e-40 at a = 1e6, b = 2e6 and 3.6e-37 at a = b = 1e9 (docs/beta.md).
"""
import math
import time

import mpmath
import numpy as np
from mpmath import mp, mpf

from common import HIGH_DPS, evaluate, f32, write_table

COLS_IN = ["a", "b", "x", "u"]
COLS_REF = ["cdf", "q", "dcdf_da", "dcdf_db", "grad_a", "grad_b"]
X_MIN = 1e-300           # smallest x (or 1 - x) tabulated
CF_MAX_TERMS = 2000000   # iteration cap of the continued fraction (never reached on the tables: it raises)
BETAINC_MAX_MIN_AB = 100.0  # mpmath.betainc is used for the check only below this min(a, b) (measured: it fails
                            # with NoConvergence for a = b = 1e5..1e6 after seconds)


def _cf(a, b, x):
    """I_x(a, b) by the continued fraction DLMF 8.17.22; converges fast for x < (a+1)/(a+b+2)."""
    tiny = mpf(2) ** (-mp.prec * 4)
    eps = mpf(2) ** (-mp.prec - 4)
    lead = mpmath.exp(a * mpmath.log(x) + b * mpmath.log1p(-x)
                      - (mpmath.loggamma(a) + mpmath.loggamma(b) - mpmath.loggamma(a + b))) / a
    f, C, D = mpf(1), mpf(1), mpf(0)
    for n in range(1, CF_MAX_TERMS):
        m = n // 2
        if n % 2:
            d = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
        else:
            d = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
        D = 1 + d * D
        if D == 0:
            D = tiny
        C = 1 + d / C
        if C == 0:
            C = tiny
        D = 1 / D
        delta = C * D
        f *= delta
        if abs(delta - 1) < eps:
            return lead / f
    raise mpmath.libmp.NoConvergence("beta continued fraction: %s terms at a=%s b=%s x=%s" % (CF_MAX_TERMS, a, b, x))


def _lower_cf(a, b, x):
    return _cf(a, b, x)


def _upper_cf(a, b, x):
    return _cf(b, a, 1 - x)


def _lower_hyp(a, b, x):
    return mpmath.betainc(a, b, 0, x, regularized=True)


def _upper_hyp(a, b, x):
    # by symmetry (mpmath's betainc(a, b, x, 1) loses the digits of a tail near 1), with 1 - x formed
    # exactly (a double's 1 - x needs up to ~1100 bits), so that a tiny x keeps its digits
    with mp.workprec(mp.prec + 1100):
        y = 1 - x
    return mpmath.betainc(b, a, 0, y, regularized=True)


def iq(a, b, x):
    """(I, 1 - I) at the working precision by the method of the written values (for boost_check.py)."""
    if x < (a + 1) / (a + b + 2):
        I = _lower_cf(a, b, x)
        return I, 1 - I
    Q = _upper_cf(a, b, x)
    return 1 - Q, Q


def _values(a, b, x, lower_side, lo, up):
    if lower_side:
        I = lo(a, b, x)
        Q = 1 - I
        da = mpmath.diff(lambda s: lo(s, b, x), a)
        db = mpmath.diff(lambda s: lo(a, s, x), b)
    else:
        Q = up(a, b, x)
        I = 1 - Q
        da = -mpmath.diff(lambda s: up(s, b, x), a)
        db = -mpmath.diff(lambda s: up(a, s, x), b)
    return I, Q, da, db


def ref(point, dps):
    a, b, x = mpf(point[0]), mpf(point[1]), mpf(point[2])
    cf_side = x < (a + 1) / (a + b + 2)
    if dps == HIGH_DPS or min(point[0], point[1]) > BETAINC_MAX_MIN_AB:
        I, Q, da, db = _values(a, b, x, cf_side, _lower_cf, _upper_cf)
    else:
        # the side with the smaller value, decided in double
        from scipy.special import betainc as sp_i
        try:
            I, Q, da, db = _values(a, b, x, sp_i(point[0], point[1], point[2]) <= 0.5, _lower_hyp, _upper_hyp)
        except (mpmath.libmp.NoConvergence, ValueError):  # mpmath.betainc gives up (a = 65536, b = 1.5)
            I, Q, da, db = _values(a, b, x, cf_side, _lower_cf, _upper_cf)
    logf = ((a - 1) * mpmath.log(x) + (b - 1) * mpmath.log1p(-x)
            - (mpmath.loggamma(a) + mpmath.loggamma(b) - mpmath.loggamma(a + b)))
    inv = mpmath.exp(-logf)
    return (I, Q, da, db, -da * inv, -db * inv)


def _quad(a, b, x, method):
    """(I, 1 - I, dI/da, dI/db, dz/da, dz/db) by quadrature over the small side ([0, x] below the mean, else
    [x, 1]), with breakpoints at x -+ w/4, w/2, w, 2w, ... (w the density's scale at x: the standard
    deviation, or 1/|d log density/dt| in a tail) so that every panel sees a smooth, unimodal piece."""
    logb = mpmath.loggamma(a) + mpmath.loggamma(b) - mpmath.loggamma(a + b)

    def logdens(t):
        return (a - 1) * mpmath.log(t) + (b - 1) * mpmath.log1p(-t) - logb
    lx = logdens(x)
    pa = mpmath.digamma(a + b) - mpmath.digamma(a)
    pb = mpmath.digamma(a + b) - mpmath.digamma(b)
    sd = mpmath.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    slope = (a - 1) / x - (b - 1) / (1 - x)
    w = sd if slope == 0 else min(sd, 1 / abs(slope))
    lower = x <= a / (a + b)
    pts = [x]
    k = mpf(1) / 4
    while True:
        t = x - k * w if lower else x + k * w
        if t <= 0 or t >= 1:
            break
        pts.append(t)
        k *= 2
    pts = sorted(pts + [mpf(0) if lower else mpf(1)])

    def h(t):
        return mpmath.exp(logdens(t) - lx)
    s0 = mpmath.quad(h, pts, method=method)
    sa = mpmath.quad(lambda t: (mpmath.log(t) + pa) * h(t), pts, method=method)
    sb = mpmath.quad(lambda t: (mpmath.log1p(-t) + pb) * h(t), pts, method=method)
    dens = mpmath.exp(lx)
    sign = 1 if lower else -1
    small = s0 * dens
    I, Q = (small, 1 - small) if lower else (1 - small, small)
    return I, Q, sign * sa * dens, sign * sb * dens, -sign * sa, -sign * sb


def ref_quad(point, dps):
    # log t - psi(a) + psi(a+b) is ~1/sqrt(min(a, b)) near the mean: about log10(sqrt(max(a, b))) digits
    # cancel, so the work precision is raised by that much (results then rounded to dps)
    extra = 5 + int(math.log10(max(point[0], point[1])) / 2)
    with mp.workdps(dps + extra):
        a, b, x = mpf(point[0]), mpf(point[1]), mpf(point[2])
        vals = _quad(a, b, x, "tanh-sinh" if dps == HIGH_DPS else "gauss-legendre")
    return tuple(+v for v in vals)


def quantile(a, b, u, upper):
    """x with I_x(a,b) = u (upper=False) or 1 - I_x(a,b) = u (upper=True); None when x or 1-x < X_MIN."""
    from scipy.special import betaincinv, betainccinv
    x = float(betainccinv(a, b, u) if upper else betaincinv(a, b, u))
    if not upper and not (x >= 1e-290):
        # leading term near 0: I ~ x^a / (a B(a, b)), in logs
        lx = (math.log(u) + math.log(a) + math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)) / a
        if lx < math.log(X_MIN):
            return None
        x = math.exp(lx)
    if not (X_MIN <= x < 1) or 1 - x < 1e-16:
        return None
    return x


def loguniform(rng, lo, hi):
    return float(math.exp(rng.uniform(math.log(lo), math.log(hi))))


def tail_u(rng):
    return loguniform(rng, 1e-12, 0.5)


def _tails(rng, n, pick_ab, both=True, upper=None, rounding=True):
    pts = []
    r = f32 if rounding else float
    while len(pts) < n:
        a, b = pick_ab(rng)
        a, b = r(a), r(b)
        up = (rng.uniform() < 0.5) if upper is None else upper
        u = tail_u(rng)
        x = quantile(a, b, u, up)
        if x is None:
            continue
        xr = r(x)
        if not (0 < xr < 1):
            xr = x
        pts.append((a, b, xr, (1 - u) if up else u))
    return pts


def ab_wide(rng):
    return loguniform(rng, 1e-4, 1e6), loguniform(rng, 1e-4, 1e6)


def table_lower_tail(rng):
    return _tails(rng, 500, ab_wide, upper=False)


def table_upper_tail(rng):
    return _tails(rng, 500, ab_wide, upper=True)


def table_large_ab(rng):
    """Both large: x = mean + s sd, s in [-8, 8], plus quantile tails."""
    pts = []
    while len(pts) < 300:
        a, b = f32(loguniform(rng, 30, 1e6)), f32(loguniform(rng, 30, 1e6))
        m = a / (a + b)
        sd = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
        x = f32(m + rng.uniform(-8, 8) * sd)
        if 0 < x < 1:
            pts.append((a, b, x, float("nan")))
    pts += _tails(rng, 200, lambda g: (loguniform(g, 30, 1e6), loguniform(g, 30, 1e6)))
    return pts


def table_small_large(rng):
    """One parameter in [1e-4, 1], the other in [100, 1e6], either order, both tails."""
    def pick(g):
        s, l = loguniform(g, 1e-4, 1.0), loguniform(g, 100, 1e6)
        return (s, l) if g.uniform() < 0.5 else (l, s)
    return _tails(rng, 400, pick)


def table_tiny_ab(rng):
    """Both parameters in [1e-4, 0.1]: mass piles at 0 and 1; x log-uniform towards both ends and quantiles."""
    pts = _tails(rng, 200, lambda g: (loguniform(g, 1e-4, 0.1), loguniform(g, 1e-4, 0.1)))
    while len(pts) < 350:
        a, b = f32(loguniform(rng, 1e-4, 0.1)), f32(loguniform(rng, 1e-4, 0.1))
        t = loguniform(rng, 1e-300, 0.5)
        x = f32(t) if rng.uniform() < 0.5 else 1 - f32(t)
        if 0 < x < 1:
            pts.append((a, b, x, float("nan")))
    return pts


def table_near_ends(rng):
    """x within 1e-12 of 0 or of 1 (full doubles: 1 - 1e-12 is not a float32), a, b in [1e-2, 1e2]."""
    pts = []
    while len(pts) < 300:
        a, b = loguniform(rng, 1e-2, 1e2), loguniform(rng, 1e-2, 1e2)
        t = loguniform(rng, 1e-16, 1e-12)
        x = t if rng.uniform() < 0.5 else 1 - t
        pts.append((a, b, x, float("nan")))
    return pts


def table_pytorch_127387(rng):
    """a near 65536 = 2^16 with b = 1.5 (PyTorch returns inf in float32 here, pytorch#127387): quantiles, both tails."""
    pts = [(65536.0, 1.5, x, float("nan")) for x in (0.5, 0.9, 0.99, 0.999, 0.9999, 0.99999, 0.999999)]
    pts += _tails(rng, 150, lambda g: (65536.0 * math.exp(g.uniform(-0.05, 0.05)), 1.5))
    pts += [(65536.0, 1.5, f32(quantile(65536.0, 1.5, u, up)), (1 - u) if up else u)
            for u in (1e-12, 1e-9, 1e-6, 1e-3, 0.1, 0.5) for up in (False, True)]
    return pts


def table_heldout(rng):
    """Random full-double points: a, b log-uniform in [1e-4, 1e6], u uniform or log-uniform in either tail."""
    pts = []
    while len(pts) < 700:
        a, b = ab_wide(rng)
        r = rng.uniform()
        if r < 0.4:
            u, up = float(rng.uniform(1e-12, 1 - 1e-12)), False
        else:
            u, up = tail_u(rng), r >= 0.7
        x = quantile(a, b, u, up)
        if x is not None:
            pts.append((a, b, x, (1 - u) if up else u))
    return pts


def table_huge_ab(rng):
    """Both parameters in [1e8, 1e11] (beyond the original cap of the continued fraction): x = mean + s sd,
    next to the switch point, and tail quantiles; full doubles."""
    pts = []

    def pick():
        a, b = loguniform(rng, 1e8, 1e11), loguniform(rng, 1e8, 1e11)
        m = a / (a + b)
        return a, b, m, math.sqrt(m * (b / (a + b)) / (a + b + 1)), (a + 1) / (a + b + 2)
    while len(pts) < 150:
        a, b, m, sd, _ = pick()
        pts.append((a, b, m + rng.uniform(-8, 8) * sd, float("nan")))
    while len(pts) < 200:
        a, b, m, sd, sw = pick()
        r = rng.uniform()
        x = sw if r < 0.2 else math.nextafter(sw, 0) if r < 0.3 else math.nextafter(sw, 1) if r < 0.4 \
            else sw + rng.uniform(-0.05, 0.05) * sd
        pts.append((a, b, x, float("nan")))
    pts += _tails(rng, 60, lambda g: (loguniform(g, 1e8, 1e11), loguniform(g, 1e8, 1e11)), rounding=False)
    return pts


def table_giant_ab(rng):
    """Both parameters in [1e12, 1e40]: x = mean + s sd and within 1 sd of the switch point (where the
    fraction is shifted, and beyond ~3e31 where 2 sd is below half an ulp, the normal limit); full doubles."""
    pts = []
    while len(pts) < 240:
        a = loguniform(rng, 1e12, 1e40)
        # half the rows a, b independent, half b within a factor 1e3 of a (x near 0 or 1 resolves the
        # mean too coarsely for most of the independent pairs: those rows underflow and are left out)
        b = loguniform(rng, 1e12, 1e40) if len(pts) % 2 == 0 else min(1e40, max(1e12, a * loguniform(rng, 1e-3, 1e3)))
        m = a / (a + b)
        sd = math.sqrt(m * (b / (a + b)) / (a + b + 1))
        sw = (a + 1) / (a + b + 2)
        x = m + rng.uniform(-8, 8) * sd if len(pts) < 120 else sw + rng.uniform(-1, 1) * sd
        if 0 < x < 1:
            pts.append((a, b, x, float("nan")))
    return pts


TABLES = {
    "lower_tail": (table_lower_tail, 201, "lower tail, I from 1e-12 to 1/2", "a, b in [1e-4, 1e6], x >= 1e-300",
                   "a, b log-uniform; u log-uniform in [1e-12, 1/2]; x = scipy betaincinv (log-space leading term "
                   "where it underflows), float32-rounded where representable"),
    "upper_tail": (table_upper_tail, 202, "upper tail, 1 - I from 1e-12 to 1/2", "a, b in [1e-4, 1e6]",
                   "a, b log-uniform; 1 - u log-uniform in [1e-12, 1/2]; x = scipy betainccinv, float32-rounded "
                   "where representable; column u is the target I"),
    "large_ab": (table_large_ab, 203, "both parameters large (uniform asymptotic region)", "a, b in [30, 1e6]",
                 "300 rows x = mean + s sd, s uniform in [-8, 8]; 200 rows tail quantiles in [1e-12, 1/2] either side; "
                 "float32-rounded"),
    "small_large": (table_small_large, 204, "one parameter in [1e-4, 1], the other in [100, 1e6]",
                    "as stated, either order", "tail quantiles in [1e-12, 1/2] either side; float32-rounded"),
    "tiny_ab": (table_tiny_ab, 205, "both parameters in [1e-4, 0.1]", "x from 1e-300 to 1 - 1e-300 where representable",
                "200 rows tail quantiles either side, 150 rows x or 1 - x log-uniform in [1e-300, 1/2]"),
    "near_ends": (table_near_ends, 206, "x within 1e-12 of 0 or 1", "a, b in [1e-2, 1e2], x or 1 - x in [1e-16, 1e-12]",
                  "log-uniform; full doubles (not float32-exact)"),
    "pytorch_127387": (table_pytorch_127387, 207, "a ~ 65536, b = 1.5 (pytorch#127387)", "a in 65536*[e^-0.05, e^0.05]",
                       "fixed x and quantiles in both tails, float32-rounded"),
    "huge_ab": (table_huge_ab, 208, "both parameters huge (continued fraction of up to ~1e5 steps)",
                "a, b in [1e8, 1e11]", "a, b log-uniform; 150 rows x = mean + s sd, s uniform in [-8, 8]; 50 rows "
                "at the switch point (a+1)/(a+b+2), its neighbours and within 0.05 sd of it; 60 rows tail quantiles "
                "in [1e-12, 1/2] either side; full doubles (not float32-exact); references by quadrature "
                "(tanh-sinh, checked by Gauss-Legendre)", ref_quad),
    "giant_ab": (table_giant_ab, 209, "both parameters giant (shifted fraction, normal limit)", "a, b in [1e12, 1e40]",
                 "a log-uniform, b log-uniform (even rows) or a times log-uniform [1e-3, 1e3] (odd rows); 120 candidates x = "
                 "mean + s sd, s uniform in [-8, 8]; 120 within 1 sd of the switch "
                 "point (a+1)/(a+b+2); full doubles; references by quadrature (tanh-sinh, checked by Gauss-Legendre) "
                 "at the stated precision plus log10(sqrt(max(a, b))) + 5 digits", ref_quad),
    "heldout": (table_heldout, 299, "held-out random points (full doubles)", "a, b in [1e-4, 1e6], quantiles 1e-12 .. "
                "1-1e-12", "a, b log-uniform; u uniform (40%), log-uniform lower tail (30%), upper tail (30%)"),
}


def generate(names=None):
    for name, (fn, seed, covers, domain, how, *method) in TABLES.items():
        if names and name not in names:
            continue
        t0 = time.time()
        rng = np.random.default_rng(seed)
        pts = fn(rng)
        rows, bad, outr = evaluate(pts, method[0] if method else ref, COLS_REF)
        write_table("beta", name, covers, domain, how, seed, COLS_IN, COLS_REF, rows, bad, outr, time.time() - t0)
