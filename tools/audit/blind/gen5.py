"""Fifth batch (tag _q): 800 float32 points in alpha in [10, 20), x in [alpha + 0.5, alpha + 1), where the
probe batch's SIMD float32 Gamma median exceeded 2e-7."""
import numpy as np
import gen
from gen import f32
rng = np.random.default_rng(515151)
rows = []
for _ in range(800):
    a = f32(rng.uniform(10.0, 20.0))
    x = f32(a + rng.uniform(0.5, 1.0))
    rows.append(('f32_a10_20_x_a+0.5_a+1', (a, x, 1.0)))
gen.write('gamma_q', ['alpha', 'x', 'rate'], rows)
