"""Round 2 inputs (seed 2717): denser probes of switch-overs and extremes. Writes in2/*.csv."""
import numpy as np, math, os
from scipy import special
rng = np.random.default_rng(2717)
os.makedirs('in2', exist_ok=True)
lu = lambda lo, hi: float(10 ** rng.uniform(math.log10(lo), math.log10(hi)))
f32 = lambda v: float(np.float32(v))
def step(v, k):
    for _ in range(abs(k)):
        v = float(np.nextafter(v, math.inf if k > 0 else -math.inf))
    return v
rows = []
for i in range(200):  # G8 float-exact alpha in [10,20], x in [a+0.5, a+1)
    a = f32(rng.uniform(10, 20)); x = f32(a + rng.uniform(0.5, 1.0))
    rows.append(('G8_f32_a+0.5..1', a, x, 1.0))
for i in range(60):   # G9 alpha 1e6..1e8 near mean, inexact rate
    a = lu(1e6, 1e8); rate = lu(1e-3, 1e3); u = a + float(rng.uniform(-3, 3)) * math.sqrt(a)
    rows.append(('G9_hugealpha_rate', a, u / rate, rate))
for i in range(60):   # G10 alpha near 1 and 10 (+- ulps), x/alpha = 1/2
    a = step(float(rng.choice([1.0, 10.0, 7.0])), int(rng.integers(-3, 4)))
    x = float(rng.choice([a / 2, step(a / 2, 1), lu(1e-12, 1e2), a + 1, step(a + 1, -1)]))
    rows.append(('G10_switch', a, x, 1.0))
for i in range(60):   # G11 subnormal / tiny x, alpha moderate
    a = lu(0.01, 5); x = lu(5e-324, 1e-300)
    rows.append(('G11_tinyx', a, x, 1.0))
for i in range(40):   # G12 huge x, small alpha
    a = lu(1e-4, 10); x = lu(50, 700)
    rows.append(('G12_bigx', a, x, 1.0))
for i in range(60):   # G13 float-exact general (for f32 medians)
    a = f32(lu(1e-4, 1e6)); u = special.gammaincinv(a, float(rng.uniform(0.001, 0.999)))
    if u > 0: rows.append(('G13_f32_random', a, f32(u), 1.0))
with open('in2/gamma.csv', 'w') as f:
    f.write('tag,alpha,x,rate\n')
    for r in rows: f.write('%s,%r,%r,%r\n' % r)
print('gamma', len(rows))
rows = []
for i in range(60):   # B6 a,b in 1e6..1e8 near the switch point
    a = lu(1e6, 1e8); b = lu(1e6, 1e8)
    sd = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    x = (a + 1) / (a + b + 2) + float(rng.choice([0, rng.uniform(-0.1, 0.1), rng.uniform(-8, 8)])) * sd
    rows.append(('B6_huge_switch', a, b, x))
for i in range(60):   # B7 tiny a with b ~ 0.1..10, various x, float-exact
    a = f32(lu(1e-4, 1e-2)); b = f32(lu(0.1, 10)); x = f32(rng.choice([lu(1e-30, 1e-3), rng.uniform(0, 1), 1 - lu(1e-7, 1e-2)]))
    if a > b and i % 2: a, b = b, a
    if 0 < x < 1: rows.append(('B7_f32_tiny', a, b, x))
for i in range(40):   # B8 both tiny (beyond domain) and both ~1e-4
    a = lu(1e-7, 1e-3); b = lu(1e-7, 1e-3); x = float(rng.uniform(0, 1)) if i % 2 else lu(1e-300, 1e-5)
    rows.append(('B8_bothtiny', a, b, x))
for i in range(80):   # B9 float-exact random (f32 medians)
    a = f32(lu(1e-4, 1e6)); b = f32(lu(1e-4, 1e6))
    x = f32(special.betaincinv(a, b, float(rng.uniform(0.001, 0.999))))
    if 0 < x < 1: rows.append(('B9_f32_random', a, b, x))
with open('in2/beta.csv', 'w') as f:
    f.write('tag,a,b,x\n')
    for r in rows: f.write('%s,%r,%r,%r\n' % r)
print('beta', len(rows))
rows = []
PI = math.pi
for i in range(60):   # V5 kappa 1e5..1e6, x - loc near +-pi, loc != 0
    k = lu(1e5, 1e6); loc = float(rng.uniform(-PI, PI))
    x = loc + float(rng.choice([-1, 1])) * (PI - lu(1e-12, 1e-2))
    rows.append(('V5_hugek_antimode', k, x, loc))
for i in range(60):   # V6 kappa = 25 +- ulps; x = +-arccos(A) +- ulps
    k = step(25.0, int(rng.integers(-3, 4))) if i % 2 else lu(1e-3, 1e4)
    A = float(special.i1e(k) / special.i0e(k)); x = step(float(rng.choice([-1, 1])) * math.acos(A), int(rng.integers(-3, 4)))
    rows.append(('V6_switch', k, x, 0.0))
for i in range(40):   # V7 large |x| with loc, periodic
    k = lu(1e-2, 1e3); loc = float(rng.uniform(-100, 100)); x = float(rng.uniform(-1e4, 1e4))
    rows.append(('V7_bigx', k, x, loc))
for i in range(80):   # V8 float-exact random
    k = f32(lu(1e-4, 1e5)); x = f32(rng.uniform(-PI, PI)); loc = f32(rng.uniform(-PI, PI)) if i % 2 else 0.0
    rows.append(('V8_f32_random', k, x, loc))
with open('in2/vonmises.csv', 'w') as f:
    f.write('tag,kappa,x,loc\n')
    for r in rows: f.write('%s,%r,%r,%r\n' % r)
print('vonmises', len(rows))
