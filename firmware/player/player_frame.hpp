// One frame of the player (issue 13): what the screen shows at t, given the input that arrived,
// the content and notices offered, and the pixels already on the canvas. Both drivers run this
// same function — the live loop (SDL as a thin input and display adapter, a steady clock) and
// --screenshot (the headless display, a stepped virtual clock) — so a screenshot at t is what a
// screen shows at t, crossfades, notices and content swaps included.
//
// After Dear ImGui's split between a frame and its backends, and LVGL's invalidated areas: a
// frame repaints only what changed (its damage) and says when the picture next changes by
// itself, so an idle screen draws nothing and its driver can sleep.
#pragma once

#include <climits>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "player/reading_screen_cache.hpp"
#include "player/snapshot.hpp"
#include "player/touch_controller.hpp"
#include "render/damage_list.hpp"
#include "render/image_file.hpp"
#include "text/glyph_cache.hpp"

namespace placard {

struct FrameOutcome {
    // What this frame changed on the canvas, to present (empty when the picture did not
    // change): what it painted, and what it moved (a scroll moves the text already drawn).
    std::span<const Rect> damage;
    long long damaged_pixels = 0;
    // What it painted (the cost of the frame; a scroll paints only the rows that come in).
    long long painted_pixels = 0;
    // When the picture next changes by itself (seconds on the frame clock): the driver may sleep
    // until then, or until input or new content arrives.
    double next_change = 0;
    // The content version this frame started to show, when it swapped content; else -1.
    std::int64_t swapped_to_version = -1;
    // Whether this frame changed to another of the content's scheduled layouts.
    bool layout_changed = false;
};

class PlayerFrame {
  public:
    // How long a screen change (opening an article, going back) crossfades.
    static constexpr double kScreenFadeSeconds = 0.35;

    // `screens` (may be null) lays the reading screens of each snapshot shown out ahead.
    PlayerFrame(FontLibrary& fonts, std::shared_ptr<const Snapshot> snapshot, double idle_timeout_s,
                ReadingScreenCache* screens = nullptr);

    // New content, shown from the first frame that is not in a transition (never mid-crossfade
    // or mid-fling).
    void offer_content(std::shared_ptr<const Snapshot> snapshot);
    // A one-line notice, shown from the next frame for `seconds` (notice_seconds in the
    // configuration).
    void offer_notice(std::string text, double seconds);
    // Urgent notices delivered on their own (the notice register), laid out; shown with the
    // feed's own notices, the newest of each id winning (core/notice.hpp).
    void offer_notices(std::shared_ptr<const NoticeBoard> notices);
    // The screen's own limit on how long any notice shows (notice_max_minutes).
    void set_notice_limit(double seconds) { notice_limit_s_ = seconds; }
    // The screen's group (core/audience.hpp): notices for other groups are not shown. Without
    // one, every notice is.
    void set_screen_group(std::optional<std::string> group) {
        screen_group_ = std::move(group);
        notices_merged_ = false;
    }
    // What the urgent notices put on screen as of the last frame.
    const NoticeView& notice_view() const { return notice_view_; }
    // Whether the panel should be on, and why, as of the last frame (screen_hours).
    const ScreenPowerDecision& screen_power() const { return power_; }
    // 开屏 / 关屏 from the studio, asked at `at` (unix seconds): in force from the next frame
    // until the screen hours would next change the panel (core/screen_hours.hpp).
    void turn_display(bool on, std::int64_t at) { turn_display_ = std::pair(on, at); }
    // The display lost its pixels (a window exposed): the next frame repaints everything.
    void invalidate_all() { redraw_all_ = true; }

    // Runs one frame at t (seconds on the frame clock; `now` is the wall time for the header):
    // applies `input` (events at or before t, in canvas coordinates), advances navigation,
    // swaps content at a safe point, and repaints the damage into `canvas`.
    FrameOutcome frame(double t, WallTime now, std::span<const PointerEvent> input, Canvas& canvas);

    const Snapshot& snapshot() const { return *snapshot_; }
    // The home screen's state as last drawn (which banner and excerpt are on screen).
    const FrameState& shown_state() const { return shown_; }
    const TouchController& touch() const { return touch_; }
    // Opens an article's reading screen as a tap on it would (for previews).
    void open_article(const std::string& id, double t) { touch_.open_article(id, t); }
    const GlyphCacheStats& glyph_cache_stats() const { return glyphs_.stats(); }

  private:
    void swap_content(double t, WallTime now, FrameState& state, FrameOutcome& outcome);
    void lay_out_notice(double t);
    bool update_notice_view(WallTime now);
    FrameOutcome frame_under_full_screen_notice(double t, WallTime now, Canvas& canvas);
    FrameOutcome frame_while_off(double t, WallTime now, Canvas& canvas);
    void draw_notice_band(Canvas& canvas, const Rect& area);
    void draw_import_notice(Canvas& canvas, const Rect& area);
    void remember_screen(Canvas& canvas, double t);
    void gather_damage(Canvas& canvas, const FrameState& state, bool view_changed, bool fading);
    bool move_scrolled_pixels(Canvas& canvas);
    void paint_fade_frame(Canvas& canvas, const FrameState& state, WallTime now, double progress);
    void draw(Canvas& canvas, const FrameState& state, WallTime now);

    FontLibrary& fonts_;
    ReadingScreenCache* screens_;
    std::shared_ptr<const Snapshot> snapshot_;
    std::shared_ptr<const Snapshot> pending_;
    // The content as offered; snapshot_ is it or one of its scheduled layouts (Snapshot::layouts),
    // looked at again each wall-clock minute. A pending layout change is the same content.
    std::shared_ptr<const Snapshot> base_;
    long long layout_minute_ = LLONG_MIN;
    bool pending_is_layout_ = false;
    GlyphCache glyphs_;
    HomeScreenPainter painter_;
    TouchController touch_;
    DamageList damage_;
    FrameState shown_;
    unsigned long shown_generation_ = 0;
    std::string shown_screen_;
    std::string drawn_screen_;  // The screen and scroll offset the canvas holds.
    int drawn_scroll_ = 0;
    bool redraw_all_ = true;
    double next_change_ = 0;  // Draw at once.
    // The crossfade between screens: a copy of the old screen's last frame, faded out.
    Image previous_screen_, next_screen_;
    double fade_start_ = -1;
    int fade_frames_ = 0;   // Frames of the running fade drawn so far.
    DamageList presented_;  // What the frame asks the display to show.
    Rect moved_area_;       // The viewport, when a scroll moved its pixels this frame.
    // The notice: text waiting for the next frame, then laid out and shown until notice_until_.
    std::string notice_text_;
    LaidOutParagraph notice_;
    double notice_seconds_ = 0;
    double notice_until_ = -1;
    bool notice_changed_ = false;
    // Urgent notices: the feed's and the delivered ones merged (rebuilt when either changes),
    // and the view on screen.
    std::shared_ptr<const NoticeBoard> delivered_notices_;
    const NoticeBoard* merged_feed_board_ = nullptr;
    const NoticeBoard* merged_delivered_board_ = nullptr;
    bool notices_merged_ = false;
    std::optional<std::string> screen_group_;
    std::vector<Notice> merged_notices_;
    std::vector<const LaidOutNotice*> merged_laid_out_;
    NoticeView notice_view_;
    const LaidOutNotice* shown_notice_ = nullptr;
    bool notice_band_changed_ = false;  // The band appeared, changed or went: repaint its area.
    double notice_limit_s_ = 2 * 3600;
    // Screen hours: the decision of the last frame, the last touch (which wakes the screen), and
    // whether the canvas holds the black picture of a screen turned off.
    ScreenPowerDecision power_;
    std::int64_t power_second_ = INT64_MIN;  // The second power_ was decided for.
    std::optional<std::pair<bool, std::int64_t>> turn_display_;  // Asked, not yet in force.
    PowerOverride manual_power_;
    bool power_for_full_screen_ = false;
    std::int64_t notice_view_second_ = INT64_MIN;  // The second notice_view_ was chosen for.
    std::optional<WallTime> last_touch_;
    bool screen_dark_ = false;
    // A gesture begun on a dark screen or a notice is swallowed until lifted; one under way when
    // the screen went away was forgotten (TouchController::abandon_gesture).
    bool swallowing_gesture_ = false;
    bool gesture_abandoned_ = false;
};

}  // namespace placard
