// What screens and the studio say through the broker: topics name one screen, messages carry
// their signature, and an online flag is read only for the screen it names.
#include "content/fleet_messages.hpp"

#include <gtest/gtest.h>

namespace placard {
namespace {

TEST(FleetMessages, TopicsNameOneScreen) {
    const std::string key(64, 'a');
    EXPECT_EQ(fleet_topic(key, "status"), "placard/v1/" + key + "/status");
    const auto parsed = parse_fleet_topic(fleet_topic(key, "online"));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->key, key);
    EXPECT_EQ(parsed->what, "online");
    EXPECT_FALSE(parse_fleet_topic("placard/v1/short/status"));
    EXPECT_FALSE(parse_fleet_topic("placard/v1/" + key + "/status/more"));
    EXPECT_FALSE(parse_fleet_topic("other/v1/" + key + "/status"));
}

TEST(FleetMessages, SignedMessagesSplitIntoSignatureAndText) {
    const SigningKey key = generate_signing_key();
    const std::string message = signed_message("{\"a\":1}\nsecond line", key);
    const auto split = split_signed_message(message);
    ASSERT_TRUE(split);
    EXPECT_EQ(split->text, "{\"a\":1}\nsecond line");
    EXPECT_TRUE(verify_text(split->text, split->signature, {key.public_key}, "test"));
    EXPECT_FALSE(split_signed_message("no line at all"));
}

TEST(FleetMessages, OnlineFlagsAreReadForTheirOwnScreenOnly) {
    const std::string key(64, 'b');
    const std::string text = online_flag_text(key, false, "abc", 1'800'000'000);
    const auto flag = parse_online_flag(text, key);
    ASSERT_TRUE(flag);
    EXPECT_FALSE(flag->online);
    EXPECT_EQ(flag->session, "abc");
    EXPECT_EQ(flag->sent, 1'800'000'000);
    EXPECT_FALSE(parse_online_flag(text, std::string(64, 'c')));
    EXPECT_FALSE(parse_online_flag("{\"placard_online\":1}", key));
    EXPECT_FALSE(parse_online_flag(online_flag_text(key, true, "", 1'800'000'000), key));
}

}  // namespace
}  // namespace placard
