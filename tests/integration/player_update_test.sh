#!/usr/bin/env bash
# player_update_test.sh PLACARD PLACARD_TOOL DEMO
# The player on a real X server (Xvfb) with its content service (placard-tool serve) and a real
# nginx: the player starts on its fallback content, the service takes version 1 and then
# version 2 from the feed and the screen shows each; a broken feed in between is refused while
# the screen keeps version 1.
set -uo pipefail
placard=$1 tool=$2 demo=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/exit_trap.sh"
source "$here/nginx_fixture.sh"
source "$here/xvfb_fixture.sh"
work=$(mktemp -d); chmod 755 "$work"
cleanup() {
  [ -n "${player:-}" ] && kill "$player" 2>/dev/null && wait "$player" 2>/dev/null
  [ -n "${service:-}" ] && kill "$service" 2>/dev/null && wait "$service" 2>/dev/null
  stop_xvfb; stop_nginx; rm -rf "$work"
}
on_main_exit cleanup
start_nginx "$work" || exit 1
start_xvfb 1280x720 || exit 1

"$here/make_feed.py" "$demo" "$work/www/feed" 1
(cd "$work" && "$tool" keygen admin >/dev/null)
"$tool" sign-feed "$work/www/feed" --key "$work/admin.key" >/dev/null
chmod -R a+rX "$work/www"
cat >"$work/placard.conf" <<CONF
feed_url = http://127.0.0.1:$port/feed/feed.json
store = $work/store
poll_interval = 5
max_backoff = 5
trusted_key = $(cat "$work/admin.pub")
CONF
"$placard" --config "$work/placard.conf" --windowed --size 1280x720 \
  >"$work/player.log" 2>&1 &
player=$!
"$tool" serve --config "$work/placard.conf" >"$work/serve.log" 2>&1 &
service=$!

wait_for() {  # wait_for PATTERN SECONDS
  for _ in $(seq $(( $2 * 10 ))); do
    cat "$work/player.log" "$work/serve.log" 2>/dev/null | grep -q -- "$1" && return 0
    kill -0 "$player" 2>/dev/null || { echo "the player exited:" >&2; cat "$work/player.log" >&2; return 1; }
    sleep 0.1
  done
  echo "no '$1' in the logs after $2 s:" >&2; cat "$work/player.log" "$work/serve.log" >&2
  return 1
}
failures=0
wait_for "showing content version 1" 60 && echo "ok: version 1 on screen" || failures=$((failures + 1))

# A broken feed: refused, the screen keeps version 1.
printf '{"placard": 1, "version": 2, garbage' >"$work/www/feed/feed.json"
wait_for "feed refused" 60 && echo "ok: broken feed refused" || failures=$((failures + 1))
if grep -q "showing content version 2" "$work/player.log"; then
  echo "FAIL: a broken feed reached the screen" >&2; failures=$((failures + 1))
fi

# The next good feed is taken and shown.
"$here/make_feed.py" "$demo" "$work/www/feed" 2 --ticker "第二版"
"$tool" sign-feed "$work/www/feed" --key "$work/admin.key" >/dev/null
chmod -R a+rX "$work/www"
wait_for "showing content version 2" 60 && echo "ok: version 2 on screen" || failures=$((failures + 1))
kill -0 "$player" || { echo "FAIL: the player died" >&2; failures=$((failures + 1)); }
[ $failures -eq 0 ] || exit 1
