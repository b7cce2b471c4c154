#!/usr/bin/env bash
# render_text_speed.sh PLACARD_TOOL DEMO
# render-text's whole-process time against pango-view's on the seed article (highlights, body,
# note; 32 px on a 1200 px measure, justified), measured by hyperfine: the medians and their
# ratio (issue 17 asks for 5× at least). A benchmark: it prints, and fails only when a command
# fails, never on a time (machines here are shared and noisy).
set -euo pipefail
tool=$1 demo=$2
for command in hyperfine pango-view; do
  command -v "$command" >/dev/null || { echo "$command is not installed (tools/test installs it)" >&2; exit 1; }
done
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
/usr/bin/python3 "$(dirname "$0")/../support/seed_article_text.py" "$demo/feed.json" "$out/article.txt"
# pango-view sizes are in points at 96 dpi: 24 pt = 32 px, 900 pt = 1200 px.
hyperfine --shell=none --warmup 5 --runs "${PLACARD_BENCH_RUNS:-40}" --export-json "$out/times.json" \
  --command-name placard "$tool render-text --font-size 32 --width 1200 --justify --out $out/placard.png $out/article.txt" \
  --command-name pango "pango-view --font='Noto Sans CJK SC 24' --width=900 --justify -q -o $out/pango.png $out/article.txt" \
  >/dev/null
/usr/bin/python3 - "$out/times.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
ours, theirs = results["placard"], results["pango"]
print(f"render-text: median {ours['median'] * 1000:.1f} ms (user {ours['user'] * 1000:.1f} ms, "
      f"system {ours['system'] * 1000:.1f} ms), {len(ours['times'])} runs")
print(f"pango-view:  median {theirs['median'] * 1000:.1f} ms (user {theirs['user'] * 1000:.1f} ms, "
      f"system {theirs['system'] * 1000:.1f} ms)")
print(f"render-text is {theirs['median'] / ours['median']:.2f}x faster than pango-view (medians)")
PY
