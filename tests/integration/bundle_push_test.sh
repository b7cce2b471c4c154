#!/usr/bin/env bash
# bundle_push_test.sh PLACARD PLACARD_TOOL DEMO
# The two push paths, through the content service (placard-tool serve) to the live player
# (under Xvfb): a signed bundle dropped into the inbox is
# shown; one uploaded with the token to the network endpoint is shown; uploads with a wrong or
# missing token are refused (401), one over the size limit too (413), and the screen keeps its
# version.
set -uo pipefail
placard=$1 tool=$2 demo=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/exit_trap.sh"
source "$here/nginx_fixture.sh"   # for free_port
source "$here/xvfb_fixture.sh"
work=$(mktemp -d)
cleanup() {
  [ -n "${player:-}" ] && kill "$player" 2>/dev/null && wait "$player" 2>/dev/null
  [ -n "${service:-}" ] && kill "$service" 2>/dev/null && wait "$service" 2>/dev/null
  stop_xvfb; rm -rf "$work"
}
on_main_exit cleanup
cd "$work"
start_xvfb 1280x720 || exit 1
"$tool" keygen admin >/dev/null
token=0123456789abcdef0123456789abcdef
port=$(free_port)
cat >placard.conf <<CONF
store = $work/store
inbox = $work/inbox
trusted_key = $(cat admin.pub)
upload_token = $token
upload_listen = 127.0.0.1:$port
max_bundle_bytes = 2000000
# The notices stay until the next one: the test reads them by OCR, which under load can take
# longer than the 6 s a lobby needs.
notice_seconds = 600
CONF
for version in 2 3; do
  "$here/make_feed.py" "$demo" "v$version" "$version" --ticker "第${version}版"
  "$tool" pack "v$version" "v$version.placard" --key admin.key >/dev/null
done
head -c 3000000 /dev/zero >big.placard
"$placard" --config placard.conf --windowed --size 1280x720 >player.log 2>&1 &
player=$!
"$tool" serve --config placard.conf >serve.log 2>&1 &
service=$!
wait_for() {  # wait_for PATTERN SECONDS
  for _ in $(seq $(( $2 * 10 ))); do
    cat player.log serve.log 2>/dev/null | grep -q -- "$1" && return 0
    kill -0 "$player" 2>/dev/null || { echo "the player exited:" >&2; cat player.log >&2; return 1; }
    sleep 0.1
  done
  echo "no '$1' in the logs after $2 s:" >&2; cat player.log serve.log >&2
  return 1
}
failures=0
wait_for "accepting bundle uploads" 10 || exit 1
# The player must be up before the drop: a notice is about an import it sees happen (one
# committed while the player starts is simply what it starts with). Under ASan a start takes
# seconds.
wait_for "first frame presented" 60 || exit 1

# screen_shows TEXT SECONDS: reads the foot of the screen, where notices are, again and again
# until TEXT is read or the deadline passes (a single look can come too late under load).
screen_shows() {
  local until=$((SECONDS + $2))
  while [ $SECONDS -le $until ]; do
    import -window root notice.png
    convert notice.png -gravity South -crop 100%x25%+0+0 +repage -resize 200% notice-big.png
    OMP_THREAD_LIMIT=1 tesseract notice-big.png notice -l chi_sim --psm 3 >/dev/null 2>&1
    tr -d ' \n' <notice.txt | grep -q "$1" && return 0
  done
  echo "FAIL: no '$1' on screen after $2 s: $(tr -d ' \n' <notice.txt)" >&2
  return 1
}

# USB and admins copy into the inbox: a temporary name, then a rename, as the USB import does.
cp v2.placard inbox/.v2.part && mv inbox/.v2.part inbox/v2.placard
screen_shows "新内容已导入" 120 && echo "ok: the screen confirms the import" || failures=$((failures + 1))
wait_for "showing content version 2" 30 && echo "ok: the inbox bundle is on screen" || failures=$((failures + 1))
[ ! -e inbox/v2.placard ] || { echo "FAIL: the inbox keeps the taken bundle" >&2; failures=$((failures + 1)); }
# A refused push is not lost: it waits in inbox/refused/ for the admin to look at.
"$tool" pack v3 unsigned.placard >/dev/null
cp unsigned.placard inbox/.u.part && mv inbox/.u.part inbox/unsigned.placard
wait_for "bundle refused" 20 || failures=$((failures + 1))
# The admin at the screen sees that the bundle was refused (the notice is chosen by the
# refusal's source, a bundle, recorded in status.json).
screen_shows "内容包未导入" 120 && echo "ok: the screen says the bundle was refused" || failures=$((failures + 1))
for _ in $(seq 100); do [ -e inbox/refused/unsigned.placard ] && break; sleep 0.1; done
[ -e inbox/refused/unsigned.placard ] && [ ! -e inbox/unsigned.placard ] &&
  echo "ok: a refused inbox bundle is kept in inbox/refused/" ||
  { echo "FAIL: the refused bundle: $(ls -R inbox)" >&2; failures=$((failures + 1)); }

url=http://127.0.0.1:$port/bundle
if "$tool" push "$url" v3.placard --token wrong-token-wrong-token 2>push.err; then
  echo "FAIL: a wrong token was accepted" >&2; failures=$((failures + 1))
fi
grep -q "401" push.err && echo "ok: wrong token refused (401)" || { echo "FAIL: $(cat push.err)" >&2; failures=$((failures + 1)); }
if env -u PLACARD_UPLOAD_TOKEN "$tool" push "$url" v3.placard 2>push.err; then
  echo "FAIL: a missing token was accepted" >&2; failures=$((failures + 1))
fi
grep -q "401" push.err && echo "ok: missing token refused (401)" || { echo "FAIL: $(cat push.err)" >&2; failures=$((failures + 1)); }
if "$tool" push "$url" big.placard --token "$token" 2>push.err; then
  echo "FAIL: an upload over the limit was accepted" >&2; failures=$((failures + 1))
fi
grep -q "413" push.err && echo "ok: upload over the limit refused (413)" || { echo "FAIL: $(cat push.err)" >&2; failures=$((failures + 1)); }
if grep -q "showing content version 3" player.log; then
  echo "FAIL: a refused upload reached the screen" >&2; failures=$((failures + 1))
fi
# Refusals before the body is read are logged (at most a line a minute: a flood must not fill
# the journal), and never reach status.json or the screen: nobody unauthenticated changes
# what anyone sees.
grep -q "upload refused: missing or wrong token" serve.log &&
  echo "ok: the log says why uploads were refused" || { echo "FAIL: refusals not logged" >&2; failures=$((failures + 1)); }
if "$tool" status --config placard.conf | grep -q "upload refused"; then
  echo "FAIL: an unauthenticated refusal reached the status" >&2; failures=$((failures + 1))
else
  echo "ok: the status is untouched by refused uploads"
fi

PLACARD_UPLOAD_TOKEN=$token "$tool" push "$url" v3.placard >push.out 2>&1 || { echo "FAIL: the push with the token failed: $(cat push.out)" >&2; failures=$((failures + 1)); }
grep -q "took version 3" push.out && echo "ok: pushed: $(cat push.out)"
wait_for "showing content version 3" 20 && echo "ok: the pushed bundle is on screen" || failures=$((failures + 1))
if PLACARD_UPLOAD_TOKEN=$token "$tool" push "$url" v2.placard >push.out 2>&1; then
  echo "FAIL: an older version was taken" >&2; failures=$((failures + 1))
fi
# The answer says what kind of refusal it is: an old version is a conflict (409), not a bad
# bundle (422), so that a pushing script can tell them apart.
grep -q "not newer" push.out && grep -q "HTTP status 409" push.out &&
  echo "ok: older version refused as a conflict: $(tr '\n' ' ' <push.out)" ||
  { echo "FAIL: the older version's refusal: $(cat push.out)" >&2; failures=$((failures + 1)); }
[ $failures -eq 0 ]
