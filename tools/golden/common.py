"""Shared machinery of the golden-table generator: precision, validation, CSV writing, provenance.

Every reference value is computed twice, at HIGH_DPS and at CHECK_DPS decimal digits (mpmath); a row
whose two evaluations differ by more than AGREE_REL relative in any value is dropped and counted in
the table's header. Inputs are written as shortest round-trip doubles (Python repr), references
with SIG_DIGITS significant digits.
"""
import datetime
import os
import platform
import subprocess
import sys

import mpmath
from mpmath import mp, mpf

GENERATOR_VERSION = "1"
HIGH_DPS = 60          # digits of the values written
CHECK_DPS = 42         # digits of the independent second evaluation
AGREE_REL = mpf("1e-25")  # largest relative disagreement of the two evaluations kept
SIG_DIGITS = 25        # significant digits printed for reference values
DOUBLE_MIN = mpf("1e-300")  # smallest |reference| kept (issue 2: "where P >= 1e-300")
DOUBLE_MAX = mpf("1e300")   # largest |reference| kept (finite doubles with margin)

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT_ROOT = os.path.join(REPO, "java-api", "src", "test", "resources", "golden")


def f32(v):
    """v rounded to float32 when that is a normal float32 (so float32 checks can use the row), else v."""
    import numpy as np
    r = float(np.float32(v))
    if r != 0.0 and abs(r) >= 1.1754943508222875e-38 and abs(r) < 3.4e38:
        return r
    return float(v)


def rel_diff(a, b):
    if a == b:
        return mpf(0)
    den = max(abs(a), abs(b))
    return abs(a - b) / den


def git_describe():
    try:
        head = subprocess.run(["git", "-C", REPO, "rev-parse", "--short=12", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--", "tools/golden"],
                               capture_output=True, text=True).stdout.strip()
        return head + (" + uncommitted changes in tools/golden" if dirty else "")
    except Exception as e:  # no git: still generate
        return "unknown (" + type(e).__name__ + ")"


def fmt_in(v):
    return repr(float(v))


def fmt_ref(v):
    if v == 0:
        return "0"
    return mpmath.nstr(v, SIG_DIGITS, strip_zeros=False, min_fixed=-5, max_fixed=6)


def in_range(v):
    return v == 0 or (DOUBLE_MIN <= abs(v) <= DOUBLE_MAX)


def evaluate(points, ref, names):
    """Runs ref(point, dps) -> tuple of mpf at both precisions; returns (rows, dropped_disagree, dropped_range)."""
    rows, bad, outr = [], [], 0
    for p in points:
        with mp.workdps(HIGH_DPS):
            hi = ref(p, HIGH_DPS)
        with mp.workdps(CHECK_DPS):
            lo = ref(p, CHECK_DPS)
        if hi is None:
            outr += 1
            continue
        worst = max(rel_diff(mpf(a), mpf(b)) for a, b in zip(hi, lo)) if lo is not None else mpf(1)
        if worst > AGREE_REL:
            bad.append((p, worst))
            continue
        if not all(in_range(v) for v in hi):
            outr += 1
            continue
        rows.append((p, hi))
    for p, w in bad:
        print("  disagree %.2e at %s" % (float(w), p), file=sys.stderr)
    return rows, len(bad), outr


def write_table(dist, name, covers, domain, points_how, seed, in_cols, ref_cols, rows, n_bad, n_range, seconds,
                generator="tools/golden/generate.py v" + GENERATOR_VERSION):
    os.makedirs(os.path.join(OUT_ROOT, dist), exist_ok=True)
    path = os.path.join(OUT_ROOT, dist, name + ".csv")
    import numpy
    try:
        import scipy
        sv = scipy.__version__
    except ImportError:
        sv = "absent"
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    with open(path, "w") as f:
        f.write("# irg golden table %s/%s: %s\n" % (dist, name, covers))
        f.write("# generator: %s, repository commit %s; python %s, mpmath %s (%s backend), "
                "numpy %s, scipy %s\n" % (generator, git_describe(), platform.python_version(),
                                          mpmath.__version__, mpmath.libmp.BACKEND, numpy.__version__, sv))
        f.write("# precision: values at mpmath dps=%d, printed with %d significant digits; each row re-evaluated at "
                "dps=%d and kept only if every value agrees within %s relative (%d rows dropped for disagreement)\n"
                % (HIGH_DPS, SIG_DIGITS, CHECK_DPS, mpmath.nstr(AGREE_REL, 3), n_bad))
        f.write("# rows whose reference values fall outside [1e-300, 1e300] in magnitude (or where the point underflows) "
                "are left out: %d left out\n" % n_range)
        f.write("# seed: %d (numpy default_rng)\n" % seed)
        f.write("# domain: %s\n" % domain)
        f.write("# points: %s\n" % points_how)
        f.write("# inputs are exact doubles printed with repr (most are float32-exact; float32 checks skip the others); "
                "references are for those exact inputs\n")
        f.write("# generated: %s in %.0f s; rows: %d\n" % (now, seconds, len(rows)))
        f.write(",".join(in_cols + ref_cols) + "\n")
        for p, vals in rows:
            f.write(",".join([fmt_in(v) for v in p[:len(in_cols)]] + [fmt_ref(v) for v in vals]) + "\n")
    print("wrote %s: %d rows (%d disagree, %d out of range) in %.0f s" % (os.path.relpath(path, REPO), len(rows),
                                                                       n_bad, n_range, seconds))
    return path


def write_index(dist):
    d = os.path.join(OUT_ROOT, dist)
    # *_wide.csv (tools/audit: rows beyond the documented domain) have their own limits and test
    names = sorted(n[:-4] for n in os.listdir(d) if n.endswith(".csv") and not n.endswith("_wide.csv"))
    with open(os.path.join(d, "index.txt"), "w") as f:
        f.write("# tables of %s, one per line (read by dev.irg.golden.GoldenTable; written by tools/golden/generate.py)\n"
                % dist)
        for n in names:
            f.write(n + "\n")
