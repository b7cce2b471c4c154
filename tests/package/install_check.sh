#!/usr/bin/env bash
# install_check.sh PACKAGE.deb REFERENCE.png IMAGE_DIFF_COMMAND...
# Puts the package on an empty Debian 12 root (mmdebstrap, from Debian's archive) that holds
# nothing but what its Depends bring, and checks that it works there:
# - for the build machine's architecture, a real install (apt-get in a chroot, maintainer scripts
#   and all): the user placard in the groups video, input and render, the state folders it owns,
#   the conffile; installing it a second time works (postinst runs again); the installed player
#   renders the installed demo as REFERENCE shows; the installed studio runs as its own user.
# - for a board's architecture (arm64, armhf), where the maintainer scripts cannot run without a
#   kernel that runs foreign programs (binfmt_misc): the Depends unpacked and the package's files
#   on top; the board's player runs under qemu-user with the root as its / and renders the
#   installed demo as REFERENCE shows — with the root's libraries and fonts only, so a library or
#   a font missing from Depends fails it.
# IMAGE_DIFF_COMMAND compares two PNGs within the golden tolerance (tests/golden/image_diff.cpp),
# with an emulator in front when it is a board's build.
#   PLACARD_DEBIAN_MIRROR=URL   the archive (default http://deb.debian.org/debian)
set -euo pipefail
deb=$(realpath "$1") reference=$2; shift 2
diff_command=("$@")
mirror=${PLACARD_DEBIAN_MIRROR:-http://deb.debian.org/debian}
architecture=$(dpkg-deb --field "$deb" Architecture)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
root=$work/root
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
sources=("deb $mirror bookworm main" "deb $mirror bookworm-updates main")
shot=(--size 1920x1080 --at 3 --quiet)

if [ "$architecture" = "$(dpkg --print-architecture)" ]; then
  mmdebstrap --quiet --variant=apt \
    --customize-hook="copy-in $deb /root" \
    --customize-hook="chroot \"\$1\" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /root/$(basename "$deb") >/dev/null" \
    bookworm "$root" "${sources[@]}"
  echo "installed with apt-get on an empty bookworm root"
  in_root() { chroot "$root" "$@"; }
  in_root getent passwd placard >/dev/null || fail "no user placard"
  for group in video input render; do
    in_root id -nG placard | tr ' ' '\n' | grep -qx "$group" || fail "placard is not in group $group"
  done
  for folder in /var/lib/placard /var/lib/placard/store /var/lib/placard/inbox; do
    [ "$(in_root stat -c %U "$folder")" = placard ] || fail "$folder is not owned by placard"
  done
  in_root dpkg-query -W -f='${Conffiles}' placard | grep -q /etc/placard/placard.conf ||
    fail "/etc/placard/placard.conf is not a conffile"
  in_root dpkg -i "/root/$(basename "$deb")" >/dev/null || fail "installing a second time fails"
  # Placard Studio: its user, its data folder closed to others, and the installed program
  # serving the installed pages and demo as that user (the host's curl reaches the chroot's
  # loopback: a chroot shares the network).
  [ "$(in_root stat -c '%U %a' /var/lib/placard-studio)" = "placard-studio 700" ] ||
    fail "/var/lib/placard-studio: $(in_root stat -c '%U %a' /var/lib/placard-studio)"
  # In a session of its own, so that stopping it stops the studio too (runuser does not pass
  # SIGTERM on to the program it started).
  setsid chroot "$root" runuser -u placard-studio -- placard-studio --data /var/lib/placard-studio \
    --listen 127.0.0.1:0 >"$work/studio.log" 2>&1 &
  studio=$!
  port=
  for _ in $(seq 300); do
    port=$(sed -n 's/.*(port \([0-9]*\)).*/\1/p' "$work/studio.log")
    [ -n "$port" ] && break
    sleep 0.1
  done
  if [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/" | grep -q 'action="/sign-in"' &&
    curl -sf "http://127.0.0.1:$port/feed/feed.json" | grep -q '"version": 1'; then
    echo "the installed studio serves its sign-in page and the demo as version 1"
  else
    fail "the installed studio: $(cat "$work/studio.log")"
  fi
  kill -- -"$studio" 2>/dev/null; wait "$studio" 2>/dev/null || true
  # Without --content and with an empty store, the player shows the installed demo.
  in_root placard "${shot[@]}" --screenshot /root/shot.png || fail "the installed player fails"
  picture=$root/root/shot.png
else
  depends=$(dpkg-deb --field "$deb" Depends | sed 's/([^)]*)//g; s/|[^,]*//g; s/ //g')
  mmdebstrap --quiet --variant=extract --architectures="$architecture" --include="$depends" \
    bookworm "$root" "${sources[@]}"
  dpkg-deb --extract "$deb" "$root"
  echo "unpacked with its Depends on an empty bookworm $architecture root"
  case $architecture in
    arm64) qemu=qemu-aarch64 ;;
    armhf) qemu=qemu-arm ;;
    *) echo "install_check: no emulator known for $architecture" >&2; exit 2 ;;
  esac
  # qemu-user -L looks absolute paths up in the root first, so the picture goes to a relative
  # path. A cache of its own: fontconfig must scan the root's fonts, not trust the build
  # machine's.
  (cd "$work" && XDG_CACHE_HOME=$work/cache "$qemu" -L "$root" "$root/usr/bin/placard" \
    "${shot[@]}" --screenshot shot.png) || fail "the installed player fails under $qemu"
  picture=$work/shot.png
fi
if [ -f "$picture" ]; then
  "${diff_command[@]}" "$reference" "$picture" ||
    fail "the installed player's demo differs from $(basename "$reference")"
fi
[ $failures -eq 0 ] && echo "install check: $(basename "$deb") passed"
[ $failures -eq 0 ]
