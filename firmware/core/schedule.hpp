// The schedule engine (issue 14): whether an item (a banner, an article, a ticker line, a
// layout) is due at an instant, and which of a set of items play. Pure: a function of the
// instant (in the screen's own UTC offset), the office calendar and the schedules, with no clock
// and no I/O, so that a headless screenshot at any virtual time shows what a screen would.
//
// A schedule has weekly windows (days and times of day; a window whose end is before its start
// runs overnight, into the next day), an optional range of dates, a priority, and may mark
// its item as filler (垫片): what plays when nothing else is due. "Working days" follow the
// office calendar: Monday to Friday, minus the public holidays (法定节假日), plus the weekend
// days made working days in exchange (调休).
#pragma once

#include <climits>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/wall_time.hpp"

namespace placard {

// The official calendar of the screen's office: which dates are holidays and which weekend
// dates are working days. Dates are day numbers (days_from_civil), kept sorted.
class OfficeCalendar {
  public:
    OfficeCalendar() = default;
    OfficeCalendar(const std::vector<CivilDate>& holidays,
                   const std::vector<CivilDate>& working_days);
    // Monday to Friday unless a holiday; Saturday and Sunday only when made a working day.
    bool is_working_day(std::int64_t day) const;

  private:
    std::vector<std::int64_t> holidays_;
    std::vector<std::int64_t> working_days_;
};

// The days a window is open on: some days of the week, or the calendar's working days or rest
// days (weekends and holidays, minus 调休 working days).
struct DaySet {
    enum class Kind { DaysOfWeek, WorkingDays, RestDays };
    Kind kind = Kind::DaysOfWeek;
    std::uint8_t days_of_week = 0x7F;  // Bit d: weekday d (0 = Sunday ... 6 = Saturday).

    bool contains(std::int64_t day, const OfficeCalendar& calendar) const;
};

struct WeeklyWindow {
    DaySet days;
    int start_minute = 0;      // 0..1439, local time.
    int end_minute = 24 * 60;  // 0..1440; before start_minute: the window ends the next day.

    bool overnight() const { return end_minute < start_minute; }
};

struct Schedule {
    std::vector<WeeklyWindow> windows;  // None: all day, every day.
    // Local dates, both included; a window belongs to the date it opens on (an overnight
    // window opened on the last day runs to its end).
    std::optional<CivilDate> first_day, last_day;
    int priority = 0;     // Of the items due, only those of the highest priority play.
    bool filler = false;  // 垫片: plays whenever no other item is due, whatever its windows.
};

// A schedule with the calendar its working and rest days follow, as the feed's items carry it.
struct ItemSchedule {
    Schedule schedule;
    std::shared_ptr<const OfficeCalendar> calendar;  // Never null.

    bool due(WallTime now) const;
};

// Whether `schedule` is due at `now` (its windows and dates, in now's own UTC offset).
bool is_due(const Schedule& schedule, WallTime now, const OfficeCalendar& calendar);

// playing_now's rule for one item, for callers that walk items of their own (the home screen's
// rotation, every frame, allocating nothing). `due_priority`: the priority an item is due at
// (an item without a schedule: 0), or nothing when it is not due or is a filler. `plays_at`:
// whether it plays when `highest` is the highest due_priority of its set (kNothingDue: none is
// due, and the fillers play).
inline constexpr int kNothingDue = INT_MIN;
std::optional<int> due_priority(const Schedule* schedule, WallTime now,
                                const OfficeCalendar& calendar);
bool plays_at(const Schedule* schedule, WallTime now, const OfficeCalendar& calendar, int highest);

// Which of `schedules` play at `now`, as indices in order: of the non-filler items that are
// due, those of the highest priority; when none is due, every filler. Empty only when nothing
// is due and there is no filler. A null schedule is an item without one: always due, priority 0.
std::vector<std::size_t> playing_now(const std::vector<const Schedule*>& schedules, WallTime now,
                                     const OfficeCalendar& calendar);

// Why `schedule` can never be due (a window that opens and closes at the same minute, a window
// with no days, dates in the wrong order, dates none of whose days is one its windows open on
// by `calendar`), or nothing: for the feed's validation messages.
std::optional<std::string> never_due_reason(const Schedule& schedule,
                                            const OfficeCalendar& calendar);

}  // namespace placard
