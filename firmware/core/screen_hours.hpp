// Screen hours (定时开关机): when the panel is on, from the feed's "screen_hours" — the same
// weekly windows and office calendar as a schedule (core/schedule.hpp), so "working days
// 08:00–18:00" follows the real calendar, 调休 days included. Outside them the panel is off,
// except for a few minutes after a visitor touches it, and whenever an urgent notice shows.
// A pure function of the hours, the time, the last touch and the notice, like the schedule.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/schedule.hpp"
#include "core/wall_time.hpp"

namespace placard {

struct ScreenHours {
    std::shared_ptr<const ItemSchedule> on;  // When the screen is on.
    double wake_on_touch_s = 300;            // A touch in off hours wakes it this long; 0: never.
};

// 开屏 / 关屏 from the studio (issue 16): the panel on or off whatever the hours say, from
// `since` until `until` (unix seconds; until 0: no override). An urgent notice still lights a
// panel turned off, and a touch after `since` wakes it as outside screen hours (for the hours'
// wake_on_touch, or the default without hours).
struct PowerOverride {
    bool on = true;
    std::int64_t since = 0;
    std::int64_t until = 0;
};

struct ScreenPowerDecision {
    enum class Reason {
        NoHours,
        InHours,
        OutsideHours,
        WokenByTouch,
        UrgentNotice,
        TurnedOn,
        TurnedOff
    };
    bool on = true;
    Reason reason = Reason::NoHours;
    // When the decision may next change by itself (unix seconds): the next minute (windows
    // open and close on minutes), or the end of a wake-up.
    std::int64_t next_change = INT64_MAX;
};

// `last_touch`: when a visitor last touched the screen (the screen stays on wake_on_touch_s
// after it); `urgent_notice`: whether an urgent notice is due now.
ScreenPowerDecision screen_power_at(const std::optional<ScreenHours>& hours, WallTime now,
                                    std::optional<WallTime> last_touch, bool urgent_notice,
                                    const PowerOverride& manual = {});
// How long an override given at `from` lasts: until the hours would next change the panel by
// themselves, and a day at most — a forgotten 关屏 does not keep it dark past the next opening;
// 开屏 outside the hours keeps it lit until the next opening, a day at most.
std::int64_t override_until(const std::optional<ScreenHours>& hours, WallTime from);

// "on: within screen hours", "off: outside screen hours": for the log and the status.
std::string describe_power_decision(const ScreenPowerDecision& decision);

}  // namespace placard
