// The player: shows a content bundle on a display, live or as one headless screenshot.
#pragma once

#include "player/command_line.hpp"

namespace placard {

// Both return the process exit code (0 success, 1 content or display problem).
int run_player(const PlayerOptions& options);
int render_screenshot(const PlayerOptions& options);

}  // namespace placard
