// Commands from the studio to a screen: only the studio's key makes one, only for this screen,
// only once, only while it lasts.
#include "content/screen_command.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/audience.hpp"

namespace placard {
namespace {

class ScreenCommandTest : public ::testing::Test {
  protected:
    SigningKey studio = generate_signing_key();
    SigningKey screen = generate_signing_key();
    std::string screen_hex = public_key_hex(screen.public_key);
    std::vector<std::array<unsigned char, 32>> trusted{studio.public_key};
    CommandNonces nonces{""};
    static constexpr std::time_t kNow = 1'800'000'000;

    Result<ScreenCommand> check(const std::string& envelope, std::time_t now = kNow) {
        return verify_screen_command(envelope, trusted, screen_hex, now, nonces, "command");
    }
};

TEST_F(ScreenCommandTest, TakesAGoodCommandOnce) {
    const ScreenCommand made = new_screen_command(CommandAction::Refresh, screen_hex, kNow);
    const std::string envelope = sign_screen_command(made, studio);
    auto taken = check(envelope);
    ASSERT_TRUE(taken) << taken.error().message;
    EXPECT_EQ(taken->action, CommandAction::Refresh);
    EXPECT_EQ(taken->nonce, made.nonce);
    auto again = check(envelope, kNow + 1);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, ErrorKind::Stale);
    EXPECT_NE(again.error().message.find("replay"), std::string::npos);
}

TEST_F(ScreenCommandTest, AGroupCommandCarriesItsGroup) {
    ScreenCommand made = new_screen_command(CommandAction::Group, screen_hex, kNow);
    made.group = "乡镇";
    auto taken = check(sign_screen_command(made, studio));
    ASSERT_TRUE(taken) << taken.error().message;
    EXPECT_EQ(taken->action, CommandAction::Group);
    EXPECT_EQ(taken->group, "乡镇");
    made = new_screen_command(CommandAction::Group, screen_hex, kNow);
    made.group = std::string(kMostGroupBytes + 1, 'x');
    auto overlong = check(sign_screen_command(made, studio));
    ASSERT_FALSE(overlong);
    EXPECT_NE(overlong.error().message.find("names the group"), std::string::npos)
        << overlong.error().message;
}

TEST_F(ScreenCommandTest, RefusesAnotherKeysSignature) {
    const SigningKey stranger = generate_signing_key();
    auto taken = check(sign_screen_command(
        new_screen_command(CommandAction::Restart, screen_hex, kNow), stranger));
    ASSERT_FALSE(taken);
    EXPECT_EQ(taken.error().kind, ErrorKind::Unauthentic);
}

TEST_F(ScreenCommandTest, RefusesAnEditedCommand) {
    auto envelope = nlohmann::json::parse(
        sign_screen_command(new_screen_command(CommandAction::Refresh, screen_hex, kNow), studio));
    std::string text = envelope["command"];
    text.replace(text.find("refresh"), 7, "restart");
    envelope["command"] = text;
    auto taken = check(envelope.dump());
    ASSERT_FALSE(taken);
    EXPECT_EQ(taken.error().kind, ErrorKind::Unauthentic);
}

TEST_F(ScreenCommandTest, RefusesACommandForAnotherScreen) {
    const std::string other = public_key_hex(generate_signing_key().public_key);
    auto taken =
        check(sign_screen_command(new_screen_command(CommandAction::Refresh, other, kNow), studio));
    ASSERT_FALSE(taken);
    EXPECT_NE(taken.error().message.find("another screen"), std::string::npos);
}

TEST_F(ScreenCommandTest, RefusesExpiredAndOverlongCommands) {
    auto expired = check(sign_screen_command(
        new_screen_command(CommandAction::Refresh, screen_hex, kNow - 700), studio));
    ASSERT_FALSE(expired);
    EXPECT_NE(expired.error().message.find("expired"), std::string::npos);
    ScreenCommand overlong = new_screen_command(CommandAction::Refresh, screen_hex, kNow);
    overlong.expires = kNow + 2 * kLongestCommandSeconds;
    auto refused = check(sign_screen_command(overlong, studio));
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("longer than an hour"), std::string::npos);
}

TEST_F(ScreenCommandTest, RefusesWhatIsNotACommand) {
    for (const std::string bad : {"", "[]", "{\"command\": 1}", "{\"command\": \"{}\"}",
                                  "{\"command\": \"{}\", \"signature\": \"ed25519 x y\"}"}) {
        auto taken = check(bad);
        ASSERT_FALSE(taken) << bad;
        EXPECT_EQ(taken.error().kind, ErrorKind::Unauthentic) << bad;
    }
}

TEST_F(ScreenCommandTest, NoncesSurviveARestartAndAClockSetBack) {
    const auto file = std::filesystem::temp_directory_path() /
                      ("placard-nonces-" + std::to_string(::getpid()) + ".json");
    std::filesystem::remove(file);
    const ScreenCommand made = new_screen_command(CommandAction::Screenshot, screen_hex, kNow);
    const std::string envelope = sign_screen_command(made, studio);
    {
        CommandNonces kept(file);
        ASSERT_TRUE(verify_screen_command(envelope, trusted, screen_hex, kNow, kept, "c"));
    }
    CommandNonces reloaded(file);
    auto again = verify_screen_command(envelope, trusted, screen_hex, kNow + 5, reloaded, "c");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, ErrorKind::Stale);
    // Long after it expired, with the clock set back to when it was good: still refused, as
    // the register judges expiry by the latest time it has seen.
    const ScreenCommand later = new_screen_command(CommandAction::Refresh, screen_hex, kNow + 5000);
    ASSERT_TRUE(verify_screen_command(sign_screen_command(later, studio), trusted, screen_hex,
                                      kNow + 5000, reloaded, "c"));
    auto revived = verify_screen_command(envelope, trusted, screen_hex, kNow + 1, reloaded, "c");
    ASSERT_FALSE(revived);
    EXPECT_NE(revived.error().message.find("expired"), std::string::npos);
    std::filesystem::remove(file);
}

}  // namespace
}  // namespace placard
