#!/usr/bin/env bash
# fleet_browser_test.sh PLACARD_STUDIO PLACARD_TOOL PLACARD [DOCS_DIR]
# The studio's 终端管理 page in Debian's chromium (fleet_page.py) with two screens reporting to
# the studio every 2 s: 终端甲, a live player under Xvfb with its content service, and 终端乙,
# a content service whose player is not running.
set -uo pipefail
studio=$1 tool=$2 placard=$3 docs=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
integration=$here/../integration
source "$integration/exit_trap.sh"
source "$integration/studio_fixture.sh"
source "$integration/xvfb_fixture.sh"
work=$(mktemp -d)
studio_pid=
pids=()
cleanup() {
  for pid in "${pids[@]}" $studio_pid; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}" $studio_pid; do wait "$pid" 2>/dev/null; done
  stop_xvfb 2>/dev/null
  rm -rf "$work"
}
on_main_exit cleanup
for program in /usr/bin/chromium /usr/bin/chromedriver; do
  [ -x "$program" ] || { echo "FAIL: $program is missing (tools/install-deps test installs it)" >&2; exit 1; }
done
data=$work/data
echo "admin password" | "$studio" --data "$data" add-user 管理员 --role admin >/dev/null
start_studio "$studio" "$data" "$work/studio.log" || exit 1
start_xvfb 1280x720 || exit 1
for name in 终端甲 终端乙; do
  dir=$work/$name
  mkdir -p "$dir"
  cat >"$dir/placard.conf" <<CONF
feed_url = $base/feed/feed.json
store = $dir/store
trusted_key = $("$studio" --data "$data" public-key)
studio_url = $base
screen_name = $name
report_interval = 2
screen_key = $dir/screen.key
player_status = $dir/status.json
CONF
  if [ $name = 终端甲 ]; then
    "$placard" --config "$dir/placard.conf" --windowed --size 640x360 >"$dir/player.log" 2>&1 &
    pids+=($!)
  fi
  "$tool" serve --config "$dir/placard.conf" >"$dir/serve.log" 2>&1 &
  pids+=($!)
done
HOME=$work /usr/bin/python3 "$here/fleet_page.py" "$base" ${docs:+"$docs"} || {
  echo "studio log:"; cat "$work/studio.log"; for f in "$work"/*/serve.log; do echo "$f:"; cat "$f"; done
  exit 1
}
echo "ok: the fleet's page, in a browser"
