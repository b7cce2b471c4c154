#include "core/rotation.hpp"

#include <algorithm>
#include <cmath>

namespace placard {
namespace {

// One frame at 60 Hz: a transition changes the picture every frame.
constexpr double kFrame = 1.0 / 60.0;

const Schedule* schedule_of(const ScheduledItem& item) {
    return item.schedule ? &item.schedule->schedule : nullptr;
}
const OfficeCalendar& calendar_of(const ScheduledItem& item) {
    static const OfficeCalendar kNone;  // Not read for an item without a schedule.
    return item.schedule ? *item.schedule->calendar : kNone;
}

// The highest priority of the items due at `now` within their dates (schedule.hpp's
// due_priority), or kNothingDue: then the fillers play.
int highest_due_priority(std::span<const ScheduledItem> items, WallTime now) {
    int best = kNothingDue;
    for (const ScheduledItem& item : items) {
        if (item.active_at(now)) {
            if (const auto priority = due_priority(schedule_of(item), now, calendar_of(item))) {
                best = std::max(best, *priority);
            }
        }
    }
    return best;
}

// Whether `item` plays at `now`: within its dates, and by playing_now's rule (plays_at).
bool plays(const ScheduledItem& item, WallTime now, int best) {
    return item.active_at(now) && plays_at(schedule_of(item), now, calendar_of(item), best);
}

// The playing item `steps` playing items on from `index` (backwards when negative).
int step_active(std::span<const ScheduledItem> items, int index, int steps, WallTime now,
                int best) {
    const int count = static_cast<int>(items.size());
    const int direction = steps < 0 ? -1 : 1;
    for (int taken = 0; taken != steps; taken += direction) {
        do {
            index = ((index + direction) % count + count) % count;
        } while (!plays(items[static_cast<std::size_t>(index)], now, best));
    }
    return index;
}

}  // namespace

Rotation rotation_at(std::span<const ScheduledItem> items, double transition_s, double t,
                     WallTime now, int shift) {
    Rotation rotation;
    const int best = highest_due_priority(items, now);
    double cycle = 0;
    int first = -1, members = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (plays(items[i], now, best)) {
            cycle += items[i].duration_s;
            first = first < 0 ? static_cast<int>(i) : first;
            ++members;
        }
    }
    rotation.current = first;
    if (members < 2 || cycle <= 0) {
        return rotation;
    }
    // Swipes accumulate without bound; only their remainder over the active items matters.
    shift %= members;
    double start = std::floor(t / cycle) * cycle;
    int last_active = first;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!plays(items[i], now, best)) {
            continue;
        }
        const double end = start + items[i].duration_s;
        if (t < end) {
            const int index = static_cast<int>(i);
            rotation.current = step_active(items, index, shift, now, best);
            const double transition_start = end - transition_s;
            if (t >= transition_start) {
                rotation.next = step_active(items, rotation.current, 1, now, best);
                rotation.progress = std::clamp((t - transition_start) / transition_s, 0.0, 1.0);
                rotation.next_event = t + kFrame;
            } else {
                rotation.next_event = transition_start;
            }
            return rotation;
        }
        start = end;
        last_active = static_cast<int>(i);
    }
    // t fell in the last rounding error of the cycle (the sum of durations and the floor above
    // need not agree to the last bit): the cycle's last item, at the end of its transition.
    rotation.current = step_active(items, last_active, shift, now, best);
    rotation.next = step_active(items, rotation.current, 1, now, best);
    rotation.progress = 1;
    rotation.next_event = t + kFrame;
    return rotation;
}

std::vector<std::size_t> playing_items(std::span<const ScheduledItem> items, WallTime now) {
    const int best = highest_due_priority(items, now);
    std::vector<std::size_t> playing;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (plays(items[i], now, best)) {
            playing.push_back(i);
        }
    }
    return playing;
}

void first_playing_items(std::span<const ScheduledItem> items, WallTime now, std::span<int> out) {
    const int best = highest_due_priority(items, now);
    std::size_t filled = 0;
    for (std::size_t i = 0; i < items.size() && filled < out.size(); ++i) {
        if (plays(items[i], now, best)) {
            out[filled++] = static_cast<int>(i);
        }
    }
    for (; filled < out.size(); ++filled) {
        out[filled] = -1;
    }
}

}  // namespace placard
