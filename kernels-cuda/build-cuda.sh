#!/usr/bin/env bash
# Regenerates every committed CUDA artifact of the project, one "unit" (a .cu file and its headers) at
# a time:
#   irg_kernels  kernels-cuda/src/main/cuda/irg_kernels.cu -> kernels-cuda/src/main/resources/dev/irg/cuda/
#   irg_pmf      examples/src/main/cuda/irg_pmf.cu         -> examples/src/main/resources/dev/irg/examples/cuda/
#                (the poisson-mf example's kernels; it includes kernels-cuda's headers)
# Into each unit's resource folder:
#   <unit>.ptx     PTX (compute_80), JIT-compiled by any newer GPU
#   <unit>.fatbin  SASS for sm_80 and sm_90 + the compute_80 PTX
#   kernels.txt    the kernel names
#   ptxas.txt      ptxas -v resource usage per kernel and arch
#   build.stamp    sha256 of the inputs (the unit's sources, the headers it may include, this script) + nvcc version
# and, unless --no-java, kernels-cuda/src/main/cuda/irg_constants.cuh from the Java dev.irg.math.*Constants classes.
# Usage: kernels-cuda/build-cuda.sh [--no-java] [--unit NAME] [--out DIR]
#   --no-java  do not recompile the Java classes / regenerate the header (used by the staleness tests)
#   --unit N   build only unit N (default: every unit)
#   --out DIR  write the nvcc artifacts into DIR instead of the unit's resources folder (needs --unit)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
JAVA=1
ONLY=""
OUTDIR=""
while [ $# -gt 0 ]; do
  case "$1" in
    --no-java) JAVA=0; shift ;;
    --unit) ONLY="$2"; shift 2 ;;
    --out) OUTDIR="$2"; shift 2 ;;
    *) echo "build-cuda.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -z "$OUTDIR" ] || [ -n "$ONLY" ] || { echo "build-cuda.sh: --out needs --unit" >&2; exit 2; }
NVCC="${NVCC:-$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)}"
[ -x "$NVCC" ] || { echo "build-cuda.sh: nvcc not found (set NVCC or put CUDA's bin on PATH)" >&2; exit 1; }

# unit name, source folder, resource folder, include folder ("-": none), all relative to the root
UNITS=(
  "irg_kernels kernels-cuda/src/main/cuda kernels-cuda/src/main/resources/dev/irg/cuda -"
  "irg_pmf examples/src/main/cuda examples/src/main/resources/dev/irg/examples/cuda kernels-cuda/src/main/cuda"
)

if [ "$JAVA" = 1 ]; then
  # shellcheck source=/dev/null
  source "$ROOT/scripts/jdk.sh"
  (cd "$ROOT" && mvn -B -q -o -pl kernels-cuda -am compile)
  java -cp "$ROOT/java-api/target/classes:$HERE/target/classes" dev.irg.cuda.gen.ConstantsHeader "$HERE/src/main/cuda/irg_constants.cuh"
fi

build_unit() {
  local NAME="$1" SRC="$ROOT/$2" OUT="$ROOT/$3" INC="$4"
  [ -n "$OUTDIR" ] && OUT="$OUTDIR"
  mkdir -p "$OUT"
  # Flags shared by every nvcc call. -std=c++17 for hexadecimal float literals; no fast-math flags:
  # the kernels must agree with the float64 reference (nvcc's default contracts a*b+c into FMA,
  # which only ever makes a step more accurate).
  local FLAGS=(-std=c++17 -O3 -I"$SRC")
  [ "$INC" = - ] || FLAGS+=(-I"$ROOT/$INC")
  "$NVCC" "${FLAGS[@]}" -ptx -arch=compute_80 "$SRC/$NAME.cu" -o "$OUT/$NAME.ptx"
  # One nvcc call makes the fatbin and, with ptxas -v, the resource usage of every kernel per arch.
  "$NVCC" "${FLAGS[@]}" -fatbin -Xptxas -v \
    -gencode arch=compute_80,code=sm_80 -gencode arch=compute_90,code=sm_90 \
    -gencode arch=compute_80,code=compute_80 \
    "$SRC/$NAME.cu" -o "$OUT/$NAME.fatbin" 2> "$OUT/ptxas.log"
  {
    echo "# ptxas -v resource usage of $NAME.cu (made by kernels-cuda/build-cuda.sh)"
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
  grep -o '^\.visible \.entry [A-Za-z0-9_]*' "$OUT/$NAME.ptx" | awk '{print $3}' | sort > "$OUT/kernels.txt"
  {
    echo "nvcc: $("$NVCC" --version | grep -o 'release [0-9.]*, V[0-9.]*')"
    (cd "$SRC" && LC_ALL=C ls | LC_ALL=C sort | while read -r f; do sha256sum "$f"; done)
    if [ "$INC" != - ]; then
      # the headers of the include folder, named relative to the unit's source folder
      local REL
      REL=$(realpath --relative-to="$SRC" "$ROOT/$INC")
      (cd "$ROOT/$INC" && LC_ALL=C ls | LC_ALL=C sort | while read -r f; do sha256sum "$f" | sed "s|  |  $REL/|"; done)
    fi
    sha256sum < "$0" | sed 's/-$/build-cuda.sh/'
  } > "$OUT/build.stamp"
  echo "build-cuda.sh: wrote $(cd "$OUT" && ls | tr '\n' ' ')into $OUT"
}

found=0
for u in "${UNITS[@]}"; do
  # shellcheck disable=SC2086
  set -- $u
  if [ -z "$ONLY" ] || [ "$ONLY" = "$1" ]; then
    build_unit "$1" "$2" "$3" "$4"
    found=1
  fi
done
[ "$found" = 1 ] || { echo "build-cuda.sh: unknown unit $ONLY" >&2; exit 2; }
