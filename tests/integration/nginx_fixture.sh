# Sourced by the integration tests: a real nginx on 127.0.0.1, started and stopped by the test.
#   start_nginx WORK        serves WORK/www on a free port; sets $port; access log in WORK
#   stop_nginx              (also run on exit)
# Locations: /slow/ is sent at 200 bytes/s, /slowmedia/ at 200 kB/s, /error/ answers 500.

free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start_nginx() {
  local work=$1
  command -v nginx >/dev/null || { echo "nginx is not installed (tools/test installs nginx-light)" >&2; return 1; }
  port=$(free_port)
  mkdir -p "$work/www" "$work/nginx-tmp"
  cat >"$work/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
$( [ "$(id -u)" = 0 ] && echo "user root;" )
events { worker_connections 64; }
http {
  access_log $work/access.log;
  client_body_temp_path $work/nginx-tmp/body;
  proxy_temp_path $work/nginx-tmp/proxy;
  fastcgi_temp_path $work/nginx-tmp/fastcgi;
  uwsgi_temp_path $work/nginx-tmp/uwsgi;
  scgi_temp_path $work/nginx-tmp/scgi;
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:$port;
    root $work/www;
    location /slow/ { limit_rate 200; }
    location /slowmedia/ { limit_rate 200k; }
    location /error/ { return 500; }
  }
}
CONF
  nginx -c "$work/nginx.conf" -p "$work" &
  nginx_pid=$!
  for _ in $(seq 50); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null || (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  echo "nginx did not start:" >&2; cat "$work/nginx-error.log" >&2
  return 1
}

stop_nginx() {
  if [ -n "${nginx_pid:-}" ]; then
    kill "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
    nginx_pid=
  fi
}
