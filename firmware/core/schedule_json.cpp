#include "core/schedule_json.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace placard {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxCalendars = 8;
constexpr std::size_t kMaxCalendarDates = 400;
constexpr std::size_t kMaxWindows = 16;
constexpr int kMaxPriority = 100;

constexpr std::array<std::string_view, 7> kDayNames = {"sun", "mon", "tue", "wed",
                                                       "thu", "fri", "sat"};

std::string quoted(const json& value) {
    return value.is_string() ? "\"" + value.get<std::string>() + "\"" : value.dump();
}

// "08:30" → 510; "24:00" (the end of a day) only when `end_of_day` is allowed.
std::optional<int> minute_of_day(const std::string& text, bool end_of_day) {
    if (text.size() != 5 || text[2] != ':') {
        return std::nullopt;
    }
    for (const std::size_t i : {0U, 1U, 3U, 4U}) {
        if (text[i] < '0' || text[i] > '9') {
            return std::nullopt;
        }
    }
    const int hour = (text[0] - '0') * 10 + (text[1] - '0');
    const int minute = (text[3] - '0') * 10 + (text[4] - '0');
    if (minute > 59 || hour > 24 || (hour == 24 && (minute != 0 || !end_of_day))) {
        return std::nullopt;
    }
    return hour * 60 + minute;
}

std::vector<CivilDate> read_dates(const json& object, const std::string& where, const char* key,
                                  const ScheduleProblem& problem) {
    std::vector<CivilDate> dates;
    const auto it = object.find(key);
    if (it == object.end()) {
        return dates;
    }
    const std::string path = where + "." + key;
    if (!it->is_array() || it->size() > kMaxCalendarDates) {
        problem(path, "expected a list of at most " + std::to_string(kMaxCalendarDates) +
                          " dates like 2026-10-01");
        return dates;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json& value = (*it)[i];
        const auto date = value.is_string() ? parse_iso_date(value.get<std::string>())
                                            : std::optional<CivilDate>();
        if (!date) {
            problem(path + "[" + std::to_string(i) + "]",
                    quoted(value) + " is not a date like 2026-10-01");
            continue;
        }
        dates.push_back(*date);
    }
    return dates;
}

std::optional<DaySet> read_days(const json& value, const std::string& where,
                                const ScheduleProblem& problem) {
    DaySet days;
    if (value.is_string()) {
        const auto& name = value.get_ref<const std::string&>();
        if (name == "working_days") {
            days.kind = DaySet::Kind::WorkingDays;
        } else if (name == "rest_days") {
            days.kind = DaySet::Kind::RestDays;
        } else if (name != "every_day") {
            problem(where, quoted(value) +
                               " is not \"working_days\", \"rest_days\", \"every_day\" or a list "
                               "of days like [\"mon\", \"sat\"]");
            return std::nullopt;
        }
        return days;
    }
    if (!value.is_array()) {
        problem(where,
                "expected \"working_days\", \"rest_days\", \"every_day\" or a list of days "
                "like [\"mon\", \"sat\"]");
        return std::nullopt;
    }
    days.days_of_week = 0;
    bool ok = true;
    for (std::size_t i = 0; i < value.size() && i < 7 * 2; ++i) {
        bool known = false;
        for (std::size_t d = 0; d < kDayNames.size(); ++d) {
            if (value[i].is_string() && value[i].get_ref<const std::string&>() == kDayNames[d]) {
                days.days_of_week |= static_cast<std::uint8_t>(1U << d);
                known = true;
            }
        }
        if (!known) {
            problem(where + "[" + std::to_string(i) + "]",
                    quoted(value[i]) + " is not a day (mon, tue, wed, thu, fri, sat, sun)");
            ok = false;
        }
    }
    return ok ? std::optional<DaySet>(days) : std::nullopt;
}

bool read_window(const json& value, const std::string& where, WeeklyWindow& window,
                 const ScheduleProblem& problem) {
    if (!value.is_object()) {
        problem(where, "expected an object with days, from and to");
        return false;
    }
    bool ok = true;
    for (const auto& item : value.items()) {
        if (item.key() != "days" && item.key() != "from" && item.key() != "to") {
            problem(where + "." + item.key(), "unknown field");
            ok = false;
        }
    }
    if (const auto days = value.find("days"); days != value.end()) {
        const auto read = read_days(*days, where + ".days", problem);
        ok = ok && read;
        window.days = read.value_or(DaySet{});
    }
    for (const char* key : {"from", "to"}) {
        const bool end = std::string_view(key) == "to";
        const auto it = value.find(key);
        if (it == value.end()) {
            continue;  // From 00:00, to 24:00.
        }
        const auto minute =
            it->is_string() ? minute_of_day(it->get<std::string>(), end) : std::nullopt;
        if (!minute) {
            problem(where + "." + key,
                    quoted(*it) + " is not a time of day like 08:30" + (end ? " (or 24:00)" : ""));
            ok = false;
        } else if (end) {
            window.end_minute = *minute;
        } else {
            window.start_minute = *minute;
        }
    }
    return ok;
}

std::optional<CivilDate> read_day(const json& schedule, const std::string& where, const char* key,
                                  bool& ok, const ScheduleProblem& problem) {
    const auto it = schedule.find(key);
    if (it == schedule.end()) {
        return std::nullopt;
    }
    auto date = it->is_string() ? parse_iso_date(it->get<std::string>()) : std::nullopt;
    if (!date) {
        problem(where + "." + key, quoted(*it) + " is not a date like 2026-11-30");
        ok = false;
    }
    return date;
}

std::shared_ptr<const OfficeCalendar> choose_calendar(const json& schedule,
                                                      const std::string& where,
                                                      const OfficeCalendars& calendars, bool& ok,
                                                      const ScheduleProblem& problem) {
    std::string names;
    for (const auto& [name, calendar] : calendars) {
        names += (names.empty() ? "" : ", ") + name;
    }
    if (const auto it = schedule.find("calendar"); it != schedule.end()) {
        const auto found =
            it->is_string() ? calendars.find(it->get<std::string>()) : calendars.end();
        if (found == calendars.end()) {
            problem(where + ".calendar",
                    "unknown calendar " + quoted(*it) +
                        (names.empty() ? " (the feed has no calendars)"
                                       : " (the feed's calendars: " + names + ")"));
            ok = false;
            return nullptr;
        }
        return found->second;
    }
    if (calendars.size() > 1) {
        problem(where + ".calendar", "missing: the feed has several calendars (" + names +
                                         "), name the one this schedule follows");
        ok = false;
        return nullptr;
    }
    return calendars.empty() ? std::make_shared<const OfficeCalendar>() : calendars.begin()->second;
}

}  // namespace

OfficeCalendars read_calendars(const json& calendars, const std::string& where,
                               const ScheduleProblem& problem) {
    OfficeCalendars read;
    if (!calendars.is_object() || calendars.size() > kMaxCalendars) {
        problem(where, "expected an object of at most " + std::to_string(kMaxCalendars) +
                           " named calendars");
        return read;
    }
    for (const auto& item : calendars.items()) {
        const std::string path = where + "." + item.key();
        if (!item.value().is_object()) {
            problem(path, "expected an object with holidays and working_days");
            continue;
        }
        for (const auto& member : item.value().items()) {
            if (member.key() != "holidays" && member.key() != "working_days") {
                problem(path + "." + member.key(), "unknown field");
            }
        }
        read[item.key()] = std::make_shared<const OfficeCalendar>(
            read_dates(item.value(), path, "holidays", problem),
            read_dates(item.value(), path, "working_days", problem));
    }
    return read;
}

std::shared_ptr<const ItemSchedule> read_schedule(const json& schedule, const std::string& where,
                                                  const OfficeCalendars& calendars,
                                                  const ScheduleProblem& problem) {
    if (!schedule.is_object()) {
        problem(where,
                "expected an object (windows, first_day, last_day, priority, filler, "
                "calendar)");
        return nullptr;
    }
    bool ok = true;
    for (const auto& item : schedule.items()) {
        static constexpr std::array<std::string_view, 6> kKeys = {
            "windows", "first_day", "last_day", "priority", "filler", "calendar"};
        if (std::find(kKeys.begin(), kKeys.end(), item.key()) == kKeys.end()) {
            problem(where + "." + item.key(), "unknown field");
            ok = false;
        }
    }
    auto read = std::make_shared<ItemSchedule>();
    Schedule& out = read->schedule;
    if (const auto windows = schedule.find("windows"); windows != schedule.end()) {
        if (!windows->is_array() || windows->empty() || windows->size() > kMaxWindows) {
            problem(where + ".windows",
                    "expected a list of 1 to " + std::to_string(kMaxWindows) + " windows");
            ok = false;
        } else {
            for (std::size_t i = 0; i < windows->size(); ++i) {
                WeeklyWindow window;
                ok = read_window((*windows)[i], where + ".windows[" + std::to_string(i) + "]",
                                 window, problem) &&
                     ok;
                out.windows.push_back(window);
            }
        }
    }
    out.first_day = read_day(schedule, where, "first_day", ok, problem);
    out.last_day = read_day(schedule, where, "last_day", ok, problem);
    if (const auto priority = schedule.find("priority"); priority != schedule.end()) {
        if (!priority->is_number_integer() || priority->get<std::int64_t>() < -kMaxPriority ||
            priority->get<std::int64_t>() > kMaxPriority) {
            problem(where + ".priority", "expected a whole number from -100 to 100");
            ok = false;
        } else {
            out.priority = priority->get<int>();
        }
    }
    if (const auto filler = schedule.find("filler"); filler != schedule.end()) {
        if (!filler->is_boolean()) {
            problem(where + ".filler", "expected true or false");
            ok = false;
        } else {
            out.filler = filler->get<bool>();
        }
    }
    read->calendar = choose_calendar(schedule, where, calendars, ok, problem);
    if (out.filler && !out.windows.empty()) {
        problem(where + ".windows",
                "a filler plays whenever nothing else is due: it takes no "
                "windows");
        ok = false;
    }
    if (ok) {
        if (const auto reason = never_due_reason(out, *read->calendar)) {
            problem(where, "never due: " + *reason);
            ok = false;
        }
    }
    return ok ? read : nullptr;
}

}  // namespace placard
