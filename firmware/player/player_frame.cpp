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
                         double idle_timeout_s, ReadingScreenCache* screens)
    : fonts_(fonts),
      screens_(screens),
      snapshot_(std::move(snapshot)),
      painter_(glyphs_),
      touch_(fonts, idle_timeout_s, screens) {
    if (screens_) {
        glyphs_.take_from(&screens_->prerasterized());
        screens_->prepare(snapshot_);
    }
    touch_.set_content(snapshot_, 0);
    shown_generation_ = touch_.view_generation();
    shown_screen_ = touch_.screen_key();
}

void PlayerFrame::offer_content(std::shared_ptr<const Snapshot> snapshot) {
    pending_ = std::move(snapshot);
}

void PlayerFrame::offer_notice(std::string text, double seconds) {
    notice_text_ = std::move(text);
    notice_seconds_ = seconds;
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
        notice_until_ = t + notice_seconds_;
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
    previous_screen_.opaque = true;  // A whole screen: every pixel painted.
    // The picture of the screen faded to, painted off screen during the fade (kept between
    // fades: a screen change allocates nothing once it has run).
    next_screen_.width = canvas.width();
    next_screen_.height = canvas.height();
    next_screen_.pixels.resize(previous_screen_.pixels.size());
    next_screen_.opaque = true;
    fade_start_ = t;
    fade_frames_ = 0;
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
    if (pending_ && !painter_.in_transition(state) && !touch_.animating() && fade_start_ < 0) {
        snapshot_ = std::move(pending_);
        pending_.reset();
        if (screens_) {
            screens_->prepare(snapshot_);
        }
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
    gather_damage(canvas, state, view_changed, fading);
    if (fading) {
        paint_fade_frame(canvas, state, now, (t - fade_start_) / kScreenFadeSeconds);
    } else {
        draw(canvas, state, now);
    }
    shown_ = state;
    shown_generation_ = touch_.view_generation();
    touch_.acknowledge_view();
    drawn_scroll_ = touch_.scroll_px();
    drawn_screen_ = touch_.screen_key();
    redraw_all_ = false;
    notice_changed_ = false;
    next_change_ = touch_.on_home()     ? painter_.next_change_after(*snapshot_->home, t, now)
                   : touch_.animating() ? t + kFrameSeconds
                                        : t + 0.25;
    // A notice that ends, or a fade that runs, is a change too.
    if (notice_until_ >= 0) {
        next_change_ = std::min(next_change_, notice_until_);
    }
    if (fade_start_ >= 0) {
        next_change_ = std::min(next_change_, t + kFrameSeconds);
    }
    // What the display must show again: what was painted, and the text moved by a scroll
    // (moved in the canvas, it is not yet on the panel).
    if (!fading) {
        presented_ = damage_;
        if (!moved_area_.empty()) {
            presented_.add(moved_area_);
            moved_area_ = Rect{};
        }
    }
    outcome.damage = presented_.rects();
    outcome.damaged_pixels = presented_.area();
    outcome.painted_pixels = fading ? presented_.area() : damage_.area();
    outcome.next_change = next_change_;
    return outcome;
}

// What changed since the last frame, into damage_: everything after a swap or an expose, or
// on the first frame of a screen change; else the pressed target, the rows a scroll brings in
// (the rest of the text moved, unless a fade is painting off screen), the notice band, the
// home screen's changed zones, the header when the minute turns.
void PlayerFrame::gather_damage(Canvas& canvas, const FrameState& state, bool view_changed,
                                bool fading) {
    damage_.clear();
    const HomeScreenLayout& home = *snapshot_->home;
    if (redraw_all_ || (fading && fade_frames_ == 0)) {
        damage_.add(Rect{0, 0, canvas.width(), canvas.height()});
        return;
    }
    if (view_changed && (fading || !move_scrolled_pixels(canvas))) {
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

// A frame of the crossfade between two screens: the new screen is kept up to date off screen
// (only its damage is painted there), and the frame mixes the old screen's last picture with
// it in one pass, instead of repainting the new screen and blending the old over it. The first
// frame (weight 0) shows the old screen, which the canvas already holds.
void PlayerFrame::paint_fade_frame(Canvas& canvas, const FrameState& state, WallTime now,
                                   double progress) {
    Canvas next(next_screen_);
    draw(next, state, now);
    ++fade_frames_;
    presented_.clear();
    const int weight = static_cast<int>(std::lround(255 * std::clamp(progress, 0.0, 1.0)));
    // Weight 0 is the old screen, which the canvas holds, unless the display lost it.
    if (weight > 0 || redraw_all_) {
        canvas.draw_crossfade(previous_screen_, next_screen_, 0, 0, weight);
        presented_.add(Rect{0, 0, canvas.width(), canvas.height()});
    }
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
    moved_area_ = viewport;
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

// Repaints the damage into `canvas` (the screen, or the off-screen picture of the screen a
// fade goes to): the screen itself, and the notice on top.
void PlayerFrame::draw(Canvas& canvas, const FrameState& state, WallTime now) {
    const Rect notice_band = notice_area(snapshot_->home->geometry);
    for (const Rect& area : damage_.rects()) {
        touch_.draw(canvas, painter_, state, now, area);
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
