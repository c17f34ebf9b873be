#!/usr/bin/env bash
# Byte-identical output of two whosaid binaries over every format and level:
#
#   scripts/identical.sh OLD_BIN NEW_BIN [INPUT...]
#
# Inputs default to the fixtures, the seed, the development set and a 5 MB
# generated corpus (target/release/examples/gen_corpus, or CORPUS=FILE for
# another one). JSON, JSONL and CSV are compared at every level (plus pretty
# JSON and CSV without sanitising); HTML byte for byte; xlsx by the XML of
# its sheets and shared strings (the zip's timestamps differ from run to run).
# Prints one line per difference and exits 1 if there is any.
set -uo pipefail
cd "$(dirname "$0")/.."
old=$1 new=$2
shift 2
for b in "$old" "$new"; do
  [ -x "$b" ] || { echo "no such binary: $b" >&2; exit 2; }
done
inputs=("$@")
if [ ${#inputs[@]} -eq 0 ]; then
  inputs=(fixtures/reports ../shared/examples/seed.txt ../shared/eval/dev/reports)
  corpus=${CORPUS:-}
  if [ -z "$corpus" ]; then
    corpus=$(mktemp --suffix=.txt)
    trap 'rm -f "$corpus"' EXIT
    gen=target/release/examples/gen_corpus
    [ -x "$gen" ] || cargo build --release -q --example gen_corpus
    "$gen" 5000000 > "$corpus"
  fi
  inputs+=("$corpus")
fi
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${corpus:-}" ] && [ -z "${CORPUS:-}" ] && rm -f "$corpus"' EXIT
variants=(
  "--format json --level report"
  "--format json --level report --pretty"
  "--format json --level sentences"
  "--format json --level speakers"
  "--format json --level topics"
  "--format jsonl --level sentences"
  "--format jsonl --level speakers"
  "--format jsonl --level topics"
  "--format csv --level sentences"
  "--format csv --level speakers"
  "--format csv --level topics"
  "--format csv --level sentences --no-sanitize --bom"
  "--format html"
  "--format xlsx"
)
diffs=0 checks=0
for input in "${inputs[@]}"; do
  for v in "${variants[@]}"; do
    # shellcheck disable=SC2086
    "$old" $v -o "$work/old" "$input" 2> "$work/old.err"; ro=$?
    # shellcheck disable=SC2086
    "$new" $v -o "$work/new" "$input" 2> "$work/new.err"; rn=$?
    checks=$((checks + 1))
    if [[ $v == *xlsx* ]]; then
      for f in old new; do
        mkdir -p "$work/$f.x" && (cd "$work/$f.x" && rm -rf ./* && unzip -q "../$f")
        find "$work/$f.x/xl" -name '*.xml' ! -name 'styles.xml' | sort | xargs cat > "$work/$f"
      done
    fi
    if [ $ro -ne $rn ] || ! cmp -s "$work/old" "$work/new"; then
      echo "DIFFERENT: $input $v (exit $ro vs $rn): $(cmp "$work/old" "$work/new" 2>&1 | head -1)"
      diffs=$((diffs + 1))
    fi
  done
done
echo "$checks comparisons over ${#inputs[@]} inputs, $diffs different"
[ $diffs -eq 0 ]
