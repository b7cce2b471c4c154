#!/usr/bin/python3
"""make_feed.py DEMO OUT_DIR VERSION [--ticker TEXT] [--site-name NAME] [--bad-hash] [--pad BYTES]
               [--salt]
Writes OUT_DIR/feed.json (and media/) from the demo bundle at VERSION, with every banner's
sha256 filled in, so that tests can serve it."""
import hashlib, json, os, shutil, sys

demo, out, version = sys.argv[1], sys.argv[2], int(sys.argv[3])
args = sys.argv[4:]
feed = json.load(open(os.path.join(demo, "feed.json"), encoding="utf-8"))
feed["version"] = version
os.makedirs(os.path.join(out, "media"), exist_ok=True)
for name in os.listdir(os.path.join(demo, "media")):
    shutil.copy(os.path.join(demo, "media", name), os.path.join(out, "media", name))
if "--salt" in args:
    # New bytes after each PNG's end: every file changes (and must be downloaded), and still
    # decodes.
    for name in os.listdir(os.path.join(out, "media")):
        with open(os.path.join(out, "media", name), "ab") as media:
            media.write(("version %d" % version).encode())
for banner in feed["banners"]:
    banner["sha256"] = hashlib.sha256(open(os.path.join(out, banner["image"]), "rb").read()).hexdigest()
if feed["site"].get("logo"):
    feed["site"]["logo_sha256"] = hashlib.sha256(open(os.path.join(out, feed["site"]["logo"]), "rb").read()).hexdigest()
if "--ticker" in args:
    feed["ticker"] = [args[args.index("--ticker") + 1]]
if "--site-name" in args:
    feed["site"]["name"] = args[args.index("--site-name") + 1]
if "--bad-hash" in args:
    feed["banners"][0]["sha256"] = "0" * 64
if "--pad" in args:
    feed["articles"][0]["body"].append("填" * int(args[args.index("--pad") + 1]))
json.dump(feed, open(os.path.join(out, "feed.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
