// The SDL backend: draws straight into the window surface when it is 32-bit XRGB/ARGB and
// upright, otherwise into a logical canvas that is turned and copied on present. Presents only
// the damaged rectangles. SDL video must stay on the thread that created this.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "render/display.hpp"

struct SDL_Window;
struct SDL_Rect;

namespace placard {

enum class WindowMode { Fullscreen, Windowed };

class SdlWindowDisplay final : public Display {
  public:
    // Initialises SDL video. Fullscreen uses the panel's own size when width/height are 0.
    static Result<std::unique_ptr<SdlWindowDisplay>> open(int width, int height,
                                                          int rotation_degrees, WindowMode mode);
    ~SdlWindowDisplay() override;

    Canvas canvas() override;
    Status present(std::span<const Rect> damage) override;
    // What SDL chose, for the log: the video driver, the panel size, the surface's pixel format
    // and what presents it ("kmsdrm 1920x1080 ARGB8888 via opengles2"), so that a screen that
    // stays dark can be told from one that never opened.
    std::string description() const;
    // Whether SDL drives the console's display itself (KMSDRM: no X, no Wayland), where it also
    // reads the input devices itself.
    bool on_console() const;
    // The DRM device SDL's KMSDRM driver opened (for DPMS, drm_power.hpp), or -1 when the
    // player is not on the console.
    int kms_fd() const;
    int panel_width() const { return panel_width_; }
    int panel_height() const { return panel_height_; }
    // The size of the upright canvas.
    // A point on the panel (window coordinates) in the upright canvas's coordinates.
    std::pair<double, double> to_logical(double x, double y) const;
    int logical_width() const;
    int logical_height() const;

  private:
    SdlWindowDisplay() = default;
    Rect to_panel(const Rect& logical) const;
    void copy_rotated(const Rect& logical);

    SDL_Window* window_ = nullptr;
    int panel_width_ = 0, panel_height_ = 0;
    int rotation_ = 0;
    bool direct_ = false;  // Drawing straight into the window surface.
    Image offscreen_;
    std::vector<SDL_Rect> rects_;  // Reused by present(): a frame allocates nothing.
};

}  // namespace placard
