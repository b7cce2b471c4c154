// The exact preview: a content folder rendered by the player's own engine (snapshot loading,
// layout, PlayerFrame, the virtual clock of `placard --screenshot`), so the picture is what a
// screen of that size shows at that moment — the same pixels as `placard --content DIR --size
// WxH --at SECONDS --screenshot` (a test compares them).
#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "core/wall_time.hpp"
#include "text/font_library.hpp"

namespace placard {

struct PreviewRequest {
    int width = 1920, height = 1080;  // The panel: 1080×1920 for a portrait screen.
    double at_s = 3;                  // Seconds after the screen started showing the content.
    // The wall-clock time the screen starts at (to see a schedule at a given hour); nothing:
    // the feed's "generated" time, as --screenshot does.
    std::optional<WallTime> wall_start;
    std::string article;  // An article's reading screen, opened at t = 0; empty: home.
};

// Reads the request's query: size=WxH (320..3840 a side, at most 3840×2160), at=SECONDS (0..60),
// time=RFC 3339, article=ID. One line of reason for a bad one.
Result<PreviewRequest> parse_preview_query(std::string_view query);

class PreviewRenderer {
  public:
    // The fonts are opened once (fontconfig, the screens' fallback chain) and shared.
    static Result<std::unique_ptr<PreviewRenderer>> open();
    // PNG bytes of the screen. One preview at a time: each holds a screen's worth of memory.
    Result<std::string> render(const std::filesystem::path& folder, const PreviewRequest& request,
                               const std::filesystem::path& scratch_png);

  private:
    explicit PreviewRenderer(std::unique_ptr<FontLibrary> fonts) : fonts_(std::move(fonts)) {}
    std::unique_ptr<FontLibrary> fonts_;
    std::mutex rendering_;
};

}  // namespace placard
