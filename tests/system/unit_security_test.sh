#!/usr/bin/env bash
# unit_security_test.sh SYSTEM_DIR
# The board's units stay confined: `systemd-analyze security --offline=yes` must rate the player
# (placard.service, which needs the display and input devices) at most 4.0, the network-facing
# content service (placard-content.service) and Placard Studio (placard-studio.service) at most
# 2.0 and the USB import unit (root, to mount)
# at most 3.5. Prints each unit's score; fails with one line per unit over its limit.
# The units are checked as copies whose programs point at ones that exist, as in
# usb_import_test.sh (systemd-analyze wants ExecStart's binary to exist).
set -uo pipefail
system=$(cd "${1:?usage: unit_security_test.sh SYSTEM_DIR}" && pwd) || exit 1
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

command -v systemd-analyze >/dev/null || { echo "FAIL: systemd-analyze is not installed" >&2; exit 1; }

substitute() {  # substitute UNIT: the unit's copy in $work/units, its programs made real
  sed -e "s|/usr/lib/placard/|$system/|g" -e "s|/usr/bin/placard-tool|/bin/true|g" \
    -e "s|/usr/bin/placard-studio|/bin/true|g" \
    -e "s|/usr/bin/placard|/bin/true|g" "$system/$1" >"$work/units/$1"
}

# check UNIT INSTANCE LIMIT: LIMIT is the highest allowed score, with one decimal.
check() {
  local unit=$1 instance=$2 limit=$3 output score
  substitute "$unit"
  # --threshold takes an integer in tenths and only says "over or not": the score is read from
  # the "Overall exposure level" line (systemd 252 prints it with one decimal).
  if ! output=$(systemd-analyze security --offline=yes --no-pager "$work/units/$instance" 2>&1); then
    fail "$unit: systemd-analyze security failed: $(tail -n 3 <<<"$output" | tr '\n' ' ')"
    return
  fi
  score=$(sed -n 's/^.*Overall exposure level for [^:]*: \([0-9][0-9]*\.[0-9]\).*$/\1/p' <<<"$output")
  if [ -z "$score" ]; then
    fail "$unit: no \"Overall exposure level\" line in systemd-analyze's output"
    return
  fi
  # Compare in tenths: the shell has no decimals.
  local tenths=$((10#${score%.*} * 10 + 10#${score#*.})) limit_tenths=$((10#${limit%.*} * 10 + 10#${limit#*.}))
  if [ "$tenths" -gt "$limit_tenths" ]; then
    fail "$unit: exposure $score, over the limit $limit"
    # What it still allows, for whoever fixes it.
    grep '✗' <<<"$output" | sed 's/^/  /'
  else
    echo "ok: $unit: exposure $score (limit $limit)"
  fi
}

mkdir -p "$work/units"
check placard.service placard.service 4.0
check placard-content.service placard-content.service 2.0
check placard-studio.service placard-studio.service 2.0
# A template is rated through an instance (the partition name is arbitrary).
check placard-usb-import@.service placard-usb-import@sdz1.service 3.5
[ $failures -eq 0 ]
