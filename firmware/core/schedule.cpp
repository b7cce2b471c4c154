#include "core/schedule.hpp"

#include <algorithm>
#include <climits>

namespace placard {
namespace {

std::vector<std::int64_t> day_numbers(const std::vector<CivilDate>& dates) {
    std::vector<std::int64_t> days;
    days.reserve(dates.size());
    for (const CivilDate& date : dates) {
        days.push_back(days_from_civil(date));
    }
    std::sort(days.begin(), days.end());
    return days;
}

// 1970-01-01 was a Thursday (weekday 4).
int weekday_of(std::int64_t day) {
    return static_cast<int>(((day % 7) + 7 + 4) % 7);
}

bool in_dates(const Schedule& schedule, std::int64_t day) {
    return (!schedule.first_day || day >= days_from_civil(*schedule.first_day)) &&
           (!schedule.last_day || day <= days_from_civil(*schedule.last_day));
}

}  // namespace

OfficeCalendar::OfficeCalendar(const std::vector<CivilDate>& holidays,
                               const std::vector<CivilDate>& working_days)
    : holidays_(day_numbers(holidays)), working_days_(day_numbers(working_days)) {}

bool OfficeCalendar::is_working_day(std::int64_t day) const {
    if (std::binary_search(working_days_.begin(), working_days_.end(), day)) {
        return true;
    }
    if (std::binary_search(holidays_.begin(), holidays_.end(), day)) {
        return false;
    }
    const int weekday = weekday_of(day);
    return weekday != 0 && weekday != 6;
}

bool DaySet::contains(std::int64_t day, const OfficeCalendar& calendar) const {
    switch (kind) {
        case Kind::WorkingDays:
            return calendar.is_working_day(day);
        case Kind::RestDays:
            return !calendar.is_working_day(day);
        case Kind::DaysOfWeek:
            break;
    }
    return ((days_of_week >> weekday_of(day)) & 1U) != 0;
}

bool is_due(const Schedule& schedule, WallTime now, const OfficeCalendar& calendar) {
    const LocalTime local = to_local(now);
    const std::int64_t today = days_from_civil(local.date);
    const int minute = local.hour * 60 + local.minute;
    if (schedule.windows.empty()) {
        return in_dates(schedule, today);
    }
    for (const WeeklyWindow& window : schedule.windows) {
        // Opened today, or (overnight) opened yesterday and not yet closed.
        const bool today_open =
            minute >= window.start_minute && (window.overnight() || minute < window.end_minute);
        if (today_open && window.days.contains(today, calendar) && in_dates(schedule, today)) {
            return true;
        }
        const std::int64_t yesterday = today - 1;
        if (window.overnight() && minute < window.end_minute &&
            window.days.contains(yesterday, calendar) && in_dates(schedule, yesterday)) {
            return true;
        }
    }
    return false;
}

bool ItemSchedule::due(WallTime now) const {
    return is_due(schedule, now, *calendar);
}

std::optional<int> due_priority(const Schedule* schedule, WallTime now,
                                const OfficeCalendar& calendar) {
    if (!schedule) {
        return 0;
    }
    if (schedule->filler || !is_due(*schedule, now, calendar)) {
        return std::nullopt;
    }
    return schedule->priority;
}

bool plays_at(const Schedule* schedule, WallTime now, const OfficeCalendar& calendar, int highest) {
    if (schedule && schedule->filler) {
        return highest == kNothingDue;
    }
    const auto priority = due_priority(schedule, now, calendar);
    return priority && *priority == highest;
}

std::vector<std::size_t> playing_now(const std::vector<const Schedule*>& schedules, WallTime now,
                                     const OfficeCalendar& calendar) {
    std::vector<std::size_t> playing;
    int highest = kNothingDue;
    for (const Schedule* schedule : schedules) {
        if (const auto priority = due_priority(schedule, now, calendar)) {
            highest = std::max(highest, *priority);
        }
    }
    for (std::size_t i = 0; i < schedules.size(); ++i) {
        if (plays_at(schedules[i], now, calendar, highest)) {
            playing.push_back(i);
        }
    }
    return playing;
}

std::optional<std::string> never_due_reason(const Schedule& schedule,
                                            const OfficeCalendar& calendar) {
    if (schedule.first_day && schedule.last_day &&
        days_from_civil(*schedule.last_day) < days_from_civil(*schedule.first_day)) {
        return std::string("its last day is before its first day");
    }
    for (const WeeklyWindow& window : schedule.windows) {
        if (window.start_minute == window.end_minute) {
            LocalTime opens;
            opens.hour = window.start_minute / 60;
            opens.minute = window.start_minute % 60;
            return "a window opens and closes at " + format_clock(opens) +
                   " (a whole day is 00:00 to 24:00)";
        }
        if (window.days.kind == DaySet::Kind::DaysOfWeek && window.days.days_of_week == 0) {
            return std::string("a window has no days");
        }
    }
    // An empty result: dates whose days the windows never open on ("sat" within a Monday to
    // Friday, working days within the National Day holiday). Looked at for a year of dates at
    // most; a longer range always holds every kind of day.
    if (schedule.first_day && schedule.last_day && !schedule.windows.empty()) {
        const std::int64_t first = days_from_civil(*schedule.first_day);
        const std::int64_t last = days_from_civil(*schedule.last_day);
        if (last - first < 366) {
            for (std::int64_t day = first; day <= last; ++day) {
                for (const WeeklyWindow& window : schedule.windows) {
                    if (window.days.contains(day, calendar)) {
                        return std::nullopt;
                    }
                }
            }
            return "none of its windows opens on a day from " +
                   format_iso_date(*schedule.first_day) + " to " +
                   format_iso_date(*schedule.last_day);
        }
    }
    return std::nullopt;
}

}  // namespace placard
