#!/usr/bin/env bash
# Sourced by jmh/run-full.sh and jmh/run-sizes.sh: the commit and machine lines of a results file's header.
provenance_lines() {
  echo "- commit: $(git describe --always --dirty), $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "- machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') (CPU family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | tr -d ' ')), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
}
