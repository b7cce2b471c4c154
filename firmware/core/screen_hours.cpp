#include "core/screen_hours.hpp"

#include <algorithm>

namespace placard {

namespace {

ScreenPowerDecision by_hours(const std::optional<ScreenHours>& hours, WallTime now,
                             std::optional<WallTime> last_touch, bool urgent_notice);

}  // namespace

ScreenPowerDecision screen_power_at(const std::optional<ScreenHours>& hours, WallTime now,
                                    std::optional<WallTime> last_touch, bool urgent_notice,
                                    const PowerOverride& manual) {
    ScreenPowerDecision decision = by_hours(hours, now, last_touch, urgent_notice);
    if (manual.until <= now.unix_seconds || manual.on == decision.on) {
        return decision;
    }
    decision.next_change = std::min(decision.next_change, manual.until);
    if (manual.on) {
        decision.on = true;
        decision.reason = ScreenPowerDecision::Reason::TurnedOn;
        return decision;
    }
    // Off as asked — but an urgent notice, or a visitor's touch since, lights it as outside
    // hours would.
    if (urgent_notice) {
        return decision;
    }
    const double wake_s = hours ? hours->wake_on_touch_s : ScreenHours{}.wake_on_touch_s;
    const std::int64_t woken_until =
        last_touch && wake_s > 0 && last_touch->unix_seconds >= manual.since
            ? last_touch->unix_seconds + static_cast<std::int64_t>(wake_s)
            : 0;
    if (last_touch && last_touch->unix_seconds <= now.unix_seconds &&
        now.unix_seconds < woken_until) {
        decision.reason = ScreenPowerDecision::Reason::WokenByTouch;
        decision.next_change = std::min(decision.next_change, woken_until);
        return decision;
    }
    decision.on = false;
    decision.reason = ScreenPowerDecision::Reason::TurnedOff;
    return decision;
}

std::int64_t override_until(const std::optional<ScreenHours>& hours, WallTime from) {
    const bool on = by_hours(hours, from, std::nullopt, false).on;
    const std::int64_t first_minute = (from.unix_seconds / 60 + 1) * 60;
    for (std::int64_t minute = first_minute; minute < from.unix_seconds + 86400; minute += 60) {
        if (by_hours(hours, WallTime{minute, from.utc_offset_minutes}, std::nullopt, false).on !=
            on) {
            return minute;
        }
    }
    return from.unix_seconds + 86400;
}

namespace {

ScreenPowerDecision by_hours(const std::optional<ScreenHours>& hours, WallTime now,
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

}  // namespace

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
        case ScreenPowerDecision::Reason::TurnedOn:
            return "on (turned on from the studio, outside screen hours)";
        case ScreenPowerDecision::Reason::TurnedOff:
            return "off (turned off from the studio)";
    }
    return "on";
}

}  // namespace placard
