import sys
from mpmath import mp, mpf
mp.dps = 50
def load(fn):
    d = {}
    for ln in open(fn).read().split('\n')[1:]:
        if ln: p = ln.split(','); d[(p[0], p[2])] = (p[1], [mpf(v) for v in p[3:8]], p[8])
    return d
A, B = load(sys.argv[1]), load(sys.argv[2])
worst = [0]*5
for k in A:
    if k not in B: continue
    ra, va, _ = A[k]; _, vb, sb = B[k]
    rel = [abs(u - v) / abs(u) if u != 0 else abs(v) for u, v in zip(va, vb)]
    worst = [max(w, r) for w, r in zip(worst, rel)]
    print(k[0], k[1], ra, ' '.join(mp.nstr(r, 3) for r in rel), sb)
print('worst I,dIda,dIdb,dzda,dzdb:', [mp.nstr(w, 3) for w in worst])
