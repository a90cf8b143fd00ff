#!/usr/bin/env bash
# Throughput against batch size (issue 4: "per operation, precision and batch size, 1e3 ... 1e7, single-thread
# and all cores"), in one command: OpBench through dev.irg.jmh.FullSuite at n = 1e3, 1e4, 1e5, 1e6, 1e7,
#  (1) the SIMD backend, every operation and precision, one thread and (n >= 2^15, where the CPU pool splits) all cores;
#  (2) the scalar reference for the three gradients (Gamma dz/dalpha, Beta dz/da, von Mises dz/dkappa) at the same
#      sizes, for SIMD/scalar ratios measured in the same session (the other operations' ratios: jmh/run-full.sh).
# Writes jmh/results/<name>-simd.json, <name>-scalar.json and <name>.md (jmh/summarize.py's tables of both).
# About 25 minutes on the 2-core CI machine (the scalar Beta gradient at n = 1e7 is ~10 s per call).
# Usage: jmh/run-sizes.sh [--name NAME] [JMH options]   (NAME defaults to sizes-<UTC date>)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
NAME="sizes-$(date -u +%Y-%m-%d)"
if [ "${1:-}" = "--name" ]; then NAME="$2"; shift 2; fi
# shellcheck source=/dev/null
source scripts/jdk.sh
echo "run-sizes: building jmh/target/benchmarks.jar..." >&2
mvn -B -q -ntp -pl jmh -am package -DskipTests
mkdir -p jmh/results
SIZES=1000,10000,100000,1000000,10000000
GRADS=GAMMA_GRAD_ALPHA,BETA_GRAD_A,VONMISES_GRAD_KAPPA
SETTINGS=(-f 1 -wi 2 -w 1s -i 3 -r 500ms)
RUN=(java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp jmh/target/benchmarks.jar dev.irg.jmh.FullSuite)
START=$(date -u +%s)
"${RUN[@]}" --json "jmh/results/$NAME-simd.json" "${SETTINGS[@]}" -p n=$SIZES -p backend=simd "$@" 'dev\.irg\.jmh\.OpBench\.'
"${RUN[@]}" --json "jmh/results/$NAME-scalar.json" "${SETTINGS[@]}" -p n=$SIZES -p backend=scalar -p op=$GRADS "$@" 'dev\.irg\.jmh\.OpBench\.'
MIN=$(( ($(date -u +%s) - START + 59) / 60 ))
{
  echo "# JMH batch-size sweep \`$NAME\`"
  echo
  echo "- command: \`jmh/run-sizes.sh$( [ "$NAME" = "sizes-$(date -u +%Y-%m-%d)" ] || printf ' --name %s' "$NAME")$( [ $# -eq 0 ] || printf ' %s' "$@")\` (JMH settings ${SETTINGS[*]}), about $MIN min"
  echo "- commit: $(git describe --always --dirty), $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "- machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') (CPU family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | tr -d ' ')), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
  echo "- JSON: \`jmh/results/$NAME-simd.json\`, \`jmh/results/$NAME-scalar.json\`; tables: \`python3 jmh/summarize.py jmh/results/$NAME-simd.json jmh/results/$NAME-scalar.json\`"
  echo "- inputs: \`dev.irg.jmh.Inputs\` (parameters log-uniform over the whole domain, x anywhere including both far tails), the same seed at every n"
  echo
  python3 jmh/summarize.py "jmh/results/$NAME-simd.json" "jmh/results/$NAME-scalar.json"
} > "jmh/results/$NAME.md"
echo "run-sizes: jmh/results/$NAME.md ($MIN min)" >&2
