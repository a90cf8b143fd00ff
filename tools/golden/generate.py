#!/usr/bin/env python3
"""Golden reference tables for irg: python3 tools/golden/generate.py {gamma|beta|vonmises|all} [TABLE ...]

Writes java-api/src/test/resources/golden/<dist>/<table>.csv (mpmath, >= 40 digits, two precisions per
value) and <dist>/index.txt. Deterministic: each table has its own numpy seed. Needs mpmath (and numpy,
scipy for choosing points); when this python lacks mpmath it tries /usr/bin/python3, installing
python3-mpmath python3-numpy python3-scipy with apt-get if needed.
"""
import os
import subprocess
import sys


def ensure_mpmath():
    try:
        import mpmath  # noqa: F401
        import numpy  # noqa: F401
        import scipy  # noqa: F401
        return
    except ImportError:
        pass
    if os.environ.get("IRG_GOLDEN_REEXEC"):
        sys.exit("generate.py: mpmath/numpy/scipy still missing after apt-get; install python3-mpmath python3-scipy")
    sysp = "/usr/bin/python3"
    ok = os.path.exists(sysp) and subprocess.run([sysp, "-c", "import mpmath, numpy, scipy"],
                                                 capture_output=True).returncode == 0
    if not ok:
        print("generate.py: installing python3-mpmath python3-numpy python3-scipy with apt-get", file=sys.stderr)
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "install", "-y", "python3-mpmath", "python3-numpy", "python3-scipy"],
                       check=True)
    os.environ["IRG_GOLDEN_REEXEC"] = "1"
    os.execv(sysp, [sysp] + sys.argv)


def main():
    ensure_mpmath()
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import common
    args = sys.argv[1:]
    if not args or args[0] not in ("gamma", "beta", "vonmises", "all"):
        sys.exit(__doc__)
    dists = ["gamma", "beta", "vonmises"] if args[0] == "all" else [args[0]]
    for d in dists:
        mod = __import__(d)
        mod.generate(set(args[1:]) or None)
        common.write_index(d)


if __name__ == "__main__":
    main()
