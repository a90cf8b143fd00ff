#!/usr/bin/env python3
"""Turns JMH JSON results of dev.irg.jmh.RsampleBench into a Markdown table of elements per second,
with fused/separate and SIMD/scalar ratios (same dist, precision, n).

Usage: python3 jmh/summarize_rsample.py jmh/results/rsample-run1.json [--torch ELEMENTS_PER_S]
       (--torch: PyTorch's rsample rate from bench/peers/torch_rsample.py, for a 'vs PyTorch' column on Gamma F32)
"""
import json
import sys


def main(argv):
    torch = None
    if "--torch" in argv:
        i = argv.index("--torch")
        torch = float(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    res = {}
    for path in argv:
        with open(path) as f:
            for r in json.load(f):
                if not r["benchmark"].endswith("RsampleBench.run"):
                    continue
                p = r["params"]
                n = int(p["n"])
                key = (p["dist"], p["precision"], n, p["backend"], p["mode"])
                res[key] = (r["primaryMetric"]["score"] * n, r["primaryMetric"].get("scoreError", float("nan")) * n)
    print("| dist | precision | n | backend | mode | elements/s | ± (99.9%) | fused/separate | SIMD/scalar |" + (" vs PyTorch |" if torch else ""))
    print("|---|---|---|---|---|---|---|---|---|" + ("---|" if torch else ""))
    for key in sorted(res):
        dist, pr, n, be, mode = key
        eps, err = res[key]
        fs = ""
        if mode == "fused" and (dist, pr, n, be, "separate") in res:
            fs = "%.2f×" % (eps / res[(dist, pr, n, be, "separate")][0])
        ss = ""
        if be == "simd" and (dist, pr, n, "scalar", mode) in res:
            ss = "%.2f×" % (eps / res[(dist, pr, n, "scalar", mode)][0])
        vt = ""
        if torch and dist == "gamma" and mode == "fused":
            vt = " %.2f× |" % (eps / torch)
        elif torch:
            vt = " |"
        print("| %s | %s | %d | %s | %s | %.3g | %.2g | %s | %s |%s" % (dist, pr, n, be, mode, eps, err, fs, ss, vt))


if __name__ == "__main__":
    main(sys.argv[1:])
