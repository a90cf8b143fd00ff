#!/bin/bash
# Runs every input file through irg eval --quantity all for scalar/simd x f64/f32.
cd "${WORK:-$(dirname "$0")}"; R=$(cd /tmp/probe13 && pwd); P=$(pwd)
mkdir -p out
for d in gamma beta vonmises; do for p in f64 f32; do for b in scalar simd; do
  ( cd $R && timeout 300 ./irg eval --dist $d --quantity all --precision $p --backend $b --in $P/in/$d.csv --out $P/out/${d}_${p}_${b}.csv ) 2> out/${d}_${p}_${b}.err
  echo "$d $p $b rc=$? $(cat out/${d}_${p}_${b}.err)"
done; done; done
