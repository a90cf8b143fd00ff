#!/usr/bin/env python3
"""Independent accuracy audit of irg on fresh inputs: python3 tools/audit/audit.py {gamma|beta|vonmises|all} [N]

(python3 tools/audit/audit.py split [DIST...] only re-splits existing tables by the documented domain.)

Draws inputs with its own seeds and sampling schemes (not the golden tables'): parameters log-uniform
over the documented domain and a decade or two beyond it, quantiles from 1e-300 to 1 - 1e-16 in both
tails, points a few ulps either side of every method switch-over threshold of dev.irg.math (the
*Constants classes and the classify methods), integer and half-integer parameters, x at the mode,
huge and tiny Gamma rates and von Mises locations, x outside [-pi, pi]. Writes
java-api/src/test/resources/golden/<dist>/audit.csv in the golden-table format (docs/golden.md), with
the second parameter (rate, loc) as a column and a numeric `scheme` column naming how each row was
drawn (legend in the header).

References: mpmath at AUDIT_DPS = 50 digits by the golden generator's written-value methods
(tools/golden: gamma P/Q by gammainc or quadrature, beta by the continued fraction DLMF 8.17.22,
von Mises by tanh-sinh quadrature; parameter derivatives by mpmath.diff of the smaller side), and
independently at CHECK_DPS = 40 digits by the generator's second methods (beta: mpmath.betainc where
min(a, b) <= 100; von Mises: the Fourier series for kappa <= 2000 where kappa (1 - cos x) <= 300
(elsewhere its truncation exceeds F) and the quadrature at the lower precision otherwise; gamma: the
same formulas at the lower precision, so mpmath.diff's step and the quadrature nodes change). A value is written only if the two agree within
AGREE (1e-20 relative); otherwise it is written as nan and counted. Values outside [1e-300, 1e300]
in magnitude are written as nan (not checked), the rest of their row is kept.
"""
import datetime
import math
import os
import platform
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(REPO, "tools", "golden"))

import mpmath  # noqa: E402
import numpy as np  # noqa: E402
from mpmath import mp, mpf  # noqa: E402

import common  # noqa: E402

AUDIT_DPS = 50
CHECK_DPS = 40
common.HIGH_DPS = AUDIT_DPS  # the golden modules pick their written-value method when dps == HIGH_DPS
import gamma as G  # noqa: E402
import beta as B  # noqa: E402
import vonmises as V  # noqa: E402

G.HIGH_DPS = B.HIGH_DPS = V.HIGH_DPS = AUDIT_DPS

AGREE = mpf("1e-20")
LO, HI = mpf("1e-300"), mpf("1e300")
# IRG_AUDIT_OUT and IRG_AUDIT_SEED_OFFSET (environment) write a scratch run elsewhere with other seeds
OUT = os.environ.get("IRG_AUDIT_OUT") or os.path.join(REPO, "java-api", "src", "test", "resources", "golden")
SEEDS = {d: s + int(os.environ.get("IRG_AUDIT_SEED_OFFSET", "0"))
         for d, s in {"gamma": 7101, "beta": 7102, "vonmises": 7103}.items()}


def f32(v):
    r = float(np.float32(v))
    if r != 0.0 and 1.1754943508222875e-38 <= abs(r) < 3.4e38:
        return r
    return float(v)


def logu(rng, lo, hi):
    return float(math.exp(rng.uniform(math.log(lo), math.log(hi))))


def ulps(v, k):
    """v moved by k ulps (k may be negative)."""
    for _ in range(abs(k)):
        v = math.nextafter(v, math.inf if k > 0 else -math.inf)
    return v


# ------------------------------------------------------------------ gamma
# scheme ids (header legend)
GAMMA_SCHEMES = {
    1: "alpha log-uniform [1e-6, 1e8], lower-tail quantile u log-uniform [1e-300, 1/2]",
    2: "alpha log-uniform [1e-6, 1e8], upper-tail quantile 1-u log-uniform [1e-16, 1/2] (and to 1e-300 for 1/4)",
    3: "alpha log-uniform [1e-4, 1e6], u uniform in (0, 1)",
    4: "x = alpha * TEMME_LAMBDA_LO/HI +- k ulps, alpha >= TEMME_A_MIN (Temme window edges)",
    5: "alpha = TEMME_A_MIN +- k ulps and TEMME_K_A_MIN[i] +- ulps, x inside the window",
    6: "x = alpha + SERIES_X_OFFSET +- k ulps (series / continued fraction switch)",
    7: "alpha = 1, 10 (PREFIX_STIRLING_A_MIN, Q_SMALL_A_MAX, LOG_MINUS_DIGAMMA_A_MIN) +- ulps; x/alpha = "
       "PHI_LOG1PMX_LAMBDA_MIN +- ulps; |eta| = TEMME_N_ETA_MAX[i] +- ulps",
    8: "integer and half-integer alpha, x at the mode alpha - 1 and at alpha",
    9: "rate log-uniform [1e-30, 1e30], x = quantile / rate",
    10: "alpha = 7 +- ulps (log Gamma's Stirling switch); Temme points whose erfc argument is on an erfcx interval "
        "edge (0.5 k) or ERFC_UNDERFLOW_X = 27.3, +- 1e-12 relative",
    11: "alpha log-uniform [1e-4, 0.05], z log-uniform [1e-320, 1e-290], rate log-uniform [1e-12, 10]: "
        "u = rate z subnormal or underflowing",
}


def gamma_quantile(a, u, upper):
    from scipy.special import gammaincinv, gammainccinv
    with np.errstate(all="ignore"):
        x = float(gammainccinv(a, u) if upper else gammaincinv(a, u))
    if not upper and (not math.isfinite(x) or x < 1e-280 or u < 1e-250):
        lx = (math.log(u) + math.lgamma(a + 1)) / a  # leading term of the series
        if lx < math.log(1e-300):
            return None
        x = math.exp(lx)
    if upper and u < 1e-250:
        # log Q ~ (a-1) log x - x - lgamma(a): a few Newton steps in double
        x = max(a, 1.0) + 700
        for _ in range(60):
            g = (a - 1) * math.log(x) - x - math.lgamma(a) - math.log(u)
            x = max(x - g / ((a - 1) / x - 1), 1e-300)
    if not (x >= 1e-300 and math.isfinite(x)):
        return None
    return x


def gamma_points(rng, n):
    pts = []  # (alpha, rate, x, u, scheme)
    add = lambda a, rate, x, u, s: pts.append((a, rate, x, u, s)) if x > 0 and math.isfinite(x) else None
    # 1, 2: tails over the wide range
    for _ in range(n // 4):
        a = f32(logu(rng, 1e-6, 1e8))
        u = logu(rng, 1e-300, 0.5)
        x = gamma_quantile(a, u, False)
        if x is not None:
            add(a, 1.0, f32(x), u, 1)
    for i in range(n // 4):
        a = f32(logu(rng, 1e-6, 1e8))
        q = logu(rng, 1e-300, 0.5) if i % 4 == 0 else logu(rng, 1e-16, 0.5)
        x = gamma_quantile(a, q, True)
        if x is not None:
            add(a, 1.0, f32(x), 1 - q, 2)
    for _ in range(n // 8):
        a = f32(logu(rng, 1e-4, 1e6))
        u = float(rng.uniform(1e-6, 1 - 1e-6))
        x = gamma_quantile(a, u, False)
        if x is not None:
            add(a, 1.0, f32(x), u, 3)
    # 4: Temme window edges (full doubles: a few ulps)
    lam_lo, lam_hi = 0.301709562684336, 2.357676673945899
    for _ in range(30):
        a = f32(logu(rng, 20, 1e8))
        for lam in (lam_lo, lam_hi):
            x0 = a * lam
            for k in (-2, -1, 0, 1, 2):
                add(a, 1.0, ulps(x0, k), math.nan, 4)
    # 5: a = 20 and the TEMME_K_A_MIN steps
    for a0 in (20.0, 30.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 1e4, 1e5, 1e6):
        for k in (-1, 0, 1):
            a = ulps(a0, k)
            for lam in (0.35, 0.9, 1.0, 1.1, 2.2):
                add(a, 1.0, a * lam, math.nan, 5)
    # 6: x = a + 1
    for _ in range(40):
        a = logu(rng, 1e-4, 40) if rng.uniform() < 0.8 else logu(rng, 40, 1e8)
        for k in (-2, 0, 2):
            add(a, 1.0, ulps(a + 1, k), math.nan, 6)
    # 7: a = 1, 10 +- ulps; lambda = 1/2; |eta| thresholds
    for a0 in (1.0, 10.0):
        for k in (-2, -1, 0, 1, 2):
            a = ulps(a0, k)
            for lam in (1e-3, 0.2, 0.5, 0.95, 1.05, 1.5, 4.0, 30.0):
                add(a, 1.0, a * lam, math.nan, 7)
    for _ in range(20):
        a = f32(logu(rng, 1, 1e8))
        for k in (-1, 0, 1):
            add(a, 1.0, a * ulps(0.5, k), math.nan, 7)
    for _ in range(12):
        a = logu(rng, 20, 1e7)
        for eta in (0.015625, 0.03125, 0.0625, 0.125, 0.25, 0.5, 0.75):
            for sgn in (-1, 1):
                lam = float(lambda_of_eta(sgn * eta))
                for k in (-1, 1):
                    add(a, 1.0, a * ulps(lam, k), math.nan, 7)
    # 8: integers and half-integers, x at the mode and at alpha
    for _ in range(40):
        m = int(logu(rng, 1, 2e6))
        a = float(m) + (0.5 if rng.uniform() < 0.5 else 0.0)
        add(a, 1.0, a - 1 if a > 1 else a / 2, math.nan, 8)
        add(a, 1.0, a, math.nan, 8)
    # 9: rates
    for _ in range(n // 8):
        a = f32(logu(rng, 1e-4, 1e6))
        up = rng.uniform() < 0.5
        u = logu(rng, 1e-12, 0.5)
        x = gamma_quantile(a, u, up)
        if x is None:
            continue
        rate = f32(logu(rng, 1e-30, 1e30))
        z = f32(x / rate)
        add(a, rate, z, 1 - u if up else u, 9)
    # 10: special-function switch-overs: alpha = 7 (LGAMMA_STIRLING_MIN, STIRLING_RECURRENCE) +- ulps;
    # Temme points whose erfc argument |eta| sqrt(alpha/2) sits on ERFCX_TAYLOR interval edges and
    # ERFC_UNDERFLOW_X = 27.3 (+- 1e-12 relative)
    for k in (-2, -1, 0, 1, 2):
        a = ulps(7.0, k)
        for lam in (0.01, 0.5, 1.0, 1.2, 3.0, 10.0):
            add(a, 1.0, a * lam, math.nan, 10)
    for yv in [0.5 * i for i in range(1, 13)] + [27.3]:
        for _ in range(2):
            a = max(logu(rng, 20, 1e7), 2.2 * yv * yv)
            for sgn in (-1, 1):
                for rel in (-1e-12, 1e-12):
                    eta = sgn * yv * (1 + rel) / math.sqrt(a / 2)
                    if abs(eta) <= 1:
                        add(a, 1.0, a * float(lambda_of_eta(eta)), math.nan, 10)
    # 11: tiny alpha (samples of Gamma(1e-3, rate) are below 1e-300 half of the time) with a rate that
    # takes u = rate z into the subnormals or below them
    for _ in range(60):
        a = logu(rng, 1e-4, 0.05)
        rate = f32(logu(rng, 1e-12, 10.0))
        add(a, rate, logu(rng, 1e-320, 1e-290), math.nan, 11)
    return pts


def lambda_of_eta(eta):
    """lambda with sign(lambda-1) sqrt(2 (lambda - 1 - log lambda)) = eta."""
    with mp.workdps(30):
        f = lambda lam: lam - 1 - mpmath.log(lam) - mpf(eta) ** 2 / 2
        return mpmath.findroot(f, 1 + eta if eta > 0 else 1 + eta) if eta != 0 else mpf(1)


def lower_quad(a, x):
    """(P, dP/da) by tanh-sinh quadrature of the density and of (log t - psi(a)) times it over [0, x],
    divided by the density at x (for x below the mode, its largest value), where mpmath.gammainc's
    series gives up (alpha ~ 1e7 and more)."""
    psi, lx = mpmath.digamma(a), mpmath.log(x)
    fx = mpmath.exp((a - 1) * lx - x - mpmath.loggamma(a))
    f = lambda t: mpmath.exp((a - 1) * (mpmath.log(t) - lx) - (t - x))
    s = min(x / (a - 1 - x), mpmath.sqrt(a)) if a - 1 > x else min(x, mpmath.sqrt(a))  # decay scale below x
    pts = [x - k * s for k in (1024, 256, 64, 16, 4, 1, 0.25) if x - k * s > 0]
    pts = [mpf(0)] + pts + [x]
    P = fx * mpmath.quad(f, pts)
    dP = fx * mpmath.quad(lambda t: (mpmath.log(t) - psi) * f(t), pts)
    return P, dP


def gamma_values(a, rate, z, dps):
    """(cdf, q, dcdf_dalpha, grad_alpha, grad_rate) at P(alpha, rate*z) with the product exact."""
    from scipy.special import gammainc as sp_p
    a, rate, z = mpf(a), mpf(rate), mpf(z)
    x = rate * z
    with np.errstate(all="ignore"):
        lower_small = sp_p(float(a), float(x)) <= 0.5
    if lower_small:
        try:
            P = G._lower(a, x)
            d = mpmath.diff(lambda s: G._lower(s, x), a)
        except (mpmath.libmp.NoConvergence, ValueError):
            P, d = lower_quad(a, x)
        Q = 1 - P
    else:
        try:
            Q = G._upper(a, x)
            d = -mpmath.diff(lambda s: G._upper(s, x), a)
        except (mpmath.libmp.NoConvergence, ValueError):
            Q, dQ = G._upper_quad(a, x)
            d = -dQ
        P = 1 - Q
    logp = (a - 1) * mpmath.log(x) - x - mpmath.loggamma(a)
    dxda = -d * mpmath.exp(-logp)
    return (P, Q, d, dxda / rate, -z / rate)


# ------------------------------------------------------------------ beta
BETA_SCHEMES = {
    1: "a, b log-uniform [1e-6, 1e8] (independently), lower-tail quantile u log-uniform [1e-300, 1/2]",
    2: "a, b log-uniform [1e-6, 1e8], upper-tail quantile 1-u log-uniform [1e-16, 1/2]",
    3: "a, b log-uniform [1e-4, 1e6], u uniform in (0, 1)",
    4: "x = (a+1)/(a+b+2) +- k ulps (lower / upper side switch)",
    5: "x = 1/2 +- ulps (SERIES_U_MAX); b x = 2 and a (1-x) = 2 +- ulps (SERIES_QU_MAX)",
    6: "a or b = 8 (STIRLING_MIN), 1 (DIGAMMA_SPLIT) +- ulps; |d/p| = 1/2 (LOG1P_FORM_MAX)",
    7: "integer and half-integer a, b; x at the mode (a-1)/(a+b-2) and at the mean",
    8: "a or b = 7 (log Gamma's Stirling switch) +- ulps, quantiles uniform",
}


def beta_quantile(a, b, u, upper):
    from scipy.special import betaincinv, betainccinv
    with np.errstate(all="ignore"):
        x = float(betainccinv(a, b, u) if upper else betaincinv(a, b, u))
    if not upper and (not (x >= 1e-280) or u < 1e-250):
        lx = (math.log(u) + math.log(a) + math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)) / a
        if lx < math.log(1e-300):
            return None
        x = math.exp(lx)
    if not (1e-300 <= x < 1) or 1 - x < 1e-16:
        return None
    return x


def beta_points(rng, n):
    pts = []
    add = lambda a, b, x, u, s: pts.append((a, b, x, u, s)) if 0 < x < 1 else None
    for _ in range(n // 4):
        a, b = f32(logu(rng, 1e-6, 1e8)), f32(logu(rng, 1e-6, 1e8))
        u = logu(rng, 1e-300, 0.5)
        x = beta_quantile(a, b, u, False)
        if x is not None:
            xr = f32(x)
            add(a, b, xr if 0 < xr < 1 else x, u, 1)
    for _ in range(n // 4):
        a, b = f32(logu(rng, 1e-6, 1e8)), f32(logu(rng, 1e-6, 1e8))
        q = logu(rng, 1e-16, 0.5)
        x = beta_quantile(a, b, q, True)
        if x is not None:
            xr = f32(x)
            add(a, b, xr if 0 < xr < 1 else x, 1 - q, 2)
    for _ in range(n // 8):
        a, b = f32(logu(rng, 1e-4, 1e6)), f32(logu(rng, 1e-4, 1e6))
        u = float(rng.uniform(1e-6, 1 - 1e-6))
        x = beta_quantile(a, b, u, False)
        if x is not None:
            add(a, b, f32(x) if 0 < f32(x) < 1 else x, u, 3)
    for _ in range(40):
        a, b = logu(rng, 1e-4, 1e6), logu(rng, 1e-4, 1e6)
        s = (a + 1) / (a + b + 2)
        for k in (-2, 0, 2):
            add(a, b, ulps(s, k), math.nan, 4)
    for _ in range(25):
        a, b = logu(rng, 1e-4, 1e4), logu(rng, 1e-4, 1e4)
        for k in (-1, 0, 1):
            add(a, b, ulps(0.5, k), math.nan, 5)
        bb = logu(rng, 4, 1e4)
        for k in (-1, 0, 1):
            add(a, bb, ulps(2 / bb, k), math.nan, 5)
            add(bb, a, 1 - ulps(2 / bb, k), math.nan, 5)
    def near_parameter(t, q_hi, scheme):
        """A parameter a few ulps around the threshold t (either side), the other log-uniform up to q_hi."""
        for k in (-1, 0, 1):
            p = ulps(t, k)
            for _ in range(4):
                q = logu(rng, 1e-3, q_hi)
                u = float(rng.uniform(0.01, 0.99))
                x = beta_quantile(p, q, u, False)
                if x is not None:
                    add(p, q, x, u, scheme)
                    add(q, p, 1 - x, 1 - u, scheme)

    for t in (8.0, 1.0):
        near_parameter(t, 1e5, 6)
    for _ in range(20):
        p, q = logu(rng, 8, 1e6), logu(rng, 8, 1e6)
        for dp in (-0.5, 0.5):  # d = u(p+q) - p = dp p  ->  u = p (1 + dp) / (p + q)
            for k in (-1, 1):
                x = ulps(p * (1 + dp) / (p + q), k)
                add(p, q, x, math.nan, 6)
    for _ in range(30):
        a = float(int(logu(rng, 1, 1e5))) + (0.5 if rng.uniform() < 0.5 else 0)
        b = float(int(logu(rng, 1, 1e5))) + (0.5 if rng.uniform() < 0.5 else 0)
        if a > 1 and b > 1:
            add(a, b, (a - 1) / (a + b - 2), math.nan, 7)
        add(a, b, a / (a + b), math.nan, 7)
    # 8: log Gamma's Stirling switch (LGAMMA_STIRLING_MIN = 7) +- ulps for the small parameter
    near_parameter(7.0, 1e6, 8)
    return pts


def beta_values(a, b, x, dps):
    I, Q, da, db, ga, gb = B.ref((a, b, x), dps)
    return (I, Q, da, db, ga, gb)


# ------------------------------------------------------------------ von Mises
VM_SCHEMES = {
    1: "kappa log-uniform [1e-6, 1e6], lower-tail quantile u log-uniform [1e-300, 1/2] (x < 0)",
    2: "kappa log-uniform [1e-6, 1e6], upper-tail quantile 1-u log-uniform [1e-16, 1/2] (x > 0)",
    3: "kappa log-uniform [1e-4, 1e5], x uniform in (-pi, pi)",
    4: "x = +-arccos(I1/I0) +- k ulps (central / tail region switch)",
    5: "kappa = 25 (BESSEL_ASYMPTOTIC_MIN_KAPPA) +- ulps, kappa = 0",
    6: "x at the mode (0), at +-pi +- ulps, outside [-pi, pi] (k periods away, |x| up to 2^23 pi, and |x| in [2.7e7, 1e15])",
    7: "loc log-uniform in +-[1e-3, 1e6], x = loc + quantile",
}


def vm_quantile(k, u):
    """x < 0 with F(x) ~ u (u <= 1/2), in double; the reference is computed at whatever x results."""
    if u > 1e-200:
        try:
            return V.quantile(k, u)
        except (ValueError, ZeroDivisionError, OverflowError):
            pass
    # far tail: F(x) ~ p(x) sin(x)/(kappa sin^2 x) ... use log p(x) ~ log u (x where the density is about u)
    from scipy.special import i0e
    c = -math.log(2 * math.pi * i0e(k))
    # kappa (cos x - 1) + c = log u  -> cos x = 1 + (log u - c)/kappa
    cx = 1 + (math.log(u) - c) / k
    if cx <= -1:
        return None
    return -math.acos(cx)


def vm_points(rng, n):
    pts = []  # (kappa, loc, x, u, scheme)
    add = lambda k, loc, x, u, s: pts.append((k, loc, x, u, s)) if math.isfinite(x) else None
    for _ in range(n // 4):
        k = f32(logu(rng, 1e-6, 1e6))
        u = logu(rng, 1e-300, 0.5)
        x = vm_quantile(k, u)
        if x is not None and -math.pi < x < 0:
            xr = f32(x)
            add(k, 0.0, xr if -math.pi < xr < 0 else x, u, 1)
    for _ in range(n // 4):
        k = f32(logu(rng, 1e-6, 1e6))
        q = logu(rng, 1e-16, 0.5)
        x = vm_quantile(k, q)
        if x is not None and -math.pi < x < 0:
            xr = f32(-x)
            add(k, 0.0, xr if 0 < xr < math.pi else -x, 1 - q, 2)
    for _ in range(n // 8):
        k = f32(logu(rng, 1e-4, 1e5))
        xr = f32(rng.uniform(-math.pi, math.pi))
        add(k, 0.0, xr, math.nan, 3)
    from scipy.special import i0e, i1e
    for _ in range(30):
        k = logu(rng, 1e-4, 1e6)
        A = mpmath.besseli(1, k) / mpmath.besseli(0, k)
        xs = float(mpmath.acos(A))
        for s in (-1, 1):
            for d in (-2, 0, 2):
                add(k, 0.0, s * ulps(xs, d), math.nan, 4)
    for d in (-2, -1, 0, 1, 2):
        k = ulps(25.0, d)
        for x in (-3.0, -1.0, -0.3, -0.1, 0.05, 0.2, 0.35, 2.5):
            add(k, 0.0, x, math.nan, 5)
    for x in (-3.0, -1.0, -1e-3, 1e-9, 0.5, 3.1):
        add(0.0, 0.0, x, math.nan, 5)
    for _ in range(15):
        k = f32(logu(rng, 1e-4, 1e5))
        add(k, 0.0, 0.0, 0.5, 6)
        for d in (1, 3):
            add(k, 0.0, ulps(math.pi, -d), math.nan, 6)
            add(k, 0.0, -ulps(math.pi, -d), math.nan, 6)
        m = int(logu(rng, 1, 2 ** 22))
        r = rng.uniform(-math.pi, math.pi)
        add(k, 0.0, f32(r + 2 * math.pi * m), math.nan, 6)
        add(k, 0.0, -(r + 2 * math.pi * m), math.nan, 6)
        far = logu(rng, 2.7e7, 1e15)  # beyond REDUCTION_EXACT_MAX = 2^23 pi
        add(k, 0.0, f32(far) if rng.uniform() < 0.5 else -far, math.nan, 6)
    for _ in range(n // 8):
        k = f32(logu(rng, 1e-4, 1e5))
        loc = f32(logu(rng, 1e-3, 1e6)) * (1 if rng.uniform() < 0.5 else -1)
        u = logu(rng, 1e-12, 0.5)
        x = vm_quantile(k, u)
        if x is None:
            continue
        x = x if rng.uniform() < 0.5 else -x
        add(k, loc, f32(loc + x), math.nan, 7)
    return pts


# The check's Fourier series is summed to N = kappa + 40 sqrt(kappa) + 200 terms; its truncation
# (rho_N ~ e^-2800 at kappa = 1500) is larger than F itself where kappa (1 - cos x) is large
# (F ~ e^-kappa (1 - cos x) relative to 1): there the check is the quadrature at CHECK_DPS instead.
SERIES_MAX_EXPONENT = 300.0


def vm_values(k, loc, x, dps):
    """(cdf, q, dcdf_dkappa, grad_kappa) of the periodic von Mises CDF at x - loc (exact)."""
    with mp.workdps(dps + 40):
        t = mpf(x) - mpf(loc)
        m = mpmath.nint(t / (2 * mpmath.pi))
        r = t - 2 * mpmath.pi * m
    with mp.workdps(dps):
        if r == 0:
            A, c = V._consts(mpf(k))
            F0, Q0, dF, p = mpf(0.5), mpf(0.5), mpf(0), c * mpmath.exp(0)
        elif dps != AUDIT_DPS and float(k) <= V.SERIES_MAX_KAPPA and float(k) * (1 - math.cos(float(r))) <= SERIES_MAX_EXPONENT:
            F0, Q0, dF, p, _ = V.series_values(float(k), r)
        else:
            F0, Q0, dF, p, _ = V.quad_values(mpf(k), r)
        grad = -dF / p
        return (F0 + m, Q0 - m, dF, grad)


# ------------------------------------------------------------------ driver
def run_one(dist, fn_vals, pts):
    rows, bad = [], []
    for p in pts:
        with mp.workdps(AUDIT_DPS):
            hi = fn_vals(*p[:3], AUDIT_DPS)
        with mp.workdps(CHECK_DPS):
            lo = fn_vals(*p[:3], CHECK_DPS)
        vals = []
        for h, l in zip(hi, lo):
            h, l = mpf(h), mpf(l)
            if h == l == 0:
                vals.append(h)
                continue
            diff = abs(h - l) / max(abs(h), abs(l))
            if diff > AGREE:
                bad.append((p, float(diff)))
                vals.append(None)
            elif not (LO <= abs(h) <= HI):
                vals.append(None)
            else:
                vals.append(h)
        rows.append((p, vals))
    return rows, bad


CONF = {
    "gamma": (gamma_points, gamma_values, ["alpha", "rate", "x"], ["cdf", "q", "dcdf_dalpha", "grad_alpha", "grad_rate"],
              GAMMA_SCHEMES, "alpha in [1e-6, 1e8] (documented [1e-4, 1e6]), rate in [1e-30, 1e30]"),
    "beta": (beta_points, beta_values, ["a", "b", "x"], ["cdf", "q", "dcdf_da", "dcdf_db", "grad_a", "grad_b"],
             BETA_SCHEMES, "a, b in [1e-6, 1e8] (documented [1e-4, 1e6])"),
    "vonmises": (vm_points, vm_values, ["kappa", "loc", "x"], ["cdf", "q", "dcdf_dkappa", "grad_kappa",
                                                                 "scale_dcdf_dkappa", "scale_grad_kappa"],
                 VM_SCHEMES, "kappa in {0} and [1e-6, 1e6] (documented [0, 1e5]), loc in +-[1e-3, 1e6]"),
}


def fmt(v):
    if v is None:
        return "nan"
    if v == 0:
        return "0"
    return mpmath.nstr(v, 25, strip_zeros=False, min_fixed=-5, max_fixed=6)


def generate(dist, n, name="audit", part=None):
    pts_fn, vals_fn, cin, cref, schemes, domain = CONF[dist]
    rng = np.random.default_rng(SEEDS[dist])
    pts = pts_fn(rng, n)
    if part is not None:  # (index, count): every count-th point, for parallel runs
        pts = pts[part[0]::part[1]]
    t0 = time.time()
    if dist == "vonmises":
        scale_cache = {}

        def vals(k, loc, x, dps):
            v = vm_values(k, loc, x, dps)
            if k not in scale_cache:
                scale_cache[k] = V.scales(k) if k > 0 else (1 / (2 * math.pi), 1.0)
            return v + (mpf(scale_cache[k][0]), mpf(scale_cache[k][1]))
    else:
        vals = vals_fn
    rows, bad = run_one(dist, vals, pts)
    secs = time.time() - t0
    suffix = "" if part is None else ".part%d" % part[0]
    path = os.path.join(OUT, dist, name + ".csv" + suffix)
    os.makedirs(os.path.dirname(path), exist_ok=True)  # a scratch IRG_AUDIT_OUT need not exist yet
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    with open(path, "w") as f:
        f.write("# irg audit table %s/%s: fresh inputs for the independent accuracy audit (docs/accuracy.md)\n"
                % (dist, name))
        f.write("# generator: tools/audit/audit.py, repository commit %s; python %s, mpmath %s (%s backend), numpy %s\n"
                % (common.git_describe(), platform.python_version(), mpmath.__version__, mpmath.libmp.BACKEND,
                   np.__version__))
        f.write("# precision: values at mpmath dps=%d (written-value methods of tools/golden), re-evaluated at dps=%d "
                "by the second methods; a value is written only if both agree within %s relative, else nan "
                "(%d values); values outside [1e-300, 1e300] are nan\n" % (AUDIT_DPS, CHECK_DPS, mpmath.nstr(AGREE, 2),
                                                                            len(bad)))
        f.write("# seed: %d (numpy default_rng), n parameter %d\n" % (SEEDS[dist], n))
        f.write("# domain: %s\n" % domain)
        for k, v in schemes.items():
            f.write("# scheme %d: %s\n" % (k, v))
        f.write("# generated: %s in %.0f s; rows: %d\n" % (now, secs, len(rows)))
        f.write(",".join(cin + ["u", "scheme"] + cref) + "\n")
        for p, v in rows:
            f.write(",".join([repr(float(c)) for c in p[:3]] + [repr(float(p[3])), str(p[4])] + [fmt(x) for x in v])
                    + "\n")
    for p, d in bad[:30]:
        print("  disagree %.2e at %s" % (d, p), file=sys.stderr)
    print("wrote %s: %d rows, %d disagreeing values, %.0f s" % (os.path.relpath(path, REPO), len(rows), len(bad), secs))


# The documented domain (README, docs/gamma.md, docs/beta.md, docs/vonmises.md): rows with a parameter
# outside it go to <dist>/audit_wide.csv, checked with the audit's own limits (AuditTableTest); the rest
# stay in <dist>/audit.csv, listed in index.txt and checked with the golden limits by every backend.
DOCUMENTED = {
    "gamma": lambda p: 1e-4 <= p[0] <= 1e6,
    "beta": lambda p: 1e-4 <= p[0] <= 1e6 and 1e-4 <= p[1] <= 1e6,
    "vonmises": lambda p: p[0] == 0 or 1e-4 <= p[0] <= 1e5,
}


def split(dist, name="audit"):
    """Moves the rows of <dist>/<name>.csv outside the documented domain to <dist>/<name>_wide.csv."""
    path = os.path.join(OUT, dist, name + ".csv")
    with open(path) as f:
        lines = f.read().splitlines()
    head = [l for l in lines if l.startswith("#")]
    cols = next(l for l in lines if not l.startswith("#"))
    rows = [l for l in lines if not l.startswith("#") and l != cols]
    inside = [r for r in rows if DOCUMENTED[dist]([float(v) for v in r.split(",")[:3]])]
    outside = [r for r in rows if r not in set(inside)]
    for fname, part, what in ((name, inside, "inside"), (name + "_wide", outside, "outside")):
        with open(os.path.join(OUT, dist, fname + ".csv"), "w") as f:
            for h in head:
                f.write(h.replace("audit table %s/%s:" % (dist, name), "audit table %s/%s:" % (dist, fname)) + "\n")
            f.write("# this file: the %d of %d rows %s the documented domain (%s)\n"
                    % (len(part), len(rows), what, DOMAIN_TEXT[dist]))
            f.write(cols + "\n")
            for r in part:
                f.write(r + "\n")
    print("%s: %d rows inside the documented domain, %d outside" % (dist, len(inside), len(outside)))


DOMAIN_TEXT = {"gamma": "alpha in [1e-4, 1e6]", "beta": "a, b in [1e-4, 1e6]", "vonmises": "kappa = 0 or in [1e-4, 1e5]"}


def main():
    args = sys.argv[1:]
    if args and args[0] == "split":
        for d in args[1:] or ["gamma", "beta", "vonmises"]:
            split(d)
        return
    if not args or args[0] not in ("gamma", "beta", "vonmises", "all"):
        sys.exit(__doc__)
    n = int(args[1]) if len(args) > 1 else 400
    part = tuple(int(s) for s in args[2].split("/")) if len(args) > 2 else None
    for d in (["gamma", "beta", "vonmises"] if args[0] == "all" else [args[0]]):
        generate(d, n, part=part)
        if part is None:
            split(d)


if __name__ == "__main__":
    main()
