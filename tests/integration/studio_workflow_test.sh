#!/usr/bin/env bash
# studio_workflow_test.sh PLACARD_STUDIO PLACARD_TOOL PLACARD IMAGE_DIFF SEED_TEXT
# The 审核 workflow of Placard Studio through its JSON API (docs/studio-api.md), as the pages
# use it, and what screens then get:
#   - an editor makes a draft, pastes the seed page's text (the importer fills the article),
#     uploads a banner, saves; a hostile upload and a feed a screen would refuse are refused
#     with reasons, and the draft keeps its content;
#   - an editor cannot approve or publish; the author cannot approve their own draft; a reviewer
#     approves and publishes: version 2, whose history says what changed;
#   - the studio's preview of version 2 is the player's own headless screenshot of it, pixel for
#     pixel (home, and the new article's reading screen);
#   - a screen pulling the studio's feed takes version 2 and shows the pasted article;
#   - v3, then rollback to v2: the screen takes v4 with v2's content;
#   - the live preview of a draft's unsaved feed is its preview once saved;
#   - a reviewer's urgent notice is published at once (v5) and the screen shows it; a draft made
#     before it is published with it (v6); its cancel (v7); a draft made before other content
#     changed is refused (409).
set -uo pipefail
studio=$1 tool=$2 placard=$3 diff=$4 seed=$5
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
py() { /usr/bin/python3 "$@"; }
data=$work/data
echo "editor password 1" | "$studio" --data "$data" add-user 编辑甲 --role editor >/dev/null
echo "editor password 2" | "$studio" --data "$data" add-user editor2 --role editor >/dev/null
echo "reviewer password" | "$studio" --data "$data" add-user 审核乙 --role reviewer >/dev/null
start_studio "$studio" "$data" "$work/studio.log" || exit 1

# sign_in NAME PASSWORD JAR: signs in, keeps the cookie in JAR and the CSRF token in JAR.csrf.
sign_in() {
  curl -s -o /dev/null -c "$3" --data-urlencode "user=$1" --data-urlencode "password=$2" "$base/sign-in"
  curl -s -b "$3" "$base/api/session" | py -c 'import json,sys; print(json.load(sys.stdin)["csrf"])' >"$3.csrf"
}
# call JAR METHOD PATH [CURL OPTIONS…]: prints the status; the body goes to $work/body.
call() {
  local jar=$1 method=$2 path=$3; shift 3
  curl -s -o "$work/body" -w '%{http_code}' -X "$method" -b "$jar" -H "X-CSRF-Token: $(cat "$jar.csrf")" "$@" "$base/api/$path"
}
field() { py -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval("d" + sys.argv[2]))' "$work/body" "$1"; }
sign_in 编辑甲 "editor password 1" "$work/editor"
sign_in editor2 "editor password 2" "$work/editor2"
sign_in 审核乙 "reviewer password" "$work/reviewer"

# --- The editor's draft ----------------------------------------------------------------------
[ "$(call "$work/editor" POST drafts)" = 201 ] && draft=$(field '["id"]') && ok "the editor made draft $draft" ||
  fail "new draft: $(cat "$work/body")"
py -c 'import json,sys; print(json.dumps({"text": open(sys.argv[1], encoding="utf-8").read(), "id": "pasted"}))' "$seed" >"$work/paste.json"
[ "$(call "$work/editor" POST import-article -H 'Content-Type: application/json' --data-binary @"$work/paste.json")" = 200 ] &&
  ok "the pasted page became an article: $(field '["article"]["title"]')" || fail "import: $(cat "$work/body")"
cp "$work/body" "$work/imported.json"
[ "$(field '["article"]["highlights"].__len__()')" -ge 1 ] && [ -n "$(field '["article"]["published"]')" ] &&
  ok "with its ● highlights and date" || fail "the imported article lacks highlights or date: $(cat "$work/body")"
[ "$(call "$work/editor" POST import-article --data-binary '{"text": "只有一行"}')" = 422 ] &&
  ok "text that is not a page is refused: $(field '["error"]')" || fail "junk paste: $(cat "$work/body")"

# A banner: a real PNG; then hostile uploads.
convert -size 1600x600 gradient:'#a4161a-#f4f1ec' -gravity center -pointsize 90 -fill white \
  -annotate 0 'Studio' "$work/banner.png" 2>/dev/null
[ "$(call "$work/editor" POST media --data-binary @"$work/banner.png")" = 201 ] &&
  banner=$(field '["path"]') && ok "a banner uploaded as $banner ($(field '["width"]')x$(field '["height"]'))" ||
  fail "upload: $(cat "$work/body")"
printf '<svg xmlns="http://www.w3.org/2000/svg"/>' >"$work/evil.svg"
[ "$(call "$work/editor" POST media --data-binary @"$work/evil.svg")" = 422 ] &&
  ok "an SVG is refused: $(field '["error"]')" || fail "svg upload: $(cat "$work/body")"
head -c 3000 "$work/banner.png" >"$work/cut.png"
[ "$(call "$work/editor" POST media --data-binary @"$work/cut.png")" = 422 ] &&
  ! grep -q "$data" "$work/body" && ok "a truncated PNG is refused: $(field '["error"]')" || fail "truncated png: $(cat "$work/body")"
py - "$work/huge.png" <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
ihdr = struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b""))
PY
[ "$(call "$work/editor" POST media --data-binary @"$work/huge.png")" = 422 ] &&
  ok "a PNG claiming 60000x60000 is refused: $(field '["error"]')" || fail "huge png: $(cat "$work/body")"
[ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -b "$work/editor" -H "X-CSRF-Token: $(cat "$work/editor.csrf")" \
  -H 'Content-Length: 99999999' "$base/api/media")" = 413 ] && ok "an upload over 16 MiB is refused unread: 413" ||
  fail "oversized upload"
[ -z "$(ls -A "$data/incoming" 2>/dev/null)" ] && ok "nothing refused stays on disk" || fail "left in incoming: $(ls "$data/incoming")"

# The draft gets the article (first, in its channel) and the banner (first), as the page does.
call "$work/editor" GET "drafts/$draft" >/dev/null
py - "$work/body" "$work/imported.json" "$banner" >"$work/feed.json" <<'PY'
import json, sys
draft = json.load(open(sys.argv[1]))["feed"]
article = json.load(open(sys.argv[2]))["article"]
article["channel"] = draft["channels"][0]["id"]
draft["articles"].insert(0, article)
draft["banners"].insert(0, {"id": "studio-banner", "image": sys.argv[3], "caption": "工作室上传的横幅", "article": article["id"]})
print(json.dumps(draft, ensure_ascii=False))
PY
py -c 'import json,sys; f=json.load(open(sys.argv[1])); f["banners"][0]["image"]="media/missing.png"; print(json.dumps(f))' "$work/feed.json" >"$work/bad-feed.json"
[ "$(call "$work/editor" POST "drafts/$draft/feed" --data-binary @"$work/bad-feed.json")" = 422 ] &&
  ok "a feed naming a missing image is refused: $(field '["error"]')" || fail "bad feed: $(cat "$work/body")"
[ "$(call "$work/editor2" POST "drafts/$draft/feed" --data-binary @"$work/feed.json")" = 403 ] &&
  ok "another editor cannot change the draft: $(field '["error"]')" || fail "editor2 edited: $(cat "$work/body")"
[ "$(call "$work/editor" POST "drafts/$draft/feed" --data-binary @"$work/feed.json")" = 200 ] &&
  ok "the draft is saved" || fail "save: $(cat "$work/body")"

# --- Review ---------------------------------------------------------------------------------
[ "$(call "$work/editor" POST "drafts/$draft/approve")" = 403 ] && ok "an editor cannot approve: $(field '["error"]')" ||
  fail "editor approved: $(cat "$work/body")"
[ "$(call "$work/reviewer" POST "drafts/$draft/approve")" = 409 ] && ok "a draft not submitted cannot be approved" ||
  fail "approved before submit: $(cat "$work/body")"
[ "$(call "$work/editor" POST "drafts/$draft/submit" --data-binary '{"note": "新增转载文章和横幅"}')" = 200 ] &&
  ok "submitted" || fail "submit: $(cat "$work/body")"
[ "$(call "$work/editor" POST "drafts/$draft/feed" --data-binary @"$work/feed.json")" = 409 ] &&
  ok "a submitted draft cannot be edited: $(field '["error"]')" || fail "edited after submit: $(cat "$work/body")"
[ "$(call "$work/editor" POST "drafts/$draft/publish")" = 403 ] && ok "an editor cannot publish" ||
  fail "editor published: $(cat "$work/body")"
[ "$(call "$work/reviewer" POST "drafts/$draft/publish")" = 409 ] && ok "a draft not approved cannot be published" ||
  fail "published before approval: $(cat "$work/body")"
[ "$(call "$work/reviewer" POST "drafts/$draft/approve" -H "X-CSRF-Token: $(cat "$work/editor.csrf")")" = 403 ] &&
  ok "the reviewer's cookie with the editor's CSRF token cannot act" || fail "mixed session/token: $(cat "$work/body")"
[ "$(call "$work/reviewer" POST "drafts/$draft/approve")" = 200 ] && ok "the reviewer approves" ||
  fail "approve: $(cat "$work/body")"
[ "$(call "$work/reviewer" POST "drafts/$draft/publish")" = 200 ] && ok "the reviewer publishes" ||
  fail "publish: $(cat "$work/body")"
call "$work/reviewer" GET versions >/dev/null
[ "$(field '["current"]')" = 2 ] && ok "version 2 is current; what changed: $(field '["versions"][0]["changes"]')" ||
  fail "versions: $(cat "$work/body")"
field '["versions"][0]["changes"]' | grep -q "新增文章" || fail "the history does not say an article was added"
[ "$(call "$work/reviewer" POST "drafts/$draft/publish")" = 409 ] && ok "publishing it again: 409" || fail "published twice"

# --- The exact preview ------------------------------------------------------------------------
for spec in "1920x1080 home" "1080x1920 portrait" "1920x1080 article"; do
  set -- $spec
  query="size=$1&at=3"
  args=(--size "$1" --at 3)
  if [ "$2" = article ]; then
    query="$query&article=pasted"
  fi
  curl -s -b "$work/reviewer" -o "$work/preview-$2.png" -w '%{http_code}' "$base/api/preview/version/2?$query" >"$work/status"
  if [ "$2" = article ]; then
    # The player's own screenshot of the article: opened the way the preview opens it.
    "$placard" --content "$data/published/2" --size "$1" --at 3 --open-article pasted --screenshot "$work/player-$2.png" --quiet
  else
    "$placard" --content "$data/published/2" "${args[@]}" --screenshot "$work/player-$2.png" --quiet
  fi
  if [ "$(cat "$work/status")" = 200 ] && "$diff" "$work/preview-$2.png" "$work/player-$2.png" >/dev/null; then
    ok "the preview ($1, $2) is the player's screenshot, pixel for pixel"
  else
    fail "preview $spec: $(cat "$work/status"), $("$diff" "$work/preview-$2.png" "$work/player-$2.png" 2>&1 | tail -1)"
  fi
done
[ "$(curl -s -o /dev/null -w '%{http_code}' -b "$work/reviewer" "$base/api/preview/version/2?size=99999x1")" = 422 ] &&
  ok "a preview size out of range: 422" || fail "bad preview size"

# --- A screen pulls it ------------------------------------------------------------------------
cat >"$work/placard.conf" <<CONF
feed_url = $base/feed/feed.json
store = $work/store
trusted_key = $("$studio" --data "$data" public-key)
CONF
"$tool" fetch --config "$work/placard.conf" >/dev/null 2>&1
"$tool" status --config "$work/placard.conf" | grep -Eq '^current: +version 2$' && ok "a screen took version 2" ||
  fail "the screen: $("$tool" status --config "$work/placard.conf")"
grep -q '"id": "pasted"' "$work/store/current/feed.json" && ok "with the pasted article" || fail "no pasted article on the screen"

# --- v3, then rollback to v2 -------------------------------------------------------------------
call "$work/editor" POST drafts >/dev/null
draft3=$(field '["id"]')
py -c 'import json,sys; f=json.load(open(sys.argv[1]))["feed"]; f["ticker"]=["第三版的滚动字幕"]; print(json.dumps(f, ensure_ascii=False))' "$work/body" >"$work/feed3.json"
call "$work/editor" POST "drafts/$draft3/feed" --data-binary @"$work/feed3.json" >/dev/null
call "$work/editor" POST "drafts/$draft3/submit" >/dev/null
call "$work/reviewer" POST "drafts/$draft3/approve" >/dev/null
[ "$(call "$work/reviewer" POST "drafts/$draft3/publish")" = 200 ] && ok "version 3 published" || fail "v3: $(cat "$work/body")"
[ "$(call "$work/editor" POST versions/2/rollback)" = 403 ] && ok "an editor cannot roll back" || fail "editor rolled back"
[ "$(call "$work/reviewer" POST versions/2/rollback)" = 200 ] && [ "$(field '["version"]')" = 4 ] &&
  ok "rolled back to version 2's content as version 4" || fail "rollback: $(cat "$work/body")"
"$tool" fetch --config "$work/placard.conf" >/dev/null 2>&1
"$tool" status --config "$work/placard.conf" | grep -Eq '^current: +version 4$' && ok "the screen took version 4" ||
  fail "after rollback: $("$tool" status --config "$work/placard.conf")"
strip() { py -c 'import json,sys; f=json.load(open(sys.argv[1])); [f.pop(k) for k in ("version","generated")]; print(json.dumps(f, sort_keys=True))' "$1"; }
[ "$(strip "$work/store/current/feed.json")" = "$(strip "$data/published/2/feed.json")" ] &&
  ok "version 4 is version 2's content" || fail "version 4 differs from version 2"
# --- The live preview: the page's unsaved feed, drawn as it will be once saved ----------------
call "$work/editor" POST drafts >/dev/null
draft5=$(field '["id"]')
py -c 'import json,sys; f=json.load(open(sys.argv[1]))["feed"]; f["ticker"]=["第五版：插播之前写的草稿"]; print(json.dumps(f, ensure_ascii=False))' "$work/body" >"$work/feed5.json"
[ "$(call "$work/editor" POST "preview/draft/$draft5?size=1280x720" --data-binary @"$work/feed5.json")" = 200 ] &&
  cp "$work/body" "$work/live.png" || fail "live preview: $(cat "$work/body")"
call "$work/editor" POST "drafts/$draft5/feed" --data-binary @"$work/feed5.json" >/dev/null
call "$work/editor" GET "preview/draft/$draft5?size=1280x720" >/dev/null
"$diff" "$work/live.png" "$work/body" >/dev/null && ok "the live preview of unsaved edits is the saved draft's preview" ||
  fail "the live preview differs from the saved one"
echo '{"site": ' >"$work/broken.json"
[ "$(call "$work/editor" POST "preview/draft/$draft5" --data-binary @"$work/broken.json")" = 422 ] &&
  ok "a live preview of a broken feed: 422, $(field '["error"]')" || fail "broken live preview: $(cat "$work/body")"

# --- 紧急插播: published at once by a reviewer, carried into drafts made before it ----------------
notice='{"level": "urgent", "title": "消防演练", "text": "请沿疏散指示标志有序撤离。", "minutes": 30}'
[ "$(call "$work/editor" POST notices --data-binary "$notice")" = 403 ] && ok "an editor cannot publish a notice" ||
  fail "editor notice: $(cat "$work/body")"
[ "$(call "$work/reviewer" POST notices --data-binary '{"level": "urgent", "text": "x", "minutes": 0}')" = 422 ] &&
  ok "a notice of 0 minutes is refused: $(field '["error"]')" || fail "0-minute notice: $(cat "$work/body")"
[ "$(call "$work/reviewer" POST notices --data-binary '{"cancel": 1, "id": "x"}')" = 422 ] &&
  [ "$(call "$work/reviewer" POST notices --data-binary '{"cancel": true, "id": "nothing"}')" = 404 ] &&
  ok "a cancel of the wrong type (422) or of no notice (404) is refused, the studio still up" ||
  fail "bad cancel: $(cat "$work/body")"
[ "$(call "$work/reviewer" POST notices --data-binary "$notice")" = 200 ] && [ "$(field '["version"]')" = 5 ] &&
  ok "the reviewer's urgent notice is version 5" || fail "notice: $(cat "$work/body")"
"$tool" fetch --config "$work/placard.conf" >/dev/null 2>&1
"$placard" --content "$work/store/current" --size 1280x720 --at 3 --screenshot "$work/notice.png" --quiet
read -r red green < <(convert "$work/notice.png" -format '%[fx:int(255*mean.r)] %[fx:int(255*mean.g)]' info:)
[ "${red:-0}" -gt 120 ] && [ "${green:-255}" -lt 80 ] && ok "the screen took it and shows the red notice (mean red $red, green $green)" ||
  fail "the screen's notice: mean red ${red:-?} green ${green:-?}; $("$tool" status --config "$work/placard.conf")"
notice_id=$(py -c 'import json,sys; print(json.load(open(sys.argv[1]))["notices"][0]["id"])' "$data/published/5/feed.json")
call "$work/editor" POST "drafts/$draft5/submit" >/dev/null
call "$work/reviewer" POST "drafts/$draft5/approve" >/dev/null
[ "$(call "$work/reviewer" POST "drafts/$draft5/publish")" = 200 ] && [ "$(field '["version"]')" = 6 ] &&
  grep -q "\"$notice_id\"" "$data/published/6/feed.json" && grep -q '第五版' "$data/published/6/feed.json" &&
  ok "a draft made before the notice is published as version 6 with its edits and the notice" ||
  fail "draft over a notice: $(cat "$work/body")"
[ "$(call "$work/reviewer" POST notices --data-binary "{\"id\": \"$notice_id\", \"cancel\": true, \"all_clear\": \"演练结束。\"}")" = 200 ] &&
  py -c 'import json,sys; n=json.load(open(sys.argv[1]))["notices"]; assert len(n) == 1 and n[0]["cancel"]' "$data/published/7/feed.json" &&
  ok "the notice cancelled with an all-clear card: version 7" || fail "cancel: $(cat "$work/body")"
call "$work/editor" POST drafts >/dev/null
stale=$(field '["id"]')
call "$work/editor" POST "drafts/$stale/submit" >/dev/null
call "$work/reviewer" POST "drafts/$stale/approve" >/dev/null
call "$work/reviewer" POST versions/2/rollback >/dev/null
py -c 'import json,sys; n=json.load(open(sys.argv[1])).get("notices", []); assert len(n) == 1 and n[0]["cancel"]' "$data/published/8/feed.json" &&
  ok "a rollback (v8, v2's content) keeps the current notices: the cancel" || fail "the rollback lost the notices"
[ "$(call "$work/reviewer" POST "drafts/$stale/publish")" = 409 ] &&
  ok "a draft made before other content changed is refused: $(field '["error"]')" || fail "stale draft: $(cat "$work/body")"

call "$work/reviewer" GET audit >/dev/null
for action in "draft made" submit approve publish "rolled back" uploaded "notice published" "notice cancelled"; do
  grep -q "\"action\":\"$action" "$work/body" || fail "no '$action' in the audit log"
done
ok "the audit log has each step"

[ $failures -eq 0 ] || { echo "studio log:"; cat "$work/studio.log"; exit 1; }
echo "ok: the workflow holds: draft, import, upload, review by another, publish, preview, rollback, notices"
