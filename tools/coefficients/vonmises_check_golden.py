"""Cross-check a golden von Mises table against the independent reference vonmises_mpref.vm.

python3 tools/coefficients/vonmises_check_golden.py java-api/src/test/resources/golden/vonmises/heldout.csv

For every row: relative difference of cdf, dcdf_dkappa and grad_kappa between the table and vm() at
45 digits (tanh-sinh quadrature; vm_check's Gauss-Legendre re-evaluation agrees to ~1e-27). Prints
the 12 worst rows and how many differ by more than 1e-13.
"""
import csv
import sys

import mpmath as mp

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from vonmises_mpref import vm  # noqa: E402


def main(path):
    with open(path) as f:
        rows = [line for line in f if not line.startswith("#")]
    out = []
    for r in csv.DictReader(rows):
        k, x = float(r["kappa"]), float(r["x"])
        ref = vm(k, x, 45)
        errs = []
        for col, v in zip(("cdf", "dcdf_dkappa", "grad_kappa"), ref):
            g = mp.mpf(r[col])
            errs.append(float(abs((g - v) / v)) if v != 0 else float(abs(g)))
        out.append((max(errs), k, x, errs))
    out.sort(reverse=True)
    for e, k, x, errs in out[:12]:
        print(f"{e:.2e} kappa={k!r} x={x!r} cdf {errs[0]:.1e} dcdf {errs[1]:.1e} grad {errs[2]:.1e}")
    print(f"rows {len(out)}, differing by more than 1e-13: {sum(1 for o in out if o[0] > 1e-13)}")


if __name__ == "__main__":
    main(sys.argv[1])
