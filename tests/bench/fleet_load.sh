#!/usr/bin/env bash
# fleet_load.sh PLACARD_STUDIO PLACARD_FLEET_LOAD [SCREENS] [INTERVAL] [ROUNDS]
# The fleet under load (issue 16, "Tests" and "Performance"), on loopback: SCREENS simulated
# screens (default 1000), enrolled with `placard-studio add-screens`, report to a real studio
# every INTERVAL seconds (default 30) for ROUNDS rounds (default 2), then all at once (a power
# cut's end); each sender has a loopback address of its own. Says the studio's CPU time and
# memory, its ingest rate, the latencies, the bytes a screen sends a day. Fails only when a
# report is lost or refused, or the studio does not list every screen as seen: a shared
# machine's timings are noise, never asserted.
set -uo pipefail
studio=$1 load=$2 screens=${3:-1000} interval=${4:-30} rounds=${5:-2}
here=$(cd "$(dirname "$0")/../integration" && pwd)
source "$here/exit_trap.sh"
source "$here/studio_fixture.sh"
work=$(mktemp -d)
studio_pid=
on_main_exit '[ -z "$studio_pid" ] || { kill "$studio_pid" 2>/dev/null; wait "$studio_pid" 2>/dev/null; }; rm -rf "$work"'
unset DISPLAY
py() { /usr/bin/python3 "$@"; }
data=$work/data
echo "admin password" | "$studio" --data "$data" add-user admin --role admin >/dev/null
"$load" keys "$screens" "$work/keys" || { echo "FAIL: no keys" >&2; exit 1; }
"$studio" --data "$data" add-screens "$work/keys.screens" || { echo "FAIL: add-screens" >&2; exit 1; }
start_studio "$studio" "$data" "$work/studio.log" || exit 1
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$studio_pid/stat"; }
status_kb() { awk -v field="$1:" '$1 == field { print $2 }' "/proc/$studio_pid/status"; }
ticks_per_s=$(getconf CLK_TCK)
rss_before=$(status_kb VmRSS) ticks_before=$(cpu_ticks) started=$SECONDS
"$load" run "$base" "$work/keys" "$interval" "$rounds" >"$work/result.json" ||
  { echo "FAIL: the simulation did not run" >&2; exit 1; }
elapsed=$((SECONDS - started)) ticks_after=$(cpu_ticks) rss_after=$(status_kb VmRSS) hwm=$(status_kb VmHWM)
cat "$work/result.json"

curl -s -o /dev/null -c "$work/jar" --data-urlencode "user=admin" --data-urlencode "password=admin password" "$base/sign-in"
curl -s -b "$work/jar" "$base/api/screens" >"$work/fleet.json"
py - "$work/result.json" "$work/fleet.json" "$screens" "$elapsed" "$((ticks_after - ticks_before))" "$ticks_per_s" \
  "$rss_before" "$rss_after" "$hwm" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
fleet = json.load(open(sys.argv[2]))
screens, elapsed, ticks, per_s = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
rss_before, rss_after, hwm = (int(x) for x in sys.argv[7:10])
cpu = ticks / per_s
print(f"studio: {result['accepted']} reports taken in {elapsed} s ({result['accepted'] / max(elapsed, 1):.1f}/s); "
      f"CPU {cpu:.1f} s ({1000 * cpu / max(result['accepted'], 1):.2f} ms a report); "
      f"VmRSS {rss_before} → {rss_after} kB, peak {hwm} kB ({(rss_after - rss_before) / max(screens, 1):.1f} kB a screen)")
print(f"reports in the rounds: p50 {result['latency_ms_p50']:.1f} ms, p95 {result['latency_ms_p95']:.1f} ms; "
      f"burst of {screens} done in {result['burst_seconds']:.1f} s with {result['retried']} retries; "
      f"a screen sends {result['bytes_per_report_up']} B a report and gets {result['bytes_per_report_down']} B: "
      f"{result['bytes_per_screen_day_at_30s'] / 1e6:.1f} MB a day at 30 s")
failures = []
if result["lost"] or result["refused"] or result["accepted"] != result["expected"]:
    failures.append(f"reports lost or refused: {result}")
seen = [s for s in fleet["screens"] if s["last_seen"] > 0]
if len(fleet["screens"]) != screens or len(seen) != screens:
    failures.append(f"the studio lists {len(fleet['screens'])} screens, {len(seen)} seen, of {screens}")
for failure in failures:
    print("FAIL: " + failure, file=sys.stderr)
sys.exit(1 if failures else 0)
PY
