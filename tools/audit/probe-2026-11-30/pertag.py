"""Per-tag (input family) max / median of the relative error, every dist/prec/backend/quantity."""
import csv, math, sys, numpy as np
from mpmath import mpf
from compare import COLS, PAR, relerr, F32MIN, F32MAX, DMIN
out = []
for d in COLS:
    for p in ['f64', 'f32']:
        for b in ['scalar', 'simd']:
            refs = list(csv.DictReader(open('ref/%s_%s.csv' % (d, p))))
            outs = list(csv.DictReader(open('out/%s_%s_%s.csv' % (d, p, b))))
            for c in COLS[d]:
                by = {}
                for r, o in zip(refs, outs):
                    if r['err']: continue
                    iv = [float(r[q]) for q in PAR[d]]
                    if not all(math.isfinite(v) for v in iv) or iv[0] < 0 or (iv[0] == 0 and d != 'vonmises') or (d == 'gamma' and iv[2] <= 0) or (d == 'beta' and iv[1] <= 0): continue
                    rv = mpf(r[c])
                    lo, hi = (F32MIN, F32MAX) if p == 'f32' else (DMIN, 1.7976931348623157e308)
                    if rv != 0 and not (lo <= abs(rv) <= hi): continue
                    by.setdefault(r['tag'], []).append(relerr(float(o[c]), rv))
                for t, es in sorted(by.items()):
                    out.append((d, p, b, c, t, len(es), max(es), float(np.median(es))))
print('| dist | prec | backend | quantity | tag | n | max | median |')
print('|---|---|---|---|---|---|---|---|')
for r in out:
    print('| %s | %s | %s | %s | %s | %d | %.2e | %.2e |' % r)
