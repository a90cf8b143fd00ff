#!/usr/bin/env bash
# Sourced by ./irg and ./test: finds a JDK >= 25 and exports JAVA_HOME, or stops with one line.
# Order: $IRG_JAVA_HOME, $JAVA_HOME, /usr/lib/jvm/*, the java on PATH.
irg_jdk_major() { # prints the major version of the JDK at $1, or nothing
  [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n1
}
irg_find_jdk() {
  local c v
  for c in "${IRG_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/* \
           "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$c" ] && [ -d "$c" ] || continue
    v=$(irg_jdk_major "$c")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then echo "$c"; return 0; fi
  done
  return 1
}
if ! IRG_JDK=$(irg_find_jdk); then
  echo "irg: no JDK 25 or newer found (looked at \$IRG_JAVA_HOME, \$JAVA_HOME, /usr/lib/jvm/*, PATH); install one, e.g. Temurin 25, or set IRG_JAVA_HOME" >&2
  exit 1
fi
export JAVA_HOME="$IRG_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8 (guice/guava) warns on JDK 24+ about sun.misc.Unsafe; silence that noise only.
case " ${MAVEN_OPTS:-} " in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
if ! command -v mvn >/dev/null 2>&1; then
  echo "irg: Apache Maven (mvn) not found on PATH; install it (Debian: apt-get install maven)" >&2
  exit 1
fi
