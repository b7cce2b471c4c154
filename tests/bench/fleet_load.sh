#!/usr/bin/env bash
# fleet_load.sh PLACARD_STUDIO PLACARD_FLEET_LOAD [SCREENS] [INTERVAL] [ROUNDS] [MQTT_LOAD]
# The fleet under load (issue 16, "Tests" and "Performance"), on loopback: SCREENS simulated
# screens (default 1000), enrolled with `placard-studio add-screens`, report to a real studio
# every INTERVAL seconds (default 30) for ROUNDS rounds (default 2), then all at once (a power
# cut's end). Over HTTP, each sender has a loopback address of its own; with MQTT_LOAD
# (placard-fleet-mqtt-load) they go through mosquitto, started here, in processes of 250
# screens. Once the studio has heard from every screen it is asked for a refresh of all of them,
# and each screen's time to receive it is measured. Says the studio's (and the broker's) CPU
# time and memory, the ingest rate, the latencies, the bytes a screen sends a day. Fails only
# when a report or command is lost or refused, or the studio does not list every screen as
# seen: a shared machine's timings are noise, never asserted.
set -uo pipefail
studio=$1 load=$2 screens=${3:-1000} interval=${4:-30} rounds=${5:-2} mqtt_load=${6:-}
here=$(cd "$(dirname "$0")/../integration" && pwd)
source "$here/exit_trap.sh"
source "$here/studio_fixture.sh"
source "$here/mosquitto_fixture.sh"
work=$(mktemp -d)
studio_pid=
sims=()
on_main_exit 'for pid in "${sims[@]}" $studio_pid; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done; stop_mosquitto; rm -rf "$work"'
unset DISPLAY
py() { /usr/bin/python3 "$@"; }
data=$work/data
echo "admin password" | "$studio" --data "$data" add-user admin --role admin >/dev/null
"$load" keys "$screens" "$work/keys" || { echo "FAIL: no keys" >&2; exit 1; }
"$studio" --data "$data" add-screens "$work/keys.screens" || { echo "FAIL: add-screens" >&2; exit 1; }
broker_options=()
if [ -n "$mqtt_load" ]; then
  # A thousand connections and the studio's: more descriptors than the usual 1024.
  ulimit -n 8192 2>/dev/null || ulimit -n "$(ulimit -Hn)"
  start_mosquitto "$work/broker" || exit 1
  broker_options=(--mqtt-url "mqtt://127.0.0.1:$mqtt_port")
fi
start_studio "$studio" "$data" "$work/studio.log" "${broker_options[@]}" || exit 1
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$studio_pid/stat"; }
status_kb() { awk -v field="$1:" '$1 == field { print $2 }' "/proc/$studio_pid/status"; }
ticks_per_s=$(getconf CLK_TCK)
curl -s -o /dev/null -c "$work/jar" --data-urlencode "user=admin" --data-urlencode "password=admin password" "$base/sign-in"
csrf=$(curl -s -b "$work/jar" "$base/api/session" | py -c 'import json,sys; print(json.load(sys.stdin)["csrf"])')
broker_ticks() { [ -z "$mqtt_load" ] && echo 0 || awk '{ print $14 + $15 }' "/proc/$mqtt_pid/stat"; }
rss_before=$(status_kb VmRSS) ticks_before=$(cpu_ticks) broker_before=$(broker_ticks) started=$SECONDS
if [ -z "$mqtt_load" ]; then
  "$load" run "$base" "$work/keys" "$interval" "$rounds" "$work/command-asked" >"$work/result.json" &
  sims+=($!)
else
  for first in $(seq 0 250 $((screens - 1))); do
    "$mqtt_load" "mqtt://127.0.0.1:$mqtt_port" "$work/keys" "$first" 250 "$interval" "$rounds" "$work/command-asked" >"$work/result-$first.json" 2>"$work/sim-$first.log" &
    sims+=($!)
  done
fi
# Once the studio has heard from every screen (through the broker: online there), a refresh for
# all of them, and the time it was asked for.
heard='s["last_seen"] > 0'
[ -n "$mqtt_load" ] && heard='s.get("broker") == "online"'
deadline=$((SECONDS + 3 * interval + 120))
until curl -s -b "$work/jar" "$base/api/screens" | py -c "import json,sys; f=json.load(sys.stdin); sys.exit(0 if sum(1 for s in f['screens'] if $heard) == $screens else 1)" 2>/dev/null; do
  [ $SECONDS -lt $deadline ] || { echo "FAIL: the studio did not hear from all $screens screens" >&2; exit 1; }
  sleep 2  # Each look lists 1,000 screens: its CPU is the studio's too.
done
date +%s.%N >"$work/command-asked.new"
status=$(curl -s -o "$work/command-answer" -w '%{http_code}' -b "$work/jar" -H "X-CSRF-Token: $csrf" --data-binary '{"action": "refresh", "group": ""}' "$base/api/screens/command")
mv "$work/command-asked.new" "$work/command-asked"
[ "$status" = 200 ] || { echo "FAIL: the refresh for all: $status $(cat "$work/command-answer")" >&2; exit 1; }
for pid in "${sims[@]}"; do
  wait "$pid" || { echo "FAIL: the simulation did not run: $(tail -5 "$work"/sim-*.log 2>/dev/null)" >&2; exit 1; }
done
sims=()
elapsed=$((SECONDS - started)) ticks_after=$(cpu_ticks) broker_after=$(broker_ticks) rss_after=$(status_kb VmRSS) hwm=$(status_kb VmHWM)
if [ -n "$mqtt_load" ]; then
  broker_rss=$(awk '$1 == "VmHWM:" { print $2 }' "/proc/$mqtt_pid/status")
  py - "$work" >"$work/result.json" <<'PY'
import glob, json, sys
parts = [json.load(open(f)) for f in sorted(glob.glob(sys.argv[1] + "/result-*.json"))]
merged = {"transport": "mqtt", "parts": len(parts)}
for key in ("screens", "published", "not_connected", "taken_by_broker", "expected_taken", "commands_received"):
    merged[key] = sum(p[key] for p in parts)
merged["connected"] = all(p["connected"] for p in parts)
merged["burst_seconds"] = max(p["burst_seconds"] for p in parts)
merged["burst_started"] = min(p["burst_started"] for p in parts)
merged["bytes_per_report"] = parts[0]["bytes_per_report"]
merged["command_ms"] = sorted(ms for p in parts for ms in p["command_ms"])
print(json.dumps(merged))
PY
else
  broker_rss=0
fi
py -c "import json,sys; r=json.load(open('$work/result.json')); r.pop('command_ms', None); print(json.dumps(r))"
# The studio's view once the last reports are in (through the broker, they may still be queued).
deadline=$((SECONDS + 120))
until curl -s -b "$work/jar" "$base/api/screens" >"$work/fleet.json" &&
  py -c "import json,sys; f=json.load(open('$work/fleet.json')); sys.exit(0 if sum(1 for s in f['screens'] if $heard) == $screens else 1)" 2>/dev/null; do
  [ $SECONDS -lt $deadline ] || break
  sleep 0.5
done
py - "$work/result.json" "$work/fleet.json" "$screens" "$elapsed" "$((ticks_after - ticks_before))" "$ticks_per_s" \
  "$rss_before" "$rss_after" "$hwm" "$((broker_after - broker_before))" "$broker_rss" "$interval" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
fleet = json.load(open(sys.argv[2]))
screens, elapsed, ticks, per_s = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
rss_before, rss_after, hwm, broker_ticks, broker_rss, interval = (int(x) for x in sys.argv[7:13])
cpu = ticks / per_s
mqtt = result.get("transport") == "mqtt"
reports = result["published"] if mqtt else result["accepted"]
print(f"studio: {reports} reports taken in {elapsed} s ({reports / max(elapsed, 1):.1f}/s); "
      f"CPU {cpu:.1f} s ({1000 * cpu / max(reports, 1):.2f} ms a report); "
      f"VmRSS {rss_before} → {rss_after} kB, peak {hwm} kB ({(rss_after - rss_before) / max(screens, 1):.1f} kB a screen)")
failures = []
if mqtt:
    print(f"mosquitto: CPU {broker_ticks / per_s:.1f} s, peak {broker_rss} kB; {screens} screens in {result['parts']} processes; "
          f"the burst of {screens} reconnections done in {result['burst_seconds']:.1f} s; "
          f"a report is {result['bytes_per_report']} B: {result['bytes_per_report'] * 86400 / 30 / 1e6:.1f} MB a day at 30 s")
    if not result["connected"] or result["not_connected"] or result["taken_by_broker"] < result["expected_taken"]:
        failures.append(f"reports not taken by the broker: {result}")
    late = [s["name"] for s in fleet["screens"] if s.get("broker") != "online" or s["last_seen"] < int(result["burst_started"])]
    if late:
        failures.append(f"{len(late)} screens' last reports did not reach the studio, e.g. {late[:3]}")
else:
    print(f"reports in the rounds: p50 {result['latency_ms_p50']:.1f} ms, p95 {result['latency_ms_p95']:.1f} ms; "
          f"burst of {screens} done in {result['burst_seconds']:.1f} s with {result['retried']} retries; "
          f"a screen sends {result['bytes_per_report_up']} B a report and gets {result['bytes_per_report_down']} B: "
          f"{result['bytes_per_screen_day_at_30s'] / 1e6:.1f} MB a day at 30 s")
    if result["lost"] or result["refused"] or result["accepted"] != result["expected"]:
        failures.append(f"reports lost or refused: {result}")
ms = result["command_ms"]
at = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))] if ms else float("nan")
print(f"a refresh for all {screens} screens, {'through the broker' if mqtt else f'with the answers to reports every {interval} s'}: "
      f"received by {len(ms)}; p50 {at(0.5):.0f} ms, p95 {at(0.95):.0f} ms, last {at(1.0):.0f} ms after it was asked for")
if len(ms) != screens:
    failures.append(f"the command reached {len(ms)} of {screens} screens")
seen = [s for s in fleet["screens"] if s["last_seen"] > 0]
if len(fleet["screens"]) != screens or len(seen) != screens:
    failures.append(f"the studio lists {len(fleet['screens'])} screens, {len(seen)} seen, of {screens}")
for failure in failures:
    print("FAIL: " + failure, file=sys.stderr)
sys.exit(1 if failures else 0)
PY
