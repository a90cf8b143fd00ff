#!/usr/bin/python3
"""PyTorch CPU peer for `irg bench` / `irg report`: the same inputs (a CSV as for `irg eval`), the
peer's implicit reparameterization gradients, their throughput, and optionally the values.

  Gamma(alpha[, rate]):  grad_alpha = torch._standard_gamma_grad(alpha, rate*x) / rate
  Beta(a, b):            grad_a =  (1-x) * torch._dirichlet_grad(x,   a, a+b)   (Beta as Dirichlet([a, b]),
                         grad_b =    -x  * torch._dirichlet_grad(1-x, b, a+b)   the backward of
                         torch.distributions.Beta.rsample: _Dirichlet.backward with upstream (1, 0))
  Gamma cdf:             torch.special.gammainc(alpha, rate*x)
  Dirichlet (CSV columns alpha1..alphaK, one row per sample): rsample as PyTorch does it,
                         torch._sample_dirichlet(alpha) then torch._dirichlet_grad(z, alpha, total)
                         (the per-component factor of Dirichlet.rsample's backward); --quantity grad only.
von Mises has no PyTorch gradient (torch.distributions.VonMises has no rsample).

Usage (PyTorch from Debian: apt-get install python3-torch; run with /usr/bin/python3):
  ./irg bench --dist gamma --precision f32 --n 1000000 --write-inputs /tmp/g.csv
  bench/peers/torch_peer.py --dist gamma --quantity grad --precision f32 --in /tmp/g.csv --threads 1
The last line is '<N> elements/s' (all columns of the quantity per row), as for irg bench.
--out FILE writes the peer's values (columns named as irg eval names them), for error measurement.
"""
import argparse
import csv
import statistics
import sys
import time

INSTALL = "PyTorch is not installed: apt-get install python3-torch (Debian), then run this with /usr/bin/python3"


def read_csv(path):
    cols = {}
    with open(path, newline="") as f:
        rows = (line for line in f if line.strip() and not line.lstrip().startswith("#"))
        reader = csv.reader(rows)
        header = [h.strip().lower() for h in next(reader)]
        for h in header:
            cols[h] = []
        for r in reader:
            for h, v in zip(header, r):
                cols[h].append(float(v))
    return cols


def ops(torch, dist, quantity, cols, dtype):
    """Returns [(column, thunk)] computing each requested column on the whole batch."""
    t = {k: torch.tensor(v, dtype=dtype) for k, v in cols.items()}
    if dist == "gamma":
        alpha, x = t["alpha"], t["x"]
        rate = t.get("rate")
        u = x if rate is None else rate * x
        out = []
        if quantity in ("cdf", "all"):
            out.append(("cdf", lambda: torch.special.gammainc(alpha, u)))
        if quantity in ("grad", "all"):
            if rate is None:
                out.append(("grad_alpha", lambda: torch._standard_gamma_grad(alpha, u)))
            else:
                out.append(("grad_alpha", lambda: torch._standard_gamma_grad(alpha, u) / rate))
                out.append(("grad_rate", lambda: -x / rate))
        return out
    if dist == "dirichlet":
        names = sorted((k for k in t if k.startswith("alpha")), key=lambda k: int(k[5:]))
        alpha = torch.stack([t[k] for k in names], dim=-1)
        total = alpha.sum(-1, True).expand_as(alpha)
        gen = torch.Generator().manual_seed(1)

        def rsample():
            z = torch._sample_dirichlet(alpha, gen)
            return torch._dirichlet_grad(z, alpha, total)
        return [("rsample_grad", rsample)] if quantity in ("grad", "all") else []
    if dist == "beta":
        a, b, x = t["a"], t["b"], t["x"]
        total = a + b
        if quantity in ("grad", "all"):
            y = 1 - x
            return [("grad_a", lambda: y * torch._dirichlet_grad(x, a, total)),
                    ("grad_b", lambda: -x * torch._dirichlet_grad(y, b, total))]
        return []
    return []


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dist", required=True, choices=["gamma", "beta", "vonmises", "dirichlet"])
    ap.add_argument("--quantity", default="grad", choices=["cdf", "dcdf", "grad", "all"])
    ap.add_argument("--precision", default="f64", choices=["f64", "f32"])
    ap.add_argument("--in", dest="inp", required=True, help="CSV with the distribution's columns (as for irg eval)")
    ap.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default 1: per-thread rate)")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--out", help="write the peer's values as CSV")
    args = ap.parse_args()
    try:
        import torch
    except ImportError:
        print(INSTALL, file=sys.stderr)
        return 3
    torch.set_num_threads(args.threads)
    dtype = torch.float32 if args.precision == "f32" else torch.float64
    cols = read_csv(args.inp)
    n = len(cols["x"] if "x" in cols else cols["alpha1"])
    todo = ops(torch, args.dist, args.quantity, cols, dtype)
    if not todo:
        print(f"PyTorch has no {args.quantity} for {args.dist}", file=sys.stderr)
        return 4
    results, total = {}, 0.0
    print(f"torch {torch.__version__}: {args.dist} {args.quantity} {args.precision}, n={n}, threads={args.threads}, "
          f"{args.reps} timed reps after warm-up, median")
    for name, fn in todo:
        fn()  # warm-up
        start = time.perf_counter()
        while time.perf_counter() - start < 0.3:
            fn()
        times = []
        for _ in range(args.reps):
            t0 = time.perf_counter()
            results[name] = fn()
            times.append(time.perf_counter() - t0)
        med = statistics.median(times)
        total += med
        print(f"  {name:<12} {med * 1e3:10.3f} ms  {n / med:12.4g} elements/s")
    if args.out:
        names = [name for name, _ in todo]
        with open(args.out, "w") as f:
            f.write(",".join(names) + "\n")
            vals = [results[k].double().tolist() for k in names]
            for row in zip(*vals):
                f.write(",".join(repr(v) for v in row) + "\n")
    print(f"{n / total:.4g} elements/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
