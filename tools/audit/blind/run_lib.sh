#!/bin/bash
# Runs irg eval (clone at /tmp/audit) on input files: backends scalar/simd, precisions f64/f32.
# usage: run_lib.sh [tag ...]   (tag = gamma, beta, vonmises, gamma_s, ...; default the first three)
cd /tmp/audit
export IRG_JAVA_OPTS="-Dirg.threads=1"
tags="${@:-gamma beta vonmises}"
for t in $tags; do d=${t%%_*}; for b in scalar simd; do for p in f64 f32; do
  ./irg eval --dist $d --backend $b --precision $p --quantity all \
     --in /tmp/audit-work/in_$t.csv --out /tmp/audit-work/out_${t}_${b}_${p}.csv 2> /tmp/audit-work/err_${t}_${b}_${p}.txt
  echo "$t $b $p rc=$? $(cat /tmp/audit-work/err_${t}_${b}_${p}.txt | tr '\n' ' ')"
done; done; done
