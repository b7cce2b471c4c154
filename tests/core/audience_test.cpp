// Groups (issue 16): an item with "groups" shows only on the screens of those groups; the feed
// says so in a form the parser checks, and a screen cuts the feed to its part.
#include "core/audience.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/content_model.hpp"
#include "core/feed_parser.hpp"
#include "core/notice_json.hpp"

namespace placard {
namespace {

using nlohmann::json;

json feed_with_groups() {
    return json::parse(R"({
      "placard": 1, "version": 7,
      "site": {"name": "中共通渭县委组织部"},
      "channels": [{"id": "zgwc", "title": "组工文萃"}],
      "banners": [{"id": "all", "image": "media/a.png", "article": "town"},
                  {"id": "town-only", "image": "media/t.png", "groups": ["乡镇"]},
                  {"id": "hall-only", "image": "media/h.png", "groups": ["县委大楼"]}],
      "articles": [{"id": "town", "channel": "zgwc", "title": "乡镇通知", "body": ["正文。"],
                    "groups": ["乡镇"]},
                   {"id": "every", "channel": "zgwc", "title": "全县通知", "body": ["正文。"]}],
      "ticker": ["人人可见", {"text": "乡镇可见", "groups": ["乡镇", "街道"]}],
      "notices": [{"id": "n1", "issued": "2026-11-27T09:00:00+08:00", "level": "urgent",
                   "text": "乡镇演练", "expires": "2026-11-27T10:00:00+08:00",
                   "groups": ["乡镇"]}]
    })");
}

std::vector<std::string> ids(const std::vector<Banner>& banners) {
    std::vector<std::string> out;
    for (const Banner& banner : banners) {
        out.push_back(banner.id);
    }
    return out;
}

TEST(Audience, TheParserReadsGroupsOfEveryKindOfItem) {
    const auto outcome = parse_feed(feed_with_groups().dump());
    ASSERT_TRUE(outcome.problems.empty()) << outcome.problems.front().message;
    const Feed& feed = outcome.feed;
    EXPECT_TRUE(feed.banners[0].groups.empty());
    EXPECT_EQ(feed.banners[1].groups, std::vector<std::string>{"乡镇"});
    EXPECT_EQ(feed.articles[0].groups, std::vector<std::string>{"乡镇"});
    EXPECT_EQ(feed.ticker[1].groups, (std::vector<std::string>{"乡镇", "街道"}));
    EXPECT_EQ(feed.notices[0].groups, std::vector<std::string>{"乡镇"});
}

TEST(Audience, TheParserRefusesWhatIsNotAListOfGroupNames) {
    for (const json& wrong : {json("乡镇"), json::array(), json::array({""}), json::array({1}),
                              json::array({std::string(kMostGroupBytes + 1, 'x')}),
                              json(std::vector<std::string>(kMostItemGroups + 1, "组"))}) {
        json feed = feed_with_groups();
        feed["banners"][1]["groups"] = wrong;
        const auto outcome = parse_feed(feed.dump());
        ASSERT_EQ(outcome.problems.size(), 1U) << wrong;
        EXPECT_NE(outcome.problems[0].message.find("banners[1].groups"), std::string::npos)
            << outcome.problems[0].message;
    }
    json feed = feed_with_groups();
    feed["notices"][0]["groups"] = json::array();
    const auto outcome = parse_feed(feed.dump());
    ASSERT_EQ(outcome.problems.size(), 1U);
    EXPECT_NE(outcome.problems[0].message.find("notices[0].groups"), std::string::npos)
        << outcome.problems[0].message;
}

TEST(Audience, AnItemWithoutGroupsIsForEveryScreen) {
    EXPECT_TRUE(aimed_at({}, ""));
    EXPECT_TRUE(aimed_at({}, "乡镇"));
    EXPECT_TRUE(aimed_at({"乡镇", "街道"}, "街道"));
    EXPECT_FALSE(aimed_at({"乡镇"}, ""));  // A screen in no group: what is for all only.
    EXPECT_FALSE(aimed_at({"乡镇"}, "乡"));
}

TEST(Audience, AScreenKeepsItsGroupsPartOfTheFeed) {
    Feed feed = parse_feed(feed_with_groups().dump()).feed;
    Feed town = feed;
    keep_aimed_at(town, "乡镇");
    EXPECT_EQ(ids(town.banners), (std::vector<std::string>{"all", "town-only"}));
    EXPECT_EQ(town.articles.size(), 2U);
    EXPECT_EQ(town.ticker.size(), 2U);
    EXPECT_EQ(town.banners[0].article, "town");

    Feed hall = feed;
    keep_aimed_at(hall, "县委大楼");
    EXPECT_EQ(ids(hall.banners), (std::vector<std::string>{"all", "hall-only"}));
    ASSERT_EQ(hall.articles.size(), 1U);
    EXPECT_EQ(hall.articles[0].id, "every");
    // The banner for all still shows there; its article is not, so a tap opens nothing.
    EXPECT_EQ(hall.banners[0].article, "");
    ASSERT_EQ(hall.ticker.size(), 1U);
    EXPECT_EQ(hall.ticker[0].text, "人人可见");
    // Notices are judged by their newest version, on the screen (PlayerFrame), not here.
    EXPECT_EQ(hall.notices.size(), 1U);
}

TEST(Audience, ANoticeFileKeepsItsGroups) {
    auto notice = parse_notice_document(
        R"({"placard_notice": 1, "id": "n", "issued": "2026-11-27T09:00:00+08:00",
            "level": "warning", "text": "停水", "expires": "2026-11-27T12:00:00+08:00",
            "groups": ["乡镇"]})",
        "notice.json");
    ASSERT_TRUE(notice) << notice.error().message;
    EXPECT_EQ(notice->groups, std::vector<std::string>{"乡镇"});
    auto again = parse_notice_document(notice_to_json(*notice).dump(), "again");
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->groups, notice->groups);
    EXPECT_FALSE(parse_notice_document(
        R"({"placard_notice": 1, "id": "n", "issued": "2026-11-27T09:00:00+08:00",
            "level": "warning", "text": "停水", "expires": "2026-11-27T12:00:00+08:00",
            "groups": [""]})",
        "notice.json"));
}

}  // namespace
}  // namespace placard
