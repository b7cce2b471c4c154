// placard-tool plays [--since DATE] [--format csv|json] [--config FILE]: the play log
// (runtime/play_log.hpp) on stdout — every banner, excerpt and notice shown (kept 14 days), the
// hourly roll-ups (180 days) and the visitor sessions (180 days), from DATE (2026-11-01, the
// screen's local date, or an RFC 3339 time) on.
//
// CSV (RFC 4180), one row each, a "kind" column first:
//   kind,start,zone,item,version,plays,seconds,screens
//   play,2026-11-27T09:00:00+08:00,banner,b1,42,1,8.0,
//   hour,2026-11-27T09:00:00+08:00,banner,b1,,450,3600.0,
//   visit,2026-11-27T09:03:12+08:00,,,,,41.0,a:a1 35; c:zgwc 6
#include <cstdio>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "core/wall_time.hpp"
#include "runtime/device_config.hpp"
#include "runtime/log.hpp"
#include "runtime/play_log.hpp"

namespace placard::tool {
namespace {

constexpr const char* kUsage =
    "plays: usage: plays [--since DATE] [--format csv|json] [--config FILE]";

// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return quoted + "\"";
}

std::string seconds_text(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", seconds);
    return text;
}

}  // namespace

int plays_command(const Arguments& arguments) {
    std::string since_text, format = "csv", config_file;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const bool has_value = i + 1 < arguments.size();
        if (arguments[i] == "--since" && has_value) {
            since_text = arguments[++i];
        } else if (arguments[i] == "--format" && has_value) {
            format = arguments[++i];
        } else if (arguments[i] == "--config" && has_value) {
            config_file = arguments[++i];
        } else {
            log_error(kUsage);
            return 2;
        }
    }
    if (format != "csv" && format != "json") {
        log_error("plays: --format: \"" + format + "\" is not csv or json");
        return 2;
    }
    const int offset = system_wall_time().utc_offset_minutes;
    std::int64_t since = 0;
    if (!since_text.empty()) {
        if (const auto date = parse_iso_date(since_text)) {
            since = days_from_civil(*date) * 86400 - std::int64_t{offset} * 60;
        } else if (const auto time = parse_rfc3339(since_text)) {
            since = time->unix_seconds;
        } else {
            log_error("plays: --since: \"" + since_text +
                      "\" is not a date like 2026-11-01 or a time like 2026-11-01T08:00:00+08:00");
            return 2;
        }
    }
    auto config = load_device_config(config_file);
    if (!config) {
        log_error(config.error().message);
        return 1;
    }
    if (config->play_log.empty()) {
        log_error("plays: the configuration has no play_log (the screen keeps no play log)");
        return 1;
    }
    auto log = PlayLog::open_existing(config->play_log);
    if (!log) {
        log_error(log.error().message + " (has the player run with play_log set?)");
        return 1;
    }
    auto plays = (*log)->plays_since(since);
    auto hourly = (*log)->hourly_since(since);
    auto visits = (*log)->visits_since(since);
    for (const Error* error : {plays ? nullptr : &plays.error(), hourly ? nullptr : &hourly.error(),
                               visits ? nullptr : &visits.error()}) {
        if (error != nullptr) {
            log_error(error->message);
            return 1;
        }
    }
    const auto when = [&](std::int64_t unix_seconds) {
        return format_rfc3339(WallTime{unix_seconds, offset});
    };
    if (format == "json") {
        nlohmann::ordered_json out;
        out["plays"] = nlohmann::ordered_json::array();
        for (const PlayRecord& play : *plays) {
            out["plays"].push_back({{"start", when(play.start)},
                                    {"zone", play.zone},
                                    {"item", play.item},
                                    {"version", play.version},
                                    {"seconds", play.seconds}});
        }
        out["hourly"] = nlohmann::ordered_json::array();
        for (const HourlyRecord& hour : *hourly) {
            out["hourly"].push_back({{"hour", when(hour.hour)},
                                     {"zone", hour.zone},
                                     {"item", hour.item},
                                     {"plays", hour.plays},
                                     {"seconds", hour.seconds}});
        }
        out["visits"] = nlohmann::ordered_json::array();
        for (const VisitRecord& visit : *visits) {
            out["visits"].push_back({{"start", when(visit.start)},
                                     {"seconds", visit.seconds},
                                     {"screens", visit.screens}});
        }
        std::printf(
            "%s\n",
            out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
        return 0;
    }
    std::printf("kind,start,zone,item,version,plays,seconds,screens\n");
    for (const PlayRecord& play : *plays) {
        std::printf("play,%s,%s,%s,%lld,1,%s,\n", when(play.start).c_str(),
                    csv_field(play.zone).c_str(), csv_field(play.item).c_str(),
                    static_cast<long long>(play.version), seconds_text(play.seconds).c_str());
    }
    for (const HourlyRecord& hour : *hourly) {
        std::printf("hour,%s,%s,%s,,%lld,%s,\n", when(hour.hour).c_str(),
                    csv_field(hour.zone).c_str(), csv_field(hour.item).c_str(),
                    static_cast<long long>(hour.plays), seconds_text(hour.seconds).c_str());
    }
    for (const VisitRecord& visit : *visits) {
        std::printf("visit,%s,,,,,%s,%s\n", when(visit.start).c_str(),
                    seconds_text(visit.seconds).c_str(), csv_field(visit.screens).c_str());
    }
    return 0;
}

}  // namespace placard::tool
