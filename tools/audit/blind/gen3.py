"""Third batch ('edge'): exact special parameter values and end points. Writes in_<dist>_e.csv."""
import math
import numpy as np
from scipy import special as sp
import gen
from gen import f32, ulps, fulps, logu
rng = np.random.default_rng(60606)
PI = math.pi

rows = []
for a in [1.0, 0.5, 2.0, 3.0, 1e-6, 1e8, 100.0, 1e6, 20.0, 25.0]:
    for _ in range(12):
        x = float(sp.gammaincinv(a, logu(rng, 1e-12, 0.999)))
        if x > 1e-300:
            rows.append(('special_alpha', (a, x, 1.0)))
    for x in [a, a + 1, a - 1 if a > 1 else a / 2, 2 * a, a / 2, 1e-300, 1e-30, 1e-10, 700.0, 1e4]:
        if x > 0:
            rows.append(('special_alpha', (a, x, 1.0)))
gen.write('gamma_e', ['alpha', 'x', 'rate'], rows)

rows = []
for a, b in [(1.0, 1.0), (1.0, 3.5), (2.5, 1.0), (0.5, 0.5), (1e-5, 1e-5), (1e6, 1e6), (1e-5, 1e6), (1e6, 1e-5),
             (7.0, 7.0), (1e3, 1e3), (8.0, 0.5), (0.5, 8.0)]:
    for x in [0.5, 1e-300, 1e-30, 1e-10, 1 - 1e-10, 1 - 2**-53, 2**-1074 * 2**60, a / (a + b), (a + 1) / (a + b + 2)]:
        if 0 < x < 1:
            rows.append(('special_ab', (a, b, x)))
    for _ in range(12):
        y = rng.uniform(0.01, 0.99) if rng.random() < 0.5 else logu(rng, 1e-20, 0.5)
        rows.append(('special_ab', (a, b, y)))
gen.write('beta_e', ['a', 'b', 'x'], rows)

rows = []
pim = math.nextafter(PI, 0)
for k in [0.0, 1e-8, 1e-5, 1e-3, 0.1, 1.0, 25.0, 100.0, 1e4, 1e5]:
    for x in [0.0, PI, -PI, pim, -pim, 1e-300, -1e-300, 1e-16, -1e-16, PI / 2, -PI / 2, PI - 1e-8, -PI + 1e-8, PI - 1e-3, -(PI - 1e-3),
              float(np.float32(PI) if np.float32(PI) < PI else np.nextafter(np.float32(PI), np.float32(0)))]:
        rows.append(('special_kx', (k, x)))
gen.write('vonmises_e', ['kappa', 'x'], rows)
