#include "core/schedule.hpp"

#include <gtest/gtest.h>

#include <random>

namespace placard {
namespace {

constexpr int kChina = 8 * 60;  // UTC+8, no daylight saving time.

WallTime at(const char* rfc3339) {
    const auto time = parse_rfc3339(rfc3339);
    EXPECT_TRUE(time) << rfc3339;
    return time.value_or(WallTime{});
}

constexpr std::uint8_t kMondayToFriday = 0b0111110;

WeeklyWindow window(std::uint8_t days, int start_hour, int start_minute, int end_hour,
                    int end_minute) {
    return WeeklyWindow{DaySet{DaySet::Kind::DaysOfWeek, days}, start_hour * 60 + start_minute,
                        end_hour * 60 + end_minute};
}

Schedule with_windows(std::vector<WeeklyWindow> windows) {
    Schedule schedule;
    schedule.windows = std::move(windows);
    return schedule;
}

TEST(Schedule, AWeeklyWindowIsOpenFromItsStartUntilJustBeforeItsEnd) {
    const Schedule office = with_windows({window(kMondayToFriday, 8, 0, 18, 0)});
    const OfficeCalendar calendar;
    // 2026-11-23 is a Monday.
    EXPECT_FALSE(is_due(office, at("2026-11-23T07:59:59+08:00"), calendar));
    EXPECT_TRUE(is_due(office, at("2026-11-23T08:00:00+08:00"), calendar));
    EXPECT_TRUE(is_due(office, at("2026-11-27T17:59:59+08:00"), calendar));
    EXPECT_FALSE(is_due(office, at("2026-11-27T18:00:00+08:00"), calendar));
    EXPECT_FALSE(is_due(office, at("2026-11-28T09:00:00+08:00"), calendar));  // Saturday.
}

TEST(Schedule, AnOvernightWindowBelongsToTheDayItOpensOn) {
    const Schedule friday_night = with_windows({window(1U << 5, 22, 0, 6, 0)});
    const OfficeCalendar calendar;
    EXPECT_TRUE(is_due(friday_night, at("2026-11-27T23:00:00+08:00"), calendar));  // Friday.
    EXPECT_TRUE(is_due(friday_night, at("2026-11-28T05:59:00+08:00"), calendar));  // Saturday.
    EXPECT_FALSE(is_due(friday_night, at("2026-11-28T06:00:00+08:00"), calendar));
    EXPECT_FALSE(is_due(friday_night, at("2026-11-27T02:00:00+08:00"), calendar));  // Thursday's.
    EXPECT_FALSE(is_due(friday_night, at("2026-11-28T23:00:00+08:00"), calendar));
}

TEST(Schedule, WholeDaysAndWindowsEndingAtMidnight) {
    const OfficeCalendar calendar;
    const Schedule all_day = with_windows({window(0x7F, 0, 0, 24, 0)});
    EXPECT_TRUE(is_due(all_day, at("2026-11-29T23:59:59+08:00"), calendar));
    EXPECT_TRUE(is_due(all_day, at("2026-11-29T00:00:00+08:00"), calendar));
    const Schedule evening = with_windows({window(0x7F, 22, 0, 0, 0)});  // 22:00 to midnight.
    EXPECT_TRUE(is_due(evening, at("2026-11-29T23:59:59+08:00"), calendar));
    EXPECT_FALSE(is_due(evening, at("2026-11-30T00:00:00+08:00"), calendar));
}

// The 2026 National Day holiday as the State Council might set it: 1-7 October off, Sunday 27
// September a working day in exchange (调休).
OfficeCalendar national_day() {
    std::vector<CivilDate> holidays;
    for (int day = 1; day <= 7; ++day) {
        holidays.push_back(CivilDate{2026, 10, day});
    }
    return OfficeCalendar(holidays, {CivilDate{2026, 9, 27}});
}

TEST(Schedule, WorkingDaysFollowTheOfficeCalendar) {
    const OfficeCalendar calendar = national_day();
    const Schedule office =
        with_windows({WeeklyWindow{DaySet{DaySet::Kind::WorkingDays}, 8 * 60, 18 * 60}});
    EXPECT_TRUE(is_due(office, at("2026-09-30T09:00:00+08:00"), calendar));   // Wednesday.
    EXPECT_FALSE(is_due(office, at("2026-10-01T09:00:00+08:00"), calendar));  // Holiday.
    EXPECT_FALSE(is_due(office, at("2026-10-05T09:00:00+08:00"), calendar));  // Monday, holiday.
    EXPECT_TRUE(is_due(office, at("2026-09-27T09:00:00+08:00"), calendar));   // Sunday, 调休.
    EXPECT_FALSE(is_due(office, at("2026-09-26T09:00:00+08:00"), calendar));  // Saturday.
    const Schedule rest = with_windows({WeeklyWindow{DaySet{DaySet::Kind::RestDays}, 0, 24 * 60}});
    EXPECT_TRUE(is_due(rest, at("2026-10-05T09:00:00+08:00"), calendar));
    EXPECT_FALSE(is_due(rest, at("2026-09-27T09:00:00+08:00"), calendar));
    // Without a calendar, working days are Monday to Friday.
    EXPECT_TRUE(is_due(office, at("2026-10-05T09:00:00+08:00"), OfficeCalendar()));
}

TEST(Schedule, AnOvernightWindowOpenedOnTheLastWorkingDayRunsIntoTheHoliday) {
    const OfficeCalendar calendar = national_day();
    const Schedule night_shift =
        with_windows({WeeklyWindow{DaySet{DaySet::Kind::WorkingDays}, 22 * 60, 6 * 60}});
    EXPECT_TRUE(is_due(night_shift, at("2026-10-01T03:00:00+08:00"), calendar));
    EXPECT_FALSE(is_due(night_shift, at("2026-10-02T03:00:00+08:00"), calendar));
}

TEST(Schedule, DatesAreLocalAndIncludeBothEnds) {
    Schedule week;
    week.first_day = CivilDate{2026, 11, 23};
    week.last_day = CivilDate{2026, 11, 29};
    const OfficeCalendar calendar;
    EXPECT_FALSE(is_due(week, at("2026-11-22T23:59:59+08:00"), calendar));
    EXPECT_TRUE(is_due(week, at("2026-11-23T00:00:00+08:00"), calendar));
    EXPECT_TRUE(is_due(week, at("2026-11-29T23:59:59+08:00"), calendar));
    EXPECT_FALSE(is_due(week, at("2026-11-30T00:00:00+08:00"), calendar));
    // The same instant is 2026-11-22 16:00 in UTC: local dates are the screen's own.
    EXPECT_TRUE(is_due(week, at("2026-11-23T00:00:00+08:00"), calendar));
    EXPECT_FALSE(is_due(week, at("2026-11-22T16:00:00Z"), calendar));
    // An overnight window opened on the last day runs to its end.
    week.windows = {window(0x7F, 22, 0, 2, 0)};
    EXPECT_TRUE(is_due(week, at("2026-11-30T01:00:00+08:00"), calendar));
    EXPECT_FALSE(is_due(week, at("2026-11-23T01:00:00+08:00"), calendar));
}

TEST(Schedule, AnotherOffsetAndALeapDay) {
    // Tuesday 2028-02-29, 09:00 in UTC-5 is 22:00 the same day in China.
    const Schedule tuesday_morning = with_windows({window(1U << 2, 8, 0, 12, 0)});
    const OfficeCalendar calendar;
    EXPECT_TRUE(is_due(tuesday_morning, at("2028-02-29T09:00:00-05:00"), calendar));
    const WallTime same_instant = at("2028-02-29T09:00:00-05:00");
    EXPECT_FALSE(is_due(tuesday_morning, WallTime{same_instant.unix_seconds, kChina}, calendar));
    Schedule leap_day;
    leap_day.first_day = leap_day.last_day = CivilDate{2028, 2, 29};
    EXPECT_TRUE(is_due(leap_day, at("2028-02-29T12:00:00+08:00"), calendar));
    EXPECT_FALSE(is_due(leap_day, at("2028-03-01T00:00:00+08:00"), calendar));
}

TEST(Schedule, OnlyTheHighestPriorityOfWhatIsDuePlays) {
    const OfficeCalendar calendar;
    Schedule office = with_windows({window(kMondayToFriday, 8, 0, 18, 0)});
    office.priority = 5;
    Schedule notice = office;
    const Schedule evening = with_windows({window(0x7F, 18, 0, 22, 0)});
    const std::vector<const Schedule*> items{nullptr, &office, &evening, &notice};
    EXPECT_EQ(playing_now(items, at("2026-11-23T09:00:00+08:00"), calendar),
              (std::vector<std::size_t>{1, 3}));
    // Out of office hours the unscheduled item (always due, priority 0) plays with the evening.
    EXPECT_EQ(playing_now(items, at("2026-11-23T19:00:00+08:00"), calendar),
              (std::vector<std::size_t>{0, 2}));
}

TEST(Schedule, FillersPlayOnlyWhenNothingElseIsDue) {
    const OfficeCalendar calendar;
    const Schedule office = with_windows({window(kMondayToFriday, 8, 0, 18, 0)});
    Schedule filler =
        with_windows({window(kMondayToFriday, 8, 0, 9, 0)});  // Its windows do not matter.
    filler.filler = true;
    const std::vector<const Schedule*> items{&filler, &office, &filler};
    EXPECT_EQ(playing_now(items, at("2026-11-23T10:00:00+08:00"), calendar),
              (std::vector<std::size_t>{1}));
    EXPECT_EQ(playing_now(items, at("2026-11-28T10:00:00+08:00"), calendar),
              (std::vector<std::size_t>{0, 2}));
    EXPECT_TRUE(playing_now({&office}, at("2026-11-28T10:00:00+08:00"), calendar).empty());
}

TEST(Schedule, SchedulesThatCanNeverBeDueAreNamed) {
    const OfficeCalendar kAnyCalendar;
    Schedule dates;
    dates.first_day = CivilDate{2026, 12, 1};
    dates.last_day = CivilDate{2026, 11, 1};
    EXPECT_EQ(never_due_reason(dates, kAnyCalendar).value_or(""),
              "its last day is before its first day");
    const Schedule same_minute = with_windows({window(0x7F, 8, 30, 8, 30)});
    EXPECT_EQ(never_due_reason(same_minute, kAnyCalendar).value_or(""),
              "a window opens and closes at 08:30 (a whole day is 00:00 to 24:00)");
    const Schedule no_days = with_windows({window(0, 8, 0, 9, 0)});
    EXPECT_EQ(never_due_reason(no_days, kAnyCalendar).value_or(""), "a window has no days");
    EXPECT_FALSE(never_due_reason(with_windows({window(0x7F, 0, 0, 24, 0)}), kAnyCalendar));
    EXPECT_FALSE(never_due_reason(with_windows({window(0x7F, 22, 0, 6, 0)}), kAnyCalendar));
    // Dates none of whose days a window opens on: Saturdays within 1 to 4 December (Tuesday to
    // Friday).
    Schedule saturdays = with_windows({window(1U << 6, 9, 0, 17, 0)});
    saturdays.first_day = CivilDate{2026, 12, 1};
    saturdays.last_day = CivilDate{2026, 12, 4};
    EXPECT_EQ(never_due_reason(saturdays, kAnyCalendar).value_or(""),
              "none of its windows opens on a day from 2026-12-01 to 2026-12-04");
    saturdays.last_day = CivilDate{2026, 12, 5};
    EXPECT_FALSE(never_due_reason(saturdays, kAnyCalendar));
}

// Random schedules at random instants through a leap year: with a filler there is always
// something to play; what plays is due and of the highest priority due; fillers never play
// beside a due item.
TEST(Schedule, PropertiesHoldAtRandomInstants) {
    std::mt19937 random(20261127);
    const OfficeCalendar calendar = national_day();
    const auto uniform = [&](int low, int high) {
        return std::uniform_int_distribution<int>(low, high)(random);
    };
    for (int round = 0; round < 300; ++round) {
        std::vector<Schedule> schedules(static_cast<std::size_t>(uniform(1, 6)));
        for (Schedule& schedule : schedules) {
            for (int w = uniform(0, 2); w > 0; --w) {
                WeeklyWindow window;
                window.days.kind = static_cast<DaySet::Kind>(uniform(0, 2));
                window.days.days_of_week = static_cast<std::uint8_t>(uniform(1, 127));
                window.start_minute = uniform(0, 1439);
                window.end_minute = uniform(0, 1440);
                schedule.windows.push_back(window);
            }
            schedule.priority = uniform(-2, 2);
            schedule.filler = uniform(0, 4) == 0;
        }
        std::vector<const Schedule*> items;
        for (const Schedule& schedule : schedules) {
            items.push_back(&schedule);
        }
        const bool has_filler = std::any_of(schedules.begin(), schedules.end(),
                                            [](const Schedule& s) { return s.filler; });
        for (int sample = 0; sample < 50; ++sample) {
            const WallTime now{
                at("2028-01-01T00:00:00+08:00").unix_seconds + uniform(0, 366 * 86400), kChina};
            const std::vector<std::size_t> playing = playing_now(items, now, calendar);
            if (has_filler) {
                EXPECT_FALSE(playing.empty());
            }
            int highest_due = INT_MIN;
            for (const Schedule& schedule : schedules) {
                if (!schedule.filler && is_due(schedule, now, calendar)) {
                    highest_due = std::max(highest_due, schedule.priority);
                }
            }
            for (const std::size_t i : playing) {
                if (highest_due == INT_MIN) {
                    EXPECT_TRUE(schedules[i].filler);
                } else {
                    EXPECT_FALSE(schedules[i].filler);
                    EXPECT_TRUE(is_due(schedules[i], now, calendar));
                    EXPECT_EQ(schedules[i].priority, highest_due);
                }
            }
        }
    }
}

}  // namespace
}  // namespace placard
