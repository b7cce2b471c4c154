#!/usr/bin/env bash
# schema_test.sh SCHEMA DEMO PLACARD_TOOL
# The JSON Schema and the parser agree: both accept the demo feed; each broken variant is
# refused by both.
set -euo pipefail
schema=$1 demo=$2 tool=$3
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
/usr/bin/python3 - "$schema" "$demo" "$tool" "$work" <<'PY'
import copy, json, subprocess, sys
import jsonschema
schema_path, demo, tool, work = sys.argv[1:5]
schema = json.load(open(schema_path, encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
good = json.load(open(demo + "/feed.json", encoding="utf-8"))

import shutil
shutil.copytree(demo + "/media", work + "/media")

def parser_accepts(feed):
    path = work + "/feed.json"
    json.dump(feed, open(path, "w", encoding="utf-8"), ensure_ascii=False)
    result = subprocess.run([tool, "validate", path], capture_output=True, text=True)
    return result.returncode == 0, result.stdout.strip()

problems = []
if list(validator.iter_errors(good)):
    problems.append("the schema refuses the demo feed: %s" % next(validator.iter_errors(good)).message)
ok, out = parser_accepts(good)
if not ok:
    problems.append("the parser refuses the demo feed: " + out)

# The demo with schedules and a calendar: both accept it.
scheduled = copy.deepcopy(good)
scheduled["calendars"] = {"office": {"holidays": ["2026-10-01"], "working_days": ["2026-09-27"]}}
scheduled["banners"][0]["schedule"] = {
    "windows": [{"days": "working_days", "from": "08:00", "to": "18:00"},
                {"days": ["sat", "sun"], "from": "22:00", "to": "06:00"}],
    "first_day": "2026-09-01", "last_day": "2026-12-31", "priority": 2}
scheduled["banners"][3]["schedule"] = {"filler": True}
scheduled["banners"][1]["groups"] = ["乡镇", "街道"]
scheduled["articles"][1]["groups"] = ["乡镇"]
scheduled["articles"][0]["schedule"] = {"windows": [{"days": ["mon"]}], "calendar": "office"}
evening_zones = {"header": [0, 0, 1, 0.0833], "banner": [0.0052, 0.0926, 0.9896, 0.7685],
                 "side": [0, 0, 0, 0], "excerpt": [0, 0, 0, 0],
                 "ticker": [0, 0.8704, 1, 0.0556], "footer": [0, 0.9259, 1, 0.0741]}
scheduled["layouts"] = [{"id": "evening", "zones": evening_zones,
                         "schedule": {"windows": [{"from": "18:00", "to": "08:00"}]}}]
scheduled["ticker"] = ["每天都滚动的一条",
                       {"text": "工作日上午的一条", "schedule": {"windows": [{"days": "working_days", "to": "12:00"}]}},
                       {"text": "没有日程的一条"}]
scheduled["screen_hours"] = {"on": {"windows": [{"days": "working_days", "from": "08:00", "to": "18:00"}],
                                   "calendar": "office"}, "wake_on_touch_minutes": 5}
scheduled["notices"] = [
    {"id": "drill", "issued": "2026-11-27T09:00:00+08:00", "level": "urgent", "title": "消防演练",
     "text": "请有序撤离。", "expires": "2026-11-27T10:00:00+08:00", "groups": ["县委大楼"]},
    {"id": "water", "issued": "2026-11-27T09:00:00+08:00", "cancel": True,
     "all_clear": "已恢复。", "all_clear_minutes": 3}]
if list(validator.iter_errors(scheduled)):
    problems.append("the schema refuses the scheduled demo: %s" % next(validator.iter_errors(scheduled)).message)
ok, out = parser_accepts(scheduled)
if not ok:
    problems.append("the parser refuses the scheduled demo: " + out)

def broken(change):
    feed = copy.deepcopy(good)
    change(feed)
    return feed

cases = {
    "body paragraph not a string": lambda f: f["articles"][0]["body"].append(3),
    "unknown field": lambda f: f["articles"][0].update(titel="x"),
    "format 2": lambda f: f.update(placard=2),
    "negative version": lambda f: f.update(version=-1),
    "path leaving the bundle": lambda f: f["banners"][0].update(image="../x.png"),
    "absolute path": lambda f: f["banners"][0].update(image="/etc/passwd"),
    "bad sha256": lambda f: f["banners"][0].update(sha256="ABC"),
    "duration 0": lambda f: f["banners"][0].update(duration=0),
    "bad slot": lambda f: f["banners"][0].update(slot="top"),
    "no site name": lambda f: f["site"].pop("name"),
    "bad time": lambda f: f.update(generated="yesterday"),
    "empty id": lambda f: f["channels"][0].update(id=""),
    "unknown schedule field": lambda f: f["banners"][0].update(schedule={"hours": "8-18"}),
    "bad day": lambda f: f["banners"][0].update(schedule={"windows": [{"days": ["monday"]}]}),
    "bad time of day": lambda f: f["articles"][0].update(schedule={"windows": [{"from": "8:00"}]}),
    "25:00": lambda f: f["articles"][0].update(schedule={"windows": [{"to": "25:00"}]}),
    "priority 1000": lambda f: f["banners"][0].update(schedule={"priority": 1000}),
    "bad calendar date": lambda f: f.update(calendars={"office": {"holidays": ["10-01"]}}),
    "calendar field": lambda f: f.update(calendars={"office": {"days": []}}),
    "layout without schedule": lambda f: f.update(layouts=[{"id": "e", "zones": evening_zones}]),
    "layout missing a zone": lambda f: f.update(layouts=[{"id": "e", "zones": {k: v for k, v in evening_zones.items() if k != "side"}, "schedule": {}}]),
    "layout zone of three numbers": lambda f: f.update(layouts=[{"id": "e", "zones": dict(evening_zones, side=[0, 0, 1]), "schedule": {}}]),
    "four layouts": lambda f: f.update(layouts=[{"id": "e%d" % i, "zones": evening_zones, "schedule": {}} for i in range(4)]),
    "ticker item without text": lambda f: f.update(ticker=[{"schedule": {"filler": True}}]),
    "empty groups": lambda f: f["banners"][0].update(groups=[]),
    "group not a string": lambda f: f["articles"][0].update(groups=[1]),
    "empty group name": lambda f: f.update(ticker=[{"text": "x", "groups": [""]}]),
    "seventeen groups": lambda f: f["banners"][0].update(groups=["g%d" % i for i in range(17)]),
    "ticker item with empty text": lambda f: f.update(ticker=[{"text": ""}]),
    "ticker item field": lambda f: f.update(ticker=[{"text": "x", "colour": "red"}]),
    "ticker item bad schedule": lambda f: f.update(ticker=[{"text": "x", "schedule": {"windows": [{"from": "8"}]}}]),
    "screen hours without on": lambda f: f.update(screen_hours={"wake_on_touch_minutes": 5}),
    "wake for 500 minutes": lambda f: f.update(screen_hours={"on": {"windows": [{"days": ["mon"]}]}, "wake_on_touch_minutes": 500}),
    "notice level": lambda f: f.update(notices=[dict({"id": "n", "issued": "2026-11-27T09:00:00+08:00", "level": "warning", "text": "x", "expires": "2026-11-27T10:00:00+08:00"}, level="critical")]),
    "notice without expires": lambda f: f.update(notices=[{k: v for k, v in {"id": "n", "issued": "2026-11-27T09:00:00+08:00", "level": "warning", "text": "x", "expires": "2026-11-27T10:00:00+08:00"}.items() if k != "expires"}]),
    "notice id with a space": lambda f: f.update(notices=[dict({"id": "n", "issued": "2026-11-27T09:00:00+08:00", "level": "warning", "text": "x", "expires": "2026-11-27T10:00:00+08:00"}, id="a b")]),
    "cancel with text": lambda f: f.update(notices=[dict({"id": "n", "issued": "2026-11-27T09:00:00+08:00", "level": "warning", "text": "x", "expires": "2026-11-27T10:00:00+08:00"}, cancel=True)]),
    "all-clear on a notice": lambda f: f.update(notices=[dict({"id": "n", "issued": "2026-11-27T09:00:00+08:00", "level": "warning", "text": "x", "expires": "2026-11-27T10:00:00+08:00"}, all_clear="x")]),
}
for name, change in cases.items():
    feed = broken(change)
    schema_refuses = bool(list(validator.iter_errors(feed)))
    parser_refuses = not parser_accepts(feed)[0]
    if not (schema_refuses and parser_refuses):
        problems.append("%s: schema refuses=%s, parser refuses=%s" % (name, schema_refuses, parser_refuses))
print("schema and parser agree on the demo feed and %d broken variants" % len(cases))
if problems:
    sys.exit("\n".join(problems))
PY
