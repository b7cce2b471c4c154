#!/usr/bin/env bash
# render_text_test.sh PLACARD_TOOL CORPUS
# placard-tool render-text as ARCHITECTURE.md's contract says: a PNG, and --lines-json whose
# lines give back each paragraph's exact text, where every justified line's right edge
# (x + width) is the measure.
set -euo pipefail
tool=$1 corpus=$2
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
"$tool" render-text --font-size 24 --width 700 --justify --lines-json "$out/lines.json" \
  --out "$out/text.png" "$corpus"
/usr/bin/python3 - "$corpus" "$out/lines.json" "$out/text.png" <<'PY'
import json, struct, sys
paragraphs = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l]
lines = json.load(open(sys.argv[2], encoding="utf-8"))["lines"]
png = open(sys.argv[3], "rb").read()
assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", png[16:24])
assert width >= 700, f"PNG is {width} px wide, narrower than the measure"
problems = []
for p, paragraph in enumerate(paragraphs):
    mine = [l for l in lines if l["paragraph"] == p]
    joined = "".join(l["text"] for l in mine)
    if joined.replace(" ", "") != paragraph.replace(" ", ""):
        problems.append(f"paragraph {p}: lines do not give back its text")
    for i, line in enumerate(mine):
        right = line["x"] + line["width"]
        if right > 700.01:
            problems.append(f"paragraph {p} line {i}: overflows ({right:.2f} > 700)")
        if line["justified"] and abs(right - 700) > 0.01:
            problems.append(f"paragraph {p} line {i}: justified line ends at {right:.2f}, not 700")
        # Short of the measure only beside a word (a run of Latin letters, digits and ASCII marks)
        # it could not reach without spreading characters over half an em apart.
        if i + 1 < len(mine) and not line["justified"]:
            def latin(c): return c.isascii() and not c.isspace()
            nxt = mine[i + 1]["text"]
            if not (latin(line["text"][-1]) or latin(nxt[0]) or nxt[0] in "（《“‘「"):
                problems.append(f"paragraph {p} line {i}: short line ({right:.2f}) not beside a word")
        if i + 1 == len(mine) and line["justified"]:
            problems.append(f"paragraph {p}: its last line is justified")
    if mine and mine[0]["x"] != 48:
        problems.append(f"paragraph {p}: first line starts at {mine[0]['x']}, not the 2 em indent 48")
ys = [l["y"] for l in lines]
if ys != sorted(ys):
    problems.append("baselines do not go down the page")
print(f"{len(lines)} lines of {len(paragraphs)} paragraphs checked")
if problems:
    sys.exit("\n".join(problems))
PY
