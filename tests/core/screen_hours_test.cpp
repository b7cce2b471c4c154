// Screen hours (issue 14): on within the windows (the office calendar's working days), off
// outside, woken by a touch for a few minutes, forced on by an urgent notice; read from the feed
// with every mistake named.
#include "core/screen_hours.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/feed_parser.hpp"

namespace placard {
namespace {

using nlohmann::json;

WallTime at(const char* text) {
    return *parse_rfc3339(text);
}

FeedParseOutcome feed_with(const json& screen_hours) {
    json feed = json::parse(R"({
      "placard": 1, "version": 1, "site": {"name": "中共通渭县委组织部"},
      "calendars": {"office": {"holidays": ["2026-10-01"], "working_days": ["2026-09-27"]}},
      "channels": [{"id": "zgwc", "title": "组工文萃"}],
      "articles": [{"id": "a1", "channel": "zgwc", "title": "标题", "body": ["正文。"]}]
    })");
    feed["screen_hours"] = screen_hours;
    return parse_feed(feed.dump());
}

const json kOfficeHours = json::parse(R"({"on": {"windows": [{"days": "working_days",
    "from": "08:00", "to": "18:00"}]}, "wake_on_touch_minutes": 5})");

TEST(ScreenHours, OnInOfficeHoursOffOutsideAndOnHolidays) {
    const auto outcome = feed_with(kOfficeHours);
    ASSERT_TRUE(outcome.problems.empty()) << outcome.problems.front().message;
    const auto& hours = outcome.feed.screen_hours;
    ASSERT_TRUE(hours.has_value());
    EXPECT_EQ(hours->wake_on_touch_s, 300);
    const auto decide = [&](const char* time) {
        return screen_power_at(hours, at(time), std::nullopt, false);
    };
    EXPECT_TRUE(decide("2026-11-27T09:00:00+08:00").on);   // A Friday.
    EXPECT_FALSE(decide("2026-11-27T18:00:00+08:00").on);  // Closing time.
    EXPECT_FALSE(decide("2026-11-28T10:00:00+08:00").on);  // Saturday.
    EXPECT_FALSE(decide("2026-10-01T10:00:00+08:00").on);  // 国庆, a Thursday.
    EXPECT_TRUE(decide("2026-09-27T10:00:00+08:00").on);   // 调休: a Sunday worked.
    const auto off = decide("2026-11-27T18:00:30+08:00");
    EXPECT_EQ(off.reason, ScreenPowerDecision::Reason::OutsideHours);
    EXPECT_EQ(off.next_change, at("2026-11-27T18:01:00+08:00").unix_seconds);
    EXPECT_EQ(describe_power_decision(off), "off (outside screen hours)");
}

TEST(ScreenHours, ATouchWakesItAndAnUrgentNoticeForcesItOn) {
    const auto hours = feed_with(kOfficeHours).feed.screen_hours;
    const WallTime night = at("2026-11-27T22:00:00+08:00");
    const auto woken = screen_power_at(hours, night.plus_seconds(60), night, false);
    EXPECT_TRUE(woken.on);
    EXPECT_EQ(woken.reason, ScreenPowerDecision::Reason::WokenByTouch);
    EXPECT_EQ(woken.next_change, night.plus_seconds(120).unix_seconds);  // The next minute.
    EXPECT_TRUE(screen_power_at(hours, night.plus_seconds(299), night, false).on);
    EXPECT_FALSE(screen_power_at(hours, night.plus_seconds(300), night, false).on);
    const auto notice = screen_power_at(hours, night, std::nullopt, true);
    EXPECT_TRUE(notice.on);
    EXPECT_EQ(notice.reason, ScreenPowerDecision::Reason::UrgentNotice);
    // Without screen hours the screen is always on.
    EXPECT_TRUE(screen_power_at(std::nullopt, night, std::nullopt, false).on);
}

TEST(ScreenHours, ATouchDoesNotWakeItWhenWakingIsOff) {
    json never = kOfficeHours;
    never["wake_on_touch_minutes"] = 0;
    const auto hours = feed_with(never).feed.screen_hours;
    const WallTime night = at("2026-11-27T22:00:00+08:00");
    EXPECT_FALSE(screen_power_at(hours, night.plus_seconds(1), night, false).on);
}

// 关屏 / 开屏 from the studio: in force until the hours would next change the panel themselves
// (a day at most); an urgent notice still lights a panel turned off, and so does a touch.
TEST(ScreenHours, TheStudioTurnsItOnOrOffUntilTheHoursNextChange) {
    const auto hours = feed_with(kOfficeHours).feed.screen_hours;
    const WallTime morning = at("2026-11-27T09:30:00+08:00");  // A Friday, within hours.
    const std::int64_t closing = at("2026-11-27T18:00:00+08:00").unix_seconds;
    ASSERT_EQ(override_until(hours, morning), closing);
    const PowerOverride off{false, morning.unix_seconds, closing};
    const auto dark = screen_power_at(hours, morning.plus_seconds(60), std::nullopt, false, off);
    EXPECT_FALSE(dark.on);
    EXPECT_EQ(dark.reason, ScreenPowerDecision::Reason::TurnedOff);
    EXPECT_EQ(describe_power_decision(dark), "off (turned off from the studio)");
    EXPECT_TRUE(screen_power_at(hours, morning.plus_seconds(60), std::nullopt, true, off).on);
    EXPECT_TRUE(screen_power_at(hours, morning.plus_seconds(60), morning, false, off).on);
    // A touch from before 关屏 does not keep it lit.
    EXPECT_FALSE(
        screen_power_at(hours, morning.plus_seconds(60), morning.plus_seconds(-1), false, off).on);
    // Past closing the override has ended: off by the hours, and on at the next opening.
    EXPECT_EQ(
        screen_power_at(hours, at("2026-11-27T18:00:30+08:00"), std::nullopt, false, off).reason,
        ScreenPowerDecision::Reason::OutsideHours);
    // 开屏 on a Saturday: on until Monday's opening would not change it, so a day at most.
    const WallTime saturday = at("2026-11-28T10:00:00+08:00");
    const PowerOverride on{true, saturday.unix_seconds, override_until(hours, saturday)};
    EXPECT_EQ(on.until, saturday.unix_seconds + 86400);
    const auto lit = screen_power_at(hours, saturday.plus_seconds(5), std::nullopt, false, on);
    EXPECT_TRUE(lit.on);
    EXPECT_EQ(lit.reason, ScreenPowerDecision::Reason::TurnedOn);
    EXPECT_FALSE(screen_power_at(hours, saturday.plus_seconds(86400), std::nullopt, false, on).on);
    // Without screen hours: off for a day at most; a touch wakes it for the default 5 minutes.
    EXPECT_EQ(override_until(std::nullopt, saturday), saturday.unix_seconds + 86400);
    const PowerOverride day_off{false, saturday.unix_seconds, saturday.unix_seconds + 86400};
    EXPECT_FALSE(screen_power_at(std::nullopt, saturday, std::nullopt, false, day_off).on);
    EXPECT_TRUE(screen_power_at(std::nullopt, saturday.plus_seconds(100), saturday.plus_seconds(10),
                                false, day_off)
                    .on);
    EXPECT_FALSE(screen_power_at(std::nullopt, saturday.plus_seconds(400),
                                 saturday.plus_seconds(10), false, day_off)
                     .on);
}

TEST(ScreenHours, MistakesAreNamed) {
    const auto first = [](const json& hours) {
        const auto outcome = feed_with(hours);
        return outcome.problems.empty() ? std::string("(none)") : outcome.problems.front().message;
    };
    EXPECT_EQ(first(json::parse(R"({"wake_on_touch_minutes": 5})")),
              "feed.json: screen_hours.on: missing (the schedule of when the screen is on)");
    EXPECT_EQ(first(json::parse(R"({"on": {"filler": true}})")),
              "feed.json: screen_hours.on.filler: screen hours are windows, not a filler");
    json bad = kOfficeHours;
    bad["wake_on_touch_minutes"] = 500;
    EXPECT_EQ(first(bad),
              "feed.json: screen_hours.wake_on_touch_minutes: expected a whole number "
              "of minutes, 0 (never) to 120");
    bad = kOfficeHours;
    bad["off"] = "18:00";
    EXPECT_EQ(first(bad), "feed.json: screen_hours.off: unknown field");
}

}  // namespace
}  // namespace placard
