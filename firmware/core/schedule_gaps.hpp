// Where a kind of scheduled item leaves its place empty (issue 14): the spans of time in which
// none of the items plays — no banner due and no filler (垫片) to stand in. Such a schedule is
// valid (an evening without banners may be meant), so the validator warns rather than refuses.
#pragma once

#include <span>
#include <vector>

#include "core/rotation.hpp"
#include "core/wall_time.hpp"

namespace placard {

struct ScheduleGap {
    WallTime start;   // The first minute in which nothing plays.
    int minutes = 0;  // How long, to the first minute in which something plays again.
};

// The gaps, looked at minute by minute for `days` days from the minute of `from`; empty when
// none of `items` carries a schedule or dates (they then always play, or never were meant to
// stop). A gap still open at the end is cut there.
std::vector<ScheduleGap> schedule_gaps(std::span<const ScheduledItem> items, WallTime from,
                                       int days);

}  // namespace placard
