#!/usr/bin/env bash
# Throughput against batch size (issue 4: "per operation, precision and batch size, 1e3 ... 1e7, single-thread
# and all cores"), in one command: two jmh/run-full.sh runs of OpBench at n = 1e3, 1e4, 1e5, 1e6, 1e7,
#  (1) <name>-simd: the SIMD backend, every operation and precision, one thread and (n >= 2^15, where the CPU pool
#      splits) all cores;
#  (2) <name>-scalar: the scalar reference for the three gradients (Gamma dz/dalpha, Beta dz/da, von Mises dz/dkappa)
#      at the same sizes, for SIMD/scalar ratios measured in the same session (the other operations' ratios:
#      jmh/run-full.sh);
# then jmh/results/<name>.md with jmh/summarize.py's tables of both (each run also writes its own .json and .md).
# About 25 minutes on the 2-core CI machine (the scalar Beta gradient at n = 1e7 is ~5 s per call).
# Usage: jmh/run-sizes.sh [--name NAME] [JMH options: -f, -wi, -w, -i, -r replace run-full.sh's; a -p list adds to the
#        sweep's own values]   (NAME defaults to sizes-<UTC date>)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
# shellcheck source=jmh/provenance.sh
source jmh/provenance.sh
NAME="sizes-$(date -u +%Y-%m-%d)"
if [ "${1:-}" = "--name" ]; then NAME="$2"; shift 2; fi
SIZES=1000,10000,100000,1000000,10000000
GRADS=GAMMA_GRAD_ALPHA,BETA_GRAD_A,VONMISES_GRAD_KAPPA
OPBENCH='dev\.irg\.jmh\.OpBench\.'
START=$(date -u +%s)
jmh/run-full.sh --name "$NAME-simd" -p n=$SIZES -p backend=simd "$@" "$OPBENCH"
jmh/run-full.sh --name "$NAME-scalar" -p n=$SIZES -p backend=scalar -p op=$GRADS "$@" "$OPBENCH"
MIN=$(( ($(date -u +%s) - START + 59) / 60 ))
{
  echo "# JMH batch-size sweep \`$NAME\`"
  echo
  echo "- command: \`jmh/run-sizes.sh$( [ "$NAME" = "sizes-$(date -u +%Y-%m-%d)" ] || printf ' --name %s' "$NAME")$( [ $# -eq 0 ] || printf ' %s' "$@")\` (the JMH settings of jmh/run-full.sh), about $MIN min"
  provenance_lines
  echo "- JSON: \`jmh/results/$NAME-simd.json\`, \`jmh/results/$NAME-scalar.json\`; tables: \`python3 jmh/summarize.py jmh/results/$NAME-simd.json jmh/results/$NAME-scalar.json\`"
  echo "- inputs: \`dev.irg.jmh.Inputs\` (parameters log-uniform over the whole domain, x anywhere including both far tails), the same seed at every n"
  echo
  python3 jmh/summarize.py "jmh/results/$NAME-simd.json" "jmh/results/$NAME-scalar.json"
} > "jmh/results/$NAME.md"
echo "run-sizes: jmh/results/$NAME.md ($MIN min)" >&2
