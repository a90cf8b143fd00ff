# Compares probe/results.csv (Java) with probe/truth_cf.csv (mpmath) per region, path and quantity.
import sys, math, collections, os
PFX = os.environ.get('PFX', 'probe/')
from mpmath import mp, mpf
mp.dps = 50
F32_MIN, F32_MAX = 2.0 ** -126, 3.4028234663852886e38
D_MIN = 2.2250738585072014e-308
inp = {}
for ln in open(PFX + 'inputs.csv').read().split('\n')[1:]:
    if ln:
        p = ln.split(','); inp[p[0]] = (p[1], [float.fromhex(v) for v in p[2:8]])
truth = {}
for ln in open(sys.argv[1] if len(sys.argv) > 1 else 'probe/truth_cf.csv').read().split('\n')[1:]:
    if ln:
        p = ln.split(','); truth[(p[0], p[2])] = [mpf(v) for v in p[3:8]] if p[3] != 'nan' else None
lines = open(PFX + 'results.csv').read().split('\n')
names = lines[0].split(',')[1:]
res = {}
for ln in lines[1:]:
    if ln:
        p = ln.split(','); res[p[0]] = dict(zip(names, [float.fromhex(v) for v in p[1:]]))
QI = {'gA': 3, 'gB': 4, 'dA': 1, 'dB': 2}
SIGN = {'gA': 1, 'gB': -1, 'dA': -1, 'dB': 1}
regions = sorted(set(r for r, _ in inp.values()), key=lambda r: ['tiny', 'large_mean', 'large_switch', 'x_near0', 'x_near1', 'a_eq_b', 'moderate', 'near_vecmax', 'mixed_tiny_x'].index(r))
stats = collections.defaultdict(list)   # (path, q, region) -> [(rel, id)]
flags = []
excluded = collections.Counter()
for i, (reg, v) in inp.items():
    a, b, x, a32, b32, x32 = v
    for name in names:
        path, q = name.rsplit('_', 1)
        is32 = path.startswith('f32') or path.startswith('sc32')
        t = truth.get((i, 'f32' if is32 else 'f64'))
        val = res[i][name]
        xin = x32 if is32 else x
        if not (0 < xin < 1) or t is None:
            excluded[(path, 'x edge')] += 1; continue
        tv = t[QI[q]]
        if (tv > 0) != (SIGN[q] > 0) and tv != 0:
            flags.append(('TRUTH SIGN?', name, i))
        if math.isnan(val) or math.isinf(val):
            if is32 and abs(tv) > F32_MAX: continue
            flags.append(('NaN/Inf', name, i, reg, val, mp.nstr(tv, 8)))
        if val != 0 and (val > 0) != (SIGN[q] > 0) and not math.isnan(val):
            flags.append(('WRONG SIGN', name, i, reg, val, mp.nstr(tv, 8)))
        lo, hi = (F32_MIN, F32_MAX) if is32 else (D_MIN, 1.79e308)
        if not (lo <= abs(tv) <= hi):
            excluded[(path, q, 'truth not normal')] += 1; continue
        rel = float(abs(mpf(val) - tv) / abs(tv)) if not math.isnan(val) else float('inf')
        stats[(path, q, reg)].append((rel, i))
        lim = 2e-6 if is32 else 1e-10
        if rel > lim:
            flags.append(('OVER LIMIT %g' % lim, name, i, reg, '%.3g' % rel, val, mp.nstr(tv, 12)))

def summ(lst):
    s = sorted(lst)
    n = len(s)
    return n, s[-1][0], s[min(n - 1, int(math.ceil(0.99 * n)) - 1)][0], s[n // 2][0] if n % 2 else (s[n // 2 - 1][0] + s[n // 2][0]) / 2, s[-1][1]
def fmtin(i, is32):
    v = inp[i][1]
    a, b, x = (v[3], v[4], v[5]) if is32 else (v[0], v[1], v[2])
    return f'a={a!r} b={b!r} x={x!r}'
paths = []
for n_ in names:
    p = n_.rsplit('_', 1)[0]
    if p not in paths: paths.append(p)
for path in paths:
    is32 = path.startswith('f32') or path.startswith('sc32')
    print(f'\n### {path}')
    print('| region | q | n | max | p99 | median | worst input |')
    print('|---|---|---|---|---|---|---|')
    for q in ['gA', 'gB', 'dA', 'dB']:
        allr = []
        for reg in regions:
            L = stats.get((path, q, reg))
            if not L: continue
            allr += L
            n, mx, p99, med, w = summ(L)
            print(f'| {reg} | {q} | {n} | {mx:.2e} | {p99:.2e} | {med:.2e} | id {w}: {fmtin(w, is32)} |')
        if allr:
            n, mx, p99, med, w = summ(allr)
            print(f'| ALL | {q} | {n} | {mx:.2e} | {p99:.2e} | {med:.2e} | id {w}: {fmtin(w, is32)} |')
print('\nexcluded:', dict(excluded))
print('\nflags (%d):' % len(flags))
for f in flags[:200]: print(f)

def crossdiff(p1, p2):
    worst = (0, None, None)
    nbits = 0; nz = 0
    for i in res:
        for q in ['gA', 'gB', 'dA', 'dB']:
            k1, k2 = f'{p1}_{q}', f'{p2}_{q}'
            if k1 not in res[i] or k2 not in res[i]: continue
            u, v = res[i][k1], res[i][k2]
            if u != v and not (math.isnan(u) and math.isnan(v)): nbits += 1
            if u == v or u == 0 or math.isnan(u) or math.isnan(v) or math.isinf(u): continue
            r = abs(u - v) / abs(u)
            if r > worst[0]: worst = (r, i, q)
    return worst, nbits
print('\ncross-path differences (largest relative difference, row, quantity; count of not-bit-identical values):')
for p1, p2 in [('f32_pair', 'f32_single'), ('f64_pair', 'f64_single'), ('sc64_pair', 'sc64_single'), ('f64_pair', 'sc64_pair'),
               ('f64_single', 'sc64_single'), ('f32_pair', 'sc32_pair'), ('f32_pair', 'f32_pair1'), ('f32_pair1', 'f32_bcast1'), ('f64_pair', 'f64_pair1')]:
    (r, i, q), nb = crossdiff(p1, p2)
    extra = f' id {i} {q} region {inp[i][0]} {fmtin(i, p1.startswith("f32"))}' if i else ''
    print(f'{p1} vs {p2}: {r:.3g}  non-identical {nb}{extra}')
