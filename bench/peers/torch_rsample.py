#!/usr/bin/python3
"""PyTorch CPU peer of jmh RsampleBench (dist=gamma): Gamma samples with their implicit
reparameterization gradient, one thread, as PyTorch computes them for Gamma.rsample and its backward:
z = torch._standard_gamma(alpha), then dz/dalpha = torch._standard_gamma_grad(alpha, z).

alpha: n values log-uniform on [1e-2, 1e3] (the distribution RsampleBench draws; fixed numpy seed),
float32 by default. Prints the median over --reps timed repetitions of about --seconds each (after
one warm-up repetition), per mode, and ends with '<N> elements/s' for the rsample.

Usage (PyTorch from Debian: apt-get install python3-torch; run with /usr/bin/python3):
  bench/peers/torch_rsample.py --n 100000 --precision f32 --threads 1
"""
import argparse
import statistics
import sys
import time

INSTALL = "PyTorch is not installed: apt-get install python3-torch (Debian), then run this with /usr/bin/python3"


def rate(fn, n, seconds):
    """Elements per second of fn() (one call = n elements), timed over at least `seconds`."""
    calls = 0
    t0 = time.perf_counter()
    while True:
        fn()
        calls += 1
        el = time.perf_counter() - t0
        if el >= seconds:
            return calls * n / el


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100000)
    ap.add_argument("--precision", choices=["f32", "f64"], default="f32")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--seconds", type=float, default=1.0)
    ap.add_argument("--lo", type=float, default=1e-2)
    ap.add_argument("--hi", type=float, default=1e3)
    args = ap.parse_args()
    try:
        import numpy as np
        import torch
    except ImportError:
        sys.exit(INSTALL)
    torch.set_num_threads(args.threads)
    dtype = torch.float32 if args.precision == "f32" else torch.float64
    rng = np.random.default_rng(20261129)
    alpha = torch.tensor(np.exp(rng.uniform(np.log(args.lo), np.log(args.hi), args.n)), dtype=dtype)
    gen = torch.Generator().manual_seed(1)

    def sample():
        return torch._standard_gamma(alpha, gen)

    def rsample():
        z = torch._standard_gamma(alpha, gen)
        return z, torch._standard_gamma_grad(alpha, z)

    z = sample()
    assert torch.isfinite(torch._standard_gamma_grad(alpha, z)).float().mean() > 0.99
    print("torch %s, %d thread(s), %s, n = %d, alpha log-uniform on [%g, %g]"
          % (torch.__version__, torch.get_num_threads(), args.precision, args.n, args.lo, args.hi))
    result = {}
    for name, fn in (("sample", sample), ("rsample", rsample)):
        rate(fn, args.n, args.seconds / 2)  # warm-up
        rates = [rate(fn, args.n, args.seconds) for _ in range(args.reps)]
        result[name] = statistics.median(rates)
        print("%-8s median %.4g elements/s (min %.4g, max %.4g over %d reps)"
              % (name, result[name], min(rates), max(rates), args.reps))
    print("%.6g elements/s" % result["rsample"])


if __name__ == "__main__":
    main()
