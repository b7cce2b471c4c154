#!/bin/bash
# fonts.cover_test_text: every character of the repository's text files is in the test fonts.
# Checks the fonts themselves (fc-query's charset), not only characters.txt, so a font made from
# an old list, or damaged, fails too.
set -euo pipefail
here=$(dirname "$0")
missing=$("$here/list-characters" | /usr/bin/python3 -c '
import subprocess, sys
wanted = set(sys.stdin.read().strip("\n"))
held = set()
for font in sys.argv[2:]:
    ranges = subprocess.run(["fc-query", "--format=%{charset}", font], check=True,
                            capture_output=True, text=True).stdout.split()
    for span in ranges:
        first, _, last = span.partition("-")
        held.update(chr(code) for code in range(int(first, 16), int(last or first, 16) + 1))
exempt = {line[0] for line in open(sys.argv[1], encoding="utf-8")
          if line.strip() and not line.startswith("#")}
print("".join(sorted(wanted - held - exempt - {" "})))
' "$here/deliberately-missing.txt" "$here"/*.otf "$here"/*.ttf)
if [[ -n $missing ]]; then
    echo "FAIL: the test fonts lack ${#missing} character(s) the repository's text has: $missing (run tools/make-test-fonts)"
    exit 1
fi
# And the tests see no other font (ctest sets FONTCONFIG_FILE to tests/fonts' fonts.conf).
fonts_dir=$(cd "$here" && pwd)
others=$(fc-list --format '%{file}\n' | grep -v "^$fonts_dir/" || true)
if [[ -n $others ]]; then
    echo "FAIL: fontconfig gives the tests fonts from outside $fonts_dir (FONTCONFIG_FILE=${FONTCONFIG_FILE:-unset}): $(head -3 <<<"$others" | tr '\n' ' ')"
    exit 1
fi
echo "PASS: the test fonts hold every character of the repository's text, and no other font is seen"
