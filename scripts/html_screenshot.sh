#!/usr/bin/env bash
# Renders `--format html` of a shipped fixture in headless Chromium, so a
# person can look at the page as a reader would (not part of cargo test).
# Needs Debian's `chromium` (apt-get install chromium).
#
#   scripts/html_screenshot.sh [REPORT] [PNG]
set -euo pipefail
cd "$(dirname "$0")/.."
report=${1:-fixtures/reports/16_youth_workshop.txt}
png=${2:-docs/html.png}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# WHOSAID=target/debug/whosaid skips the release build
bin=${WHOSAID:-target/release/whosaid}
[ -n "${WHOSAID:-}" ] || cargo build --quiet --release
"$bin" --format html "$report" > "$tmp/page.html"
# --no-sandbox: CI and these machines run as root, where Chromium's sandbox refuses to start
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size=1400,1000 --screenshot="$tmp/page.png" "file://$tmp/page.html" 2>/dev/null
mkdir -p "$(dirname "$png")"
cp "$tmp/page.png" "$png"
echo "$png: $(wc -c < "$png") bytes"
