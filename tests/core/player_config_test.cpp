#include "core/player_config.hpp"

#include <gtest/gtest.h>

namespace placard {
namespace {

TEST(PlayerConfig, ReadsEveryKindOfKey) {
    const auto config = parse_player_config(
        "# a screen\nfeed_url = https://example.org/feed.json\npoll_interval = 30\n"
        "trusted_key = " +
            std::string(64, 'a') + "\ntrusted_key = " + std::string(64, 'b') +
            "\nallow_unsigned = false\nrotate = 90\nstore = /var/lib/placard/store\n"
            "notice_seconds = 20\n",
        "placard.conf");
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->feed_url, "https://example.org/feed.json");
    EXPECT_DOUBLE_EQ(config->poll_interval_s, 30);
    EXPECT_EQ(config->trusted_keys.size(), 2u);
    EXPECT_FALSE(config->allow_unsigned);
    EXPECT_EQ(config->rotation, 90);
    EXPECT_DOUBLE_EQ(config->notice_s, 20);
    EXPECT_FALSE(parse_player_config("notice_seconds = 0\n", "placard.conf"));
}

TEST(PlayerConfig, NamesTheLineAndKeyOfAProblem) {
    EXPECT_EQ(parse_player_config("poll_interval = 60\nfeed_uri = x\n", "p.conf").error().message,
              "p.conf:2: unknown key \"feed_uri\"");
    EXPECT_EQ(parse_player_config("feed_url = ftp://x\n", "p.conf").error().message,
              "p.conf:1: feed_url: \"ftp://x\" is not valid (see docs/configuration.md)");
    EXPECT_EQ(parse_player_config("rotate 90\n", "p.conf").error().message,
              "p.conf:1: expected KEY = VALUE");
    EXPECT_FALSE(parse_player_config("upload_token = short\n", "p.conf"));
    EXPECT_FALSE(parse_player_config("trusted_key = 1234\n", "p.conf"));
}

}  // namespace
}  // namespace placard
