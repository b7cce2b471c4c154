#!/usr/bin/env bash
# ocr_paragraph_test.sh PLACARD_TOOL DEMO
# Sets the seed article (highlights, body, note) with render-text at 32 px on a 1200 px measure,
# justified, and the same text with pango-view at the same size and measure; reads both back with
# tesseract (chi_sim). Placard's rendering must read back at >= 99 % of the article's Han
# characters (TYPOGRAPHY.md) and at least as well as Pango's.
set -euo pipefail
tool=$1 demo=$2
for command in tesseract pango-view; do
  command -v "$command" >/dev/null || { echo "$command is not installed (tools/test installs it)" >&2; exit 1; }
done
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
/usr/bin/python3 "$(dirname "$0")/../support/seed_article_text.py" "$demo/feed.json" "$out/article.txt"
"$tool" render-text --font-size 32 --width 1200 --justify --out "$out/placard.png" "$out/article.txt"
# pango-view sizes are in points at 96 dpi: 24 pt = 32 px, 900 pt = 1200 px.
pango-view --font="Noto Sans CJK SC 24" --width=900 --justify -q -o "$out/pango.png" "$out/article.txt"
for name in placard pango; do
  OMP_THREAD_LIMIT=1 tesseract "$out/$name.png" "$out/$name" -l chi_sim --psm 6 >/dev/null 2>&1
done
/usr/bin/python3 - "$out/article.txt" "$out/placard.txt" "$out/pango.txt" <<'PY'
import difflib, re, sys
han = lambda text: "".join(re.findall(r"[\u3400-\u9fff]", text))
reference = han(open(sys.argv[1], encoding="utf-8").read())
def score(path):
    read = han(open(path, encoding="utf-8").read())
    matcher = difflib.SequenceMatcher(None, reference, read, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(reference)
placard, pango = score(sys.argv[2]), score(sys.argv[3])
print(f"Han characters read back: Placard {placard:.4f}, Pango {pango:.4f} (of {len(reference)})")
if placard < 0.99:
    sys.exit("Placard's rendering reads back below 99 %")
if placard < pango:
    sys.exit("Placard's rendering reads back worse than Pango's")
PY
