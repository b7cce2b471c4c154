// The home screen's rotation (issue 13): which banner and which excerpt page show at t, as a
// pure function of the items' durations, date ranges and schedules (issue 14), the time, and the
// visitor's swipes. The painter draws what this says; the navigator only counts swipes.
#pragma once

#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "core/schedule.hpp"
#include "core/wall_time.hpp"

namespace placard {

struct ScheduledItem {
    double duration_s = 8;
    // Shown from `from` (inclusive) until `until` (exclusive); either may be open.
    std::optional<WallTime> from, until;
    // Its weekly windows, dates, priority and filler mark (core/schedule.hpp); null: always due,
    // priority 0.
    std::shared_ptr<const ItemSchedule> schedule;

    bool active_at(WallTime now) const {
        return (!from || !(now < *from)) && (!until || now < *until);
    }
};

struct Rotation {
    int current = -1;     // The item shown; -1 when none is active.
    int next = -1;        // The item it is changing to, during a transition; else -1.
    double progress = 0;  // 0..1 through the transition to `next`.
    // When the rotation next changes by itself (seconds on the frame clock).
    double next_event = std::numeric_limits<double>::infinity();
};

// Cycles through the items that play at `now` (within from/until; of those due by their
// schedules, the ones of the highest priority; when none is due, the fillers: playing_now's
// rule), each shown for its duration and ending in a transition of `transition_s` into the next.
// `shift` steps the result that many active items on (a swipe to the left is +1, to the right -1):
// an item outside its date range is never shown, swiped to or faded into. Allocates nothing: it
// runs every frame.
Rotation rotation_at(std::span<const ScheduledItem> items, double transition_s, double t,
                     WallTime now, int shift = 0);

// The items that play at `now` by the same rule, as indices in order (the ticker's items, which
// all scroll by together rather than take turns).
std::vector<std::size_t> playing_items(std::span<const ScheduledItem> items, WallTime now);
// The first `count` of them (fewer when fewer play; -1 fills the rest), allocating nothing: the
// side slot's two banners.
void first_playing_items(std::span<const ScheduledItem> items, WallTime now, std::span<int> out);

}  // namespace placard
