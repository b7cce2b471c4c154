// Drawing the home screen at a time t, and knowing what changed since the last frame.
#include <cmath>
#include <limits>

#include "core/rotation.hpp"
#include "render/home_screen.hpp"
#include "render/home_screen_style.hpp"
#include "render/text_painter.hpp"

namespace placard {
namespace {

int px(double value) {
    return static_cast<int>(std::lround(value));
}

// Cubic ease-in-out: slides start and stop gently.
double ease_in_out(double x) {
    return x < 0.5 ? 4 * x * x * x : 1 - std::pow(-2 * x + 2, 3) / 2;
}

Rotation banner_rotation(const HomeScreenLayout& layout, double t, WallTime now, int shift = 0) {
    return rotation_at(layout.banner_schedule, kBannerFadeSeconds, t, now, shift);
}

Rotation page_rotation(const HomeScreenLayout& layout, double t, WallTime now) {
    return rotation_at(layout.page_schedule, kExcerptSlideSeconds, t, now);
}

}  // namespace

FrameState HomeScreenPainter::state_at(const HomeScreenLayout& layout, double t, WallTime now,
                                       int banner_shift) const {
    FrameState state;
    state.minute = (now.unix_seconds + now.utc_offset_minutes * 60) / 60;
    // Swipes step through the banners shown now, never onto one outside its dates.
    const Rotation banner = banner_rotation(layout, t, now, banner_shift);
    state.banner = banner.current;
    state.next_banner = banner.next;
    state.banner_alpha = banner.next >= 0 ? px(banner.progress * 255) : 0;
    const Rotation page = page_rotation(layout, t, now);
    state.page = std::max(page.current, 0);
    state.next_page = page.next;
    state.page_offset =
        page.next >= 0 ? px(ease_in_out(page.progress) * layout.geometry.excerpt.width) : 0;
    int side[2];
    first_playing_items(layout.side_schedule, now, side);
    state.side_first = side[0];
    state.side_second = side[1];
    if (!layout.ticker_items.empty()) {
        scheduled_ticker_.update(layout, now);
        state.ticker_line = scheduled_ticker_.generation();
    }
    if (const float period = ticker_period(layout); period > 0) {
        const double travelled = t * kTickerSpeed * layout.geometry.unit;
        state.ticker_offset = static_cast<int>(std::fmod(travelled, period));
    }
    return state;
}

const LaidOutParagraph& HomeScreenPainter::ticker_text(const HomeScreenLayout& layout) const {
    return layout.ticker_items.empty() ? layout.ticker_text : scheduled_ticker_.text();
}

float HomeScreenPainter::ticker_period(const HomeScreenLayout& layout) const {
    return layout.ticker_items.empty() ? layout.ticker_period : scheduled_ticker_.period();
}

void HomeScreenPainter::damage_between(const HomeScreenLayout& layout, const FrameState& before,
                                       const FrameState& after, DamageList& damage) const {
    const HomeScreenGeometry& g = layout.geometry;
    if (before.minute != after.minute) {
        damage.add(g.header);
    }
    if (before.banner != after.banner || before.next_banner != after.next_banner ||
        before.banner_alpha != after.banner_alpha) {
        damage.add(g.banner);
    }
    if (before.page != after.page || before.next_page != after.next_page ||
        before.page_offset != after.page_offset) {
        damage.add(g.excerpt);
    }
    if (before.side_first != after.side_first || before.side_second != after.side_second) {
        damage.add(g.side);
    }
    if (before.ticker_offset != after.ticker_offset || before.ticker_line != after.ticker_line) {
        damage.add(g.ticker);
    }
}

double HomeScreenPainter::next_change_after(const HomeScreenLayout& layout, double t,
                                            WallTime now) const {
    const LocalTime local = to_local(now);
    double next = t + (60 - local.second);
    next = std::min(next, banner_rotation(layout, t, now).next_event);
    next = std::min(next, page_rotation(layout, t, now).next_event);
    if (ticker_period(layout) > 0) {
        next = std::min(next, t + kFrameSeconds);
    }
    return next;
}

void HomeScreenPainter::draw_header(Canvas& canvas, const HomeScreenLayout& layout, WallTime now) {
    const HomeScreenGeometry& g = layout.geometry;
    const LocalTime local = to_local(now);
    const long long minute = (now.unix_seconds + now.utc_offset_minutes * 60) / 60;
    const bool new_fonts = shown_fonts_ != layout.clock_face.fonts();
    if (minute != shown_minute_ || new_fonts) {
        clock_text_ = layout.clock_face.set(format_clock(local));
        shown_minute_ = minute;
    }
    if (const long long day = minute / (24 * 60); day != shown_day_ || new_fonts) {
        date_text_ =
            layout_paragraph(format_chinese_date(local),
                             one_line_style(layout.date_fonts, static_cast<float>(g.width)));
        shown_day_ = day;
    }
    shown_fonts_ = layout.clock_face.fonts();
    const float u = g.unit;
    canvas.fill(g.header, kHeaderBackground);
    const Rect& row = layout.title_row;
    const float middle = static_cast<float>(row.y) + static_cast<float>(row.height) / 2;
    float x = g.margin;
    if (layout.logo.width > 0) {
        canvas.draw_image(layout.logo, px(x),
                          px(middle - static_cast<float>(layout.logo.height) / 2));
        x += static_cast<float>(layout.logo.width) + 20 * u;
    }
    draw_paragraph(canvas, cache_, layout.site_name, x, middle - layout.site_name.height / 2,
                   kPartyRed);
    for (const ChannelTile& tile : layout.tiles) {
        canvas.fill(tile.area, kPartyRed);
        const float label_width = first_line_width(tile.label);
        draw_paragraph(canvas, cache_, tile.label,
                       static_cast<float>(tile.area.x) +
                           (static_cast<float>(tile.area.width) - label_width) / 2,
                       static_cast<float>(tile.area.y) +
                           (static_cast<float>(tile.area.height) - tile.label.height) / 2,
                       kWhite);
    }
    const float clock_x = static_cast<float>(g.width) - g.margin - first_line_width(clock_text_);
    draw_paragraph(canvas, cache_, clock_text_, clock_x, middle - clock_text_.height / 2, kInk);
    if (layout.show_date) {
        draw_paragraph(canvas, cache_, date_text_, clock_x - 28 * u - first_line_width(date_text_),
                       middle - date_text_.height / 2, kMetaGray);
    }
    canvas.fill(Rect{g.header.x, g.header.bottom() - px(4 * u), g.header.width, px(4 * u)},
                kPartyRed);
}

void HomeScreenPainter::draw_banner(Canvas& canvas, const HomeScreenLayout& layout,
                                    const FrameState& state) {
    const HomeScreenGeometry& g = layout.geometry;
    if (state.banner < 0) {
        return;
    }
    const float u = g.unit;
    const BannerSlide& current = layout.banners[state.banner];
    const BannerSlide* captioned = &current;
    int shown = state.banner;
    if (state.next_banner < 0) {
        canvas.draw_image(current.image, g.banner.x, g.banner.y);
    } else {
        const BannerSlide& next = layout.banners[state.next_banner];
        if (current.image.opaque && next.image.opaque) {
            canvas.draw_crossfade(current.image, next.image, g.banner.x, g.banner.y,
                                  state.banner_alpha);
        } else {
            canvas.draw_image(current.image, g.banner.x, g.banner.y);
            canvas.draw_image(next.image, g.banner.x, g.banner.y, state.banner_alpha);
        }
        if (state.banner_alpha >= 128) {
            captioned = &next;
            shown = state.next_banner;
        }
    }
    const int strip = px(60 * u);
    if (!captioned->caption.lines.empty()) {
        canvas.fill(Rect{g.banner.x, g.banner.bottom() - strip, g.banner.width, strip},
                    kCaptionShade);
        draw_paragraph(canvas, cache_, captioned->caption,
                       static_cast<float>(g.banner.x) + g.margin / 2,
                       static_cast<float>(g.banner.bottom() - strip) +
                           (static_cast<float>(strip) - captioned->caption.height) / 2,
                       kWhite);
    }
    // One dot per banner, the one shown in red, at the strip's right end.
    const int dot = px(14 * u), spacing = px(26 * u);
    const int count = static_cast<int>(layout.banners.size());
    int x = g.banner.right() - px(g.margin / 2) - count * spacing;
    const int y = g.banner.bottom() - strip / 2 - dot / 2;
    for (int i = 0; i < count; ++i, x += spacing) {
        canvas.fill(Rect{x, y, dot, dot}, i == shown ? kPartyRed : kDotIdle);
    }
}

void HomeScreenPainter::draw_excerpt(Canvas& canvas, const HomeScreenLayout& layout,
                                     const FrameState& state) {
    const Rect& zone = layout.geometry.excerpt;
    if (layout.pages.empty()) {
        return;
    }
    const auto draw_page = [&](const ExcerptPage& page, int dx) {
        for (const TextBlock& block : page.blocks) {
            draw_paragraph(canvas, cache_, block.text, static_cast<float>(zone.x + dx) + block.x,
                           static_cast<float>(zone.y) + block.y, block.color);
        }
    };
    draw_page(layout.pages[state.page], -state.page_offset);
    if (state.next_page >= 0) {
        draw_page(layout.pages[state.next_page], zone.width - state.page_offset);
    }
}

void HomeScreenPainter::draw_ticker(Canvas& canvas, const HomeScreenLayout& layout,
                                    const FrameState& state) {
    const HomeScreenGeometry& g = layout.geometry;
    const Rect& zone = g.ticker;
    if (ticker_period(layout) <= 0) {
        canvas.fill(zone, kTickerBackground);
        return;
    }
    const LaidOutParagraph& text = ticker_text(layout);
    const float label_width = first_line_width(layout.ticker_label) + 2 * g.margin / 2;
    const float text_top =
        static_cast<float>(zone.y) + (static_cast<float>(zone.height) - text.height) / 2;
    // The text moves left and disappears behind the label; copies follow one period apart, so
    // the line never runs dry. The text is drawn once into a strip (on this thread, which owns
    // the glyph cache) and each frame copies rows of it: no glyph work per frame.
    const Rect scroll{zone.x + px(label_width), zone.y, zone.width - px(label_width), zone.height};
    canvas.set_clip(scroll.intersect(canvas_clip_));
    const int period = static_cast<int>(ticker_period(layout));
    if (ticker_strip_for_ != layout.serial || ticker_strip_line_ != state.ticker_line) {
        ticker_strip_for_ = layout.serial;
        ticker_strip_line_ = state.ticker_line;
        ticker_strip_ = Image{};
        if (period <= kMaxTickerStrip) {
            ticker_strip_ =
                Image{period, zone.height,
                      std::vector<std::uint32_t>(
                          static_cast<std::size_t>(period) * static_cast<std::size_t>(zone.height),
                          kTickerBackground)};
            Canvas strip(ticker_strip_);
            draw_paragraph(strip, cache_, text, 0, text_top - static_cast<float>(zone.y), kWhite);
            mark_opacity(ticker_strip_);
        }
    }
    if (ticker_strip_.width == 0) {
        canvas.fill(zone, kTickerBackground);
    }
    // The first copy reaches past the right edge (offset < period) and each further one
    // starts where the last began, so the copies cover the scrolling area without a gap.
    for (int x = zone.right() - state.ticker_offset; x + period > scroll.x; x -= period) {
        if (ticker_strip_.width > 0) {
            canvas.draw_image(ticker_strip_, x, zone.y);
        } else {
            draw_paragraph(canvas, cache_, text, static_cast<float>(x), text_top, kWhite);
        }
    }
    canvas.set_clip(canvas_clip_);
    canvas.fill(Rect{zone.x, zone.y, px(label_width), zone.height}, kTickerLabelBackground);
    draw_paragraph(canvas, cache_, layout.ticker_label, static_cast<float>(zone.x) + g.margin / 2,
                   static_cast<float>(zone.y) +
                       (static_cast<float>(zone.height) - layout.ticker_label.height) / 2,
                   kTickerBackground);
}

void HomeScreenPainter::draw_footer(Canvas& canvas, const HomeScreenLayout& layout) {
    const HomeScreenGeometry& g = layout.geometry;
    canvas.fill(g.footer, kFooterBackground);
    float total = 0;
    for (const auto& line : layout.footer_lines) {
        total += line.height;
    }
    float y = static_cast<float>(g.footer.y) + (static_cast<float>(g.footer.height) - total) / 2;
    for (const auto& line : layout.footer_lines) {
        draw_paragraph(canvas, cache_, line, g.margin, y, kFooterInk);
        y += line.height;
    }
}

void HomeScreenPainter::draw_header_zone(Canvas& canvas, const HomeScreenLayout& layout,
                                         WallTime now, const Rect& area) {
    const Rect visible = layout.geometry.header.intersect(area);
    if (visible.empty()) {
        return;
    }
    canvas_clip_ = visible;
    canvas.set_clip(visible);
    draw_header(canvas, layout, now);
    canvas.set_clip(area);
}

void HomeScreenPainter::draw(Canvas& canvas, const HomeScreenLayout& layout,
                             const FrameState& state, WallTime now, const Rect& area) {
    const HomeScreenGeometry& g = layout.geometry;
    canvas_clip_ = area;
    canvas.set_clip(area);
    // Paper shows only outside the zones that paint every pixel of themselves; a frame that
    // repaints just the ticker or the banner does not fill it first.
    const auto inside = [&](const Rect& zone) { return area.intersect(zone) == area; };
    const bool banner_covers =
        state.banner >= 0 && layout.banners[state.banner].image.opaque &&
        (state.next_banner < 0 || layout.banners[state.next_banner].image.opaque);
    if (!inside(g.header) && !inside(g.ticker) && !inside(g.footer) &&
        !(banner_covers && inside(g.banner))) {
        canvas.fill(area, kPaper);
    }
    // Each zone is drawn only where it meets the area, clipped to both.
    const auto in_zone = [&](const Rect& zone, auto&& paint) {
        const Rect visible = zone.intersect(area);
        if (visible.empty()) {
            return;
        }
        canvas_clip_ = visible;
        canvas.set_clip(visible);
        paint();
        canvas_clip_ = area;
        canvas.set_clip(area);
    };
    in_zone(g.header, [&] { draw_header(canvas, layout, now); });
    in_zone(g.banner, [&] { draw_banner(canvas, layout, state); });
    in_zone(g.side, [&] {
        int place = 0;
        for (const int shown : {state.side_first, state.side_second}) {
            if (shown >= 0) {
                canvas.draw_image(layout.side_banners[static_cast<std::size_t>(shown)].image,
                                  layout.side_first_x + place * layout.side_step_x,
                                  layout.side_first_y + place * layout.side_step_y);
                ++place;
            }
        }
    });
    in_zone(g.excerpt, [&] { draw_excerpt(canvas, layout, state); });
    in_zone(g.ticker, [&] { draw_ticker(canvas, layout, state); });
    in_zone(g.footer, [&] { draw_footer(canvas, layout); });
    canvas.reset_clip();
}

}  // namespace placard
