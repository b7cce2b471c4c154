// Schedules and calendars in the feed (issue 14): read into the model, and every mistake named
// with its path, as the rest of the feed is.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/feed_parser.hpp"

namespace placard {
namespace {

using nlohmann::json;

json feed_with(const json& banner_schedule, const json& calendars = nullptr) {
    json feed = json::parse(R"({
      "placard": 1, "version": 1, "site": {"name": "中共通渭县委组织部"},
      "channels": [{"id": "zgwc", "title": "组工文萃"}],
      "banners": [{"id": "b1", "image": "media/b1.png"}],
      "articles": [{"id": "a1", "channel": "zgwc", "title": "标题", "body": ["正文。"]}]
    })");
    feed["banners"][0]["schedule"] = banner_schedule;
    if (!calendars.is_null()) {
        feed["calendars"] = calendars;
    }
    return feed;
}

std::vector<std::string> problems(const json& feed) {
    std::vector<std::string> lines;
    for (const auto& problem : parse_feed(feed.dump()).problems) {
        lines.push_back(problem.message);
    }
    return lines;
}

TEST(ScheduleJson, ReadsWindowsDatesPriorityAndTheCalendar) {
    const json calendars = json::parse(
        R"({"office": {"holidays": ["2026-10-01", "2026-10-02"], "working_days": ["2026-09-27"]}})");
    const auto outcome =
        parse_feed(feed_with(json::parse(R"({"windows": [{"days": "working_days", "from": "08:00",
                                                "to": "18:00"},
                                               {"days": ["sat", "sun"], "from": "22:00",
                                                "to": "06:00"}],
                                   "first_day": "2026-09-01", "last_day": "2026-12-31",
                                   "priority": 3})"),
                             calendars)
                       .dump());
    ASSERT_TRUE(outcome.ok()) << outcome.problems.summary().message;
    const auto& item = outcome.feed.banners[0].schedule;
    ASSERT_TRUE(item);
    const Schedule& schedule = item->schedule;
    ASSERT_EQ(schedule.windows.size(), 2u);
    EXPECT_EQ(schedule.windows[0].days.kind, DaySet::Kind::WorkingDays);
    EXPECT_EQ(schedule.windows[0].start_minute, 8 * 60);
    EXPECT_EQ(schedule.windows[1].days.days_of_week, (1U << 6) | 1U);
    EXPECT_TRUE(schedule.windows[1].overnight());
    EXPECT_EQ(schedule.priority, 3);
    // The feed's only calendar is the one it follows: 1 October is a holiday, 27 September (a
    // Sunday) a working day.
    EXPECT_FALSE(item->due(*parse_rfc3339("2026-10-01T09:00:00+08:00")));
    EXPECT_TRUE(item->due(*parse_rfc3339("2026-09-27T09:00:00+08:00")));
    EXPECT_FALSE(outcome.feed.articles[0].schedule);
}

TEST(ScheduleJson, NamesEveryMistakeWithItsPath) {
    const auto lines = problems(feed_with(json::parse(R"({
        "windows": [{"days": ["mon", "mo"], "from": "8:00", "to": "24:30"},
                    {"days": "weekdays"}],
        "first_day": "2026-02-30", "priority": 1000, "filler": "yes", "colour": "red"})")));
    const std::string at = "feed.json: banners[0].schedule";
    for (const std::string& expected :
         {at + ".colour: unknown field",
          at + ".windows[0].days[1]: \"mo\" is not a day (mon, tue, wed, thu, fri, sat, sun)",
          at + ".windows[0].from: \"8:00\" is not a time of day like 08:30",
          at + ".windows[0].to: \"24:30\" is not a time of day like 08:30 (or 24:00)",
          at + ".windows[1].days: \"weekdays\" is not \"working_days\", \"rest_days\", "
               "\"every_day\" or a list of days like [\"mon\", \"sat\"]",
          at + ".first_day: \"2026-02-30\" is not a date like 2026-11-30",
          at + ".priority: expected a whole number from -100 to 100",
          at + ".filler: expected true or false"}) {
        EXPECT_NE(std::find(lines.begin(), lines.end(), expected), lines.end())
            << expected << "\n got:\n"
            << testing::PrintToString(lines);
    }
}

TEST(ScheduleJson, AScheduleThatCanNeverPlayIsRefused) {
    EXPECT_EQ(problems(feed_with(json::parse(
                  R"({"windows": [{"days": "every_day", "from": "09:00", "to": "09:00"}]})"))),
              std::vector<std::string>{"feed.json: banners[0].schedule: never due: a window opens "
                                       "and closes at 09:00 (a whole day is 00:00 to 24:00)"});
    EXPECT_EQ(problems(feed_with(
                  json::parse(R"({"first_day": "2026-12-01", "last_day": "2026-11-01"})"))),
              std::vector<std::string>{
                  "feed.json: banners[0].schedule: never due: its last day is before its first "
                  "day"});
    EXPECT_EQ(problems(feed_with(json::parse(R"({"windows": [{"days": []}]})"))),
              std::vector<std::string>{
                  "feed.json: banners[0].schedule: never due: a window has no days"});
    // An empty result: a Saturday window within a Tuesday to Friday; working days within the
    // National Day holiday of the feed's calendar.
    EXPECT_EQ(problems(feed_with(json::parse(R"({"windows": [{"days": ["sat"]}],
                                    "first_day": "2026-12-01", "last_day": "2026-12-04"})"))),
              std::vector<std::string>{
                  "feed.json: banners[0].schedule: never due: none of its windows opens on a day "
                  "from 2026-12-01 to 2026-12-04"});
    const json national_day = json::parse(
        R"({"office": {"holidays": ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04",
                                    "2026-10-05", "2026-10-06", "2026-10-07"]}})");
    EXPECT_EQ(problems(feed_with(json::parse(R"({"windows": [{"days": "working_days"}],
                                    "first_day": "2026-10-01", "last_day": "2026-10-07"})"),
                                 national_day)),
              std::vector<std::string>{
                  "feed.json: banners[0].schedule: never due: none of its windows opens on a day "
                  "from 2026-10-01 to 2026-10-07"});
    EXPECT_TRUE(problems(feed_with(json::parse(R"({"windows": [{"days": "rest_days"}],
                                      "first_day": "2026-10-01", "last_day": "2026-10-07"})"),
                                   national_day))
                    .empty());
    // An overnight window is fine: it runs into the next day.
    EXPECT_TRUE(
        problems(feed_with(json::parse(
                     R"({"windows": [{"days": ["fri"], "from": "22:00", "to": "06:00"}]})")))
            .empty());
}

TEST(ScheduleJson, CalendarsMustExistAndBeNamedWhenThereAreSeveral) {
    const json two = json::parse(R"({"office": {"holidays": ["2026-10-01"]}, "school": {}})");
    EXPECT_EQ(problems(feed_with(json::parse(R"({"calendar": "factory"})"), two)),
              std::vector<std::string>{"feed.json: banners[0].schedule.calendar: unknown calendar "
                                       "\"factory\" (the feed's calendars: office, school)"});
    EXPECT_EQ(problems(feed_with(json::parse(R"({"calendar": "office"})"))),
              std::vector<std::string>{"feed.json: banners[0].schedule.calendar: unknown calendar "
                                       "\"office\" (the feed has no calendars)"});
    EXPECT_EQ(problems(feed_with(json::parse(R"({"windows": [{"days": "working_days"}]})"), two)),
              std::vector<std::string>{
                  "feed.json: banners[0].schedule.calendar: missing: the feed has several "
                  "calendars (office, school), name the one this schedule follows"});
    EXPECT_EQ(problems(feed_with(json::parse(R"({})"),
                                 json::parse(R"({"office": {"holidays": ["10-01"], "x": 1}})"))),
              (std::vector<std::string>{
                  "feed.json: calendars.office.x: unknown field",
                  "feed.json: calendars.office.holidays[0]: \"10-01\" is not a date like "
                  "2026-10-01"}));
}

// A ticker item is a string, or an object with its text and a schedule.
TEST(ScheduleJson, TickerItemsMayCarryASchedule) {
    json feed = feed_with(json::parse("{}"));
    feed["ticker"] = json::parse(R"(["每天", {"text": "工作日", "schedule": {"windows":
                                       [{"days": "working_days", "to": "12:00"}]}},
                                  {"text": "也是每天"}])");
    const auto outcome = parse_feed(feed.dump());
    ASSERT_TRUE(outcome.ok()) << outcome.problems.summary().message;
    ASSERT_EQ(outcome.feed.ticker.size(), 3u);
    EXPECT_EQ(outcome.feed.ticker[0].text, "每天");
    EXPECT_FALSE(outcome.feed.ticker[0].schedule);
    ASSERT_TRUE(outcome.feed.ticker[1].schedule);
    EXPECT_EQ(outcome.feed.ticker[1].schedule->schedule.windows[0].end_minute, 12 * 60);
    EXPECT_FALSE(outcome.feed.ticker[2].schedule);
    feed["ticker"] = json::parse(R"([{"text": "x", "schedule": {"windows": [{"days": []}]}},
                                  {"schedule": {"filler": true}}, 3])");
    EXPECT_EQ(problems(feed), (std::vector<std::string>{
                                  "feed.json: ticker[0].schedule: never due: a window has no days",
                                  "feed.json: ticker[1].text: missing",
                                  "feed.json: ticker[2]: expected a string"}));
}

TEST(ScheduleJson, SideBannersMayBeScheduled) {
    json feed = feed_with(json::parse(R"({"windows": [{"days": ["sat", "sun"]}]})"));
    feed["banners"][0]["slot"] = "side";
    const auto outcome = parse_feed(feed.dump());
    ASSERT_TRUE(outcome.ok()) << outcome.problems.summary().message;
    EXPECT_TRUE(outcome.feed.banners[0].schedule);
}

TEST(ScheduleJson, AFillerTakesNoWindows) {
    EXPECT_EQ(
        problems(feed_with(json::parse(R"({"filler": true, "windows": [{"days": "every_day"}]})"))),
        std::vector<std::string>{"feed.json: banners[0].schedule.windows: a filler plays "
                                 "whenever nothing else is due: it takes no windows"});
    EXPECT_TRUE(problems(feed_with(json::parse(R"({"filler": true})"))).empty());
}

}  // namespace
}  // namespace placard
