#!/usr/bin/env bash
# notice_latency.sh PLACARD PLACARD_TOOL DEMO [ROUNDS]
# The time from an urgent notice arriving to the screen showing it (issue 14, "Performance"):
# the live player under Xvfb with the content service; each round drops a signed notice file
# into the inbox (as USB and admins do) and polls the screen until it turns the notice's red,
# then cancels it and waits for the home screen. Prints each round and the median, min and max.
# Then the feed's way: a new version whose feed.json carries an urgent notice, dropped into the
# inbox as a bundle (a feed poll commits the same way): the service takes it into the store, the
# player sees the new version (it looks four times a second) and lays it out; three rounds, each
# followed by a version without the notice.
# Asserts no timing (a shared machine's figures are noise); fails only when a notice never shows.
set -uo pipefail
placard=$1 tool=$2 demo=$3 rounds=${4:-7}
here=$(cd "$(dirname "$0")/../integration" && pwd)
source "$here/exit_trap.sh"
source "$here/xvfb_fixture.sh"
work=$(mktemp -d)
cleanup() {
  [ -n "${player:-}" ] && kill "$player" 2>/dev/null && wait "$player" 2>/dev/null
  [ -n "${service:-}" ] && kill "$service" 2>/dev/null && wait "$service" 2>/dev/null
  stop_xvfb; rm -rf "$work"
}
on_main_exit cleanup
cd "$work"
start_xvfb 1280x720 || exit 1
"$tool" keygen admin >/dev/null
cat >placard.conf <<CONF
store = $work/store
inbox = $work/inbox
trusted_key = $(cat admin.pub)
CONF
site=中共通渭县委组织部
"$here/make_feed.py" "$demo" v2 2 >/dev/null
"$tool" pack v2 v2.placard --key admin.key >/dev/null
"$tool" import v2.placard --config placard.conf 2>/dev/null || { echo "FAIL: the content was not taken" >&2; exit 1; }
# The versions of the feed rounds: odd ones carry an urgent notice, even ones none.
for version in 3 4 5 6 7 8; do
  "$here/make_feed.py" "$demo" v$version $version >/dev/null
  if [ $((version % 2)) -eq 1 ]; then
    /usr/bin/python3 - v$version/feed.json $version <<'PY'
import datetime, json, sys
path, version = sys.argv[1], sys.argv[2]
feed = json.load(open(path, encoding="utf-8"))
now = datetime.datetime.now(datetime.timezone.utc).astimezone()
feed["notices"] = [{"id": "feed" + version, "issued": now.isoformat(timespec="seconds"),
                    "level": "urgent", "title": "测试", "text": "第" + version + "版",
                    "expires": (now + datetime.timedelta(hours=1)).isoformat(timespec="seconds")}]
json.dump(feed, open(path, "w", encoding="utf-8"), ensure_ascii=False)
PY
  fi
  "$tool" pack v$version v$version.placard --key admin.key >/dev/null
done
for round in $(seq "$rounds"); do
  issued=$(date --date="-$((rounds * 2 - round * 2 + 2)) minutes" +%Y-%m-%dT%H:%M:%S%:z)
  cancelled=$(date --date="-$((rounds * 2 - round * 2 + 1)) minutes" +%Y-%m-%dT%H:%M:%S%:z)
  "$tool" notice n$round.placard --key admin.key --site "$site" --id round$round --level urgent \
    --title 测试 --text "第${round}次" --issued "$issued" >/dev/null
  "$tool" notice c$round.placard --key admin.key --site "$site" --cancel round$round \
    --issued "$cancelled" >/dev/null
done
"$placard" --config placard.conf --windowed --size 1280x720 >player.log 2>&1 &
player=$!
"$tool" serve --config placard.conf >serve.log 2>&1 &
service=$!
for _ in $(seq 600); do grep -q "first frame presented" player.log && grep -q "watching the inbox" serve.log && break; sleep 0.1; done
grep -q "first frame presented" player.log || { echo "FAIL: the player did not start: $(cat player.log)" >&2; exit 1; }
pixel() { import -window root -crop "1x1+640+5" +repage txt:- 2>/dev/null | grep -o 'srgb([0-9,]*)' | head -1; }
red="srgb(183,28,28)"
# The home screen's header colour, from the player's own headless screenshot of the same
# content; then wait (by a deadline) for the window to show it: Xvfb may not have drawn the
# first frame yet when the player logs it, and a header sampled once then could be black.
"$placard" --content store/current --size 1280x720 --at 3 --screenshot home.png --quiet
header=$(convert home.png -crop 1x1+640+5 +repage txt:- | grep -o 'srgb([0-9,]*)' | head -1)
for _ in $(seq 600); do [ "$(pixel)" = "$header" ] && break; sleep 0.1; done
[ "$(pixel)" = "$header" ] || { echo "FAIL: the home screen's header ($header) never showed: $(pixel)" >&2; exit 1; }
# drop FILE: into the inbox as a copy does, in one rename.
drop() { cp "$1" inbox/.drop.part && mv inbox/.drop.part "inbox/$1"; }
# round LABEL SHOW END: drops SHOW, times it to the red screen (by a 30 s deadline), then drops
# END and waits, by a deadline too, for the home screen: a round that never ends is a failure
# (the next would time the red still on screen). Sets $shown (milliseconds).
round() {
  local label=$1 show=$2 end=$3 start_ns
  start_ns=$(date +%s%N)
  drop "$show"
  shown=
  for _ in $(seq 1500); do
    [ "$(pixel)" = "$red" ] && { shown=$(( ($(date +%s%N) - start_ns) / 1000000 )); break; }
    sleep 0.02
  done
  [ -n "$shown" ] || { echo "FAIL: $label: the notice never showed: $(tail -5 serve.log player.log)" >&2; exit 1; }
  echo "$label: $shown ms"
  drop "$end"
  for _ in $(seq 600); do [ "$(pixel)" = "$header" ] && return 0; sleep 0.05; done
  echo "FAIL: $label: the home screen did not come back after $end" >&2
  exit 1
}
times=()
for round in $(seq "$rounds"); do
  round "round $round" n$round.placard c$round.placard
  times+=("$shown")
done
summary() {  # summary LABEL TIMES...: median, min and max
  local label=$1; shift
  local sorted median
  sorted=$(printf '%s\n' "$@" | sort -n)
  median=$(echo "$sorted" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  echo "$label over $# drops: median $median ms, min $(echo "$sorted" | head -1) ms, max $(echo "$sorted" | tail -1) ms"
}
feed_times=()
for version in 3 5 7; do
  round "feed round (version $version)" v$version.placard v$((version + 1)).placard
  feed_times+=("$shown")
done
summary "notice arrival to screen (a notice file into the inbox, to the red screen, read by polling the screen)" "${times[@]}"
summary "a feed's notice (a new version with it into the inbox, taken, loaded, to the red screen)" "${feed_times[@]}"
