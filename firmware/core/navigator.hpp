// What a visitor is looking at and how it moves: the home screen (the attract loop), a
// channel's list of articles, or one article, with a scroll position that follows the finger,
// carries on with inertia when let go, springs back at the ends (edge bounce), and returns to
// the attract loop after a time without touch. Pure state over a virtual time: the same inputs
// at the same times always give the same screen.
#pragma once

#include <string>
#include <vector>

namespace placard {

enum class ScreenKind { Home, Channel, Article };

struct NavigationState {
    ScreenKind screen = ScreenKind::Home;
    std::string channel;  // The channel listed, or the open article's channel.
    std::string article;  // The open article.
    double scroll = 0;    // Pixels from the top of the scrolled content; may overshoot.
    double velocity = 0;  // Pixels per second, while flung.
    bool dragging = false;
    double entered_at = 0;  // When the current screen was opened (for its transition).
    int banner_shift = 0;   // Swipes on the home screen step the banners by this many.
};

class Navigator {
  public:
    explicit Navigator(double idle_timeout_s = 60) : idle_timeout_s_(idle_timeout_s) {}

    const NavigationState& state() const { return state_; }
    // Any touch, even one that does nothing, keeps the screen from going idle.
    void touched(double t) { last_touch_ = t; }

    void open_article(const std::string& channel, const std::string& article, double t);
    void open_channel(const std::string& channel, double t);
    void go_home(double t);
    // Back to the screen this one was opened from.
    void back(double t);
    void swipe_banner(int step) { state_.banner_shift += step; }

    // The scroll range of the current screen: content height less the viewport's.
    void set_scroll_limit(double limit) { scroll_limit_ = limit < 0 ? 0 : limit; }
    void drag_by(double dy, double t);
    void release(double velocity, double t);

    // Advances inertia, the edge spring and the idle timeout to time t.
    void tick(double t);
    // Whether the scroll position is still moving (the screen must keep redrawing).
    bool moving() const;

  private:
    void enter(NavigationState next, double t);

    NavigationState state_;
    std::vector<NavigationState> history_;
    double idle_timeout_s_;
    double last_touch_ = 0;
    double last_tick_ = 0;
    double scroll_limit_ = 0;
};

}  // namespace placard
