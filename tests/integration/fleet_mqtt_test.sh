#!/usr/bin/env bash
# fleet_mqtt_test.sh PLACARD_STUDIO PLACARD_TOOL PLACARD
# A fleet through an MQTT broker (issue 16), with real parts: mosquitto on 127.0.0.1 (started
# here), Placard Studio linked to it, three live players under one Xvfb whose content services
# report through it (every 10 s; polls hourly):
#   - all three are accepted and appear, well, on version 1, reporting through the broker and
#     online there (their retained flags);
#   - an urgent notice published in the studio reaches all three as a refresh command through
#     the broker (not with a report's answer): the time from publishing to each player showing
#     it is printed (bench.fleet_latency measures it; nothing here is timed);
#   - a screen whose power is cut (its service killed -9, no goodbye) is red at once through
#     its last will, long before it could be found silent;
#   - a command replayed on the broker, or edited, is refused by the screen; a status forged on
#     a screen's topic is not taken by the studio;
#   - with the broker down, the screens report to the studio over HTTP and still take its
#     commands (with the reports' answers); when it is back, they and the studio reconnect.
# The fleet over HTTP alone is integration.fleet. Everything waits with a deadline.
set -uo pipefail
studio=$1 tool=$2 placard=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/exit_trap.sh"
source "$here/studio_fixture.sh"
source "$here/xvfb_fixture.sh"
source "$here/mosquitto_fixture.sh"
source "$here/fleet_fixture.sh"
work=$(mktemp -d)
studio_pid=
pids=()
cleanup() {
  for pid in "${pids[@]}" $studio_pid; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}" $studio_pid; do wait "$pid" 2>/dev/null; done
  stop_mosquitto
  stop_xvfb
  rm -rf "$work"
}
on_main_exit cleanup
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
py() { /usr/bin/python3 "$@"; }
data=$work/data
echo "admin password" | "$studio" --data "$data" add-user 管理员 --role admin >/dev/null
start_mosquitto "$work/broker" || exit 1
broker=mqtt://127.0.0.1:$mqtt_port
start_studio "$studio" "$data" "$work/studio.log" --mqtt-url "$broker" || exit 1
start_xvfb 1280x720 || exit 1
key=$("$studio" --data "$data" public-key)
sign_in
report_interval=10
screen_options="mqtt_url = $broker"
for n in 1 2 3; do start_screen $n; done

# --- Enrolment, through the broker ------------------------------------------------------------
until_fleet 120 'len(f["pending"]) == 3' && ok "three screens wait to be accepted" || fail "enrolment"
py -c "import json; [print(p['key']) for p in json.load(open('$work/body'))['pending']]" >"$work/keys"
while read -r k; do
  [ "$(call POST screens/accept --data-binary '{"key": "'"$k"'"}')" = 200 ] || fail "accept $k: $(cat "$work/body")"
done <"$work/keys"
until_fleet 120 'len(f["screens"]) == 3 and all((s["state"] == "green" or set(s["reasons"]) == {"时钟未同步"}) and s["report"]["player"]["version"] == 1 and s["peer"] == "mqtt" and s.get("broker") == "online" for s in f["screens"])' &&
  ok "all three are well on version 1, reporting through the broker and online there" ||
  fail "the screens are not all well, reporting through the broker"
# What a newcomer to the broker is given at once: the retained flags (the studio's and three).
deadline=$((SECONDS + 60))
while :; do
  mosquitto_sub -p "$mqtt_port" -h 127.0.0.1 -t 'placard/v1/+/online' -v -W 5 -C 4 >"$work/retained" 2>&1
  [ "$(grep -c '"online":true' "$work/retained")" = 4 ] && break
  [ $SECONDS -lt $deadline ] || break
  sleep 0.5
done
[ "$(grep -c '"online":true' "$work/retained")" = 4 ] && grep -q "^placard/v1/studio/online ed25519 $key " "$work/retained" &&
  ok "the broker holds the studio's and each screen's signed online flag, retained" || fail "retained flags: $(cat "$work/retained")"

# --- An urgent notice through the broker --------------------------------------------------------
for n in 1 2 3; do : >"$work/screen$n/seen"; done
start=$(date +%s.%N)
[ "$(call POST notices --data-binary '{"id": "fire-drill", "level": "urgent", "title": "消防演练", "text": "请勿惊慌，按指示有序撤离。", "minutes": 30}')" = 200 ] ||
  fail "notice: $(cat "$work/body")"
deadline=$((SECONDS + 60))
while [ $SECONDS -lt $deadline ]; do
  left=0
  for n in 1 2 3; do
    [ -s "$work/screen$n/seen" ] && continue
    if grep -q 'urgent notice "fire-drill" on the whole screen' "$work/screen$n/player.log"; then
      date +%s.%N >"$work/screen$n/seen"
    else
      left=1
    fi
  done
  [ $left = 0 ] && break
  sleep 0.05
done
grep -q "refresh for 3 screen(s), 3 of them through the broker at once" "$work/studio.log" &&
  ok "the studio handed the refresh to the broker for all three at once, not to their next reports" ||
  fail "the refresh waited for reports: $(grep "refresh for" "$work/studio.log")"
for n in 1 2 3; do
  if [ -s "$work/screen$n/seen" ] && grep -q "command refresh (.*, through the broker): done" "$work/screen$n/serve.log"; then
    ok "screen $n took the refresh through the broker and shows the notice $(py -c "print(f'{$(cat "$work/screen$n/seen") - $start:.2f}')") s after it was published"
  else
    fail "screen $n: no notice through the broker"
  fi
done

# --- Power cut: the last will --------------------------------------------------------------------
kill -9 "$service3"; wait "$service3" 2>/dev/null
until_fleet 60 '[(s["state"], s.get("broker")) for s in f["screens"] if s["name"] == "终端3"] == [("red", "offline")] and "已与消息服务器断开（离线遗嘱）" in [s for s in f["screens"] if s["name"] == "终端3"][0]["reasons"]' &&
  ok "the screen whose power was cut is red through its will, without waiting for silence" ||
  fail "the will did not make screen 3 red"

# --- Replayed, edited and forged messages on the broker ------------------------------------------
key1=$(py -c "import json; print([s['key'] for s in json.load(open('$work/body'))['screens'] if s['name'] == '终端1'][0])")
key2=$(py -c "import json; print([s['key'] for s in json.load(open('$work/body'))['screens'] if s['name'] == '终端2'][0])")
py - "$data/fleet.db" "$key1" "$work" <<'PY'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
replayed = db.execute("SELECT c.envelope FROM commands c JOIN screens s ON s.id = c.screen "
                      "WHERE s.key = ? AND c.delivered IS NOT NULL", (sys.argv[2],)).fetchone()[0]
envelope = json.loads(replayed)
command = json.loads(envelope["command"])
command["nonce"] = "e" * 32
edited = json.dumps({"command": json.dumps(command, separators=(",", ":"), ensure_ascii=False),
                     "signature": envelope["signature"]})
open(sys.argv[3] + "/replayed", "w").write(replayed)
open(sys.argv[3] + "/edited", "w").write(edited)
PY
mark1=$(wc -l <"$work/screen1/serve.log")
mosquitto_pub -p "$mqtt_port" -h 127.0.0.1 -q 1 -t "placard/v1/$key1/commands" -f "$work/replayed"
mosquitto_pub -p "$mqtt_port" -h 127.0.0.1 -q 1 -t "placard/v1/$key1/commands" -f "$work/edited"
since1() { tail -n +"$((mark1 + 1))" "$work/screen1/serve.log"; }
deadline=$((SECONDS + 30))
until since1 | grep -q "carried out before" && since1 | grep -q "the signature does not match"; do
  [ $SECONDS -lt $deadline ] || break
  sleep 0.2
done
since1 | grep -q "carried out before" && since1 | grep -q "the signature does not match" &&
  ! since1 | grep -q "command refresh (.*): done" &&
  ok "a replayed command on the broker is not carried out again, an edited one is refused" ||
  fail "replayed or edited commands through the broker"
# Screen 2's topic, a status in its name signed by another key; and its flag said offline by it.
call GET screens >/dev/null
seen2=$(py -c "import json; print([s['last_seen'] for s in json.load(open('$work/body'))['screens'] if s['name'] == '终端2'][0])")
printf 'ed25519 %s %s\n{"placard_report":1,"key":"%s","sent":"2030-01-01T00:00:00Z"}' "$key2" "$(printf 'ab%.0s' {1..64})" "$key2" >"$work/forged"
mosquitto_pub -p "$mqtt_port" -h 127.0.0.1 -q 1 -t "placard/v1/$key2/status" -f "$work/forged"
printf 'ed25519 %s %s\n{"placard_online":1,"key":"%s","online":false,"session":"x","sent":"2030-01-01T00:00:00Z"}' "$key2" "$(printf 'cd%.0s' {1..64})" "$key2" >"$work/forged-offline"
mosquitto_pub -p "$mqtt_port" -h 127.0.0.1 -q 1 -t "placard/v1/$key2/online" -f "$work/forged-offline"
# And a genuine report of screen 1, published on screen 2's topic.
mosquitto_sub -p "$mqtt_port" -h 127.0.0.1 -t "placard/v1/$key1/status" -C 1 -W 40 >"$work/status1" 2>/dev/null
[ -s "$work/status1" ] && mosquitto_pub -p "$mqtt_port" -h 127.0.0.1 -q 1 -t "placard/v1/$key2/status" -f "$work/status1"
until_log "$work/studio.log" "a message on placard/v1/$key2/status is signed by another key" 30 &&
  until_log "$work/studio.log" "a report on placard/v1/$key2/status refused" 30 &&
  until_log "$work/studio.log" "an online flag on placard/v1/$key2/online refused" 30 &&
  until_fleet 30 '[(s["state"], s.get("broker")) for s in f["screens"] if s["name"] == "终端2"][0][1] == "online"' &&
  ok "screen 1's report on screen 2's topic, a forged status and a forged offline flag for screen 2 change nothing" ||
  fail "forged messages on screen 2's topics"

# --- The broker down: HTTP, and back -------------------------------------------------------------
# From here on, only what the logs say after the broker went down counts.
for n in 1 2; do wc -l <"$work/screen$n/serve.log" >"$work/screen$n/mark"; done
stop_mosquitto
since_mark() { tail -n +"$(($(cat "$work/screen$1/mark") + 1))" "$work/screen$1/serve.log" >"$work/screen$1/since"; }
until_new_log() {  # until_new_log N PATTERN SECONDS: in screen N's log since the mark
  local deadline=$((SECONDS + $3))
  while [ $SECONDS -lt $deadline ]; do
    since_mark "$1"; grep -q -- "$2" "$work/screen$1/since" && return 0
    sleep 0.2
  done
  echo "no '$2' in screen $1's log since the broker went down" >&2; return 1
}
for n in 1 2; do
  until_new_log $n "reporting, accepted as" 60 &&
    ok "screen $n reports to the studio over HTTP with the broker down" || fail "screen $n: no HTTP report"
done
[ "$(call POST notices --data-binary '{"cancel": true, "id": "fire-drill"}')" = 200 ] ||
  fail "cancelling the notice: $(cat "$work/body")"
for n in 1 2; do
  until_new_log $n "command refresh (.*, with a report's answer): done" 60 &&
    ok "screen $n took the next refresh with a report's answer while the broker was down" ||
    fail "screen $n: no refresh over HTTP"
done
start_mosquitto "$work/broker" "$mqtt_port" || exit 1
until_fleet 120 'sorted(s["name"] for s in f["screens"] if s.get("broker") == "online" and s["peer"] == "mqtt") == ["终端1", "终端2"]' &&
  ok "with the broker back, screens 1 and 2 and the studio reconnect and report through it" ||
  fail "no reconnection after the broker came back"
[ $failures -eq 0 ] || exit 1
