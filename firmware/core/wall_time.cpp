#include "core/wall_time.hpp"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace placard {
namespace {

bool read_digits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
    if (pos + count > text.size()) {
        return false;
    }
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
        value = value * 10 + (text[i] - '0');
    }
    out = value;
    return true;
}

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

bool valid_date(const CivilDate& date) {
    return date.month >= 1 && date.month <= 12 && date.day >= 1 &&
           date.day <= days_in_month(date.year, date.month);
}

}  // namespace

std::int64_t days_from_civil(CivilDate date) {
    const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t year_of_era = y - era * 400;
    const std::int64_t month_index = date.month > 2 ? date.month - 3 : date.month + 9;
    const std::int64_t day_of_year = (153 * month_index + 2) / 5 + date.day - 1;
    const std::int64_t day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t day_of_era = days - era * 146097;
    const std::int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t month_index = (5 * day_of_year + 2) / 153;
    const int day = static_cast<int>(day_of_year - (153 * month_index + 2) / 5 + 1);
    const int month = static_cast<int>(month_index < 10 ? month_index + 3 : month_index - 9);
    const int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
    return CivilDate{year, month, day};
}

std::string format_iso_date(CivilDate date) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
    return text;
}

std::optional<CivilDate> parse_iso_date(std::string_view text) {
    CivilDate date;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' ||
        !read_digits(text, 0, 4, date.year) || !read_digits(text, 5, 2, date.month) ||
        !read_digits(text, 8, 2, date.day) || !valid_date(date)) {
        return std::nullopt;
    }
    return date;
}

std::optional<WallTime> parse_rfc3339(std::string_view text) {
    if (text.size() < 20) {
        return std::nullopt;
    }
    const auto date = parse_iso_date(text.substr(0, 10));
    int hour = 0, minute = 0, second = 0;
    if (!date || (text[10] != 'T' && text[10] != 't' && text[10] != ' ') ||
        !read_digits(text, 11, 2, hour) || text[13] != ':' || !read_digits(text, 14, 2, minute) ||
        text[16] != ':' || !read_digits(text, 17, 2, second) || hour > 23 || minute > 59 ||
        second > 60) {
        return std::nullopt;
    }
    std::size_t pos = 19;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        const std::size_t digits_start = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            ++pos;
        }
        if (pos == digits_start) {
            return std::nullopt;
        }
    }
    int offset_minutes = 0;
    const std::string_view zone = text.substr(pos);
    if (zone == "Z" || zone == "z") {
        offset_minutes = 0;
    } else {
        int offset_hour = 0, offset_minute = 0;
        if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') ||
            !read_digits(zone, 1, 2, offset_hour) || zone[3] != ':' ||
            !read_digits(zone, 4, 2, offset_minute) || offset_hour > 23 || offset_minute > 59) {
            return std::nullopt;
        }
        offset_minutes = (offset_hour * 60 + offset_minute) * (zone[0] == '-' ? -1 : 1);
    }
    const std::int64_t local_seconds =
        days_from_civil(*date) * 86400 + hour * 3600 + minute * 60 + second;
    return WallTime{local_seconds - offset_minutes * 60, offset_minutes};
}

LocalTime to_local(WallTime time) {
    const std::int64_t local = time.unix_seconds + time.utc_offset_minutes * 60;
    std::int64_t days = local / 86400;
    std::int64_t seconds_of_day = local % 86400;
    if (seconds_of_day < 0) {
        seconds_of_day += 86400;
        days -= 1;
    }
    LocalTime result;
    result.date = civil_from_days(days);
    // 1970-01-01 was a Thursday (weekday 4).
    result.weekday = static_cast<int>(((days % 7) + 7 + 4) % 7);
    result.hour = static_cast<int>(seconds_of_day / 3600);
    result.minute = static_cast<int>(seconds_of_day / 60 % 60);
    result.second = static_cast<int>(seconds_of_day % 60);
    return result;
}

std::string format_chinese_date(const LocalTime& local) {
    static constexpr const char* kWeekdays[] = {"日", "一", "二", "三", "四", "五", "六"};
    return std::to_string(local.date.year) + "年" + std::to_string(local.date.month) + "月" +
           std::to_string(local.date.day) + "日 星期" + kWeekdays[local.weekday];
}

std::string format_clock(const LocalTime& local) {
    char text[8];
    text[0] = static_cast<char>('0' + local.hour / 10);
    text[1] = static_cast<char>('0' + local.hour % 10);
    text[2] = ':';
    text[3] = static_cast<char>('0' + local.minute / 10);
    text[4] = static_cast<char>('0' + local.minute % 10);
    return std::string(text, 5);
}

std::string format_rfc3339(WallTime time) {
    const LocalTime local = to_local(time);
    const int offset = std::abs(time.utc_offset_minutes);
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", local.date.year,
                  local.date.month, local.date.day, local.hour, local.minute, local.second,
                  time.utc_offset_minutes < 0 ? '-' : '+', offset / 60, offset % 60);
    return text;
}

WallTime system_wall_time() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return WallTime{static_cast<std::int64_t>(now), static_cast<int>(local.tm_gmtoff / 60)};
}

}  // namespace placard
