#!/usr/bin/env bash
# play_log_test.sh PLACARD PLACARD_TOOL DEMO
# The play log on the live player (under Xvfb): after the player has played the demo for a
# while and stopped (SIGTERM, as systemd stops it), `placard-tool plays` exports the banners and
# excerpts it showed, with their content version, in CSV and JSON, the hourly sums agree with
# the plays, and --since leaves out what came before.
set -uo pipefail
placard=$1 tool=$2 demo=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/exit_trap.sh"
source "$here/xvfb_fixture.sh"
work=$(mktemp -d)
cleanup() {
  [ -n "${player:-}" ] && kill "$player" 2>/dev/null && wait "$player" 2>/dev/null
  stop_xvfb; rm -rf "$work"
}
on_main_exit cleanup
cd "$work"
start_xvfb 1280x720 || exit 1
cat >placard.conf <<CONF
play_log = $work/state/plays.sqlite
CONF
"$tool" plays --config placard.conf >none.out 2>none.err && { echo "FAIL: plays without a log succeeded" >&2; exit 1; }
grep -q "plays.sqlite" none.err && echo "ok: no log yet: $(cat none.err)" || { echo "FAIL: $(cat none.err)" >&2; exit 1; }
"$placard" --content "$demo" --config placard.conf --windowed --size 1280x720 >player.log 2>&1 &
player=$!
# The player must show the home screen for two banners (8 s each).
for _ in $(seq 600); do grep -q "first frame presented" player.log && break; sleep 0.1; done
grep -q "first frame presented" player.log || { echo "FAIL: the player did not start: $(cat player.log)" >&2; exit 1; }
# Until the first banner has given way to the second (a pixel of the banner zone changes, then
# holds still), with a deadline: then two banners and an excerpt have been on screen.
pixel() { import -window root -crop "1x1+1100+150" +repage txt:- 2>/dev/null | grep -o 'srgb([0-9,]*)' | head -1; }
first=$(pixel) changed= settled=
for _ in $(seq 1200); do
  now=$(pixel)
  if [ -z "$changed" ]; then
    [ "$now" != "$first" ] && changed=1
  elif [ "$now" = "${previous:-}" ]; then
    settled=1; break
  fi
  previous=$now
  sleep 0.1
done
[ -n "$settled" ] || { echo "FAIL: the banner never changed on screen ($first)" >&2; exit 1; }
kill -TERM "$player"; wait "$player"; player=
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
"$tool" plays --config placard.conf >plays.csv 2>plays.err || fail "plays: $(cat plays.err)"
head -1 plays.csv | grep -qx "kind,start,zone,item,version,plays,seconds,screens" || fail "the CSV header: $(head -1 plays.csv)"
banners=$(grep -c "^play,.*,banner," plays.csv)
excerpts=$(grep -c "^play,.*,excerpt," plays.csv)
[ "$banners" -ge 2 ] && [ "$excerpts" -ge 1 ] &&
  echo "ok: $banners banner and $excerpts excerpt plays logged" || fail "plays logged: $(cat plays.csv)"
version=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['version'])" "$demo/feed.json")
grep "^play,.*,banner," plays.csv | cut -d, -f5 | sort -u | grep -qx "$version" &&
  echo "ok: the plays carry the content version ($version)" || fail "versions: $(grep ^play plays.csv | cut -d, -f5 | sort -u)"
"$tool" plays --config placard.conf --format json >plays.json || fail "plays --format json"
/usr/bin/python3 - plays.json <<'PY' && echo "ok: the JSON export's hourly sums agree with its plays" || fail "the JSON export: $(head -c 600 plays.json)"
import json, sys
log = json.load(open(sys.argv[1]))
plays = [p for p in log["plays"]]
total = sum(h["plays"] for h in log["hourly"])
seconds = sum(p["seconds"] for p in plays)
assert plays and total == len(plays), (total, len(plays))
assert 10 < seconds < 200, seconds
assert all(set(p) == {"start", "zone", "item", "version", "seconds"} for p in plays)
PY
"$tool" plays --config placard.conf --since 2999-01-01 >later.csv || fail "plays --since"
[ "$(wc -l <later.csv)" -eq 1 ] && echo "ok: --since leaves out what came before" || fail "--since 2999: $(cat later.csv)"
"$tool" plays --config placard.conf --since yesterday 2>since.err && fail "a bad --since was taken"
grep -q "is not a date" since.err && echo "ok: $(cat since.err)" || fail "$(cat since.err)"
[ $failures -eq 0 ]
