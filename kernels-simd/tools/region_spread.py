# Work per element of the float64 Gamma kernels' series and Temme regions under a grouping of the driver
# region codes (GammaKernels: "Driver region codes"), replayed in Python on a CSV of alpha,x rows (rate 1), e.g.
# the report's inputs:
#   ./irg bench --dist gamma --n 200000 --reps 1 --write-inputs /tmp/gamma64_in.csv
#   python3 kernels-simd/tools/region_spread.py /tmp/gamma64_in.csv
# A vector of 8 lanes sums the series (runs the continued fraction) until its slowest lane has converged (the
# scalar code's term counts, IncompleteGamma's tests, see iteration_spread.py), and Temme's double sum with the term counts of its
# smallest alpha and largest |eta| (TEMME_K_COUNT x TEMME_N_COUNT). Elements keep their input order within a code
# (the driver's counting sort is stable) and each code's run is padded to whole vectors.
import bisect, itertools, math, sys

exec(open(__file__.replace('region_spread.py', 'iteration_spread.py')).read().split('# Iteration counts')[0])

LANES = 8
SERIES_X_OFFSET = 1.0
TEMME_A_MIN, LAM_LO, LAM_HI = 20.0, 0.301709562684336, 2.357676673945899
K_A_MIN = [20.0, 30.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 10000.0, 100000.0, 1000000.0]
K_COUNT = [13, 11, 10, 8, 7, 6, 6, 4, 4, 3]
ETA_MAX = [0.015625, 0.03125, 0.0625, 0.125, 0.25, 0.5, 0.75, 1.0]
N_COUNT = [9, 10, 11, 13, 16, 22, 27, 34]
SERIES_X_BANDS = [0.003, 0.03, 0.3, 2.0]
CF_X_BANDS = [2.0, 4.0, 10.0]


def alpha_band(a):
    return 0 if a < 1 else 1 if a < 10 else 2


def k_count(a):
    return next((K_COUNT[i] for i in range(len(K_A_MIN) - 1, -1, -1) if a >= K_A_MIN[i]), 13)


def n_count(eta):
    return next((N_COUNT[i] for i in range(len(ETA_MAX)) if eta <= ETA_MAX[i]), 34)


def per_element(rows, key, cost):
    """Work per element: runs of equal key in stable order, vectors of LANES, cost(vector) each."""
    total = 0
    for _, run in itertools.groupby(sorted(rows, key=key), key=key):
        run = list(run)
        total += sum(cost(run[i:i + LANES]) * LANES for i in range(0, len(run), LANES))
    return total / len(rows)


rows = [tuple(map(float, l.split(',')[:2])) for l in open(sys.argv[1]).read().split('\n')[1:] if l]
series, temme, fraction = [], [], []
for a, x in rows:
    if not (a > 0 and x > 0):
        continue
    if a >= TEMME_A_MIN and LAM_LO <= x / a <= LAM_HI:
        lam = x / a
        temme.append((a, math.sqrt(2 * (lam - 1 - math.log(lam)))))
    elif x < a + SERIES_X_OFFSET:
        series.append((a, x, ser_iters(a, x)))
    else:
        fraction.append((a, x, cf_iters(a, x)))
slowest = lambda v: max(c for *_, c in v)
print('series: %d elements, terms per element: own count %.1f' % (len(series), sum(c for *_, c in series) / len(series)))
print('  grouped by alpha band (before):   %.1f' % per_element(series, lambda t: alpha_band(t[0]), slowest))
print('  by alpha band and x band (now):   %.1f' % per_element(
    series, lambda t: (alpha_band(t[0]), bisect.bisect(SERIES_X_BANDS, t[1])), slowest))
kn = lambda v: k_count(min(a for a, _ in v)) * n_count(max(e for _, e in v))
print('temme: %d elements, K x N terms per vector of %d: own counts %.1f' % (
    len(temme), LANES, sum(k_count(a) * n_count(e) for a, e in temme) / len(temme)))
print('  one code (before):                %.1f' % per_element(temme, lambda t: 0, kn))
print('  by |eta| band (eighth session):   %.1f' % per_element(temme, lambda t: bisect.bisect_left(ETA_MAX, t[1]), kn))
print('  by alpha class (now):             %.1f' % per_element(
    temme, lambda t: bisect.bisect_right(K_A_MIN, t[0]), kn))
# (temmeSums sums two vectors at a time with per-row counts since the twelfth and thirteenth sessions:
# kernels-simd/tools/TemmeGrouping.java replays that)
capped = lambda budget: lambda v: min(budget, slowest(v))
print('fraction: %d elements, steps per element: own count %.1f, %d elements over 64 steps, %d over 128' % (
    len(fraction), sum(c for *_, c in fraction) / len(fraction), sum(1 for *_, c in fraction if c > 64),
    sum(1 for *_, c in fraction if c > 128)))
print('  by alpha band, budget 64 (before, the lanes over it start over in the scalar code): %.1f' % per_element(
    fraction, lambda t: alpha_band(t[0]), capped(64)))
print('  by alpha band and x band, budget 128 (now): %.1f' % per_element(
    fraction, lambda t: (alpha_band(t[0]), bisect.bisect(CF_X_BANDS, t[1])), capped(128)))
