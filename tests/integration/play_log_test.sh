#!/usr/bin/env bash
# play_log_test.sh PLACARD PLACARD_TOOL DEMO SYSTEM_DIR
# The play log on the live player (under Xvfb): after the player has played the demo for a
# while and stopped (SIGTERM, as systemd stops it), `placard-tool plays` exports the banners and
# excerpts it showed, with their content version, in CSV and JSON, the hourly sums agree with
# the plays, and --since leaves out what came before. Reading it creates no file beside it.
# Then the USB export, through the real content service (placard-tool serve) and import script
# (a folder standing in for the mounted stick): a stick whose bundle the service takes as
# signed by the trusted key receives placard/plays-HOST-TIME.csv (a byte order mark, then the
# same CSV); a stick whose bundle is signed by a stranger's key, and one that brings only the
# version already shown (a copy of an old bundle), receive nothing; a newer version does.
set -uo pipefail
placard=$1 tool=$2 demo=$3 system=$4
here=$(cd "$(dirname "$0")" && pwd)
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
[ ! -e state/plays.sqlite-wal ] && [ ! -e state/plays.sqlite-shm ] &&
  echo "ok: reading the closed log made no -wal or -shm file" || fail "a reader left: $(ls state)"

# The USB export.
"$tool" keygen admin >/dev/null && "$tool" keygen stranger >/dev/null
mkdir -p inbox stick/placard stranger/placard
"$here/make_feed.py" "$demo" v2 2 >/dev/null
"$tool" pack v2 stick/placard/content.placard --key admin.key >/dev/null
"$tool" pack v2 stranger/placard/content.placard --key stranger.key >/dev/null
cat >>placard.conf <<CONF
store = $work/store
inbox = $work/inbox
trusted_key = $(cat admin.pub)
CONF
"$tool" serve --config placard.conf >serve.log 2>&1 &
service=$!
import_stick() {  # import_stick FOLDER LOG: the import script on FOLDER, its output in LOG
  PLACARD_CONFIG=placard.conf PLACARD_TOOL=$tool PLACARD_USB_FOLDER=$1 PLACARD_USB_OUTCOME_WAIT=60 \
    "$system/placard-usb-import" /dev/sdz1 >"$2" 2>&1
}
import_stick stick admin.log || fail "the admin's stick: $(cat admin.log serve.log)"
exports=(stick/placard/plays-*.csv)
if [ ${#exports[@]} -eq 1 ] && [ -f "${exports[0]}" ]; then
  echo "ok: $(grep 'play log written' admin.log)"
  [[ ${exports[0]##*/} =~ ^plays-$(uname -n | tr -c 'A-Za-z0-9._\n-' _)-[0-9]{8}-[0-9]{6}\.csv$ ]] &&
    echo "ok: named by the screen's host name and the time" || fail "the export's name: ${exports[0]}"
  [ "$(head -c 3 "${exports[0]}" | od -An -tx1 | tr -d ' ')" = efbbbf ] &&
    echo "ok: the stick's CSV starts with a byte order mark" || fail "no byte order mark: $(head -c 20 "${exports[0]}" | od -c)"
  tail -c +4 "${exports[0]}" | cmp -s - plays.csv &&
    echo "ok: it holds what placard-tool plays prints" || fail "the stick's CSV differs: $(diff <(tail -c +4 "${exports[0]}") plays.csv | head)"
else
  fail "the admin's stick received no play log: $(ls -a stick/placard; cat admin.log serve.log)"
fi
[ -z "$(find stick inbox -name '*.part' -o -name '.*.taken')" ] &&
  echo "ok: no .part file on the stick, no receipt left in the inbox" || fail "left over: $(find stick inbox -name '*.part' -o -name '.*.taken')"
import_stick stranger stranger.log || fail "the stranger's stick: $(cat stranger.log)"
if ls stranger/placard | grep -q plays; then
  fail "a stick with a stranger's bundle received the play log: $(ls stranger/placard)"
elif grep -q "nothing new from it was taken as signed by a trusted key" stranger.log; then
  echo "ok: a stick with a stranger's bundle is not written to: $(grep 'no bundle' stranger.log)"
else
  fail "the stranger's stick, no reason given: $(cat stranger.log serve.log)"
fi
rm -f stick/placard/plays-*.csv
import_stick stick again.log || fail "the admin's stick again: $(cat again.log)"
if ls stick/placard | grep -q '^plays-'; then
  fail "a stick with the version already shown received the log: $(ls stick/placard)"
elif grep -q "already shown" serve.log && grep -q "nothing new from it was taken" again.log; then
  echo "ok: a copy of the bundle already shown does not get the log"
else
  fail "the stick brought back: $(cat again.log serve.log)"
fi
"$here/make_feed.py" "$demo" v3 3 >/dev/null
"$tool" pack v3 stick/placard/content.placard --key admin.key >/dev/null
import_stick stick newer.log || fail "the admin's newer stick: $(cat newer.log)"
ls stick/placard | grep -q '^plays-.*\.csv$' &&
  echo "ok: the admin's stick with a newer version receives the log" ||
  fail "the newer version's stick: $(ls stick/placard; cat newer.log serve.log)"

# A bundle of the same name still waiting in the inbox is not replaced by another stick's.
echo waiting >inbox/usb-content.placard.hold
kill "$service"; wait "$service" 2>/dev/null; service=
mv inbox/usb-content.placard.hold inbox/usb-content.placard
if import_stick stick same.log; then
  fail "a stick whose bundle's name waits in the inbox was imported over it"
elif grep -q "content.placard: a bundle of that name from an earlier stick still waits in the inbox: skipped" same.log &&
  [ "$(cat inbox/usb-content.placard)" = waiting ]; then
  echo "ok: a waiting bundle of the same name is not replaced"
else
  fail "same name: $(cat same.log)"
fi
[ $failures -eq 0 ]
