#include "studio/notice_editing.hpp"

#include <gtest/gtest.h>

#include "core/notice_json.hpp"

namespace placard {
namespace {

using json = nlohmann::json;

// 2026-11-27 09:00 in China.
const WallTime kNine{1795741200, 8 * 60};

json feed_with(json notices) {
    json feed = {{"site", {{"name", "县委组织部"}}}, {"articles", json::array()}, {"version", 4}};
    if (!notices.empty()) {
        feed["notices"] = std::move(notices);
    }
    return feed;
}

TEST(StudioNotices, ARequestBecomesANoticeIssuedNowLastingItsMinutes) {
    const auto notice = notice_from_request(
        {{"level", "urgent"}, {"title", "消防演练"}, {"text", "请有序撤离。"}, {"minutes", 45}},
        feed_with(json::array()), kNine);
    ASSERT_TRUE(notice) << notice.error().message;
    EXPECT_EQ(notice->id, "studio-1795741200");
    EXPECT_EQ(notice->level, NoticeLevel::Urgent);
    EXPECT_EQ(notice->issued.unix_seconds, kNine.unix_seconds);
    EXPECT_EQ(notice->expires.unix_seconds, kNine.unix_seconds + 45 * 60);
    EXPECT_EQ(format_rfc3339(notice->issued), "2026-11-27T09:00:00+08:00");
    EXPECT_FALSE(notice->starts);
}

TEST(StudioNotices, AnUpdateWithinTheSecondIsIssuedASecondLater) {
    const json held = {{"id", "drill"},
                       {"issued", "2026-11-27T09:00:00+08:00"},
                       {"level", "urgent"},
                       {"text", "演练"},
                       {"expires", "2026-11-27T10:00:00+08:00"}};
    const auto cancel = notice_from_request({{"id", "drill"}, {"cancel", true}},
                                            feed_with(json::array({held})), kNine);
    ASSERT_TRUE(cancel) << cancel.error().message;
    EXPECT_TRUE(cancel->cancel);
    EXPECT_EQ(cancel->issued.unix_seconds, kNine.unix_seconds + 1);
}

TEST(StudioNotices, ABadRequestIsRefusedWithItsReason) {
    const json feed = feed_with(json::array());
    EXPECT_EQ(notice_from_request({{"level", "urgent"}, {"text", "x"}, {"minutes", 0}}, feed, kNine)
                  .error()
                  .message,
              "minutes: expected whole minutes from 1 to 44640");
    EXPECT_EQ(notice_from_request({{"level", "loud"}, {"text", "x"}}, feed, kNine)
                  .error()
                  .message.find("notice.level"),
              0U);
    EXPECT_EQ(notice_from_request({{"cancel", true}}, feed, kNine).error().message,
              "id: a cancel names the notice it ends");
    EXPECT_EQ(
        notice_from_request({{"level", "urgent"}, {"text", "x"}, {"expires", "2030"}}, feed, kNine)
            .error()
            .message,
        "expires: not a field of a notice request");
    EXPECT_FALSE(
        notice_from_request({{"level", "urgent"}, {"text", std::string(4001, 'x')}}, feed, kNine));
}

TEST(StudioNotices, TheFeedKeepsOneNoticeAnIdAndDropsFinishedOnes) {
    const json finished = {{"id", "old"},
                           {"issued", "2026-11-26T09:00:00+08:00"},
                           {"level", "information"},
                           {"text", "昨天的"},
                           {"expires", "2026-11-26T10:00:00+08:00"}};
    const json running = {{"id", "drill"},
                          {"issued", "2026-11-27T08:30:00+08:00"},
                          {"level", "warning"},
                          {"text", "演练"},
                          {"expires", "2026-11-27T10:00:00+08:00"}};
    const json other = {{"id", "water"},
                        {"issued", "2026-11-27T08:00:00+08:00"},
                        {"level", "information"},
                        {"text", "停水"},
                        {"expires", "2026-11-27T18:00:00+08:00"}};
    const json feed = feed_with(json::array({finished, running, other}));
    const auto update = notice_from_request(
        {{"id", "drill"}, {"level", "urgent"}, {"text", "现在撤离"}, {"minutes", 30}}, feed, kNine);
    ASSERT_TRUE(update);
    const json out = feed_with_notice(feed, *update, kNine);
    ASSERT_EQ(out["notices"].size(), 2U);
    EXPECT_EQ(out["notices"][0]["id"], "water");
    EXPECT_EQ(out["notices"][1]["id"], "drill");
    EXPECT_EQ(out["notices"][1]["level"], "urgent");
    EXPECT_FALSE(out["notices"][1].contains("placard_notice"));
    EXPECT_EQ(out["site"], feed["site"]);
}

TEST(StudioNotices, ADraftMadeBeforeANoticeIsPublishedWithIt) {
    const json base = feed_with(json::array());
    const json notice = {{"id", "drill"},
                         {"issued", "2026-11-27T09:00:00+08:00"},
                         {"level", "urgent"},
                         {"text", "演练"},
                         {"expires", "2026-11-27T10:00:00+08:00"}};
    json current = feed_with(json::array({notice}));
    current["version"] = 5;
    json draft = base;
    draft["articles"].push_back({{"id", "new"}, {"title", "新文章"}});

    const auto carried = carry_notices(draft, base, current);
    ASSERT_TRUE(carried);
    EXPECT_EQ((*carried)["articles"], draft["articles"]);
    ASSERT_EQ((*carried)["notices"].size(), 1U);
    EXPECT_EQ((*carried)["notices"][0]["id"], "drill");

    // A cancel published since wins over the notice the draft still holds.
    json cancel = {{"id", "drill"}, {"issued", "2026-11-27T09:30:00+08:00"}, {"cancel", true}};
    const auto after_cancel = carry_notices(current, current, feed_with(json::array({cancel})));
    ASSERT_TRUE(after_cancel);
    EXPECT_EQ((*after_cancel)["notices"][0]["cancel"], true);
}

TEST(StudioNotices, WrongTypesAndUnknownIdsAreRefusedNotThrown) {
    const json feed = feed_with(json::array());
    EXPECT_EQ(notice_from_request({{"cancel", 1}, {"id", "x"}}, feed, kNine).error().message,
              "cancel: expected true or false");
    EXPECT_EQ(notice_from_request({{"id", 5}, {"level", "urgent"}, {"text", "x"}}, feed, kNine)
                  .error()
                  .message,
              "id: expected text");
    const auto unknown = notice_from_request({{"id", "nothing"}, {"cancel", true}}, feed, kNine);
    EXPECT_EQ(unknown.error().kind, ErrorKind::NotFound);
    EXPECT_EQ(unknown.error().message, "no notice \"nothing\" to cancel");
}

TEST(StudioNotices, TwoNoticesInOneSecondGetTheirOwnIds) {
    const json request = {{"level", "warning"}, {"text", "停电"}};
    const auto first = notice_from_request(request, feed_with(json::array()), kNine);
    ASSERT_TRUE(first);
    const json feed = feed_with_notice(feed_with(json::array()), *first, kNine);
    const auto second = notice_from_request(request, feed, kNine);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->id, "studio-1795741200-2");
    EXPECT_EQ(feed_with_notice(feed, *second, kNine)["notices"].size(), 2U);
}

TEST(StudioNotices, ACancelStaysOnlyWhileItsAllClearCardShows) {
    const json cancel = {{"id", "drill"},
                         {"issued", "2026-11-27T09:00:00+08:00"},
                         {"cancel", true},
                         {"all_clear", "演练结束"},
                         {"all_clear_minutes", 5}};
    const json silent = {
        {"id", "quiet"}, {"issued", "2026-11-27T09:00:00+08:00"}, {"cancel", true}};
    const json feed = feed_with(json::array({cancel, silent}));
    const auto next = notice_from_request({{"level", "information"}, {"text", "x"}}, feed,
                                          kNine.plus_seconds(60));
    ASSERT_TRUE(next);
    const json soon = feed_with_notice(feed, *next, kNine.plus_seconds(60));
    ASSERT_EQ(soon["notices"].size(), 2U);
    EXPECT_EQ(soon["notices"][0]["id"], "drill");
    const json later = feed_with_notice(feed, *next, kNine.plus_seconds(301));
    EXPECT_EQ(later["notices"].size(), 1U);
}

TEST(StudioNotices, ARollbackTakesTheCurrentNoticesNotTheOldOnes) {
    const json old_notice = {{"id", "old"},
                             {"issued", "2026-11-20T09:00:00+08:00"},
                             {"level", "information"},
                             {"text", "旧通知"},
                             {"expires", "2026-12-10T09:00:00+08:00"}};
    const json old_version = feed_with(json::array({old_notice}));
    EXPECT_FALSE(with_notices_of(old_version, feed_with(json::array())).contains("notices"));
    const json current = feed_with(json::array({{{"id", "now"}, {"cancel", true}}}));
    EXPECT_EQ(with_notices_of(old_version, current)["notices"], current["notices"]);
}

TEST(StudioNotices, TheDraftsOwnNoticeChangesMergeThreeWays) {
    const json running = {{"id", "water"},
                          {"issued", "2026-11-27T08:00:00+08:00"},
                          {"level", "information"},
                          {"text", "停水"},
                          {"expires", "2026-11-27T18:00:00+08:00"}};
    const json cancelled = {
        {"id", "water"}, {"issued", "2026-11-27T08:30:00+08:00"}, {"cancel", true}};
    const json base = feed_with(json::array({running}));
    // The draft removed the notice; nothing changed it since: it stays removed.
    EXPECT_FALSE(carry_notices(feed_with(json::array()), base, base)->contains("notices"));
    // The draft removed it, and it was cancelled since: the cancel (the later change) counts.
    const json current = feed_with(json::array({cancelled}));
    EXPECT_EQ((*carry_notices(feed_with(json::array()), base, current))["notices"],
              json::array({cancelled}));
    // The draft left it alone and it was cancelled since: the cancel, not the draft's old copy.
    EXPECT_EQ((*carry_notices(base, base, current))["notices"], json::array({cancelled}));
}

TEST(StudioNotices, ADraftMadeBeforeOtherContentChangedIsNotCarried) {
    const json base = feed_with(json::array());
    json current = base;
    current["site"]["name"] = "县委组织部（新）";
    EXPECT_FALSE(carry_notices(base, base, current));
}

}  // namespace
}  // namespace placard
