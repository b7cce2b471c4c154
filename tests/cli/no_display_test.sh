#!/usr/bin/env bash
# no_display_test.sh PLACARD DEMO
# `placard` started where there is no display (a shell over SSH: no X11, Wayland or KMS) must
# say so in one line and exit 1, pointing at --screenshot, instead of playing unseen on SDL's
# invisible offscreen driver (issue 13). A driver asked for by name is still honoured.
set -uo pipefail
placard=$1 demo=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
if compgen -G "/dev/dri/card*" >/dev/null; then
  echo "skipped: this machine has a KMS device, so SDL may rightly open a display"; exit 77
fi
failures=0
env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER XDG_RUNTIME_DIR=$work \
  timeout 60 "$placard" --content "$demo" --windowed >"$work/out.log" 2>&1
status=$?
if [ $status -ne 1 ]; then
  echo "FAIL: exit status $status without a display, not 1: $(head -3 "$work/out.log")"; failures=1
elif ! grep -q "display: none found.*use --screenshot" "$work/out.log"; then
  echo "FAIL: no one-line reason: $(cat "$work/out.log")"; failures=1
else
  echo "ok: without a display: $(grep "display:" "$work/out.log")"
fi
# Asked for by name, the offscreen driver plays (as a soak run or a benchmark would use it):
# it presents a first frame and stops cleanly on SIGTERM.
SDL_VIDEODRIVER=offscreen "$placard" --content "$demo" --windowed >"$work/asked.log" 2>&1 &
pid=$!
for _ in $(seq 600); do
  grep -q "first frame presented" "$work/asked.log" && break
  kill -0 $pid 2>/dev/null || break
  sleep 0.1
done
if grep -q "first frame presented" "$work/asked.log"; then
  echo "ok: SDL_VIDEODRIVER=offscreen asked for by name plays"
else
  echo "FAIL: with SDL_VIDEODRIVER=offscreen: $(head -3 "$work/asked.log")"; failures=1
fi
kill $pid 2>/dev/null; wait $pid 2>/dev/null
exit $failures
