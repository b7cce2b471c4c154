#include "core/navigator.hpp"

#include <gtest/gtest.h>

namespace placard {
namespace {

TEST(Navigator, BackGoesWhereTheArticleWasOpenedFrom) {
    Navigator navigator;
    navigator.open_channel("zgwc", 1);
    navigator.open_article("zgwc", "a1", 2);
    navigator.open_article("zgwc", "a2", 3);  // 下篇: still one step from the channel.
    EXPECT_EQ(navigator.state().article, "a2");
    navigator.back(4);
    EXPECT_EQ(navigator.state().screen, ScreenKind::Channel);
    navigator.back(5);
    EXPECT_EQ(navigator.state().screen, ScreenKind::Home);
}

TEST(Navigator, ReturnsHomeAfterTheIdleTimeout) {
    Navigator navigator(60);
    navigator.open_article("zgwc", "a1", 10);
    navigator.tick(69);
    EXPECT_EQ(navigator.state().screen, ScreenKind::Article);
    navigator.touched(65);  // A touch restarts the wait.
    navigator.tick(124);
    EXPECT_EQ(navigator.state().screen, ScreenKind::Article);
    navigator.tick(125);
    EXPECT_EQ(navigator.state().screen, ScreenKind::Home);
}

TEST(Navigator, AFlingCoastsToAStopWithinTheContent) {
    Navigator navigator;
    navigator.open_article("zgwc", "a1", 0);
    navigator.set_scroll_limit(5000);
    navigator.drag_by(-100, 1.0);
    EXPECT_DOUBLE_EQ(navigator.state().scroll, 100);
    navigator.release(-1500, 1.0);  // Thrown upwards: the content keeps moving down the page.
    navigator.tick(1.2);
    const double early = navigator.state().scroll;
    EXPECT_GT(early, 300);
    EXPECT_TRUE(navigator.moving());
    navigator.tick(5.0);
    EXPECT_FALSE(navigator.moving());
    EXPECT_GT(navigator.state().scroll, early);
    EXPECT_LT(navigator.state().scroll, 700);  // Friction: about v / 3 further.
}

TEST(Navigator, OverscrollSpringsBackToTheEdge) {
    Navigator navigator;
    navigator.open_article("zgwc", "a1", 0);
    navigator.set_scroll_limit(1000);
    navigator.drag_by(200, 1.0);  // Pulled down past the top: resisted.
    EXPECT_DOUBLE_EQ(navigator.state().scroll, -200);
    navigator.drag_by(100, 1.1);
    EXPECT_DOUBLE_EQ(navigator.state().scroll, -240);
    navigator.release(0, 1.1);
    navigator.tick(2.0);
    EXPECT_DOUBLE_EQ(navigator.state().scroll, 0);
    navigator.release(-20000, 2.0);  // A hard fling to the bottom comes back to the limit.
    navigator.tick(6.0);
    EXPECT_DOUBLE_EQ(navigator.state().scroll, 1000);
}

}  // namespace
}  // namespace placard
