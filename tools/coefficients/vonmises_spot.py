"""Writes the von Mises spot table used by VonMisesAccuracyTest (mpmath quadrature, 40 digits).

python3 tools/coefficients/vonmises_spot.py 1500 > java-api/src/test/resources/dev/irg/math/VonMisesSpot.csv
(an optional second argument changes the seed, for held-out checks)

Points (seed 20261128): kappa log-uniform in [1e-4, 1e5] plus fixed values (0, 1e-4, the Bessel
switch 25 and its neighbours, 1e5); x drawn from five families: uniform on (-pi, pi); near the mode
(|x| = c/sqrt(kappa), c in [0, 10], which reaches past quantile 1e-12 for large kappa); log-close to
0; log-close to -pi and +pi (y = pi - |x| in [1e-14, 1]); at the region boundary x = -+arccos(A)
(+- a few ulps); a few outside [-pi, pi] (periodicity); and around the tail cutoff
(kappa (1 + cos x) = TAIL_EXPONENT_CUTOFF * 2^[-3, 3]). Every value is checked by a second
quadrature (vonmises_mpref.vm_check); the largest relative disagreement is written to the header.
"""
import math
import random
import sys

import mpmath as mp

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from vonmises_mpref import vm, vm_check  # noqa: E402

DPS = 40


def points(rng, n):
    ks = [0.0, 1e-4, 24.999999999999996, 25.0, 25.000000000000004, 1e5]
    ks += [10 ** rng.uniform(-4, 5) for _ in range(n)]
    out = []
    for k in ks:
        fam = rng.randrange(7)
        if fam == 0:
            x = rng.uniform(-math.pi, math.pi)
        elif fam == 1:
            x = rng.choice((-1, 1)) * rng.uniform(0, 10) / math.sqrt(max(k, 1e-300))
            x = max(-math.pi, min(math.pi, x))
        elif fam == 2:
            x = rng.choice((-1, 1)) * 10 ** rng.uniform(-15, 0)
        elif fam == 3:
            x = rng.choice((-1, 1)) * (math.pi - 10 ** rng.uniform(-14, 0))
        elif fam == 4:
            with mp.workdps(30):
                A = mp.besseli(1, k) / mp.besseli(0, k) if k > 0 else mp.mpf(0)
                xa = float(mp.acos(A))
            x = rng.choice((-1, 1)) * xa * (1 + rng.choice((-4, -1, 0, 1, 4)) * 2.0 ** -52)
        elif fam == 5 or k < 10:
            x = rng.uniform(-math.pi, math.pi) + 2 * math.pi * rng.choice((-3, -1, 1, 2))
        else:
            # around the tail cutoff: U = kappa (1 + cos x) = 50 * 2^s, s in [-3, 3]
            u = 50 * 2 ** rng.uniform(-3, 3)
            c = u / k - 1
            x = rng.choice((-1, 1)) * math.acos(c) if -1 < c < 1 else rng.uniform(-math.pi, math.pi)
        out.append((k, x))
    return out


def main():
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20261128
    rng = random.Random(seed)
    pts = points(rng, int(sys.argv[1]) if len(sys.argv) > 1 else 600)
    rows, worst = [], mp.mpf(0)
    for k, x in pts:
        a = vm(k, x, DPS)
        b = vm_check(k, x, DPS)
        for u, v in zip(a, b):
            if v != 0:
                worst = max(worst, abs((u - v) / v))
        rows.append((k, x) + tuple(mp.nstr(v, 25, min_fixed=1, max_fixed=0) for v in a))
    print("# von Mises spot table for VonMisesAccuracyTest (location 0)")
    print(f"# generator: tools/coefficients/vonmises_spot.py, mpmath {mp.__version__}, {DPS} digits, seed {seed}")
    print("# method: tanh-sinh quadrature of the density and its kappa-derivative (tools/coefficients/vonmises_mpref.py)")
    print(f"# check: Gauss-Legendre re-evaluation, max relative disagreement {mp.nstr(worst, 3)}")
    print("kappa,x,cdf,dcdf_dkappa,grad_kappa")
    for r in rows:
        print(f"{r[0]!r},{r[1]!r},{r[2]},{r[3]},{r[4]}")


if __name__ == "__main__":
    main()
