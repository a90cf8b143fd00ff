# Region shares and iteration counts of IncompleteBeta (via the float64 prototype of
# tools/coefficients/beta_prototype.py, same iteration logic and tolerance) on the input
# distribution of the JMH benchmark (dev.irg.jmh.Inputs: a, b log-uniform on [1e-4, 1e6], x uniform,
# or within 1e-12..1 of 0 or 1). Prints per region the share of elements, the mean count, the mean
# of the slowest of 8 lanes (one 512-bit vector after grouping by region) and percentiles.
# Run: python3 kernels-simd/tools/beta_iteration_spread.py [samples]   (numbers quoted in BetaKernels)
import math, os, random, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'tools', 'coefficients'))
import beta_prototype as proto

def lu(r, lo, hi):
    return math.exp(math.log(lo) + r.random() * (math.log(hi) - math.log(lo)))

def draw(r):
    a = lu(r, 1e-4, 1e6); b = lu(r, 1e-4, 1e6)
    k = r.randrange(3)
    x = r.random() if k == 0 else lu(r, 1e-12, 1.0) if k == 1 else 1.0 - lu(r, 1e-12, 1.0)
    return a, b, min(max(x, 1e-300), 1 - 2**-53)

def series_count(p, q, u, cap=500, eps=4.4e-16):
    c = 1.0; cq = 0.0; S = 0.0; Sq = 0.0; Sp = 0.0
    for j in range(1, cap + 1):
        step = u / j; cq = cq * (j - q) * step - c * step; c = c * (j - q) * step
        t = c / (p + j); tq = cq / (p + j); tp = t * j / (p + j); S += t; Sq += tq; Sp += tp
        if abs(t) <= eps * abs(S) and abs(tq) <= eps * abs(Sq) and abs(tp) <= eps * abs(Sp):
            return j
    return cap

def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    r = random.Random(7)
    counts = {'series': [], 'fraction': []}
    pmins = []
    for _ in range(n):
        a, b, x = draw(r)
        y = 1 - x
        lower = x * (a + b + 2) <= a + 1
        p, q, u, v = (a, b, x, y) if lower else (b, a, y, x)
        if u <= 0.5 and q * u <= 2.0:
            counts['series'].append(series_count(p, q, u))
        else:
            d = proto.delta(p, q, u, v, u <= 0.5)
            L, Lp, Lq = proto.logpref(p, q, math.log(u), math.log(v), d)
            counts['fraction'].append(proto.cf2(p, q, u, v, d, Lp, Lq)[3])
            pmins.append((min(p, q), counts['fraction'][-1]))
    for name, c in counts.items():
        c8 = [max(c[i:i + 8]) for i in range(0, len(c) - 7, 8)]
        s = sorted(c)
        print(f"{name}: share {len(c) / n:.3f} mean {sum(c) / len(c):.1f} slowest-of-8 mean {sum(c8) / len(c8):.1f}"
              f" p50 {s[len(s) // 2]} p90 {s[int(len(s) * 0.9)]} p99 {s[int(len(s) * 0.99)]} max {s[-1]}")
    # fraction steps by band of min(p, q): the split used by BetaKernels
    for lo, hi in [(0, 30), (30, 1e3), (1e3, 1e7)]:
        c = [k for m, k in pmins if lo <= m < hi]
        if c:
            c8 = [max(c[i:i + 8]) for i in range(0, len(c) - 7, 8)] or c
            print(f"fraction min(p,q) in [{lo:g},{hi:g}): share {len(c) / n:.3f} mean {sum(c) / len(c):.1f}"
                  f" slowest-of-8 {sum(c8) / len(c8):.1f} max {max(c)}")

main()
