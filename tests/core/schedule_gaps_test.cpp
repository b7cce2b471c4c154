// The validator's warning of hours in which a scheduled kind of item has nothing to play
// (issue 14): the gaps of a week, found minute by minute.
#include "core/schedule_gaps.hpp"

#include <gtest/gtest.h>

namespace placard {
namespace {

std::shared_ptr<const ItemSchedule> office_hours() {
    Schedule schedule;  // Working days, 08:00 to 18:00.
    schedule.windows = {WeeklyWindow{DaySet{DaySet::Kind::WorkingDays}, 8 * 60, 18 * 60}};
    return std::make_shared<ItemSchedule>(
        ItemSchedule{schedule, std::make_shared<OfficeCalendar>()});
}

const WallTime kTuesdayNine = *parse_rfc3339("2026-11-24T09:00:30+08:00");

TEST(ScheduleGaps, OfficeHoursAloneLeaveTheNightsAndTheWeekendEmpty) {
    const std::vector<ScheduledItem> items = {ScheduledItem{8, {}, {}, office_hours()}};
    const auto gaps = schedule_gaps(items, kTuesdayNine, 7);
    ASSERT_EQ(gaps.size(), 5u);  // Tuesday, Wednesday and Thursday nights, the weekend, Monday.
    EXPECT_EQ(format_rfc3339(gaps[0].start), "2026-11-24T18:00:00+08:00");
    EXPECT_EQ(gaps[0].minutes, 14 * 60);
    EXPECT_EQ(format_rfc3339(gaps[3].start), "2026-11-27T18:00:00+08:00");
    EXPECT_EQ(gaps[3].minutes, (6 + 48 + 8) * 60);  // Friday 18:00 to Monday 08:00.
    EXPECT_EQ(format_rfc3339(gaps[4].start), "2026-11-30T18:00:00+08:00");
    EXPECT_EQ(gaps[4].minutes, 14 * 60);  // To Tuesday 08:00, within the week.
    // A week that ends within a gap cuts it there: from Tuesday 20:00, the last gap is
    // Monday 18:00 to Tuesday 20:00's minute before.
    const auto cut = schedule_gaps(items, kTuesdayNine.plus_seconds(11 * 3600), 7);
    ASSERT_FALSE(cut.empty());
    EXPECT_EQ(format_rfc3339(cut.back().start), "2026-12-01T18:00:00+08:00");
    EXPECT_EQ(cut.back().minutes, 2 * 60);
}

TEST(ScheduleGaps, AFillerOrAnUnscheduledItemLeavesNoGap) {
    auto filler = std::make_shared<ItemSchedule>(
        ItemSchedule{Schedule{{}, {}, {}, 0, true}, std::make_shared<OfficeCalendar>()});
    EXPECT_TRUE(
        schedule_gaps(std::vector<ScheduledItem>{{8, {}, {}, office_hours()}, {8, {}, {}, filler}},
                      kTuesdayNine, 7)
            .empty());
    EXPECT_TRUE(
        schedule_gaps(std::vector<ScheduledItem>{{8, {}, {}, office_hours()}, {8, {}, {}, nullptr}},
                      kTuesdayNine, 7)
            .empty());
    EXPECT_TRUE(schedule_gaps(std::vector<ScheduledItem>{}, kTuesdayNine, 7).empty());
}

TEST(ScheduleGaps, AnItemsLastDateEndsWhatItCovers) {
    const std::vector<ScheduledItem> items = {
        ScheduledItem{8, {}, *parse_rfc3339("2026-11-26T00:00:00+08:00"), nullptr}};
    const auto gaps = schedule_gaps(items, kTuesdayNine, 7);
    ASSERT_EQ(gaps.size(), 1u);
    EXPECT_EQ(format_rfc3339(gaps[0].start), "2026-11-26T00:00:00+08:00");
}

}  // namespace
}  // namespace placard
