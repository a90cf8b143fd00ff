#!/usr/bin/env python3
"""High-precision reference for the regularized incomplete beta function and its parameter
derivatives, used to check dev.irg.math.IncompleteBeta (independent of the Java algorithm).

Method (mpmath, 90 significant digits by default):
  I_x(a,b) = x^a (1-x)^b / (a B(a,b)) * 2F1(a+b, 1; a+1; x)            (DLMF 8.17.8)
The hypergeometric series has positive terms t_n = prod_{k<n} (a+b+k) x / (a+1+k), so it has no
cancellation; its a- and b-derivatives are summed alongside (d log t_n / da = sum_k 1/(a+b+k) -
1/(a+1+k), d log t_n / db = sum_k 1/(a+b+k)). Of I_x(a,b) and I_{1-x}(b,a) = 1 - I_x(a,b) we sum
the series with fewer terms and obtain the other by subtraction at 90 digits (the tails in the
tables are mostly >= 1e-30, so at least 60 digits survive). Prefactor derivatives:
  d/da log(x^a (1-x)^b / (a B)) = log x - 1/a - psi(a) + psi(a+b)
  d/db log(...)                 = log(1-x) - psi(b) + psi(a+b)
Digits lost to that subtraction (and to the matching cancellation in the derivatives) are
restored by recomputing at a precision raised accordingly (deep tails, beyond quantile 1e-40).
Gradients: dz/da = -(dI/da)/p, dz/db = -(dI/db)/p, p = x^(a-1) (1-x)^(b-1) / B(a,b).
"""
import sys
import mpmath as mp

DPS = 90
MAX_TERMS = 20_000_000


def _series(a, b, x, lx, ly):
    """(S, dS/da, dS/db, L, dL/da, dL/db) for I_x(a,b) = exp(L) * S; lx = log x, ly = log(1-x)
    are passed in, computed from the exact input (1 - x is not exact in mpf when x < 1e-90)."""
    s = mp.mpf(1); sa = mp.mpf(0); sb = mp.mpf(0)
    t = mp.mpf(1); ga = mp.mpf(0); gb = mp.mpf(0)   # term, d log t/da, d log t/db
    eps = mp.mpf(10) ** (-(mp.mp.dps + 5))
    n = 0
    while True:
        r = (a + b + n) * x / (a + 1 + n)
        ga += 1 / (a + b + n) - 1 / (a + 1 + n)
        gb += 1 / (a + b + n)
        t *= r
        n += 1
        s += t; sa += t * ga; sb += t * gb
        if r < 1 and t < eps * s and abs(t * ga) <= eps * abs(sa) + eps * s and t * gb <= eps * sb + eps * s:
            # tail bound: geometric with ratio <= r (ratios decrease once below 1 for x<1)
            if t * r / (1 - r) < eps * s:
                break
        if n > MAX_TERMS:
            raise RuntimeError("series did not converge for a=%s b=%s x=%s" % (a, b, x))
    lb = mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)
    L = a * lx + b * ly - mp.log(a) - lb
    La = lx - 1 / a - mp.digamma(a) + mp.digamma(a + b)
    Lb = ly - mp.digamma(b) + mp.digamma(a + b)
    return s, sa, sb, L, La, Lb


def _cost(a, b, x, y, lx):
    """Rough number of series terms: up to the largest term, then the geometric tail."""
    peak = max(mp.mpf(0), ((a + b) * x - a - 1) / y)
    return peak + 220 / (-lx)


def reference(a, b, x, dps=DPS):
    """(cdf, dcdf_da, dcdf_db, grad_a, grad_b) as mpf, for 0 < x < 1. Computed at `dps` digits;
    when the side obtained by subtraction (1 - J) is so small that fewer than 40 digits of it
    survive, recomputed with the working precision raised by the digits lost."""
    vals, lost = _reference(a, b, x, dps)
    if lost is not None and lost > dps - 40:
        vals, _ = _reference(a, b, x, int(lost) + 60)
    return vals


def _reference(a, b, x, dps):
    with mp.workdps(dps):
        a = mp.mpf(a); b = mp.mpf(b); x = mp.mpf(x)
        y = 1 - x
        lx = mp.log(x)
        ly = mp.log1p(-x)
        if _cost(a, b, x, y, lx) <= _cost(b, a, y, x, ly):
            s, sa, sb, L, La, Lb = _series(a, b, x, lx, ly)
            e = mp.exp(L)
            I = e * s
            dIa = e * (s * La + sa)
            dIb = e * (s * Lb + sb)
            # dI/dtheta / p without exponentials: exp(L)/p = x (1-x) / a
            q = x * y / a
            gA = -q * (s * La + sa)
            gB = -q * (s * Lb + sb)
            lost = -mp.log10(1 - I) if I < 1 else mp.mpf(dps)
        else:
            s, sb_, sa_, L, Lb_, La_ = _series(b, a, y, ly, lx)   # J = I_y(b, a); its "a" is our b
            e = mp.exp(L)
            J = e * s
            I = 1 - J
            dIa = -e * (s * La_ + sa_)
            dIb = -e * (s * Lb_ + sb_)
            q = x * y / b
            gA = q * (s * La_ + sa_)
            gB = q * (s * Lb_ + sb_)
            lost = -mp.log10(I) if I > 0 else mp.mpf(dps)
        return (I, dIa, dIb, gA, gB), lost


if __name__ == "__main__":
    a, b, x = (float(v) for v in sys.argv[1:4])
    for v in reference(a, b, x):
        print(mp.nstr(v, 30))
