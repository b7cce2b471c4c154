#include "player/player_screenshot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "render/image_file.hpp"
#include "render/png_writer.hpp"

namespace placard {

Status write_screenshot(Canvas& canvas, const std::filesystem::path& file) {
    Image frame;
    frame.width = canvas.width();
    frame.height = canvas.height();
    frame.pixels.resize(static_cast<std::size_t>(frame.width) * frame.height);
    for (int y = 0; y < frame.height; ++y) {
        const std::uint32_t* row = canvas.pixels() + static_cast<std::size_t>(y) * canvas.stride();
        for (int x = 0; x < frame.width; ++x) {
            // The window surface may leave alpha at 0 (XRGB): what the panel shows is opaque.
            frame.pixels[static_cast<std::size_t>(y) * frame.width + x] = row[x] | 0xFF000000U;
        }
    }
    frame.opaque = true;
    const double scale =
        static_cast<double>(kScreenshotLongestSide) / std::max(frame.width, frame.height);
    const Image small =
        scale < 1 ? scale_to_fit(frame, static_cast<int>(std::lround(frame.width * scale)),
                                 static_cast<int>(std::lround(frame.height * scale)))
                  : frame;
    const std::filesystem::path part = file.string() + ".part";
    if (auto saved = save_png(small, part.string()); !saved) {
        return saved;
    }
    if (std::rename(part.c_str(), file.c_str()) != 0) {
        return make_error(file.string() + ": cannot be written");
    }
    return Done{};
}

std::filesystem::path screenshot_file(const std::filesystem::path& status_file) {
    return status_file.parent_path() / "screenshot.png";
}

}  // namespace placard
