"""Fourth batch ('probe', tag _p): dense sampling around the largest errors of batches 1-3:
Beta with one tiny and one large parameter near the switch point (float64 derivative errors ~1e-12,
condition number ~1), and the SIMD float32 Gamma kernels at alpha in [1e-5, 20] near x = alpha + 1/2 .. alpha + 1."""
import math
import numpy as np
import gen
from gen import f32, ulps, fulps, logu
rng = np.random.default_rng(777001)
rows = []
for i in range(1200):
    small, big = logu(rng, 1e-4, 0.3), logu(rng, 3e3, 1e6)
    a, b = (small, big) if i % 2 else (big, small)
    x0 = (a + 1) / (a + b + 2)
    # spread: relative offsets from 1e-16 to 1e0 on either side, in x or in 1-x
    off = logu(rng, 1e-16, 1.0) * (1 if rng.random() < 0.5 else -1)
    if a < b:
        x = x0 * (1 + off)
    else:
        x = 1 - (1 - x0) * (1 + off)
    if 0 < x < 1:
        rows.append(('unequal_switch', (a, b, x)))
gen.write('beta_p', ['a', 'b', 'x'], rows)
rows = []
for i in range(1500):
    a = f32(logu(rng, 1e-5, 20.0) if i % 3 else rng.uniform(5.0, 20.0))
    x = f32(a + rng.uniform(-0.5, 2.0))
    if x > 0:
        rows.append(('f32_probe', (a, x, 1.0)))
gen.write('gamma_p', ['alpha', 'x', 'rate'], rows)
