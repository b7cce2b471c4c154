#include "core/screen_hours.hpp"

#include <algorithm>

namespace placard {

ScreenPowerDecision screen_power_at(const std::optional<ScreenHours>& hours, WallTime now,
                                    std::optional<WallTime> last_touch, bool urgent_notice) {
    ScreenPowerDecision decision;
    if (!hours || !hours->on) {
        return decision;  // No screen hours: always on.
    }
    // Windows open and close on whole minutes: the decision holds until the next one.
    const std::int64_t next_minute = (now.unix_seconds / 60 + 1) * 60;
    decision.next_change = next_minute;
    if (hours->on->due(now)) {
        decision.reason = ScreenPowerDecision::Reason::InHours;
        return decision;
    }
    if (urgent_notice) {
        decision.reason = ScreenPowerDecision::Reason::UrgentNotice;
        return decision;
    }
    if (last_touch && hours->wake_on_touch_s > 0) {
        const auto awake_until =
            last_touch->unix_seconds + static_cast<std::int64_t>(hours->wake_on_touch_s);
        if (last_touch->unix_seconds <= now.unix_seconds && now.unix_seconds < awake_until) {
            decision.reason = ScreenPowerDecision::Reason::WokenByTouch;
            decision.next_change = std::min(next_minute, awake_until);
            return decision;
        }
    }
    decision.on = false;
    decision.reason = ScreenPowerDecision::Reason::OutsideHours;
    return decision;
}

std::string describe_power_decision(const ScreenPowerDecision& decision) {
    switch (decision.reason) {
        case ScreenPowerDecision::Reason::NoHours:
            return "on (no screen hours set)";
        case ScreenPowerDecision::Reason::InHours:
            return "on (within screen hours)";
        case ScreenPowerDecision::Reason::OutsideHours:
            return "off (outside screen hours)";
        case ScreenPowerDecision::Reason::WokenByTouch:
            return "on (woken by a touch outside screen hours)";
        case ScreenPowerDecision::Reason::UrgentNotice:
            return "on (an urgent notice, outside screen hours)";
    }
    return "on";
}

}  // namespace placard
