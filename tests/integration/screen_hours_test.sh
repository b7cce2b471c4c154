#!/usr/bin/env bash
# screen_hours_test.sh PLACARD PLACARD_TOOL DEMO
# Screen hours (定时开关机) on the live player under Xvfb, as an admin checks them: content whose
# screen is on only on a day that is neither today nor tomorrow (so the test runs outside its
# hours, whenever it runs) makes the screen black, and `placard-tool status` says it is a
# planned "off" — `screen: off (outside screen hours)` and how the display was switched (here,
# with no CEC adapter and no display of its own, a black picture) — not a fault; a tap wakes it:
# the home screen shows and status says `on (woken by a touch outside screen hours)`.
set -uo pipefail
placard=$1 tool=$2 demo=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/exit_trap.sh"
source "$here/xvfb_fixture.sh"
work=$(mktemp -d)
cleanup() { [ -n "${player:-}" ] && kill "$player" 2>/dev/null && wait "$player" 2>/dev/null; stop_xvfb; rm -rf "$work"; }
on_main_exit cleanup
cd "$work"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
start_xvfb 1280x720 || exit 1
"$tool" keygen admin >/dev/null
cat >placard.conf <<CONF
store = $work/store
inbox = $work/inbox
trusted_key = $(cat admin.pub)
player_status = $work/player-status.json
CONF
"$here/make_feed.py" "$demo" v2 2 >/dev/null
# On only two days from now (a day of the week that is neither today nor tomorrow, so neither
# an overnight edge nor the time zone can make now fall inside it).
day=$(LC_ALL=C date --date='+2 days' +%a | tr 'A-Z' 'a-z')
/usr/bin/python3 - v2/feed.json "$day" <<'PY'
import json, sys
path, day = sys.argv[1], sys.argv[2]
feed = json.load(open(path, encoding="utf-8"))
feed["screen_hours"] = {"on": {"windows": [{"days": [day], "from": "08:00", "to": "18:00"}]},
                        "wake_on_touch_minutes": 5}
json.dump(feed, open(path, "w", encoding="utf-8"), ensure_ascii=False)
PY
"$tool" pack v2 v2.placard --key admin.key >/dev/null
"$tool" import v2.placard --config placard.conf 2>/dev/null || { echo "FAIL: the content was not taken" >&2; exit 1; }

"$placard" --config placard.conf --windowed --size 1280x720 >player.log 2>&1 &
player=$!
# status_says PATTERN SECONDS: placard-tool status prints a line matching PATTERN, by a deadline.
status_says() {
  for _ in $(seq $(( $2 * 10 ))); do
    "$tool" status --config placard.conf >status.txt 2>&1
    grep -Eq -- "$1" status.txt && return 0
    kill -0 "$player" 2>/dev/null || { echo "the player exited: $(cat player.log)" >&2; return 1; }
    sleep 0.1
  done
  echo "status never said '$1': $(cat status.txt; tail -5 player.log)" >&2
  return 1
}
# The pixel's colour as #RRGGBB (ImageMagick names some colours, "black", in its srgb() column).
pixel() { import -window root -crop "1x1+$1+$2" +repage txt:- 2>/dev/null | grep -o '#[0-9A-Fa-f]\{6\}' | head -1; }
# pixel_is X Y COLOUR SECONDS: the screen's pixel becomes COLOUR by a deadline.
pixel_is() {
  for _ in $(seq $(( $4 * 10 ))); do
    [ "$(pixel "$1" "$2")" = "$3" ] && return 0
    sleep 0.1
  done
  return 1
}
if status_says '^screen: +off \(outside screen hours\)$' 60; then
  echo "ok: $(grep '^screen:' status.txt)"
else
  failures=$((failures + 1))
fi
# The player says what it decided before the display has been switched: wait for both lines.
if status_says '^display: +.*black picture' 30; then
  echo "ok: $(grep '^display:' status.txt)"
else
  failures=$((failures + 1))
fi
grep -Eq '^clock: ' status.txt && echo "ok: $(grep '^clock:' status.txt)" || fail "no clock line: $(cat status.txt)"
pixel_is 640 5 "#000000" 30 && echo "ok: the screen is black" || fail "the screen is not black: $(pixel 640 5)"
# A tap wakes it (and opens nothing): the header shows again.
xdotool mousemove 640 400 click 1
if status_says '^screen: +on \(woken by a touch outside screen hours\)$' 30; then
  echo "ok: $(grep '^screen:' status.txt)"
else
  failures=$((failures + 1))
fi
for _ in $(seq 300); do
  colour=$(pixel 640 5)
  [ -n "$colour" ] && [ "$colour" != "#000000" ] && break
  sleep 0.1
done
[ -n "$colour" ] && [ "$colour" != "#000000" ] && echo "ok: the screen is lit again ($colour)" || fail "still black after the tap"
[ $failures -eq 0 ]
