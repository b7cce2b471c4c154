# Sourced by the tests that need an MQTT broker (issue 16): Debian's mosquitto, started by the
# test in the foreground on 127.0.0.1, anonymous, nothing kept on disk.
#   start_mosquitto DIR [PORT]  starts it (on PORT, else a free port), waits by a deadline for
#                               its "running" line, and sets $mqtt_port and $mqtt_pid; 1 when it
#                               does not come up (the log on stderr)
#   stop_mosquitto              SIGTERM and wait (the broker then sends every client's will)
start_mosquitto() {
  local dir=$1 wanted=${2:-} try
  mkdir -p "$dir"
  for try in 1 2 3 4 5; do
    mqtt_port=${wanted:-$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
    # `user root`: as root (CI), mosquitto 2 would otherwise drop to the mosquitto user; it
    # means nothing to anyone else. max_queued_messages 0: no cap on what waits for a client
    # (the default, 1000, would cut a thousand screens' retained flags short). max_packet_size:
    # a client is never sent more than a report's worth (libmosquitto allocates what comes).
    cat >"$dir/mosquitto.conf" <<CONF
listener $mqtt_port 127.0.0.1
allow_anonymous true
persistence false
log_dest stderr
log_type error
log_type warning
log_type notice
log_type information
user root
max_queued_messages 0
max_packet_size 300000
CONF
    mosquitto -c "$dir/mosquitto.conf" >>"$dir/mosquitto.log" 2>&1 &
    mqtt_pid=$!
    for _ in $(seq 1 300); do
      grep -q " running" "$dir/mosquitto.log" 2>/dev/null && return 0
      kill -0 "$mqtt_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill "$mqtt_pid" 2>/dev/null; wait "$mqtt_pid" 2>/dev/null
    # Taken by another test between our look and the broker's bind: another port, unless asked.
    grep -q "Address already in use" "$dir/mosquitto.log" && [ -z "$wanted" ] && continue
    [ -n "$wanted" ] && grep -q "Address already in use" "$dir/mosquitto.log" && { sleep 0.5; continue; }
    break
  done
  echo "FAIL: mosquitto did not start: $(cat "$dir/mosquitto.log")" >&2
  return 1
}
stop_mosquitto() {
  [ -n "${mqtt_pid:-}" ] || return 0
  kill "$mqtt_pid" 2>/dev/null
  wait "$mqtt_pid" 2>/dev/null
  mqtt_pid=
}
