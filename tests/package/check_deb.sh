#!/usr/bin/env bash
# check_deb.sh PACKAGE.deb
# The package holds what a board needs, in Debian's places, depends on what its binaries link,
# holds programs for its architecture, and passes lintian without errors or warnings (any that
# appear are printed; docs/packaging.md explains the package).
set -uo pipefail
deb=$1
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
contents=$(dpkg-deb --contents "$deb")
for path in ./usr/bin/placard ./usr/bin/placard-tool ./usr/bin/placard-studio \
            ./usr/share/placard/demo/feed.json ./usr/share/placard/studio/sign-in.html \
            ./lib/systemd/system/placard-studio.service ./usr/share/man/man1/placard-studio.1.gz \
            ./usr/share/placard/layouts/landscape.json ./usr/share/placard/fonts/fallback.conf \
            ./etc/placard/placard.conf ./lib/systemd/system/placard.service \
            ./lib/systemd/system/placard-content.service \
            ./lib/systemd/system/placard-usb-import@.service ./lib/udev/rules.d/99-placard-usb.rules \
            ./usr/lib/placard/placard-usb-import ./usr/share/doc/placard/copyright; do
  grep -q " $path\$" <<<"$contents" || fail "$path is not in the package"
done
# The binaries are built for the architecture the package says (a cross-build must not ship the
# build machine's programs).
architecture=$(dpkg-deb --field "$deb" Architecture)
case $architecture in
  amd64) machine="x86-64" ;;
  arm64) machine="ARM aarch64" ;;
  armhf) machine="ARM, EABI5" ;;
  *) machine="" ; fail "unexpected architecture $architecture" ;;
esac
unpacked=$(mktemp -d)
dpkg-deb --extract "$deb" "$unpacked"
for binary in placard placard-tool placard-studio; do
  description=$(file -b "$unpacked/usr/bin/$binary")
  [[ -n $machine && $description == *"$machine"* ]] ||
    fail "usr/bin/$binary is not a $architecture program: $description"
  echo "binary: usr/bin/$binary, $(stat -c %s "$unpacked/usr/bin/$binary") bytes (stripped)"
done
rm -rf "$unpacked"
depends=$(dpkg-deb --field "$deb" Depends)
for library in libsdl2 libharfbuzz libfreetype libicu libcurl libsodium fonts-noto-cjk; do
  grep -q "$library" <<<"$depends" || fail "Depends lacks $library: $depends"
done
dpkg-deb --info "$deb" conffiles 2>/dev/null | grep -qx /etc/placard/placard.conf ||
  fail "/etc/placard/placard.conf is not a conffile"
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"
echo "depends: $depends"
if command -v lintian >/dev/null; then
  lintian --tag-display-limit 0 "$deb" >lintian.out 2>&1
  grep -E "^[EW]: " lintian.out && fail "lintian reports errors or warnings"
  echo "lintian: $(grep -c '^W: ' lintian.out) warning(s), $(grep -c '^E: ' lintian.out) error(s)"
  sed 's/^/  /' lintian.out
  rm -f lintian.out
else
  fail "lintian is not installed"
fi
[ $failures -eq 0 ]
