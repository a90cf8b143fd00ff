"""Independent high-precision references for the irg audit (written for this audit, not from the repo).

Method (same machinery for all three distributions): the CDF's smaller side is written as an integral
of exp(E(s)) over a half-line/interval on which E is monotone, with its maximum at the evaluation point.
Breakpoints are placed where E has dropped by fixed levels (0.5, 1, 2, 3, 5, ... 300) below that maximum
(found in double precision: only their approximate location matters), and each piece is integrated by
n-point Gauss-Legendre at mp.dps digits (nodes refined by Newton in mpmath).  Everything beyond a drop of
LEVELS[-1] is dropped (relative e^-300).  Derivatives in the parameters are the closed-form integrals of
d log(density)/d theta times the density over the same side (no numerical differentiation).

  gamma : s = log t, t^(a-1) e^-t dt = exp(a s - e^s) ds
  beta  : s = logit t, t^(a-1) (1-t)^(b-1) dt = exp(a log t + b log(1-t)) ds
  vonmises: angle t directly; tail (cos x <= A) over [-pi, -|x|], central over [-|x|, 0] with F(0) = 1/2.
"""
import math
import mpmath as mp
import numpy as np

LEVELS = [0.25, 0.5, 1, 2, 3, 5, 8, 12, 18, 27, 40, 60, 90, 135, 200, 300, 400]
_GL_CACHE = {}


def gl_nodes(n):
    key = (n, mp.mp.dps)
    if key in _GL_CACHE:
        return _GL_CACHE[key]
    x0, _ = np.polynomial.legendre.leggauss(n)
    nodes, weights = [], []
    with mp.workdps(mp.mp.dps + 20):
        for xi in x0:
            x = mp.mpf(float(xi))
            for _ in range(8):
                p0, p1 = mp.mpf(1), x
                for k in range(2, n + 1):
                    p0, p1 = p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k
                dp = n * (x * p1 - p0) / (x * x - 1)
                dx = p1 / dp
                x -= dx
                if abs(dx) < mp.mpf(10) ** (-(mp.mp.dps + 15)):
                    break
            p0, p1 = mp.mpf(1), x
            for k in range(2, n + 1):
                p0, p1 = p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k
            dp = n * (x * p1 - p0) / (x * x - 1)
            nodes.append(x)
            weights.append(2 / ((1 - x * x) * dp * dp))
    _GL_CACHE[key] = (nodes, weights)
    return nodes, weights


def breakpoints(dE, length, levels=LEVELS, dmin=None):
    """Level breakpoints refined geometrically (pieces [d, 2d] beyond dmin)."""
    pts = _level_points(dE, length, levels)
    if dmin is None:
        return pts
    out = [0.0]
    for p in pts[1:]:
        q = max(dmin, out[-1] * 2.0)
        while q < p * 0.75:
            out.append(q)
            q = out[-1] * 2.0
        out.append(p)
    return out


def _level_points(dE, length, levels=LEVELS):
    """dE(delta) (double, <= 0, decreasing in delta >= 0). Returns [0, d1, ..., dm] (distances)."""
    pts = [0.0]
    lo = 0.0
    for c in levels:
        if length is not None and dE(length) > -c:
            pts.append(length)
            return pts
        # bracket
        hi = max(lo, 1e-300)
        step = max(lo, 1e-12)
        hi = lo + step
        it = 0
        while dE(hi) > -c:
            step *= 2.0
            hi = lo + step
            it += 1
            if it > 3000:
                raise RuntimeError("bracket failed")
            if length is not None and hi >= length:
                hi = length
                break
        a, b = lo, hi
        for _ in range(200):
            m = 0.5 * (a + b)
            if m == a or m == b:
                break
            if dE(m) > -c:
                a = m
            else:
                b = m
        if b <= pts[-1]:
            continue
        pts.append(b)
        lo = b
    return pts


def integrate(Emp, mults, pts, n=40):
    """sum over pieces of int exp(Emp(d)) * mult(d) dd; Emp in mp (<= 0). mults: list of functions
    of (d, e) -> mp multiplier (None means 1)."""
    nodes, weights = gl_nodes(n)
    sums = [mp.mpf(0)] * len(mults)
    for i in range(len(pts) - 1):
        lo, hi = mp.mpf(pts[i]), mp.mpf(pts[i + 1])
        h = (hi - lo) / 2
        c = (hi + lo) / 2
        for xn, wn in zip(nodes, weights):
            d = c + h * xn
            e = mp.exp(Emp(d))
            for j, m in enumerate(mults):
                sums[j] += wn * h * e * (1 if m is None else m(d))
    return sums


# ---------------------------------------------------------------- gamma
def softplus_d(s):
    return np.logaddexp(0.0, s)


def gamma_ref(a, x, rate=1.0, n=40, levels=LEVELS):
    """a, x, rate: doubles (exact). Returns dict of mp values: cdf, dcdf_dalpha, grad_alpha, grad_rate.
    u = rate*x formed exactly in mp."""
    A = mp.mpf(a)
    U = mp.mpf(x) * mp.mpf(rate)
    if U == 0:
        return dict(cdf=mp.mpf(0), dcdf_dalpha=mp.mpf(0), grad_alpha=mp.mpf(0),
                    grad_rate=-mp.mpf(x) / mp.mpf(rate))
    L = mp.log(U)
    psi = mp.digamma(A)
    ud = float(U)  # for breakpoints only
    Ld = float(L)
    # exponent relative to s = L, as a function of signed offset t: a t - u expm1(t)
    lower = U < A
    sign = -1 if lower else 1

    ad = float(a)

    def dE(d):
        t = sign * d
        if t > 700:
            return -math.inf
        return ad * t - ud * math.expm1(t)

    pts = breakpoints(dE, None, levels, dmin=0.125)

    def Emp(d):
        t = sign * d
        return A * t - U * mp.expm1(t)

    I, D = integrate(Emp, [None, lambda d: (L + sign * d) - psi], pts, n)
    I *= 1  # ds = dd (unit jacobian, orientation handled by sign)
    logxf = A * L - U - mp.loggamma(A)  # log(u * f(u)) where f is the Gamma(a,1) density at u
    xf = mp.exp(logxf)
    if lower:
        P = xf * I
        dP = xf * D
        gradx = -U * D  # dx/da for Gamma(a,1): -(dP/da)/f(u)
    else:
        Q = xf * I
        P = 1 - Q
        dP = -xf * D
        gradx = U * D
    return dict(cdf=P, dcdf_dalpha=dP, grad_alpha=gradx / mp.mpf(rate),
                grad_rate=-mp.mpf(x) / mp.mpf(rate), side=('lower' if lower else 'upper'),
                pdf_x=xf / U * mp.mpf(rate))


# ---------------------------------------------------------------- beta
def beta_ref(a, b, x, n=40, levels=LEVELS):
    A, B, X = mp.mpf(a), mp.mpf(b), mp.mpf(x)
    if X == 0:
        z = mp.mpf(0)
        return dict(cdf=z, dcdf_da=z, dcdf_db=z, grad_a=z, grad_b=z)
    if X == 1:
        z = mp.mpf(0)
        return dict(cdf=mp.mpf(1), dcdf_da=z, dcdf_db=z, grad_a=z, grad_b=z)
    V = 1 - X
    L = mp.log(X) - mp.log(V)
    Ld = float(L)
    ps = mp.digamma(A + B)
    pa = mp.digamma(A) - ps
    pb = mp.digamma(B) - ps
    lower = X * (A + B) < A  # x < mean
    sign = -1 if lower else 1
    spLm, spL = float(mp.log1p(mp.exp(-L))), float(mp.log1p(mp.exp(L)))

    ad, bd = float(a), float(b)

    def dE(d):
        s = Ld + sign * d
        return ad * (spLm - softplus_d(-s)) + bd * (spL - softplus_d(s))

    pts = breakpoints(dE, None, levels, dmin=0.125)
    logX, logV = mp.log(X), mp.log(V)
    E0 = A * logX + B * logV

    def logt(d):
        s = L + sign * d
        # log t = -log1p(e^-s), log(1-t) = -log1p(e^s)
        return -mp.log1p(mp.exp(-s)), -mp.log1p(mp.exp(s))

    cache = {}

    def Emp(d):
        lt, l1t = logt(d)
        cache['v'] = (lt, l1t)
        return A * lt + B * l1t - E0

    I, Da, Db = integrate(Emp, [None, lambda d: cache['v'][0] - pa, lambda d: cache['v'][1] - pb], pts, n)
    logB = mp.loggamma(A) + mp.loggamma(B) - mp.loggamma(A + B)
    pref = mp.exp(E0 - logB)  # x (1-x) f(x)
    xv = X * V
    if lower:
        Ival = pref * I
        dA, dB = pref * Da, pref * Db
        ga, gb = -xv * Da, -xv * Db
    else:
        J = pref * I
        Ival = 1 - J
        dA, dB = -pref * Da, -pref * Db
        ga, gb = xv * Da, xv * Db
    return dict(cdf=Ival, dcdf_da=dA, dcdf_db=dB, grad_a=ga, grad_b=gb, side=('lower' if lower else 'upper'),
                pdf_x=pref / xv)


# ---------------------------------------------------------------- von Mises
def vm_ref(k, x, n=40, levels=LEVELS):
    """loc 0, x in [-pi, pi] (double). F(-pi) = 0."""
    K, X = mp.mpf(k), mp.mpf(x)
    ax = abs(X)
    if K == 0:
        F = (X + mp.pi) / (2 * mp.pi)
        return dict(cdf=F, dcdf_dkappa=mp.sin(X) / (2 * mp.pi), grad_kappa=-mp.sin(X), region='uniform')
    I0 = mp.besseli(0, K)
    I1 = mp.besseli(1, K)
    Aa = I1 / I0
    tail = mp.cos(ax) <= Aa
    axd = float(ax)
    kd = float(k)
    if tail:
        length = float(mp.pi - ax)

        def dE(d):
            return -2.0 * kd * math.sin(axd + d / 2) * math.sin(d / 2)

        def Emp(d):
            return -2 * K * mp.sin(ax + d / 2) * mp.sin(d / 2)

        pts = breakpoints(dE, length, levels, dmin=0.05)
        if pts[-1] >= length:
            pts[-1] = mp.pi - ax  # exact end point (the double length is rounded)
        # cos t with t = -(ax + d): cos(ax + d)
        I, D = integrate(Emp, [None, lambda d: mp.cos(ax + d) - Aa], pts, n)
        # F(-ax) = p(x) * I, p(x) = e^{K cos x}/(2 pi I0)
        p = mp.exp(K * mp.cos(ax)) / (2 * mp.pi * I0)
        Fm = p * I
        dFm = p * D
        gm = -D
        region = 'tail'
    else:
        length = float(ax)

        def dE(d):
            return -2.0 * kd * math.sin(d / 2) ** 2

        def Emp(d):
            return -2 * K * mp.sin(d / 2) ** 2

        pts = breakpoints(dE, length, levels, dmin=0.05)
        I, D = integrate(Emp, [None, lambda d: mp.cos(d) - Aa], pts, n)
        c0 = mp.exp(K) / (2 * mp.pi * I0)
        Fm = mp.mpf(1) / 2 - c0 * I
        dFm = -c0 * D
        p = mp.exp(K * mp.cos(ax)) / (2 * mp.pi * I0)
        gm = -dFm / p
        region = 'central'
    if X <= 0:
        return dict(cdf=Fm, dcdf_dkappa=dFm, grad_kappa=gm, region=region, pdf_x=p)
    return dict(cdf=1 - Fm, dcdf_dkappa=-dFm, grad_kappa=-gm, region=region, pdf_x=p)
