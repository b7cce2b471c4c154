# Sourced by the studio's tests: start_studio STUDIO DATA LOG [OPTION…] starts placard-studio
# (with the options given) on a free
# port of 127.0.0.1 (the system picks it; the log says which), waits for it by a deadline (the
# first start signs and publishes the demo, slow under ASan), and sets $base and $studio_pid.
# Returns 1, with the log, when it does not come up.
start_studio() {
  local program=$1 data=$2 log=$3 port=
  shift 3
  "$program" --data "$data" --listen 127.0.0.1:0 "$@" >"$log" 2>&1 &
  studio_pid=$!
  for _ in $(seq 1 600); do
    port=$(sed -n 's/.*(port \([0-9]*\)).*/\1/p' "$log")
    [ -n "$port" ] && break
    kill -0 "$studio_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$port" ]; then
    echo "FAIL: the studio did not start: $(cat "$log")" >&2
    return 1
  fi
  base=http://127.0.0.1:$port
}
