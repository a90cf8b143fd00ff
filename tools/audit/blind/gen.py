"""Fresh random audit inputs (own seeds). Writes /tmp/audit-work/in_<dist>.csv with columns
id,scheme,f32,<inputs>; f32=1 where every input is a float32 value (normal) -> row also judged in f32.
About half of every random scheme is rounded to float32 before anything else is derived."""
import math
import sys
import numpy as np
from scipy import special as sp

OUT = '/tmp/audit-work'
F32_MIN = 1.1754943508222875e-38


def f32(v):
    return float(np.float32(v))


def is_f32(v):
    return v == 0.0 or (abs(v) >= F32_MIN and f32(v) == v and math.isfinite(v))


def logu(rng, lo, hi):
    return float(math.exp(rng.uniform(math.log(lo), math.log(hi))))


def ulps(v, k):
    """v moved by k ulps (double)"""
    for _ in range(abs(k)):
        v = math.nextafter(v, math.inf if k > 0 else -math.inf)
    return v


def fulps(v, k):
    v = np.float32(v)
    for _ in range(abs(k)):
        v = np.nextafter(v, np.float32(np.inf if k > 0 else -np.inf))
    return float(v)


def write(dist, cols, rows):
    with open(f'{OUT}/in_{dist}.csv', 'w') as f:
        f.write('id,scheme,f32,' + ','.join(cols) + '\n')
        for i, (scheme, vals) in enumerate(rows):
            flag = int(all(is_f32(v) for v in vals))
            f.write(f'{i},{scheme},{flag},' + ','.join(repr(float(v)) for v in vals) + '\n')
    print(dist, len(rows))


def gamma_rows(seed=7130417):
    rng = np.random.default_rng(seed)
    rows = []

    def add(s, a, x, r=1.0, rnd=None):
        if rnd is None:
            rnd = rng.random() < 0.5
        if rnd:
            a, x, r = f32(a), f32(x), f32(r)
        if not (a > 0 and math.isfinite(x) and x > 1e-300 and r > 0):
            return
        rows.append((s, (a, x, r)))

    # lower tail: quantiles down to 1e-30
    for _ in range(420):
        a = logu(rng, 1e-6, 1e8)
        p = logu(rng, 1e-30, 0.5)
        add('lowtail', a, float(sp.gammaincinv(a, p)))
    # upper tail: 1-F down to 1e-30 (incl. ~1e-12)
    for i in range(420):
        a = logu(rng, 1e-6, 1e8)
        q = logu(rng, 1e-30, 0.5) if i % 3 else logu(rng, 3e-13, 3e-12)
        add('uptail', a, float(sp.gammainccinv(a, q)))
    # saddle (Temme) region: x near alpha
    for i in range(360):
        a = logu(rng, 1.0, 1e8) if i % 4 == 0 else logu(rng, 20.0, 1e8)
        kind = i % 3
        if kind == 0:
            x = a * (1 + rng.normal() * 2.0 / math.sqrt(a))
        elif kind == 1:
            x = a * (1 + rng.normal() * 0.3 / math.sqrt(a))
        else:
            x = ulps(a, int(rng.integers(-3, 4)))
        if x > 0:
            add('saddle', a, x)
    # region switches: x = alpha + 1 (+-ulps) double; alpha + 1/2 float; Temme window edges; alpha = 20
    for i in range(160):
        a = logu(rng, 1e-6, 1e8)
        add('switch_a+1', a, ulps(a + 1.0, int(rng.integers(-4, 5))), rnd=False)
    for i in range(100):
        a = f32(logu(rng, 1e-5, 1e6))
        x = fulps(f32(a + (1.0 if i % 2 else 0.5)), int(rng.integers(-3, 4)))
        add('switch_a+1', a, x, rnd=False)
    lam_lo, lam_hi = 0.301709562684336, 2.357676673945899
    for i in range(120):
        a = logu(rng, 20.0, 1e8)
        lam = [lam_lo, lam_hi, 0.7705, 1.27][i % 4]
        if i % 2:
            add('switch_temme', a, ulps(a * lam, int(rng.integers(-3, 4))), rnd=False)
        else:
            af = f32(a)
            add('switch_temme', af, fulps(f32(af * lam), int(rng.integers(-2, 3))), rnd=False)
    for i in range(40):
        a = ulps(20.0, int(rng.integers(-3, 4))) if i % 2 else fulps(20.0, int(rng.integers(-2, 3)))
        x = a * rng.uniform(lam_lo, lam_hi)
        add('switch_temme', a, x if i % 2 else f32(x), rnd=False)
    # realistic samples
    for _ in range(620):
        a = logu(rng, 1e-6, 1e8)
        x = float(rng.gamma(a))
        if x > 0:
            add('sample', a, x)
    # with a rate (z drawn from Gamma(a, rate))
    for _ in range(200):
        a = logu(rng, 1e-4, 1e6)
        r = logu(rng, 1e-3, 1e3)
        z = float(rng.gamma(a)) / r
        if z > 0:
            add('rate', a, z, r)
    # tiny alpha across x
    for _ in range(260):
        a = logu(rng, 1e-6, 1e-2)
        x = logu(rng, 1e-300, 50.0) if rng.random() < 0.6 else logu(rng, 1e-3, 50.0)
        add('tinyalpha', a, x)
    write('gamma', ['alpha', 'x', 'rate'], rows)


def beta_rows(seed=5550123):
    rng = np.random.default_rng(seed)
    rows = []

    def add(s, a, b, x, rnd=None):
        if rnd is None:
            rnd = rng.random() < 0.5
        if rnd:
            a, b, x = f32(a), f32(b), f32(x)
        if not (a > 0 and b > 0 and 0 < x < 1 and x > 1e-300 and math.isfinite(a * b)):
            return
        rows.append((s, (a, b, x)))

    def logbeta_sample(a, b):
        la = math.log(rng.gamma(a + 1.0)) + math.log(rng.random()) / a
        lb = math.log(rng.gamma(b + 1.0)) + math.log(rng.random()) / b
        d = lb - la
        return 1.0 / (1.0 + math.exp(d)) if d < 700 else math.exp(-d)

    def ab(lo=1e-5, hi=1e6):
        return logu(rng, lo, hi), logu(rng, lo, hi)

    for _ in range(560):
        a, b = ab()
        p = logu(rng, 1e-30, 0.5)
        add('lowtail', a, b, float(sp.betaincinv(a, b, p)))
    for i in range(600):
        a, b = ab()
        q = logu(rng, 1e-30, 0.5) if i % 3 else logu(rng, 3e-13, 3e-12)
        y = float(sp.betaincinv(b, a, q))  # 1 - x
        if rng.random() < 0.5:
            add('uptail', a, b, 1.0 - y)
        else:
            add('uptail', a, b, float(1.0 - np.float32(y)) if False else 1.0 - y)
    # switch points: mean a/(a+b), (a+1)/(a+b+2), x = 1/2, b x = 2, a (1-x) = 2
    for i in range(420):
        a, b = ab()
        kind = i % 5
        if i % 2:  # double ulps
            x0 = [a / (a + b), (a + 1) / (a + b + 2), 0.5, 2.0 / b, 1 - 2.0 / a][kind]
            if 0 < x0 < 1:
                add('switch', a, b, ulps(x0, int(rng.integers(-3, 4))), rnd=False)
        else:
            a, b = f32(a), f32(b)
            x0 = [a / (a + b), (a + 1) / (a + b + 2), 0.5, 2.0 / b, 1 - 2.0 / a][kind]
            if 0 < x0 < 1:
                add('switch', a, b, fulps(f32(x0), int(rng.integers(-2, 3))), rnd=False)
    for _ in range(800):
        a, b = ab()
        x = logbeta_sample(a, b)
        if 0 < x < 1:
            add('sample', a, b, x)
    # very unequal parameters
    for i in range(420):
        s, l = logu(rng, 1e-5, 1e-1), logu(rng, 1e3, 1e6)
        a, b = (s, l) if i % 2 else (l, s)
        if rng.random() < 0.3:
            x = logbeta_sample(a, b)
        else:
            p = logu(rng, 1e-25, 0.5)
            x = 1.0 - float(sp.betaincinv(b, a, p)) if a < b else float(sp.betaincinv(a, b, p))
        if 0 < x < 1:
            add('unequal', a, b, x)
    # large both
    for i in range(300):
        a = logu(rng, 1e4, 1e6)
        b = a * logu(rng, 0.5, 2.0) if i % 2 else logu(rng, 1e4, 1e6)
        m = a / (a + b)
        sd = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
        x = m + rng.normal() * 3 * sd
        add('large', a, b, x)
    write('beta', ['a', 'b', 'x'], rows)


def vm_rows(seed=3141777):
    rng = np.random.default_rng(seed)
    rows = []
    PI = math.pi

    def add(s, k, x, rnd=None):
        if rnd is None:
            rnd = rng.random() < 0.5
        if rnd:
            k, x = f32(k), f32(x)
            if abs(x) > PI:  # float(pi) > pi
                x = float(np.nextafter(np.float32(x), np.float32(0)))
        if not (k >= 0 and -PI <= x <= PI):
            return
        rows.append((s, (k, x)))

    for i in range(260):
        k = 0.0 if i < 20 else logu(rng, 1e-8, 1e-3)
        add('tinykappa', k, rng.uniform(-PI, PI))
    for _ in range(500):
        add('uniformx', logu(rng, 1e-3, 1e5), rng.uniform(-PI, PI))
    for i in range(700):
        k = logu(rng, 1e-3, 1e5)
        sgn = -1 if i < 400 else 1
        if k < 2 or rng.random() < 0.2:
            x = -PI + logu(rng, 1e-14, 1.0)  # close to -pi
        else:
            V = rng.uniform(0, min(2 * k, 70.0))
            x = -math.acos(max(-1.0, 1 - V / k))
        add('lowtail' if sgn < 0 else 'uptail', k, sgn * x)
    for i in range(420):
        kind = i % 4
        if kind == 0:  # region switch cos x = A
            k = logu(rng, 1e-3, 1e5)
            A = float(sp.ive(1, k) / sp.ive(0, k))
            x0 = math.acos(A) * (1 if rng.random() < 0.5 else -1)
            if i % 8 == 0:
                add('switch', k, ulps(x0, int(rng.integers(-3, 4))), rnd=False)
            else:
                add('switch', f32(k), fulps(f32(x0), int(rng.integers(-2, 3))), rnd=False)
        elif kind == 1:  # Bessel switch kappa = 25
            k = ulps(25.0, int(rng.integers(-3, 4))) if i % 2 else fulps(25.0, int(rng.integers(-2, 3)))
            add('switch', k, rng.uniform(-PI, PI), rnd=not (i % 2))
        elif kind == 2:  # near 0
            k = logu(rng, 1e-3, 1e5)
            add('near0', k, logu(rng, 1e-12, 1e-2) * (1 if rng.random() < 0.5 else -1))
        else:  # near +-pi
            k = logu(rng, 1e-3, 1e5)
            s = 1 if rng.random() < 0.5 else -1
            if rng.random() < 0.5:
                x = s * ulps(PI, -int(rng.integers(0, 4)))
            else:
                x = s * (PI - logu(rng, 1e-12, 1e-2))
            add('nearpi', k, x, rnd=False)
    for _ in range(560):
        k = logu(rng, 1e-8, 1e5)
        add('sample', k, float(rng.vonmises(0.0, k)))
    write('vonmises', ['kappa', 'x'], rows)


if __name__ == '__main__':
    gamma_rows()
    beta_rows()
    vm_rows()
