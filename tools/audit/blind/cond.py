"""Relative condition numbers C_theta = |theta dq/dtheta / q| of every output w.r.t. every input, at the
worst points of worst*.json, by central differences (relative step 1e-10) of the mpmath reference
(mpref) at 60 digits.  Writes cond.json: key 'tag|id' -> {col: {input: C}}."""
import json, glob, csv, sys
from multiprocessing import Pool
import mpmath as mp
import mpref
from run_refs import COLS
W = '/tmp/audit-work'
INP = {'gamma': ['alpha', 'x'], 'beta': ['a', 'b', 'x'], 'vonmises': ['kappa', 'x']}

def ref(dist, v):
    if dist == 'gamma':
        return mpref.gamma_ref(v['alpha'], v['x'], v['rate'])
    if dist == 'beta':
        return mpref.beta_ref(v['a'], v['b'], v['x'])
    return mpref.vm_ref(v['kappa'], v['x'])

def work(item):
    key, dist, inputs = item
    mp.mp.dps = 60
    h = mp.mpf('1e-10')
    v0 = {k: mp.mpf(float(x)) for k, x in inputs.items()}  # the exact doubles
    try:
        base = ref(dist, v0)
        out = {c: {} for c in COLS[dist] if c != 'grad_rate'}
        for k in INP[dist]:
            if v0[k] == 0:
                continue
            vp = dict(v0); vp[k] = v0[k] * (1 + h)
            vm = dict(v0); vm[k] = v0[k] * (1 - h)
            if dist == 'vonmises' and k == 'x' and abs(vp[k]) > mp.pi:
                continue
            rp, rm = ref(dist, vp), ref(dist, vm)
            for c in out:
                if base[c] == 0:
                    out[c][k] = None
                else:
                    out[c][k] = float(abs((rp[c] - rm[c]) / (2 * h * base[c])))
        for c in out:
            out[c]['ln|q|'] = float(abs(mp.log(abs(base[c])))) if base[c] != 0 else None
        return key, out
    except Exception as e:
        return key, {'error': repr(e)}

if __name__ == '__main__':
    items = {}
    for f in glob.glob(f'{W}/worst*.json'):
        for k, lst in json.load(open(f)).items():
            tag = k.split('|')[0]
            for d in lst:
                key = f"{tag}|{d['id']}"
                inputs = dict(d['inputs'])
                items[key] = (key, tag.split('_')[0], inputs)
    try:
        done = json.load(open(f'{W}/cond.json'))
    except Exception:
        done = {}
    todo = [v for k, v in items.items() if k not in done]
    print(len(items), 'points,', len(todo), 'to do')
    with Pool(2) as p:
        for key, out in p.imap_unordered(work, todo, chunksize=4):
            done[key] = out
    json.dump(done, open(f'{W}/cond.json', 'w'), indent=0)
