#include "service/screen_report.hpp"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "content/notice_register.hpp"
#include "content/screen_requests.hpp"
#include "content/signed_manifest.hpp"
#include "content/update_status.hpp"
#include "core/read_file.hpp"
#include "runtime/play_log.hpp"
#include "service/system_facts.hpp"

namespace placard {

namespace {

using Json = nlohmann::ordered_json;

Json content_part(const ContentStore& store) {
    const UpdateStatus status = load_update_status(store.status_file());
    Json json;
    json["version"] = status.version;
    json["taken_at"] = status.taken_at;
    json["source"] = status.source;
    json["last_poll_at"] = status.last_poll_at;
    json["last_error"] = status.last_error;
    json["last_error_source"] = status.last_error_source;
    json["last_error_at"] = status.last_error_at;
    return json;
}

// The player's own status file as it wrote it (at most 64 KiB), or null.
Json player_part(const PlayerConfig& config) {
    auto text = read_file(config.player_status, 64 * 1024);
    if (!text) {
        return nullptr;
    }
    auto json = Json::parse(*text, nullptr, false);
    return json.is_object() ? json : Json(nullptr);
}

Json notices_part(const ContentStore& store, std::time_t now) {
    Json list = Json::array();
    auto held = load_notice_register(notice_register_file(store));
    if (!held) {
        return list;
    }
    for (const RegisteredNotice& entry : held->notices) {
        const Notice& notice = entry.notice;
        if (notice.expires.unix_seconds <= now) {
            continue;
        }
        Json item;
        item["id"] = notice.id;
        item["level"] = notice_level_name(notice.level);
        item["cancel"] = notice.cancel;
        item["expires"] = format_utc_time(static_cast<std::time_t>(notice.expires.unix_seconds));
        list.push_back(std::move(item));
    }
    return list;
}

Json system_part(const ContentStore& store) {
    const SystemFacts facts = read_system_facts(store.root());
    Json json;
    json["uptime_s"] = std::lround(facts.uptime_s);
    json["soc_celsius"] = facts.soc_celsius ? Json(*facts.soc_celsius) : Json(nullptr);
    json["throttled"] =
        facts.throttled ? Json(describe_throttled(*facts.throttled)) : Json(nullptr);
    json["free_bytes"] = facts.free_bytes ? Json(*facts.free_bytes) : Json(nullptr);
    json["total_bytes"] = facts.total_bytes ? Json(*facts.total_bytes) : Json(nullptr);
    json["clock_synchronised"] =
        facts.clock_synchronised ? Json(*facts.clock_synchronised) : Json(nullptr);
    return json;
}

// The play log's roll-ups of the last hours (read-only: the player owns the file).
void add_plays(Json& report, const PlayerConfig& config, std::time_t now) {
    report["plays"] = Json::array();
    report["visits"] = Json::array();
    if (config.play_log.empty()) {
        return;
    }
    auto log = PlayLog::open_existing(config.play_log);
    if (!log) {
        return;
    }
    const std::int64_t since = (now / 3600 - (kReportedPlayHours - 1)) * 3600;
    if (auto hourly = (*log)->hourly_since(since)) {
        for (const HourlyRecord& row : *hourly) {
            Json item;
            item["hour"] = row.hour;
            item["zone"] = row.zone;
            item["item"] = row.item;
            item["plays"] = row.plays;
            item["seconds"] = std::lround(row.seconds);
            report["plays"].push_back(std::move(item));
        }
    }
    if (auto visits = (*log)->visits_since(since)) {
        std::map<std::int64_t, std::pair<std::int64_t, double>> by_hour;
        for (const VisitRecord& visit : *visits) {
            auto& [count, seconds] = by_hour[visit.start / 3600 * 3600];
            ++count;
            seconds += visit.seconds;
        }
        for (const auto& [hour, totals] : by_hour) {
            Json item;
            item["hour"] = hour;
            item["visits"] = totals.first;
            item["seconds"] = std::lround(totals.second);
            report["visits"].push_back(std::move(item));
        }
    }
}

}  // namespace

std::string screen_report_json(const PlayerConfig& config, const ContentStore& store,
                               const std::string& name, const std::string& key_hex,
                               std::time_t now) {
    Json report;
    report["placard_report"] = 1;
    report["name"] = name;
    report["key"] = key_hex;
    report["sent"] = format_utc_time(now);
    report["interval"] = std::lround(config.report_interval_s);
    report["content"] = content_part(store);
    report["player"] = player_part(config);
    report["notices"] = notices_part(store, now);
    // The group the studio last put the screen in: the studio gives it again when it differs.
    report["group"] = load_screen_requests(screen_requests_file(store)).group;
    report["system"] = system_part(store);
    add_plays(report, config, now);
    return report.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace placard
