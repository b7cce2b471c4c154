#!/usr/bin/env bash
# bundle_memory.sh PLACARD_TOOL DEMO [MIB]
# Peak memory of taking a large signed bundle (default 192 MiB: 16 incompressible 2000×2000
# PNGs of 12 MiB, 64 Mpx in all — the per-bundle pixel budget) through `placard-tool import`
# (maximum resident set, GNU time) and through the content service's upload endpoint (VmHWM of
# the service before and after one push). A measurement, printed; not an assertion.
set -euo pipefail
tool=$1 demo=$2 mib=${3:-192}
here=$(cd "$(dirname "$0")/../integration" && pwd)
source "$here/nginx_fixture.sh"   # for free_port
source "$here/exit_trap.sh"
work=$(mktemp -d)
on_main_exit '[ -z "${service:-}" ] || kill "$service" 2>/dev/null; rm -rf "$work"'
cd "$work"
"$tool" keygen admin >/dev/null
images=$(( mib / 12 ))
"$here/make_feed.py" "$demo" big 2 >/dev/null
/usr/bin/python3 - big "$images" <<'PY'
import hashlib, json, os, struct, sys, zlib
folder, count = sys.argv[1], int(sys.argv[2])
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
feed = json.load(open(folder + "/feed.json", encoding="utf-8"))
template, feed["banners"] = feed["banners"][0], []
w = h = 2000
for i in range(count):
    rows = b"".join(b"\0" + os.urandom(w * 3) for _ in range(h))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(rows, 0)) + chunk(b"IEND", b""))
    name = "media/noise-%02d.png" % i
    open(folder + "/" + name, "wb").write(png)
    feed["banners"].append(dict(template, id="n%d" % i, image=name,
                                sha256=hashlib.sha256(png).hexdigest()))
json.dump(feed, open(folder + "/feed.json", "w", encoding="utf-8"), ensure_ascii=False)
PY
"$tool" pack big big.placard --key admin.key >/dev/null
size=$(stat -c %s big.placard)
port=$(free_port)
cat >placard.conf <<CONF
store = $work/store
trusted_key = $(cat admin.pub)
upload_token = 0123456789abcdef0123456789abcdef
upload_listen = 127.0.0.1:$port
CONF
/usr/bin/time -f "%M" -o import.rss "$tool" import big.placard --config placard.conf 2>/dev/null
echo "bundle: $size bytes ($images images)"
echo "import: peak RSS $(cat import.rss) KiB ($(( $(cat import.rss) * 1024 * 100 / size ))% of the bundle)"
rm -rf store store.highest-version
"$here/make_feed.py" "$demo" big3 3 >/dev/null
cp big/media/noise-* big3/media/ && cp big/feed.json big3/feed.json &&
  sed -i 's/"version": *2/"version": 3/' big3/feed.json
"$tool" pack big3 big3.placard --key admin.key >/dev/null
"$tool" serve --config placard.conf >serve.log 2>&1 &
service=$!
for _ in $(seq 100); do grep -q "accepting" serve.log && break; sleep 0.1; done
before=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$service/status")
PLACARD_UPLOAD_TOKEN=0123456789abcdef0123456789abcdef "$tool" push "http://127.0.0.1:$port/bundle" big3.placard
after=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$service/status")
echo "upload: the service's peak RSS ${before} KiB before, ${after} KiB after the push" \
  "($(( after * 1024 * 100 / size ))% of the bundle)"
