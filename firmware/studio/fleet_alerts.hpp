// Alerts when a screen fails (issue 16): every kAlertCheckSeconds the fleet's states are
// looked at, and a screen that turns red (silent, or not rendering) — or comes back from red —
// is written to the audit log and, when the studio was given a webhook (--alert-webhook URL),
// POSTed there as JSON, for the office's own chat or paging system:
//
//     {"event": "screen failing" | "screen recovered", "screen": 3, "name": "一楼大厅",
//      "place": "…", "group": "…", "state": "red", "reasons": ["已 3 分钟没有报告"],
//      "at": "2026-11-28T02:00:00Z"}
//
// A screen's first state after the studio starts is taken as it is, not announced: a restart of
// the studio does not page anyone for screens that were already known to be down.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "studio/fleet.hpp"
#include "studio/studio_database.hpp"

namespace placard {

inline constexpr int kAlertCheckSeconds = 10;

class FleetAlerts {
  public:
    FleetAlerts(Fleet& fleet, StudioDatabase& db, std::string webhook)
        : fleet_(fleet), db_(db), webhook_(std::move(webhook)) {}
    // Looks at the states once, as of `now` with `published` the current version; announces
    // what changed. Returns how many screens changed to or from red.
    int check(std::int64_t now, std::int64_t published);

  private:
    Fleet& fleet_;
    StudioDatabase& db_;
    std::string webhook_;
    std::map<std::int64_t, bool> red_;  // By screen id: red at the last look.
};

}  // namespace placard
