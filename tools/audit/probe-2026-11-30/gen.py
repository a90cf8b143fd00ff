"""Input generator (own seeds). Writes in/gamma.csv, in/beta.csv, in/vonmises.csv with a tag column."""
import numpy as np, math, os, sys
from scipy import stats, special

SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 1313
rng = np.random.default_rng(SEED)
os.makedirs('in', exist_ok=True)


def lu(lo, hi):
    return float(10 ** rng.uniform(math.log10(lo), math.log10(hi)))


def ulps(v, k):
    return float(np.nextafter(v, math.inf if k > 0 else -math.inf)) if k else v


def step(v, k):
    for _ in range(abs(k)):
        v = float(np.nextafter(v, math.inf if k > 0 else -math.inf))
    return v


def gq(a, q, upper=False):
    try:
        x = special.gammainccinv(a, q) if upper else special.gammaincinv(a, q)
        x = float(x)
        if not (x > 0 and math.isfinite(x)):
            return None
        return x
    except Exception:
        return None


rows = []
# G1: rate far from 1, u = rate*x moderate
for i in range(70):
    a = lu(0.05, 1e4)
    rate = lu(1e-200, 1e200)
    q = rng.choice([rng.uniform(0.01, 0.99), lu(1e-12, 1e-2), 1 - lu(1e-12, 1e-2)])
    u = gq(a, q)
    if u is None: continue
    rows.append(('G1_rate', a, u / rate, rate))
# G2: alpha in [15,25], x/alpha in [0.2,0.4] and [2.2,2.6]
for i in range(90):
    a = float(rng.uniform(15, 25))
    lam = float(rng.uniform(0.2, 0.4) if i % 2 == 0 else rng.uniform(2.2, 2.6))
    rows.append(('G2_window', a, a * lam, 1.0))
# G2b: exact Temme switch points +- ulps, and alpha = 20 +- ulps
for i in range(30):
    a = float(rng.choice([20.0, step(20.0, -1), step(20.0, 1), rng.uniform(19.9, 20.1), rng.uniform(15, 25)]))
    lam = float(rng.choice([0.30171, 2.35768]))
    x = step(a * lam, int(rng.integers(-3, 4)))
    rows.append(('G2_switch', a, x, 1.0))
# G3: x near alpha + 0.5 and alpha + 1
for i in range(80):
    a = lu(0.5, 1e4) if i % 3 else float(rng.uniform(2, 25))
    off = float(rng.choice([0.5, 1.0]))
    x = a + off
    k = int(rng.integers(0, 3))
    if k == 0:
        x = step(x, int(rng.integers(-4, 5)))
    elif k == 1:
        x = x + float(rng.uniform(-1e-3, 1e-3))
    rows.append(('G3_a+%.1f' % off, a, x, 1.0))
# G4: alpha below 1e-3, x in [1e-300, 50]
for i in range(70):
    a = lu(1e-8, 1e-3) if i % 4 else lu(1e-4, 1e-3)
    x = lu(1e-300, 50)
    rows.append(('G4_tinyalpha', a, x, 1.0))
# G5: alpha up to 1e7, far tails (1e-15, 1-1e-15)
for i in range(60):
    a = lu(1e3, 1e7)
    upper = bool(i % 2)
    q = float(rng.choice([1e-15, lu(1e-15, 1e-10)]))
    x = gq(a, q, upper)
    if x is None: continue
    rows.append(('G5_bigalpha_' + ('up' if upper else 'lo'), a, x, 1.0))
# G6: inexact rate products, alpha up to 1e6 near the mean
for i in range(40):
    a = lu(1, 1e6)
    rate = lu(1e-3, 1e3)
    u = gq(a, float(rng.uniform(0.05, 0.95)))
    rows.append(('G6_rateprod', a, u / rate, rate))
# G7: general random
for i in range(40):
    a = lu(1e-4, 1e6)
    rate = lu(1e-5, 1e5)
    u = gq(a, float(rng.uniform(0.001, 0.999)))
    if u is None: continue
    rows.append(('G7_random', a, u / rate, rate))
with open('in/gamma.csv', 'w') as f:
    f.write('tag,alpha,x,rate\n')
    for t, a, x, r in rows:
        f.write('%s,%r,%r,%r\n' % (t, a, x, r))
print('gamma', len(rows))

# ------------------------------------------------------------------ Beta
rows = []


def bq(a, b, q, upper=False):
    try:
        x = float(special.betainccinv(a, b, q) if upper else special.betaincinv(a, b, q))
        if 0 < x < 1:
            return x
    except Exception:
        pass
    return None


# B1: one param < 1e-3, the other large
for i in range(100):
    s = lu(1e-6, 1e-3) if i % 3 else lu(1e-4, 1e-3)
    L = lu(1e3, 1e6)
    a, b = (s, L) if i % 2 == 0 else (L, s)
    k = i % 5
    if k == 0:
        x = lu(1e-300, 1e-15)
    elif k == 1:
        x = 1 - lu(1.1e-16, 1e-15)
    elif k == 2:
        x = bq(a, b, float(rng.uniform(0.05, 0.95)))
    elif k == 3:
        x = lu(1e-8, 1e-2)
    else:
        x = 1 - lu(1e-8, 1e-2)
    if x is None or not (0 < x < 1): continue
    rows.append(('B1_tiny_big', a, b, x))
# B2: x within 1e-15 of 0 or 1, moderate/various a, b
for i in range(50):
    a = lu(1e-3, 1e3); b = lu(1e-3, 1e3)
    if i % 2:
        x = lu(1e-17, 1e-15)
    else:
        x = 1 - float(rng.integers(1, 10)) * 2.0 ** -53
    rows.append(('B2_edge', a, b, x))
# B3: a, b both large (1e4..1e6) near the mean and many sd out
for i in range(100):
    a = lu(1e4, 1e6); b = lu(1e4, 1e6)
    m = a / (a + b); sd = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    z = float(rng.choice([rng.uniform(-1, 1), rng.uniform(-0.01, 0.01), rng.uniform(5, 30), -rng.uniform(5, 30)]))
    x = m + z * sd
    if not (0 < x < 1): continue
    # mean and switch point exactly (to ulps)
    if i % 10 == 0:
        x = step((a + 1) / (a + b + 2), int(rng.integers(-3, 4)))
    rows.append(('B3_bothbig', a, b, x))
# B4: a = b
for i in range(60):
    a = lu(1e-3, 1e6)
    sd = math.sqrt(1 / (4 * (2 * a + 1)))
    k = i % 4
    if k == 0:
        x = 0.5
    elif k == 1:
        x = step(0.5, int(rng.integers(-5, 6)))
    else:
        x = 0.5 + float(rng.uniform(-4, 4)) * sd
    if not (0 < x < 1): x = float(rng.uniform(0.01, 0.99))
    rows.append(('B4_aeqb', a, a, x))
# B5: general random
for i in range(60):
    a = lu(1e-4, 1e6); b = lu(1e-4, 1e6)
    x = bq(a, b, float(rng.choice([rng.uniform(0.01, 0.99), lu(1e-12, 1e-2)])), upper=bool(i % 2))
    if x is None: continue
    rows.append(('B5_random', a, b, x))
with open('in/beta.csv', 'w') as f:
    f.write('tag,a,b,x\n')
    for t, a, b, x in rows:
        f.write('%s,%r,%r,%r\n' % (t, a, b, x))
print('beta', len(rows))

# ------------------------------------------------------------------ von Mises
rows = []
PI = math.pi
# V1: small kappa
for i in range(70):
    k = lu(1e-8, 1e-2)
    c = i % 4
    if c == 0:
        x = float(rng.uniform(-PI, PI))
    elif c == 1:
        x = step(-PI, int(rng.integers(0, 6))) if i % 2 else step(PI, -int(rng.integers(1, 6)))
    elif c == 2:
        x = float(rng.uniform(-1e-6, 1e-6))
    else:
        x = -PI + lu(1e-15, 1e-3)
    rows.append(('V1_smallk', k, x, 0.0))
# V2: large kappa
for i in range(100):
    k = lu(50, 1e6)
    sd = 1 / math.sqrt(k)
    c = i % 5
    if c == 0:
        x = float(rng.uniform(-3, 3)) * sd
    elif c == 1:  # tails: kappa(1-cos r) up to ~ 600
        t = float(rng.uniform(5, 600))
        r = math.acos(max(-1.0, 1 - t / k))
        x = -r if i % 2 else r
    elif c == 2:
        x = step(-PI, int(rng.integers(0, 4))) if i % 2 else step(PI, -int(rng.integers(1, 4)))
    elif c == 3:
        x = float(rng.uniform(-0.01, 0.01)) * sd
    else:
        x = float(rng.uniform(-PI, PI))
    rows.append(('V2_bigk', k, x, 0.0))
# V3: loc != 0, wrapping past pi
for i in range(100):
    k = lu(1e-4, 1e5) if i % 3 else lu(1e-8, 1e6)
    loc = float(rng.uniform(-PI, PI)) if i % 4 else float(rng.uniform(-50, 50))
    c = i % 4
    if c == 0:  # x near loc
        x = loc + float(rng.uniform(-3, 3)) / math.sqrt(k + 1)
    elif c == 1:  # x - loc near +-pi (wraps)
        x = loc + (PI if i % 2 else -PI) + float(rng.choice([-1, 1])) * lu(1e-14, 1e-2)
    elif c == 2:
        x = float(rng.uniform(-PI, PI))
    else:  # x - loc beyond pi: wrapped
        x = loc + float(rng.choice([-1, 1])) * float(rng.uniform(PI, 2 * PI))
    if abs(x) > 60: x = float(rng.uniform(-PI, PI))
    rows.append(('V3_loc', k, x, loc))
# V4: x near +-pi (ulps) and near 0, loc = 0, various kappa
for i in range(40):
    k = lu(1e-4, 1e5)
    c = i % 3
    if c == 0:
        x = step(-PI, int(rng.integers(0, 8)))
    elif c == 1:
        x = step(PI, -int(rng.integers(1, 8)))
    else:
        x = float(rng.choice([-1, 1])) * lu(1e-300, 1e-8)
    rows.append(('V4_edges', k, x, 0.0))
with open('in/vonmises.csv', 'w') as f:
    f.write('tag,kappa,x,loc\n')
    for t, k, x, l in rows:
        f.write('%s,%r,%r,%r\n' % (t, k, x, l))
print('vonmises', len(rows))
