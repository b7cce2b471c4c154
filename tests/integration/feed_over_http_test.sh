#!/usr/bin/env bash
# feed_over_http_test.sh PLACARD_TOOL PLACARD IMAGE_DIFF DEMO
# The feed pulled from a real nginx on 127.0.0.1, signed with `placard-tool sign-feed` as the
# README tells an admin: a good feed is taken; then server down, slow responses, HTTP 500, a
# truncated body, garbage JSON, a media file whose hash does not match, an oversized body, an
# older version, an unsigned feed (with a huge version), a feed signed by a key the screen does
# not trust, one signed for another site and a signed media file swapped on the server are each
# refused with their reason in the status,
# leaving the current version on disk and on screen; the next good poll is taken, fetching
# only the media that changed.
set -uo pipefail
tool=$1 placard=$2 diff=$3 demo=$4
here=$(cd "$(dirname "$0")" && pwd)
source "$here/exit_trap.sh"
source "$here/nginx_fixture.sh"
work=$(mktemp -d); chmod 755 "$work"
on_main_exit 'stop_nginx; rm -rf "$work"'
unset DISPLAY
start_nginx "$work" || exit 1
www=$work/www
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

"$here/make_feed.py" "$demo" "$www/feed" 1
"$here/make_feed.py" "$demo" "$www/feed2" 2 --ticker "第二版：新的通知"
"$here/make_feed.py" "$demo" "$www/slow" 2
"$here/make_feed.py" "$demo" "$www/badhash" 2 --bad-hash
"$here/make_feed.py" "$demo" "$www/big" 2 --pad 120000
"$here/make_feed.py" "$demo" "$www/old" 0
"$here/make_feed.py" "$demo" "$www/unsigned" 9223372036854775807
"$here/make_feed.py" "$demo" "$www/stranger" 2
"$here/make_feed.py" "$demo" "$www/othersite" 2
"$here/make_feed.py" "$demo" "$www/swapped" 2 --salt
(cd "$work" && "$tool" keygen admin >/dev/null && "$tool" keygen stranger >/dev/null)
for feed in feed feed2 slow badhash old swapped; do
  "$tool" sign-feed "$www/$feed" --key "$work/admin.key" >/dev/null || fail "sign-feed $feed"
done
"$tool" sign-feed "$www/stranger" --key "$work/stranger.key" >/dev/null
"$tool" sign-feed "$www/othersite" --key "$work/admin.key" --site 另一个单位 >/dev/null
# A media file replaced on the server after signing.
cp "$www/feed/media/banner-1.png" "$www/swapped/media/banner-1.png"
mkdir -p "$www/trunc" "$www/garbage" "$www/error"
head -c 3000 "$www/feed2/feed.json" >"$www/trunc/feed.json"
cp "$www/feed2/feed.json.sig" "$www/trunc/feed.json.sig"
printf 'this is not json {{{' >"$www/garbage/feed.json"
chmod -R a+rX "$www"

configure() {  # configure URL: the device configuration for this poll
  cat >"$work/placard.conf" <<CONF
feed_url = $1
store = $work/store
poll_interval = 5
connect_timeout = 2
total_timeout = 3
max_feed_bytes = 200000
trusted_key = $(cat "$work/admin.pub")
CONF
}
status_of() { "$tool" status --config "$work/placard.conf"; }
shot() { "$placard" --content "$work/store/current" --size 960x540 --at 3 --screenshot "$1" --quiet; }

# 1. A good feed is taken.
configure "http://127.0.0.1:$port/feed/feed.json"
"$tool" fetch --config "$work/placard.conf" 2>"$work/out" || fail "the good feed was refused: $(cat "$work/out")"
status_of | grep -q "current: *version 1" || fail "version 1 is not current"
"$tool" validate "$work/store/current" >/dev/null || fail "the stored version does not validate"
shot "$work/v1.png" || fail "cannot render the stored version"
echo "ok: took version 1"

# 2. Polled again: the server answers 304 Not Modified to the conditional request.
"$tool" fetch --config "$work/placard.conf" 2>"$work/out" || fail "the unchanged poll failed"
grep -q "unchanged" "$work/out" || fail "the second poll was not 'unchanged': $(cat "$work/out")"
grep -q '"GET /feed/feed.json HTTP/1.1" 304' "$work/access.log" || fail "no conditional request (304) seen"
echo "ok: unchanged feed answered 304"

# 3. Faults: each refused with its reason; version 1 stays, on disk and on screen.
down_port=$(free_port)
while read -r url reason; do
  configure "$url"
  if "$tool" fetch --config "$work/placard.conf" 2>"$work/out"; then
    fail "$url was taken"
  fi
  status_of >"$work/status"
  grep -q "current: *version 1" "$work/status" || fail "$url: version 1 is no longer current"
  grep -q -- "$reason" "$work/status" || fail "$url: status does not give the reason '$reason':$(grep 'last error' "$work/status")"
  "$tool" validate "$work/store/current" >/dev/null || fail "$url: the current version broke"
  shot "$work/after.png" && "$diff" "$work/v1.png" "$work/after.png" --tolerance 0 --max-fraction 0 >/dev/null ||
    fail "$url: the screen changed"
  echo "ok: refused $url: $(grep 'last error' "$work/status" | sed 's/last error: *//')"
done <<LIST
http://127.0.0.1:$down_port/feed/feed.json Could not connect\|Couldn't connect
http://127.0.0.1:$port/slow/feed.json timed out
http://127.0.0.1:$port/error/feed.json HTTP status 500
http://127.0.0.1:$port/trunc/feed.json is not the feed.json its signature names
http://127.0.0.1:$port/garbage/feed.json not signed
http://127.0.0.1:$port/badhash/feed.json sha256 is
http://127.0.0.1:$port/big/feed.json larger than the limit
http://127.0.0.1:$port/old/feed.json older than the highest version taken, 1
http://127.0.0.1:$port/unsigned/feed.json not signed
http://127.0.0.1:$port/stranger/feed.json which this device does not trust
http://127.0.0.1:$port/othersite/feed.json signed for the site \"另一个单位\"
http://127.0.0.1:$port/swapped/feed.json the signed manifest says
LIST
grep -q "failures in a row" <(status_of) || fail "the status does not count the failures"

# 4. The next good poll is taken; unchanged media come from the store, not the network.
: >"$work/access.log"
configure "http://127.0.0.1:$port/feed2/feed.json"
"$tool" fetch --config "$work/placard.conf" 2>"$work/out" || fail "version 2 was refused: $(cat "$work/out")"
status_of | grep -q "current: *version 2" || fail "version 2 is not current"
status_of | grep -q "last error: *none" || fail "the error was not cleared"
if grep -q "/feed2/media/" "$work/access.log"; then
  fail "unchanged media were downloaded again: $(grep -c /feed2/media/ "$work/access.log") requests"
fi
[ "$(readlink "$work/store/previous")" != "$(readlink "$work/store/current")" ] || fail "no previous version kept"
ls "$work/store/versions" | wc -l | grep -qx 2 || fail "old versions not pruned: $(ls "$work/store/versions")"
echo "ok: took version 2, media reused, version 1 kept as previous"

[ $failures -eq 0 ] || { echo "$failures check(s) failed" >&2; exit 1; }
