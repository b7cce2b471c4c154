#include "core/input_script.hpp"

#include <gtest/gtest.h>

namespace placard {
namespace {

TEST(InputScript, ReadsTheThreeActionsAndComments) {
    const auto events = parse_input_script(
        "# a visitor\n2.0  tap 960 540\n4.0 swipe 1600 300 200 300 0.25  # left\n"
        "\n6.0 drag 960 800 960 300 0.8\n",
        "touch.txt");
    ASSERT_TRUE(events) << events.error().message;
    ASSERT_EQ(events->size(), 3u);
    EXPECT_EQ((*events)[0].action, InputEvent::Action::Tap);
    EXPECT_DOUBLE_EQ((*events)[1].x1, 200);
    EXPECT_DOUBLE_EQ((*events)[2].duration_s, 0.8);
}

TEST(InputScript, SaysWhichLineIsWrong) {
    EXPECT_EQ(parse_input_script("1 tap 1 2\n2 poke 3 4\n", "s.txt").error().message,
              "s.txt:2: unknown action \"poke\" (expected tap, swipe or drag)");
    EXPECT_EQ(parse_input_script("1 tap 1\n", "s.txt").error().message,
              "s.txt:1: tap takes 2 numbers, got 1");
    EXPECT_EQ(parse_input_script("3 tap 1 1\n2 tap 1 1\n", "s.txt").error().message,
              "s.txt:2: time goes backwards");
    EXPECT_FALSE(parse_input_script("x tap 1 1\n", "s.txt"));
    EXPECT_FALSE(parse_input_script("1 swipe 1 1 2 2 0\n", "s.txt"));
}

}  // namespace
}  // namespace placard
