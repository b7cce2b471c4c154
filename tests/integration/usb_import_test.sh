#!/usr/bin/env bash
# usb_import_test.sh SYSTEM_DIR PLACARD_TOOL DEMO
# The board's units pass `systemd-analyze verify` (the kiosk service and the USB import unit); and the import
# script, given a folder standing in for the mounted stick (loop mounts need privileges CI may
# not have), queues the stick's regular placard/*.placard files into the inbox, skipping
# symlinks; the importer then takes the signed one.
set -uo pipefail
system=$1 tool=$2 demo=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# systemd checks the unit; its ExecStart must exist, so verify a copy pointing at the script.
mkdir -p "$work/units"
sed "s|/usr/lib/placard/placard-usb-import|$system/placard-usb-import|" \
  "$system/placard-usb-import@.service" >"$work/units/placard-usb-import@.service"
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify "$work/units/placard-usb-import@sdz1.service" 2>"$work/verify.log" ||
    fail "systemd-analyze: $(cat "$work/verify.log")"
  echo "ok: systemd-analyze verify"
else
  fail "systemd-analyze is not installed"
fi
# The kiosk unit too, its programs pointed at the source tree.
sed -e "s|/usr/lib/placard/|$system/|" -e "s|/usr/bin/placard|/bin/true|" \
  "$system/placard.service" >"$work/units/placard.service"
if systemd-analyze verify "$work/units/placard.service" 2>"$work/verify.log"; then
  echo "ok: systemd-analyze verify placard.service"
else
  fail "systemd-analyze placard.service: $(cat "$work/verify.log")"
fi
sed -e "s|/usr/bin/placard-tool|/bin/true|" "$system/placard-content.service" >"$work/units/placard-content.service"
if systemd-analyze verify "$work/units/placard-content.service" 2>"$work/verify.log"; then
  echo "ok: systemd-analyze verify placard-content.service"
else
  fail "systemd-analyze placard-content.service: $(cat "$work/verify.log")"
fi
grep -q 'ENV{SYSTEMD_WANTS}+="placard-usb-import@%k.service"' "$system/99-placard-usb.rules" ||
  fail "the udev rule does not start the import unit"
if command -v udevadm >/dev/null; then
  udevadm verify "$system/99-placard-usb.rules" >/dev/null 2>&1 || true  # Newer udev only.
fi

# The stick: one signed bundle, one symlink that must be skipped, a stray file.
mkdir -p "$work/stick/placard" "$work/inbox"
"$tool" keygen "$work/admin" >/dev/null
"$here/make_feed.py" "$demo" "$work/v2" 2 >/dev/null
"$tool" pack "$work/v2" "$work/stick/placard/content.placard" --key "$work/admin.key" >/dev/null
ln -s /etc/passwd "$work/stick/placard/evil.placard"
echo "notes" >"$work/stick/placard/readme.txt"
PLACARD_INBOX="$work/inbox" PLACARD_USB_FOLDER="$work/stick" "$system/placard-usb-import" /dev/sdz1 ||
  fail "the import script failed"
[ -f "$work/inbox/usb-content.placard" ] && echo "ok: the bundle is queued in the inbox" ||
  fail "the bundle is not in the inbox: $(ls -A "$work/inbox")"
[ ! -e "$work/inbox/usb-evil.placard" ] && echo "ok: the symlink was skipped" || fail "a symlink was copied"
[ -z "$(ls -A "$work/inbox" | grep -v '^usb-content.placard$')" ] || fail "stray files in the inbox: $(ls -A "$work/inbox")"
cat >"$work/placard.conf" <<CONF
store = $work/store
trusted_key = $(cat "$work/admin.pub")
CONF
"$tool" import "$work/inbox/usb-content.placard" --config "$work/placard.conf" 2>/dev/null &&
  echo "ok: the queued bundle is taken" || fail "the queued bundle was refused"
[ $failures -eq 0 ]
