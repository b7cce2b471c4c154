// The status report of a simulated screen, as a screen's content service makes it
// (service/screen_report.cpp), with a day's typical play roll-ups: what the fleet's load tests
// (placard-fleet-load over HTTP, placard-fleet-mqtt-load through a broker) send.
#pragma once

#include <ctime>
#include <nlohmann/json.hpp>
#include <string>

#include "content/signed_manifest.hpp"

namespace placard {

inline std::string simulated_report(const SigningKey& key, const std::string& name,
                                    std::time_t now) {
    nlohmann::ordered_json report;
    report["placard_report"] = 1;
    report["name"] = name;
    report["key"] = public_key_hex(key.public_key);
    report["sent"] = format_utc_time(now);
    report["interval"] = 30;
    report["content"] = {{"version", 7},
                         {"taken_at", "2026-11-28T09:00:01+08:00"},
                         {"source", "http://studio:8080/feed/feed.json"},
                         {"last_poll_at", "2026-11-28T09:30:00+08:00"},
                         {"last_error", ""},
                         {"last_error_source", ""},
                         {"last_error_at", ""}};
    report["player"] = {{"version", 7},
                        {"folder", "/var/lib/placard/store/versions/v7-1795834106127"},
                        {"fallback_reason", ""},
                        {"screen", "on (within screen hours)"},
                        {"display", "on, by HDMI-CEC (/dev/cec0)"},
                        {"last_frame_at", format_utc_time(now)},
                        {"showing", "banner b2; excerpt a1"},
                        {"screenshot", ""},
                        {"screenshot_at", ""},
                        {"screenshot_dark", false},
                        {"at", format_utc_time(now)}};
    report["notices"] = nlohmann::json::array();
    report["system"] = {{"uptime_s", 86400},
                        {"soc_celsius", 52.1},
                        {"throttled", ""},
                        {"free_bytes", 20000000000LL},
                        {"total_bytes", 31000000000LL},
                        {"clock_synchronised", true}};
    report["plays"] = nlohmann::json::array();
    const std::time_t hour = now / 3600 * 3600;
    for (const char* item : {"b1", "b2", "b3", "b4", "a1", "a2", "n1", "s1", "s2"}) {
        report["plays"].push_back({{"hour", hour},
                                   {"zone", item[0] == 'b' ? "banner" : "excerpt"},
                                   {"item", item},
                                   {"plays", 40},
                                   {"seconds", 320}});
    }
    report["visits"] = {{{"hour", hour}, {"visits", 3}, {"seconds", 140}}};
    return report.dump();
}

}  // namespace placard
