#!/usr/bin/env bash
# usb_import_test.sh SYSTEM_DIR PLACARD_TOOL DEMO
# The board's units pass `systemd-analyze verify` (the kiosk service and the USB import unit); and the import
# script, given a folder standing in for the mounted stick (loop mounts need privileges CI may
# not have), queues the stick's regular placard/*.placard files into the inbox, skipping
# symlinks; the importer then takes the signed one. And the script's guards: unfinished
# .usb-*.part copies are removed at start (others' .part files are not), a placard/ folder that
# is a symbolic link is refused, the inbox and max_bundle_bytes are read by the player's parser
# (`placard-tool config-value`: a trailing comment is not part of the path), a bundle over
# max_bundle_bytes is skipped with its reason, a path that is not a block device is refused, and
# (as root, with loop devices) a stick that is neither vfat nor exfat is refused.
set -uo pipefail
system=$1 tool=$2 demo=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/exit_trap.sh"
work=$(mktemp -d)
loop=
on_main_exit '[ -z "$loop" ] || losetup -d "$loop"; rm -rf "$work"'
import=$system/placard-usb-import
# Without a configuration file the script needs no placard-tool: these runs name the inbox.
no_config=$work/no-such.conf
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
check() {  # check MESSAGE COMMAND...: "ok: MESSAGE" when COMMAND succeeds, else a failure
  local message=$1; shift
  if "$@"; then echo "ok: $message"; else fail "expected: $message"; fi
}
only() {  # only DIR NAME: DIR holds NAME and nothing else (hidden files included)
  local entries=("$1"/* "$1"/.[!.]*)
  local entry
  for entry in "${entries[@]}"; do
    [ -e "$entry" ] || [ -L "$entry" ] || continue
    [ "${entry##*/}" = "$2" ] || { fail "stray file in $1: ${entry##*/}"; return 1; }
  done
  [ -e "$1/$2" ] || { fail "$2 is not in $1"; return 1; }
}

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

# The stick: one signed bundle, one symlink that must be skipped, a stray file. The inbox holds
# what a pulled stick left (.usb-*.part) and another writer's copy in progress (.other.part).
mkdir -p "$work/stick/placard" "$work/inbox"
"$tool" keygen "$work/admin" >/dev/null
"$here/make_feed.py" "$demo" "$work/v2" 2 >/dev/null
"$tool" pack "$work/v2" "$work/stick/placard/content.placard" --key "$work/admin.key" >/dev/null
ln -s /etc/passwd "$work/stick/placard/evil.placard"
echo "notes" >"$work/stick/placard/readme.txt"
head -c 4096 /dev/zero >"$work/inbox/.usb-pulled.placard.part"
echo "half" >"$work/inbox/.other.part"
PLACARD_CONFIG=$no_config PLACARD_INBOX="$work/inbox" PLACARD_USB_FOLDER="$work/stick" "$import" /dev/sdz1 ||
  fail "the import script failed"
check "the bundle is queued in the inbox" test -f "$work/inbox/usb-content.placard"
check "the symlink was skipped" test ! -e "$work/inbox/usb-evil.placard"
check "the unfinished .usb-*.part copy was removed" test ! -e "$work/inbox/.usb-pulled.placard.part"
check "another writer's .part file is left alone" test -e "$work/inbox/.other.part"
rm -f "$work/inbox/.other.part"
only "$work/inbox" usb-content.placard
cat >"$work/placard.conf" <<CONF
store = $work/store
trusted_key = $(cat "$work/admin.pub")
CONF
if "$tool" import "$work/inbox/usb-content.placard" --config "$work/placard.conf" 2>/dev/null; then
  echo "ok: the queued bundle is taken"
else
  fail "the queued bundle was refused"
fi

# A placard/ folder that is a symbolic link (to anywhere) is refused, nothing is copied.
mkdir -p "$work/linked" "$work/inbox-linked"
ln -s "$work/stick/placard" "$work/linked/placard"
if PLACARD_CONFIG=$no_config PLACARD_INBOX="$work/inbox-linked" PLACARD_USB_FOLDER="$work/linked" \
  "$import" /dev/sdz1 2>"$work/linked.log"; then
  fail "a placard/ folder that is a symlink was accepted"
elif ! grep -q 'placard/ is a symbolic link' "$work/linked.log"; then
  fail "a symlinked placard/ folder was refused without its reason: $(cat "$work/linked.log")"
elif [ -n "$(find "$work/inbox-linked" -mindepth 1)" ]; then
  fail "a symlinked placard/ folder was followed: $(find "$work/inbox-linked" -mindepth 1)"
else
  echo "ok: a placard/ folder that is a symlink is refused"
fi

# The configuration, read as the player reads it: a comment after the inbox's path is not part
# of it; max_bundle_bytes is exactly the signed bundle's size, and a bundle one byte larger is
# skipped with its reason while the other is still queued. This needs `placard-tool
# config-value KEY --config FILE`.
limit=$(stat -c %s "$work/stick/placard/content.placard")
mkdir -p "$work/limits/placard" "$work/inbox-commented"
cp "$work/stick/placard/content.placard" "$work/limits/placard/content.placard"
head -c $((limit + 1)) /dev/zero >"$work/limits/placard/big.placard"
cat >"$work/usb.conf" <<CONF
# As on a board, with comments after the values.
inbox = $work/inbox-commented   # the folder the content service watches
max_bundle_bytes = $limit # exactly the signed bundle
CONF
if [ "$("$tool" config-value inbox --config "$work/usb.conf" 2>&1)" != "$work/inbox-commented" ]; then
  fail "placard-tool config-value inbox does not print the inbox (missing subcommand?): $("$tool" config-value inbox --config "$work/usb.conf" 2>&1 | head -n 2)"
fi
if PLACARD_CONFIG="$work/usb.conf" PLACARD_TOOL=$tool PLACARD_USB_FOLDER="$work/limits" \
  "$import" /dev/sdz1 2>"$work/limits.log"; then
  fail "a bundle over max_bundle_bytes did not make the import fail"
fi
if [ -f "$work/inbox-commented/usb-content.placard" ]; then
  echo "ok: the inbox line with a trailing comment is read as the player reads it"
else
  fail "the bundle is not in the configured inbox: $(cat "$work/limits.log")"
fi
if [ ! -e "$work/inbox-commented/usb-big.placard" ] &&
  grep -q "big.placard: $((limit + 1)) bytes, over max_bundle_bytes ($limit): skipped" "$work/limits.log"; then
  echo "ok: a bundle over max_bundle_bytes is skipped with its reason"
else
  fail "the oversized bundle was not skipped with its reason: $(cat "$work/limits.log")"
fi
only "$work/inbox-commented" usb-content.placard

# Without PLACARD_USB_FOLDER the argument must be a block device.
if PLACARD_CONFIG=$no_config PLACARD_INBOX="$work/inbox" "$import" "$work/usb.conf" 2>"$work/device.log"; then
  fail "a regular file was taken for a USB partition"
elif grep -q 'not a block device' "$work/device.log"; then
  echo "ok: a path that is not a block device is refused"
else
  fail "a non-device was refused without its reason: $(cat "$work/device.log")"
fi

# A real partition of another type (ext4 on a loop device) is refused before any mount. Needs
# root and loop devices; skipped elsewhere.
if [ "$(id -u)" -eq 0 ] && command -v mkfs.ext4 >/dev/null && truncate -s 8M "$work/ext4.img" &&
  mkfs.ext4 -q "$work/ext4.img" 2>/dev/null && loop=$(losetup --find --show "$work/ext4.img" 2>/dev/null); then
  if PLACARD_CONFIG=$no_config PLACARD_INBOX="$work/inbox" "$import" "$loop" 2>"$work/ext4.log"; then
    fail "an ext4 partition was imported"
  elif grep -q 'ext4 file system refused (only vfat and exfat' "$work/ext4.log"; then
    echo "ok: an ext4 partition is refused"
  else
    fail "an ext4 partition was refused without its reason: $(cat "$work/ext4.log")"
  fi
else
  loop=
  echo "skip: no root or no loop device, the file system type check is not run"
fi
[ $failures -eq 0 ]
