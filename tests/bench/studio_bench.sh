#!/usr/bin/env bash
# studio_bench.sh PLACARD_STUDIO PLACARD_TOOL [ROUNDS]
# Placard Studio's costs (issue 15, "Performance"), through its HTTP API as the pages use it:
#   - the exact preview's time at 1080p and 4K (median and p95 of ROUNDS, default 7);
#   - the time to publish a site of 500 articles (save the draft, then the publish call alone:
#     check, sign, write the version);
#   - the studio's memory (VmRSS) at rest, and its peak (VmHWM) after the previews and publish;
#   - the time from "publish" to a screen's content service taking the version, at a 5 s poll
#     interval (the player then shows it within about 0.4 s: bench.notice_latency).
# Asserts no timing (a shared machine's figures are noise); fails only when a step fails.
set -uo pipefail
studio=$1 tool=$2 rounds=${3:-7}
here=$(cd "$(dirname "$0")/../integration" && pwd)
source "$here/exit_trap.sh"
source "$here/studio_fixture.sh"
work=$(mktemp -d)
studio_pid= service=
on_main_exit '[ -z "$service" ] || kill "$service" 2>/dev/null; [ -z "$studio_pid" ] || kill "$studio_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"'
unset DISPLAY
py() { /usr/bin/python3 "$@"; }
data=$work/data
echo "editor password 1" | "$studio" --data "$data" add-user editor --role editor >/dev/null
echo "reviewer password" | "$studio" --data "$data" add-user reviewer --role reviewer >/dev/null
start_studio "$studio" "$data" "$work/studio.log" || exit 1
rss() { awk -v field="$1:" '$1 == field { print $2 }' "/proc/$studio_pid/status"; }
sign_in() {
  curl -s -o /dev/null -c "$2" --data-urlencode "user=$1" --data-urlencode "password=$3" "$base/sign-in"
  curl -s -b "$2" "$base/api/session" | py -c 'import json,sys; print(json.load(sys.stdin)["csrf"])' >"$2.csrf"
}
call() {  # call JAR METHOD PATH [CURL OPTIONS…]: fails the bench unless 2xx; body in $work/body
  local jar=$1 method=$2 path=$3; shift 3
  local status
  status=$(curl -s -o "$work/body" -w '%{http_code}' -X "$method" -b "$jar" -H "X-CSRF-Token: $(cat "$jar.csrf")" "$@" "$base/api/$path")
  [[ $status == 2* ]] || { echo "FAIL: $method $path: $status $(head -c 300 "$work/body")" >&2; exit 1; }
}
sign_in editor "$work/editor" "editor password 1"
sign_in reviewer "$work/reviewer" "reviewer password"
echo "studio at rest: VmRSS $(rss VmRSS) kB"

stats() {  # stats LABEL FILE: median and p95 of the seconds in FILE, as milliseconds
  sort -n "$2" | awk -v label="$1" '{ a[NR] = $1 } END {
    p95 = a[int(NR * 0.95 + 0.999)]; printf "%s: median %.0f ms, p95 %.0f ms over %d\n", label, a[int((NR + 1) / 2)] * 1000, p95 * 1000, NR }'
}
for size in 1920x1080 3840x2160; do
  : >"$work/times"
  for _ in $(seq "$rounds"); do
    curl -s -o "$work/preview.png" -w '%{time_total}\n' -b "$work/reviewer" \
      "$base/api/preview/version/1?size=$size&at=3" >>"$work/times"
    file "$work/preview.png" | grep -q "PNG image data, ${size/x/ x }" ||
      { echo "FAIL: the $size preview is not a $size PNG" >&2; exit 1; }
  done
  stats "preview $size (home screen, t = 3 s)" "$work/times"
done
echo "studio after previews: VmRSS $(rss VmRSS) kB, peak VmHWM $(rss VmHWM) kB"

# A site of 500 articles: the demo's, repeated with their own ids.
call "$work/editor" POST drafts
draft=$(py -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$work/body")
py - "$work/body" >"$work/big.json" <<'PY'
import copy, json, sys
feed = json.load(open(sys.argv[1]))["feed"]
articles = feed["articles"]
feed["articles"] = []
for i in range(500):
    article = copy.deepcopy(articles[i % len(articles)])
    if i >= len(articles):  # The demo's own keep their ids: banners name them.
        article["id"] = f"a{i:03d}"
        article["title"] = f"{article['title']}（{i}）"
    feed["articles"].append(article)
print(json.dumps(feed, ensure_ascii=False))
PY
echo "site: 500 articles, feed.json $(stat -c %s "$work/big.json") bytes"
save=$(curl -s -o "$work/body" -w '%{time_total}' -X POST -b "$work/editor" \
  -H "X-CSRF-Token: $(cat "$work/editor.csrf")" --data-binary @"$work/big.json" \
  "$base/api/drafts/$draft/feed")
grep -q '"state":"draft"' "$work/body" || { echo "FAIL: saving 500 articles: $(head -c 300 "$work/body")" >&2; exit 1; }
echo "save a 500-article draft (checked as a screen would): ${save} s"
call "$work/editor" POST "drafts/$draft/submit"
call "$work/reviewer" POST "drafts/$draft/approve"

# The screen: its content service polling the studio every 5 s.
cat >"$work/placard.conf" <<CONF
feed_url = $base/feed/feed.json
store = $work/store
poll_interval = 5
max_feed_bytes = 16000000
trusted_key = $("$studio" --data "$data" public-key)
CONF
"$tool" serve --config "$work/placard.conf" >"$work/serve.log" 2>&1 &
service=$!
for _ in $(seq 600); do grep -q "took version 1" "$work/serve.log" && break; sleep 0.1; done
grep -q "took version 1" "$work/serve.log" || { echo "FAIL: the screen did not take version 1: $(cat "$work/serve.log")" >&2; exit 1; }
start_ns=$(date +%s%N)
call "$work/reviewer" POST "drafts/$draft/publish"
publish_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
echo "publish the 500-article version (check, sign, write): $publish_ms ms"
taken=
for _ in $(seq 1200); do
  grep -q "took version 2" "$work/serve.log" && { taken=$(( ($(date +%s%N) - start_ns) / 1000000 )); break; }
  sleep 0.05
done
[ -n "$taken" ] || { echo "FAIL: the screen did not take version 2: $(tail -5 "$work/serve.log")" >&2; exit 1; }
echo "publish to the screen's store, polling every 5 s: $taken ms"
echo "studio at the end: VmRSS $(rss VmRSS) kB, peak VmHWM $(rss VmHWM) kB"
