#!/usr/bin/env bash
# End-to-end throughput and memory of the release binary on generated corpora:
# one large report-like text (1 thread), a folder of separate reports on 1 and
# 2 threads, linearity over input sizes, and start-up on a 5 KB report.
# Prints MB/s (median wall time of RUNS runs) and max RSS (/usr/bin/time).
#
#   benches/compare.sh [SIZE_MB] [REPORTS] [LINEARITY_MB...]
#   defaults: 50 MB, 10000 reports, linearity at 1 10 100 MB
#   e.g. benches/compare.sh 50 10000 1 10 100 1000     (adds 1 GB; needs ~3 GB RAM, ~2 GB disk)
#   RUNS=5 benches/compare.sh                          (more runs per figure; default 3)
#   BASE=/tmp/whosaid-old benches/compare.sh           (also times another build, alternately)
#
# The first block times, round by round on the same large text, the baseline
# build (BASE, if given), this build (jsonl and csv) and sentencex segmenting
# the same file (examples/sentencex_file.rs, also a whole process), so that
# machine noise hits them alike; the ratios come from the medians.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-50}
reports=${2:-10000}
shift $(($# < 2 ? $# : 2))
linear=("$@")
[ ${#linear[@]} -gt 0 ] || linear=(1 10 100)
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release -q --bin whosaid --example gen_corpus --example sentencex_file
bin=target/release/whosaid
gen=target/release/examples/gen_corpus
"$gen" $((size_mb * 1000000)) > "$work/big.txt"
"$gen" --reports "$reports" "$work/reports"
folder_bytes=$(du -sb --apparent-size "$work/reports" | cut -f1)
big_bytes=$(stat -c %s "$work/big.txt")

measure() { # label bytes command...
  local label=$1 bytes=$2; shift 2
  local times=() rss=0 r
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N)
    /usr/bin/time -f %M -o "$work/rss.txt" "$@" > /dev/null
    t1=$(date +%s%N)
    times+=($((t1 - t0)))
    r=$(cat "$work/rss.txt")
    [ "$r" -gt "$rss" ] && rss=$r
  done
  local med
  med=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
  awk -v l="$label" -v b="$bytes" -v ns="$med" -v r="$rss" \
    'BEGIN { s = ns / 1e9; printf "%-42s %9.1f MB in %7.3f s  %7.1f MB/s  max RSS %7.1f MB (%.1fx input)\n", l, b/1e6, s, (s>0? b/1e6/s : 0), r/1024, r*1024/b }'
}

sx=target/release/examples/sentencex_file
median() { sort -n | sed -n "$(((runs + 1) / 2))p"; }
alternate() { # bytes: base / jsonl / csv / sentencex, round by round
  local bytes=$1 k t0 t1
  declare -A ts
  local names=(jsonl csv sentencex)
  [ -n "${BASE:-}" ] && names=(base "${names[@]}")
  for _ in $(seq "$runs"); do
    for k in "${names[@]}"; do
      t0=$(date +%s%N)
      case $k in
        base) "$BASE" --format jsonl -j 1 "$work/big.txt" > /dev/null ;;
        jsonl) "$bin" --format jsonl -j 1 "$work/big.txt" > /dev/null ;;
        csv) "$bin" --format csv -j 1 "$work/big.txt" > /dev/null ;;
        sentencex) "$sx" "$work/big.txt" > /dev/null ;;
      esac
      t1=$(date +%s%N)
      ts[$k]+="$((t1 - t0)) "
    done
  done
  local sxm
  sxm=$(printf '%s\n' ${ts[sentencex]} | median)
  for k in "${names[@]}"; do
    local m
    m=$(printf '%s\n' ${ts[$k]} | median)
    awk -v l="alternating: $k" -v b="$bytes" -v ns="$m" -v sx="$sxm" \
      'BEGIN { s = ns / 1e9; printf "%-42s %9.1f MB in %7.3f s  %7.1f MB/s  (%.2fx sentencex MB/s)\n", l, b/1e6, s, b/1e6/s, sx/ns }'
  done
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%d); median of $runs runs"
alternate "$big_bytes"
measure "one large text, jsonl, 1 thread"     "$big_bytes"    "$bin" --format jsonl -j 1 "$work/big.txt"
measure "one large text, json, 1 thread"      "$big_bytes"    "$bin" --format json -j 1 "$work/big.txt"
measure "one large text, csv, 1 thread"       "$big_bytes"    "$bin" --format csv -j 1 "$work/big.txt"
measure "$reports reports, jsonl, 1 thread"   "$folder_bytes" "$bin" --format jsonl -j 1 "$work/reports"
measure "$reports reports, jsonl, 2 threads"  "$folder_bytes" "$bin" --format jsonl -j 2 "$work/reports"
rm -rf "$work/reports" "$work/big.txt"
# speakers: the same size of text with 50 and with 5000 distinct speakers
for n in 50 5000; do
  "$gen" --speakers $n $((size_mb * 1000000)) > "$work/spk.txt"
  measure "$n distinct speakers, jsonl, 1 thread" "$(stat -c %s "$work/spk.txt")" "$bin" --format jsonl -j 1 "$work/spk.txt"
  rm -f "$work/spk.txt"
done
# linearity: MB/s over sizes of the same kind of text
for mb in "${linear[@]}"; do
  "$gen" $((mb * 1000000)) > "$work/lin.txt"
  measure "linearity: $mb MB, jsonl, 1 thread" "$(stat -c %s "$work/lin.txt")" "$bin" --format jsonl -j 1 "$work/lin.txt"
  rm -f "$work/lin.txt"
done
"$gen" 5000 > "$work/small.txt"
n=200
start=$(date +%s%N)
for _ in $(seq $n); do "$bin" < "$work/small.txt" > /dev/null; done
end=$(date +%s%N)
awk -v ns=$((end - start)) -v n=$n 'BEGIN { printf "%-42s %9.2f ms wall per run (mean of %d)\n", "5 KB report from stdin (start-up + run)", ns/n/1e6, n }'
