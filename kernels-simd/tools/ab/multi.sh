#!/bin/bash
# Several AbHarness launches with the modes in rotated orders (the JIT's compilations differ from launch to launch):
#   kernels-simd/tools/ab/multi.sh dirA dirB launches [modes]   (after compiling AbDriver and AbHarness into /tmp/ab)
# prints one line per launch and mode: mode, A's median, B's median (M/s per CPU-second), B/A median.
set -e
source "$(dirname "$0")/../../../scripts/jdk.sh"
modes=${4:-fused,grad,report}
IFS=, read -ra m <<< "$modes"
for ((i = 0; i < $3; i++)); do
  order=$(for ((j = 0; j < ${#m[@]}; j++)); do echo -n "${m[$(((i + j) % ${#m[@]}))]},"; done)
  java --add-modules jdk.incubator.vector -cp /tmp/ab AbHarness "$1" "$2" "${order%,}" 8 0.5 2>&1 | grep -v WARN
done | sort -s -k1,1 | awk '{print $1, $4, $7, $11}'
