"""Writes the blind audit of 2026-11-29 (this folder's README) as golden tables:
java-api/src/test/resources/golden/<dist>/blind.csv (rows inside the documented domain, listed in index.txt:
every backend's golden tests check them with the golden limits) and blind_wide.csv (rows beyond it, checked with
1e-10 by AuditTableTest), from the audit's inputs in_<dist>_all.csv and references ref_<dist>_all.csv.

Usage: python3 tools/audit/blind/to_golden.py AUDIT_DIR   (the folder the audit wrote, /tmp/audit-work then)

References are written with 25 significant digits (they were computed at 60 and agree with an 80-digit rerun
to 35); a reference below 1e-300 or above 1e300 in magnitude is written as nan (not checked), as in the other
golden tables. The scheme names become numbers (listed in the header).
"""
import csv
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
OUT = os.path.join(REPO, "java-api", "src", "test", "resources", "golden")
INPUTS = {"gamma": ["alpha", "rate", "x"], "beta": ["a", "b", "x"], "vonmises": ["kappa", "x"]}
REFS = {"gamma": ["cdf", "dcdf_dalpha", "grad_alpha", "grad_rate"],
        "beta": ["cdf", "dcdf_da", "dcdf_db", "grad_a", "grad_b"],
        "vonmises": ["cdf", "dcdf_dkappa", "grad_kappa"]}
# the documented domain, as tools/audit/audit.py's DOCUMENTED
DOCUMENTED = {
    "gamma": lambda r: 1e-4 <= float(r["alpha"]) <= 1e6,
    "beta": lambda r: 1e-4 <= float(r["a"]) <= 1e6 and 1e-4 <= float(r["b"]) <= 1e6,
    "vonmises": lambda r: float(r["kappa"]) == 0 or 1e-4 <= float(r["kappa"]) <= 1e5,
}
DOMAIN_TEXT = {"gamma": "alpha in [1e-4, 1e6]", "beta": "a, b in [1e-4, 1e6]", "vonmises": "kappa = 0 or in [1e-4, 1e5]"}


def fmt(s):
    from decimal import Decimal
    v = Decimal(s)
    if v != 0 and not (Decimal("1e-300") <= abs(v) <= Decimal("1e300")):
        return "nan"
    return "%.24e" % v if v != 0 else "0"


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "/tmp/audit-work"
    for dist in ("gamma", "beta", "vonmises"):
        ins = {r["id"]: r for r in csv.DictReader(open(os.path.join(src, "in_%s_all.csv" % dist)))}
        refs = list(csv.DictReader(open(os.path.join(src, "ref_%s_all.csv" % dist))))
        schemes = sorted({ins[r["id"]]["scheme"] for r in refs})
        number = {s: i + 1 for i, s in enumerate(schemes)}
        rows = []
        for r in refs:
            i = ins[r["id"]]
            rows.append((DOCUMENTED[dist](i), [repr(float(i[c])) for c in INPUTS[dist]]
                         + [str(number[i["scheme"]]), i["f32"]] + [fmt(r[c]) for c in REFS[dist]]))
        head = ["# irg audit table %s/%s: the blind audit of 2026-11-29 (tools/audit/blind/README.md, docs/accuracy.md)",
                "# made by an independent audit that saw neither these tables' generators nor the library's tables: fresh seeds,",
                "# parameters from 1e-6 to 1e8 (von Mises kappa 0 and 1e-8 to 1e5), both tails to 1e-30, +- ulps around every",
                "# method switch point read from the code, samples from the distributions, dense probes at the worst spots found",
                "# references: tools/audit/blind/mpref.py, level-breakpoint Gauss-Legendre quadrature at mpmath dps=60, parameter",
                "# derivatives as integrals (no numerical differentiation); every 4th row of the main batch recomputed at dps=80",
                "# with 64-point rules and finer levels: identical to 35 digits; 150 rows per distribution against mpmath's",
                "# gammainc/betainc + diff and the von Mises Fourier series: within 1e-22 (the step error of diff)",
                "# inputs are exact doubles (repr); f32 = 1 where every input is a float (rounded to float before the reference)",
                "# references with 25 digits; nan where the true value is outside [1e-300, 1e300] in magnitude (not checked)",
                "# schemes: " + "; ".join("%d %s" % (number[s], s) for s in schemes)]
        cols = ",".join(INPUTS[dist] + ["scheme", "f32"] + REFS[dist])
        for name, inside, what in (("blind", True, "inside"), ("blind_wide", False, "outside")):
            part = [v for ok, v in rows if ok == inside]
            with open(os.path.join(OUT, dist, name + ".csv"), "w") as f:
                for h in head:
                    f.write((h % (dist, name) if "%s" in h else h) + "\n")
                f.write("# this file: the %d of %d rows %s the documented domain (%s)\n"
                        % (len(part), len(rows), what, DOMAIN_TEXT[dist]))
                f.write(cols + "\n")
                for v in part:
                    f.write(",".join(v) + "\n")
            print("%s/%s: %d rows" % (dist, name, len(part)))


if __name__ == "__main__":
    main()
