"""Gamma(alpha, 1) references: P(alpha, x), Q = 1 - P, dP/dalpha and dx/dalpha = -(dP/dalpha)/p(x; alpha).

dP/dalpha: mpmath.diff (its default step, with raised working precision) of the regularized
incomplete gamma on the smaller side: of P when P <= 1/2, else minus the derivative of Q, so the
derivative of the tiny tail is never a difference of numbers near 1. The density in log space:
log p = (alpha-1) log x - x - log Gamma(alpha) (mpmath's exponent range is unbounded, so nothing
underflows). Every value is computed at two precisions (common.HIGH_DPS, common.CHECK_DPS).
"""
import math
import time

import mpmath
import numpy as np
from mpmath import mp, mpf

from common import evaluate, f32, write_table

COLS_IN = ["alpha", "x", "u"]
COLS_REF = ["cdf", "q", "dcdf_dalpha", "grad_alpha"]
X_MIN = 1e-300  # smallest x tabulated (the task: x >= 1e-300, skip underflowing points)


def _lower(s, x):
    return mpmath.gammainc(s, 0, x, regularized=True)


def _upper(s, x):
    return mpmath.gammainc(s, x, mpmath.inf, regularized=True)


def _upper_quad(a, x):
    """(Q, dQ/da) by tanh-sinh quadrature of the density and of (log t - psi(a)) times it over [x, inf).

    Used where mpmath.gammainc's series gives up (large alpha, x a few sqrt(alpha) above alpha)."""
    # integrands divided by the density at x (their largest value for x above the mode), so that
    # mpmath.quad's absolute tolerance acts as a relative one for tiny Q
    psi, lx = mpmath.digamma(a), mpmath.log(x)
    fx = mpmath.exp((a - 1) * lx - x - mpmath.loggamma(a))
    f = lambda t: mpmath.exp((a - 1) * (mpmath.log(t) - lx) - (t - x))
    s = mpmath.sqrt(max(a, mpf(1)))
    pts = [x] + [x + k * s for k in (0.5, 1, 2, 4, 8, 16, 32, 64)] + [mpmath.inf]
    Q = fx * mpmath.quad(f, pts)
    dQ = fx * mpmath.quad(lambda t: (mpmath.log(t) - psi) * f(t), pts)
    return Q, dQ


def pq(a, x):
    """(P, Q) at the working precision by the generator's method (for tools/golden/boost_check.py)."""
    from scipy.special import gammainc as sp_p
    if sp_p(float(a), float(x)) <= 0.5:
        P = _lower(a, x)
        return P, 1 - P
    try:
        Q = _upper(a, x)
    except (mpmath.libmp.NoConvergence, ValueError):
        Q = _upper_quad(a, x)[0]
    return 1 - Q, Q


def ref(point, dps):
    from scipy.special import gammainc as sp_p
    a, x = mpf(point[0]), mpf(point[1])
    lower_small = sp_p(point[0], point[1]) <= 0.5  # which side is the small one (decided in double)
    if lower_small:
        P = _lower(a, x)
        Q = 1 - P
        d = mpmath.diff(lambda s: _lower(s, x), a)
    else:
        try:
            Q = _upper(a, x)
            d = -mpmath.diff(lambda s: _upper(s, x), a)
        except (mpmath.libmp.NoConvergence, ValueError):  # mpmath gives up (tiny Q at huge x)
            Q, dQ = _upper_quad(a, x)
            d = -dQ
        P = 1 - Q
    logp = (a - 1) * mpmath.log(x) - x - mpmath.loggamma(a)
    grad = -d * mpmath.exp(-logp)
    return (P, Q, d, grad)


def quantile(a, u, upper):
    """x with P(a, x) = u (upper=False) or Q(a, x) = u (upper=True), as a double; None if x < X_MIN."""
    from scipy.special import gammaincinv, gammainccinv
    x = float(gammainccinv(a, u) if upper else gammaincinv(a, u))
    if not upper and (x < 1e-290 or not math.isfinite(x)):
        # scipy underflows for tiny alpha: leading term of the series, log x = (log u + lgamma(a+1))/a
        lx = (math.log(u) + math.lgamma(a + 1)) / a
        if lx < math.log(X_MIN):
            return None
        x = math.exp(lx)
    if not (x >= X_MIN) or not math.isfinite(x):
        return None
    return x


def loguniform(rng, lo, hi, n):
    return np.exp(rng.uniform(math.log(lo), math.log(hi), n))


def alpha_grid():
    """Decades and half-decades of alpha in [1e-4, 1e6]."""
    return [m * 10.0 ** e for e in range(-4, 7) for m in (1.0, 3.0)][:-1]


def tail_points(rng, upper, n_random):
    pts = []
    alphas = list(loguniform(rng, 1e-4, 1e6, n_random)) + alpha_grid()
    for i, a in enumerate(alphas):
        a = f32(a)
        k = 1 if i < n_random else 6  # grid alphas get several quantiles each
        for _ in range(k):
            u = float(math.exp(rng.uniform(math.log(1e-12), math.log(0.5))))
            x = quantile(a, u, upper)
            if x is not None:
                pts.append((a, f32(x), (1 - u) if upper else u))
    return pts


def table_lower_tail(rng):
    return tail_points(rng, False, 500)


def table_upper_tail(rng):
    return tail_points(rng, True, 500)


def table_saddle(rng):
    """Large alpha with x near alpha: x = alpha + s sqrt(alpha), s in [-8, 8]."""
    pts = []
    for a in loguniform(rng, 30.0, 1e6, 500):
        a = f32(a)
        s = rng.uniform(-8, 8)
        x = a + s * math.sqrt(a)
        if x > 0:
            pts.append((a, f32(x), float("nan")))
    return pts


def table_alpha_1e4(rng):
    """alpha close to x close to 1e4 (Eigen's weak spot: 5.2e-6 relative error in double)."""
    pts = []
    for _ in range(300):
        a = f32(1e4 * math.exp(rng.uniform(-0.3, 0.3)))
        x = a * (1 + rng.uniform(-0.03, 0.03))
        pts.append((a, f32(x), float("nan")))
    return pts


def table_tiny_alpha(rng):
    """alpha in [1e-4, 0.1]: upper tail (1-u down to 1e-12), and x from 1e-300 up through x ~ 1."""
    pts = []
    for a in loguniform(rng, 1e-4, 0.1, 400):
        a = f32(a)
        if rng.uniform() < 0.5:
            u = float(math.exp(rng.uniform(math.log(1e-12), math.log(0.5))))
            x = quantile(a, u, True)
            if x is not None:
                pts.append((a, f32(x), 1 - u))
        else:
            x = float(math.exp(rng.uniform(math.log(1e-300), math.log(50.0))))
            pts.append((a, f32(x), float("nan")))
    return pts


def table_boundaries(rng):
    """Where methods typically switch: x near alpha+1, x near 1, alpha in 10..50, x near alpha."""
    pts = []
    for _ in range(150):  # x ~ alpha + 1
        a = f32(float(loguniform(rng, 1e-2, 1e3, 1)[0]))
        x = (a + 1) * (1 + rng.uniform(-1e-3, 1e-3)) if rng.uniform() < 0.5 else a + 1 + rng.uniform(-1, 1)
        pts.append((a, f32(x), float("nan")))
    for _ in range(150):  # x ~ 1
        a = f32(float(loguniform(rng, 1e-4, 20, 1)[0]))
        x = 1 + rng.uniform(-0.05, 0.05)
        pts.append((a, f32(x), float("nan")))
    for _ in range(200):  # alpha 10..50 over quantiles
        a = f32(rng.uniform(8, 60))
        u = float(rng.uniform(1e-6, 1 - 1e-6))
        x = quantile(a, u, False)
        pts.append((a, f32(x), u))
    for _ in range(100):  # x ~ alpha, moderate alpha
        a = f32(float(loguniform(rng, 0.1, 100, 1)[0]))
        x = a * (1 + rng.uniform(-0.05, 0.05))
        pts.append((a, f32(x), float("nan")))
    return pts


def table_heldout(rng):
    """Random points, not float32-rounded: alpha log-uniform, quantile uniform or log-uniform in either tail."""
    pts = []
    while len(pts) < 800:
        a = float(loguniform(rng, 1e-4, 1e6, 1)[0])
        r = rng.uniform()
        if r < 0.4:
            u, upper = float(rng.uniform(1e-12, 1 - 1e-12)), False
        elif r < 0.7:
            u, upper = float(math.exp(rng.uniform(math.log(1e-12), math.log(0.5)))), False
        else:
            u, upper = float(math.exp(rng.uniform(math.log(1e-12), math.log(0.5)))), True
        x = quantile(a, u, upper)
        if x is not None:
            pts.append((a, x, (1 - u) if upper else u))
    return pts


def table_f32_switch(rng):
    """Switch-over places of the float32-arithmetic kernels (GammaFloatKernels, docs/simd.md "float32
    arithmetic"), all inputs float32-exact: the digamma branches (alpha ~ 5 and 6), log x - psi(alpha+1) ~ 0
    (x ~ exp(psi(alpha+1))), x ~ alpha+1 and alpha+1/2 (the series / fraction splits), alpha ~ 20 and the Temme window edges, the float domain edges
    (alpha tiny and huge, x tiny)."""
    from scipy.special import digamma
    pts = []
    for _ in range(100):  # digamma shift: y = alpha (fraction) or alpha + 1 (series) crosses 6
        a = f32(rng.uniform(4.5, 6.5))
        u = float(rng.uniform(1e-6, 1 - 1e-6))
        pts.append((a, f32(quantile(a, u, False)), u))
    for _ in range(100):  # log x - psi(alpha + 1) ~ 0: the series bracket's two terms of opposite sign
        a = f32(float(loguniform(rng, 1e-3, 20, 1)[0]))
        x = math.exp(digamma(a + 1)) * (1 + rng.uniform(-0.02, 0.02))
        pts.append((a, f32(x), float("nan")))
    for k in range(200):  # x ~ alpha + 1 (float64 series / fraction split), x ~ alpha + 1/2 (the float one)
        a = f32(float(loguniform(rng, 1e-5, 20, 1)[0]))
        x = (a + (1 if k % 2 == 0 else 0.5)) * (1 + rng.uniform(-2e-3, 2e-3))
        pts.append((a, f32(x), float("nan")))
    for _ in range(60):  # alpha ~ 20 (Temme's lower edge) over quantiles
        a = f32(rng.uniform(19, 21))
        u = float(rng.uniform(1e-6, 1 - 1e-6))
        pts.append((a, f32(quantile(a, u, False)), u))
    for _ in range(100):  # Temme window edges lambda = x/alpha ~ TEMME_LAMBDA_LO / TEMME_LAMBDA_HI
        a = f32(float(loguniform(rng, 20, 1e6, 1)[0]))
        lam = (0.301709562684336 if rng.uniform() < 0.5 else 2.357676673945899) * (1 + rng.uniform(-0.02, 0.02))
        pts.append((a, f32(a * lam), float("nan")))
    for _ in range(80):  # alpha at the float domain edges, over quantiles
        a = f32(float(loguniform(rng, 1e-6, 1e-3, 1)[0] if rng.uniform() < 0.5 else loguniform(rng, 3e5, 1e6, 1)[0]))
        u = float(math.exp(rng.uniform(math.log(1e-10), math.log(0.5))))
        x = quantile(a, u, rng.uniform() < 0.5)
        if x is not None:
            pts.append((a, f32(x), float("nan")))
    for _ in range(60):  # x tiny (near the float x limit), alpha small to moderate
        a = f32(float(loguniform(rng, 1e-4, 10, 1)[0]))
        x = float(loguniform(rng, 1e-37, 1e-20, 1)[0])
        pts.append((a, f32(x), float("nan")))
    return pts


TABLES = {
    # name: (function, seed, covers, domain, how points were chosen)
    "lower_tail": (table_lower_tail, 101, "lower tail, P(alpha,x) from 1e-12 to 1/2",
                   "alpha in [1e-4, 1e6], x >= 1e-300",
                   "alpha log-uniform (500) plus a grid {1,3}x10^k (6 quantiles each); u log-uniform in [1e-12, 1/2]; "
                   "x = scipy gammaincinv(alpha, u) (log-space series for tiny alpha), rounded to float32"),
    "upper_tail": (table_upper_tail, 102, "upper tail, Q(alpha,x) from 1e-12 to 1/2",
                   "alpha in [1e-4, 1e6]",
                   "alpha log-uniform (500) plus a grid; 1-u log-uniform in [1e-12, 1/2]; x = scipy gammainccinv, "
                   "rounded to float32; column u is the target P"),
    "saddle": (table_saddle, 103, "large alpha with x near alpha (the uniform asymptotic region)",
               "alpha in [30, 1e6], x = alpha + s sqrt(alpha), s in [-8, 8]",
               "alpha log-uniform, s uniform, both rounded to float32"),
    "alpha_1e4": (table_alpha_1e4, 104, "alpha ~ x ~ 1e4 (slow convergence of series and continued fraction)",
                  "alpha in 1e4*[e^-0.3, e^0.3], x = alpha (1 +- 0.03)", "uniform, rounded to float32"),
    "tiny_alpha": (table_tiny_alpha, 105, "tiny alpha: upper tail down to 1e-12 and x from 1e-300 to 50",
                   "alpha in [1e-4, 0.1]", "alpha log-uniform; half the rows a log-uniform upper quantile, half x "
                   "log-uniform in [1e-300, 50]; float32-rounded where representable"),
    "boundaries": (table_boundaries, 106, "method boundaries: x ~ alpha+1, x ~ 1, alpha in 8..60, x ~ alpha",
                   "alpha in [1e-4, 1e3]", "150 rows x near alpha+1, 150 x near 1, 200 alpha uniform in [8, 60] with "
                   "u uniform, 100 x within 5% of alpha; float32-rounded"),
    "heldout": (table_heldout, 199, "held-out random points (full doubles, not float32-exact)",
                "alpha in [1e-4, 1e6], quantiles 1e-12 .. 1-1e-12",
                "alpha log-uniform; u uniform (40%), log-uniform lower tail (30%), log-uniform upper tail (30%)"),
    "f32_switch": (table_f32_switch, 107, "switch-over places of the float32-arithmetic SIMD kernels",
                   "alpha in [1e-6, 1e6], x from 1e-37",
                   "100 rows alpha in [4.5, 6.5] (digamma shift), 100 x ~ exp(psi(alpha+1)), 100 x ~ alpha+1 and 100 x ~ alpha+1/2, "
                   "60 alpha in [19, 21], 100 x/alpha near the Temme window edges, 80 alpha in [1e-6, 1e-3] or "
                   "[3e5, 1e6] over tail quantiles, 60 x in [1e-37, 1e-20]; float32-rounded"),
}


def generate(names=None):
    for name, (fn, seed, covers, domain, how) in TABLES.items():
        if names and name not in names:
            continue
        t0 = time.time()
        rng = np.random.default_rng(seed)
        pts = fn(rng)
        rows, bad, outr = evaluate(pts, ref, COLS_REF)
        write_table("gamma", name, covers, domain, how, seed, COLS_IN, COLS_REF, rows, bad, outr, time.time() - t0)
