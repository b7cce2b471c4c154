#!/usr/bin/env bash
# demo_article_test.sh PLACARD_TOOL DEMO
# The demo bundle's article is exactly what import-text makes of the seed page (so the demo is
# the seed page, and tools/make-demo-feed has been run after any importer change).
set -euo pipefail
tool=$1 demo=$2
imported=$("$tool" import-text --id a1 --channel zgwc "$demo/source/seed-page.txt")
/usr/bin/python3 - "$demo/feed.json" "$imported" <<'PY'
import json, sys
feed = json.load(open(sys.argv[1], encoding="utf-8"))
imported = json.loads(sys.argv[2])
if feed["articles"][0] != imported:
    for key in sorted(set(feed["articles"][0]) | set(imported)):
        if feed["articles"][0].get(key) != imported.get(key):
            print(f"articles[0].{key} differs from import-text's output", file=sys.stderr)
    sys.exit(1)
print("the demo article matches import-text of the seed page")
PY
