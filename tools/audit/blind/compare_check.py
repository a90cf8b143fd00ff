"""Self-consistency of the references: ref_<tag>.csv (dps 60, 40-point GL, coarse levels) against
refchk_<tag>.csv (dps 80, 64-point GL, levels 0.1*1.25^k). Prints max relative difference per column."""
import csv, sys, mpmath as mp
from run_refs import COLS
mp.mp.dps = 40
for tag in sys.argv[1:] or ['gamma', 'beta', 'vonmises']:
    a = {r['id']: r for r in csv.DictReader(open(f'/tmp/audit-work/ref_{tag}.csv'))}
    b = list(csv.DictReader(open(f'/tmp/audit-work/refchk_{tag}.csv')))
    for col in COLS[tag.split('_')[0]]:
        worst, n = (mp.mpf(0), None), 0
        for r in b:
            x, y = mp.mpf(a[r['id']][col]), mp.mpf(r[col])
            if y == 0:
                continue
            n += 1
            d = abs(x - y) / abs(y)
            if d > worst[0]:
                worst = (d, r['id'])
        print(tag, col, 'n=%d' % n, 'max rel diff', mp.nstr(worst[0], 3), 'row', worst[1])
