// The home screen's schedule as a pure function of time, dates and swipes (issue 13).
#include "core/rotation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace placard {
namespace {

const WallTime kNow = *parse_rfc3339("2026-11-25T09:00:00+08:00");
const WallTime kYesterday = *parse_rfc3339("2026-11-24T09:00:00+08:00");
const WallTime kTomorrow = *parse_rfc3339("2026-11-26T09:00:00+08:00");

TEST(Rotation, EachItemForItsDurationThenATransitionIntoTheNext) {
    const std::vector<ScheduledItem> items{{8, {}, {}, {}}, {4, {}, {}, {}}};
    EXPECT_EQ(rotation_at(items, 0.8, 0, kNow).current, 0);
    EXPECT_DOUBLE_EQ(rotation_at(items, 0.8, 0, kNow).next_event, 7.2);
    const Rotation fading = rotation_at(items, 0.8, 7.6, kNow);
    EXPECT_EQ(fading.current, 0);
    EXPECT_EQ(fading.next, 1);
    EXPECT_NEAR(fading.progress, 0.5, 1e-9);
    EXPECT_EQ(rotation_at(items, 0.8, 8.5, kNow).current, 1);
    EXPECT_EQ(rotation_at(items, 0.8, 12.5, kNow).current, 0);  // The cycle is 12 s.
}

TEST(Rotation, AnItemOutsideItsDatesIsNeverShownNorFadedInto) {
    const std::vector<ScheduledItem> items{{8, {}, {}, {}},
                                           {8, {}, kYesterday, {}},
                                           {8, kTomorrow, {}, {}},
                                           {8, kYesterday, kTomorrow, {}}};
    for (double t = 0; t < 64; t += 0.25) {
        const Rotation rotation = rotation_at(items, 0.8, t, kNow);
        EXPECT_TRUE(rotation.current == 0 || rotation.current == 3) << "t = " << t;
        EXPECT_TRUE(rotation.next == -1 || rotation.next == 0 || rotation.next == 3) << t;
    }
}

TEST(Rotation, ASwipeStepsThroughTheItemsShownNowOnly) {
    // The second banner's `until` has passed: a swipe from the first goes to the third (the
    // navigator-side shift once showed the expired one).
    const std::vector<ScheduledItem> items{
        {8, {}, {}, {}}, {8, {}, kYesterday, {}}, {8, {}, {}, {}}};
    EXPECT_EQ(rotation_at(items, 0.8, 1, kNow, 1).current, 2);
    EXPECT_EQ(rotation_at(items, 0.8, 1, kNow, 2).current, 0);
    EXPECT_EQ(rotation_at(items, 0.8, 1, kNow, -1).current, 2);
    // Swipes accumulate without bound: a million and one steps are one step.
    EXPECT_EQ(rotation_at(items, 0.8, 1, kNow, 1000001).current, 2);
    EXPECT_EQ(rotation_at(items, 0.8, 1, kNow, -1000001).current, 2);
    const Rotation fading = rotation_at(items, 0.8, 7.5, kNow, 1);
    EXPECT_EQ(fading.current, 2);
    EXPECT_EQ(fading.next, 0);
}

TEST(Rotation, EveryInstantOfTheCycleHasAnItemEvenWithFractionalDurations) {
    const std::vector<ScheduledItem> items{{6.3, {}, {}, {}}, {7.1, {}, {}, {}}, {0.7, {}, {}, {}}};
    for (double t = 0; t < 200; t += 0.05) {
        const Rotation rotation = rotation_at(items, 0.8, t, kNow, 1);
        ASSERT_GE(rotation.current, 0) << "t = " << t;
        ASSERT_LT(rotation.next_event, std::numeric_limits<double>::infinity()) << "t = " << t;
    }
}

TEST(Rotation, OneActiveItemStaysWithoutTransitionsAndNoneShowsNothing) {
    const std::vector<ScheduledItem> one{{8, {}, kYesterday, {}}, {8, {}, {}, {}}};
    const Rotation alone = rotation_at(one, 0.8, 100, kNow, 3);
    EXPECT_EQ(alone.current, 1);
    EXPECT_EQ(alone.next, -1);
    EXPECT_EQ(alone.next_event, std::numeric_limits<double>::infinity());
    const std::vector<ScheduledItem> none{{8, kTomorrow, {}, {}}};
    EXPECT_EQ(rotation_at(none, 0.8, 0, kNow).current, -1);
    EXPECT_EQ(rotation_at({}, 0.8, 0, kNow).current, -1);
}

std::shared_ptr<const ItemSchedule> scheduled(int start_hour, int end_hour, int priority,
                                              bool filler = false) {
    auto item = std::make_shared<ItemSchedule>();
    if (!filler) {
        item->schedule.windows = {WeeklyWindow{DaySet{}, start_hour * 60, end_hour * 60}};
    }
    item->schedule.priority = priority;
    item->schedule.filler = filler;
    item->calendar = std::make_shared<const OfficeCalendar>();
    return item;
}

// Schedules (issue 14): of the items due, the highest priority plays; when none is due, the
// fillers; swipes and transitions go only through what plays.
TEST(Rotation, SchedulesDecideWhatPlaysAtEachHour) {
    const std::vector<ScheduledItem> items{
        {8, {}, {}, scheduled(8, 18, 1)},       // Office hours, above the rest.
        {8, {}, {}, {}},                        // Always, priority 0.
        {8, {}, {}, scheduled(18, 22, 0)},      // Evenings.
        {8, {}, {}, scheduled(0, 0, 0, true)},  // 垫片.
        {8, {}, {}, scheduled(8, 18, 1)}};
    const auto playing = [&](const char* when) {
        std::vector<int> shown;
        const WallTime now = *parse_rfc3339(when);
        for (double t = 0; t < 80; t += 0.5) {
            const Rotation rotation = rotation_at(items, 0.8, t, now);
            for (const int index : {rotation.current, rotation.next}) {
                if (index >= 0 && std::find(shown.begin(), shown.end(), index) == shown.end()) {
                    shown.push_back(index);
                }
            }
        }
        std::sort(shown.begin(), shown.end());
        return shown;
    };
    EXPECT_EQ(playing("2026-11-25T09:00:00+08:00"), (std::vector<int>{0, 4}));
    EXPECT_EQ(playing("2026-11-25T19:00:00+08:00"), (std::vector<int>{1, 2}));
    EXPECT_EQ(playing("2026-11-25T23:00:00+08:00"), (std::vector<int>{1}));
    // A swipe in office hours goes from one office item to the other, never to the rest.
    EXPECT_EQ(rotation_at(items, 0.8, 1, *parse_rfc3339("2026-11-25T09:00:00+08:00"), 1).current,
              4);
    // With only scheduled items and none due, the filler plays.
    const std::vector<ScheduledItem> night{{8, {}, {}, scheduled(8, 18, 0)},
                                           {8, {}, {}, scheduled(0, 0, 0, true)}};
    EXPECT_EQ(rotation_at(night, 0.8, 0, *parse_rfc3339("2026-11-25T23:00:00+08:00")).current, 1);
    EXPECT_EQ(rotation_at(night, 0.8, 0, *parse_rfc3339("2026-11-25T10:00:00+08:00")).current, 0);
}

}  // namespace
}  // namespace placard
