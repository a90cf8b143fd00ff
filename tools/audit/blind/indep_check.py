"""Independent check of the references with mpmath's own functions on a random subset:
gamma: gammainc(regularized) and mp.diff in alpha; beta: betainc(regularized) and mp.diff;
von Mises: mp.quad of the density and mp.diff in kappa. Rows where mpmath's function is impractical
(large parameters) are skipped. Prints the max relative difference per column."""
import csv, math, random, signal, sys, mpmath as mp
W = '/tmp/audit-work'
mp.mp.dps = 40

class TO(Exception): pass
def _h(*a): raise TO()
signal.signal(signal.SIGALRM, _h)

def g(row):
    a, x, r = mp.mpf(float(row['alpha'])), mp.mpf(float(row['x'])), mp.mpf(float(row['rate']))
    u = x * r
    P = mp.gammainc(a, 0, u, regularized=True)
    dP = mp.diff(lambda s: mp.gammainc(s, 0, u, regularized=True), a)
    f = mp.exp((a - 1) * mp.log(u) - u - mp.loggamma(a)) * r
    return dict(cdf=P, dcdf_dalpha=dP, grad_alpha=-dP / f)

def b(row):
    a, bb, x = mp.mpf(float(row['a'])), mp.mpf(float(row['b'])), mp.mpf(float(row['x']))
    I = mp.betainc(a, bb, 0, x, regularized=True)
    da = mp.diff(lambda s: mp.betainc(s, bb, 0, x, regularized=True), a)
    db = mp.diff(lambda s: mp.betainc(a, s, 0, x, regularized=True), bb)
    f = mp.exp((a - 1) * mp.log(x) + (bb - 1) * mp.log1p(-x) - mp.log(mp.beta(a, bb)))
    return dict(cdf=I, dcdf_da=da, dcdf_db=db, grad_a=-da / f, grad_b=-db / f)

def _fourier(K, X, N):
    # F = (x + pi)/2pi + (1/pi) sum I_n/I_0 sin(n x)/n, I_n/I_0 by Miller's backward recurrence
    b1, b0 = mp.mpf(0), mp.mpf(10) ** -300
    vals = {}
    for n in range(N + 80, 0, -1):
        b1, b0 = b0, b1 + 2 * n / K * b0
        if n - 1 <= N:
            vals[n - 1] = b0
    s = (X + mp.pi) / (2 * mp.pi)
    for n in range(1, N + 1):
        s += vals[n] / vals[0] * mp.sin(n * X) / (n * mp.pi)
    return s

def v(row):
    # von Mises: Fourier series (a method the reference does not use), derivative by mp.diff
    with mp.workdps(220):
        k, x = mp.mpf(float(row['kappa'])), mp.mpf(float(row['x']))
        N = int(float(k) + 40 * float(k) ** 0.5 + 120)
        Fv = _fourier(k, x, N)
        dF = mp.diff(lambda kk: _fourier(kk, x, N), k)
        p = mp.exp(k * mp.cos(x)) / (2 * mp.pi * mp.besseli(0, k))
        return dict(cdf=Fv, dcdf_dkappa=dF, grad_kappa=-dF / p)

for tag, fn, ok in [x for x in [('gamma', g, lambda r: float(r['alpha']) <= 1e3 and float(r['alpha']) >= 1e-3),
                    ('beta', b, lambda r: min(float(r['a']), float(r['b'])) <= 50 and max(float(r['a']), float(r['b'])) <= 2e3),
                    ('vonmises', v, lambda r: 0 < float(r['kappa']) <= 150 and abs(float(r['kappa']) * (1 - math.cos(float(r['x'])))) < 200)] if x[0] in (sys.argv[2:] or ['gamma', 'beta', 'vonmises'])]:
    ins = [r for r in csv.DictReader(open(f'{W}/in_{tag}.csv')) if ok(r)]
    refs = {r['id']: r for r in csv.DictReader(open(f'{W}/ref_{tag}.csv'))}
    random.seed(11); random.shuffle(ins)
    worst, n, skip = {}, 0, 0
    for row in ins[:int(sys.argv[1]) if len(sys.argv) > 1 else 120]:
        signal.alarm(60)
        try:
            c = fn(row)
        except Exception:
            skip += 1; continue
        finally:
            signal.alarm(0)
        n += 1
        for col, val in c.items():
            ref = mp.mpf(refs[row['id']][col])
            if val == 0 or ref == 0: continue
            d = abs(ref - val) / abs(val)
            if d > worst.get(col, (0,))[0]: worst[col] = (d, row['id'])
    print(tag, 'rows', n, 'skipped', skip)
    for col, (d, i) in worst.items():
        print('   ', col, 'max rel diff', mp.nstr(d, 3), 'row', i)
