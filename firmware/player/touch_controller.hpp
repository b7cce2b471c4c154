// Input → gestures → navigation → what to draw (ARCHITECTURE.md, "Data flow"): feeds pointer
// events (SDL touch and mouse alike, or an --input script) through the gesture recognizer,
// hit-tests taps against the targets of the screen shown, drives the navigator, and draws the
// screen it is on. The reading screens are laid out when opened.
#pragma once

#include <memory>
#include <vector>

#include "core/gesture_recognizer.hpp"
#include "core/input_script.hpp"
#include "core/navigator.hpp"
#include "player/reading_screen_cache.hpp"
#include "player/snapshot.hpp"
#include "render/reading_screens.hpp"

namespace placard {

class TouchController {
  public:
    // `cache` (may be null) lays reading screens out ahead; without one, or before it has got
    // to a screen, the screen is laid out when opened.
    TouchController(FontLibrary& fonts, double idle_timeout_s, ReadingScreenCache* cache = nullptr);

    // New content: the open article stays open if it still exists, else the screen goes home.
    void set_content(std::shared_ptr<const Snapshot> snapshot, double t);
    void pointer(const PointerEvent& event, const FrameState& home_state);
    // A gesture cut off by the screen going away (an urgent notice over it, the screen dark for
    // the night) is forgotten, as if never begun: no press left tinted, no drag holding the view.
    void abandon_gesture(double t);
    void tick(double t);
    // Opens an article as a tap on it would (Placard Studio's preview of a reading screen);
    // nothing when the content has no such article.
    void open_article(const std::string& id, double t);

    const NavigationState& navigation() const { return navigator_.state(); }
    bool on_home() const { return navigator_.state().screen == ScreenKind::Home; }
    // Which screen is shown ("" for home, "a:ID" for an article, "c:ID" for a channel).
    const std::string& screen_key() const { return reading_for_; }
    // Whether the picture keeps changing by itself (a fling, a bounce) and needs frames.
    bool animating() const { return navigator_.moving(); }
    // Changes whenever what the reading screen shows changes (screen, scroll, pressed target).
    unsigned long view_generation() const { return generation_; }
    // The area that changed since the view was last drawn (acknowledge_view): a pressed
    // target, the viewport for a scroll, the whole screen for a screen change.
    Rect changed_area() const { return changed_area_; }
    // Whether the only change since the view was last drawn is a scroll of the reading screen.
    bool only_scrolled() const { return only_scrolled_; }
    // The scroll offset the reading screen is drawn at, in whole pixels.
    int scroll_px() const;
    // The reading screen shown, or null on the home screen.
    const ReadingScreenLayout* reading() const { return on_home() ? nullptr : reading_.get(); }
    // The view was drawn: changes are gathered afresh from here.
    void acknowledge_view() {
        changed_area_ = Rect{};
        only_scrolled_ = false;
    }

    void draw(Canvas& canvas, HomeScreenPainter& painter, const FrameState& home_state,
              WallTime now, const Rect& area);

    // The pointer events an input script stands for (tap: down and up; swipe and drag: moves
    // at 60 Hz along the stroke).
    static std::vector<PointerEvent> pointer_events(const std::vector<InputEvent>& script);

  private:
    void apply(const Gesture& gesture, const FrameState& home_state, double t);
    const TouchTarget* hit(double x, double y, const FrameState& home_state) const;
    void follow_navigation(double t);
    void touch_view(const Rect& area, bool scroll = false);
    // Where a target is on screen: a target that scrolls with the text, the viewport.
    Rect screen_area(const TouchTarget& target) const;

    FontLibrary& fonts_;
    std::shared_ptr<const Snapshot> snapshot_;
    GestureRecognizer recognizer_;
    Navigator navigator_;
    std::shared_ptr<const ReadingScreenLayout> reading_;  // The channel or article shown.
    ReadingScreenCache* cache_ = nullptr;
    std::string reading_for_;                // Which one it was built for.
    std::vector<TouchTarget> home_targets_;  // Kept for the pressed state.
    std::unique_ptr<TouchTarget> pressed_;
    int shown_scroll_px_ = 0;
    unsigned long generation_ = 0;
    Rect changed_area_;
    bool only_scrolled_ = false;
    std::vector<Gesture> gestures_;  // Reused: no allocation per event.
};

}  // namespace placard
