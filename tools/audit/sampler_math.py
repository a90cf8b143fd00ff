#!/usr/bin/env python3
"""Errors of dev.irg.sampling.SamplerMath in ulps against mpmath (40 digits): python3 tools/audit/sampler_math.py DUMP

DUMP: the output of tools/audit/SamplerMathDump.java (see there). Prints n, max, p99 and median per function.
Quoted in docs/sampling.md ("Elementary functions of the Gamma sampler").
"""
import math
import sys

import mpmath as mp


def main(path):
    mp.mp.dps = 40
    errs = {k: [] for k in ("log", "exp", "log1p", "cos2pi", "sinHalfPi", "cosHalfPi", "atan2Positive", "hypot1")}
    with open(path) as f:
        for line in f:
            u, lu, y, ey, w, lw, c, cc, v, sv, cv, py, px, at, t, ht = (float.fromhex(s) for s in line.split())
            for name, got, ref in (("log", lu, mp.log(u)), ("exp", ey, mp.exp(y)), ("log1p", lw, mp.log1p(w)),
                                   ("cos2pi", cc, mp.cos(2 * mp.pi * mp.mpf(c))),
                                   ("sinHalfPi", sv, mp.sin(mp.pi * mp.mpf(v) / 2)),
                                   ("cosHalfPi", cv, mp.cos(mp.pi * mp.mpf(v) / 2)),
                                   ("atan2Positive", at, mp.atan2(py, px)), ("hypot1", ht, mp.sqrt(1 + mp.mpf(t) ** 2))):
                r = float(ref)
                if abs(r) < 2.2250738585072014e-308:
                    continue  # zero or subnormal results: no relative ulp measure
                errs[name].append(float(abs(mp.mpf(got) - ref) / math.ulp(abs(r))))
    for name, v in errs.items():
        v.sort()
        print("%-13s n=%d max %.2f ulp, p99 %.2f, median %.2f" % (name, len(v), v[-1], v[int(0.99 * len(v))], v[len(v) // 2]))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
