"""Reference values for in_<dist>.csv -> ref_<dist>.csv (or refchk_<dist>.csv with --check: every
STEP-th row at higher precision, more nodes and finer levels, for self-consistency).
Usage: run_refs.py DIST [--check STEP] [--procs N]"""
import csv
import sys
import time
from multiprocessing import Pool

import mpmath as mp

import mpref

COLS = {'gamma': ['cdf', 'dcdf_dalpha', 'grad_alpha', 'grad_rate'],
        'beta': ['cdf', 'dcdf_da', 'dcdf_db', 'grad_a', 'grad_b'],
        'vonmises': ['cdf', 'dcdf_dkappa', 'grad_kappa']}
CHECK = False


def work(args):
    dist, row = args
    dist = dist.split('_')[0]
    mp.mp.dps = 80 if CHECK else 60
    kw = {}
    if CHECK:
        kw = dict(n=64, levels=[0.1 * 1.25 ** k for k in range(36)])
    t = time.time()
    try:
        if dist == 'gamma':
            r = mpref.gamma_ref(float(row['alpha']), float(row['x']), float(row['rate']), **kw)
            tag = r['side']
        elif dist == 'beta':
            r = mpref.beta_ref(float(row['a']), float(row['b']), float(row['x']), **kw)
            tag = r['side']
        else:
            r = mpref.vm_ref(float(row['kappa']), float(row['x']), **kw)
            tag = r['region']
        vals = [mp.nstr(r[c], 35, min_fixed=1, max_fixed=0) for c in COLS[dist]]
        pdf = mp.nstr(r.get('pdf_x', mp.mpf(0)), 20, min_fixed=1, max_fixed=0)
    except Exception as e:  # noqa
        vals = ['err'] * len(COLS[dist])
        tag, pdf = 'err:' + type(e).__name__, 'nan'
    return [row['id'], tag, pdf] + vals + ['%.3f' % (time.time() - t)]


def main():
    global CHECK
    dist = sys.argv[1]
    step, procs = 1, 2
    if '--check' in sys.argv:
        CHECK = True
        step = int(sys.argv[sys.argv.index('--check') + 1])
    if '--procs' in sys.argv:
        procs = int(sys.argv[sys.argv.index('--procs') + 1])
    rows = list(csv.DictReader(open(f'/tmp/audit-work/in_{dist}.csv')))[::step]
    out = f'/tmp/audit-work/{"refchk" if CHECK else "ref"}_{dist}.csv'
    t0 = time.time()
    with Pool(procs, initializer=_init, initargs=(CHECK,)) as pool, open(out, 'w') as f:
        w = csv.writer(f)
        w.writerow(['id', 'tag', 'pdf_x'] + COLS[dist.split('_')[0]] + ['secs'])
        for res in pool.imap(work, [(dist, r) for r in rows], chunksize=8):
            w.writerow(res)
    print(dist, len(rows), 'rows', '%.0f s' % (time.time() - t0))


def _init(check):
    global CHECK
    CHECK = check


if __name__ == '__main__':
    main()
