#!/usr/bin/env bash
# A real-application check of `--format xlsx` (not part of cargo test): opens
# the workbook of the shipped fixtures in LibreOffice headless, converts every
# sheet back to CSV and compares the three level sheets with whosaid's own
# CSV of the same run; with --png FILE it also prints the workbook to PDF and
# renders the top of its first page as a PNG.
# Needs Debian's `libreoffice-calc-nogui` and, for --png, `poppler-utils`.
#
#   scripts/xlsx_libreoffice.sh [--png docs/xlsx.png] [INPUT]
set -euo pipefail
cd "$(dirname "$0")/.."
png=
if [ "${1:-}" = --png ]; then png=$2; shift 2; fi
input=${1:-fixtures/reports}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# WHOSAID=target/debug/whosaid skips the release build
bin=${WHOSAID:-target/release/whosaid}
[ -n "${WHOSAID:-}" ] || cargo build --quiet --release
"$bin" --format xlsx --output "$tmp/run.xlsx" "$input"
for level in sentences speakers topics; do
    "$bin" --format csv --no-sanitize --level "$level" "$input" > "$tmp/whosaid-$level.csv"
done
# CSV filter options: comma, double quote, UTF-8, from line 1, (default cell formats),
# (default language), quoted fields as text, detect special numbers, save raw values
# (not as shown), no formulas, keep spaces, every sheet to its own file (-1)
soffice --headless -env:UserInstallation="file://$tmp/profile" \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
    --outdir "$tmp" "$tmp/run.xlsx" > /dev/null 2>&1
python3 - "$tmp" <<'PY'
import csv, sys
tmp = sys.argv[1]
def rows(path):
    with open(path, newline='', encoding='utf-8-sig') as f:
        return list(csv.reader(f))
def number(s):
    # LibreOffice keeps the percentage format even for raw values: 41.55%
    return float(s[:-1]) / 100 if s.endswith("%") else float(s)
def same(a, b):
    if a == b:
        return True
    try:
        return abs(number(a) - number(b)) < 5e-5
    except ValueError:
        return False
bad = 0
for sheet, level in [("Sentences", "sentences"), ("Speakers", "speakers"), ("Topics", "topics")]:
    lo, ws = rows(f"{tmp}/run-{sheet}.csv"), rows(f"{tmp}/whosaid-{level}.csv")
    width = len(ws[0])
    lo = [r + [""] * (width - len(r)) for r in lo]
    diff = [(i, c) for i, (a, b) in enumerate(zip(lo, ws)) for c in range(width) if not same(a[c], b[c])]
    status = "same" if len(lo) == len(ws) and not diff else f"DIFFERENT ({len(lo)} vs {len(ws)} rows, {len(diff)} cells, first {diff[:3]})"
    bad += status != "same"
    print(f"{sheet}: {len(lo) - 1} rows × {width} columns, LibreOffice vs whosaid CSV: {status}")
matrix = rows(f"{tmp}/run-Speaker × topic.csv")
print(f"Speaker × topic: {len(matrix) - 1} speakers × {len(matrix[0]) - 2} topics")
sys.exit(1 if bad else 0)
PY
if [ -n "$png" ]; then
    soffice --headless -env:UserInstallation="file://$tmp/profile" --convert-to pdf --outdir "$tmp" "$tmp/run.xlsx" > /dev/null 2>&1
    # the top of the first page (the Sentences sheet) at 170 dpi; the crop fits
    # a report of about 16 sentences, such as the default for the README
    pdftoppm -png -r 170 -f 1 -l 1 -x 90 -y 95 -W 1700 -H 380 -singlefile "$tmp/run.pdf" "$tmp/page"
    mkdir -p "$(dirname "$png")"
    cp "$tmp/page.png" "$png"
    echo "$png: $(wc -c < "$png") bytes"
fi
