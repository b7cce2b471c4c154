#!/usr/bin/env bash
# urgent_notice_test.sh PLACARD PLACARD_TOOL DEMO
# Urgent notices on the live player (under Xvfb), through the content service: a signed notice
# dropped into the inbox takes the whole screen (the time from the drop to the red screen is
# measured and printed); the same file again is taken as already there; an older one is
# refused as a replay, one signed by another key or for another site is refused, and the screen
# keeps the notice; an update pushed to the upload endpoint turns it into a warning band with the
# new text; a cancel with an all-clear card ends it; then the home screen is back.
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
"$tool" keygen stranger >/dev/null
token=0123456789abcdef0123456789abcdef
port=$(free_port)
cat >placard.conf <<CONF
store = $work/store
inbox = $work/inbox
trusted_key = $(cat admin.pub)
upload_token = $token
upload_listen = 127.0.0.1:$port
CONF
site=中共通渭县委组织部
"$here/make_feed.py" "$demo" v2 2 --ticker "第2版"
"$tool" pack v2 v2.placard --key admin.key >/dev/null
"$tool" import v2.placard --config placard.conf 2>/dev/null || { echo "FAIL: the first content was not taken" >&2; exit 1; }

issued() { date --date="$1" +%Y-%m-%dT%H:%M:%S%:z; }
notice() { "$tool" notice "$@" >/dev/null || { echo "FAIL: placard-tool notice $*" >&2; exit 1; }; }
notice drill.placard --key admin.key --site "$site" --id drill --level urgent --title 消防演练 \
  --text "请沿疏散指示标志有序撤离到楼前广场。" --issued "$(issued '-2 minutes')"
notice old.placard --key admin.key --site "$site" --id drill --level urgent --title 消防演练 \
  --text "旧的通知" --issued "$(issued '-3 minutes')"
notice forged.placard --key stranger.key --site "$site" --id forged --level urgent --text "伪造"
notice othersite.placard --key admin.key --site 另一个单位 --id other --level urgent --text "别处"
notice update.placard --key admin.key --site "$site" --id drill --level warning \
  --text "演练推迟到下午三时举行。" --issued "$(issued '-1 minutes')"
notice cancel.placard --key admin.key --site "$site" --cancel drill \
  --all-clear "演练结束，恢复正常秩序。" --issued "$(issued 'now')"

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
# The colour of one pixel of the screen, as srgb(R,G,B).
pixel() { import -window root -crop "1x1+$1+$2" +repage txt:- 2>/dev/null | grep -o 'srgb([0-9,]*)' | head -1; }
red="srgb(183,28,28)"  # The urgent notice's screen (notice_painter.cpp, kUrgentScreen).
# screen_reads TEXT SECONDS [CROP]: OCR of the screen (or the part CROP, as for convert -crop)
# again and again until TEXT is read or the deadline passes.
# Tesseract reads some sizes of type better than others: each look tries the next scale.
screen_reads() {
  local until=$((SECONDS + $2)) crop=${3:-100%x100%+0+0} scales=(150 200 100) look=0
  while [ $SECONDS -le $until ]; do
    import -window root shot.png
    convert shot.png -gravity South -crop "$crop" +repage -resize "${scales[look++ % 3]}%" shot-big.png
    OMP_THREAD_LIMIT=1 tesseract shot-big.png shot -l chi_sim --psm 3 >/dev/null 2>&1
    tr -d ' \n' <shot.txt | grep -q "$1" && return 0
  done
  echo "FAIL: no '$1' on screen after $2 s: $(tr -d ' \n' <shot.txt)" >&2
  return 1
}
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
wait_for "accepting bundle uploads" 30 || exit 1
wait_for "first frame presented" 60 || exit 1
# The home screen's header colour, from the player's own headless screenshot of the same
# content; then wait for the window to show it (Xvfb may not have drawn the first frame yet
# when the player logs it: a header sampled once then could be black).
"$placard" --content store/current --size 1280x720 --at 3 --screenshot home.png --quiet
header=$(convert home.png -crop 1x1+640+5 +repage txt:- | grep -o 'srgb([0-9,]*)' | head -1)
[ "$header" != "$red" ] || fail "the home screen's header is already the notice's red"
for _ in $(seq 600); do [ "$(pixel 640 5)" = "$header" ] && break; sleep 0.1; done
[ "$(pixel 640 5)" = "$header" ] || fail "the home screen's header ($header) never showed: $(pixel 640 5)"

# The notice through the inbox, as USB and admins copy it (a temporary name, then a rename).
start_ns=$(date +%s%N)
cp drill.placard inbox/.drill.part && mv inbox/.drill.part inbox/drill.placard
shown_ms=
for _ in $(seq 600); do
  if [ "$(pixel 640 5)" = "$red" ]; then
    shown_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
    break
  fi
  sleep 0.05
done
if [ -n "$shown_ms" ]; then
  echo "ok: the urgent notice took the whole screen ${shown_ms} ms after it was dropped into the inbox"
else
  fail "the urgent notice never took the screen: $(cat serve.log player.log)"
fi
wait_for 'urgent notice "drill" on the whole screen' 30 || failures=$((failures + 1))
screen_reads "消防演练" 60 && echo "ok: the notice reads back by OCR" || failures=$((failures + 1))

# The same file again (a stick plugged twice) is nothing new; an older one is a replay.
cp drill.placard inbox/.again.part && mv inbox/.again.part inbox/again.placard
wait_for 'again.placard: notice "drill" is already taken' 30 && echo "ok: the same notice again is taken as already there" || failures=$((failures + 1))
for bad in old forged othersite; do
  cp $bad.placard inbox/.$bad.part && mv inbox/.$bad.part inbox/$bad.placard
done
wait_for "refused as a replay" 30 && echo "ok: an older notice of the same id is refused as a replay" || failures=$((failures + 1))
wait_for "forged.placard: signed by key" 30 && echo "ok: a notice signed by another key is refused" || failures=$((failures + 1))
wait_for "othersite.placard: signed for the site" 30 && echo "ok: a notice for another site is refused" || failures=$((failures + 1))
for _ in $(seq 100); do [ -e inbox/refused/othersite.placard ] && break; sleep 0.1; done
[ "$(pixel 640 5)" = "$red" ] && echo "ok: the screen keeps the notice" || fail "the screen lost the notice"
grep -q '"forged"\|"other"' player.log && fail "a refused notice reached the player: $(cat player.log)"

# The update, through the upload endpoint: the same id, now a warning in the band.
PLACARD_UPLOAD_TOKEN=$token "$tool" push "http://127.0.0.1:$port/bundle" update.placard >push.out 2>&1 &&
  grep -q 'took notice "drill"' push.out && echo "ok: pushed: $(cat push.out)" || fail "the update push: $(cat push.out)"
wait_for 'warning notice "drill" in the band' 30 || failures=$((failures + 1))
screen_reads "下午三时举行" 60 100%x30%+0+0 && echo "ok: the update shows in the band" || failures=$((failures + 1))
for _ in $(seq 300); do [ "$(pixel 640 5)" = "$header" ] && break; sleep 0.1; done
[ "$(pixel 640 5)" = "$header" ] && echo "ok: the home screen is back above the band" || fail "the header is $(pixel 640 5), not $header"

# The cancel, with its all-clear card.
cp cancel.placard inbox/.cancel.part && mv inbox/.cancel.part inbox/cancel.placard
wait_for 'all-clear card for notice "drill"' 30 || failures=$((failures + 1))
screen_reads "恢复正常秩序" 60 100%x30%+0+0 && echo "ok: the all-clear card shows" || failures=$((failures + 1))
"$tool" status --config placard.conf >status.txt 2>&1
grep -q "drill" store/notices.json && echo "ok: the register keeps the cancel (so the notice cannot come back)" || fail "the register: $(cat store/notices.json)"
[ $failures -eq 0 ]
