#!/usr/bin/python3
# seed_article_text.py FEED.json OUT.txt
# The demo feed's first article as render-text and pango-view take it: one paragraph a line —
# its highlights (each after a ●), its body, its note.
import json
import sys

article = json.load(open(sys.argv[1], encoding="utf-8"))["articles"][0]
lines = ["●" + h for h in article.get("highlights", [])] + article["body"] + [article.get("note", "")]
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(l for l in lines if l) + "\n")
