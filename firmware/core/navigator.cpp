#include "core/navigator.hpp"

#include <algorithm>
#include <cmath>

namespace placard {
namespace {

constexpr double kStep = 1.0 / 240.0;    // Integration step: fine enough to be smooth, fixed
                                         // so that the result does not depend on frame times.
constexpr double kFriction = 3.0;        // Velocity decays as e^(-3 t): a fling coasts ~1 s.
constexpr double kSpring = 14.0;         // Overscroll returns as e^(-14 t): a quick bounce.
constexpr double kDragResistance = 0.4;  // Past an end, the content follows the finger less.
constexpr double kStopSpeed = 5.0;       // Pixels per second below which a fling stops.

}  // namespace

void Navigator::enter(NavigationState next, double t) {
    next.entered_at = t;
    next.banner_shift = state_.banner_shift;
    state_ = std::move(next);
    scroll_limit_ = 0;
    last_touch_ = t;
    last_tick_ = t;
}

void Navigator::open_article(const std::string& channel, const std::string& article, double t) {
    if (state_.screen != ScreenKind::Article) {
        history_.push_back(state_);
    }
    NavigationState next;
    next.screen = ScreenKind::Article;
    next.channel = channel;
    next.article = article;
    enter(std::move(next), t);
}

void Navigator::open_channel(const std::string& channel, double t) {
    history_.clear();
    history_.push_back(NavigationState{});
    NavigationState next;
    next.screen = ScreenKind::Channel;
    next.channel = channel;
    enter(std::move(next), t);
}

void Navigator::go_home(double t) {
    history_.clear();
    enter(NavigationState{}, t);
}

void Navigator::back(double t) {
    if (history_.empty()) {
        go_home(t);
        return;
    }
    NavigationState previous = history_.back();
    history_.pop_back();
    previous.velocity = 0;
    previous.dragging = false;
    enter(std::move(previous), t);
}

void Navigator::drag_by(double dy, double t) {
    touched(t);
    state_.dragging = true;
    state_.velocity = 0;
    // Dragging the finger down (dy > 0) moves the content down: towards the top.
    const bool past_end = state_.scroll < 0 || state_.scroll > scroll_limit_;
    state_.scroll -= past_end ? dy * kDragResistance : dy;
}

void Navigator::release(double velocity, double t) {
    touched(t);
    state_.dragging = false;
    state_.velocity = -velocity;
    last_tick_ = t;
}

bool Navigator::moving() const {
    return state_.dragging || std::abs(state_.velocity) > kStopSpeed || state_.scroll < -0.5 ||
           state_.scroll > scroll_limit_ + 0.5;
}

void Navigator::tick(double t) {
    if (state_.screen != ScreenKind::Home && t - last_touch_ >= idle_timeout_s_) {
        go_home(t);
        return;
    }
    if (state_.dragging) {
        last_tick_ = t;
        return;
    }
    while (last_tick_ + kStep <= t) {
        last_tick_ += kStep;
        double& scroll = state_.scroll;
        double& velocity = state_.velocity;
        scroll += velocity * kStep;
        velocity *= std::exp(-kFriction * kStep);
        if (scroll < 0 || scroll > scroll_limit_) {
            // Past an end: the fling dies fast and the spring pulls the content back.
            const double bound = scroll < 0 ? 0 : scroll_limit_;
            velocity *= std::exp(-4 * kFriction * kStep);
            scroll = bound + (scroll - bound) * std::exp(-kSpring * kStep);
            if (std::abs(scroll - bound) < 0.5 && std::abs(velocity) < 50) {
                scroll = bound;
                velocity = 0;
            }
        }
        if (std::abs(velocity) < kStopSpeed) {
            velocity = 0;
        }
    }
}

}  // namespace placard
