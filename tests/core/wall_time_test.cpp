#include "core/wall_time.hpp"

#include <gtest/gtest.h>

namespace placard {
namespace {

TEST(WallTime, ParsesRfc3339WithOffset) {
    const auto time = parse_rfc3339("2026-11-25T09:30:00+08:00");
    ASSERT_TRUE(time);
    EXPECT_EQ(time->unix_seconds, 1795570200);
    EXPECT_EQ(time->utc_offset_minutes, 480);
    EXPECT_TRUE(parse_rfc3339("2026-11-25T01:30:00.250Z"));
    EXPECT_FALSE(parse_rfc3339("2026-11-25 09:30"));
    EXPECT_FALSE(parse_rfc3339("2026-13-25T09:30:00Z"));
    EXPECT_FALSE(parse_rfc3339("2026-11-25T09:30:00+8"));
}

TEST(WallTime, ShowsTheChineseDateWithWeekdayInItsOwnOffset) {
    // 2026-11-24T23:30Z is already Wednesday the 25th in Beijing.
    const auto time = parse_rfc3339("2026-11-24T23:30:00Z");
    ASSERT_TRUE(time);
    const LocalTime beijing = to_local(WallTime{time->unix_seconds, 480});
    EXPECT_EQ(format_chinese_date(beijing), "2026年11月25日 星期三");
    EXPECT_EQ(format_clock(beijing), "07:30");
}

TEST(WallTime, CivilDaysRoundTrip) {
    for (std::int64_t days = -800000; days < 800000; days += 997) {
        EXPECT_EQ(days_from_civil(civil_from_days(days)), days);
    }
    EXPECT_FALSE(parse_iso_date("2023-02-29"));
    EXPECT_TRUE(parse_iso_date("2024-02-29"));
}

}  // namespace
}  // namespace placard
