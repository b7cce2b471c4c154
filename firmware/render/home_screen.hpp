// The home (attract) screen: header with logo, site name, date and clock; the banner rotator
// (首页轮换图) crossfading between banners; the side slot with the seed page's smaller banner
// pair; the excerpt carousel sliding through all articles; the scrolling ticker; the footer.
//
// HomeScreenLayout is built once per content version and screen size, off the main thread, and
// never changes: images are already scaled to their slots and text is already laid out.
// HomeScreenPainter lives on the main thread. It says what the screen shows at a time t as a
// small FrameState, which rectangles changed between two states (the damage), and repaints only
// those: a moving ticker damages only its own zone, an idle screen nothing.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/content_model.hpp"
#include "core/result.hpp"
#include "core/rotation.hpp"
#include "core/screen_layout.hpp"
#include "core/wall_time.hpp"
#include "render/canvas.hpp"
#include "render/clock_face.hpp"
#include "render/damage_list.hpp"
#include "render/scheduled_ticker.hpp"
#include "text/font_library.hpp"
#include "text/glyph_cache.hpp"
#include "text/paragraph_layout.hpp"

namespace placard {

// The zones in pixels for one screen size. Lengths such as font sizes scale with the shorter
// side (1080 px = 1.0).
struct HomeScreenGeometry {
    int width = 0, height = 0;
    float unit = 1;
    float margin = 60;
    int min_target = 48;  // Pixels for 9 mm on this panel: the least height of a touch target.
    Rect header, banner, side, excerpt, ticker, footer;

    static HomeScreenGeometry from(const ScreenLayout& layout, int width, int height);
};

// The panel's physical width in millimetres (configuration `screen_width_mm`; a 55" 16:9
// panel, 1210 mm, unless set), from which touch targets are sized to at least 9 mm. Set once at
// start, before any layout.
void set_panel_width_mm(double millimetres);

// A channel tile's height, min_target at least; a row of them with its padding; the header's
// title row at its least (the site name's line). HomeScreenGeometry::from grows a header that
// is smaller than these need.
int channel_tile_height(const HomeScreenGeometry& g);
int header_tile_row_height(const HomeScreenGeometry& g);
int header_title_line_height(const HomeScreenGeometry& g);

struct BannerSlide {
    std::string id;       // The banner's id (for the play log).
    Image image;          // Scaled to cover the banner zone.
    std::string article;  // What a tap opens, or empty.
    LaidOutParagraph caption;
};

struct SideBanner {
    std::string id;
    Image image;  // Scaled to fit a place.
};

struct TextBlock {
    LaidOutParagraph text;
    float y = 0;  // From the zone's top.
    Color color = 0;
    float x = 0;  // From the zone's (or column's) left.
};

// One article's excerpt: title, meta line, highlights, the body cut to fit and ending in …….
struct ExcerptPage {
    std::vector<TextBlock> blocks;
};

// A channel's button in the header: a tap lists the channel's articles.
struct ChannelTile {
    Rect area;
    LaidOutParagraph label;
    std::string channel;
};

struct HomeScreenLayout {
    // Unique among the layouts of the process: what the painter's caches are kept for (a new
    // layout may be allocated where a freed one was, so its address does not tell them apart).
    std::uint64_t serial = 0;
    HomeScreenGeometry geometry;
    std::vector<ChannelTile> tiles;
    Image logo;  // Empty when the site has none.
    LaidOutParagraph site_name;
    std::vector<BannerSlide> banners;
    std::vector<ScheduledItem> banner_schedule;  // One per banner: duration and dates.
    std::vector<ScheduledItem> page_schedule;    // One per excerpt page.
    // Every side banner, each scaled to fit one of the slot's two places; the first two that
    // play at a moment are shown (the first place at side_first, the second one step on).
    std::vector<SideBanner> side_banners;
    std::vector<ScheduledItem> side_schedule;  // One per side banner: dates and schedule.
    int side_first_x = 0, side_first_y = 0, side_step_x = 0, side_step_y = 0;
    std::vector<ExcerptPage> pages;
    std::vector<std::string> page_articles;  // The article of each page.
    LaidOutParagraph ticker_label;           // "要闻"
    LaidOutParagraph ticker_text;            // All items on one line.
    float ticker_period = 0;  // Text width plus the gap before it repeats, whole pixels.
    // When any ticker item has a schedule: every item's text and schedule, from which the
    // painter sets the line of those that play (render/scheduled_ticker.hpp); ticker_text and
    // ticker_period are then unused. Empty when no item is scheduled.
    std::vector<std::string> ticker_items;
    std::vector<ScheduledItem> ticker_schedule;
    const FontChain* ticker_fonts = nullptr;
    std::vector<LaidOutParagraph> footer_lines;
    std::vector<char32_t> missing;  // Characters no font has, in any text of the screen.
    ClockFace clock_face;           // The clock's characters, shaped once.
    const FontChain* date_fonts = nullptr;
    Rect title_row;         // The header's row with the logo, site name, date and clock.
    bool show_date = true;  // False when the site name leaves the date no room.
};

// Decoded (unscaled) images, by their bundle-relative path.
using DecodedImages = std::map<std::string, Image>;

// Lays out `feed` in `screen` zones for a width × height screen. Fails only when fonts cannot
// be opened.
Result<std::shared_ptr<const HomeScreenLayout>> build_home_screen(const Feed& feed,
                                                                  const DecodedImages& images,
                                                                  const ScreenLayout& screen,
                                                                  FontLibrary& fonts, int width,
                                                                  int height);

inline constexpr double kBannerFadeSeconds = 0.8;
inline constexpr double kDefaultBannerSeconds = 8.0;
inline constexpr double kExcerptSeconds = 12.0;
inline constexpr double kExcerptSlideSeconds = 0.6;
inline constexpr double kTickerSpeed = 120.0;  // Pixels per second at 1080p.
inline constexpr double kFrameSeconds = 1.0 / 60.0;

// What the screen shows at one moment, reduced to what decides its pixels.
struct FrameState {
    long long minute = 0;  // Local minutes since the epoch: the header's date and clock.
    int banner = -1, next_banner = -1, banner_alpha = 0;
    int page = 0, next_page = -1, page_offset = 0;
    int ticker_offset = 0;
    unsigned ticker_line = 0;  // Which line the ticker shows (a scheduled ticker's generation).
    int side_first = -1, side_second = -1;  // The side banners shown, or -1.
    bool operator==(const FrameState&) const = default;
};

class HomeScreenPainter {
  public:
    explicit HomeScreenPainter(GlyphCache& cache) : cache_(cache) {}

    // `banner_shift` steps the rotator on by that many banners (a visitor's swipes).
    FrameState state_at(const HomeScreenLayout& layout, double t, WallTime now,
                        int banner_shift = 0) const;
    // Adds to `damage` the zones whose pixels differ between `before` and `after`.
    void damage_between(const HomeScreenLayout& layout, const FrameState& before,
                        const FrameState& after, DamageList& damage) const;
    // Repaints `area` of the screen as `state` shows it.
    void draw(Canvas& canvas, const HomeScreenLayout& layout, const FrameState& state, WallTime now,
              const Rect& area);
    // The next time after `t` at which the picture changes; the player sleeps until then.
    double next_change_after(const HomeScreenLayout& layout, double t, WallTime now) const;
    // Whether a transition runs at t: content must not be swapped mid-transition.
    bool in_transition(const FrameState& state) const {
        return state.next_banner >= 0 || state.next_page >= 0;
    }

    GlyphCache& glyph_cache() { return cache_; }
    // The header alone (the reading screens share it), clipped to `area`.
    void draw_header_zone(Canvas& canvas, const HomeScreenLayout& layout, WallTime now,
                          const Rect& area);

  private:
    void draw_header(Canvas& canvas, const HomeScreenLayout& layout, WallTime now);
    void draw_banner(Canvas& canvas, const HomeScreenLayout& layout, const FrameState& state);
    void draw_excerpt(Canvas& canvas, const HomeScreenLayout& layout, const FrameState& state);
    void draw_ticker(Canvas& canvas, const HomeScreenLayout& layout, const FrameState& state);
    void draw_footer(Canvas& canvas, const HomeScreenLayout& layout);

    GlyphCache& cache_;
    Rect canvas_clip_;  // The clip of the zone being drawn.
    // The ticker text drawn once for the layout it belongs to; wider than this, it is drawn
    // glyph by glyph instead.
    static constexpr int kMaxTickerStrip = 16384;
    std::uint64_t ticker_strip_for_ = 0;  // The serial of the layout the strip was drawn for.
    unsigned ticker_strip_line_ = 0;
    Image ticker_strip_;
    // The line of a scheduled ticker, brought up to date as states are asked for.
    mutable ScheduledTicker scheduled_ticker_;
    // The ticker's line and period for `layout` (its own, or the scheduled one).
    const LaidOutParagraph& ticker_text(const HomeScreenLayout& layout) const;
    float ticker_period(const HomeScreenLayout& layout) const;
    // The clock, set from the layout's shaped characters once a minute; the date, laid out
    // once a day. Both are kept until then, for the layout they were made for.
    long long shown_minute_ = -1, shown_day_ = -1;
    const FontChain* shown_fonts_ = nullptr;
    LaidOutParagraph clock_text_, date_text_;
};

}  // namespace placard
