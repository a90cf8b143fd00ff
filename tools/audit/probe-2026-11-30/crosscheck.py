"""Cross-check a random sample of the primary references against the second methods (ref.*_check / gamma_quad)."""
import csv, random, signal, mpmath as mp
import ref
from run_ref import COLS, PAR
random.seed(5)
mp.mp.dps = 40
def al(*a): raise TimeoutError()
signal.signal(signal.SIGALRM, al)
for d, chk in [('gamma', ref.gamma_check), ('beta', ref.beta_check), ('vonmises', ref.vm_check)]:
    for base in ['.', 'r2', 'r3']:
        rows = [r for r in csv.DictReader(open('%s/ref/%s_f64.csv' % (base, d))) if not r['err']]
        if d == 'beta': rows = [r for r in rows if min(float(r['a']), float(r['b'])) <= 100 and max(float(r['a']), float(r['b'])) <= 1e4]
        worst = 0; n = 0; wrow = None
        for r in random.sample(rows, min(15, len(rows))):
            signal.alarm(30)
            try:
                c = chk(*[float(r[p]) for p in PAR[d]])
            except Exception as e:
                signal.alarm(0); continue
            signal.alarm(0); n += 1
            for k in COLS[d]:
                rv = mp.mpf(r[k])
                if rv == 0 or abs(rv) < 1e-300 or abs(rv) > 1e300: continue
                e = abs((c[k] - rv) / rv)
                if e > worst: worst, wrow = float(e), (r['tag'], k, [r[p] for p in PAR[d]])
        print(d, base, 'rows checked', n, 'max rel. disagreement %.1e' % worst, wrow)
