#!/usr/bin/env bash
# schedule_ocr_test.sh PLACARD MAKE_FEED DEMO
# Schedules on the screen (issue 14), as an admin previews a week with headless screenshots:
# the demo's first article plays in office hours on working days only (its calendar has the
# National Day holiday and a 调休 Sunday). The screen is rendered at a virtual time (the feed's
# "generated") and read back by OCR: on a working-day morning the excerpt is that article, at a
# weekend, on a holiday or in the evening it is the next one; on the 调休 Sunday it is back.
set -euo pipefail
placard=$1 make_feed=$2 demo=$3
command -v tesseract >/dev/null || { echo "tesseract is not installed (tools/test installs it)" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
failures=0
# shows AT EXPECTED [ABSENT]: renders the scheduled demo at AT and reads it back.
shows() {
  local at=$1 expected=$2 absent=${3:-} name
  name=$(echo "$at" | tr -c '0-9\n' '-')
  "$make_feed" "$demo" "$work/$name" 2
  /usr/bin/python3 - "$work/$name/feed.json" "$at" <<'PY'
import json, sys
path, generated = sys.argv[1:3]
feed = json.load(open(path, encoding="utf-8"))
feed["generated"] = generated
feed["calendars"] = {"office": {"holidays": ["2026-10-0%d" % day for day in range(1, 8)],
                                "working_days": ["2026-09-27"]}}
feed["articles"][0]["schedule"] = {
    "windows": [{"days": "working_days", "from": "08:00", "to": "18:00"}]}
json.dump(feed, open(path, "w", encoding="utf-8"), ensure_ascii=False)
PY
  ( unset DISPLAY; "$placard" --content "$work/$name" --size 1920x1080 --at 3 \
      --screenshot "$work/$name.png" --quiet )
  # The excerpt zone, enlarged as tesseract reads this screen best (ocr_home_test.sh).
  convert "$work/$name.png" -crop 1300x420+0+520 +repage -resize 200% "$work/$name-big.png"
  OMP_THREAD_LIMIT=1 tesseract "$work/$name-big.png" "$work/$name" -l chi_sim --psm 3 >/dev/null 2>&1
  local text
  text=$(tr -d ' \t\n' <"$work/$name.txt")
  if [[ $text != *"$expected"* ]]; then
    echo "FAIL: at $at the excerpt is not $expected; OCR read: ${text:0:120}" >&2
    failures=$((failures + 1))
  elif [[ -n $absent && $text == *"$absent"* ]]; then
    echo "FAIL: at $at the excerpt shows $absent, which is not due; OCR read: ${text:0:120}" >&2
    failures=$((failures + 1))
  else
    echo "ok: at $at the excerpt is $expected"
  fi
}
first=持之以恒建强机关党支部 second=开出质量
shows 2026-11-24T09:00:00+08:00 "$first"            # Tuesday morning.
shows 2026-11-28T09:00:00+08:00 "$second" "$first"  # Saturday.
shows 2026-11-24T19:00:00+08:00 "$second" "$first"  # Tuesday evening.
shows 2026-10-01T09:00:00+08:00 "$second" "$first"  # National Day, a Thursday.
shows 2026-09-27T09:00:00+08:00 "$first"            # A Sunday made a working day (调休).
[ $failures -eq 0 ]
