#!/usr/bin/env bash
# Builds cli/target/gpu/: the irg CLI with a jlink runtime, for a GPU host that has only the NVIDIA
# driver (no JDK, no Maven). On the GPU host: cli/target/gpu/irg <command> (same commands as ./irg).
# Usage: ./irg info >/dev/null (builds the jars), then cli/scripts/gpu-bundle.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
source scripts/jdk.sh
B="$ROOT/cli/target/gpu"
rm -rf "$B"
mkdir -p "$B/lib"
cp cli/target/irg-cli-*.jar cli/target/lib/*.jar "$B/lib/"
rm -f "$B"/lib/*-tests.jar
# JCuda's natives jar carries four libraries; the driver API needs only libJCudaDriver.
NAT=$(ls "$B"/lib/jcuda-natives-*.jar)
TMP=$(mktemp -d)
(cd "$TMP" && jar --extract --file "$NAT" && find lib -type f ! -name 'libJCudaDriver-*' -delete && jar --create --file "$NAT" -C "$TMP" .)
rm -rf "$TMP"
# no java.desktop (it alone doubles the runtime): irg report then writes no PNG plots and says so
"$JAVA_HOME/bin/jlink" --add-modules java.base,java.logging,java.management,jdk.unsupported,jdk.zipfs,jdk.incubator.vector \
    --compress=zip-9 --strip-debug --no-header-files --no-man-pages --output "$B/runtime"
cat > "$B/irg" <<'RUN'
#!/bin/sh
HERE=$(cd "$(dirname "$0")" && pwd)
exec "$HERE/runtime/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xss4m \
  -Djava.awt.headless=true -Dirg.root="${IRG_ROOT:-$PWD}" -cp "$HERE/lib/*" dev.irg.cli.Main "$@"
RUN
chmod +x "$B/irg"
echo "cli gpu bundle: $B is $(du -sm "$B" | cut -f1) MiB"
