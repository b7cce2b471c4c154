# Sourced by the tests that run the live player: a real X server (Xvfb) of their own.
#   start_xvfb WxH      starts it on a free display; exports DISPLAY; sets $xvfb (its pid)
#   stop_xvfb
start_xvfb() {
  command -v Xvfb >/dev/null || { echo "Xvfb is not installed (tools/test installs xvfb)" >&2; return 1; }
  local display
  for display in $(seq 40 99); do [ -e "/tmp/.X$display-lock" ] || break; done
  export DISPLAY=":$display"
  Xvfb "$DISPLAY" -screen 0 "${1}x24" -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
}

stop_xvfb() {
  if [ -n "${xvfb:-}" ]; then
    kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null
    xvfb=
  fi
}
