# Truth by mpmath (mp.dps = 50): I, dI/da, dI/db, dz/da, dz/db at the double point and at the float32-rounded point.
# Primary: the continued fraction (DLMF 8.17.22, modified Lentz) at mpmath precision on the tail below the switch
# point (I or 1 - I, the smaller side), derivatives by mp.diff of that tail (mp.diff raises the working precision; the
# fraction stops at that precision's eps).  Second method where requested: mp.betainc (hyp2f1) + mp.diff.
import sys, time
from mpmath import mp, mpf
mp.dps = 50

def cf_tail(p, q, u):
    """I_u(p, q) by the continued fraction; u below the switch point (p+1)/(p+q+2)."""
    eps = mp.eps
    tiny = mpf(2) ** (-3 * mp.prec)
    qab = p + q; qap = p + 1; qam = p - 1
    c = mpf(1); d = 1 - qab * u / qap
    if abs(d) < tiny: d = tiny
    d = 1 / d; h = d
    m = 1
    while True:
        m2 = 2 * m
        aa = m * (q - m) * u / ((qam + m2) * (p + m2))
        d = 1 + aa * d
        if abs(d) < tiny: d = tiny
        c = 1 + aa / c
        if abs(c) < tiny: c = tiny
        d = 1 / d; h *= d * c
        aa = -(p + m) * (qab + m) * u / ((p + m2) * (qap + m2))
        d = 1 + aa * d
        if abs(d) < tiny: d = tiny
        c = 1 + aa / c
        if abs(c) < tiny: c = tiny
        d = 1 / d; de = d * c; h *= de
        if abs(de - 1) < eps: break
        m += 1
        if m > 2000000: raise RuntimeError('cf no convergence')
    lp = p * mp.log(u) + q * mp.log1p(-u) - (mp.loggamma(p) + mp.loggamma(q) - mp.loggamma(p + q))
    return mp.exp(lp) * h / p

def bi_tail(p, q, u):
    return mp.betainc(p, q, 0, u, regularized=True)

def truth(a, b, x, tail=cf_tail):
    a, b, x = mpf(a), mpf(b), mpf(x)
    lower = x * (a + b + 2) <= a + 1
    if lower:
        f = lambda aa, bb: tail(aa, bb, x)
        T = f(a, b); I = T; s = 1
    else:
        y = 1 - x
        f = lambda aa, bb: tail(bb, aa, y)
        T = f(a, b); I = 1 - T; s = -1
    dA = s * mp.diff(lambda t: f(t, b), a)
    dB = s * mp.diff(lambda t: f(a, t), b)
    logq = (a - 1) * mp.log(x) + (b - 1) * mp.log1p(-x) - (mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b))
    q = mp.exp(logq)
    return I, dA, dB, -dA / q, -dB / q

if __name__ == '__main__':
    inp, outp = sys.argv[1], sys.argv[2]
    method = sys.argv[3] if len(sys.argv) > 3 else 'cf'
    sel = set(sys.argv[4].split(',')) if len(sys.argv) > 4 else None
    tail = cf_tail if method == 'cf' else bi_tail
    lines = open(inp).read().split('\n')[1:]
    t0 = time.time()
    with open(outp, 'w') as out:
        out.write('id,region,which,I,dIda,dIdb,dzda,dzdb,secs\n')
        for ln in lines:
            if not ln: continue
            p = ln.split(',')
            if sel and p[0] not in sel: continue
            pts = [('f64', p[2], p[3], p[4]), ('f32', p[5], p[6], p[7])]
            for which, sa, sb, sx in pts:
                t1 = time.time()
                try:
                    r = truth(float.fromhex(sa), float.fromhex(sb), float.fromhex(sx), tail)
                    vals = [mp.nstr(v, 30) for v in r]
                except Exception as e:
                    vals = ['nan'] * 5; print('ERR', p[0], which, e, file=sys.stderr)
                out.write(f'{p[0]},{p[1]},{which},' + ','.join(vals) + f',{time.time()-t1:.3f}\n')
            out.flush()
    print('done', time.time() - t0, file=sys.stderr)
