#!/usr/bin/python3
"""PyTorch CPU peer per CPU-second of the calling thread (the counterpart of dev.irg.jmh.CpuTime):
torch._standard_gamma_grad(alpha, x) (Gamma dz/dalpha, rate 1) on the rows of a CSV with columns
alpha,rate,x (e.g. written by `java ... kernels-simd/tools/WriteInputs.java GAMMA 100000 FILE`: the JMH
inputs) or alpha,x with rate 1 (`./irg bench --dist gamma --write-inputs FILE`: the report's inputs), one thread, warm-up, then best of five rounds of `--seconds` each, timed with
time.thread_time(). Prints '<N> elements per CPU-second'. A CSV with columns a,b,x (`./irg bench --dist beta
--write-inputs FILE`) times the Beta pair dz/da and dz/db (two torch._dirichlet_grad calls, as torch_peer.py), per element
of the pair: compare with `CpuTime -Dpair=BETA_GRAD_B ... BETA_GRAD_A`.

  /usr/bin/python3 bench/peers/torch_cputime.py --in /tmp/gamma_inputs.csv --precision f32
"""
import argparse
import csv
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--in", dest="path", required=True)
    ap.add_argument("--precision", choices=["f32", "f64"], default="f32")
    ap.add_argument("--seconds", type=float, default=1.0)
    args = ap.parse_args()
    try:
        import torch
    except ImportError:
        raise SystemExit("PyTorch is not installed: apt-get install python3-torch, run with /usr/bin/python3")
    torch.set_num_threads(1)
    alpha, x, bs = [], [], []
    with open(args.path, newline="") as f:
        rows = csv.reader(line for line in f if line.strip() and not line.startswith("#"))
        header = next(rows)
        beta = "a" in header and "b" in header
        if beta:
            # a,b,x (`irg bench --dist beta --write-inputs`): dz/da and dz/db as torch_peer.py computes them
            ia, ib, ix = header.index("a"), header.index("b"), header.index("x")
            for r in rows:
                alpha.append(float(r[ia]))
                bs.append(float(r[ib]))
                x.append(float(r[ix]))
        else:
            # alpha,rate,x (WriteInputs) or alpha,x with rate 1 (`irg bench --write-inputs`)
            ia, ix = header.index("alpha"), header.index("x")
            ir = header.index("rate") if "rate" in header else None
            for r in rows:
                alpha.append(float(r[ia]))
                x.append((float(r[ir]) if ir is not None else 1.0) * float(r[ix]))
    dt = torch.float32 if args.precision == "f32" else torch.float64
    a = torch.tensor(alpha, dtype=dt)
    xs = torch.tensor(x, dtype=dt)
    n = len(alpha)
    if beta:
        b = torch.tensor(bs, dtype=dt)
        total = a + b
        y = 1 - xs

        def call():
            # the pair per element (n counts elements, both gradients each)
            return y * torch._dirichlet_grad(xs, a, total), -xs * torch._dirichlet_grad(y, b, total)
    else:
        def call():
            return torch._standard_gamma_grad(a, xs)
    end = time.time() + args.seconds
    while time.time() < end:
        call()
    best = float("inf")
    for _ in range(5):
        c0 = time.thread_time()
        calls = 0
        end = time.time() + args.seconds
        while time.time() < end:
            call()
            calls += 1
        best = min(best, (time.thread_time() - c0) / (calls * n))
    print("torch %s %s n=%d: %.3g elements per CPU-second (best of 5 rounds)" % (torch.__version__, args.precision, n,
                                                                            1 / best))


if __name__ == "__main__":
    main()
