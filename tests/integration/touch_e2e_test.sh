#!/usr/bin/env bash
# touch_e2e_test.sh PLACARD DEMO
# Real input end to end: the player fullscreen on a real X server (Xvfb), clicks and a drag sent
# with xdotool, screenshots taken from the X server. A click on the excerpt opens the article
# (OCR finds the breadcrumb and the body); a drag scrolls it; the player reports its
# input-to-photon latency when it stops.
set -uo pipefail
placard=$1 demo=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/exit_trap.sh"
source "$here/xvfb_fixture.sh"
for command in xdotool tesseract import; do
  command -v "$command" >/dev/null || { echo "$command is not installed (tools/test installs it)" >&2; exit 1; }
done
work=$(mktemp -d)
cleanup() {
  [ -n "${player:-}" ] && kill "$player" 2>/dev/null && wait "$player" 2>/dev/null
  stop_xvfb; rm -rf "$work"
}
on_main_exit cleanup
start_xvfb 1920x1080 || exit 1
# systemd's notify socket, played by a small listener: the player must say READY=1 after its
# first frame and keep sending WATCHDOG=1 from its loop.
/usr/bin/python3 - "$work/notify.sock" "$work/notify.log" <<'PY' &
import socket, sys, time
sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sock.bind(sys.argv[1]); sock.settimeout(0.5)
end = time.time() + 30
with open(sys.argv[2], "w") as log:
    while time.time() < end:
        try:
            log.write(sock.recv(256).decode() + "\n"); log.flush()
        except socket.timeout:
            pass
PY
listener=$!
for _ in $(seq 300); do [ -S "$work/notify.sock" ] && break; sleep 0.1; done
NOTIFY_SOCKET="$work/notify.sock" "$placard" --content "$demo" >"$work/player.log" 2>&1 &
player=$!
for _ in $(seq 600); do grep -q "first frame" "$work/player.log" && break; sleep 0.1; done
grep -q "first frame" "$work/player.log" || { echo "the player did not start:" >&2; cat "$work/player.log" >&2; exit 1; }
# Touch only once the window shows the home screen (its header's colour, from the player's own
# headless screenshot): the log line can come before Xvfb has drawn the window, and a click on
# a window not yet there is lost.
pixel() { import -window root -crop "1x1+960+5" +repage txt:- 2>/dev/null | grep -o 'srgb([0-9,]*)' | head -1; }
"$placard" --content "$demo" --size 1920x1080 --at 3 --screenshot "$work/home.png" --quiet
header=$(convert "$work/home.png" -crop 1x1+960+5 +repage txt:- | grep -o 'srgb([0-9,]*)' | head -1)
for _ in $(seq 600); do [ "$(pixel)" = "$header" ] && break; sleep 0.1; done
[ "$(pixel)" = "$header" ] || { echo "FAIL: the home screen ($header) never showed: $(pixel)" >&2; exit 1; }
failures=0
read_screen() {  # read_screen NAME [CROP]: screenshot from the X server, OCR'd to NAME.txt
  import -window root "$work/$1.png"
  convert "$work/$1.png" ${2:+-crop "$2" +repage} -resize 200% "$work/$1-big.png"
  OMP_THREAD_LIMIT=1 tesseract "$work/$1-big.png" "$work/$1" -l chi_sim --psm 3 >/dev/null 2>&1
  tr -d ' \n' <"$work/$1.txt"
}

# A click on the article excerpt opens the article: the screen is read again and again until
# it shows the article or a deadline passes (under load the crossfade and the OCR take longer).
xdotool mousemove 600 700 click 1
deadline=$((SECONDS + 60))
while :; do
  text=$(read_screen article)
  [[ "$text" == *您当前的位置* && "$text" == *具有十分重要的意义* ]] && break
  [ $SECONDS -ge $deadline ] && break
done
for expected in 您当前的位置 首页 具有十分重要的意义; do
  if [[ "$text" == *"$expected"* ]]; then echo "ok: the article screen shows $expected"; else
    echo "FAIL: no '$expected' on the article screen: $text" >&2; failures=$((failures + 1)); fi
done

# The text area as it was before the drag, read the way it is read after (same crop, so the
# same pixels give the same reading).
text_area=1920x650+0+250
read_screen article-text "$text_area" >/dev/null

# A drag upwards scrolls the article.
xdotool mousemove 960 850 mousedown 1
for y in $(seq 830 -40 330); do xdotool mousemove 960 "$y"; sleep 0.016; done
xdotool mouseup 1
# Scrolled means: text that was below the first screen is read now in the scrolled text (a
# line of 8 or more characters the article's first screen did not have: only the text area
# between the breadcrumb bar and the buttons is read, so the header's clock cannot count),
# and the breadcrumb, which does not scroll, is still there. Read until so, or a deadline.
new_line() {  # new_line BEFORE.txt AFTER.txt: prints a line of AFTER that BEFORE lacks
  /usr/bin/python3 - "$1" "$2" <<'PY'
import sys
before = open(sys.argv[1], encoding="utf-8").read().replace(" ", "").replace("\n", "")
for line in open(sys.argv[2], encoding="utf-8"):
    line = line.strip().replace(" ", "")
    if len(line) >= 8 and line not in before:
        print(line)
        break
PY
}
deadline=$((SECONDS + 60))
while :; do
  scrolled=$(read_screen scrolled)
  read_screen scrolled-text "$text_area" >/dev/null
  revealed=$(new_line "$work/article-text.txt" "$work/scrolled-text.txt")
  [ -n "$revealed" ] && [[ "$scrolled" == *您当前的位置* ]] && break
  [ $SECONDS -ge $deadline ] && break
done
if [ -n "$revealed" ] && [[ "$scrolled" == *您当前的位置* ]]; then
  echo "ok: the drag scrolled: '$revealed' came into view, the breadcrumb stayed"
else
  echo "FAIL: the drag did not scroll: nothing new read ('$scrolled')" >&2; failures=$((failures + 1))
fi

grep -qx "READY=1" "$work/notify.log" && echo "ok: READY=1 sent to systemd" || { echo "FAIL: no READY=1" >&2; failures=$((failures + 1)); }
[ "$(grep -cx "WATCHDOG=1" "$work/notify.log")" -ge 2 ] && echo "ok: the loop feeds the watchdog" || { echo "FAIL: no WATCHDOG=1 pings" >&2; failures=$((failures + 1)); }
kill "$listener" 2>/dev/null
kill "$player"; wait "$player"; player=
grep "frame statistics" "$work/player.log"
grep -q "input_to_photon" "$work/player.log" || { echo "FAIL: no input latency reported" >&2; failures=$((failures + 1)); }
[ $failures -eq 0 ]
