#include "player/virtual_screen.hpp"

#include <algorithm>
#include <cmath>

#include "render/home_screen.hpp"

namespace placard {

WallTime virtual_start(const Feed& feed) {
    if (feed.generated) {
        return *feed.generated;
    }
    return *parse_rfc3339("2026-01-01T09:00:00+08:00");
}

void run_virtual_clock(PlayerFrame& player, Canvas& canvas, WallTime wall_start, double at,
                       std::span<const PointerEvent> input) {
    const auto tick_at_or_after = [](double seconds) {
        return static_cast<long long>(std::ceil(seconds / kFrameSeconds - 1e-6));
    };
    const long long last_tick = std::llround(at / kFrameSeconds);
    std::size_t next_event = 0;
    for (long long tick = 0;;) {
        const double t = static_cast<double>(tick) * kFrameSeconds;
        const std::size_t first_event = next_event;
        while (next_event < input.size() && input[next_event].t <= t + 1e-9) {
            ++next_event;
        }
        const FrameOutcome outcome =
            player.frame(t, wall_start.plus_seconds(t),
                         input.subspan(first_event, next_event - first_event), canvas);
        if (tick >= last_tick) {
            break;
        }
        long long next = tick_at_or_after(outcome.next_change);
        if (next_event < input.size()) {
            next = std::min(next, tick_at_or_after(input[next_event].t));
        }
        tick = std::clamp(next, tick + 1, last_tick);
    }
}

}  // namespace placard
