#!/usr/bin/env python3
"""Turns JMH JSON results of dev.irg.jmh.OpBench into a Markdown table of elements per second,
SIMD/scalar ratios (same op, precision, n, threads) and all-cores/one-core ratios.

Usage: python3 jmh/summarize.py jmh/results/<run>.json [more.json ...]
"""
import json
import sys
from collections import OrderedDict


def rows(paths):
    for path in paths:
        with open(path) as f:
            for r in json.load(f):
                if not r["benchmark"].endswith("OpBench.evaluate"):
                    continue
                p = r["params"]
                n = int(p["n"])
                score = r["primaryMetric"]["score"]
                err = r["primaryMetric"].get("scoreError", float("nan"))
                yield (p["op"], p["precision"], n, int(p["threads"]), p["backend"]), (score * n, err * n)


def main(paths):
    res = OrderedDict(rows(paths))
    print("| op | precision | n | threads | backend | elements/s | ± (99.9%) | SIMD/scalar | all cores/1 thread |")
    print("|---|---|---|---|---|---|---|---|---|")
    for (op, pr, n, th, be), (eps, err) in res.items():
        ratio = ""
        if be == "simd" and (op, pr, n, th, "scalar") in res:
            ratio = "%.1f×" % (eps / res[(op, pr, n, th, "scalar")][0])
        scale = ""
        if th == 0 and (op, pr, n, 1, be) in res:
            scale = "%.2f×" % (eps / res[(op, pr, n, 1, be)][0])
        print("| %s | %s | %d | %s | %s | %.3g | %.2g | %s | %s |" % (op, pr, n, "all" if th == 0 else th, be, eps, err, ratio, scale))


if __name__ == "__main__":
    main(sys.argv[1:])
