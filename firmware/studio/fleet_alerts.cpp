#include "studio/fleet_alerts.hpp"

#include "content/http_client.hpp"
#include "content/signed_manifest.hpp"
#include "runtime/log.hpp"
#include "studio/audit_log.hpp"

namespace placard {

int FleetAlerts::check(std::int64_t now, std::int64_t published) {
    const nlohmann::json overview = fleet_.overview(now, published, 0);
    std::map<std::int64_t, bool> seen;
    int changed = 0;
    for (const auto& screen : overview["screens"]) {
        const std::int64_t id = screen["id"].get<std::int64_t>();
        const bool red = screen["state"] == "red";
        seen[id] = red;
        const auto before = red_.find(id);
        if (before == red_.end() || before->second == red) {
            continue;
        }
        ++changed;
        const std::string event = red ? "screen failing" : "screen recovered";
        std::string reasons;
        for (const auto& reason : screen["reasons"]) {
            reasons += (reasons.empty() ? "" : "; ") + reason.get<std::string>();
        }
        record_audit(
            db_, {now, "placard-studio", event,
                  "screen " + std::to_string(id) + " (" + screen["name"].get<std::string>() + ")" +
                      (reasons.empty() ? "" : ": " + reasons)});
        (red ? log_warning : log_info)("studio: " + event + ": " +
                                       screen["name"].get<std::string>() +
                                       (reasons.empty() ? "" : " (" + reasons + ")"));
        if (webhook_.empty()) {
            continue;
        }
        const nlohmann::json alert{{"event", event},
                                   {"screen", id},
                                   {"name", screen["name"]},
                                   {"place", screen["place"]},
                                   {"group", screen["group"]},
                                   {"state", screen["state"]},
                                   {"reasons", screen["reasons"]},
                                   {"at", format_utc_time(static_cast<std::time_t>(now))}};
        auto sent = http_post(
            webhook_, alert.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "", 10);
        if (!sent || sent->status < 200 || sent->status >= 300) {
            log_warning("studio: the alert webhook did not take the alert: " +
                        (sent ? "HTTP " + std::to_string(sent->status) : sent.error().message));
        }
    }
    red_ = std::move(seen);
    return changed;
}

}  // namespace placard
