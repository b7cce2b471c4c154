# Sourced by the tests that run the live player: a real X server (Xvfb) of their own.
#   start_xvfb WxH      starts it on a free display; exports DISPLAY; sets $xvfb (its pid)
#   stop_xvfb
# Waits until the server answers (xdotool asks it for its screen), with a deadline, instead of
# sleeping a fixed time; if another test took the same display first (its server holds the
# display's lock file), tries the next one.
start_xvfb() {
  command -v Xvfb >/dev/null || { echo "Xvfb is not installed (tools/test installs xvfb)" >&2; return 1; }
  local display attempt
  for display in $(seq 40 99); do
    [ -e "/tmp/.X$display-lock" ] && continue
    export DISPLAY=":$display"
    Xvfb "$DISPLAY" -screen 0 "${1}x24" -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    for attempt in $(seq 300); do
      # Ours only when the display's lock names our server: another test's server on the same
      # display would answer xdotool too, and vanish when that test ends.
      if [ "$(tr -d ' \n' <"/tmp/.X$display-lock" 2>/dev/null)" = "$xvfb" ] &&
        xdotool getdisplaygeometry >/dev/null 2>&1; then
        return 0
      fi
      kill -0 "$xvfb" 2>/dev/null || break   # Lost the display to another server: next one.
      sleep 0.1
    done
    kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; xvfb=
  done
  echo "no X server could be started" >&2
  return 1
}

stop_xvfb() {
  if [ -n "${xvfb:-}" ]; then
    kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null
    xvfb=
  fi
}
