"""Second, targeted ('stress') batch: writes in_gamma_s.csv, in_beta_s.csv, in_vonmises_s.csv.
Denser float32 sampling of the SIMD float kernels' bulk and switch points, code thresholds +- ulps,
very unequal Beta parameters with x near 0/1, von Mises SIMD tail-band edges."""
import math
import numpy as np
from scipy import special as sp
import gen
from gen import f32, ulps, fulps, logu

OUT = '/tmp/audit-work'


def write(tag, cols, rows):
    gen.write(tag, cols, rows)


def eta_to_lambda(eta):
    # solve lambda - 1 - log(lambda) = eta^2/2 with sign(lambda-1) = sign(eta)
    phi = eta * eta / 2
    lo, hi = (1e-300, 1.0) if eta < 0 else (1.0, 1e3)
    for _ in range(200):
        m = 0.5 * (lo + hi)
        f = m - 1 - math.log(m) - phi
        if (f > 0) == (eta < 0):
            lo = m
        else:
            hi = m
    return 0.5 * (lo + hi)


def gamma_s(seed=9081726):
    rng = np.random.default_rng(seed)
    rows = []

    def add(s, a, x, r=1.0, rnd=False):
        if rnd:
            a, x, r = f32(a), f32(x), f32(r)
        if a > 0 and r > 0 and 1e-300 < x < math.inf:
            rows.append((s, (a, x, r)))

    # float bulk (SIMD float kernels' domain), quantiles 1e-4 .. 1-1e-4
    for _ in range(1200):
        a = logu(rng, 1e-5, 1e6)
        u = rng.uniform(1e-4, 1 - 1e-4)
        add('f32_bulk', a, float(sp.gammaincinv(a, u)), rnd=True)
    # float: small alpha near its mean (series/fraction split at a + 1/2 in float, a + 1 in double)
    for _ in range(600):
        a = logu(rng, 1e-5, 25.0)
        add('f32_near_mean', a, a + rng.uniform(-1.5, 2.5) * max(1.0, math.sqrt(a)), rnd=True)
    # float thresholds: a = 6 (psi), 1e-5, 1e6, 20 (+- float ulps); x near 1e-30
    for i in range(300):
        a0 = [6.0, 1e-5, 1e6, 20.0, 1.0, 10.0][i % 6]
        a = fulps(a0, int(rng.integers(-3, 4)))
        u = rng.uniform(0.001, 0.999)
        x = float(sp.gammaincinv(a, u))
        if i % 12 == 1 and rng.random() < 0.5:
            x = fulps(1e-30, int(rng.integers(-3, 4)))
        add('f32_thresh', a, x, rnd=True)
    # float Temme bands: lambda = 0.7705, 1.27, window edges, float ulps
    for i in range(300):
        a = f32(logu(rng, 20.0, 1e6))
        lam = [0.7705, 1.27, 0.301709562684336, 2.357676673945899, 1.0][i % 5]
        add('f32_temme_edge', a, fulps(f32(a * lam), int(rng.integers(-3, 4))), rnd=True)
    # double: Temme term-count steps in alpha and |eta| class edges
    kmins = [20.0, 30.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 1e4, 1e5, 1e6]
    etas = [0.015625, 0.03125, 0.0625, 0.125, 0.25, 0.5, 0.75, 1.0]
    for i in range(400):
        if i % 2:
            a = ulps(kmins[int(rng.integers(0, len(kmins)))], int(rng.integers(-2, 3)))
            lam = math.exp(rng.uniform(math.log(0.31), math.log(2.3)))
            add('temme_steps', a, a * lam)
        else:
            a = logu(rng, 20.0, 1e8)
            e = etas[int(rng.integers(0, len(etas)))] * (1 if rng.random() < 0.5 else -1)
            lam = eta_to_lambda(e)
            add('temme_steps', a, ulps(a * lam, int(rng.integers(-3, 4))))
    # double thresholds: a = 1, 7, 10 +- ulps; x/a = 1/2 +- ulps
    for i in range(300):
        if i % 2:
            a = ulps([1.0, 7.0, 10.0][i % 3], int(rng.integers(-3, 4)))
            add('thresh', a, float(sp.gammaincinv(a, rng.uniform(1e-3, 0.999))))
        else:
            a = logu(rng, 1e-3, 1e4)
            add('thresh', a, ulps(a * 0.5, int(rng.integers(-2, 3))))
    # extreme rates
    for _ in range(300):
        a = logu(rng, 1e-4, 1e6)
        r = logu(rng, 1e-30, 1e30)
        z = float(rng.gamma(a)) / r
        add('rate_extreme', a, z, r, rnd=rng.random() < 0.3)
    # tiny alpha: far upper tail (x 300..745) and x tiny
    for i in range(300):
        a = logu(rng, 1e-6, 1e-4)
        x = rng.uniform(300, 745) if i % 2 else logu(rng, 1e-300, 1e-100)
        add('tiny_alpha_edges', a, x)
    write('gamma_s', ['alpha', 'x', 'rate'], rows)


def beta_s(seed=4433221):
    rng = np.random.default_rng(seed)
    rows = []

    def add(s, a, b, x, rnd=False):
        if rnd:
            a, b, x = f32(a), f32(b), f32(x)
        if a > 0 and b > 0 and 0 < x < 1 and x > 1e-300:
            rows.append((s, (a, b, x)))

    def logbeta_sample(a, b):
        la = math.log(rng.gamma(a + 1.0)) + math.log(rng.random()) / a
        lb = math.log(rng.gamma(b + 1.0)) + math.log(rng.random()) / b
        d = lb - la
        return 1.0 / (1.0 + math.exp(d)) if d < 700 else math.exp(-d)

    # very unequal, x toward the heavy end (where the SIMD float64 outlier was)
    for i in range(800):
        big, small = logu(rng, 1e2, 1e6), logu(rng, 1e-5, 1e-1)
        t = logu(rng, 1e-14, 0.3)
        if i % 2:
            add('unequal_edge', big, small, 1.0 - t, rnd=i % 4 == 1)
        else:
            add('unequal_edge', small, big, t, rnd=i % 4 == 0)
    # float bulk
    for _ in range(700):
        a, b = logu(rng, 1e-4, 1e6), logu(rng, 1e-4, 1e6)
        add('f32_bulk', a, b, logbeta_sample(a, b), rnd=True)
    # switch point (a+1)/(a+b+2) +- ulps with unequal or large parameters; mean
    for i in range(400):
        if i % 2:
            a, b = logu(rng, 1e-5, 1e6), logu(rng, 1e-5, 1e6)
        else:
            a, b = logu(rng, 1e3, 1e6), logu(rng, 1e-5, 1e-1)
            if rng.random() < 0.5:
                a, b = b, a
        x0 = (a + 1) / (a + b + 2) if i % 4 < 2 else a / (a + b)
        add('switch2', a, b, ulps(x0, int(rng.integers(-3, 4))))
    # thresholds: a or b = 8, 1 (+- ulps), x anywhere
    for i in range(300):
        p = ulps([8.0, 1.0][i % 2], int(rng.integers(-2, 3)))
        q = logu(rng, 1e-4, 1e6)
        a, b = (p, q) if rng.random() < 0.5 else (q, p)
        add('thresh', a, b, logbeta_sample(a, b))
    write('beta_s', ['a', 'b', 'x'], rows)


def vm_s(seed=2718281):
    rng = np.random.default_rng(seed)
    rows = []
    PI = math.pi

    def add(s, k, x, rnd=False):
        if rnd:
            k, x = f32(k), f32(x)
            if abs(x) > PI:
                x = float(np.nextafter(np.float32(x), np.float32(0)))
        if k >= 0 and -PI <= x <= PI:
            rows.append((s, (k, x)))

    for _ in range(800):
        add('f32_bulk', logu(rng, 1e-8, 1e5), rng.uniform(-PI, PI), rnd=True)
    # SIMD tail bands: lambda = kappa (1 + cos x) = 2, 8, 32, 50
    for i in range(600):
        k = logu(rng, 1.5, 1e5)
        lam = [2.0, 8.0, 32.0, 50.0][i % 4] * (1 + rng.normal() * 1e-3 if i % 3 else 1)
        c = lam / k - 1
        if c >= 1 or c <= -1:
            continue
        x = math.acos(c) * (1 if rng.random() < 0.5 else -1)
        add('tail_band', k, x, rnd=i % 2 == 0)
    for _ in range(400):
        add('kappa20_30', rng.uniform(20, 30), rng.uniform(-PI, PI), rnd=rng.random() < 0.5)
    for i in range(300):
        k = logu(rng, 1e-8, 1e5)
        A = float(sp.ive(1, k) / sp.ive(0, k))
        x0 = math.acos(A) * (1 if rng.random() < 0.5 else -1)
        if i % 2:
            add('switch2', k, ulps(x0, int(rng.integers(-4, 5))))
        else:
            add('switch2', f32(k), fulps(f32(x0), int(rng.integers(-3, 4))))
    write('vonmises_s', ['kappa', 'x'], rows)


if __name__ == '__main__':
    gamma_s()
    beta_s()
    vm_s()
