#!/usr/bin/env bash
# player_fallback_test.sh PLACARD PLACARD_TOOL DEMO
# The live player (under Xvfb) starting on a store whose current version cannot be shown shows
# the previous one, and says so in its log; with no version that can be shown it stops with
# one line saying so (systemd starts it again) — never the demo, another site's content, over a
# store that has this site's. The player never writes the store: nothing in it changes.
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
for v in 1 2; do
  "$here/make_feed.py" "$demo" "v$v" "$v" --ticker "第${v}版" >/dev/null
  "$tool" pack "v$v" "v$v.placard" --key admin.key >/dev/null
  "$tool" import "v$v.placard" --config placard.conf 2>/dev/null || fail "import v$v"
done
# Damage the current version on disk (a failing card, a hand edit).
current=$(readlink -f store/current)
printf '{"placard": 1, "version": 2, broken' >"$current/feed.json"

"$placard" --config placard.conf --windowed --size 1280x720 >player.log 2>&1 &
player=$!
seen=0
for _ in $(seq 300); do
  grep -q "instead of the current version" player.log && { seen=1; break; }
  kill -0 "$player" 2>/dev/null || break
  sleep 0.1
done
[ $seen = 1 ] && echo "ok: the player says it shows the previous version: $(grep 'instead of' player.log)" ||
  fail "no fallback in the log: $(cat player.log)"
grep -q "first frame presented" player.log || for _ in $(seq 300); do
  grep -q "first frame presented" player.log && break; sleep 0.1; done
kill -0 "$player" 2>/dev/null && grep -q "first frame presented" player.log &&
  echo "ok: the previous version is on screen" || fail "the player did not show the previous version: $(cat player.log)"
grep -q "$(readlink -f store/previous)" player.log || fail "the log does not name the previous version"
"$tool" status --config placard.conf >status.txt
grep -q "on screen: *version 1 (an older version: the current version cannot be shown" status.txt &&
  echo "ok: status says so: $(grep 'on screen' status.txt)" || fail "status: $(cat status.txt)"
kill "$player"; wait "$player" 2>/dev/null; player=

# Nothing to show at all: one line, exit 1 — not the demo.
printf 'broken' >"$(readlink -f store/previous)/feed.json"
"$placard" --config placard.conf --windowed --size 1280x720 >player2.log 2>&1 &
player=$!
wait "$player"; code=$?; player=
[ $code = 1 ] && grep -q "no version in the store can be shown" player2.log &&
  echo "ok: no showable version: exit 1 with the reason, no demo" || fail "exit $code: $(cat player2.log)"
grep -q "first frame presented" player2.log && fail "something was shown with no showable version"
[ "$(find store -newer player.log -not -path '*/versions/*' | wc -l)" = 0 ] ||
  fail "the player wrote to the store: $(find store -newer player.log)"
[ $failures -eq 0 ]
