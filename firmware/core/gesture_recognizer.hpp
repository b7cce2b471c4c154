// Turns pointer events (a finger or the mouse: down, move, up, with times) into the gestures a
// visitor makes: tap, swipe, drag (with the velocity it was let go at, for inertia).
//
// Thresholds are in pixels and scale with the screen's density: a finger wobbles a few
// millimetres during a tap.
#pragma once

#include <optional>
#include <vector>

namespace placard {

struct PointerEvent {
    enum class Kind { Down, Move, Up };
    Kind kind = Kind::Down;
    double t = 0;  // Seconds.
    double x = 0, y = 0;
};

struct Gesture {
    enum class Kind {
        Press,    // A finger came down at (x, y): show the pressed state of what is there.
        Tap,      // Down and up in place, quickly.
        Swipe,    // A quick horizontal stroke; dx < 0 is to the left ("next").
        DragBy,   // A vertical drag moved by dy since the last one.
        Release,  // A drag ended; velocity_y (px/s) carries on as inertia.
        Cancel,   // The press became a drag or swipe: release the pressed state.
    };
    Kind kind = Kind::Tap;
    double x = 0, y = 0;
    double dx = 0, dy = 0;
    double velocity_y = 0;
};

class GestureRecognizer {
  public:
    // `slop` is how far (px) a finger may move and still tap: about 3 mm.
    explicit GestureRecognizer(double slop = 16) : slop_(slop) {}

    // Feeds one event; appends the gestures it completes to `out`.
    void feed(const PointerEvent& event, std::vector<Gesture>& out);
    // Forgets the gesture under way (the screen it began on went away): the next event starts
    // afresh.
    void abandon() {
        state_ = State::Idle;
        velocity_y_ = 0;
    }

  private:
    enum class State { Idle, Pressed, Dragging, Swiping };
    State state_ = State::Idle;
    double slop_;
    PointerEvent down_{}, last_{};
    double velocity_y_ = 0;  // Smoothed, px/s.
};

}  // namespace placard
