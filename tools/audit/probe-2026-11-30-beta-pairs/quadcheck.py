# Second method for a sample: dT/dp, dT/dq of the smaller tail T by quadrature of the integrand times ln t, ln(1-t)
# (minus T times the digamma terms), compared with the continued-fraction + mp.diff truth (truth.py).
import sys
from mpmath import mp, mpf
mp.dps = 40
sys.path.insert(0, 'probe'); import truth as tr

def quad_tail(p, q, u):
    lB = mp.loggamma(p) + mp.loggamma(q) - mp.loggamma(p + q)
    def parts(L):
        # first piece [0, u/2] with v = t^p
        c = (u / 2) ** p
        g1 = lambda v: (lambda t: mp.exp((q - 1) * mp.log1p(-t) - lB) * L(t))(v ** (1 / p)) / p if v > 0 else mpf(0)
        s = mp.quad(g1, [0, c])
        pts = [u / 2] + [u - u / 2 ** j for j in range(2, 90)] + [u]
        g = lambda t: mp.exp((p - 1) * mp.log(t) + (q - 1) * mp.log1p(-t) - lB) * L(t)
        s += mp.quad(g, pts)
        return s
    T = parts(lambda t: 1)
    dp = parts(lambda t: mp.log(t)) - T * (mp.digamma(p) - mp.digamma(p + q))
    dq = parts(lambda t: mp.log1p(-t)) - T * (mp.digamma(q) - mp.digamma(p + q))
    return T, dp, dq

rows = [l.split(',') for l in open(sys.argv[1]).read().split('\n')[1:] if l]
worst = [mpf(0)] * 3
for p_ in rows:
    a, b, x = (mpf(float.fromhex(v)) for v in p_[2:5])
    lower = x * (a + b + 2) <= a + 1
    P, Q, U = (a, b, x) if lower else (b, a, 1 - x)
    mp.dps = 50
    T1 = tr.cf_tail(P, Q, U)
    d1p = mp.diff(lambda t: tr.cf_tail(t, Q, U), P); d1q = mp.diff(lambda t: tr.cf_tail(P, t, U), Q)
    mp.dps = 40
    T2, d2p, d2q = quad_tail(P, Q, U)
    rel = [abs(u - v) / abs(u) for u, v in ((T1, T2), (d1p, d2p), (d1q, d2q))]
    worst = [max(w, r) for w, r in zip(worst, rel)]
    print(p_[0], p_[1], mp.nstr(a, 6), mp.nstr(b, 6), mp.nstr(x, 8), 'rel T/dp/dq:', ' '.join(mp.nstr(r, 3) for r in rel), flush=True)
print('worst', [mp.nstr(w, 3) for w in worst])
