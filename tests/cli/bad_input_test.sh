#!/usr/bin/env bash
# bad_input_test.sh PLACARD PLACARD_TOOL DEMO
# Every bad input gets a one-line reason naming where and what, a non-zero exit, and no crash.
set -uo pipefail
placard=$1 tool=$2 demo=$3
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
unset DISPLAY
failures=0

# expect EXIT PATTERN LINES -- COMMAND...: runs COMMAND, checks its exit code, that stderr (or
# stdout for validate) has LINES lines and that one matches PATTERN (an extended regex).
expect() {
  local want=$1 pattern=$2 lines=$3; shift 4
  "$@" >"$work/out" 2>"$work/err"; local got=$?
  cat "$work/out" >>"$work/err"
  local count; count=$(grep -c . "$work/err")
  if [ "$got" -ne "$want" ] || ! grep -Eq -- "$pattern" "$work/err" || [ "$count" -ne "$lines" ]; then
    echo "FAIL: $* -> exit $got (want $want), $count line(s) (want $lines):" >&2
    sed 's/^/    /' "$work/err" >&2
    failures=$((failures + 1))
  else
    echo "ok: $(head -n1 "$work/err")"
  fi
}

shot=(--size 640x360 --at 1 --screenshot "$work/x.png")

expect 2 'unknown option "--bogus"' 1 -- "$placard" --bogus
expect 2 '--size: "huge" is not a size' 1 -- "$placard" --size huge
expect 2 '--rotate: "45"' 1 -- "$placard" --rotate 45
expect 1 "$work/missing: no such folder or feed file" 1 -- "$placard" --content "$work/missing" "${shot[@]}"
expect 1 "$work/missing: no such folder or feed file" 1 -- "$placard" --content "$work/missing" --windowed

mkdir -p "$work/dirfeed/feed.json"
expect 1 'feed.json: not a regular file' 1 -- "$placard" --content "$work/dirfeed" "${shot[@]}"

mkdir -p "$work/garbage" && printf '{"placard": 1,\n  oops' >"$work/garbage/feed.json"
expect 1 'feed.json: line 2, column' 1 -- "$placard" --content "$work/garbage" "${shot[@]}"

cp -r "$demo" "$work/typed"
sed -i '0,/"body": \[/s//"body": [ 42,/' "$work/typed/feed.json"
expect 1 'feed.json: articles\[0\]\.body\[0\]: expected a string' 1 -- "$placard" --content "$work/typed" "${shot[@]}"
expect 1 'feed.json: articles\[0\]\.body\[0\]: expected a string' 1 -- "$tool" validate "$work/typed"

cp -r "$demo" "$work/badimage"
printf 'not a png' >"$work/badimage/media/banner-3.png"
expect 1 'media/banner-3.png: cannot decode image' 1 -- "$tool" validate "$work/badimage"
expect 1 'media/banner-3.png: cannot decode image' 1 -- "$placard" --content "$work/badimage" "${shot[@]}"

printf '1 tap 10 10\n2 poke 1 1\n' >"$work/script.txt"
expect 1 'script.txt:2: unknown action "poke"' 1 -- "$placard" --content "$demo" "${shot[@]}" --input "$work/script.txt"

expect 0 'ok \(version' 1 -- "$tool" validate "$demo"
# Main banners in office hours only: valid, with a warning naming the first empty span.
cp -r "$demo" "$work/office-hours"
/usr/bin/python3 - "$work/office-hours/feed.json" <<'PY'
import json, sys
feed = json.load(open(sys.argv[1], encoding="utf-8"))
for banner in feed["banners"]:
    if banner.get("slot", "main") == "main":
        banner["schedule"] = {"windows": [{"days": "working_days", "from": "08:00", "to": "18:00"}]}
json.dump(feed, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)
PY
expect 0 'warning: main banners: none plays for 840 min from 2026-11-24 18:00 \(and 4 more spans\)' 2 -- "$tool" validate "$work/office-hours"
expect 2 'unknown command "bogus"' 1 -- "$tool" bogus
# placard-tool power test: each method tried in order, said with its outcome, and what the
# screen falls back to. Here (no CEC adapter, no display of its own) it ends in the black
# picture and exit 1; a machine with a working method says which and exits 0.
"$tool" power test >"$work/power.out" 2>&1
power_exit=$?
if grep -q '^HDMI-CEC: ' "$work/power.out" && grep -q '^DRM DPMS: ' "$work/power.out" &&
  { { [ $power_exit -eq 1 ] && grep -q '^no method switched the display' "$work/power.out"; } ||
    { [ $power_exit -eq 0 ] && ! grep -q '^no method' "$work/power.out"; }; }; then
  echo "ok: power test: $(tail -n1 "$work/power.out")"
else
  echo "FAIL: power test (exit $power_exit): $(cat "$work/power.out")" >&2
  failures=$((failures + 1))
fi
expect 2 'power: usage: power test' 1 -- "$tool" power
# A CAP 1.2 alert into a signed notice file: for the screen's area it is made (and verifies);
# for another area no file, exit 3, one line; with a DOCTYPE, refused.
"$tool" keygen "$work/admin" >/dev/null
# Sent now and expiring in an hour: the signature lasts as long as the notice.
cat >"$work/alert.xml" <<XML
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>621100-rain-1</identifier><sent>$(date +%Y-%m-%dT%H:%M:%S%:z)</sent>
  <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
  <info><language>zh-CN</language><event>暴雨</event><severity>Severe</severity>
    <expires>$(date --date='+1 hour' +%Y-%m-%dT%H:%M:%S%:z)</expires><headline>暴雨橙色预警</headline>
    <description>请减少外出。</description>
    <area><areaDesc>定西市</areaDesc><geocode><valueName>GB/T 2260</valueName><value>621100</value></geocode></area>
  </info>
</alert>
XML
expect 0 'urgent "cap-621100-rain-1"' 1 -- "$tool" notice "$work/rain.placard" --key "$work/admin.key" --site 测试 --from-cap "$work/alert.xml" --area 621121
expect 0 'signature, manifest and notice good' 1 -- "$tool" verify "$work/rain.placard" --key "$work/admin.pub"
expect 3 'alert.xml: not for area 110101' 1 -- "$tool" notice "$work/other.placard" --key "$work/admin.key" --site 测试 --from-cap "$work/alert.xml" --area 110101
[ ! -e "$work/other.placard" ] || { echo "FAIL: a notice was made for another area" >&2; failures=$((failures + 1)); }
sed "s|<expires>[^<]*</expires>|<expires>2020-01-01T00:00:00+08:00</expires>|; s|<sent>[^<]*</sent>|<sent>2019-12-31T00:00:00+08:00</sent>|" "$work/alert.xml" >"$work/old-alert.xml"
expect 1 'old-alert.xml: expired at 2020-01-01T00:00:00\+08:00' 1 -- "$tool" notice "$work/old.placard" --key "$work/admin.key" --site 测试 --from-cap "$work/old-alert.xml" --area 621121
sed -i '1i <!DOCTYPE alert [<!ENTITY x "y">]>' "$work/alert.xml"
expect 1 'alert.xml: line 1: <!DOCTYPE is not taken' 1 -- "$tool" notice "$work/doc.placard" --key "$work/admin.key" --site 测试 --from-cap "$work/alert.xml" --area 621121
expect 1 "$work/none.txt: no such file" 1 -- "$tool" import-text "$work/none.txt"
printf '\xff\xfe\n' >"$work/binary.txt"
expect 1 'binary.txt: not valid UTF-8' 1 -- "$tool" import-text "$work/binary.txt"

expect 2 'render-text: --width: "wide"' 1 -- "$tool" render-text --width wide --out "$work/t.png" "$work/none.txt"
expect 1 "$work/none.txt: no such file" 1 -- "$tool" render-text --out "$work/t.png" "$work/none.txt"
expect 1 'binary.txt: not valid UTF-8' 1 -- "$tool" render-text --out "$work/t.png" "$work/binary.txt"
expect 1 "$work/no/such/dir/t.png: cannot write" 1 -- "$tool" render-text --out "$work/no/such/dir/t.png" "$demo/source/frame.json"

if [ $failures -ne 0 ]; then
  echo "$failures bad-input case(s) failed" >&2
  exit 1
fi
