// The home (attract) screen: header with site name, date and clock; the rotating banners
// (首页轮换图) with captions; an excerpt of the current article; the footer.
//
// HomeScreenLayout is built once per content version, off the main thread, and never changes:
// images are already scaled to their slots and text is already laid out. HomeScreenPainter
// lives on the main thread and draws it at a time t.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/content_model.hpp"
#include "core/result.hpp"
#include "render/canvas.hpp"
#include "text/font_library.hpp"
#include "text/glyph_cache.hpp"
#include "text/paragraph_layout.hpp"

namespace placard {

// Where everything goes on a screen of a given size. Lengths scale with the screen's shorter
// side (1080 px = 1.0), positions with its width and height.
struct HomeScreenGeometry {
    int width = 0, height = 0;
    float unit = 1;  // min(width, height) / 1080.
    Rect header, banner, excerpt, footer;
    float margin = 60;

    static HomeScreenGeometry for_size(int width, int height);
};

struct BannerSlide {
    Image image;  // Scaled to the banner slot.
    LaidOutParagraph caption;
    double duration_s = 8;
    std::optional<WallTime> from, until;
};

struct HomeScreenLayout {
    HomeScreenGeometry geometry;
    LaidOutParagraph site_name;
    std::vector<BannerSlide> banners;
    // The excerpt: title, meta line, highlights, and the body cut to fit, ending in ……
    struct Block {
        LaidOutParagraph text;
        float y = 0;  // Relative to the excerpt's top.
        Color color = 0;
    };
    std::vector<Block> excerpt;
    std::vector<LaidOutParagraph> footer_lines;
    std::vector<char32_t> missing;  // Characters no font has, in any text of the screen.
    const FontChain* clock_fonts = nullptr;
    const FontChain* date_fonts = nullptr;
};

// Decoded (unscaled) banner images, by their bundle-relative path.
using DecodedImages = std::map<std::string, Image>;

// Lays out `feed` for a screen of width × height. Fails only when fonts cannot be opened.
Result<std::shared_ptr<const HomeScreenLayout>> build_home_screen(const Feed& feed,
                                                                  const DecodedImages& images,
                                                                  FontLibrary& fonts, int width,
                                                                  int height);

// How long a crossfade between banners lasts.
inline constexpr double kBannerFadeSeconds = 0.8;
// A banner's time on screen when the feed does not say.
inline constexpr double kDefaultBannerSeconds = 8.0;

class HomeScreenPainter {
  public:
    explicit HomeScreenPainter(GlyphCache& cache) : cache_(cache) {}

    void draw(Canvas& canvas, const HomeScreenLayout& layout, double t, WallTime now);
    // The next time after `t` at which the picture changes (a fade frame, the next banner, the
    // next minute on the clock). The player sleeps until then.
    double next_change_after(const HomeScreenLayout& layout, double t, WallTime now) const;
    // Whether a banner crossfade is running at t: content must not be swapped mid-transition.
    bool in_transition(const HomeScreenLayout& layout, double t, WallTime now) const;

  private:
    struct BannerState {
        int current = -1;
        int next = -1;
        double fade = 0;        // 0..1 towards `next`.
        double next_event = 0;  // When the state changes next.
    };
    BannerState banner_state(const HomeScreenLayout& layout, double t, WallTime now) const;
    void draw_header(Canvas& canvas, const HomeScreenLayout& layout, WallTime now);

    GlyphCache& cache_;
    // The clock and date change once a minute; their layout is kept until then.
    std::string shown_clock_, shown_date_;
    const FontChain* shown_fonts_ = nullptr;
    LaidOutParagraph clock_text_, date_text_;
};

}  // namespace placard
