#!/usr/bin/env bash
# one_glyph_test.sh PLACARD IMAGE_DIFF REF_DIR DEMO
# The golden comparison must see typography (issue 13): the reference home screen at 3 s, shot
# again with one glyph changed, must not match it. Three damages, each a few hundred pixels of
# a 2-megapixel screen: one body character of the excerpt (牢 → 固), the clock one minute on
# (09:00 → 09:01, a digit), and the excerpt's closing "……" erased from a copy of the reference
# (painted over in the paper colour beside it). And the undamaged shot must match, so that the
# test cannot pass by failing every comparison.
set -euo pipefail
placard=$1 diff=$2 refs=$3 demo=$4
ref=$refs/home-1920x1080-3000ms.png
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
unset DISPLAY
failures=0
shot() {  # shot NAME FEED_EDIT: renders a copy of the demo whose feed.json FEED_EDIT (sed) changes
  cp -r "$demo" "$work/$1"
  [ -z "$2" ] || sed -i "$2" "$work/$1/feed.json"
  "$placard" --content "$work/$1" --size 1920x1080 --at 3 --screenshot "$work/$1.png" --quiet
}
shot same ""
"$diff" "$ref" "$work/same.png" >/dev/null || { echo "FAIL: the undamaged shot differs"; failures=1; }
shot glyph 's/基础不牢/基础不固/'
shot clock 's/"generated": "2026-11-24T09:00:00+08:00"/"generated": "2026-11-24T09:01:00+08:00"/'
# The "……" ending the excerpt's last line sits at x 593-647, y 860-868 in the reference.
paper=$(convert "$ref" -format '%[pixel:p{660,863}]' info:)
convert "$ref" -fill "$paper" -draw "rectangle 588,852 652,874" "$work/ellipsis.png"
for damaged in glyph clock ellipsis; do
  if "$diff" "$ref" "$work/$damaged.png" >"$work/$damaged.txt"; then
    echo "FAIL: a shot with the $damaged damaged matches the reference: $(cat "$work/$damaged.txt")"
    failures=1
  else
    echo "ok: $damaged damaged is caught: $(cat "$work/$damaged.txt")"
  fi
done
exit $failures
