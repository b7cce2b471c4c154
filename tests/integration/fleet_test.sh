#!/usr/bin/env bash
# fleet_test.sh PLACARD_STUDIO PLACARD_TOOL PLACARD IMAGE_DIFF
# A fleet over HTTP (issue 16), with real parts: Placard Studio, three live players under one
# Xvfb, each with its content service reporting to the studio every 2 s:
#   - the three screens ask to be accepted and count only once an admin accepts them; then all
#     three appear, green (amber when the machine's clock is not synchronised), with the version
#     they show and what their zones show;
#   - the screens poll their feed only hourly, so an urgent notice published in the studio
#     reaches them through the studio's signed "refresh" command: all three take the new version
#     and show the notice;
#   - a screenshot asked for in the studio arrives there and is the frame on the player's panel
#     (read back from the X server);
#   - a killed player turns its screen red (reporting, not rendering), and the office's webhook
#     is told (once, for that screen only);
#   - a restart asked for in the studio makes the player quit (for systemd to start it again);
#   - a screen put in a group in the studio shows a notice for that group, the others do not;
#   - 关屏 and 开屏 turn a screen's display off and on again;
#   - a command replayed to a screen, or signed by a key it does not trust, is refused.
# Everything is waited for with a deadline, never a fixed sleep.
set -uo pipefail
studio=$1 tool=$2 placard=$3 diff=$4
here=$(cd "$(dirname "$0")" && pwd)
source "$here/exit_trap.sh"
source "$here/studio_fixture.sh"
source "$here/xvfb_fixture.sh"
source "$here/fleet_fixture.sh"
work=$(mktemp -d)
studio_pid=
pids=()
cleanup() {
  for pid in "${pids[@]}" $studio_pid ${fake_pid:-} ${hook_pid:-}; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}" $studio_pid ${fake_pid:-} ${hook_pid:-}; do wait "$pid" 2>/dev/null; done
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
# The office's alert receiver: keeps every alert the studio POSTs to its webhook.
/usr/bin/python3 - "$work" <<'PY' &
import http.server, sys
work = sys.argv[1]
class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with open(work + "/alerts", "ab") as alerts:
            alerts.write(body + b"\n")
        self.send_response(204)
        self.end_headers()
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(("127.0.0.1", 0), Hook)
open(work + "/hook-port", "w").write(str(server.server_port))
server.serve_forever()
PY
hook_pid=$!
for _ in $(seq 100); do [ -s "$work/hook-port" ] && break; sleep 0.1; done
start_studio "$studio" "$data" "$work/studio.log" --alert-webhook "http://127.0.0.1:$(cat "$work/hook-port")/alerts" || exit 1
start_xvfb 1280x720 || exit 1
key=$("$studio" --data "$data" public-key)

sign_in

for n in 1 2 3; do start_screen $n; done

# --- Enrolment ------------------------------------------------------------------------------
until_fleet 120 'len(f["pending"]) == 3 and not f["screens"]' &&
  ok "three screens wait to be accepted, and none counts yet" || fail "enrolment"
py -c "import json; [print(p['key']) for p in json.load(open('$work/body'))['pending']]" >"$work/keys"
[ "$(call POST screens/accept --data-binary '{"key": "'"$(printf '0%.0s' {1..64})"'"}')" = 404 ] &&
  ok "a key nobody enrolled cannot be accepted" || fail "accepting an unknown key: $(cat "$work/body")"
while read -r k; do
  [ "$(call POST screens/accept --data-binary '{"key": "'"$k"'"}')" = 200 ] || fail "accept $k: $(cat "$work/body")"
done <"$work/keys"
# Green, or amber only because this machine's clock is not synchronised (a container without
# NTP): the state is the machine's own, and every other reason would be a fault.
until_fleet 120 'len(f["screens"]) == 3 and all((s["state"] == "green" or set(s["reasons"]) == {"时钟未同步"}) and s["report"]["player"]["version"] == 1 for s in f["screens"])' &&
  ok "all three are well ($(py -c "import json; print(', '.join(s['state'] for s in json.load(open('$work/body'))['screens']))")), showing version 1: $(py -c "import json; print('; '.join(s['name'] + ': ' + s['report']['player']['showing'] for s in json.load(open('$work/body'))['screens']))")" ||
  fail "the accepted screens are not all well on version 1"

# --- An urgent notice reaches every screen by command, not by its hourly poll ---------------
for n in 1 2 3; do grep -c "took version" "$work/screen$n/serve.log" >"$work/screen$n/polls" || true; done
[ "$(call POST notices --data-binary '{"id": "fire-drill", "level": "urgent", "title": "消防演练", "text": "请勿惊慌，按指示有序撤离。", "minutes": 30}')" = 200 ] &&
  version=$(py -c "import json; print(json.load(open('$work/body'))['version'])") &&
  ok "the notice is published as version $version" || fail "notice: $(cat "$work/body")"
for n in 1 2 3; do
  until_log "$work/screen$n/serve.log" "command refresh (.*): done" 60 &&
    until_log "$work/screen$n/player.log" 'urgent notice "fire-drill" on the whole screen' 60 &&
    ok "screen $n took the refresh command and shows the notice" || fail "screen $n: no notice"
done

# --- Groups: a notice for one group shows on its screens only -------------------------------
screen_id() { py -c "import json; print([s['id'] for s in json.load(open('$work/body'))['screens'] if s['name'] == '$1'][0])"; }
call GET screens >/dev/null; id1=$(screen_id 终端1)
[ "$(call POST "screens/$id1" --data-binary '{"name": "终端1", "place": "", "group": " 乡镇\u3000"}')" = 200 ] &&
  until_fleet 60 '[s["report"].get("group") for s in f["screens"] if s["name"] == "终端1"] == ["乡镇"] and not any(s["group_pending"] for s in f["screens"])' &&
  until_log "$work/screen1/player.log" 'the studio puts this screen in group "乡镇"' 30 &&
  ok "screen 1 is put in group 乡镇 (typed with spaces around it) by a signed command, and says so in its reports" ||
  fail "screen 1's group: $(cat "$work/body")"
[ "$(call POST notices --data-binary '{"id": "town-drill", "level": "urgent", "title": "乡镇演练", "text": "请乡镇干部到大厅集合。", "minutes": 30, "groups": ["乡镇"]}')" = 200 ] &&
  town_version=$(py -c "import json; print(json.load(open('$work/body'))['version'])") &&
  ok "a notice for group 乡镇 is published as version $town_version" || fail "group notice: $(cat "$work/body")"
until_log "$work/screen1/player.log" 'urgent notice "town-drill" on the whole screen' 60 &&
  ok "screen 1 (乡镇) shows it" || fail "screen 1 (乡镇) does not show the group's notice"
for n in 2 3; do
  # Once the version is on screen its notices were judged (the same frame logs both).
  until_log "$work/screen$n/player.log" "showing content version $town_version" 60 &&
    ! grep -q '"town-drill"' "$work/screen$n/player.log" &&
    ok "screen $n (no group) shows version $town_version without it" ||
    fail "screen $n: $(grep -E "town-drill|showing content version" "$work/screen$n/player.log")"
done
[ "$(call POST notices --data-binary '{"cancel": true, "id": "town-drill"}')" = 200 ] ||
  fail "cancelling the group's notice: $(cat "$work/body")"

# --- A screenshot asked for in the studio is the player's own frame -------------------------
call GET screens >/dev/null; id2=$(screen_id 终端2)
[ "$(call POST screens/command --data-binary '{"action": "screenshot", "screens": ['"$id2"']}')" = 200 ] ||
  fail "screenshot command: $(cat "$work/body")"
if until_fleet 60 '[s["screenshot_at"] for s in f["screens"] if s["name"] == "终端2"][0] > 0' &&
  [ "$(call GET "screens/$id2/screenshot")" = 200 ]; then
  cp "$work/body" "$work/from-studio.png"
  # The same window, read back from the X server (raised first: the three windows overlap).
  window=$(xdotool search --pid "$player2" | tail -1)
  xdotool windowraise "$window" 2>/dev/null
  for _ in $(seq 50); do
    import -window "$window" "$work/from-x.png" 2>/dev/null &&
      "$diff" "$work/from-studio.png" "$work/from-x.png" --tolerance 2 --max-fraction 0.01 >"$work/diff.txt" 2>&1 && break
    sleep 0.2
  done
  identify -format '%wx%h' "$work/from-studio.png" >"$work/size" 2>/dev/null
  [ "$(cat "$work/size")" = 480x270 ] && "$diff" "$work/from-studio.png" "$work/from-x.png" --tolerance 2 --max-fraction 0.01 >/dev/null 2>&1 &&
    ok "the studio's screenshot of screen 2 ($(cat "$work/size")) is the frame on its panel: $(cat "$work/diff.txt")" ||
    fail "the screenshot differs from the panel: $(cat "$work/diff.txt")"
else
  fail "no screenshot reached the studio: $(cat "$work/body")"
fi

# --- A killed player: its screen turns red (reporting, not rendering) ----------------------
kill "$player3"; wait "$player3" 2>/dev/null
until_fleet 120 '[s["state"] for s in f["screens"] if s["name"] == "终端3"] == ["red"] and all(s["state"] in ("green", "amber") for s in f["screens"] if s["name"] != "终端3")' &&
  ok "the screen whose player was killed is red: $(py -c "import json; print([s['reasons'] for s in json.load(open('$work/body'))['screens'] if s['name'] == '终端3'][0])")" ||
  fail "the killed player's screen did not turn red"
until_log "$work/alerts" '"event":"screen failing"' 60 &&
  py -c "import json,sys; a=[json.loads(l) for l in open('$work/alerts')]; sys.exit(0 if [x['name'] for x in a if x['event'] == 'screen failing'] == ['终端3'] else 1)" &&
  ok "the office's webhook got the alert: $(grep 'screen failing' "$work/alerts")" ||
  fail "no webhook alert for the failing screen: $(cat "$work/alerts" 2>/dev/null)"

# --- Restart: the player quits for systemd to start it again -------------------------------
[ "$(call POST screens/command --data-binary '{"action": "restart", "screens": ['"$id2"']}')" = 200 ] ||
  fail "restart command: $(cat "$work/body")"
until_log "$work/screen2/player.log" "restarting, as the studio asked" 60 &&
  for _ in $(seq 100); do kill -0 "$player2" 2>/dev/null || break; sleep 0.1; done
kill -0 "$player2" 2>/dev/null && fail "the player did not quit when the studio asked it to restart" ||
  ok "the player quit for a restart, as the studio asked"

# --- 关屏 / 开屏: the player's power decision, overridden from the studio ---------------------
# An urgent notice keeps a panel lit whatever the studio says: the drill's is cancelled first.
[ "$(call POST notices --data-binary '{"cancel": true, "id": "fire-drill"}')" = 200 ] ||
  fail "cancelling the notice: $(cat "$work/body")"
call GET screens >/dev/null; id1=$(screen_id 终端1)
screen_of() { echo "[s['report']['player']['screen'] for s in f['screens'] if s['name'] == '$1'][0]"; }
[ "$(call POST screens/command --data-binary '{"action": "display-off", "screens": ['"$id1"']}')" = 200 ] &&
  until_fleet 60 "$(screen_of 终端1) == 'off (turned off from the studio)'" &&
  until_log "$work/screen1/player.log" "the studio asks to turn the display off" 10 &&
  ok "关屏 from the studio turns screen 1 off: $(py -c "import json; f=json.load(open('$work/body')); print($(screen_of 终端1))")" ||
  fail "display-off did not turn screen 1 off"
# A player restarted while turned off stays off (the request is a state, not an act).
kill "$player1"; wait "$player1" 2>/dev/null
rm -f "$work/screen1/status.json"
"$placard" --config "$work/screen1/placard.conf" --windowed --size 480x270 >>"$work/screen1/player.log" 2>&1 &
pids+=($!); player1=$!
deadline=$((SECONDS + 60))
until py -c "import json,sys; sys.exit(0 if json.load(open('$work/screen1/status.json'))['screen'] == 'off (turned off from the studio)' else 1)" 2>/dev/null; do
  [ $SECONDS -lt $deadline ] || break
  sleep 0.2
done
py -c "import json,sys; sys.exit(0 if json.load(open('$work/screen1/status.json'))['screen'] == 'off (turned off from the studio)' else 1)" 2>/dev/null &&
  ok "a player restarted while turned off stays off" ||
  fail "the restarted player forgot 关屏: $(cat "$work/screen1/status.json" 2>/dev/null)"
[ "$(call POST screens/command --data-binary '{"action": "display-on", "screens": ['"$id1"']}')" = 200 ] &&
  until_fleet 60 "$(screen_of 终端1).startswith('on')" &&
  ok "开屏 turns it on again: $(py -c "import json; f=json.load(open('$work/body')); print($(screen_of 终端1))")" ||
  fail "display-on did not turn screen 1 on"

# --- A replayed and a forged command --------------------------------------------------------
# Screen 1's refresh command as it was delivered, replayed by a fake studio, with an edited
# copy and one signed by a key the screen does not trust.
py - "$data/fleet.db" "$work/replayed" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
row = db.execute("SELECT c.envelope FROM commands c JOIN screens s ON s.id = c.screen "
                 "WHERE s.name = '终端1' AND c.delivered IS NOT NULL").fetchone()
open(sys.argv[2], "w").write(row[0])
PY
/usr/bin/python3 - "$work" <<'PY' &
import http.server, json, sys
work = sys.argv[1]
replayed = open(work + "/replayed").read()
# The studio's signature over an edited command (another nonce), and a command signed by a key
# the screen does not trust.
envelope = json.loads(replayed)
command = json.loads(envelope["command"])
command["nonce"] = "f" * 32
edited = json.dumps({"command": json.dumps(command, separators=(",", ":"), ensure_ascii=False),
                     "signature": envelope["signature"]})
stranger = json.dumps({"command": envelope["command"],
                       "signature": "ed25519 " + "ab" * 32 + " " + "cd" * 64})
class Fake(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = json.dumps({"state": "accepted", "commands": [replayed, edited, stranger]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(("127.0.0.1", 0), Fake)
open(work + "/fake-port", "w").write(str(server.server_port))
server.serve_forever()
PY
fake_pid=$!
until_log "$work/fake-port" "[0-9]" 30 >/dev/null || fail "the fake studio did not start"
kill "$service1"; wait "$service1" 2>/dev/null
# Only what the restarted service logs counts from here.
mark=$(wc -l <"$work/screen1/serve.log")
start_screen 1 "http://127.0.0.1:$(cat "$work/fake-port")" no-player
since() { tail -n +"$((mark + 1))" "$work/screen1/serve.log"; }
until_since() {  # until_since PATTERN COUNT SECONDS
  local deadline=$((SECONDS + $3))
  while [ $SECONDS -lt $deadline ]; do
    [ "$(since | grep -c -- "$1")" -ge "$2" ] && return 0
    sleep 0.2
  done
  echo "fewer than $2 '$1' in the restarted service's log after $3 s" >&2; return 1
}
# Three reports answered with the three commands (one report every 2 s).
until_since "carried out before" 3 60 &&
  until_since "the signature does not match" 1 60 &&
  until_since "which this device does not trust" 1 60 &&
  ok "a replayed command is not carried out again (only said done again, $(since | grep -c "carried out before") times), an edited and a stranger's are refused" || fail "replayed or forged commands"
# The restarted service polls once at start; the three commands, three times over, add none.
polls=$(since | grep -c "feed: took version\|feed: unchanged")
[ "$polls" -le 1 ] && ! since | grep -q "command refresh (.*): done" && ok "and none made the screen poll" ||
  fail "a replayed or refused command made the screen poll ($polls polls: $(since | grep "command refresh"))"
[ $failures -eq 0 ] || exit 1
