// The null backend: frames in memory, one of them written out as a PNG on request.
#pragma once

#include <string>

#include "render/display.hpp"

namespace placard {

class HeadlessDisplay final : public Display {
  public:
    // width × height is the panel; with rotation 90 or 270 the logical canvas is turned.
    HeadlessDisplay(int width, int height, int rotation_degrees);
    Canvas canvas() override { return Canvas(logical_); }
    Status present(std::span<const Rect>) override { return Done{}; }
    // Writes what the panel shows (rotation applied) as a PNG.
    Status write_png(const std::string& path) const;

  private:
    Image logical_;
    int rotation_;
};

}  // namespace placard
