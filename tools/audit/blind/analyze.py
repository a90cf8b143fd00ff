"""Error tables for the audit: reads in_/ref_/out_ files, writes tables.md, worst.json, errors_<dist>.csv."""
import csv
import json
import math
import statistics
import sys
from collections import defaultdict

import mpmath as mp

mp.mp.dps = 30
W = '/tmp/audit-work'
F32_MIN, F32_MAX = 1.1754943508222875e-38, 3.4028234663852886e38
D_MIN = 2.2250738585072014e-308
COLS = {'gamma': ['cdf', 'dcdf_dalpha', 'grad_alpha', 'grad_rate'],
        'beta': ['cdf', 'dcdf_da', 'dcdf_db', 'grad_a', 'grad_b'],
        'vonmises': ['cdf', 'dcdf_dkappa', 'grad_kappa']}
INPUTS = {'gamma': ['alpha', 'x', 'rate'], 'beta': ['a', 'b', 'x'], 'vonmises': ['kappa', 'x']}


def region(dist, r):
    if dist == 'gamma':
        a = float(r['alpha'])
        for hi, name in [(1e-2, 'alpha in [1e-6,1e-2)'), (1, 'alpha in [1e-2,1)'), (20, 'alpha in [1,20)'),
                         (1e4, 'alpha in [20,1e4)'), (1e6 * (1 + 1e-9), 'alpha in [1e4,1e6]')]:
            if a < hi:
                return name
        return 'alpha in (1e6,1e8]'
    if dist == 'beta':
        a, b = float(r['a']), float(r['b'])
        lo, hi = min(a, b), max(a, b)
        if hi < 1:
            return 'both < 1'
        if lo < 1:
            return 'min < 1 <= max < 1e3' if hi < 1e3 else 'min < 1, max >= 1e3 (unequal)'
        if hi < 1e3:
            return '1 <= both < 1e3'
        if lo < 1e3:
            return '1 <= min < 1e3 <= max'
        return 'both >= 1e3'
    k = float(r['kappa'])
    if k == 0:
        return 'kappa = 0'
    for hi, name in [(1e-3, 'kappa in (0,1e-3)'), (1, 'kappa in [1e-3,1)'), (25, 'kappa in [1,25)'),
                     (1e3, 'kappa in [25,1e3)')]:
        if k < hi:
            return name
    return 'kappa in [1e3,1e5]'


def in_domain(dist, r):
    if dist == 'gamma':
        return 1e-4 <= float(r['alpha']) <= 1e6
    if dist == 'beta':
        return 1e-4 <= float(r['a']) <= 1e6 and 1e-4 <= float(r['b']) <= 1e6
    k = float(r['kappa'])
    return k == 0 or 1e-4 <= k <= 1e5


def relerr(lib, ref):
    if math.isnan(lib):
        return math.inf
    if ref == 0:
        return 0.0 if lib == 0 else math.inf
    return float(abs(mp.mpf(lib) - ref) / abs(ref))


def q(v, p):
    if not v:
        return float('nan')
    s = sorted(v)
    return s[min(len(s) - 1, int(math.ceil(p * len(s))) - 1)] if p < 1 else s[-1]


def fmt(v):
    return '%.2e' % v if v == v else '-'


def main():
    dists = sys.argv[1:] or ['gamma', 'beta', 'vonmises']
    md = []
    worst_all = {}
    viol = []
    for tagname in dists:
        dist = tagname.split('_')[0]
        ins = {r['id']: r for r in csv.DictReader(open(f'{W}/in_{tagname}.csv'))}
        refs = {r['id']: r for r in csv.DictReader(open(f'{W}/ref_{tagname}.csv'))}
        outs = {}
        for b in ['scalar', 'simd']:
            for p in ['f64', 'f32']:
                rows = list(csv.DictReader(open(f'{W}/out_{tagname}_{b}_{p}.csv')))
                outs[(b, p)] = dict(zip([r['id'] for r in csv.DictReader(open(f'{W}/in_{tagname}.csv'))], rows))
        ids = [i for i in ins if i in refs]
        errs = defaultdict(list)  # (col, b, p, region) -> list of (err, id)
        nans = defaultdict(int)
        skipped = defaultdict(int)
        erow = []
        for i in ids:
            r, rf = ins[i], refs[i]
            reg = region(dist, r)
            dom = in_domain(dist, r)
            if rf['tag'].startswith('err'):
                skipped['referr'] += 1
                continue
            for col in COLS[dist]:
                ref = mp.mpf(rf[col])
                for (b, p), o in outs.items():
                    if p == 'f32':
                        if r['f32'] != '1':
                            continue
                        if not (F32_MIN <= abs(ref) <= F32_MAX):
                            skipped[(col, 'f32 ref not normal float')] += 1
                            continue
                    else:
                        if ref != 0 and abs(ref) < D_MIN:
                            skipped[(col, 'f64 ref subnormal/underflow')] += 1
                            continue
                    lib = float(o[i][col])
                    if math.isnan(lib):
                        nans[(col, b, p, reg)] += 1
                        nans[(col, b, p, 'ALL')] += 1
                    e = relerr(lib, ref)
                    for rg in (reg, 'ALL', 'in-domain' if dom else 'beyond-domain',
                               'scheme:' + r['scheme']):
                        errs[(col, b, p, rg)].append((e, i))
                    erow.append((i, col, b, p, e))
        with open(f'{W}/errors_{tagname}.csv', 'w') as f:
            w = csv.writer(f)
            w.writerow(['id', 'col', 'backend', 'prec', 'relerr'])
            for t in erow:
                w.writerow(list(t[:4]) + ['%.3e' % t[4]])
        # tables
        md.append(f'\n## {tagname}\n')
        md.append(f'Rows: {len(ids)} (f32-exact inputs: {sum(1 for i in ids if ins[i]["f32"] == "1")}); '
                  f'reference failures: {skipped.get("referr", 0)}. Skipped cells: ' +
                  ', '.join(f'{k[0]} {k[1]}: {v}' for k, v in skipped.items() if k != 'referr') + '\n')
        regs = sorted({k[3] for k in errs if not k[3].startswith('scheme:') and k[3] not in
                       ('ALL', 'in-domain', 'beyond-domain')}, key=_regkey)
        for col in COLS[dist]:
            md.append(f'\n### {tagname} {col}\n')
            md.append('| region | backend | prec | n | max | p99 | median | NaN |')
            md.append('|---|---|---|---|---|---|---|---|')
            for rg in ['ALL', 'in-domain', 'beyond-domain'] + regs:
                for p in ['f64', 'f32']:
                    for b in ['scalar', 'simd']:
                        v = [e for e, _ in errs.get((col, b, p, rg), [])]
                        if not v:
                            continue
                        mx, p99, med = q(v, 1), q(v, 0.99), statistics.median(v)
                        md.append(f'| {rg} | {b} | {p} | {len(v)} | {fmt(mx)} | {fmt(p99)} | {fmt(med)} | '
                                  f'{nans.get((col, b, p, rg), 0)} |')
                        # limits
                        if rg in ('ALL', 'in-domain', 'beyond-domain'):
                            continue
                        if p == 'f64' and mx > 1e-10:
                            viol.append((tagname, col, b, p, rg, mx, med, len(v)))
                        if p == 'f32' and (mx > 2e-6 or med > 2e-7):
                            viol.append((tagname, col, b, p, rg, mx, med, len(v)))
        # per scheme (max)
        md.append(f'\n### {tagname}: max relative error per input scheme (scalar / simd)\n')
        schemes = sorted({k[3] for k in errs if k[3].startswith('scheme:')})
        md.append('| scheme | quantity | n f64 | f64 max | n f32 | f32 max |')
        md.append('|---|---|---|---|---|---|')
        for sc in schemes:
            for col in COLS[dist]:
                cells = []
                for p in ['f64', 'f32']:
                    vs = [[e for e, _ in errs.get((col, b, p, sc), [])] for b in ['scalar', 'simd']]
                    n = len(vs[0])
                    cells += [str(n), ' / '.join(fmt(q(v, 1)) for v in vs)]
                md.append(f'| {sc[7:]} | {col} | ' + ' | '.join(cells) + ' |')
        # worst points per (col, prec): by max over backends
        for col in COLS[dist]:
            for p in ['f64', 'f32']:
                per = defaultdict(dict)
                for b in ['scalar', 'simd']:
                    for e, i in errs.get((col, b, p, 'ALL'), []):
                        per[i][b] = e
                ranked = sorted(per, key=lambda i: -max(per[i].values()))[:15]
                lst = []
                for i in ranked:
                    r = ins[i]
                    lst.append(dict(id=i, scheme=r['scheme'], region=region(dist, r),
                                    inputs={k: r[k] for k in INPUTS[dist]},
                                    ref=refs[i][col], tag=refs[i]['tag'],
                                    lib={b: outs[(b, p)][i][col] for b in ['scalar', 'simd']},
                                    err={b: per[i].get(b) for b in ['scalar', 'simd']}))
                worst_all[f'{tagname}|{col}|{p}'] = lst
    md.append('\n## Cells beyond the stated limits (f64 max > 1e-10; f32 max > 2e-6 or median > 2e-7)\n')
    for v in viol:
        md.append('- %s %s %s %s [%s]: max %.2e, median %.2e, n=%d' % v)
    if not viol:
        md.append('- none')
    open(f'{W}/tables' + ('_' + '_'.join(sys.argv[1:]) if sys.argv[1:] else '') + '.md', 'w').write('\n'.join(md) + '\n')
    json.dump(worst_all, open(f'{W}/worst' + ('_' + '_'.join(sys.argv[1:]) if sys.argv[1:] else '') + '.json', 'w'), indent=1)
    print('\n'.join(md[-len(viol) - 2:]))


def _regkey(s):
    order = ['alpha in [1e-6', 'alpha in [1e-2', 'alpha in [1,', 'alpha in [20', 'alpha in [1e4', 'alpha in (1e6',
             'both < 1', 'min < 1 <=', 'min < 1,', '1 <= both', '1 <= min', 'both >=',
             'kappa = 0', 'kappa in (0', 'kappa in [1e-3', 'kappa in [1,', 'kappa in [25', 'kappa in [1e3']
    for k, o in enumerate(order):
        if s.startswith(o):
            return k
    return 99


if __name__ == '__main__':
    main()
