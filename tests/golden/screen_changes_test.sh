#!/usr/bin/env bash
# screen_changes_test.sh PLACARD IMAGE_DIFF DEMO
# The attract loop moves: screenshots at 1 s and 21 s differ. --rotate turns the picture for a
# panel mounted sideways: a 1920x1080 panel at --rotate 90 shows the portrait screen (1080x1920)
# turned a quarter clockwise. An idle visitor's screen returns to the attract loop. 4K and 720p
# panels get screens of their sizes.
set -euo pipefail
placard=$1 diff=$2 demo=$3
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
unset DISPLAY
shot() { "$placard" --content "$demo" --quiet --screenshot "$@"; }
shot "$out/1s.png" --size 1920x1080 --at 1
shot "$out/21s.png" --size 1920x1080 --at 21
if "$diff" "$out/1s.png" "$out/21s.png" >/dev/null; then
  echo "the screen at 21 s is the same as at 1 s" >&2
  exit 1
fi
echo "1 s and 21 s differ"
shot "$out/portrait.png" --size 1080x1920 --at 3
shot "$out/rotated.png" --size 1920x1080 --at 3 --rotate 90
convert "$out/rotated.png" -rotate -90 "$out/unrotated.png"
"$diff" "$out/portrait.png" "$out/unrotated.png" --tolerance 0 --max-fraction 0
echo "--rotate 90 shows the portrait screen turned"
# A visitor opens an article and walks away: 60 s later the screen is the attract loop again,
# exactly as if nobody had touched it.
scripts=$(dirname "$0")/scripts
shot "$out/idle.png" --size 1920x1080 --at 65 --input "$scripts/idle-returns-home.txt"
shot "$out/untouched.png" --size 1920x1080 --at 65
"$diff" "$out/untouched.png" "$out/idle.png" --tolerance 0 --max-fraction 0
echo "idle returns to the attract loop"
shot "$out/4k.png" --size 3840x2160 --at 3
shot "$out/hd.png" --size 1280x720 --at 3
# Every panel size gets a screen of its own size (the 720p screen's pixels are checked by its
# golden, golden.home_1280x720_at_3s; the 4K one is read back by OCR).
[ "$(identify -format %wx%h "$out/4k.png")" = 3840x2160 ] || { echo "the 4K shot is not 3840x2160" >&2; exit 1; }
[ "$(identify -format %wx%h "$out/hd.png")" = 1280x720 ] || { echo "the 720p shot is not 1280x720" >&2; exit 1; }
echo "4K and 720p shots come out at their sizes"
