#!/usr/bin/env bash
# notice_golden_test.sh PLACARD IMAGE_DIFF REF_DIR DEMO SIZE SECONDS
# The demo with the urgent notices of notices.json in its feed, against a reference screenshot
# (golden_test.sh): at 20 s the urgent drill over the whole screen, at 65 s the warning in the
# band, at 75 s the information notice's turn, at 175 s the all-clear card; with screen hours of
# 08:00-18:00 on working days, at 32400 s (18:00) the screen is black for the night.
set -euo pipefail
placard=$1 diff=$2 refs=$3 demo=$4 size=$5 seconds=$6
here=$(cd "$(dirname "$0")" && pwd)
content=$(mktemp -d); trap 'rm -rf "$content"' EXIT
cp -r "$demo"/. "$content"/
# Hours ahead: the clock starts that much later (the feed's `generated`) and the shot is taken
# 20 s in, rather than running every frame of the hours between.
at=$seconds
if awk -v s="$seconds" 'BEGIN { exit !(s > 600) }'; then at=20; fi
/usr/bin/python3 - "$content/feed.json" "$here/notices.json" "$seconds" "$at" <<'PY'
import datetime, json, sys
feed_path, notices_path = sys.argv[1], sys.argv[2]
skipped = float(sys.argv[3]) - float(sys.argv[4])
feed = json.load(open(feed_path, encoding="utf-8"))
generated = datetime.datetime.fromisoformat(feed["generated"]) + datetime.timedelta(seconds=skipped)
feed["generated"] = generated.isoformat()
feed["notices"] = json.load(open(notices_path, encoding="utf-8"))
# Screen hours: working days 08:00-18:00 (the demo's clock starts on a Tuesday at 09:00).
feed["screen_hours"] = {"on": {"windows": [{"days": "working_days", "from": "08:00", "to": "18:00"}]},
                        "wake_on_touch_minutes": 5}
json.dump(feed, open(feed_path, "w", encoding="utf-8"), ensure_ascii=False)
PY
ms=$(awk -v s="$seconds" 'BEGIN { printf "%d", s * 1000 + 0.5 }')
# The reference is named by the time shown (SECONDS), not the time the shot ran to.
PLACARD_GOLDEN_NAME=notices PLACARD_GOLDEN_MS=$ms exec "$here/golden_test.sh" "$placard" "$diff" "$refs" "$content" "$size" "$at"
