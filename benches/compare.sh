#!/usr/bin/env bash
# End-to-end throughput and memory of the release binary on generated corpora:
# one large report-like text (1 thread), and a folder of separate reports on
# 1 and 2 threads. Prints MB/s and max RSS (from /usr/bin/time -v).
#
#   benches/compare.sh [SIZE_MB] [REPORTS]      defaults: 50 MB, 10000 reports
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-50}
reports=${2:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release -q --bin whosaid --example gen_corpus
bin=target/release/whosaid
gen=target/release/examples/gen_corpus
"$gen" $((size_mb * 1000000)) > "$work/big.txt"
"$gen" --reports "$reports" "$work/reports"
folder_bytes=$(du -sb "$work/reports" | cut -f1)
big_bytes=$(stat -c %s "$work/big.txt")

measure() { # label bytes command...
  local label=$1 bytes=$2; shift 2
  /usr/bin/time -v "$@" > /dev/null 2> "$work/time.txt"
  local secs rss
  secs=$(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep 'Maximum resident set size' "$work/time.txt" | awk '{print $NF}')
  awk -v l="$label" -v b="$bytes" -v s="$secs" -v r="$rss" \
    'BEGIN { printf "%-44s %8.1f MB in %6.2f s  %7.1f MB/s  max RSS %6.1f MB\n", l, b/1e6, s, (s>0? b/1e6/s : 0), r/1024 }'
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%d)"
measure "one large text, jsonl, 1 thread"        "$big_bytes"    "$bin" --format jsonl -j 1 "$work/big.txt"
measure "one large text, csv, 1 thread"          "$big_bytes"    "$bin" --format csv -j 1 "$work/big.txt"
measure "$reports reports, jsonl, 1 thread"      "$folder_bytes" "$bin" --format jsonl -j 1 "$work/reports"
measure "$reports reports, jsonl, 2 threads"     "$folder_bytes" "$bin" --format jsonl -j 2 "$work/reports"
# linearity: MB/s at 1, 10 and 100 MB of the same kind of text
for mb in 1 10 100; do
  "$gen" $((mb * 1000000)) > "$work/lin.txt"
  measure "linearity: $mb MB, jsonl, 1 thread" "$(stat -c %s "$work/lin.txt")" "$bin" --format jsonl -j 1 "$work/lin.txt"
done
rm -f "$work/lin.txt"
head -c 5000 "$work/big.txt" > "$work/small.txt"
runs=200
start=$(date +%s%N)
for _ in $(seq $runs); do "$bin" < "$work/small.txt" > /dev/null; done
end=$(date +%s%N)
awk -v ns=$((end - start)) -v n=$runs 'BEGIN { printf "%-44s %8.2f ms wall per run (mean of %d)\n", "5 KB report from stdin (start-up + run)", ns/n/1e6, n }'
