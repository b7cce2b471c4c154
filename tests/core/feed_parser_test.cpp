#include "core/feed_parser.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/utf8.hpp"

namespace placard {
namespace {

using nlohmann::json;

json minimal_feed() {
    return json::parse(R"({
      "placard": 1, "version": 42, "generated": "2026-11-24T09:00:00+08:00",
      "site": {"name": "中共通渭县委组织部", "footer": ["邮编：743300"]},
      "channels": [{"id": "zgwc", "title": "组工文萃"}],
      "banners": [{"id": "b1", "image": "media/b1.png", "article": "a1", "duration": 8}],
      "articles": [{"id": "a1", "channel": "zgwc", "title": "持之以恒建强机关党支部",
                    "published": "2017-07-25", "body": ["党支部是党的组织基础。"]}],
      "ticker": ["一条消息"]
    })");
}

FeedParseOutcome parse(const json& feed) {
    return parse_feed(feed.dump());
}

bool has_problem(const FeedParseOutcome& outcome, const std::string& line) {
    for (const auto& problem : outcome.problems) {
        if (problem.message == line) {
            return true;
        }
    }
    return false;
}

TEST(FeedParser, ReadsEveryFieldOfAValidFeed) {
    const auto outcome = parse(minimal_feed());
    ASSERT_TRUE(outcome.ok()) << outcome.problems.front().message;
    EXPECT_EQ(outcome.feed.version, 42);
    EXPECT_EQ(outcome.feed.site.name, "中共通渭县委组织部");
    ASSERT_EQ(outcome.feed.articles.size(), 1u);
    EXPECT_EQ(outcome.feed.articles[0].title, "持之以恒建强机关党支部");
    EXPECT_EQ(outcome.feed.articles[0].language, "zh-Hans");
    ASSERT_EQ(outcome.feed.banners.size(), 1u);
    EXPECT_DOUBLE_EQ(outcome.feed.banners[0].duration_s, 8);
    ASSERT_TRUE(outcome.feed.generated.has_value());
    EXPECT_EQ(outcome.feed.generated->utc_offset_minutes, 480);
}

TEST(FeedParser, NamesThePathOfAWronglyTypedParagraph) {
    json feed = minimal_feed();
    feed["articles"][0]["body"] = json::array({"一", "二", 3});
    EXPECT_TRUE(has_problem(parse(feed), "feed.json: articles[0].body[2]: expected a string"));
}

TEST(FeedParser, ReportsEveryProblemNotJustTheFirst) {
    json feed = minimal_feed();
    feed.erase("version");
    feed["site"].erase("name");
    feed["banners"][0]["image"] = "../etc/passwd";
    const auto outcome = parse(feed);
    EXPECT_TRUE(has_problem(outcome, "feed.json: version: missing"));
    EXPECT_TRUE(has_problem(outcome, "feed.json: site.name: missing"));
    EXPECT_TRUE(has_problem(
        outcome,
        "feed.json: banners[0].image: \"../etc/passwd\" is not a relative path inside the bundle"));
}

TEST(FeedParser, GivesLineAndColumnOfASyntaxError) {
    const auto outcome = parse_feed("{\n  \"placard\": 1,\n  oops\n}");
    ASSERT_EQ(outcome.problems.size(), 1u);
    EXPECT_NE(outcome.problems[0].message.find("feed.json: line 3, column"), std::string::npos)
        << outcome.problems[0].message;
}

TEST(FeedParser, RefusesInvalidUtf8) {
    // A feed complete in every field, whose site name alone is not UTF-8: the refusal can only
    // be for the bytes (the same feed with the name intact is taken).
    const std::string good = minimal_feed().dump();
    ASSERT_TRUE(parse_feed(good).ok());
    std::string bad = good;
    const std::string name = "中共通渭县委组织部";
    bad.replace(bad.find(name), name.size(), "\xff\xfe");
    const auto outcome = parse_feed(bad);
    ASSERT_FALSE(outcome.ok());
    ASSERT_EQ(outcome.problems.size(), 1u);
    EXPECT_NE(outcome.problems[0].message.find("UTF-8"), std::string::npos)
        << outcome.problems[0].message;
}

TEST(FeedParser, AFeedCutMidCharacterGivesAValidUtf8Reason) {
    const std::string feed = minimal_feed().dump();
    const std::string cut = feed.substr(0, feed.find("中共") + 4);  // Half of 共.
    const auto outcome = parse_feed(cut);
    ASSERT_EQ(outcome.problems.size(), 1u);
    EXPECT_TRUE(utf8::is_valid(outcome.problems[0].message)) << outcome.problems[0].message;
}

TEST(FeedParser, RefusesUnknownFieldsAsLikelyTypos) {
    json feed = minimal_feed();
    feed["articles"][0]["titel"] = "x";
    EXPECT_TRUE(has_problem(parse(feed), "feed.json: articles[0].titel: unknown field"));
}

TEST(FeedParser, ChecksReferencesAndDuplicateIds) {
    json feed = minimal_feed();
    feed["banners"][0]["article"] = "nope";
    feed["articles"][0]["channel"] = "missing";
    feed["channels"].push_back({{"id", "zgwc"}, {"title", "again"}});
    const auto outcome = parse(feed);
    EXPECT_TRUE(has_problem(outcome, "feed.json: banners[0].article: no article has id \"nope\""));
    EXPECT_TRUE(
        has_problem(outcome, "feed.json: articles[0].channel: no channel has id \"missing\""));
    EXPECT_TRUE(has_problem(outcome, "feed.json: channels[1].id: duplicate id \"zgwc\""));
}

TEST(FeedParser, RefusesAnUnsupportedFormatAndBadValues) {
    json feed = minimal_feed();
    feed["placard"] = 2;
    feed["banners"][0]["duration"] = 0;
    feed["articles"][0]["published"] = "2017-02-30";
    feed["banners"][0]["sha256"] = "ABC";
    const auto outcome = parse(feed);
    EXPECT_TRUE(has_problem(
        outcome, "feed.json: placard: unsupported feed format (this player reads format 1)"));
    EXPECT_TRUE(
        has_problem(outcome, "feed.json: banners[0].duration: must be between 1 and 3600 seconds"));
    EXPECT_TRUE(has_problem(
        outcome, "feed.json: articles[0].published: \"2017-02-30\" is not a date like 2017-07-25"));
    EXPECT_TRUE(
        has_problem(outcome, "feed.json: banners[0].sha256: expected 64 lower-case hex digits"));
}

TEST(FeedParser, EnforcesCountAndSizeLimits) {
    FeedLimits limits;
    limits.max_articles = 1;
    limits.max_string_bytes = 10;
    json feed = minimal_feed();
    feed["articles"].push_back(feed["articles"][0]);
    const auto outcome = parse_feed(feed.dump(), "feed.json", limits);
    EXPECT_TRUE(has_problem(outcome, "feed.json: articles: more than 1 items"));
    EXPECT_TRUE(has_problem(outcome, "feed.json: site.name: longer than 10 bytes"));
}

TEST(FeedParser, SafeBundlePaths) {
    EXPECT_TRUE(is_safe_bundle_path("media/b1.png"));
    EXPECT_FALSE(is_safe_bundle_path("/etc/passwd"));
    EXPECT_FALSE(is_safe_bundle_path("media/../../x"));
    EXPECT_FALSE(is_safe_bundle_path("media//x"));
    EXPECT_FALSE(is_safe_bundle_path("./x"));
    EXPECT_FALSE(is_safe_bundle_path("media\\x"));
    EXPECT_FALSE(is_safe_bundle_path(""));
}

}  // namespace
}  // namespace placard
