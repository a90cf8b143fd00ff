"""All rounds pooled: per dist x prec x backend x quantity max / p99 / median, and the worst row."""
import csv, math, numpy as np
from mpmath import mpf
import mpmath as mp
from compare import COLS, PAR, relerr, F32MIN, F32MAX, DMIN
mp.mp.dps = 40
print('| dist | prec | backend | quantity | n | max | p99 | median | worst row (inputs: irg vs ref) |')
print('|---|---|---|---|---|---|---|---|---|')
for d in COLS:
    for p in ['f64', 'f32']:
        for b in ['scalar', 'simd']:
            for c in COLS[d]:
                es = []
                for base in ['.', 'r2', 'r3']:
                    refs = list(csv.DictReader(open('%s/ref/%s_%s.csv' % (base, d, p))))
                    outs = list(csv.DictReader(open('%s/out/%s_%s_%s.csv' % (base, d, p, b))))
                    for r, o in zip(refs, outs):
                        if r['err']: continue
                        iv = [float(r[q]) for q in PAR[d]]
                        if not all(math.isfinite(v) for v in iv) or iv[0] < 0 or (iv[0] == 0 and d != 'vonmises') or (d == 'gamma' and iv[2] <= 0) or (d == 'beta' and iv[1] <= 0): continue
                        rv = mpf(r[c])
                        lo, hi = (F32MIN, F32MAX) if p == 'f32' else (DMIN, 1.7976931348623157e308)
                        if rv != 0 and not (lo <= abs(rv) <= hi): continue
                        es.append((relerr(float(o[c]), rv), r, o[c], r[c]))
                v = np.sort([e[0] for e in es])
                w = max(es, key=lambda t: t[0])
                p99 = v[min(len(v) - 1, int(math.ceil(0.99 * len(v))) - 1)]
                print('| %s | %s | %s | %s | %d | %.2e | %.2e | %.2e | `%s` %s: %s vs %s |' % (d, p, b, c, len(v), v[-1], p99, np.median(v),
                      w[1]['tag'], ', '.join('%s=%s' % (q, w[1][q]) for q in PAR[d]), w[2], mp.nstr(mpf(w[3]), 17)))
