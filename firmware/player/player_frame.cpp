#include "player/player_frame.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/audience.hpp"
#include "render/notice_painter.hpp"
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
      snapshot_(snapshot),
      base_(std::move(snapshot)),
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
    pending_is_layout_ = false;
}

void PlayerFrame::offer_notice(std::string text, double seconds) {
    notice_text_ = std::move(text);
    notice_seconds_ = seconds;
}

void PlayerFrame::offer_notices(std::shared_ptr<const NoticeBoard> notices) {
    delivered_notices_ = std::move(notices);
}

// Brings the urgent notice view up to `now`: merges the feed's notices with the delivered ones
// when either changed (the newest of each id wins, core/notice.hpp), and picks what shows.
// Returns whether the picture must change.
bool PlayerFrame::update_notice_view(WallTime now) {
    const NoticeBoard* feed_board = snapshot_->notices.get();
    const NoticeBoard* delivered_board = delivered_notices_.get();
    bool remerged = false;
    if (!notices_merged_ || feed_board != merged_feed_board_ ||
        delivered_board != merged_delivered_board_) {
        notices_merged_ = true;
        merged_feed_board_ = feed_board;
        merged_delivered_board_ = delivered_board;
        std::vector<const LaidOutNotice*> all;
        std::vector<Notice> notices;
        for (const NoticeBoard* board : {feed_board, delivered_board}) {
            if (board == nullptr) {
                continue;
            }
            for (const LaidOutNotice& laid : board->notices) {
                all.push_back(&laid);
                notices.push_back(laid.notice);
            }
        }
        merged_notices_ = newest_of_each_id(notices);
        // The newest version of a notice decides whether this screen shows it (core/audience).
        if (screen_group_) {
            std::erase_if(merged_notices_, [this](const Notice& notice) {
                return !aimed_at(notice.groups, *screen_group_);
            });
        }
        merged_laid_out_.clear();
        for (const Notice& newest : merged_notices_) {
            // The laid-out form of the one newest_of_each_id kept: the last of its id and issue
            // time (a tie goes to the later in the list, as there).
            const LaidOutNotice* found = nullptr;
            for (const LaidOutNotice* laid : all) {
                if (laid->notice.id == newest.id &&
                    laid->notice.issued.unix_seconds == newest.issued.unix_seconds) {
                    found = laid;
                }
            }
            merged_laid_out_.push_back(found);
        }
        remerged = true;
    }
    // The view is a function of the notices and the wall-clock second: once a second is enough
    // (and keeps its sorting and allocation out of the other 59 frames).
    if (!remerged && now.unix_seconds == notice_view_second_) {
        return false;
    }
    notice_view_second_ = now.unix_seconds;
    const NoticeView view = notice_view_at(merged_notices_, now, notice_limit_s_);
    const LaidOutNotice* laid =
        view.notice
            ? merged_laid_out_[static_cast<std::size_t>(view.notice - merged_notices_.data())]
            : nullptr;
    // A new board is new laid-out notices: a change even when the view's kind stays.
    const bool changed = remerged || view.kind != notice_view_.kind || laid != shown_notice_ ||
                         view.position != notice_view_.position || view.count != notice_view_.count;
    const NoticeView::Kind before = notice_view_.kind;
    notice_view_ = view;
    shown_notice_ = laid;
    if (!changed) {
        return false;
    }
    if (before == NoticeView::Kind::FullScreen || view.kind == NoticeView::Kind::FullScreen) {
        redraw_all_ = true;
    } else {
        notice_band_changed_ = true;
    }
    return true;
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

// Takes offered content, or the content's scheduled layout for this minute, at a safe point:
// between frames, never mid-transition.
void PlayerFrame::swap_content(double t, WallTime now, FrameState& state, FrameOutcome& outcome) {
    // The scheduled layout, looked at once a wall-clock minute (schedules open on whole
    // minutes): a change is swapped in like new content.
    if (const long long minute = (now.unix_seconds + now.utc_offset_minutes * 60LL) / 60;
        minute != layout_minute_ && !base_->layouts.empty() && !pending_) {
        layout_minute_ = minute;
        if (auto chosen = layout_at(base_, now); chosen != snapshot_) {
            pending_ = std::move(chosen);
            pending_is_layout_ = true;
        }
    }
    // Content is swapped at a safe point: between frames, never mid-transition.
    if (pending_ && !painter_.in_transition(state) && !touch_.animating() && fade_start_ < 0) {
        if (!pending_is_layout_) {
            base_ = pending_;
            pending_ = layout_at(base_, now);
            layout_minute_ = (now.unix_seconds + now.utc_offset_minutes * 60LL) / 60;
        }
        const bool new_content = !pending_is_layout_;
        pending_is_layout_ = false;
        snapshot_ = std::move(pending_);
        pending_.reset();
        if (screens_) {
            screens_->prepare(snapshot_);
        }
        touch_.set_content(snapshot_, t);
        state = painter_.state_at(*snapshot_->home, t, now, touch_.navigation().banner_shift);
        redraw_all_ = true;
        if (new_content) {
            outcome.swapped_to_version = snapshot_->feed.version;
        } else {
            outcome.layout_changed = true;
        }
    }
}

FrameOutcome PlayerFrame::frame(double t, WallTime now, std::span<const PointerEvent> input,
                                Canvas& canvas) {
    FrameOutcome outcome;
    // Input is hit-tested against the picture as it was when the input arrived: this frame's
    // state before the input moves anything. Under an urgent notice on the whole screen there
    // is nothing to touch: the notice cannot be dismissed from the lobby.
    // A touch while the screen is off for the night only wakes it (screen_hours): the visitor
    // sees the screen before anything on it reacts.
    // The whole gesture that lands on a dark screen or an urgent notice is swallowed, up to the
    // finger's lift: its end must not act on the screen that appears under it.
    const bool touchable = power_.on && notice_view_.kind != NoticeView::Kind::FullScreen;
    if (!input.empty()) {
        last_touch_ = now;
        swallowing_gesture_ = swallowing_gesture_ || !touchable;
    }
    if (!input.empty() && touchable) {
        const FrameState before_input =
            painter_.state_at(*snapshot_->home, t, now, touch_.navigation().banner_shift);
        for (const PointerEvent& event : input) {
            if (swallowing_gesture_) {
                swallowing_gesture_ = event.kind != PointerEvent::Kind::Up;
                continue;
            }
            touch_.pointer(event, before_input);
        }
    } else if (!touchable) {
        for (const PointerEvent& event : input) {
            swallowing_gesture_ = event.kind != PointerEvent::Kind::Up;
        }
    }
    // The screen went away under a gesture (an urgent notice, the night): the gesture is
    // forgotten, so that no drag is left holding the view (and content swaps) until an idle
    // timeout.
    if (!touchable && !gesture_abandoned_) {
        touch_.abandon_gesture(t);
    }
    gesture_abandoned_ = !touchable;
    touch_.tick(t);
    FrameState state =
        painter_.state_at(*snapshot_->home, t, now, touch_.navigation().banner_shift);
    swap_content(t, now, state, outcome);
    if (!notice_text_.empty()) {
        lay_out_notice(t);
    }
    if (notice_until_ >= 0 && t >= notice_until_) {
        notice_until_ = -1;
        notice_changed_ = true;
    }
    update_notice_view(now);
    // Screen hours change on the wall-clock second, a touch or the notice: not every frame.
    const bool full_screen_notice = notice_view_.kind == NoticeView::Kind::FullScreen;
    if (turn_display_) {
        const auto [on, at] = *std::exchange(turn_display_, std::nullopt);
        manual_power_ = {
            on, at,
            override_until(snapshot_->feed.screen_hours, WallTime{at, now.utc_offset_minutes})};
        power_second_ = INT64_MIN;
    }
    if (now.unix_seconds != power_second_ || !input.empty() ||
        full_screen_notice != power_for_full_screen_ || outcome.swapped_to_version >= 0 ||
        outcome.layout_changed) {
        power_second_ = now.unix_seconds;
        power_for_full_screen_ = full_screen_notice;
        power_ = screen_power_at(snapshot_->feed.screen_hours, now, last_touch_, full_screen_notice,
                                 manual_power_);
    }
    // A version taken while the screen is off or under an urgent notice is taken all the same:
    // the frames that paint those say so (the status and the studio would else go on naming the
    // version before it until the screen next showed its own content).
    const auto with_swap = [&outcome](FrameOutcome painted) {
        painted.swapped_to_version = outcome.swapped_to_version;
        painted.layout_changed = outcome.layout_changed;
        return painted;
    };
    if (!power_.on) {
        return with_swap(frame_while_off(t, now, canvas));
    }
    if (screen_dark_) {
        screen_dark_ = false;
        redraw_all_ = true;
        fade_start_ = -1;
        shown_screen_ = touch_.screen_key();
    }
    if (notice_view_.kind == NoticeView::Kind::FullScreen) {
        return with_swap(frame_under_full_screen_notice(t, now, canvas));
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
    if (!redraw_all_ && !fading && !view_changed && !notice_changed_ && !notice_band_changed_ &&
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
    notice_band_changed_ = false;
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
    if (notice_view_.next_change != INT64_MAX) {
        next_change_ = std::min(
            next_change_, t + static_cast<double>(notice_view_.next_change - now.unix_seconds));
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
    if (notice_band_changed_) {
        damage_.add(notice_band_area(home.geometry));
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
    if (shown_notice_ && !notice_band_area(geometry).intersect(viewport).empty()) {
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
    for (const Rect& area : damage_.rects()) {
        touch_.draw(canvas, painter_, state, now, area);
        draw_notice_band(canvas, area);
        draw_import_notice(canvas, area);
    }
}

// The import notice (新内容已导入 …) over `area`, while it shows.
void PlayerFrame::draw_import_notice(Canvas& canvas, const Rect& area) {
    const Rect band = notice_area(snapshot_->home->geometry);
    if (notice_until_ < 0 || band.intersect(area).empty()) {
        return;
    }
    canvas.set_clip(area);
    canvas.fill(band, 0xE0202020);
    draw_paragraph(
        canvas, glyphs_, notice_, 0,
        static_cast<float>(band.y) + (static_cast<float>(band.height) - notice_.height) / 2,
        0xFFFFFFFF);
    canvas.reset_clip();
}

// A frame outside screen hours: the panel is black (whatever else turns it off — CEC, DRM —
// a black picture is the last resort, and costs nothing once drawn), until the hours begin, a
// touch wakes it or an urgent notice arrives.
FrameOutcome PlayerFrame::frame_while_off(double t, WallTime now, Canvas& canvas) {
    FrameOutcome outcome;
    if (!screen_dark_ || redraw_all_) {
        screen_dark_ = true;
        redraw_all_ = false;
        fade_start_ = -1;
        damage_.clear();
        damage_.add(Rect{0, 0, canvas.width(), canvas.height()});
        canvas.fill(Rect{0, 0, canvas.width(), canvas.height()}, 0xFF000000);
        presented_ = damage_;
        outcome.damage = presented_.rects();
        outcome.damaged_pixels = presented_.area();
        outcome.painted_pixels = damage_.area();
    }
    notice_until_ = -1;  // An import notice is not shown on a dark screen.
    next_change_ = t + static_cast<double>(power_.next_change - now.unix_seconds);
    outcome.next_change = next_change_;
    return outcome;
}

// The urgent notice's band (or all-clear card) over `area`, when one shows.
void PlayerFrame::draw_notice_band(Canvas& canvas, const Rect& area) {
    const HomeScreenGeometry& geometry = snapshot_->home->geometry;
    if (shown_notice_ == nullptr || notice_band_area(geometry).intersect(area).empty()) {
        return;
    }
    canvas.set_clip(area);
    draw_notice(canvas, glyphs_, *shown_notice_, notice_view_, geometry);
    canvas.reset_clip();
}

// A frame while an urgent notice holds the whole screen: nothing under it is drawn (the home
// screen's clock and ticker run on unseen, and are repainted whole when the notice ends); only
// the notice, and an import notice over its foot.
FrameOutcome PlayerFrame::frame_under_full_screen_notice(double t, WallTime now, Canvas& canvas) {
    FrameOutcome outcome;
    fade_start_ = -1;  // A screen change under the notice shows when it ends, without a fade.
    if (notice_until_ >= 0 && t >= notice_until_) {
        notice_until_ = -1;
        notice_changed_ = true;
    }
    if (redraw_all_ || notice_changed_) {
        const HomeScreenGeometry& geometry = snapshot_->home->geometry;
        damage_.clear();
        damage_.add(redraw_all_ ? Rect{0, 0, canvas.width(), canvas.height()}
                                : notice_area(geometry));
        for (const Rect& area : damage_.rects()) {
            canvas.set_clip(area);
            draw_notice(canvas, glyphs_, *shown_notice_, notice_view_, geometry);
            canvas.reset_clip();
            draw_import_notice(canvas, area);
        }
        presented_ = damage_;
        outcome.damage = presented_.rects();
        outcome.damaged_pixels = presented_.area();
        outcome.painted_pixels = damage_.area();
        redraw_all_ = false;
        notice_changed_ = false;
    }
    // Whatever was under the notice is repainted whole when it ends.
    shown_screen_ = touch_.screen_key();
    next_change_ = notice_view_.next_change == INT64_MAX
                       ? t + 1
                       : t + static_cast<double>(notice_view_.next_change - now.unix_seconds);
    if (notice_until_ >= 0) {
        next_change_ = std::min(next_change_, notice_until_);
    }
    outcome.next_change = next_change_;
    return outcome;
}

}  // namespace placard
