#!/usr/bin/env bash
# bundle_security_test.sh PLACARD_TOOL PLACARD IMAGE_DIFF DEMO
# Signed bundles, and nothing else: a good signed bundle is taken; then every bad input is
# refused with its reason in the status, and the content on screen stays as it was:
# path traversal, absolute paths, symlinks, hard links, device files, duplicate entries, an
# archive that expands far beyond its size, a truncated archive, an image that declares
# 50,000 × 50,000 pixels, invalid UTF-8, a missing or wrong signature, an untrusted key, a file
# changed after signing, an older version; and what the player could not show or afford: a
# broken layout.json, a truncated JPEG, a 1×1 PNG with 4 MiB of image data, an image over the
# per-image pixel limit, images over the bundle's pixel budget, a feed whose sha256 disagrees
# with its file, a signature for another site, a name with an escape sequence. A media path
# with a space is taken; pack refuses a media folder that is a symbolic link.
set -uo pipefail
tool=$1 placard=$2 diff=$3 demo=$4
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
unset DISPLAY
cd "$work"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

"$tool" keygen admin >/dev/null && "$tool" keygen stranger >/dev/null || exit 1
cat >placard.conf <<CONF
store = $work/store
trusted_key = $(cat admin.pub)
CONF
"$here/make_feed.py" "$demo" v1 1 && "$here/make_feed.py" "$demo" v2 2 --ticker "第二版"
"$here/make_feed.py" "$demo" v0 0
"$tool" pack v1 v1.placard --key admin.key >/dev/null
"$tool" import v1.placard --config placard.conf 2>/dev/null || fail "the good bundle was refused"
"$placard" --content store/current --size 960x540 --at 3 --screenshot v1.png --quiet

# Bundles that are bad in one way each.
"$tool" pack v2 unsigned.placard >/dev/null
"$tool" pack v2 stranger.placard --key stranger.key >/dev/null
"$tool" pack v0 older.placard --key admin.key >/dev/null
cp -r v2 huge && /usr/bin/python3 - huge/media/banner-1.png <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 50000, 50000, 8, 2, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
/usr/bin/python3 "$here/make_feed.py" "$demo" huge-tmp 2 >/dev/null; rm -rf huge-tmp
/usr/bin/python3 - huge <<'PY'
import hashlib, json, sys
feed = json.load(open(sys.argv[1] + "/feed.json", encoding="utf-8"))
feed["banners"][0]["sha256"] = hashlib.sha256(open(sys.argv[1] + "/media/banner-1.png", "rb").read()).hexdigest()
json.dump(feed, open(sys.argv[1] + "/feed.json", "w", encoding="utf-8"), ensure_ascii=False)
PY
"$tool" pack huge huge.placard --key admin.key >/dev/null
"$tool" pack v2 good2.placard --key admin.key >/dev/null
head -c 20000 good2.placard >truncated.placard
/usr/bin/python3 - good2.placard <<'PY'
import io, tarfile, sys
good = sys.argv[1]
members = [(m, tarfile.open(good).extractfile(m).read()) for m in tarfile.open(good).getmembers()]
def write(name, extra=(), replace=None):
    with tarfile.open(name, "w", format=tarfile.USTAR_FORMAT) as out:
        for member, data in members:
            if replace and member.name in replace:
                data = replace[member.name]
                member.size = len(data)
            out.addfile(member, io.BytesIO(data))
        for info, data in extra:
            out.addfile(info, io.BytesIO(data) if data is not None else None)
def info(name, kind=tarfile.REGTYPE, size=0, link=""):
    i = tarfile.TarInfo(name); i.type = kind; i.size = size; i.linkname = link; return i
write("traversal.placard", [(info("../evil", size=4), b"evil")])
write("absolute.placard", [(info("/etc/evil", size=4), b"evil")])
write("symlink.placard", [(info("media/link.png", tarfile.SYMTYPE, link="/etc/shadow"), None)])
write("hardlink.placard", [(info("media/hard.png", tarfile.LNKTYPE, link="feed.json"), None)])
write("device.placard", [(info("media/dev", tarfile.CHRTYPE), None)])
write("duplicate.placard", [(info("feed.json", size=2), b"{}")])
bad_name = info("media/x.png", size=1); bad_name.name = "media/\udcff.png"
try:
    write("utf8.placard", [(bad_name, b"x")])
except Exception:
    with tarfile.open("utf8.placard", "w", format=tarfile.USTAR_FORMAT, encoding="latin-1") as out:
        for member, data in members:
            out.addfile(member, io.BytesIO(data))
        raw = info("media/\xff.png", size=1)
        out.addfile(raw, io.BytesIO(b"x"))
signature = dict(members_ := {m.name: d for m, d in members})["MANIFEST.sig"]
tampered_sig = signature[:-10] + (b"0" if signature[-10:-9] != b"0" else b"1") + signature[-9:]
write("wrongsig.placard", replace={"MANIFEST.sig": tampered_sig})
feed = members_["feed.json"].replace("第二版".encode(), "篡改版".encode())
write("changed.placard", replace={"feed.json": feed})
PY
# An entry that claims 20 GB: the archive would expand far beyond its size.
/usr/bin/python3 - good2.placard bomb.placard <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
header = bytearray(512); name = b"media/bomb.bin"; header[:len(name)] = name
header[100:108] = b"0000644\0"; header[108:116] = b"0000000\0"; header[116:124] = b"0000000\0"
header[124:136] = b"%011o\0" % (20 * 1024 ** 3); header[136:148] = b"00000000000\0"; header[156:157] = b"0"
header[257:263] = b"ustar\0"; header[263:265] = b"00"; header[148:156] = b" " * 8
header[148:156] = b"%06o\0 " % sum(header)
end = len(data) - 1024
open(sys.argv[2], "wb").write(bytes(data[:end]) + bytes(header) + b"\0" * 4096 + bytes(1024))
PY

# set_banner DIR FILE...: the feed's banners become FILE... (paths in DIR/media), hashes right.
set_banner() {
  /usr/bin/python3 - "$@" <<'PY'
import hashlib, json, sys
folder, files = sys.argv[1], sys.argv[2:]
feed = json.load(open(folder + "/feed.json", encoding="utf-8"))
template = feed["banners"][0]
feed["banners"] = []
for i, name in enumerate(files):
    banner = dict(template, id="b%d" % i, image="media/" + name)
    banner["sha256"] = hashlib.sha256(open(folder + "/media/" + name, "rb").read()).hexdigest()
    feed["banners"].append(banner)
json.dump(feed, open(folder + "/feed.json", "w", encoding="utf-8"), ensure_ascii=False)
PY
}
# png_of WIDTH HEIGHT OUT [IDAT_BYTES]: a grey PNG; with IDAT_BYTES, that much random image data.
png_of() {
  /usr/bin/python3 - "$@" <<'PY'
import os, struct, sys, zlib
w, h, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
if len(sys.argv) > 4:
    data = zlib.compress(os.urandom(int(sys.argv[4])), 0)
else:
    row = b"\0" + b"\x80" * (w * 3)
    data = zlib.compress(row * h, 9)
open(out, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                      + chunk(b"IDAT", data) + chunk(b"IEND", b""))
PY
}
variant() { rm -rf "$1"; cp -r v2 "$1"; }
variant badlayout && printf '{"zones": [1, 2' >badlayout/layout.json
variant truncjpeg && convert v2/media/banner-1.png truncjpeg/media/t.jpg &&
  head -c 3000 truncjpeg/media/t.jpg >truncjpeg/media/cut.jpg && set_banner truncjpeg cut.jpg
variant idat && png_of 1 1 idat/media/dense.png 4194304 && set_banner idat dense.png
variant toolarge && png_of 8192 8192 toolarge/media/big.png && set_banner toolarge big.png
variant budget && for i in 1 2 3; do png_of 4800 4800 "budget/media/b$i.png"; done &&
  set_banner budget b1.png b2.png b3.png
variant shamismatch && /usr/bin/python3 - shamismatch <<'PY'
import json, sys
feed = json.load(open(sys.argv[1] + "/feed.json", encoding="utf-8"))
feed["banners"][0]["sha256"] = "0" * 64
json.dump(feed, open(sys.argv[1] + "/feed.json", "w", encoding="utf-8"), ensure_ascii=False)
PY
# Thousands of compressed text chunks in a small PNG (inflated by libpng at every start).
variant ztxt && /usr/bin/python3 - ztxt/media/banner-1.png <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
png = open(sys.argv[1], "rb").read()
text = chunk(b"zTXt", b"Comment\0\0" + zlib.compress(b"\0" * 100000, 9))
open(sys.argv[1], "wb").write(png[:33] + text * 20000 + png[33:])
PY
set_banner ztxt banner-1.png
# Content for another office (its feed names it, its signature too): this screen shows ours.
variant foreign && /usr/bin/python3 - foreign <<'PY'
import json, sys
feed = json.load(open(sys.argv[1] + "/feed.json", encoding="utf-8"))
feed["site"]["name"] = "另一个单位"
json.dump(feed, open(sys.argv[1] + "/feed.json", "w", encoding="utf-8"), ensure_ascii=False)
PY
# A feed's public signature repackaged as a bundle, by someone without the key.
variant published && "$tool" sign-feed published --key admin.key >/dev/null
/usr/bin/python3 - published feedbundle.placard <<'PY'
import io, os, sys, tarfile
folder, out = sys.argv[1], sys.argv[2]
sig = open(folder + "/feed.json.sig", "rb").read()
line, manifest = sig.split(b"\n", 1)
with tarfile.open(out, "w", format=tarfile.USTAR_FORMAT) as tar:
    def add(name, data):
        info = tarfile.TarInfo(name); info.size = len(data); tar.addfile(info, io.BytesIO(data))
    add("MANIFEST", manifest); add("MANIFEST.sig", line + b"\n")
    for entry in manifest.decode().splitlines()[4:]:
        path = entry.split(" ", 2)[2]
        add(path, open(os.path.join(folder, path), "rb").read())
PY
# pack never follows a link out of the folder (here: to the secret key).
variant keyleak && ln -s "$work/admin.key" keyleak/layout.json
if "$tool" pack keyleak keyleak.placard --key admin.key 2>pack.err; then
  fail "pack followed a symlinked layout.json (the secret key is in the bundle)"
else
  echo "ok: pack refuses a symlinked layout.json: $(cat pack.err)"
fi
for name in badlayout truncjpeg idat toolarge budget shamismatch ztxt foreign; do
  "$tool" pack "$name" "$name.placard" --key admin.key >/dev/null || fail "pack $name"
done
"$tool" pack v2 othersite.placard --key admin.key --site 另一个单位 >/dev/null
/usr/bin/python3 - good2.placard escape.placard <<'PY'
import io, sys, tarfile
with tarfile.open(sys.argv[1]) as good, tarfile.open(sys.argv[2], "w", format=tarfile.USTAR_FORMAT) as out:
    for member in good.getmembers():
        out.addfile(member, good.extractfile(member))
    info = tarfile.TarInfo("media/\x1b[2J\x1b]0;owned\x07.png"); info.size = 1
    out.addfile(info, io.BytesIO(b"x"))
PY
# The admin's side: a media folder that is a link is not packed.
variant linked && mv linked/media linked-media && ln -s "$work/linked-media" linked/media
if "$tool" pack linked linked.placard --key admin.key 2>pack.err; then
  fail "pack followed a symlinked media folder"
else
  grep -q "media is a symbolic link" pack.err && echo "ok: pack refuses a symlinked media folder" ||
    fail "pack's reason: $(cat pack.err)"
fi

while read -r bundle reason; do
  if "$tool" import "$bundle" --config placard.conf 2>/dev/null; then
    fail "$bundle was taken"
  fi
  "$tool" status --config placard.conf >status.txt
  grep -q "current: *version 1" status.txt || fail "$bundle: version 1 is no longer current"
  grep -q -- "$reason" status.txt || fail "$bundle: the status does not say '$reason': $(grep 'last error' status.txt)"
  "$placard" --content store/current --size 960x540 --at 3 --screenshot after.png --quiet &&
    "$diff" v1.png after.png --tolerance 0 --max-fraction 0 >/dev/null || fail "$bundle: the screen changed"
  echo "ok: $bundle refused: $(sed -n 's/^last error: *//p' status.txt)"
done <<LIST
traversal.placard not a relative path inside the bundle
absolute.placard not a relative path inside the bundle
symlink.placard symbolic link
hardlink.placard hard link
device.placard device or FIFO
duplicate.placard appears twice
bomb.placard more than the
truncated.placard truncated
huge.placard 50000×50000
utf8.placard UTF-8
unsigned.placard not signed
wrongsig.placard signature does not match
stranger.placard does not trust
changed.placard does not match the manifest
older.placard not newer than the highest version taken, 1
badlayout.placard layout.json
truncjpeg.placard cannot decode JPEG
idat.placard more compressed image data than a 1×1 image can hold
toolarge.placard more than the limit of 33554432 pixels
budget.placard more than the budget of
shamismatch.placard feed.json says
othersite.placard signed for the site
escape.placard not a relative path inside the bundle
ztxt.placard bytes of text and other chunks
foreign.placard signed for the site \"另一个单位\", and this screen is
feedbundle.placard signed as a feed
LIST
# Names from the archive are escaped in what the status says (no raw escape sequence).
"$tool" import escape.placard --config placard.conf 2>/dev/null
"$tool" status --config placard.conf >status.txt
if grep -q $'\x1b' status.txt store/status.json; then fail "a raw escape character reached the status"; else
  grep -q 'x1b' status.txt && echo "ok: an escape sequence in a name is shown escaped" || fail "no escaped name: $(cat status.txt)"; fi

"$tool" import good2.placard --config placard.conf 2>/dev/null || fail "the good version 2 was refused"
"$tool" status --config placard.conf | grep -q "current: *version 2" || fail "version 2 is not current"
echo "ok: the next good bundle is taken"
# verify says what a screen would: the site, MANIFEST first, the content.
if "$tool" verify othersite.placard --config placard.conf 2>verify.err; then
  fail "verify passed a bundle signed for another site"
else
  grep -q "signed for the site" verify.err && echo "ok: verify refuses another site's bundle" ||
    fail "verify's reason: $(cat verify.err)"
fi
"$tool" verify good2.placard --config placard.conf >/dev/null || fail "verify refused the good bundle"
# A media path with a space: packed, verified and taken.
"$here/make_feed.py" "$demo" v3 3 >/dev/null && mv v3/media/banner-1.png "v3/media/banner 1.png" &&
  set_banner v3 "banner 1.png"
"$tool" pack v3 space.placard --key admin.key >/dev/null || fail "pack with a space in a path"
"$tool" verify space.placard --key admin.pub >/dev/null || fail "verify with a space in a path"
"$tool" import space.placard --config placard.conf 2>/dev/null || fail "a path with a space was refused"
echo "ok: a media path with a space is packed, verified and taken"
# The bundle shown, offered again (a power cut between its commit and the removal of its inbox
# file brings it back at the next start): no refusal, nothing recorded, nothing on screen. Other
# content under the same version number is still refused as not newer.
"$tool" import space.placard --config placard.conf 2>again.err ||
  fail "the bundle shown, offered again, was refused: $(cat again.err)"
grep -q "version 3 with the same content is already shown" again.err ||
  fail "the bundle shown, offered again: $(cat again.err)"
"$tool" status --config placard.conf >status.txt
grep -q "^last error: *none" status.txt || fail "offering the shown bundle again left: $(grep 'last error' status.txt)"
"$here/make_feed.py" "$demo" v3b 3 --ticker "另一个第三版" >/dev/null
"$tool" pack v3b other3.placard --key admin.key >/dev/null
if "$tool" import other3.placard --config placard.conf 2>other3.err; then
  fail "other content under the version shown was taken"
fi
grep -q "not newer than the highest version taken, 3" other3.err &&
  echo "ok: the bundle shown, offered again, is no refusal; other content as version 3 is refused" ||
  fail "other content as version 3: $(cat other3.err)"
[ $failures -eq 0 ] || { echo "$failures check(s) failed" >&2; exit 1; }
