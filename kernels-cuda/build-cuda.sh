#!/usr/bin/env bash
# Regenerates every committed CUDA artifact of kernels-cuda:
#   src/main/cuda/irg_constants.cuh            constants header, from the Java dev.irg.math.*Constants classes
#   src/main/resources/dev/irg/cuda/irg_kernels.ptx     PTX (compute_80), JIT-compiled by any newer GPU
#   src/main/resources/dev/irg/cuda/irg_kernels.fatbin  SASS for sm_80 and sm_90 + the compute_80 PTX
#   src/main/resources/dev/irg/cuda/kernels.txt         the kernel names (what CudaProvider supports)
#   src/main/resources/dev/irg/cuda/ptxas.txt           ptxas -v resource usage per kernel and arch
#   src/main/resources/dev/irg/cuda/build.stamp         sha256 of the inputs + nvcc version
# Usage: kernels-cuda/build-cuda.sh [--no-java] [--out DIR]
#   --no-java  do not recompile the Java classes / regenerate the header (used by the staleness test)
#   --out DIR  write the nvcc artifacts into DIR instead of the resources folder
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
SRC="$HERE/src/main/cuda"
OUT="$HERE/src/main/resources/dev/irg/cuda"
JAVA=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-java) JAVA=0; shift ;;
    --out) OUT="$2"; shift 2 ;;
    *) echo "build-cuda.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
NVCC="${NVCC:-$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)}"
[ -x "$NVCC" ] || { echo "build-cuda.sh: nvcc not found (set NVCC or put CUDA's bin on PATH)" >&2; exit 1; }

if [ "$JAVA" = 1 ]; then
  # shellcheck source=/dev/null
  source "$ROOT/scripts/jdk.sh"
  (cd "$ROOT" && mvn -B -q -o -pl kernels-cuda -am compile)
  java -cp "$ROOT/java-api/target/classes:$HERE/target/classes" dev.irg.cuda.gen.ConstantsHeader "$SRC/irg_constants.cuh"
fi

mkdir -p "$OUT"
# Flags shared by every nvcc call. -std=c++17 for hexadecimal float literals; no fast-math flags:
# the kernels must agree with the float64 reference (nvcc's default contracts a*b+c into FMA,
# which only ever makes a step more accurate).
FLAGS=(-std=c++17 -O3 -I"$SRC")
"$NVCC" "${FLAGS[@]}" -ptx -arch=compute_80 "$SRC/irg_kernels.cu" -o "$OUT/irg_kernels.ptx"
# One nvcc call makes the fatbin and, with ptxas -v, the resource usage of every kernel per arch.
"$NVCC" "${FLAGS[@]}" -fatbin -Xptxas -v \
  -gencode arch=compute_80,code=sm_80 -gencode arch=compute_90,code=sm_90 \
  -gencode arch=compute_80,code=compute_80 \
  "$SRC/irg_kernels.cu" -o "$OUT/irg_kernels.fatbin" 2> "$OUT/ptxas.log"
{
  echo "# ptxas -v resource usage of irg_kernels.cu (made by kernels-cuda/build-cuda.sh)"
  echo "# kernel arch registers stack_frame_bytes spill_store_bytes spill_load_bytes"
  echo "# (rows with registers '-' are device functions the kernels call; the kernel rows count their registers)"
  awk '
    /Compiling entry function/ { match($0, /\x27[^\x27]*\x27/); k = substr($0, RSTART + 1, RLENGTH - 2);
                                 match($0, /\x27sm_[0-9]+\x27/); a = substr($0, RSTART + 1, RLENGTH - 2); next }
    /Compiling .* for \x27sm_/ { match($0, /\x27sm_[0-9]+\x27/); a = substr($0, RSTART + 1, RLENGTH - 2); }
    /Function properties for / { f = $NF; own = (f == k); next }
    /bytes stack frame/ { if (own) { st = $1; ss = $5; sl = $9; own = 0 }
                          else if (f != "" && a != "") { printf "%s %s - %s %s %s\n", f, a, $1, $5, $9 } f = ""; next }
    /Used [0-9]+ registers/ && k != "" { match($0, /Used [0-9]+ registers/); r = substr($0, RSTART + 5, RLENGTH - 15);
                                 printf "%s %s %s %s %s %s\n", k, a, r, st, ss, sl; k = "" }
  ' "$OUT/ptxas.log" | sort -u
} > "$OUT/ptxas.txt"
rm -f "$OUT/ptxas.log"
grep -o '^\.visible \.entry [A-Za-z0-9_]*' "$OUT/irg_kernels.ptx" | awk '{print $3}' | sort > "$OUT/kernels.txt"
{
  echo "nvcc: $("$NVCC" --version | grep -o 'release [0-9.]*, V[0-9.]*')"
  (cd "$SRC" && LC_ALL=C ls | LC_ALL=C sort | while read -r f; do sha256sum "$f"; done)
  sha256sum < "$0" | sed 's/-$/build-cuda.sh/'
} > "$OUT/build.stamp"
echo "build-cuda.sh: wrote $(cd "$OUT" && ls | tr '\n' ' ')into $OUT"
