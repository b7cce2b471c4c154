#!/usr/bin/env bash
# power_cut_test.sh PLACARD_TOOL DEMO [ROUNDS]
# Power cuts during updates: placard-tool fetch is killed with SIGKILL at random moments while it
# downloads (media are served slowly) and commits a new version. After every cut the store's
# current version is complete — old or new, never a mix — and the next fetch succeeds.
set -uo pipefail
tool=$1 demo=$2 rounds=${3:-12}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/exit_trap.sh"
source "$here/nginx_fixture.sh"
work=$(mktemp -d); chmod 755 "$work"
on_main_exit 'stop_nginx; rm -rf "$work"'
start_nginx "$work" || exit 1
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
current_version() { sed -n 's/^current: *version //p' < <("$tool" status --config "$work/placard.conf"); }

(cd "$work" && "$tool" keygen admin >/dev/null)
committed=0
for round in $(seq 1 "$rounds"); do
  next=$((committed + 1))
  "$here/make_feed.py" "$demo" "$work/www/slowmedia/v$next" "$next" --salt
  "$tool" sign-feed "$work/www/slowmedia/v$next" --key "$work/admin.key" >/dev/null
  chmod -R a+rX "$work/www"
  cat >"$work/placard.conf" <<CONF
feed_url = http://127.0.0.1:$port/slowmedia/v$next/feed.json
store = $work/store
total_timeout = 30
trusted_key = $(cat "$work/admin.pub")
CONF
  "$tool" fetch --config "$work/placard.conf" 2>/dev/null &
  pid=$!
  delay=$(/usr/bin/python3 -c "import random; print(round(random.uniform(0, 2.2), 2))")
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  version=$(current_version)
  if [ "$committed" -eq 0 ] && [ -z "$version" ]; then
    state="none yet"
  elif [ "$version" = "$committed" ] || [ "$version" = "$next" ]; then
    "$tool" validate "$work/store/current" >/dev/null || fail "round $round: version $version is incomplete"
    state="version $version"
  else
    fail "round $round: current is '$version', expected $committed or $next"
    state="wrong"
  fi
  echo "round $round: killed after ${delay}s: $state"
  # The next fetch after a cut finishes the job and clears what the cut left in staging. A
  # fetch killed after its commit (the version is already current) may leave its staging lock
  # behind: the next writer that commits clears it, which the following round checks.
  if [ "$version" != "$next" ]; then
    "$tool" fetch --config "$work/placard.conf" 2>/dev/null || fail "round $round: the fetch after the cut failed"
    [ -z "$(ls -A "$work/store/staging")" ] || fail "round $round: staging not cleaned: $(ls -A "$work/store/staging")"
  fi
  [ "$(current_version)" = "$next" ] || fail "round $round: version $next not current after the retry"
  committed=$next
done
# A last writer clears whatever the last cut left (a fetch that finds the feed unchanged still
# records its poll under the store lock, and every lock holder cleans abandoned staging).
"$tool" fetch --config "$work/placard.conf" 2>/dev/null || fail "the last fetch failed"
[ -z "$(ls -A "$work/store/staging")" ] || fail "staging not cleaned at the end: $(ls -A "$work/store/staging")"
[ $failures -eq 0 ] || { echo "$failures check(s) failed" >&2; exit 1; }
