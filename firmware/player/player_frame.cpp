#include "player/player_frame.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "render/reading_screens.hpp"
#include "render/text_painter.hpp"
#include "text/paragraph_layout.hpp"

namespace placard {
namespace {

// The notice band over the foot of the screen (96 layout units high).
Rect notice_area(const HomeScreenGeometry& geometry) {
    const int height = static_cast<int>(96 * geometry.unit);
    return Rect{0, geometry.height - height, geometry.width, height};
}

}  // namespace

PlayerFrame::PlayerFrame(FontLibrary& fonts, std::shared_ptr<const Snapshot> snapshot,
                         double idle_timeout_s)
    : fonts_(fonts),
      snapshot_(std::move(snapshot)),
      painter_(glyphs_),
      touch_(fonts, idle_timeout_s) {
    touch_.set_content(snapshot_, 0);
    shown_generation_ = touch_.view_generation();
    shown_screen_ = touch_.screen_key();
}

void PlayerFrame::offer_content(std::shared_ptr<const Snapshot> snapshot) {
    pending_ = std::move(snapshot);
}

void PlayerFrame::offer_notice(std::string text) {
    notice_text_ = std::move(text);
}

void PlayerFrame::lay_out_notice(double t) {
    const HomeScreenGeometry& geometry = snapshot_->home->geometry;
    auto chain = fonts_.chain(FontRole::Bold, std::max(12, static_cast<int>(30 * geometry.unit)));
    if (chain) {
        ParagraphStyle style;
        style.fonts = *chain;
        style.measure = static_cast<float>(geometry.width);
        style.align = Align::Center;
        style.max_lines = 1;
        notice_ = layout_paragraph(notice_text_, style);
        notice_until_ = t + kNoticeSeconds;
        notice_changed_ = true;
    }
    notice_text_.clear();
}

// Keeps the last frame of the screen being left, to fade it out over the new one.
void PlayerFrame::remember_screen(Canvas& canvas, double t) {
    previous_screen_.width = canvas.width();
    previous_screen_.height = canvas.height();
    previous_screen_.pixels.resize(static_cast<std::size_t>(canvas.width()) * canvas.height());
    for (int row = 0; row < canvas.height(); ++row) {
        std::memcpy(previous_screen_.pixels.data() + static_cast<std::size_t>(row) * canvas.width(),
                    canvas.pixels() + static_cast<std::ptrdiff_t>(row) * canvas.stride(),
                    static_cast<std::size_t>(canvas.width()) * 4);
    }
    previous_screen_.opaque = false;  // Drawn with an opacity.
    fade_start_ = t;
}

FrameOutcome PlayerFrame::frame(double t, WallTime now, std::span<const PointerEvent> input,
                                Canvas& canvas) {
    FrameOutcome outcome;
    // Input is hit-tested against the picture as it was when the input arrived: this frame's
    // state before the input moves anything.
    if (!input.empty()) {
        const FrameState before_input =
            painter_.state_at(*snapshot_->home, t, now, touch_.navigation().banner_shift);
        for (const PointerEvent& event : input) {
            touch_.pointer(event, before_input);
        }
    }
    touch_.tick(t);
    FrameState state =
        painter_.state_at(*snapshot_->home, t, now, touch_.navigation().banner_shift);
    // Content is swapped at a safe point: between frames, never mid-transition.
    if (pending_ && !painter_.in_transition(state) && !touch_.animating()) {
        snapshot_ = std::move(pending_);
        pending_.reset();
        touch_.set_content(snapshot_, t);
        state = painter_.state_at(*snapshot_->home, t, now, touch_.navigation().banner_shift);
        redraw_all_ = true;
        outcome.swapped_to_version = snapshot_->feed.version;
    }
    if (!notice_text_.empty()) {
        lay_out_notice(t);
    }
    if (notice_until_ >= 0 && t >= notice_until_) {
        notice_until_ = -1;
        notice_changed_ = true;
    }
    if (touch_.screen_key() != shown_screen_) {
        shown_screen_ = touch_.screen_key();
        remember_screen(canvas, t);
    }
    const bool fading = fade_start_ >= 0 && t - fade_start_ < kScreenFadeSeconds;
    if (fade_start_ >= 0 && !fading) {
        fade_start_ = -1;
        redraw_all_ = true;  // The last fade frame: the new screen alone.
    }
    const bool view_changed = touch_.view_generation() != shown_generation_;
    // Due within a microsecond counts as due: the clocks add frame periods in floating point.
    constexpr double kDueSlack = 1e-6;
    if (!redraw_all_ && !fading && !view_changed && !notice_changed_ &&
        t + kDueSlack < next_change_) {
        outcome.next_change = next_change_;
        return outcome;
    }
    damage_.clear();
    const HomeScreenLayout& home = *snapshot_->home;
    if (redraw_all_ || fading) {
        damage_.add(Rect{0, 0, canvas.width(), canvas.height()});
    } else {
        if (view_changed && !move_scrolled_pixels(canvas)) {
            damage_.add(touch_.changed_area());
        }
        if (notice_changed_) {
            damage_.add(notice_area(home.geometry));
        }
        if (touch_.on_home()) {
            painter_.damage_between(home, shown_, state, damage_);
        } else if (shown_.minute != state.minute) {
            damage_.add(home.geometry.header);
        }
    }
    draw(canvas, state, now, fading ? (t - fade_start_) / kScreenFadeSeconds : -1);
    shown_ = state;
    shown_generation_ = touch_.view_generation();
    touch_.acknowledge_view();
    drawn_scroll_ = touch_.scroll_px();
    drawn_screen_ = touch_.screen_key();
    redraw_all_ = false;
    notice_changed_ = false;
    next_change_ = touch_.on_home()     ? painter_.next_change_after(home, t, now)
                   : touch_.animating() ? t + kFrameSeconds
                                        : t + 0.25;
    // A notice that ends, or a fade that runs, is a change too.
    if (notice_until_ >= 0) {
        next_change_ = std::min(next_change_, notice_until_);
    }
    if (fade_start_ >= 0) {
        next_change_ = std::min(next_change_, t + kFrameSeconds);
    }
    outcome.damage = damage_.rects();
    outcome.damaged_pixels = damage_.area();
    outcome.next_change = next_change_;
    return outcome;
}

// A scroll of the reading screen, and nothing else, since the last frame: the pixels already
// drawn move by the scrolled distance and only the rows that come into view (and the scroll
// bar, fixed over the moving text) are added to the damage. Returns false when the change is
// not a plain scroll, or the notice lies over the text: then the changed area is repainted.
bool PlayerFrame::move_scrolled_pixels(Canvas& canvas) {
    const ReadingScreenLayout* reading = touch_.reading();
    if (!reading || !touch_.only_scrolled() || touch_.screen_key() != drawn_screen_) {
        return false;
    }
    const Rect& viewport = reading->viewport;
    const HomeScreenGeometry& geometry = snapshot_->home->geometry;
    if (notice_until_ >= 0 && !notice_area(geometry).intersect(viewport).empty()) {
        return false;
    }
    const int moved = touch_.scroll_px() - drawn_scroll_;
    if (moved == 0 || std::abs(moved) >= viewport.height) {
        damage_.add(viewport);
        return true;
    }
    canvas.move_rows(viewport, -moved);
    // The strip beside the scroll bar's column, left and right of it, and the column whole
    // (the damage list would merge overlapping rectangles into the whole viewport).
    const Rect bar = scroll_bar_area(*reading, geometry);
    const int strip_y = moved > 0 ? viewport.bottom() - moved : viewport.y;
    const int strip_height = std::abs(moved);
    damage_.add(Rect{viewport.x, strip_y, bar.x - viewport.x, strip_height});
    damage_.add(Rect{bar.right(), strip_y, viewport.right() - bar.right(), strip_height});
    damage_.add(bar);
    return true;
}

// Repaints the damage: the screen, the old screen fading out over it (fade_progress in [0, 1),
// or -1 when no fade runs), and the notice on top.
void PlayerFrame::draw(Canvas& canvas, const FrameState& state, WallTime now,
                       double fade_progress) {
    const Rect notice_band = notice_area(snapshot_->home->geometry);
    for (const Rect& area : damage_.rects()) {
        touch_.draw(canvas, painter_, state, now, area);
        if (fade_progress >= 0) {
            canvas.set_clip(area);
            canvas.draw_image(previous_screen_, 0, 0,
                              static_cast<int>(std::lround(255 * (1 - fade_progress))));
            canvas.reset_clip();
        }
        if (notice_until_ >= 0 && !notice_band.intersect(area).empty()) {
            canvas.set_clip(area);
            canvas.fill(notice_band, 0xE0202020);
            draw_paragraph(canvas, glyphs_, notice_, 0,
                           static_cast<float>(notice_band.y) +
                               (static_cast<float>(notice_band.height) - notice_.height) / 2,
                           0xFFFFFFFF);
            canvas.reset_clip();
        }
    }
}

}  // namespace placard
