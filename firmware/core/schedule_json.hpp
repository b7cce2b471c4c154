// Schedules and office calendars in feed JSON (docs/feed-format.md, "Schedules"):
//
//   "calendars": {"office": {"holidays": ["2026-10-01", …], "working_days": ["2026-09-27"]}}
//   "schedule": {"windows": [{"days": "working_days", "from": "08:00", "to": "18:00"}],
//                "first_day": "2026-11-01", "last_day": "2026-11-30", "priority": 1,
//                "filler": false, "calendar": "office"}
//
// Problems are reported through `problem(where, what)` with the path inside the feed, as the
// feed parser reports everything else.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "core/schedule.hpp"

namespace placard {

using ScheduleProblem = std::function<void(const std::string& where, const std::string& what)>;

using OfficeCalendars = std::map<std::string, std::shared_ptr<const OfficeCalendar>>;

// The feed's "calendars" member (where = "calendars").
OfficeCalendars read_calendars(const nlohmann::json& calendars, const std::string& where,
                               const ScheduleProblem& problem);

// An item's "schedule" member; null after a problem. A schedule names its calendar, or uses
// the feed's only one (or Monday to Friday when the feed has none).
std::shared_ptr<const ItemSchedule> read_schedule(const nlohmann::json& schedule,
                                                  const std::string& where,
                                                  const OfficeCalendars& calendars,
                                                  const ScheduleProblem& problem);

}  // namespace placard
