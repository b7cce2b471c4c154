#include "core/gesture_recognizer.hpp"

#include <gtest/gtest.h>

namespace placard {
namespace {

using Kind = Gesture::Kind;

std::vector<Gesture> run(std::initializer_list<PointerEvent> events) {
    GestureRecognizer recognizer;
    std::vector<Gesture> out;
    for (const PointerEvent& event : events) {
        recognizer.feed(event, out);
    }
    return out;
}

constexpr auto kDown = PointerEvent::Kind::Down;
constexpr auto kMove = PointerEvent::Kind::Move;
constexpr auto kUp = PointerEvent::Kind::Up;

TEST(GestureRecognizer, AQuickTouchInPlaceIsATap) {
    const auto gestures =
        run({{kDown, 1.0, 100, 100}, {kMove, 1.05, 106, 103}, {kUp, 1.1, 106, 103}});
    ASSERT_EQ(gestures.size(), 2u);
    EXPECT_EQ(gestures[0].kind, Kind::Press);
    EXPECT_EQ(gestures[1].kind, Kind::Tap);
    EXPECT_DOUBLE_EQ(gestures[1].x, 100);
}

TEST(GestureRecognizer, AHeldTouchIsNotATap) {
    const auto gestures = run({{kDown, 1.0, 100, 100}, {kUp, 2.0, 100, 100}});
    EXPECT_EQ(gestures.back().kind, Kind::Cancel);
}

TEST(GestureRecognizer, AQuickSidewaysStrokeIsASwipe) {
    const auto gestures = run({{kDown, 1.0, 900, 300},
                               {kMove, 1.1, 700, 305},
                               {kMove, 1.2, 400, 310},
                               {kUp, 1.25, 380, 310}});
    EXPECT_EQ(gestures.back().kind, Kind::Swipe);
    EXPECT_LT(gestures.back().dx, 0);  // To the left.
}

TEST(GestureRecognizer, AVerticalStrokeDragsAndIsThrownWithItsSpeed) {
    const auto gestures = run({{kDown, 1.0, 500, 800},
                               {kMove, 1.1, 500, 700},
                               {kMove, 1.2, 500, 600},
                               {kUp, 1.21, 500, 600}});
    double moved = 0;
    for (const Gesture& gesture : gestures) {
        if (gesture.kind == Kind::DragBy) {
            moved += gesture.dy;
        }
    }
    EXPECT_DOUBLE_EQ(moved, -200);
    ASSERT_EQ(gestures.back().kind, Kind::Release);
    EXPECT_NEAR(gestures.back().velocity_y, -1000, 100);  // 100 px per 0.1 s, upwards.
}

TEST(GestureRecognizer, AFingerThatRestsBeforeLiftingThrowsNothing) {
    const auto gestures =
        run({{kDown, 1.0, 500, 800}, {kMove, 1.1, 500, 600}, {kUp, 1.6, 500, 600}});
    ASSERT_EQ(gestures.back().kind, Kind::Release);
    EXPECT_DOUBLE_EQ(gestures.back().velocity_y, 0);
}

}  // namespace
}  // namespace placard
