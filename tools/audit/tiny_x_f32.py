#!/usr/bin/python3
"""Float32 Gamma dz/dalpha at tiny x (0 < x = rate z < 1e-30, GammaConstants.FLOAT_X_MIN) against mpmath.

The float32 SIMD kernels evaluate these elements with a form of their own since the fourteenth session
(GammaFloatKernels.evaluateWidened / tinyStage): -(z/a)(log x - psi(a+1)). This draws float32 operands there
(a log-uniform on [1e-5, 1e6], rate 1 or log-uniform on [1e-2, 1e2], x log-uniform on [1e-44, 1e-30]), computes
dz/da = -(dP/da)(a, x) / (p(x) rate) with mpmath at 50 digits from the exact float values, runs
`./irg eval --dist gamma --precision f32 --backend simd --quantity grad` on them and prints max / p99 / median of
the relative error over the rows whose true value is a normal float (the float32 limits: max 2e-6, median 2e-7).

  python3 tools/audit/tiny_x_f32.py [N] [SEED]      (from the checkout; needs python3-mpmath and numpy)
"""
import csv
import os
import subprocess
import sys
import tempfile

import mpmath as mp
import numpy as np

mp.mp.dps = 50
N = int(sys.argv[1]) if len(sys.argv) > 1 else 400
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 14
FLOAT_MIN_NORMAL = 2.0 ** -126


def truth(a, rate, z):
    a, rate, z = mp.mpf(a), mp.mpf(rate), mp.mpf(z)
    x = rate * z
    dpda = mp.diff(lambda s: mp.gammainc(s, 0, x, regularized=True), a)
    pdf = mp.exp((a - 1) * mp.log(x) - x - mp.loggamma(a))
    return -dpda / (pdf * rate)


def main():
    rng = np.random.default_rng(SEED)
    rows = []
    while len(rows) < N:
        a = np.float32(np.exp(rng.uniform(np.log(1e-5), np.log(1e6))))
        rate = np.float32(1.0) if rng.random() < 0.5 else np.float32(np.exp(rng.uniform(np.log(1e-2), np.log(1e2))))
        x = np.exp(rng.uniform(np.log(1e-44), np.log(1e-30)))
        z = np.float32(x / float(rate))
        if z <= 0 or not (np.float32(rate) * z < np.float32(1e-30)):
            continue
        rows.append((float(a), float(rate), float(z)))
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, "in.csv")
        out = os.path.join(tmp, "out.csv")
        with open(inp, "w") as f:
            f.write("alpha,rate,x\n")
            for a, rate, z in rows:
                f.write("%r,%r,%r\n" % (a, rate, z))
        subprocess.run([os.path.join(root, "irg"), "eval", "--dist", "gamma", "--precision", "f32", "--backend", "simd",
                        "--quantity", "grad", "--in", inp, "--out", out], check=True)
        with open(out) as f:
            got = [float(r["grad_alpha"]) for r in csv.DictReader(f)]
    if len(got) != len(rows):
        sys.exit("irg eval returned %d rows for %d inputs" % (len(got), len(rows)))
    errs = []
    for (a, rate, z), g in zip(rows, got):
        t = truth(a, rate, z)
        if abs(t) < FLOAT_MIN_NORMAL:
            continue
        # a NaN or infinite result counts as an error of infinity
        errs.append(float(abs((mp.mpf(g) - t) / t)) if np.isfinite(g) else float("inf"))
    errs.sort()
    n = len(errs)
    print("float32 SIMD dz/dalpha at tiny x against mpmath (50 digits): n=%d (of %d; true value a normal float)" % (n, N))
    print("max %.3g  p99 %.3g  median %.3g" % (errs[-1], errs[int(0.99 * (n - 1))], errs[n // 2]))


if __name__ == "__main__":
    main()
