#!/usr/bin/env python3
"""Markdown tables from JMH JSON results of the irg suite (jmh/run-full.sh, dev.irg.jmh.FullSuite).

- OpBench: one table per distribution; rows = op, precision, n; columns = elements per second (millions)
  per backend and threads (1 thread, "all" = every core), then the ratios SIMD/scalar (same threads)
  and all cores / 1 thread (same backend). A cell is empty when that combination was not run (a backend
  that does not serve the op here, or threads=all at a batch the CPU pool does not split).
- CudaOpBench: elements per second on host arrays and on device-resident operands, and their ratio.
- Any other benchmark: its parameters and score as JMH reports them.

Usage: python3 jmh/summarize.py jmh/results/<run>.json [more.json ...]
(several files: a later result for the same benchmark and parameters replaces an earlier one)
"""
import json
import sys
from collections import OrderedDict

OP_BENCH = "dev.irg.jmh.OpBench.evaluate"
CUDA_BENCH = "dev.irg.jmh.CudaOpBench.evaluate"
DISTRIBUTIONS = [("GAMMA_", "Gamma"), ("BETA_", "Beta"), ("VONMISES_", "von Mises")]
BACKENDS = ["scalar", "simd", "auto", "cuda"]


def load(paths):
    for path in paths:
        with open(path) as f:
            for r in json.load(f):
                yield r


def ratio(a, b):
    return "%.2f×" % (a / b) if a is not None and b else ""


def op_tables(results, out):
    # (op, precision, n) -> {(backend, threads): elements/s}
    table = OrderedDict()
    for r in results:
        p = r["params"]
        n = int(p["n"])
        key = (p["op"], p["precision"], n)
        table.setdefault(key, {})[(p["backend"], int(p["threads"]))] = r["primaryMetric"]["score"] * n
    if not table:
        return
    cols = [(b, t) for t in (1, 0) for b in BACKENDS if any((b, t) in v for v in table.values())]
    out.append("## OpBench: host arrays through `Irg.evaluate`, million elements/s\n")
    for prefix, name in DISTRIBUTIONS:
        keys = [k for k in table if k[0].startswith(prefix)]  # run order: dev.irg.Op order
        if not keys:
            continue
        out.append("### %s\n" % name)
        head = ["op", "precision", "n"] + ["%s %s" % (b, "1 thread" if t == 1 else "all cores") for b, t in cols]
        head += ["SIMD/scalar 1 thread", "SIMD/scalar all cores", "all/1 scalar", "all/1 SIMD"]
        out.append("| " + " | ".join(head) + " |")
        out.append("|" + "---|" * len(head))
        for op, pr, n in keys:
            v = table[(op, pr, n)]
            row = [op, pr, "%d" % n] + ["%.3g" % (v[c] / 1e6) if c in v else "" for c in cols]
            row += [ratio(v.get(("simd", 1)), v.get(("scalar", 1))), ratio(v.get(("simd", 0)), v.get(("scalar", 0))),
                    ratio(v.get(("scalar", 0)), v.get(("scalar", 1))), ratio(v.get(("simd", 0)), v.get(("simd", 1)))]
            out.append("| " + " | ".join(row) + " |")
        out.append("")


def cuda_table(results, out):
    table = OrderedDict()
    for r in results:
        p = r["params"]
        n = int(p["n"])
        table.setdefault((p["op"], p["precision"], n), {})[p["api"]] = r["primaryMetric"]["score"] * n
    if not table:
        return
    out.append("## CudaOpBench: million elements/s\n")
    out.append("| op | precision | n | host arrays | device-resident | device/host |")
    out.append("|---|---|---|---|---|---|")
    for (op, pr, n), v in table.items():
        cells = ["%.4g" % (v[a] / 1e6) if a in v else "" for a in ("host", "device")]
        out.append("| %s | %s | %d | %s | %s | %s |" % (op, pr, n, cells[0], cells[1], ratio(v.get("device"), v.get("host"))))
    out.append("")


def other_table(results, out):
    if not results:
        return
    out.append("## Other benchmarks (scores as JMH reports them)\n")
    out.append("| benchmark | parameters | score | ± (99.9%) | unit |")
    out.append("|---|---|---|---|---|")
    for r in results:
        params = ", ".join("%s=%s" % kv for kv in sorted(r.get("params", {}).items()))
        m = r["primaryMetric"]
        out.append("| %s | %s | %.4g | %.2g | %s |" % (r["benchmark"].replace("dev.irg.jmh.", ""), params, m["score"],
                                                       m.get("scoreError", float("nan")), m["scoreUnit"]))
    out.append("")


def summarize(paths):
    dedup = OrderedDict()
    for r in load(paths):
        dedup[(r["benchmark"], tuple(sorted(r.get("params", {}).items())))] = r
    results = list(dedup.values())
    out = []
    op_tables([r for r in results if r["benchmark"] == OP_BENCH], out)
    cuda_table([r for r in results if r["benchmark"] == CUDA_BENCH], out)
    other_table([r for r in results if r["benchmark"] not in (OP_BENCH, CUDA_BENCH)], out)
    return "\n".join(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    print(summarize(sys.argv[1:]))
