#!/usr/bin/env bash
# hostile_uploads_test.sh PLACARD_TOOL DEMO
# The upload endpoint under what a LAN neighbour can send, each answered from the headers
# before the body is read: a wrong token with a large compressed body, a wrong token with a
# 128 MiB chunked body, a right token with a chunked body, no Content-Length, a Content-Length
# over the limit, a body that stops short of its length, a path other than /bundle. Afterwards:
# the service's peak memory grew by less than the bundle limit plus a small constant (it is
# measured, from /proc, and printed), nothing was written to the store or the spool,
# status.json is untouched, and a signed push with the token is still taken.
set -uo pipefail
tool=$1 demo=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/exit_trap.sh"
source "$here/nginx_fixture.sh"   # for free_port
work=$(mktemp -d)
cleanup() { [ -n "${service:-}" ] && kill "$service" 2>/dev/null && wait "$service" 2>/dev/null; rm -rf "$work"; }
on_main_exit cleanup
cd "$work"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
"$tool" keygen admin >/dev/null
token=0123456789abcdef0123456789abcdef
port=$(free_port)
limit=2000000
cat >placard.conf <<CONF
store = $work/store
trusted_key = $(cat admin.pub)
upload_token = $token
upload_listen = 127.0.0.1:$port
max_bundle_bytes = $limit
CONF
"$here/make_feed.py" "$demo" v2 2 >/dev/null
"$tool" pack v2 v2.placard --key admin.key >/dev/null
"$tool" serve --config placard.conf >serve.log 2>&1 &
service=$!
for _ in $(seq 100); do grep -q "accepting bundle uploads" serve.log && break; sleep 0.1; done
grep -q "accepting bundle uploads" serve.log || { echo "the service did not start: $(cat serve.log)" >&2; exit 1; }
kib() { sed -n "s/^$1:[[:space:]]*\([0-9]*\) kB/\1/p" "/proc/$service/status"; }
# A first, legitimate exchange, so that the baseline includes the server's own working set.
curl -s -o /dev/null -X POST -H "Authorization: Bearer wrong" --data-binary x "http://127.0.0.1:$port/bundle"
before=$(kib VmHWM)
status_before=$(cat store/status.json 2>/dev/null | md5sum)
url=http://127.0.0.1:$port/bundle

expect_status() {  # expect_status CODE WHAT CURL-ARGS...: the answer's HTTP status is CODE
  local code=$1 what=$2; shift 2
  local got; got=$(curl -s -o answer.txt -w '%{http_code}' --max-time 60 "$@")
  [ "$got" = "$code" ] && echo "ok: $what: $code $(head -c 80 answer.txt)" ||
    fail "$what: HTTP $got, expected $code ($(head -c 200 answer.txt))"
}
head -c 200k /dev/zero | gzip -c >zeros.gz   # 200 KiB of gzip that expands far.
head -c 204800 /dev/urandom >noise.bin
expect_status 401 "wrong token, gzip body" -X POST -H "Authorization: Bearer wrong" \
  -H "Content-Encoding: gzip" --data-binary @zeros.gz "$url"
head -c 128M /dev/zero >big.bin
expect_status 401 "wrong token, 128 MiB chunked" -X POST -H "Authorization: Bearer wrong" \
  -H "Transfer-Encoding: chunked" --data-binary @big.bin "$url"
expect_status 411 "right token, chunked" -X POST -H "Authorization: Bearer $token" \
  -H "Transfer-Encoding: chunked" --data-binary @big.bin "$url"
expect_status 415 "right token, compressed" -X POST -H "Authorization: Bearer $token" \
  -H "Content-Encoding: gzip" --data-binary @zeros.gz "$url"
expect_status 413 "right token, over the limit" -X POST -H "Authorization: Bearer $token" \
  --data-binary @big.bin "$url"
expect_status 404 "another path" -X POST -H "Authorization: Bearer $token" \
  --data-binary @noise.bin "http://127.0.0.1:$port/other"
# No Content-Length, and a body shorter than its length: raw, as no polite client sends them.
/usr/bin/python3 - "$port" "$token" >raw.txt <<'PY'
import socket, sys
port, token = int(sys.argv[1]), sys.argv[2]
def ask(request):
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    s.sendall(request)
    answer = b""
    while True:
        piece = s.recv(4096)
        if not piece:
            break
        answer += piece
    return answer.split(b"\r\n", 1)[0].decode(errors="replace")
print("no-length", ask(b"POST /bundle HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token.encode() + b"\r\n\r\n" + b"x" * 1000))
print("short", ask(b"POST /bundle HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token.encode() + b"\r\nContent-Length: 100000\r\n\r\n" + b"x" * 1000))
PY
grep -q "^no-length HTTP/1.1 411" raw.txt && echo "ok: no Content-Length: 411" || fail "no Content-Length: $(grep no-length raw.txt)"
grep -q "^short HTTP/1.1 400" raw.txt && echo "ok: a body short of its length: 400" || fail "short body: $(grep short raw.txt)"

# A request line that never ends (200 MB, no newline), and 16 connections that send a header
# line every 2 s: the head is bounded in bytes (431) and in time (10 s), connections are capped
# (8, and 2 from one address: the rest are answered 503 at once).
/usr/bin/python3 - "$port" >flood.txt <<'PY'
import socket, sys, threading, time
port = int(sys.argv[1])
def endless():
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    try:
        s.sendall(b"POST /bundle")
        for _ in range(200 * 16):
            s.sendall(b"x" * 65536)
    except OSError:
        pass
    try:
        print("endless", s.recv(200).split(b"\r\n", 1)[0].decode(errors="replace"))
    except OSError as e:
        print("endless", "closed")
answers = []
def slow():
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    try:
        s.sendall(b"POST /bundle HTTP/1.1\r\n")
        for i in range(15):
            s.sendall(b"X-Slow-%d: y\r\n" % i)
            time.sleep(2)
        answers.append("no answer")
    except OSError:
        answers.append("closed")
endless()  # Alone first: with the slow ones beside it, it may meet the cap (503) instead.
threads = [threading.Thread(target=slow) for _ in range(16)]
for t in threads: t.start()
for t in threads: t.join()
print("slow", " ".join(sorted(set(answers))))
PY
grep -q "^endless HTTP/1.1 431\|^endless closed" flood.txt && echo "ok: an endless request line: $(grep endless flood.txt)" ||
  fail "endless request line: $(cat flood.txt)"
grep -q "^slow closed$" flood.txt && echo "ok: slow connections are closed (503 beyond the cap, at 10 s otherwise)" ||
  fail "slow connections: $(cat flood.txt)"

after=$(kib VmHWM)
growth=$((after - before))
echo "service peak memory: ${before} KiB before, ${after} KiB after the hostile uploads (+${growth} KiB; limit ${limit} B)"
[ "$growth" -lt $(( limit / 1024 + 8192 )) ] || fail "memory grew by ${growth} KiB"
[ -z "$(ls store/versions 2>/dev/null)" ] || fail "something reached the store: $(ls store/versions)"
[ -z "$(ls store/uploads 2>/dev/null)" ] || fail "the spool keeps files: $(ls store/uploads)"
[ "$(cat store/status.json 2>/dev/null | md5sum)" = "$status_before" ] || fail "status.json changed: $(cat store/status.json)"
grep -c "upload refused" serve.log | grep -qx 1 && echo "ok: refusals logged once a minute at most" ||
  fail "refusal lines: $(grep -c 'upload refused' serve.log)"

PLACARD_UPLOAD_TOKEN=$token "$tool" push "$url" v2.placard >push.out 2>&1 || fail "the signed push failed: $(cat push.out)"
grep -q "took version 2" push.out && echo "ok: a signed push is still taken" || fail "push: $(cat push.out)"
[ $failures -eq 0 ]
