#!/usr/bin/env bash
# notice_golden_test.sh PLACARD IMAGE_DIFF REF_DIR DEMO SIZE SECONDS
# The demo with the urgent notices of notices.json in its feed, against a reference screenshot
# (golden_test.sh): at 20 s the urgent drill over the whole screen, at 65 s the warning in the
# band, at 75 s the information notice's turn, at 175 s the all-clear card.
set -euo pipefail
placard=$1 diff=$2 refs=$3 demo=$4 size=$5 seconds=$6
here=$(cd "$(dirname "$0")" && pwd)
content=$(mktemp -d); trap 'rm -rf "$content"' EXIT
cp -r "$demo"/. "$content"/
/usr/bin/python3 - "$content/feed.json" "$here/notices.json" <<'PY'
import json, sys
feed_path, notices_path = sys.argv[1], sys.argv[2]
feed = json.load(open(feed_path, encoding="utf-8"))
feed["notices"] = json.load(open(notices_path, encoding="utf-8"))
json.dump(feed, open(feed_path, "w", encoding="utf-8"), ensure_ascii=False)
PY
PLACARD_GOLDEN_NAME=notices exec "$here/golden_test.sh" "$placard" "$diff" "$refs" "$content" "$size" "$seconds"
