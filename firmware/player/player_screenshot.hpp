// A screenshot for the studio (issue 16): a copy of the frame the player last presented, taken
// from its own upright canvas (so exactly what the panel shows, with a sideways mount's
// rotation undone), scaled to fit kLongestSide, written as PNG beside the player's status file
// (SCREENSHOT.png.part, then renamed) for the content service to upload.
#pragma once

#include <filesystem>

#include "core/result.hpp"
#include "render/canvas.hpp"

namespace placard {

inline constexpr int kScreenshotLongestSide = 960;

// `canvas` the frame as presented (while the screen is off as scheduled: black, as the panel).
Status write_screenshot(Canvas& canvas, const std::filesystem::path& file);

// Where the player puts it: beside its status file.
std::filesystem::path screenshot_file(const std::filesystem::path& status_file);

}  // namespace placard
