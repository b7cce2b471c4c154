// The frames a screen runs, on a virtual clock: what `placard --screenshot` renders and what
// Placard Studio's preview shows, so that both are exactly what a screen shows at that moment.
#pragma once

#include <span>

#include "core/gesture_recognizer.hpp"
#include "core/wall_time.hpp"
#include "player/player_frame.hpp"
#include "render/canvas.hpp"

namespace placard {

// The virtual clock's wall time starts at the feed's "generated" time, so a screenshot depends
// only on content, input and t; without one, at a fixed instant.
WallTime virtual_start(const Feed& feed);

// Runs `player` from t = 0 to t = `at` seconds, the wall clock starting at `wall_start`: a frame
// at every 60 Hz tick where the picture changes by itself (PlayerFrame says when) or input
// arrives, through the same recognizer and navigator as live input, so inertia, idle time-outs,
// crossfades and damage come out as on a screen. The last frame is at `at`.
void run_virtual_clock(PlayerFrame& player, Canvas& canvas, WallTime wall_start, double at,
                       std::span<const PointerEvent> input);

}  // namespace placard
