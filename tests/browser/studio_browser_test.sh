#!/usr/bin/env bash
# studio_browser_test.sh PLACARD_STUDIO PLACARD_TOOL PLACARD IMAGE_DIFF SEED_TEXT [DOCS_DIR]
# Placard Studio end to end, in a real browser and on a real player (issue 15, "Tests"):
#   1. studio_pages.py drives Debian's chromium: an editor signs in, pastes the seed page's
#      text (the fields fill), uploads a banner, saves, submits; a reviewer approves and
#      publishes version 2 (the preview following the unsaved edits on the way); the reviewer
#      publishes an urgent notice (version 3, the preview shows it) and cancels it (version 4);
#   2. the preview the page showed is, pixel for pixel, the player's own headless screenshot of
#      the published version;
#   3. a screen pulls the studio's feed (placard-tool fetch, trusting only the studio's key):
#      the player shows the pasted article (on the home screen and its own), read back by OCR —
#      headless, and live under Xvfb.
# With DOCS_DIR, the pages' screenshots are written there (docs/images, for the README).
set -uo pipefail
studio=$1 tool=$2 placard=$3 diff=$4 seed=$5 docs=${6:-}
here=$(cd "$(dirname "$0")" && pwd)
integration=$here/../integration
source "$integration/exit_trap.sh"
source "$integration/studio_fixture.sh"
source "$integration/xvfb_fixture.sh"
work=$(mktemp -d)
studio_pid= player=
cleanup() {
  [ -z "$player" ] || { kill "$player" 2>/dev/null; wait "$player" 2>/dev/null; }
  [ -z "$studio_pid" ] || { kill "$studio_pid" 2>/dev/null; wait "$studio_pid" 2>/dev/null; }
  stop_xvfb 2>/dev/null
  rm -rf "$work"
}
on_main_exit cleanup
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
for program in /usr/bin/chromium /usr/bin/chromedriver; do
  [ -x "$program" ] || { echo "FAIL: $program is missing (tools/install-deps test installs it)" >&2; exit 1; }
done
data=$work/data
echo "editor password 1" | "$studio" --data "$data" add-user 编辑甲 --role editor >/dev/null
echo "reviewer password" | "$studio" --data "$data" add-user 审核乙 --role reviewer >/dev/null
start_studio "$studio" "$data" "$work/studio.log" || exit 1
convert -size 1900x440 gradient:'#1b3a6b-#a4161a' "$work/banner.png"

# 1. The pages, in chromium.
HOME=$work /usr/bin/python3 "$here/studio_pages.py" "$base" "$seed" "$work/banner.png" "$work" ${docs:+"$docs"} ||
  fail "the pages (above)"
[ -e "$data/published/2/feed.json" ] || { fail "nothing was published"; cat "$work/studio.log"; exit 1; }

# 2. The page's preview is the player's screenshot.
"$placard" --content "$data/published/2" --size 1920x1080 --at 3 --screenshot "$work/player.png" --quiet
"$diff" "$work/preview.png" "$work/player.png" >/dev/null &&
  ok "the page's preview equals the player's screenshot of version 2, pixel for pixel" ||
  fail "preview and screenshot differ: $("$diff" "$work/preview.png" "$work/player.png" 2>&1 | tail -1)"

# 3. A screen pulls the feed and shows it (the notice cancelled: the all-clear band for five
#    minutes from the cancel, over the foot of the screen, not over the excerpts).
cat >"$work/placard.conf" <<CONF
feed_url = $base/feed/feed.json
store = $work/store
trusted_key = $("$studio" --data "$data" public-key)
CONF
"$tool" fetch --config "$work/placard.conf" >/dev/null 2>&1
# Version 4: the article of version 2 and the urgent notice of version 3, cancelled.
"$tool" status --config "$work/placard.conf" | grep -Eq '^current: +version 4$' &&
  ok "a screen took version 4 from the studio" || fail "the screen: $("$tool" status --config "$work/placard.conf")"
ocr() {  # ocr PNG: the text tesseract reads, without spaces
  convert "$1" -resize 200% "$1.big.png"
  OMP_THREAD_LIMIT=1 tesseract "$1.big.png" "$1" -l chi_sim --psm 3 >/dev/null 2>&1
  tr -d ' \n' <"$1.txt"
}
"$placard" --content "$work/store/current" --size 1920x1080 --at 3 --screenshot "$work/home.png" --quiet
[[ "$(ocr "$work/home.png")" == *工作室转载* ]] && ok "headless: the pasted article's excerpt reads back on the home screen" ||
  fail "headless home: $(cat "$work/home.png.txt")"
"$placard" --content "$work/store/current" --size 1920x1080 --at 2 --open-article pasted \
  --screenshot "$work/article.png" --quiet
text=$(ocr "$work/article.png")
[[ "$text" == *工作室转载* && "$text" == *中国组织人事报* ]] &&
  ok "headless: the pasted article's screen reads back" || fail "headless article: $text"

# Live, under Xvfb: the player showing the store the fetch filled.
unset DISPLAY
start_xvfb 1920x1080 || exit 1
"$placard" --config "$work/placard.conf" >"$work/player.log" 2>&1 &
player=$!
read_back=
until=$((SECONDS + 120))  # Banners take turns every 8 s; each look (a shot and OCR) takes a second or more.
while [ $SECONDS -le $until ]; do
  import -window root "$work/live.png" 2>/dev/null
  [[ "$(ocr "$work/live.png")" == *工作室转载* ]] && { read_back=1; break; }
  kill -0 "$player" 2>/dev/null || break
done
[ -n "$read_back" ] && ok "live under Xvfb: the pasted article is on screen" ||
  fail "live: $(cat "$work/live.png.txt" 2>/dev/null) $(cat "$work/player.log")"

[ $failures -eq 0 ] || { echo "studio log:"; cat "$work/studio.log"; exit 1; }
echo "ok: from the browser to the screen"
