#!/usr/bin/env python3
"""PyTorch CUDA side of the GPU bundle's benchmark: times torch._standard_gamma_grad (float32) on
the very inputs irg's GpuRun benchmarked (alpha.f32, x.f32 in the results folder), and appends the
throughput and the ratio irg / PyTorch to results.md and bench.csv.

Usage: gpu-torch-bench.py RESULTS_DIR      (run by the bundle's run.sh when python3 has torch+CUDA)
IRG_TORCH_DEVICE=cpu runs the PyTorch side on the CPU instead (to check this script without a GPU).
"""
import csv
import os
import statistics
import sys
import time

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
    device = os.environ.get("IRG_TORCH_DEVICE", "cuda")
    if device == "cuda" and not torch.cuda.is_available():
        append(md, "## PyTorch side by side\n\nnot run: torch %s has no CUDA device\n" % torch.__version__)
        return 0
    a_path, x_path = os.path.join(out, "alpha.f32"), os.path.join(out, "x.f32")
    if not (os.path.exists(a_path) and os.path.exists(x_path)):
        append(md, "## PyTorch side by side\n\nnot run: no GAMMA_GRAD_ALPHA F32 inputs from GpuRun (kernel missing?)\n")
        return 0
    alpha = torch.from_numpy(np.fromfile(a_path, dtype="<f4")).to(device)
    x = torch.from_numpy(np.fromfile(x_path, dtype="<f4")).to(device)
    n = alpha.numel()
    times = []
    for r in range(-WARMUP, REPS):
        if device == "cuda":
            start, stop = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            start.record()
            g = torch._standard_gamma_grad(alpha, x)
            stop.record()
            torch.cuda.synchronize()
            t = start.elapsed_time(stop) / 1e3
        else:
            t0 = time.perf_counter()
            g = torch._standard_gamma_grad(alpha, x)
            t = time.perf_counter() - t0
        if r >= 0:
            times.append(t)
    torch_eps = n / statistics.median(times)
    nonfinite = int((~torch.isfinite(g)).sum().item())
    acc = ""
    ref_path = os.path.join(out, "grad_f64.f64")
    if os.path.exists(ref_path):
        ref = np.fromfile(ref_path, dtype="<f8")
        ok = np.isfinite(ref) & (np.abs(ref) >= np.finfo(np.float32).tiny) & (np.abs(ref) <= np.finfo(np.float32).max)
        rows = [("torch._standard_gamma_grad f32", g.double().cpu().numpy())]
        irg_path = os.path.join(out, "grad_irg.f32")
        if os.path.exists(irg_path):
            rows.append(("irg GAMMA_GRAD_ALPHA f32", np.fromfile(irg_path, dtype="<f4").astype(np.float64)))
        acc = "\nRelative error against irg's float64 kernel on the same float inputs (%d of %d rows whose value is a normal float):\n\n" % (ok.sum(), n)
        acc += "| implementation | max | p99 | median | non-finite |\n|---|---|---|---|---|\n"
        for name, v in rows:
            err = np.abs(v[ok] - ref[ok]) / np.abs(ref[ok])
            bad = int((~np.isfinite(err)).sum())
            err = err[np.isfinite(err)]
            acc += "| %s | %.2e | %.2e | %.2e | %d |\n" % (name, err.max(), np.quantile(err, 0.99), np.median(err), bad)
    irg_eps = None
    with open(os.path.join(out, "bench.csv")) as f:
        for row in csv.DictReader(f):
            if row["op"] == "GAMMA_GRAD_ALPHA" and row["precision"] == "F32" and row["path"] == "device" and device == "cuda":
                irg_eps = float(row["elements_per_s"])
    with open(os.path.join(out, "bench.csv"), "a") as f:
        f.write("GAMMA_GRAD_ALPHA,F32,torch-%s,%d,%r\n" % (device, n, torch_eps))
    where = torch.cuda.get_device_name(0) if device == "cuda" else "CPU (%d threads)" % torch.get_num_threads()
    text = ("## PyTorch side by side (same inputs, float32, median of %d)\n\n"
            "- torch %s on %s: torch._standard_gamma_grad %.3g elements/s (%d non-finite outputs)\n"
            % (REPS, torch.__version__, where, torch_eps, nonfinite))
    if irg_eps:
        text += "- irg GAMMA_GRAD_ALPHA F32 device-resident: %.3g elements/s: **%.2fx** PyTorch\n" % (irg_eps, irg_eps / torch_eps)
    append(md, text + acc)
    return 0


def append(path, text):
    with open(path, "a") as f:
        f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    sys.exit(main())
