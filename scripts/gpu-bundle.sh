#!/usr/bin/env bash
# Builds gpu-bundle/: a self-contained GPU test and benchmark bundle for a GPU host that has only the
# NVIDIA driver (no JDK, no Maven): a jlink runtime (Temurin 25, --compress=zip-9), the jars, and
# run.sh. On the GPU host:  ./run.sh            (results in ./results/, exit 0 when the GPU tests pass)
# Then copy results/results.md into docs/gpu-runs/<date>-<gpu>.md and commit it.
# Usage: scripts/gpu-bundle.sh [--tar]   (--tar also writes gpu-bundle.tar.gz beside it)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
# shellcheck source=/dev/null
source scripts/jdk.sh
B="$ROOT/gpu-bundle"
MAX_MIB=60
rm -rf "$B"
mkdir -p "$B/lib"

echo "gpu-bundle: building jars (mvn package -DskipTests)..."
# jmh (which depends on both backends) brings the JMH suite: run.sh runs its CudaOpBench. The SIMD
# backend rides along, so the benchmarks can find the GPU/CPU crossover.
# examples brings poisson-mf's GPU step (PoissonMfCompare, PoissonMfGpuTest) and JCublas; not its plots
# (XChart and its PDF/SVG libraries stay out, as does java.desktop from the runtime).
MODULES=kernels-cuda,kernels-simd,jmh,examples
# package and copy-dependencies in one reactor run, so irg-api resolves to the freshly built jars
mvn -B -q -o -pl "$MODULES" -am package dependency:copy-dependencies -DskipTests -DincludeScope=test \
    -DoutputDirectory="$B/lib" \
    -DexcludeGroupIds=dev.irg,net.jqwik,org.openjdk.jmh,org.apache.commons,org.knowm.xchart,de.erichseifert.vectorgraphics2d,de.rototor.pdfbox,org.apache.pdfbox,com.madgag,commons-logging
cp java-api/target/irg-api-*.jar kernels-cuda/target/irg-kernels-cuda-*.jar examples/target/irg-examples-*.jar "$B/lib/"
# JMH's classes and the benchmarks (generated classes and META-INF/BenchmarkList) out of the shaded
# jar, without its copies of irg and JCuda: 3 MiB instead of 14
TMP=$(mktemp -d)
(cd "$TMP" && jar --extract --file "$ROOT/jmh/target/benchmarks.jar" \
  && jar --create --file "$B/lib/irg-jmh-benchmarks.jar" META-INF/BenchmarkList META-INF/CompilerHints \
       org/openjdk/jmh joptsimple org/apache/commons/math3 dev/irg/jmh)
rm -rf "$TMP"
[ -d kernels-simd/target ] && cp kernels-simd/target/irg-kernels-simd-*.jar "$B/lib/" 2>/dev/null || true
rm -f "$B"/lib/*-sources.jar
rm -f "$B"/lib/irg-kernels-cuda-*-tests.jar "$B"/lib/irg-examples-*-tests.jar
jar --create --file "$B/lib/irg-kernels-cuda-tests.jar" -C kernels-cuda/target/test-classes .
jar --create --file "$B/lib/irg-examples-tests.jar" -C examples/target/test-classes .

# JCuda's natives jar carries four libraries; the driver API needs only libJCudaDriver.
NAT=$(ls "$B"/lib/jcuda-natives-*.jar)
TMP=$(mktemp -d)
(cd "$TMP" && jar --extract --file "$NAT" && find lib -type f ! -name 'libJCudaDriver-*' -delete && jar --create --file "$NAT" -C "$TMP" .)
rm -rf "$TMP"
# JCublas's natives jar: only libJCublas2 (the cuBLAS v2 API that CudaMfDevice calls).
NAT=$(ls "$B"/lib/jcublas-natives-*.jar)
TMP=$(mktemp -d)
(cd "$TMP" && jar --extract --file "$NAT" && find lib -type f ! -name 'libJCublas2-*' -delete && jar --create --file "$NAT" -C "$TMP" .)
rm -rf "$TMP"

echo "gpu-bundle: jlink runtime..."
MODS=java.base,java.logging,java.management,jdk.unsupported,jdk.incubator.vector
"$JAVA_HOME/bin/jlink" --add-modules "$MODS" --compress=zip-9 --strip-debug --no-header-files --no-man-pages \
    --output "$B/runtime"

cp scripts/gpu-torch-bench.py jmh/summarize.py "$B/"
echo "$(git describe --always --dirty) built $(date -u +%Y-%m-%dT%H:%MZ) on $(hostname)" > "$B/BUILD"
cat > "$B/run.sh" <<'RUN'
#!/bin/sh
# irg GPU bundle: runs the GPU tests and benchmarks with the bundled Java runtime, then the PyTorch
# side-by-side timing when python3 has torch with CUDA. Results: $OUT (default ./results).
# Extra arguments go to GpuRun: --n LOG2_N (benchmark size, default 24), --skip-tests, --skip-bench.
# Then poisson-mf's training step on the GPU and on the CPU (PoissonMfCompare: step times and the
# CPU-vs-GPU curve difference, large size, IRG_PMF_STEPS steps, default 300) into poisson-mf-gpu.md
# (appended to results.md) and poisson-mf-curves.csv: IRG_PMF=0 skips it.
# Then the JMH CudaOpBench (every op x precision, host arrays and device-resident, n = 2^24; 48
# forks, an estimated 5 minutes) into jmh-cuda.json/.md: IRG_JMH=0 skips it, IRG_JMH_ARGS replaces its JMH options.
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-$HERE/results}
mkdir -p "$OUT"
IRG_BUNDLE_BUILD=$(cat "$HERE/BUILD") "$HERE/runtime/bin/java" --enable-native-access=ALL-UNNAMED \
  --add-modules jdk.incubator.vector -Xss4m -cp "$HERE/lib/*" dev.irg.cuda.GpuRun --out "$OUT" "$@"
rc=$?
if [ "${IRG_PMF:-1}" != 0 ]; then
  "$HERE/runtime/bin/java" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -cp "$HERE/lib/*" \
    dev.irg.examples.PoissonMfCompare --size large --steps "${IRG_PMF_STEPS:-300}" --out "$OUT" 2> "$OUT/poisson-mf-gpu.log"
  pmf=$?
  echo "irg GPU bundle: poisson-mf GPU vs CPU exit $pmf (0 same curve, 1 curves differ, 3 no GPU step)"
  [ -s "$OUT/poisson-mf-gpu.md" ] && { echo; cat "$OUT/poisson-mf-gpu.md"; } >> "$OUT/results.md"
  [ "$pmf" = 1 ] && rc=1
fi
if [ "${IRG_JMH:-1}" != 0 ]; then
  # shellcheck disable=SC2086
  "$HERE/runtime/bin/java" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -cp "$HERE/lib/*" \
    dev.irg.jmh.FullSuite --json "$OUT/jmh-cuda.json" ${IRG_JMH_ARGS:--f 1 -wi 2 -i 3 -w 500ms -r 500ms -p n=16777216 CudaOpBench} \
    > "$OUT/jmh-cuda.log" 2>&1 || echo "irg GPU bundle: JMH failed, see $OUT/jmh-cuda.log"
  grep '^FullSuite' "$OUT/jmh-cuda.log"
  if command -v python3 >/dev/null 2>&1 && [ -s "$OUT/jmh-cuda.json" ]; then python3 "$HERE/summarize.py" "$OUT/jmh-cuda.json" > "$OUT/jmh-cuda.md"; fi
fi
if command -v python3 >/dev/null 2>&1; then python3 "$HERE/gpu-torch-bench.py" "$OUT" || true; fi
echo "irg GPU bundle: exit $rc; commit $OUT/results.md as docs/gpu-runs/<date>-<gpu>.md"
exit $rc
RUN
chmod +x "$B/run.sh"
SIZE=$(du -sm "$B" | cut -f1)
echo "gpu-bundle: $B is ${SIZE} MiB"
if [ "$SIZE" -ge "$MAX_MIB" ]; then echo "gpu-bundle: over the ${MAX_MIB} MiB limit" >&2; exit 1; fi
if [ "${1:-}" = "--tar" ]; then tar -C "$ROOT" -czf "$ROOT/gpu-bundle.tar.gz" gpu-bundle && ls -la "$ROOT/gpu-bundle.tar.gz"; fi
