"""Independent high-precision references (mpmath, dps >= 50) for irg's Gamma, Beta, von Mises outputs.

Primary methods:
  Gamma : mpmath.gammainc on the small side (P if u < a else Q), u = rate*x formed exactly;
          dP/da by mpmath.diff of the small side; density by exp/loggamma.
  Beta  : own Lentz continued fraction (DLMF 8.17.22) on the convergent side, 1-x formed exactly;
          dI/da, dI/db by mpmath.diff of it.
  vonMises: tanh-sinh quadrature (mp.quad) of exp(k(cos t - 1)) and (cos t - A) exp(...) over
          [-pi, r] for r <= 0 (r = reduced x - loc, formed exactly), symmetry for r > 0,
          geometric breakpoints towards -pi.
Second methods (check()):
  Gamma : own power series (lower) / own Legendre continued fraction (upper), analytic / diff.
  Beta  : mpmath.betainc (hypergeometric) where feasible, else quadrature of the density.
  vonMises: Fourier series for kappa <= 30, else quadrature at dps+30 with different breakpoints;
          dF/dkappa by mp.diff of F.
"""
import mpmath as mp
from mpmath import mpf

DPS = 50


# ---------------------------------------------------------------- Gamma
def _gsmall(a, u, upper):
    if upper:
        return mp.gammainc(a, u, mp.inf, regularized=True)
    return mp.gammainc(a, 0, u, regularized=True)


def gamma_ref(alpha, x, rate=1.0, dps=DPS):
    try:
        return _gamma_ref(alpha, x, rate, dps)
    except mp.libmp.NoConvergence:
        d = gamma_check(alpha, x, rate, dps)
        d['_method'] = 'series/cf'
        return d


def gamma_quad(alpha, x, rate=1.0, dps=DPS + 10):
    """Third method: tanh-sinh quadrature of the density (scaled by its value at u) over the small side."""
    with mp.workdps(dps):
        a = mpf(alpha); z = mpf(x); r = mpf(rate)
        with mp.workdps(dps + 400):
            u = r * z
        h = lambda t: (a - 1) * mp.log(t) - t
        hu = h(u)
        psi = mp.digamma(a)
        sd = mp.sqrt(a) if a > 1 else mpf(1)
        upper = u > a
        if upper:
            pts = [u] + [u + sd * mpf(2) ** j / 64 for j in range(0, 40)]
            pts.append(mp.inf)
        else:
            pts = [u - min(u, sd) * (1 - mpf(2) ** -j) for j in range(0, 200)] + [mpf(0)]
            pts = sorted(set(pts))
        I0 = mp.quad(lambda t: mp.exp(h(t) - hu), pts)
        I1 = mp.quad(lambda t: (mp.log(t) - psi) * mp.exp(h(t) - hu), pts)
        gu = mp.exp(hu - mp.loggamma(a))
        S = I0 * gu; dS = I1 * gu
        P = 1 - S if upper else S
        dP = -dS if upper else dS
        return dict(cdf=P, dcdf_dalpha=dP, grad_alpha=-dP / gu / r, grad_rate=-z / r)


def _gamma_far_upper(a, u):
    """u >> a (u > 1e100): Q = exp(a log u - u - lgamma a) h, h by Lentz; dx/da = u[(log u - psi a) h + h'].
    (mpmath's gammainc / exp lose the tiny Q there.)"""
    def h(A):
        tiny = mpf(10) ** -300; b = u + 1 - A; c = 1 / tiny; d = 1 / b; hh = d; i = 0
        while True:
            i += 1; an = -i * (i - A); b += 2; d = an * d + b; c = b + an / c; d = 1 / d; de = d * c; hh *= de
            if abs(de - 1) < mp.eps * 8:
                return hh
            if i > 100000:
                raise RuntimeError('far_upper cf')
    lpre = a * mp.log(u) - u - mp.loggamma(a)
    hv = h(a); dh = mp.diff(h, a)
    Q = mp.exp(lpre) * hv
    dQ = mp.exp(lpre) * ((mp.log(u) - mp.digamma(a)) * hv + dh)
    gx = u * ((mp.log(u) - mp.digamma(a)) * hv + dh)
    return 1 - Q, -dQ, gx


def _gamma_ref(alpha, x, rate=1.0, dps=DPS):
    with mp.workdps(dps):
        a0 = mpf(alpha)
        with mp.workdps(dps + 400):
            u0 = mpf(rate) * mpf(x)
        if mp.isfinite(u0) and u0 > 1e100 and u0 > 1e6 * a0:
            P, dP, gx = _gamma_far_upper(a0, u0)
            return dict(cdf=P, dcdf_dalpha=dP, grad_alpha=gx / mpf(rate), grad_rate=-mpf(x) / mpf(rate), _method='far_upper')
        a = mpf(alpha); z = mpf(x); r = mpf(rate)
        with mp.workdps(dps + 400):
            u = r * z  # exact
        upper = u > a
        S = _gsmall(a, u, upper)
        dS = mp.diff(lambda A: _gsmall(A, u, upper), a)
        P = 1 - S if upper else S
        dP = -dS if upper else dS
        logdens = (a - 1) * mp.log(u) - u - mp.loggamma(a) if u > 0 else None
        dens = mp.exp(logdens) if logdens is not None else mp.mpf(0)
        if u == 0:
            gx = mpf(0)
        else:
            gx = -dP / dens  # dx/dalpha at standard scale
        return dict(cdf=P, dcdf_dalpha=dP, grad_alpha=gx / r, grad_rate=-z / r,
                    _u=u, _dens=dens)


def gamma_check(alpha, x, rate=1.0, dps=DPS + 20):
    """Second method: own series / continued fraction."""
    with mp.workdps(dps):
        a = mpf(alpha); z = mpf(x); r = mpf(rate)
        with mp.workdps(dps + 400):
            u = r * z

        def lower(A):
            # P = u^A e^-u / Gamma(A+1) * sum u^n / ((A+1)...(A+n))
            t = mpf(1); s = mpf(1); n = 0
            while True:
                n += 1
                t = t * u / (A + n)
                s += t
                if t < s * mp.eps * mpf(10) ** -5 and n > 5:
                    break
                if n > 2000000:
                    raise RuntimeError("series")
            return mp.exp(A * mp.log(u) - u - mp.loggamma(A + 1)) * s

        def upperq(A):
            # modified Lentz for Q: e^-u u^A / Gamma(A) * 1/(u+1-A- 1(1-A)/(u+3-A- ...))
            tiny = mpf(10) ** (-dps * 3)
            b = u + 1 - A
            c = 1 / tiny
            d = 1 / b
            h = d
            i = 0
            while True:
                i += 1
                an = -i * (i - A)
                b += 2
                d = an * d + b
                if d == 0: d = tiny
                c = b + an / c
                if c == 0: c = tiny
                d = 1 / d
                de = d * c
                h *= de
                if abs(de - 1) < mp.eps * 8:
                    break
                if i > 2000000:
                    raise RuntimeError("cf")
            return mp.exp(A * mp.log(u) - u - mp.loggamma(A)) * h

        upper = u > a + 1
        f = upperq if upper else lower
        S = f(a)
        dS = mp.diff(f, a)
        P = 1 - S if upper else S
        dP = -dS if upper else dS
        dens = mp.exp((a - 1) * mp.log(u) - u - mp.loggamma(a))
        gx = -dP / dens
        return dict(cdf=P, dcdf_dalpha=dP, grad_alpha=gx / r, grad_rate=-z / r)


# ---------------------------------------------------------------- Beta
def _betacf_small(p, q, u, v):
    """I_u(p, q) by DLMF 8.17.22 (Lentz), u + v = 1 given exactly; valid for u < (p+1)/(p+q+2)."""
    tiny = mpf(10) ** (-mp.mp.dps * 3)
    eps = mp.eps * 8
    lpre = p * mp.log(u) + q * mp.log(v) - mp.log(p) - (mp.loggamma(p) + mp.loggamma(q) - mp.loggamma(p + q))
    c = mpf(1)
    d = 1 - (p + q) * u / (p + 1)
    if abs(d) < tiny: d = tiny
    d = 1 / d
    h = d
    m = 0
    while True:
        m += 1
        m2 = 2 * m
        aa = m * (q - m) * u / ((p + m2 - 1) * (p + m2))
        d = 1 + aa * d
        if abs(d) < tiny: d = tiny
        c = 1 + aa / c
        if abs(c) < tiny: c = tiny
        d = 1 / d
        h *= d * c
        aa = -(p + m) * (p + q + m) * u / ((p + m2) * (p + m2 + 1))
        d = 1 + aa * d
        if abs(d) < tiny: d = tiny
        c = 1 + aa / c
        if abs(c) < tiny: c = tiny
        d = 1 / d
        de = d * c
        h *= de
        if abs(de - 1) < eps:
            break
        if m > 5000000:
            raise RuntimeError("betacf")
    return mp.exp(lpre) * h


def beta_ref(a_, b_, x_, dps=DPS):
    with mp.workdps(dps):
        a = mpf(a_); b = mpf(b_); x = mpf(x_)
        if x == 0 or x == 1:
            return dict(cdf=x, dcdf_da=mpf(0), dcdf_db=mpf(0), grad_a=mpf(0), grad_b=mpf(0))
        with mp.workdps(dps + 1200):
            y = 1 - x  # exact
        swap = x > (a + 1) / (a + b + 2)
        if not swap:
            fa = lambda A: _betacf_small(A, b, x, y)
            fb = lambda B: _betacf_small(a, B, x, y)
        else:
            fa = lambda A: _betacf_small(b, A, y, x)
            fb = lambda B: _betacf_small(B, a, y, x)
        S = fa(a)
        dSa = mp.diff(fa, a)
        dSb = mp.diff(fb, b)
        if swap:
            I = 1 - S; dIa = -dSa; dIb = -dSb
        else:
            I = S; dIa = dSa; dIb = dSb
        pdf = mp.exp((a - 1) * mp.log(x) + (b - 1) * mp.log(y) - (mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)))
        return dict(cdf=I, dcdf_da=dIa, dcdf_db=dIb, grad_a=-dIa / pdf, grad_b=-dIb / pdf, _pdf=pdf)


def beta_check(a_, b_, x_, dps=DPS + 20):
    """Second method: mpmath.betainc (hypergeometric) on the small side, diff of it."""
    with mp.workdps(dps):
        a = mpf(a_); b = mpf(b_); x = mpf(x_)
        with mp.workdps(dps + 1200):
            y = 1 - x
        swap = x > a / (a + b)
        if not swap:
            fa = lambda A: mp.betainc(A, b, 0, x, regularized=True)
            fb = lambda B: mp.betainc(a, B, 0, x, regularized=True)
        else:
            fa = lambda A: mp.betainc(b, A, 0, y, regularized=True)
            fb = lambda B: mp.betainc(B, a, 0, y, regularized=True)
        S = fa(a); dSa = mp.diff(fa, a); dSb = mp.diff(fb, b)
        if swap:
            I = 1 - S; dIa = -dSa; dIb = -dSb
        else:
            I = S; dIa = dSa; dIb = dSb
        pdf = mp.exp((a - 1) * mp.log(x) + (b - 1) * mp.log(y) - (mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)))
        return dict(cdf=I, dcdf_da=dIa, dcdf_db=dIb, grad_a=-dIa / pdf, grad_b=-dIb / pdf)


# ---------------------------------------------------------------- von Mises
def _vm_reduce(x_, loc_):
    y = mpf(x_) - mpf(loc_)  # exact at working precision (caller raises dps)
    k = mp.floor((y + mp.pi) / (2 * mp.pi))
    r = y - 2 * mp.pi * k
    return k, r


def _vm_lower(kap, r, with_deriv=True, scale=1):
    """For r in [-pi, 0]: F0(r) and dF0/dkappa.  Integrals mapped to s in [0, 1] and the integrand
    normalised by its largest value (mp.quad's tolerance is absolute)."""
    i0e = mp.besseli(0, kap) * mp.exp(-kap) if kap > 0 else mpf(1)
    A = mp.besseli(1, kap) / mp.besseli(0, kap) if kap > 0 else mpf(0)
    lo = -mp.pi
    if r <= lo:
        return mpf(0), mpf(0), A, i0e
    central = (r > -mp.pi / 2) and (2 * kap * mp.sin(r / 2) ** 2 <= 2)
    if central:
        a_, b_, peak = r, mpf(0), mpf(0)      # integrate [r, 0], peak of exp at 0
    else:
        a_, b_, peak = lo, r, r               # integrate [-pi, r], peak at r
    L = b_ - a_
    cpk = mp.cos(peak)
    # breakpoints in s, geometric towards the peak end
    ss = [mpf(0), mpf(1)]
    h = mpf(2) ** -60 * scale
    while h < 1:
        ss.append(h if central is False and False else (1 - h) if not central else h)
        h *= 2
    # central: peak at s=1 (t = 0) -> refine near s=1 too; tail: peak at s=1 (t = r)
    ss = sorted(set([s_ for s_ in ss] + [1 - s_ for s_ in ss if 0 < s_ < 1]))
    g0 = lambda s_: mp.exp(kap * (mp.cos(a_ + L * s_) - cpk))
    g1 = lambda s_: (mp.cos(a_ + L * s_) - A) * mp.exp(kap * (mp.cos(a_ + L * s_) - cpk))
    norm = L * mp.exp(kap * (cpk - 1)) / (2 * mp.pi * i0e)
    I0 = mp.quad(g0, ss) * norm
    I1 = mp.quad(g1, ss) * norm if with_deriv else None
    if central:
        return mpf(1) / 2 - I0, -I1, A, i0e
    return I0, I1, A, i0e


def vm_ref(kappa, x_, loc_=0.0, dps=DPS, scale=1):
    with mp.workdps(dps):
        kap = mpf(kappa)
        with mp.workdps(dps + 400):
            k, r = _vm_reduce(x_, loc_)
        r = +r
        if r <= 0:
            F0, dF, A, i0e = _vm_lower(kap, r, scale=scale)
        else:
            G, dG, A, i0e = _vm_lower(kap, -r, scale=scale)
            F0 = None; dF = -dG
        F = k + F0 if F0 is not None else (k + 1) - G
        p = mp.exp(kap * (mp.cos(r) - 1)) / (2 * mp.pi * i0e)
        return dict(cdf=F, dcdf_dkappa=dF, grad_kappa=-dF / p, _p=p, _r=r, _k=k)


def vm_check(kappa, x_, loc_=0.0, dps=DPS + 30):
    """Second method: Fourier series (kappa <= 30) or quadrature at higher precision with other
    breakpoints; dF/dkappa by mp.diff of F where the Fourier series is used."""
    with mp.workdps(dps):
        kap = mpf(kappa)
        with mp.workdps(dps + 400):
            k, r = _vm_reduce(x_, loc_)
        r = +r
        if kap <= 30:
            def F0(K):
                if K == 0:
                    return (r + mp.pi) / (2 * mp.pi)
                i0 = mp.besseli(0, K)
                s = (r + mp.pi) / (2 * mp.pi)
                n = 1
                while True:
                    t = mp.besseli(n, K) / i0 * mp.sin(n * r) / n / mp.pi
                    s += t
                    if abs(mp.besseli(n, K) / i0) < mp.eps * mpf(10) ** -10 and n > 3:
                        break
                    n += 1
                return s
            F = F0(kap)
            dF = mp.diff(F0, kap) if kap > 0 else mp.sin(r) / (2 * mp.pi)
            p = mp.exp(kap * mp.cos(r)) / (2 * mp.pi * mp.besseli(0, kap))
            return dict(cdf=k + F, dcdf_dkappa=dF, grad_kappa=-dF / p)
        d = vm_ref(kappa, x_, loc_, dps=dps, scale=mpf(3) / 7)
        return d
