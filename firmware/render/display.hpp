// Where frames go. After Dear ImGui's backends: the player draws into a Canvas and presents the
// rectangles it changed; a backend is a small class behind this interface, and the headless one
// runs the whole player without a display (screenshots, CI).
//
// Backends:
//   SdlWindowDisplay  — an SDL window surface (X11/Wayland on a desktop, KMSDRM on the board);
//                       presents only the given rectangles (SDL_UpdateWindowSurfaceRects).
//   HeadlessDisplay   — a surface in memory, written out as PNG.
// Both support --rotate: the player draws upright into a logical canvas and the backend turns
// it onto the panel.
#pragma once

#include <span>

#include "core/result.hpp"
#include "render/canvas.hpp"

namespace placard {

class Display {
  public:
    virtual ~Display() = default;
    // The upright canvas the player draws into (logical size, after rotation).
    virtual Canvas canvas() = 0;
    // Shows the given rectangles of the canvas (logical coordinates).
    virtual Status present(std::span<const Rect> damage) = 0;
};

}  // namespace placard
