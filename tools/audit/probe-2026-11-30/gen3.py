"""Round 3 inputs (seed 99): products that underflow/overflow, alpha near the tiny-alpha proxy, domain corners."""
import numpy as np, math
from scipy import special
rng = np.random.default_rng(99)
lu = lambda lo, hi: float(10 ** rng.uniform(math.log10(lo), math.log10(hi)))
rows = []
for i in range(50):   # G14a: u subnormal
    a = lu(1e-3, 10); u = lu(1e-320, 1e-300); rate = lu(1e-300, 1e-10); rows.append(('G14_u_subnormal', a, u / rate, rate))
for i in range(40):   # G14b: u overflows
    a = lu(1e-3, 1e6); lu_ = float(rng.uniform(309, 320)); lr = float(rng.uniform(100, 300)); rows.append(('G14_u_overflow', a, 10.0 ** (lu_ - lr), 10.0 ** lr))
for i in range(50):   # G15: alpha near 2^-100
    a = 2.0 ** -100 * lu(0.1, 10); x = lu(1e-5, 600); rows.append(('G15_proxy', a, x, 1.0))
for i in range(30):   # G16: domain corners
    a = float(rng.choice([1e-4, 1e6])); q = float(rng.choice([1e-12, 0.5, 1 - 1e-12, lu(1e-10, 0.9)]))
    x = float(special.gammaincinv(a, q)); 
    if x > 0: rows.append(('G16_corner', a, x, float(rng.choice([1.0, lu(1e-3, 1e3)]))))
with open('r3/in/gamma.csv', 'w') as f:
    f.write('tag,alpha,x,rate\n')
    for r in rows: f.write('%s,%r,%r,%r\n' % r)
print('gamma', len(rows))
rows = []
for i in range(40):
    a = float(rng.choice([1e-4, 1e6])); b = float(rng.choice([1e-4, 1e6]))
    x = float(special.betaincinv(a, b, float(rng.choice([1e-10, 0.5, lu(1e-8, 0.99)]))))
    if 0 < x < 1: rows.append(('B10_corner', a, b, x))
for i in range(30):
    a = lu(1e4, 1e6); rows.append(('B11_aeqb_half', a, a, 0.5))
with open('r3/in/beta.csv', 'w') as f:
    f.write('tag,a,b,x\n')
    for r in rows: f.write('%s,%r,%r,%r\n' % r)
print('beta', len(rows))
rows = []
for i in range(30):
    loc = float(rng.uniform(-10, 10)); x = float(rng.uniform(-10, 10)); rows.append(('V9_k0_loc', 0.0, x, loc))
for i in range(30):
    k = float(rng.choice([1e-4, 1e5])); loc = float(rng.uniform(-4, 4)); x = loc + float(rng.uniform(-7, 7)); rows.append(('V10_corner', k, x, loc))
with open('r3/in/vonmises.csv', 'w') as f:
    f.write('tag,kappa,x,loc\n')
    for r in rows: f.write('%s,%r,%r,%r\n' % r)
print('vonmises', len(rows))
