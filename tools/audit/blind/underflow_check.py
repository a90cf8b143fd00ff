"""Rows whose true value is below the double normal range (2.2e-308; excluded from the relative tables):
the library's value must be tiny too (absolute error) and not NaN. Pooled batches."""
import csv, math, mpmath as mp
from analyze import COLS, D_MIN
W = '/tmp/audit-work'
mp.mp.dps = 30
for tag in ['gamma_all', 'beta_all', 'vonmises_all']:
    dist = tag.split('_')[0]
    ins = list(csv.DictReader(open(f'{W}/in_{tag}.csv')))
    refs = {r['id']: r for r in csv.DictReader(open(f'{W}/ref_{tag}.csv'))}
    for b in ['scalar', 'simd']:
        out = list(csv.DictReader(open(f'{W}/out_{tag}_{b}_f64.csv')))
        for col in COLS[dist]:
            n = nan = 0
            worst = mp.mpf(0)
            for r, o in zip(ins, out):
                ref = mp.mpf(refs[r['id']][col])
                if ref != 0 and abs(ref) < D_MIN:
                    n += 1
                    v = float(o[col])
                    if math.isnan(v):
                        nan += 1
                        continue
                    worst = max(worst, abs(mp.mpf(v) - ref))
            if n:
                print(f'{dist} {b} f64 {col}: rows {n}, NaN {nan}, max |lib - ref| = {mp.nstr(worst, 3)}')
