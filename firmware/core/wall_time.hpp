// Wall-clock time with the UTC offset it was written in, as RFC 3339 timestamps carry it.
//
// The feed says "2026-11-24T09:00:00+08:00"; the screen shows the date and time of the place the
// screen is in. Keeping the offset with the instant lets the player show local time without the
// machine's time-zone database, and keeps virtual-clock screenshots independent of the machine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace placard {

struct CivilDate {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
};

struct WallTime {
    std::int64_t unix_seconds = 0;
    int utc_offset_minutes = 0;

    WallTime plus_seconds(double seconds) const {
        return WallTime{unix_seconds + static_cast<std::int64_t>(seconds), utc_offset_minutes};
    }
    bool operator<(const WallTime& other) const { return unix_seconds < other.unix_seconds; }
};

// Parses an RFC 3339 date-time ("2026-11-24T09:00:00+08:00", "...Z", fractional seconds allowed).
std::optional<WallTime> parse_rfc3339(std::string_view text);

// Parses "YYYY-MM-DD" and checks that the day exists.
std::optional<CivilDate> parse_iso_date(std::string_view text);
// "2026-10-01".
std::string format_iso_date(CivilDate date);

// Days since 1970-01-01 for a proleptic Gregorian date, and back (H. Hinnant's algorithms).
std::int64_t days_from_civil(CivilDate date);
CivilDate civil_from_days(std::int64_t days);

// The local date, weekday and time of day of an instant, in its own offset.
struct LocalTime {
    CivilDate date;
    int weekday = 0;  // 0 = Sunday ... 6 = Saturday.
    int hour = 0;
    int minute = 0;
    int second = 0;
};
LocalTime to_local(WallTime time);

// "2026年11月25日 星期三": the way Chinese official pages write a date.
std::string format_chinese_date(const LocalTime& local);
// "09:05".
std::string format_clock(const LocalTime& local);
// "2026-11-24T09:00:00+08:00": the instant in its own offset (parse_rfc3339 reads it back).
std::string format_rfc3339(WallTime time);
// The machine's current time with its current UTC offset.
WallTime system_wall_time();

}  // namespace placard
