# Input generator: regions of (a, b, x); writes probe/inputs.csv with double and float32-rounded values (hex).
import numpy as np, sys
rng = np.random.default_rng(int(sys.argv[1]) if len(sys.argv) > 1 else 915151)
rows = []
def lu(lo, hi, n=None): return np.exp(rng.uniform(np.log(lo), np.log(hi), n))
def add(reg, a, b, x):
    a, b, x = float(a), float(b), float(x)
    if not (a > 0 and b > 0 and 0 < x < 1): return
    rows.append((reg, a, b, x))

# R1 tiny a or b (1e-6..1e-2), other moderate or large
for i in range(300):
    t = lu(1e-6, 1e-2); o = lu(0.5, 1e5)
    a, b = (t, o) if i % 2 == 0 else (o, t)
    k = i % 3
    if k == 0: x = rng.uniform(0, 1)
    elif k == 1: x = lu(1e-30, 1e-1)
    else: x = 1 - lu(1e-15, 1e-1)
    add('tiny', a, b, x)
# R2 both large near the mean (within 4 sd)
for i in range(220):
    a = lu(1e2, 1e7); b = lu(1e2, 1e7)
    m = a / (a + b); sd = np.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    add('large_mean', a, b, m + rng.uniform(-4, 4) * sd)
# R3 both large near the switch point (a+1)/(a+b+2)
for i in range(180):
    a = lu(1e2, 1e7); b = lu(1e2, 1e7)
    s = (a + 1) / (a + b + 2); sd = np.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    k = i % 3
    if k == 0: x = s
    elif k == 1: x = s + rng.uniform(-0.05, 0.05) * sd
    else: x = s * (1 + rng.choice([-1, 1]) * lu(1e-16, 1e-8))
    add('large_switch', a, b, x)
# R4 x near 0
for i in range(220):
    add('x_near0', lu(1e-2, 1e3), lu(1e-2, 1e3), lu(1e-30, 1e-3))
# R5 x near 1
for i in range(220):
    d = lu(1e-7, 1e-3) if i % 2 == 0 else lu(1e-16, 1e-7)
    add('x_near1', lu(1e-2, 1e3), lu(1e-2, 1e3), 1 - d)
# R6 a = b
for i in range(220):
    a = lu(1e-3, 1e6)
    if i % 2 == 0: x = rng.uniform(0, 1)
    else:
        sd = np.sqrt(1 / (4 * (2 * a + 1))); x = 0.5 + rng.uniform(-3, 3) * sd
        if not 0 < x < 1: x = rng.uniform(0, 1)
    add('a_eq_b', a, a, x)
# R7 moderate
for i in range(450):
    add('moderate', rng.uniform(0.5, 50), rng.uniform(0.5, 50), rng.uniform(0, 1))

f32 = lambda v: float(np.float32(v))
with open('probe/inputs.csv', 'w') as f:
    f.write('id,region,a,b,x,a32,b32,x32\n')
    for i, (reg, a, b, x) in enumerate(rows):
        f.write(f'{i},{reg},{a.hex()},{b.hex()},{x.hex()},{f32(a).hex()},{f32(b).hex()},{f32(x).hex()}\n')
print(len(rows), 'rows')
