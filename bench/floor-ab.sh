#!/bin/bash
# Two native builds' audit ÷ parse floor on the same HAR, interleaved: ROUNDS rounds, each running
# `pc_bench_floor HAR --reps 5` of build A then of build B (each run's ratio is of its own floor and
# audit, so the machine's speed drifting between runs cancels out). Prints, per build, the median
# over the rounds of both of pc_bench_floor's ratios (ratio of medians, median of ratios).
#   bench/floor-ab.sh A_BIN B_BIN [HAR] [ROUNDS]
#   e.g. bench/floor-ab.sh /tmp/pc_bench_floor.old build/bench/bench/pc_bench_floor out/bench/corpus-100.har 8
# (A build of another commit: copy its build/bench/bench/pc_bench_floor away before rebuilding.)
set -euo pipefail
a=$1
b=$2
har=${3:-out/bench/corpus-100.har}
rounds=${4:-8}
runs=$(mktemp)
trap 'rm -f "$runs"' EXIT
for _ in $(seq "$rounds"); do
  for bin in "$a" "$b"; do
    printf '%s\t%s\n' "$bin" "$("$bin" "$har" --reps 5)" >> "$runs"
  done
done
PC_BENCH_DIR="$(cd "$(dirname "$0")" && pwd)" node --input-type=module - "$runs" <<'EOF'
import fs from 'node:fs';
const { median } = await import(`${process.env.PC_BENCH_DIR}/median.mjs`);
const by = new Map();
for (const line of fs.readFileSync(process.argv[2], 'utf8').trim().split('\n')) {
  const [bin, json] = line.split('\t');
  const r = JSON.parse(json);
  if (!by.has(bin)) by.set(bin, []);
  by.get(bin).push(r);
}
for (const [bin, rs] of by) {
  console.log(`${bin}: ${rs.length} runs, audit ÷ floor ${median(rs.map((r) => r.ratioOfMedians)).toFixed(3)} (ratio of medians) / ` +
    `${median(rs.map((r) => r.medianOfRatios)).toFixed(3)} (median of ratios); floor ${median(rs.map((r) => r.floorMs)).toFixed(1)} ms, audit ${median(rs.map((r) => r.auditMs)).toFixed(1)} ms`);
}
EOF
