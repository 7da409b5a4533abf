#!/usr/bin/env bash
# Renders an HTML report to PNG with headless Chromium, at 1280 px and 400 px wide, so a
# person can look at what a leader will see on a laptop and on a phone.
#
#   scripts/render-html.sh REPORT.html [OUT_PREFIX] [HEIGHT]
#
# Writes OUT_PREFIX-1280.png and OUT_PREFIX-400.png (OUT_PREFIX defaults to the report's path
# without .html). Chromium cannot size a screenshot to the page, so it renders a tall window
# (HEIGHT, default 6000 px) and, when ImageMagick's `convert` is installed, trims the blank
# space below the page. Needs Debian's `chromium` (apt-get install -y chromium).
set -euo pipefail

if [[ $# -lt 1 || ! -f "$1" ]]; then
  echo "usage: $0 REPORT.html [OUT_PREFIX] [HEIGHT]" >&2
  exit 64
fi
report=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
prefix=${2:-${1%.html}}
height=${3:-6000}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [[ -z "$browser" ]]; then
  echo "error: no chromium found; install it with 'apt-get install -y chromium'" >&2
  exit 1
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for width in 1280 400; do
  out="$prefix-$width.png"
  "$browser" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
    --no-first-run --disable-extensions --force-device-scale-factor=1 \
    --window-size="$width,$height" --screenshot="$out" "file://$report" >/dev/null 2>&1
  if convert -version 2>/dev/null | grep -q ImageMagick; then
    # Keep the page down to its last non-white row, plus a margin.
    box=$(convert "$out" -fuzz 1% -format '%@' info:)   # WxH+X+Y of the content
    bottom=$(( $(echo "$box" | sed -E 's/^[0-9]+x([0-9]+)\+[0-9]+\+([0-9]+)$/\1 + \2/') + 24 ))
    convert "$out" -crop "${width}x${bottom}+0+0" +repage "$out"
  fi
  echo "$out"
done
