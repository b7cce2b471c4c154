#!/usr/bin/env bash
# studio_demo_test.sh STUDIO_DEMO PLACARD_STUDIO PLACARD_TOOL PLACARD
# `tools/demo --studio`'s second half (tools/studio-demo), headless, as a new admin meets it:
#   - it prints the studio's address and a new admin password, and that password signs in;
#   - the screen beside it takes the studio's content, and a screenshot of it is written;
#   - an urgent notice published in the studio reaches the screen (its screenshot turns red);
#   - SIGTERM stops the studio and the screen's service with it (what Ctrl+C does in a terminal:
#     a background job of a script ignores SIGINT, so the test sends TERM).
set -uo pipefail
demo=$1
export STUDIO=$2 TOOL=$3 PLACARD=$4
here=$(cd "$(dirname "$0")" && pwd)
source "$here/exit_trap.sh"
work=$(mktemp -d)
demo_pid=
on_main_exit '[ -z "$demo_pid" ] || kill "$demo_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"'
unset DISPLAY
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
# wait_for SECONDS COMMAND…: true once COMMAND is, false at the deadline.
wait_for() {
  local until=$((SECONDS + $1)); shift
  until "$@"; do [ $SECONDS -le $until ] || return 1; sleep 0.2; done
}

"$demo" "$work/demo" --headless --listen 127.0.0.1:0 >"$work/out" 2>&1 &
demo_pid=$!
wait_for 120 grep -q "Ctrl+C stops all" "$work/out" || { echo "FAIL: the demo did not come up: $(cat "$work/out")" >&2; exit 1; }
base=$(sed -n 's|.*Placard Studio is at \(http://[0-9.:]*\)/.*|\1|p' "$work/out")
password=$(sed -n 's/^ *管理员 (admin.*password //p' "$work/out")
reviewer_password=$(sed -n 's/^ *审核员 (reviewer.*password //p' "$work/out")
[ -n "$base" ] && [ ${#password} -ge 10 ] && [ ${#reviewer_password} -ge 10 ] &&
  ok "the demo says where the studio is ($base) and new passwords for an admin and a reviewer" ||
  fail "the demo's words: $(cat "$work/out")"
[ "$(stat -c %a "$work/demo/studio-passwords")" = 600 ] && ok "the password file is readable only by its owner" ||
  fail "studio-passwords mode $(stat -c %a "$work/demo/studio-passwords")"
curl -s -o /dev/null -c "$work/jar" --data-urlencode "user=管理员" --data-urlencode "password=$password" "$base/sign-in"
curl -s -b "$work/jar" "$base/api/session" >"$work/session"
grep -q '"role":"admin"' "$work/session" && ok "the printed password signs in as 管理员 (admin)" || fail "sign-in: $(cat "$work/session")"
curl -s -o /dev/null -c "$work/jar2" --data-urlencode "user=审核员" --data-urlencode "password=$reviewer_password" "$base/sign-in"
curl -s -b "$work/jar2" "$base/api/session" | grep -q '"role":"reviewer"' && ok "and the other as 审核员 (reviewer)" ||
  fail "the reviewer's sign-in"
csrf=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("csrf", ""))' "$work/session")

wait_for 120 grep -q "the screen took" "$work/out" && [ -s "$work/demo/screen.png" ] &&
  ok "the screen beside it took the studio's content: $(grep "the screen took" "$work/out" | head -1)" ||
  fail "no screenshot of the screen: $(cat "$work/out")"

curl -s -o "$work/body" -b "$work/jar" -H "X-CSRF-Token: $csrf" \
  --data-binary '{"level": "urgent", "title": "演示插播", "text": "这是一条演示用的紧急插播。", "minutes": 5}' "$base/api/notices"
grep -q '"version":2' "$work/body" && ok "an urgent notice published in the studio as version 2" || fail "notice: $(cat "$work/body")"
red() {
  [ "$(grep -c "the screen took" "$work/out")" -ge 2 ] || return 1
  read -r r g < <(convert "$work/demo/screen.png" -format '%[fx:int(255*mean.r)] %[fx:int(255*mean.g)]' info: 2>/dev/null)
  [ "${r:-0}" -gt 120 ] && [ "${g:-255}" -lt 80 ]
}
wait_for 120 red && ok "the screen took it within its 5 s poll: the screenshot is the red notice" ||
  fail "the notice did not reach the screen: $(cat "$work/out") $(tail -3 "$work/demo/screen.log")"

kill "$demo_pid"
stopped() { ! kill -0 "$demo_pid" 2>/dev/null && ! curl -s -o /dev/null "$base/"; }
wait_for 30 stopped && ok "SIGTERM stopped the demo, the studio with it" || fail "still running after SIGTERM"
! pgrep -f "placard-tool serve --config $work/demo/placard.conf" >/dev/null && ok "and the screen's service" ||
  fail "the screen's service outlived the demo"
demo_pid=

[ $failures -eq 0 ] || { echo "demo output:"; cat "$work/out"; exit 1; }
echo "ok: tools/demo --studio: a studio and a screen, from sign-in to a notice on screen"
