"""Pools the batches (main, stress '_s', edge '_e', probe '_p', probe2 '_q') into tag <dist>_all with ids batch:id."""
import csv
W = '/tmp/audit-work'
for d in ['gamma', 'beta', 'vonmises']:
    import os
    parts = [(b, t) for b, t in [('main', d), ('stress', d + '_s'), ('edge', d + '_e'), ('probe', d + '_p'), ('probe2', d + '_q')]
             if os.path.exists(f'{W}/ref_{t}.csv')]
    def cat(fname_of, out, fix):
        with open(out, 'w', newline='') as fo:
            w = None
            for batch, tag in parts:
                for r in csv.DictReader(open(fname_of(tag))):
                    r = fix(batch, r)
                    if w is None:
                        w = csv.DictWriter(fo, fieldnames=list(r.keys())); w.writeheader()
                    w.writerow(r)
    def fid(batch, r):
        r = dict(r); r['id'] = f'{batch}:{r["id"]}'
        if 'scheme' in r: r['scheme'] = f'{batch}/{r["scheme"]}'
        return r
    cat(lambda t: f'{W}/in_{t}.csv', f'{W}/in_{d}_all.csv', fid)
    cat(lambda t: f'{W}/ref_{t}.csv', f'{W}/ref_{d}_all.csv', fid)
    for b in ['scalar', 'simd']:
        for p in ['f64', 'f32']:
            cat(lambda t: f'{W}/out_{t}_{b}_{p}.csv', f'{W}/out_{d}_all_{b}_{p}.csv', lambda batch, r: r)
    print(d, 'merged')
