#!/usr/bin/env bash
# ocr_home_test.sh PLACARD CONTENT [SIZE [INPUT_SCRIPT EXPECTED...]]
# Renders the screen headless at t = 3 s (no DISPLAY), after the input script if one is given,
# reads it back with tesseract (chi_sim) and checks that the expected texts are there: by
# default the site name and the article title.
set -euo pipefail
placard=$1 content=$2 size=${3:-1920x1080} script=${4:-}
shift $(( $# < 4 ? $# : 4 ))
expected=("$@")
[ ${#expected[@]} -gt 0 ] || expected=(中共通渭县委组织部 持之以恒建强机关党支部)
command -v tesseract >/dev/null || { echo "tesseract is not installed (tools/test installs it)" >&2; exit 1; }
tesseract --list-langs 2>/dev/null | grep -qx chi_sim || { echo "tesseract has no chi_sim (apt-get install tesseract-ocr-chi-sim)" >&2; exit 1; }
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
( unset DISPLAY; "$placard" --content "$content" --size "$size" --at 3 --screenshot "$out/home.png" --quiet \
  ${script:+--input "$script"} )
# Tesseract reads this screen best at about 3000-3800 px wide: 1080p enlarged 2×, 4K taken
# at 3/4 (at full size it misreads the bold title's 支 as 文).
width=${size%x*}
scale=$(( width >= 3000 ? 75 : 200 ))
convert "$out/home.png" -resize "$scale%" "$out/big.png"
OMP_THREAD_LIMIT=1 tesseract "$out/big.png" "$out/text" -l chi_sim --psm 3 >/dev/null 2>&1
# Tesseract puts spaces between Han characters; compare without whitespace.
read_back=$(tr -d ' \t\n' <"$out/text.txt")
status=0
for text in "${expected[@]}"; do
  if [[ "$read_back" == *"$text"* ]]; then
    echo "found: $text"
  else
    echo "NOT FOUND by OCR: $text" >&2
    status=1
  fi
done
[ $status -eq 0 ] || { echo "OCR read: $read_back" >&2; }
exit $status
