#!/usr/bin/env bash
# The whole JMH suite in one command (docs/jmh.md): builds jmh/target/benchmarks.jar, runs
# dev.irg.jmh.FullSuite (every operation x precision x backend served here, n = 1e3 and 1e6, 1 thread
# and all cores; CudaOpBench when a CUDA device is usable; then any other benchmark of the jar) and
# writes jmh/results/<name>.json and jmh/results/<name>.md (jmh/summarize.py's tables).
# 14 minutes on the 2-core CI machine (138 combinations; about 17 with Beta on SIMD).
# Usage: jmh/run-full.sh [--name NAME] [JMH options, e.g. -p op=GAMMA_GRAD_ALPHA,BETA_CDF or -e CudaOpBench]
#   NAME defaults to full-<UTC date>; an option given here (-f, -wi, -w, -i, -r) replaces its default below, and
#   -p lists replace the benchmarks' default lists.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
# shellcheck source=jmh/provenance.sh
source jmh/provenance.sh
NAME="full-$(date -u +%Y-%m-%d)"
if [ "${1:-}" = "--name" ]; then NAME="$2"; shift 2; fi
# shellcheck source=/dev/null
source scripts/jdk.sh
echo "run-full: building jmh/target/benchmarks.jar..." >&2
mvn -B -q -ntp -pl jmh -am package -DskipTests
mkdir -p jmh/results
JSON="jmh/results/$NAME.json"
MD="jmh/results/$NAME.md"
# 2 s of warm-up (OpBench primes the SIMD kernels in its setup, see OpBench.PRIME_N), 1.5 s measured
DEFAULTS=(-f 1 -wi 2 -w 1s -i 3 -r 500ms)
SETTINGS=()
# JMH's command line takes each of these options once: a default only where the caller did not give it
for ((k = 0; k < ${#DEFAULTS[@]}; k += 2)); do
  given=false
  for a in "$@"; do [ "$a" = "${DEFAULTS[k]}" ] && given=true; done
  $given || SETTINGS+=("${DEFAULTS[k]}" "${DEFAULTS[k + 1]}")
done
START=$(date -u +%s)
# the host JVM needs the Vector API too: FullSuite asks each backend which operations it serves
java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp jmh/target/benchmarks.jar \
    dev.irg.jmh.FullSuite --json "$JSON" "${SETTINGS[@]}" "$@"
MIN=$(( ($(date -u +%s) - START + 59) / 60 ))
{
  echo "# JMH run \`$NAME\`"
  echo
  echo "- command: \`jmh/run-full.sh$( [ "$NAME" = "full-$(date -u +%Y-%m-%d)" ] || printf ' --name %s' "$NAME")$( [ $# -eq 0 ] || printf ' %s' "$@")\` (JMH settings ${SETTINGS[*]}), about $MIN min"
  provenance_lines
  echo "- JSON: \`$JSON\`; tables: \`python3 jmh/summarize.py $JSON\`"
  echo
  python3 jmh/summarize.py "$JSON"
} > "$MD"
echo "run-full: $JSON and $MD ($MIN min)" >&2
