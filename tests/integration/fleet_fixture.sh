# Sourced by the fleet's tests (issue 16), after studio_fixture.sh and once $work, $base, $key
# (the studio's public key), $placard, $tool and the pids array are set: signing in to the
# studio's API, calling it, waiting for the fleet or a log by a deadline, starting screens.
sign_in() {
  curl -s -o /dev/null -c "$work/jar" --data-urlencode "user=管理员" --data-urlencode "password=admin password" "$base/sign-in"
  curl -s -b "$work/jar" "$base/api/session" | py -c 'import json,sys; print(json.load(sys.stdin)["csrf"])' >"$work/csrf"
}
call() {  # call METHOD PATH [CURL OPTIONS…]: prints the status; the body goes to $work/body.
  local method=$1 path=$2; shift 2
  curl -s -o "$work/body" -w '%{http_code}' -X "$method" -b "$work/jar" -H "X-CSRF-Token: $(cat "$work/csrf")" "$@" "$base/api/$path"
}
# until_fleet SECONDS PYTHON-CONDITION WHAT: polls GET /api/screens until the condition on
# `f` (the answer) holds.
until_fleet() {
  local deadline=$((SECONDS + $1))
  while [ $SECONDS -lt $deadline ]; do
    call GET screens >/dev/null
    py -c "import json,sys; f=json.load(open('$work/body')); sys.exit(0 if ($2) else 1)" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "after $1 s: $(cat "$work/body")" >&2
  return 1
}
until_log() {  # until_log FILE PATTERN SECONDS
  local deadline=$((SECONDS + $3))
  while [ $SECONDS -lt $deadline ]; do
    grep -q -- "$2" "$1" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "no '$2' in $1 after $3 s:" >&2; tail -20 "$1" >&2
  return 1
}
# start_screen N [STUDIO-URL [no-player]]: screen N's player (480x270, windowed) and content
# service, in $work/screenN, polling its feed hourly and reporting every $report_interval
# seconds (2 unless set); $screen_options adds lines to its placard.conf. A failed poll is
# tried again within 5 s (max_backoff): all the screens share 127.0.0.1, and the studio's
# bound of 8 connections an address answers 503 to some of them under load (CI's native run
# once lost a first poll so, and would have waited an hour).
start_screen() {
  local n=$1 dir=$work/screen$1
  mkdir -p "$dir"
  cat >"$dir/placard.conf" <<CONF
feed_url = $base/feed/feed.json
store = $dir/store
poll_interval = 3600
max_backoff = 5
trusted_key = $key
studio_url = ${2:-$base}
screen_name = 终端$n
report_interval = ${report_interval:-2}
screen_key = $dir/screen.key
player_status = $dir/status.json
play_log = $dir/plays.sqlite
${screen_options:-}
CONF
  if [ -z "${3:-}" ]; then
    "$placard" --config "$dir/placard.conf" --windowed --size 480x270 >"$dir/player.log" 2>&1 &
    pids+=($!); eval "player$n=\$!"
  fi
  "$tool" serve --config "$dir/placard.conf" >>"$dir/serve.log" 2>&1 &
  pids+=($!); eval "service$n=\$!"
}
