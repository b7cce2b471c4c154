#include "player/command_line.hpp"

#include <gtest/gtest.h>

namespace placard {
namespace {

TEST(CommandLine, ReadsTheScreenshotContract) {
    const auto options = parse_player_options({"--content", "assets/demo", "--size", "1920x1080",
                                               "--at", "3", "--screenshot", "home.png"});
    ASSERT_TRUE(options) << options.error().message;
    EXPECT_EQ(options->content_dir, "assets/demo");
    EXPECT_EQ(options->width, 1920);
    EXPECT_EQ(options->height, 1080);
    EXPECT_DOUBLE_EQ(*options->at_s, 3);
    EXPECT_EQ(options->screenshot, "home.png");
}

TEST(CommandLine, RefusesWhatItDoesNotKnow) {
    EXPECT_EQ(parse_player_options({"--bogus"}).error().message,
              "unknown option \"--bogus\" (see placard --help)");
    EXPECT_EQ(parse_player_options({"--size", "big"}).error().message,
              "--size: \"big\" is not a size like 1920x1080 (16..8192 pixels)");
    EXPECT_EQ(parse_player_options({"--rotate", "45"}).error().message,
              "--rotate: \"45\" is not 0, 90, 180 or 270");
    EXPECT_EQ(parse_player_options({"--content"}).error().message, "--content needs a value");
    EXPECT_EQ(parse_player_options({"--at", "3"}).error().message,
              "--at and --screenshot go together");
    EXPECT_FALSE(parse_player_options({"--at", "-1", "--screenshot", "x.png"}));
    EXPECT_EQ(parse_player_options({"--open-article", "a1"}).error().message,
              "--open-article is for a --screenshot");
}

TEST(CommandLine, OpensAnArticleForAScreenshot) {
    const auto options =
        parse_player_options({"--at", "1", "--screenshot", "a.png", "--open-article", "a1"});
    ASSERT_TRUE(options) << options.error().message;
    EXPECT_EQ(options->open_article, "a1");
    EXPECT_FALSE(options->group);  // The whole feed.
}

TEST(CommandLine, AScreenshotForAGroup) {
    const auto options =
        parse_player_options({"--at", "1", "--screenshot", "a.png", "--group", "乡镇"});
    ASSERT_TRUE(options) << options.error().message;
    EXPECT_EQ(options->group, "乡镇");
    EXPECT_FALSE(parse_player_options({"--group", "乡镇"}));  // A screen's comes from the studio.
}

}  // namespace
}  // namespace placard
