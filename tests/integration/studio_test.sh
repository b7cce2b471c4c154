#!/usr/bin/env bash
# studio_test.sh PLACARD_STUDIO PLACARD_TOOL PLACARD IMAGE_DIFF DEMO
# Placard Studio as an admin and as a stranger meet it, over real HTTP (curl):
#   - a new data folder: 0700, its signing key 0600, the demo published as version 1, signed;
#     a screen configured with only feed_url and the studio's public key takes it, and shows
#     what the demo shows;
#   - add-user: roles and passwords checked, one-line reasons, exit codes;
#   - sign-in: a wrong password is 401 and the fifth is throttled (429 with Retry-After, even
#     with the right password); the session cookie is HttpOnly and SameSite=Strict; the API
#     answers 401 without it;
#   - changes need the CSRF token (403 without, or with another session's) and come from the
#     studio's own origin; sign-out ends the session;
#   - the studio serves nothing outside its pages and the published feed's listed files.
set -uo pipefail
studio=$1 tool=$2 placard=$3 diff=$4 demo=$5
here=$(cd "$(dirname "$0")" && pwd)
source "$here/exit_trap.sh"
source "$here/studio_fixture.sh"
work=$(mktemp -d)
studio_pid=
on_main_exit '[ -z "$studio_pid" ] || kill "$studio_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"'
unset DISPLAY
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
data=$work/data

# --- The data folder and its users -------------------------------------------------------
echo "a long password 1" | "$studio" --data "$data" add-user 管理员 --role admin >/dev/null ||
  fail "add-user admin"
echo "editor password 2" | "$studio" --data "$data" add-user editor --role editor >/dev/null ||
  fail "add-user editor"
echo "reviewer password 3" | "$studio" --data "$data" add-user reviewer --role reviewer >/dev/null ||
  fail "add-user reviewer"
[ "$(stat -c %a "$data")" = 700 ] && ok "the data folder is 0700" || fail "data folder mode $(stat -c %a "$data")"
[ "$(stat -c %a "$data/signing.key")" = 600 ] && ok "the signing key is 0600" ||
  fail "signing key mode $(stat -c %a "$data/signing.key")"
echo "a long password" | "$studio" --data "$data" add-user x --role owner 2>"$work/err"
status=$?
[ $status = 2 ] && grep -q "admin, editor or reviewer" "$work/err" && [ "$(wc -l <"$work/err")" = 1 ] &&
  ok "an unknown role is refused: $(cat "$work/err")" || fail "unknown role: exit $status, $(cat "$work/err")"
echo "short" | "$studio" --data "$data" add-user y --role editor 2>"$work/err"
status=$?
[ $status = 1 ] && grep -q "shorter than" "$work/err" && ok "a short password is refused: $(cat "$work/err")" ||
  fail "short password: exit $status, $(cat "$work/err")"
key=$("$studio" --data "$data" public-key)
[[ $key =~ ^[0-9a-f]{64}$ ]] && ok "public-key prints the key" || fail "public-key printed: $key"

# --- Serving -------------------------------------------------------------------------------
start_studio "$studio" "$data" "$work/studio.log" || exit 1
ok "the studio serves at $base"

# --- A screen takes the studio's feed ----------------------------------------------------
cat >"$work/placard.conf" <<CONF
feed_url = $base/feed/feed.json
store = $work/store
trusted_key = $key
CONF
"$tool" fetch --config "$work/placard.conf" >"$work/fetch.log" 2>&1 || fail "fetch: $(cat "$work/fetch.log")"
"$tool" status --config "$work/placard.conf" | grep -Eq '^current: +version 1$' &&
  ok "a screen took the studio's version 1" || fail "status: $("$tool" status --config "$work/placard.conf")"
"$tool" fetch --config "$work/placard.conf" 2>&1 | grep -q "unchanged" &&
  ok "polling again costs a 304 (unchanged)" || fail "the second poll was not 'unchanged'"
"$placard" --content "$work/store/current" --size 960x540 --at 3 --screenshot "$work/screen.png" --quiet
"$placard" --content "$data/published/current" --size 960x540 --at 3 --screenshot "$work/published.png" --quiet
"$diff" "$work/screen.png" "$work/published.png" >/dev/null && ok "the screen shows what the studio published" ||
  fail "the screen differs from what the studio published"
cmp -s <(/usr/bin/python3 -c 'import json,sys; f=json.load(open(sys.argv[1])); [f.pop(k) for k in ("version","generated")]; print(json.dumps(f, sort_keys=True))' "$work/store/current/feed.json") \
  <(/usr/bin/python3 -c 'import json,sys; f=json.load(open(sys.argv[1])); [f.pop(k) for k in ("version","generated")]; print(json.dumps(f, sort_keys=True))' "$demo/feed.json") &&
  ok "version 1 is the demo content" || fail "version 1 is not the demo content"
# Another key is not trusted.
sed -i "s/^trusted_key = .*/trusted_key = $(printf '%064d' 7)/" "$work/placard.conf"
sed -i "s#^store = .*#store = $work/store2#" "$work/placard.conf"
"$tool" fetch --config "$work/placard.conf" >/dev/null 2>&1
[ ! -e "$work/store2/current" ] && ok "a screen trusting another key takes nothing" ||
  fail "a screen trusting another key took the feed"

# --- Signing in ----------------------------------------------------------------------------
sign_in() {  # sign_in USER PASSWORD: prints the status; the head goes to $work/head
  curl -s -o "$work/body" -D "$work/head" -w '%{http_code}' --data-urlencode "user=$1" \
    --data-urlencode "password=$2" "$base/sign-in"
}
[ "$(sign_in editor 'not the password')" = 401 ] && grep -q "用户名或密码不正确" "$work/body" &&
  ok "a wrong password: 401 and the sign-in page says why" || fail "wrong password: $(head -1 "$work/head")"
[ "$(sign_in nobody 'not the password')" = 401 ] && ok "an unknown user: the same 401" || fail "unknown user"
for _ in 1 2 3 4; do sign_in editor 'not the password' >/dev/null; done
status=$(sign_in editor 'editor password 2')
[ "$status" = 429 ] && grep -qi '^Retry-After: [0-9]' "$work/head" &&
  ok "after five wrong passwords, even the right one waits: 429, $(grep -i '^Retry-After' "$work/head" | tr -d '\r')" ||
  fail "throttle: $status"
status=$(sign_in reviewer 'reviewer password 3')
cookie=$(sed -n 's/^Set-Cookie: placard_session=\([0-9a-f]*\);.*/\1/p' "$work/head" | tr -d '\r')
[ "$status" = 303 ] && [ -n "$cookie" ] && ok "the reviewer signs in: 303 to $(sed -n 's/^Location: //p' "$work/head" | tr -d '\r')" ||
  fail "reviewer sign-in: $status"
grep -i '^Set-Cookie' "$work/head" | grep -q 'HttpOnly' && grep -i '^Set-Cookie' "$work/head" | grep -q 'SameSite=Strict' &&
  ok "the session cookie is HttpOnly and SameSite=Strict" || fail "cookie: $(grep -i '^Set-Cookie' "$work/head")"
sign_in 管理员 'a long password 1' >/dev/null
admin_cookie=$(sed -n 's/^Set-Cookie: placard_session=\([0-9a-f]*\);.*/\1/p' "$work/head" | tr -d '\r')

api() {  # api METHOD PATH COOKIE [CURL OPTIONS…]: prints the status; the body goes to $work/body
  local method=$1 path=$2 session=$3; shift 3
  curl -s -o "$work/body" -w '%{http_code}' -X "$method" -b "placard_session=$session" "$@" "$base/api/$path"
}
[ "$(api GET session '')" = 401 ] && ok "the API without a session: 401" || fail "API without a session"
[ "$(api GET session "$(printf '%064d' 1)")" = 401 ] && ok "a made-up session: 401" || fail "made-up session"
[ "$(api GET session "$cookie")" = 200 ] && grep -q '"role":"reviewer"' "$work/body" &&
  ok "the session says who: $(cat "$work/body" | sed 's/"csrf":"[0-9a-f]*"/"csrf":…/')" || fail "session: $(cat "$work/body")"
csrf=$(sed -n 's/.*"csrf":"\([0-9a-f]*\)".*/\1/p' "$work/body")
api GET session "$admin_cookie" >/dev/null
admin_csrf=$(sed -n 's/.*"csrf":"\([0-9a-f]*\)".*/\1/p' "$work/body")
[ "$(api GET versions "$cookie")" = 200 ] && grep -q '"current":1' "$work/body" &&
  ok "the history shows version 1 current" || fail "versions: $(cat "$work/body")"
[ "$(api GET users "$cookie")" = 403 ] && ok "a reviewer may not list users: 403" || fail "reviewer listed users"
[ "$(api GET users "$admin_cookie")" = 200 ] && grep -q '"name":"editor"' "$work/body" &&
  ok "an admin may" || fail "admin users: $(cat "$work/body")"

# --- Changes: the CSRF token and the origin ----------------------------------------------
[ "$(api POST sign-out "$cookie")" = 403 ] && ok "a change without the CSRF token: 403" || fail "no CSRF token"
[ "$(api POST sign-out "$cookie" -H "X-CSRF-Token: $admin_csrf")" = 403 ] &&
  ok "a change with another session's CSRF token: 403" || fail "another session's token"
[ "$(api POST sign-out "$cookie" -H "X-CSRF-Token: $csrf" -H "Origin: http://evil.example")" = 403 ] &&
  ok "a change from another site's page: 403" || fail "another origin"
[ "$(api POST sign-out "$cookie" -H "X-CSRF-Token: $csrf" -H "Origin: $base")" = 200 ] &&
  ok "sign-out with the token, from the studio's page" || fail "sign-out: $(cat "$work/body")"
[ "$(api GET session "$cookie")" = 401 ] && ok "the session has ended" || fail "the session survived sign-out"
[ "$(api GET session "$admin_cookie")" = 200 ] && ok "the admin's session is untouched" || fail "admin session"

# --- Nothing outside the pages and the published feed --------------------------------------
for path in /feed/../studio.db /feed/signing.key /feed/%2e%2e/signing.key /assets/../signing.key \
  /assets/..%2fsigning.key /feed/1/feed.json /feed/media /feed/ /studio.db /signing.key \
  /published/current/feed.json /assets/ /assets/.hidden; do
  status=$(curl -s --path-as-is -o /dev/null -w '%{http_code}' "$base$path")
  [ "$status" = 404 ] || fail "GET $path: $status"
done
ok "files outside the pages and the feed's manifest: 404"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/feed/media/banner-1.png")" = 200 ] &&
  ok "a media file the feed lists: 200" || fail "media file"
[ "$(curl -s -o /dev/null -w '%{http_code}' -X PUT "$base/feed/feed.json")" = 405 ] &&
  ok "PUT: 405" || fail "PUT"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/studio")" = 303 ] &&
  ok "the studio page without a session sends to sign-in" || fail "/studio without a session"
[ "$(curl -s -o /dev/null -w '%{http_code}' -b "placard_session=$admin_cookie" "$base/studio")" = 200 ] &&
  ok "with one, it is served" || fail "/studio with a session"

[ $failures -eq 0 ] || { echo "studio log:"; cat "$work/studio.log"; exit 1; }
echo "ok: the studio's sign-in, sessions, CSRF checks and feed hold"
