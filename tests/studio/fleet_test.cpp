// The studio's fleet: a screen counts only once an admin accepts its key; its reports are
// signed, ordered and bounded; its commands are signed by the studio and given once.
#include "studio/fleet.hpp"

#include <gtest/gtest.h>

#include "content/fleet_messages.hpp"
#include "content/screen_command.hpp"
#include "core/wall_time.hpp"
#include "studio/audit_log.hpp"
#include "studio/fleet_alerts.hpp"
#include "studio/screen_state.hpp"
#include "studio_folder_fixture.hpp"

namespace placard {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;

std::string report_of(const SigningKey& key, std::int64_t sent,
                      const std::string& name = "一楼大厅", const std::string& player_at = "") {
    nlohmann::json report;
    report["placard_report"] = 1;
    report["name"] = name;
    report["key"] = public_key_hex(key.public_key);
    report["sent"] = format_utc_time(static_cast<std::time_t>(sent));
    report["interval"] = 30;
    report["player"] = {
        {"version", 1},
        {"screen", "on (within screen hours)"},
        {"at", player_at.empty() ? format_utc_time(static_cast<std::time_t>(sent)) : player_at}};
    report["plays"] = {{{"hour", sent / 3600 * 3600},
                        {"zone", "banner"},
                        {"item", "b1"},
                        {"plays", 4},
                        {"seconds", 32}}};
    return report.dump();
}

std::string signed_by(const SigningKey& key, const std::string& body) {
    std::string line = signature_line(body, key);
    line.pop_back();
    return "Placard-Screen " + line;
}

class FleetTest : public StudioFolderTest {
  protected:
    void SetUp() override {
        StudioFolderTest::SetUp();
        auto opened = Fleet::open(data_ / "fleet.db", folder_.key);
        ASSERT_TRUE(opened) << opened.error().message;
        fleet_ = std::move(*opened);
    }
    HttpAnswer send(const SigningKey& key, std::int64_t sent, std::int64_t now = kNow) {
        const std::string body = report_of(key, sent);
        return fleet_->take_report(body, signed_by(key, body), "192.0.2.7", now);
    }
    std::unique_ptr<Fleet> fleet_;
    SigningKey screen_ = generate_signing_key();
};

TEST_F(FleetTest, AScreenCountsOnlyOnceAccepted) {
    EXPECT_EQ(send(screen_, kNow).status, 202);
    auto overview = fleet_->overview(kNow, 1);
    ASSERT_EQ(overview["pending"].size(), 1U);
    EXPECT_EQ(overview["pending"][0]["name"], "一楼大厅");
    EXPECT_TRUE(overview["screens"].empty());

    const std::string key = public_key_hex(screen_.public_key);
    auto id = fleet_->accept(key, "", "admin", kNow);
    ASSERT_TRUE(id) << id.error().message;
    EXPECT_EQ(fleet_->accept(key, "", "admin", kNow).error().kind, ErrorKind::Stale);

    const HttpAnswer answer = send(screen_, kNow + 30, kNow + 30);
    EXPECT_EQ(answer.status, 200) << answer.body;
    overview = fleet_->overview(kNow + 31, 1);
    ASSERT_EQ(overview["screens"].size(), 1U);
    EXPECT_EQ(overview["screens"][0]["state"], "green") << overview["screens"][0]["reasons"];
    EXPECT_EQ(overview["screens"][0]["plays"][0]["item"], "b1");
    EXPECT_TRUE(overview["pending"].empty());
}

TEST_F(FleetTest, RefusesForgedReplayedAndMisattributedReports) {
    ASSERT_EQ(send(screen_, kNow).status, 202);
    ASSERT_TRUE(fleet_->accept(public_key_hex(screen_.public_key), "", "admin", kNow));
    const std::string body = report_of(screen_, kNow + 30);
    ASSERT_EQ(fleet_->take_report(body, signed_by(screen_, body), "p", kNow + 30).status, 200);
    // The same report again, and an older one: replays.
    EXPECT_EQ(fleet_->take_report(body, signed_by(screen_, body), "p", kNow + 60).status, 409);
    EXPECT_EQ(send(screen_, kNow + 10, kNow + 60).status, 409);
    // Signed by another key: the body says whose it is and does not match.
    const SigningKey stranger = generate_signing_key();
    const std::string theirs = report_of(screen_, kNow + 90);
    EXPECT_EQ(fleet_->take_report(theirs, signed_by(stranger, theirs), "p", kNow + 90).status, 422);
    // An edited body, an unsigned one, a signature of something else.
    std::string edited = report_of(screen_, kNow + 120);
    const std::string signature = signed_by(screen_, edited);
    edited.replace(edited.find("一楼大厅"), std::string("一楼大厅").size(), "二楼大厅");
    EXPECT_EQ(fleet_->take_report(edited, signature, "p", kNow + 120).status, 401);
    EXPECT_EQ(fleet_->take_report(edited, "", "p", kNow + 120).status, 401);
    EXPECT_EQ(fleet_->take_report(edited, "Placard-Screen ed25519 zz", "p", kNow + 120).status,
              401);
}

TEST_F(FleetTest, WaitingScreensAreBounded) {
    for (std::size_t i = 0; i < Fleet::kMostPending + 10; ++i) {
        ASSERT_EQ(send(generate_signing_key(), kNow, kNow + static_cast<std::int64_t>(i)).status,
                  202);
    }
    EXPECT_EQ(fleet_->overview(kNow, 1)["pending"].size(), Fleet::kMostPending);
}

TEST_F(FleetTest, CommandsAreSignedGivenOnceAndTakenByTheScreen) {
    ASSERT_EQ(send(screen_, kNow).status, 202);
    auto id = fleet_->accept(public_key_hex(screen_.public_key), "", "admin", kNow);
    ASSERT_TRUE(id);
    auto queued = fleet_->queue_command({*id}, CommandAction::Refresh, "admin", kNow);
    ASSERT_TRUE(queued);
    EXPECT_EQ(*queued, 1);
    const HttpAnswer answer = send(screen_, kNow + 1, kNow + 1);
    ASSERT_EQ(answer.status, 200);
    const auto commands = nlohmann::json::parse(answer.body)["commands"];
    ASSERT_EQ(commands.size(), 1U);
    CommandNonces nonces("");
    auto taken = verify_screen_command(commands[0].get<std::string>(), {folder_.key.public_key},
                                       public_key_hex(screen_.public_key),
                                       static_cast<std::time_t>(kNow + 1), nonces, "c");
    ASSERT_TRUE(taken) << taken.error().message;
    EXPECT_EQ(taken->action, CommandAction::Refresh);
    // Given once while the screen may still say what became of it (two reports' time)…
    EXPECT_TRUE(nlohmann::json::parse(send(screen_, kNow + 2, kNow + 2).body)["commands"].empty());
    EXPECT_FALSE(fleet_->queue_command({*id + 100}, CommandAction::Refresh, "admin", kNow));
    // …then again, the answer that carried it may have been lost; until a report says.
    const auto again = nlohmann::json::parse(send(screen_, kNow + 70, kNow + 70).body)["commands"];
    ASSERT_EQ(again.size(), 1U);
    EXPECT_EQ(again[0], commands[0]);
    std::string body = report_of(screen_, kNow + 71);
    auto report = nlohmann::json::parse(body);
    report["command_results"] = {{{"nonce", taken->nonce}, {"done", true}, {"message", ""}}};
    body = report.dump();
    ASSERT_EQ(fleet_->take_report(body, signed_by(screen_, body), "192.0.2.7", kNow + 71).status,
              200);
    EXPECT_TRUE(
        nlohmann::json::parse(send(screen_, kNow + 200, kNow + 200).body)["commands"].empty());
}

// The latest 开屏/关屏 is the admin's wish: an earlier one still unanswered is not given again.
TEST_F(FleetTest, ALaterDisplayCommandSupersedesAnEarlierOne) {
    const std::string key = public_key_hex(screen_.public_key);
    ASSERT_TRUE(fleet_->add(key, "大厅", "admin", kNow));
    ASSERT_TRUE(fleet_->queue_command({}, CommandAction::DisplayOff, "admin", kNow));
    auto given = nlohmann::json::parse(send(screen_, kNow + 1, kNow + 1).body)["commands"];
    ASSERT_EQ(given.size(), 1U);
    ASSERT_TRUE(fleet_->queue_command({}, CommandAction::DisplayOn, "admin", kNow + 2));
    // Long after: only 开屏 is given (again), never the 关屏 before it.
    given = nlohmann::json::parse(send(screen_, kNow + 100, kNow + 100).body)["commands"];
    ASSERT_EQ(given.size(), 1U);
    EXPECT_NE(given[0].get<std::string>().find("display-on"), std::string::npos) << given[0];
}

// A screen's group is signed for it when an admin sets it, and again while its reports say
// another (a screen set up again, a command that expired on the way) — not at every report.
TEST_F(FleetTest, AScreensGroupIsGivenUntilItsReportsSayIt) {
    const std::string key = public_key_hex(screen_.public_key);
    auto id = fleet_->add(key, "大厅", "admin", kNow);
    ASSERT_TRUE(id);
    const auto group_in = [&](const nlohmann::json& commands) {
        std::string group = "(none)";
        for (const auto& envelope : commands) {
            const auto text = nlohmann::json::parse(
                nlohmann::json::parse(envelope.get<std::string>())["command"].get<std::string>());
            if (text["action"] == "group") {
                group = text["group"];
            }
        }
        return group;
    };
    // A report saying the group the screen holds ("" for none); the commands answered.
    const auto saying = [&](const char* held, std::int64_t at) {
        auto report = nlohmann::json::parse(report_of(screen_, at));
        if (held != nullptr) {
            report["group"] = held;
        }
        const std::string body = report.dump();
        return nlohmann::json::parse(
            fleet_->take_report(body, signed_by(screen_, body), "192.0.2.7", at).body)["commands"];
    };
    // In no group, and the report says none: nothing to give.
    EXPECT_EQ(group_in(saying("", kNow + 1)), "(none)");
    ASSERT_TRUE(fleet_->describe(*id, "大厅", "", "乡镇", "admin", kNow + 2));
    EXPECT_EQ(group_in(saying("", kNow + 3)), "乡镇");
    EXPECT_TRUE(fleet_->overview(kNow + 3, 0)["screens"][0]["group_pending"].get<bool>());
    // Its reports still say no group (the command not yet taken): not signed again at once…
    EXPECT_EQ(group_in(saying("", kNow + 4)), "(none)");
    // …but once Fleet::kRegroupSeconds have passed, a new one.
    const std::int64_t later = kNow + 3 + Fleet::kRegroupSeconds + 1;
    EXPECT_EQ(group_in(saying("", later)), "乡镇");
    // A screen from before groups says none: it is not given one at every report (it would
    // refuse each).
    const std::int64_t much_later = later + 10 * Fleet::kRegroupSeconds;
    fleet_->prune(much_later);
    EXPECT_EQ(group_in(saying(nullptr, much_later)), "(none)");  // Both given have expired.
    // A report that says the group: the page no longer says 待送达.
    saying("乡镇", much_later + 1);
    EXPECT_FALSE(fleet_->overview(much_later + 1, 0)["screens"][0]["group_pending"].get<bool>());
}

TEST_F(FleetTest, AcceptedScreensSurviveARestart) {
    ASSERT_EQ(send(screen_, kNow).status, 202);
    ASSERT_TRUE(fleet_->accept(public_key_hex(screen_.public_key), "大厅", "admin", kNow));
    ASSERT_EQ(send(screen_, kNow + 30, kNow + 30).status, 200);
    fleet_.reset();
    auto reopened = Fleet::open(data_ / "fleet.db", folder_.key);
    ASSERT_TRUE(reopened);
    const auto overview = (*reopened)->overview(kNow + 40, 1);
    ASSERT_EQ(overview["screens"].size(), 1U);
    EXPECT_EQ(overview["screens"][0]["name"], "大厅");
    EXPECT_EQ(overview["screens"][0]["state"], "green");
    EXPECT_EQ((*reopened)
                  ->take_report(report_of(screen_, kNow + 30),
                                signed_by(screen_, report_of(screen_, kNow + 30)), "p", kNow + 60)
                  .status,
              409);
}

TEST_F(FleetTest, AScreenEnrolledByKeyCountsFromItsFirstReport) {
    auto id = fleet_->add(public_key_hex(screen_.public_key), "三楼", "admin", kNow);
    ASSERT_TRUE(id) << id.error().message;
    EXPECT_EQ(fleet_->add(public_key_hex(screen_.public_key), "三楼", "admin", kNow).error().kind,
              ErrorKind::Stale);
    EXPECT_FALSE(fleet_->add("not a key", "x", "admin", kNow));
    EXPECT_EQ(send(screen_, kNow + 1, kNow + 1).status, 200);
    EXPECT_EQ(fleet_->overview(kNow + 2, 1)["screens"][0]["name"], "三楼");
}

TEST_F(FleetTest, ScreenshotsOnlyAsAskedOnceFromAcceptedScreens) {
    const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + "rest of the picture";
    const auto shot = [&](const std::string& nonce, const std::string& bytes, const SigningKey& by,
                          std::int64_t now) {
        return fleet_->take_screenshot(nonce, bytes,
                                       signed_by(by, screenshot_signed_text(nonce, bytes)), now);
    };
    EXPECT_EQ(shot(std::string(32, 'a'), png, screen_, kNow).status, 403);  // Not accepted.
    ASSERT_EQ(send(screen_, kNow).status, 202);
    auto id = fleet_->accept(public_key_hex(screen_.public_key), "", "admin", kNow);
    ASSERT_TRUE(id);
    EXPECT_EQ(fleet_->screenshot(*id).error().kind, ErrorKind::NotFound);
    // Nothing was asked for yet.
    EXPECT_EQ(shot(std::string(32, 'a'), png, screen_, kNow).status, 409);
    ASSERT_TRUE(fleet_->queue_command({*id}, CommandAction::Screenshot, "admin", kNow));
    const auto commands = nlohmann::json::parse(send(screen_, kNow + 1, kNow + 1).body)["commands"];
    ASSERT_EQ(commands.size(), 1U);
    const std::string nonce =
        nlohmann::json::parse(nlohmann::json::parse(commands[0].get<std::string>())["command"]
                                  .get<std::string>())["nonce"];
    EXPECT_EQ(shot(nonce, png, generate_signing_key(), kNow + 2).status, 403);  // No screen.
    EXPECT_EQ(fleet_->take_screenshot(nonce, png, signed_by(screen_, png), kNow + 2).status, 401);
    EXPECT_EQ(shot(nonce, "GIF89a", screen_, kNow + 2).status, 422);
    EXPECT_EQ(shot(nonce, png, screen_, kNow + 5).status, 200);
    EXPECT_EQ(shot(nonce, png, screen_, kNow + 6).status, 409);  // A copy of it, again.
    auto kept = fleet_->screenshot(*id);
    ASSERT_TRUE(kept);
    EXPECT_EQ(*kept, png);
    EXPECT_EQ(fleet_->overview(kNow + 6, 1)["screens"][0]["screenshot_at"], kNow + 5);
}

TEST_F(FleetTest, AlertsWhenAScreenTurnsRedAndWhenItRecovers) {
    ASSERT_EQ(send(screen_, kNow).status, 202);
    ASSERT_TRUE(fleet_->accept(public_key_hex(screen_.public_key), "大厅", "admin", kNow));
    ASSERT_EQ(send(screen_, kNow + 1, kNow + 1).status, 200);
    FleetAlerts alerts(*fleet_, *folder_.db, "");
    EXPECT_EQ(alerts.check(kNow + 2, 1), 0);    // The first look announces nothing.
    EXPECT_EQ(alerts.check(kNow + 10, 1), 0);   // Still well.
    EXPECT_EQ(alerts.check(kNow + 200, 1), 1);  // Silent: red.
    EXPECT_EQ(alerts.check(kNow + 210, 1), 0);  // Said once.
    ASSERT_EQ(send(screen_, kNow + 220, kNow + 220).status, 200);
    EXPECT_EQ(alerts.check(kNow + 221, 1), 1);  // Back.
    const auto audit = recent_audit(*folder_.db, 10);
    ASSERT_GE(audit.size(), 2U);
    EXPECT_EQ(audit[0].action, "screen recovered");
    EXPECT_EQ(audit[1].action, "screen failing");
    EXPECT_NE(audit[1].detail.find("大厅"), std::string::npos);
}

nlohmann::json healthy(std::int64_t sent) {
    return nlohmann::json::parse(report_of(generate_signing_key(), sent));
}

// The broker's side: a screen online there gets its commands at once through the courier; its
// will makes it red at once; a flag replayed from an earlier session, forged, or of a stranger
// changes nothing.
TEST_F(FleetTest, OnlineFlagsFromTheBrokerAreSignedAndSessionBound) {
    const std::string key = public_key_hex(screen_.public_key);
    ASSERT_TRUE(fleet_->add(key, "大厅", "admin", kNow));
    std::vector<std::pair<std::string, std::string>> handed;
    fleet_->set_courier([&](const std::string& to, const std::string& envelope) {
        handed.emplace_back(to, envelope);
        return true;
    });
    const auto flag = [&](bool online, const std::string& session, std::int64_t sent,
                          const SigningKey& by) {
        const std::string text =
            online_flag_text(key, online, session, static_cast<std::time_t>(sent));
        std::string line = signature_line(text, by);
        line.pop_back();
        return fleet_->take_online_flag(text, line, kNow + 10);
    };
    // Offline on the broker (never seen there): commands wait for a report.
    ASSERT_TRUE(fleet_->queue_command({}, CommandAction::Refresh, "admin", kNow));
    EXPECT_TRUE(handed.empty());
    // Online: what waited goes at once, and so does each new command.
    ASSERT_TRUE(flag(true, "s1", kNow + 1, screen_));
    ASSERT_EQ(handed.size(), 1U);
    EXPECT_EQ(handed[0].first, key);
    ASSERT_TRUE(fleet_->queue_command({}, CommandAction::Screenshot, "admin", kNow + 2));
    ASSERT_EQ(handed.size(), 2U);
    EXPECT_NE(handed[1].second.find("screenshot"), std::string::npos);
    // Handed over means given: the next report's answer does not repeat them.
    const std::string body = report_of(screen_, kNow + 3);
    const HttpAnswer answer =
        fleet_->take_report(body, signed_by(screen_, body), Fleet::kBrokerPeer, kNow + 3);
    EXPECT_EQ(nlohmann::json::parse(answer.body)["commands"].size(), 0U) << answer.body;

    // Forged, a stranger's, an older online flag, an earlier session's will: nothing changes.
    const SigningKey stranger = generate_signing_key();
    EXPECT_EQ(flag(false, "s1", kNow + 4, stranger).error().kind, ErrorKind::Unauthentic);
    EXPECT_EQ(flag(true, "s0", kNow, screen_).error().kind, ErrorKind::Stale);
    EXPECT_EQ(flag(true, "s1", kNow + 1, screen_).error().kind, ErrorKind::Stale);  // Replayed.
    EXPECT_EQ(flag(true, "s1", kNow + 90000, screen_).error().kind, ErrorKind::Invalid);
    EXPECT_EQ(flag(false, "s0", kNow, screen_).error().kind, ErrorKind::Stale);
    auto overview = fleet_->overview(kNow + 10, 1);
    EXPECT_EQ(overview["screens"][0]["broker"], "online");

    // This session's will: red at once, long before it could be silent.
    ASSERT_TRUE(flag(false, "s1", kNow + 1, screen_));
    overview = fleet_->overview(kNow + 11, 1);
    EXPECT_EQ(overview["screens"][0]["state"], "red");
    EXPECT_EQ(overview["screens"][0]["broker"], "offline");
    EXPECT_EQ(overview["screens"][0]["reasons"][0], "已与消息服务器断开（离线遗嘱）");
    // Its online flag replayed after the will: the session has ended.
    EXPECT_EQ(flag(true, "s1", kNow + 5, screen_).error().kind, ErrorKind::Stale);
    // While it is offline its commands wait; back online, they go.
    ASSERT_TRUE(fleet_->queue_command({}, CommandAction::Refresh, "admin", kNow + 12));
    EXPECT_EQ(handed.size(), 2U);
    ASSERT_TRUE(flag(true, "s2", kNow + 13, screen_));
    EXPECT_EQ(handed.size(), 3U);
    // A report over HTTP: the screen is not on the broker (or the broker is down); its commands
    // wait for the report's answer.
    EXPECT_EQ(send(screen_, kNow + 14, kNow + 14).status, 200);
    ASSERT_TRUE(fleet_->queue_command({}, CommandAction::Refresh, "admin", kNow + 15));
    EXPECT_EQ(handed.size(), 3U);
    fleet_->set_courier(nullptr);
}

TEST(ScreenState, Colours) {
    EXPECT_EQ(screen_state(nullptr, 0, kNow, 1).colour, ScreenColour::Red);
    EXPECT_EQ(screen_state(healthy(kNow), kNow, kNow + 10, 1).colour, ScreenColour::Green);
    // Silent for longer than three intervals.
    const ScreenState silent = screen_state(healthy(kNow), kNow, kNow + 200, 1);
    EXPECT_EQ(silent.colour, ScreenColour::Red);
    ASSERT_FALSE(silent.reasons.empty());
    // Reporting, but the player has not been alive for minutes: not rendering.
    auto stuck = healthy(kNow);
    stuck["player"]["at"] = format_utc_time(static_cast<std::time_t>(kNow - 300));
    EXPECT_EQ(screen_state(stuck, kNow, kNow + 5, 1).colour, ScreenColour::Red);
    auto no_player = healthy(kNow);
    no_player["player"] = nullptr;
    EXPECT_EQ(screen_state(no_player, kNow, kNow + 5, 1).colour, ScreenColour::Red);
    // Behind the published version; hot; clock not synchronised: amber.
    EXPECT_EQ(screen_state(healthy(kNow), kNow, kNow + 5, 2).colour, ScreenColour::Amber);
    auto hot = healthy(kNow);
    hot["system"] = {{"soc_celsius", 85.0}};
    EXPECT_EQ(screen_state(hot, kNow, kNow + 5, 1).colour, ScreenColour::Amber);
    auto unsynced = healthy(kNow);
    unsynced["system"] = {{"clock_synchronised", false}};
    EXPECT_EQ(screen_state(unsynced, kNow, kNow + 5, 1).colour, ScreenColour::Amber);
    // Off as scheduled.
    auto night = healthy(kNow);
    night["player"]["screen"] = "off (outside screen hours)";
    EXPECT_EQ(screen_state(night, kNow, kNow + 5, 1).colour, ScreenColour::Grey);
}

}  // namespace
}  // namespace placard
