"""Tail bands of the SIMD von Mises kernels (VonMisesConstants.TAIL_BAND_*; docs/vonmises.md, "Tail bands").

python3 tools/coefficients/vonmises_bands.py [points] [seed]

The tail integral int_0^dmax h^m e^{-kappa q(d)} dd runs over the range where the exponent kappa q goes from 0
to lambda = min(U, TAIL_EXPONENT_CUTOFF), U = kappa (1 + cos x) (the cutoff shortens the range where U is larger),
and the error of a Gauss-Legendre rule on it is governed by lambda: an integrand that falls by e^-2 over the
range needs far fewer points than one that falls by e^-50. This script measures, per band of lambda, the
largest relative error of the F, dF/dkappa and dz/dkappa of vonmises_measure.replica (VonMisesCdf's formulas in
float64) with n-point rules against the same replica with 64 points (the quadrature error alone: 64 points
agree with 32 to ~1e-15 even at lambda = 50), on
  * random points (kappa log-uniform on [1e-4, 1e5], x uniform on (-pi, 0), near the mode, near -pi), and
  * points on each band's upper edge (U = edge exactly; kappa log-uniform from edge/2 up), where the error of
    a band is largest (it grows with lambda),
and checks the worst point of each chosen rule against mpmath (vonmises_mpref, 30 digits). The chosen rules are
printed last: the smallest n per band whose worst error stays below the 32-point rule's own worst (float64,
1.3e-14 at lambda = 50) resp. below 1e-8 (float32 results; the 24-point rule reaches 8.6e-9 at lambda = 50).
"""
import math
import random
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import vonmises_measure as M  # noqa: E402
from vonmises_mpref import vm  # noqa: E402

EDGES = [2.0, 8.0, 32.0]           # TAIL_BAND_LAMBDA_MAX
NS = [6, 8, 10, 12, 14, 16, 20, 24, 28, 32]
F64_LIMIT = 1.5e-14                 # the 32-point rule's own worst, at lambda = 50 (1.3e-14, measured below)
F32_LIMIT = 1e-8


def band(lam):
    for i, e in enumerate(EDGES):
        if lam <= e:
            return i
    return len(EDGES)


def points(n, rng):
    pts = M.random_points(n, rng)
    for e in EDGES + [50.0]:
        for _ in range(n // 8):
            k = (e / 2) * 10 ** rng.uniform(0, math.log10(2e5 / e))
            s = math.sqrt(e / (2 * k))          # U = 2 kappa sin^2(y/2) = e
            y = 2 * math.asin(min(1.0, s))
            pts.append((k, -(math.pi - y)))
    return pts


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 3)
    worst = {}
    for k, x in points(n, rng):
        ref = M.replica(k, x, 64, 64)
        if ref[3] != "tail":
            continue
        y = x + math.pi
        lam = min(2 * k * math.sin(y / 2) ** 2, 50.0)
        b = band(lam)
        for npts in NS:
            out = M.replica(k, x, 12, npts)
            e = max(abs(out[j] - ref[j]) / abs(ref[j]) if ref[j] != 0 else 0.0 for j in range(3))
            if e > worst.get((b, npts), (0.0,))[0]:
                worst[(b, npts)] = (e, k, x)
    names = [f"lambda <= {e:g}" for e in EDGES] + ["lambda > 32"]
    print("tail bands: worst relative error of F, dF/dkappa, dz/dkappa against the 64-point rule")
    print("band            " + " ".join(f"{v:>8d}" for v in NS))
    for b, name in enumerate(names):
        print(f"{name:15s} " + " ".join(f"{worst.get((b, v), (0.0,))[0]:8.1e}" for v in NS))
    for label, limit in (("float64", F64_LIMIT), ("float32", F32_LIMIT)):
        chosen = []
        for b in range(len(names)):
            ok = [v for v in NS if worst.get((b, v), (0.0,))[0] <= limit]
            chosen.append(ok[0] if ok else None)
        print(f"{label}: smallest rule per band within {limit:g}: {dict(zip(names, chosen))}")
        for b, v in enumerate(chosen):
            if v is None:
                continue
            e, k, x = worst[(b, v)]
            ref = vm(k, x, dps=30)
            out = M.replica(k, x, 12, v)
            # F and dF/dkappa below the float64 range (kappa (1 + cos x) beyond ~700) are 0 in the replica: skipped
            err = max(float(abs(out[j] - ref[j]) / abs(ref[j])) for j in range(3) if abs(ref[j]) > 1e-300)
            print(f"  {names[b]}: {v} points, worst {e:.1e} at kappa={k:.6g}, x={x:.17g}; against mpmath {err:.1e}")


if __name__ == "__main__":
    main()
