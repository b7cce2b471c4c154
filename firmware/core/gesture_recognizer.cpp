#include "core/gesture_recognizer.hpp"

#include <cmath>

namespace placard {

namespace {
constexpr double kTapSeconds = 0.5;    // Longer than this is a press held, not a tap.
constexpr double kSwipeSeconds = 0.6;  // A swipe is a quick stroke.
}  // namespace

void GestureRecognizer::feed(const PointerEvent& event, std::vector<Gesture>& out) {
    switch (event.kind) {
        case PointerEvent::Kind::Down:
            state_ = State::Pressed;
            down_ = last_ = event;
            velocity_y_ = 0;
            out.push_back(Gesture{Gesture::Kind::Press, event.x, event.y});
            return;
        case PointerEvent::Kind::Move: {
            if (state_ == State::Idle) {
                return;  // A mouse moving with no button down.
            }
            const double dx = event.x - down_.x, dy = event.y - down_.y;
            if (state_ == State::Pressed && std::hypot(dx, dy) > slop_) {
                // Mostly sideways: a swipe in the making; else a vertical drag.
                state_ = std::abs(dx) > 1.5 * std::abs(dy) ? State::Swiping : State::Dragging;
                out.push_back(Gesture{Gesture::Kind::Cancel, down_.x, down_.y});
                if (state_ == State::Dragging) {
                    // The first speed sample is the whole stroke so far.
                    if (event.t > down_.t) {
                        velocity_y_ = (event.y - down_.y) / (event.t - down_.t);
                    }
                    out.push_back(
                        Gesture{Gesture::Kind::DragBy, event.x, event.y, 0, event.y - down_.y});
                    last_ = event;
                    return;
                }
            }
            if (state_ == State::Dragging) {
                const double step = event.t - last_.t;
                if (step > 0) {
                    // Exponential smoothing: the speed at release, not a single jittery sample.
                    const double instant = (event.y - last_.y) / step;
                    velocity_y_ = 0.6 * instant + 0.4 * velocity_y_;
                }
                out.push_back(
                    Gesture{Gesture::Kind::DragBy, event.x, event.y, 0, event.y - last_.y});
            }
            last_ = event;
            return;
        }
        case PointerEvent::Kind::Up: {
            const double dx = event.x - down_.x, dy = event.y - down_.y;
            const double held = event.t - down_.t;
            if (state_ == State::Pressed) {
                if (std::hypot(dx, dy) <= slop_ && held <= kTapSeconds) {
                    out.push_back(Gesture{Gesture::Kind::Tap, down_.x, down_.y});
                } else {
                    out.push_back(Gesture{Gesture::Kind::Cancel, down_.x, down_.y});
                }
            } else if (state_ == State::Swiping) {
                if (held <= kSwipeSeconds && std::abs(dx) > 4 * slop_) {
                    out.push_back(Gesture{Gesture::Kind::Swipe, down_.x, down_.y, dx, dy});
                }
            } else if (state_ == State::Dragging) {
                // A finger resting before it lifts throws nothing.
                const double velocity = event.t - last_.t > 0.1 ? 0 : velocity_y_;
                out.push_back(Gesture{Gesture::Kind::Release, event.x, event.y, 0, 0, velocity});
            }
            state_ = State::Idle;
            return;
        }
    }
}

}  // namespace placard
