#!/usr/bin/env python3
"""PyTorch CUDA side of the GPU bundle's benchmark: times torch._standard_gamma_grad (float32) on
the very inputs irg's GpuRun benchmarked (alpha.f32, x.f32 in the results folder), and appends the
throughput and the ratio irg / PyTorch to results.md and bench.csv.

Usage: gpu-torch-bench.py RESULTS_DIR      (run by the bundle's run.sh when python3 has torch+CUDA)
"""
import csv
import os
import statistics
import sys

REPS = 7
WARMUP = 2


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "gpu-results"
    md = os.path.join(out, "results.md")
    try:
        import numpy as np
        import torch
    except ImportError as e:
        append(md, "## PyTorch side by side\n\nnot run: %s\n" % e)
        return 0
    if not torch.cuda.is_available():
        append(md, "## PyTorch side by side\n\nnot run: torch %s has no CUDA device\n" % torch.__version__)
        return 0
    a_path, x_path = os.path.join(out, "alpha.f32"), os.path.join(out, "x.f32")
    if not (os.path.exists(a_path) and os.path.exists(x_path)):
        append(md, "## PyTorch side by side\n\nnot run: no GAMMA_GRAD_ALPHA F32 inputs from GpuRun (kernel missing?)\n")
        return 0
    alpha = torch.from_numpy(np.fromfile(a_path, dtype="<f4")).cuda()
    x = torch.from_numpy(np.fromfile(x_path, dtype="<f4")).cuda()
    n = alpha.numel()
    times = []
    start, stop = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    for r in range(-WARMUP, REPS):
        start.record()
        g = torch._standard_gamma_grad(alpha, x)
        stop.record()
        torch.cuda.synchronize()
        if r >= 0:
            times.append(start.elapsed_time(stop) / 1e3)
    torch_eps = n / statistics.median(times)
    nonfinite = int((~torch.isfinite(g)).sum().item())
    irg_eps = None
    with open(os.path.join(out, "bench.csv")) as f:
        for row in csv.DictReader(f):
            if row["op"] == "GAMMA_GRAD_ALPHA" and row["precision"] == "F32" and row["path"] == "device":
                irg_eps = float(row["elements_per_s"])
    with open(os.path.join(out, "bench.csv"), "a") as f:
        f.write("GAMMA_GRAD_ALPHA,F32,torch-device,%d,%r\n" % (n, torch_eps))
    text = ("## PyTorch side by side (same inputs, device-resident, float32, CUDA events, median of %d)\n\n"
            "- torch %s on %s: torch._standard_gamma_grad %.3g elements/s (%d non-finite outputs)\n"
            % (REPS, torch.__version__, torch.cuda.get_device_name(0), torch_eps, nonfinite))
    if irg_eps:
        text += "- irg GAMMA_GRAD_ALPHA F32 device-resident: %.3g elements/s: **%.2fx** PyTorch\n" % (irg_eps, irg_eps / torch_eps)
    append(md, text)
    print(text)
    return 0


def append(path, text):
    with open(path, "a") as f:
        f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    sys.exit(main())
