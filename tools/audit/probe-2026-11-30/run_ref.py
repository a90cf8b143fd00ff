"""Compute references for in/<dist>.csv at float64 inputs and at float32-rounded inputs.
Writes ref/<dist>_<prec>.csv with the (rounded) inputs and reference values (25 significant digits)."""
import sys, csv, os, signal, time
import numpy as np
import mpmath as mp
from multiprocessing import Pool
import ref

COLS = {'gamma': ['cdf', 'dcdf_dalpha', 'grad_alpha', 'grad_rate'],
        'beta': ['cdf', 'dcdf_da', 'dcdf_db', 'grad_a', 'grad_b'],
        'vonmises': ['cdf', 'dcdf_dkappa', 'grad_kappa']}
PAR = {'gamma': ['alpha', 'x', 'rate'], 'beta': ['a', 'b', 'x'], 'vonmises': ['kappa', 'x', 'loc']}
FN = {'gamma': ref.gamma_ref, 'beta': ref.beta_ref, 'vonmises': ref.vm_ref}


class TO(Exception):
    pass


def _alarm(*a):
    raise TO()


def work(args):
    dist, vals = args
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(240)
    t = time.time()
    try:
        d = FN[dist](*vals)
        out = [mp.nstr(d[c], 25, min_fixed=1, max_fixed=0) for c in COLS[dist]]
        err = ''
    except TO:
        out = ['nan'] * len(COLS[dist]); err = 'timeout'
    except Exception as e:
        out = ['nan'] * len(COLS[dist]); err = type(e).__name__ + ':' + str(e)[:60]
    signal.alarm(0)
    return out, err, time.time() - t


def main(dist, prec):
    rows = list(csv.DictReader(open('in/%s.csv' % dist)))
    inputs = []
    for r in rows:
        v = [float(r[p]) for p in PAR[dist]]
        if prec == 'f32':
            v = [float(np.float32(x)) for x in v]
        inputs.append(v)
    os.makedirs('ref', exist_ok=True)
    with Pool(2) as pool:
        res = pool.map(work, [(dist, v) for v in inputs], chunksize=1)
    with open('ref/%s_%s.csv' % (dist, prec), 'w') as f:
        f.write(','.join(['tag'] + PAR[dist] + COLS[dist] + ['err', 'secs']) + '\n')
        for r, v, (o, e, s) in zip(rows, inputs, res):
            f.write(','.join([r['tag']] + [repr(x) for x in v] + o + [e, '%.2f' % s]) + '\n')
    print(dist, prec, len(rows), 'errors:', sum(1 for o, e, s in res if e), 'max secs %.1f' % max(s for o, e, s in res))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
