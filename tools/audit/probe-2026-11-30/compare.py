"""Compare irg outputs (out/) with the references (ref/). Prints tables (markdown) and writes flagged.csv."""
import csv, math, sys, json
import numpy as np
from mpmath import mpf
import mpmath as mp

mp.mp.dps = 40
COLS = {'gamma': ['cdf', 'dcdf_dalpha', 'grad_alpha', 'grad_rate'],
        'beta': ['cdf', 'dcdf_da', 'dcdf_db', 'grad_a', 'grad_b'],
        'vonmises': ['cdf', 'dcdf_dkappa', 'grad_kappa']}
PAR = {'gamma': ['alpha', 'x', 'rate'], 'beta': ['a', 'b', 'x'], 'vonmises': ['kappa', 'x', 'loc']}
F32MIN, F32MAX = 1.1754943508222875e-38, 3.4028234663852886e38
DMIN = 2.2250738585072014e-308


def relerr(got, ref):
    if math.isnan(got) or math.isinf(got):
        return math.inf
    if ref == 0:
        return abs(got)
    return float(abs((mpf(got) - ref) / ref))


def load(dist, prec, backend):
    refs = list(csv.DictReader(open('ref/%s_%s.csv' % (dist, prec))))
    outs = list(csv.DictReader(open('out/%s_%s_%s.csv' % (dist, prec, backend))))
    assert len(refs) == len(outs)
    return refs, outs


def analyse(dist, prec, backend, flagged, lines, nanrows):
    refs, outs = load(dist, prec, backend)
    lines.append('\n#### %s / %s / %s\n' % (dist, prec, backend))
    lines.append('| quantity | n | max | p99 | median |')
    lines.append('|---|---|---|---|---|')
    worst_all = {}
    for c in COLS[dist]:
        errs = []
        for i, (r, o) in enumerate(zip(refs, outs)):
            if r['err']:
                continue
            iv = [float(r[p]) for p in PAR[dist]]
            if not all(math.isfinite(v) for v in iv) or iv[0] < 0 or (iv[0] == 0 and dist != 'vonmises') or (dist == 'gamma' and iv[2] <= 0) or (dist == 'beta' and iv[1] <= 0):
                continue
            rv = mpf(r[c])
            if prec == 'f32':
                if rv != 0 and not (F32MIN <= abs(rv) <= F32MAX):
                    continue
            else:
                if rv != 0 and not (DMIN <= abs(rv) <= 1.7976931348623157e308):
                    continue
            g = float(o[c])
            e = relerr(g, rv)
            if math.isinf(e):
                nanrows.append((dist, prec, backend, c, i, r, o[c]))
            errs.append((e, i, g, rv))
        es = np.array([e for e, *_ in errs])
        if len(es) == 0:
            continue
        srt = np.sort(es)
        p99 = srt[min(len(srt) - 1, int(math.ceil(0.99 * len(srt))) - 1)]
        lines.append('| %s | %d | %.2e | %.2e | %.2e |' % (c, len(es), srt[-1], p99, np.median(es)))
        worst_all[c] = sorted(errs, key=lambda t: -t[0])[:5]
        lim = (1e-12 if c == 'cdf' else 1e-10) if prec == 'f64' else 2e-6
        for e, i, g, rv in errs:
            if e > lim:
                r = refs[i]
                flagged.append(dict(dist=dist, prec=prec, backend=backend, col=c, row=i, tag=r['tag'],
                                    inputs={p: r[p] for p in PAR[dist]}, got=repr(g), ref=mp.nstr(rv, 20), err=e))
    lines.append('\nworst 5 per quantity (row, tag, inputs, irg, reference, rel. err):\n')
    for c, w in worst_all.items():
        for e, i, g, rv in w:
            r = refs[i]
            lines.append('- %s row %d `%s` %s: irg %r, ref %s, err %.2e' % (
                c, i, r['tag'], ', '.join('%s=%s' % (p, r[p]) for p in PAR[dist]), g, mp.nstr(rv, 20), e))


def backend_diff(dist, lines):
    refs, a = load(dist, 'f64', 'scalar')
    _, b = load(dist, 'f64', 'simd')
    worst = []
    for i, (r, x, y) in enumerate(zip(refs, a, b)):
        for c in COLS[dist]:
            u, v = float(x[c]), float(y[c])
            if u == v or (math.isnan(u) and math.isnan(v)):
                continue
            d = abs(u - v) / max(abs(u), abs(v), DMIN) if math.isfinite(u) and math.isfinite(v) else math.inf
            worst.append((d, i, c, u, v, r))
    worst.sort(key=lambda t: -t[0])
    n_over = sum(1 for t in worst if t[0] > 1e-12)
    lines.append('\n%s f64 scalar vs simd: %d differing values, %d above 1e-12, max %.2e' % (
        dist, len(worst), n_over, worst[0][0] if worst else 0))
    for d, i, c, u, v, r in worst[:5]:
        lines.append('- %s row %d `%s` %s: scalar %r simd %r rel %.2e' % (c, i, r['tag'], ', '.join('%s=%s' % (p, r[p]) for p in PAR[dist]), u, v, d))


if __name__ == '__main__':
    flagged, lines, nanrows = [], [], []
    for d in ['gamma', 'beta', 'vonmises']:
        for p in ['f64', 'f32']:
            for b in ['scalar', 'simd']:
                analyse(d, p, b, flagged, lines, nanrows)
        backend_diff(d, lines)
    lines.append('\n### NaN/inf outputs where the reference is finite: %d' % len(nanrows))
    for d, p, b, c, i, r, g in nanrows:
        lines.append('- %s %s %s %s row %d `%s` %s: irg %s ref %s' % (d, p, b, c, i, r['tag'], ', '.join('%s=%s' % (q, r[q]) for q in PAR[d]), g, r[c]))
    open('tables.md', 'w').write('\n'.join(lines) + '\n')
    json.dump(flagged, open('flagged.json', 'w'), indent=1)
    print('\n'.join(lines))
    print('flagged', len(flagged))
