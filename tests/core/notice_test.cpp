// Urgent notices (issue 14): which notice is on screen at an instant — levels, update and cancel
// by id, expiry, the screen's own limit, the all-clear card, a band's turns — and the JSON
// that carries them, with every mistake named.
#include "core/notice.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "core/feed_parser.hpp"
#include "core/notice_json.hpp"

namespace placard {
namespace {

using nlohmann::json;

WallTime at(const char* text) {
    return *parse_rfc3339(text);
}

Notice notice(const char* id, const char* issued, NoticeLevel level, const char* expires,
              const char* text = "请注意。") {
    Notice n;
    n.id = id;
    n.issued = at(issued);
    n.level = level;
    n.text = text;
    n.expires = at(expires);
    return n;
}

Notice cancel(const char* id, const char* issued, const char* all_clear = "") {
    Notice n;
    n.id = id;
    n.issued = at(issued);
    n.cancel = true;
    n.all_clear = all_clear;
    n.expires = n.issued.plus_seconds(static_cast<double>(kLongestNoticeSeconds));
    return n;
}

constexpr double kTwoHours = 2 * 3600;

TEST(Notice, ShownFromIssuedUntilItExpires) {
    const std::vector<Notice> notices = {notice("a", "2026-11-27T09:00:00+08:00",
                                                NoticeLevel::Warning, "2026-11-27T09:30:00+08:00")};
    EXPECT_EQ(notice_view_at(notices, at("2026-11-27T08:59:59+08:00"), kTwoHours).kind,
              NoticeView::Kind::None);
    const NoticeView shown = notice_view_at(notices, at("2026-11-27T09:00:00+08:00"), kTwoHours);
    EXPECT_EQ(shown.kind, NoticeView::Kind::Band);
    EXPECT_EQ(shown.notice, &notices[0]);
    EXPECT_EQ(shown.next_change, at("2026-11-27T09:30:00+08:00").unix_seconds);
    EXPECT_EQ(notice_view_at(notices, at("2026-11-27T09:30:00+08:00"), kTwoHours).kind,
              NoticeView::Kind::None);
    // Before it starts, the view says when it will change.
    EXPECT_EQ(notice_view_at(notices, at("2026-11-27T08:00:00+08:00"), kTwoHours).next_change,
              at("2026-11-27T09:00:00+08:00").unix_seconds);
}

TEST(Notice, TheScreensLimitCutsALongNoticeShort) {
    const std::vector<Notice> notices = {
        notice("a", "2026-11-27T09:00:00+08:00", NoticeLevel::Urgent, "2026-11-30T09:00:00+08:00")};
    EXPECT_EQ(notice_view_at(notices, at("2026-11-27T10:59:59+08:00"), kTwoHours).kind,
              NoticeView::Kind::FullScreen);
    EXPECT_EQ(notice_view_at(notices, at("2026-11-27T11:00:00+08:00"), kTwoHours).kind,
              NoticeView::Kind::None);
}

TEST(Notice, UrgentTakesTheWholeScreenOverBands) {
    const std::vector<Notice> notices = {
        notice("info", "2026-11-27T09:00:00+08:00", NoticeLevel::Information,
               "2026-11-27T12:00:00+08:00"),
        notice("fire", "2026-11-27T09:10:00+08:00", NoticeLevel::Urgent,
               "2026-11-27T09:20:00+08:00"),
    };
    const NoticeView during = notice_view_at(notices, at("2026-11-27T09:15:00+08:00"), kTwoHours);
    EXPECT_EQ(during.kind, NoticeView::Kind::FullScreen);
    EXPECT_EQ(during.notice->id, "fire");
    const NoticeView after = notice_view_at(notices, at("2026-11-27T09:20:00+08:00"), kTwoHours);
    EXPECT_EQ(after.kind, NoticeView::Kind::Band);
    EXPECT_EQ(after.notice->id, "info");
}

TEST(Notice, SeveralBandNoticesTakeTurnsHighestLevelFirst) {
    const std::vector<Notice> notices = {
        notice("info", "2026-11-27T09:00:00+08:00", NoticeLevel::Information,
               "2026-11-27T12:00:00+08:00"),
        notice("warn", "2026-11-27T08:30:00+08:00", NoticeLevel::Warning,
               "2026-11-27T12:00:00+08:00"),
    };
    // 10:00:00 is a whole number of turns since the epoch: the first in order is shown.
    const WallTime ten = at("2026-11-27T10:00:00+08:00");
    const NoticeView first = notice_view_at(notices, ten, kTwoHours);
    ASSERT_EQ(first.kind, NoticeView::Kind::Band);
    EXPECT_EQ(first.notice->id, "warn");
    EXPECT_EQ(first.position, 1);
    EXPECT_EQ(first.count, 2);
    EXPECT_EQ(first.next_change, ten.unix_seconds + kNoticeBandTurnSeconds);
    const NoticeView second =
        notice_view_at(notices, ten.plus_seconds(kNoticeBandTurnSeconds), kTwoHours);
    EXPECT_EQ(second.notice->id, "info");
    EXPECT_EQ(second.position, 2);
}

TEST(Notice, ALaterNoticeOfTheSameIdReplacesItAndACancelEndsIt) {
    const std::vector<Notice> delivered = {
        notice("fire", "2026-11-27T09:00:00+08:00", NoticeLevel::Urgent,
               "2026-11-27T10:00:00+08:00", "旧的内容"),
        notice("fire", "2026-11-27T09:05:00+08:00", NoticeLevel::Warning,
               "2026-11-27T10:00:00+08:00", "更新的内容"),
    };
    auto newest = newest_of_each_id(delivered);
    ASSERT_EQ(newest.size(), 1U);
    EXPECT_EQ(newest[0].text, "更新的内容");
    // An older notice arriving after the newer one does not win.
    std::vector<Notice> reversed(delivered.rbegin(), delivered.rend());
    EXPECT_EQ(newest_of_each_id(reversed)[0].text, "更新的内容");

    std::vector<Notice> with_cancel = delivered;
    with_cancel.push_back(cancel("fire", "2026-11-27T09:30:00+08:00", "演练结束。"));
    newest = newest_of_each_id(with_cancel);
    ASSERT_EQ(newest.size(), 1U);
    EXPECT_TRUE(newest[0].cancel);
    const NoticeView card = notice_view_at(newest, at("2026-11-27T09:31:00+08:00"), kTwoHours);
    EXPECT_EQ(card.kind, NoticeView::Kind::AllClear);
    EXPECT_EQ(card.notice->all_clear, "演练结束。");
    EXPECT_EQ(card.next_change, at("2026-11-27T09:35:00+08:00").unix_seconds);
    EXPECT_EQ(notice_view_at(newest, at("2026-11-27T09:35:00+08:00"), kTwoHours).kind,
              NoticeView::Kind::None);
    // A cancel without a card just ends the notice.
    with_cancel.back().all_clear.clear();
    EXPECT_EQ(
        notice_view_at(newest_of_each_id(with_cancel), at("2026-11-27T09:31:00+08:00"), kTwoHours)
            .kind,
        NoticeView::Kind::None);
}

TEST(Notice, StartsLaterWhenToldTo) {
    Notice later = notice("later", "2026-11-27T09:00:00+08:00", NoticeLevel::Information,
                          "2026-11-27T12:00:00+08:00");
    later.starts = at("2026-11-27T11:00:00+08:00");
    const std::vector<Notice> notices = {later};
    EXPECT_EQ(notice_view_at(notices, at("2026-11-27T10:59:00+08:00"), kTwoHours).kind,
              NoticeView::Kind::None);
    EXPECT_EQ(notice_view_at(notices, at("2026-11-27T11:00:00+08:00"), kTwoHours).kind,
              NoticeView::Kind::Band);
}

// Property: at any instant the view is a notice that is due (started, not expired, within the
// limit): an urgent one on the whole screen when one is due, else the band with every due one in
// turn; and nothing changes before next_change.
TEST(Notice, PropertyTheViewIsADueNoticeOfTheHighestLevel) {
    std::mt19937 random(20261127);
    const WallTime base = at("2026-11-27T09:00:00+08:00");
    for (int round = 0; round < 200; ++round) {
        std::vector<Notice> notices;
        const int count = 1 + static_cast<int>(random() % 5);
        for (int i = 0; i < count; ++i) {
            Notice n;
            n.id = "n" + std::to_string(i);
            n.issued = base.plus_seconds(static_cast<double>(random() % 3600));
            n.level = static_cast<NoticeLevel>(random() % 3);
            n.text = "x";
            n.expires = n.issued.plus_seconds(60.0 + static_cast<double>(random() % 3600));
            notices.push_back(n);
        }
        const double limit = 600.0 + static_cast<double>(random() % 3600);
        const WallTime now = base.plus_seconds(static_cast<double>(random() % 7200));
        const NoticeView view = notice_view_at(notices, now, limit);
        const auto due = [&](const Notice& n) {
            return n.issued.unix_seconds <= now.unix_seconds &&
                   now.unix_seconds < n.expires.unix_seconds &&
                   now.unix_seconds < n.issued.unix_seconds + static_cast<long>(limit);
        };
        NoticeLevel highest = NoticeLevel::Information;
        int due_count = 0;
        for (const Notice& n : notices) {
            if (due(n)) {
                highest = due_count++ > 0 ? std::max(highest, n.level) : n.level;
            }
        }
        ASSERT_EQ(view.kind != NoticeView::Kind::None, due_count > 0) << "round " << round;
        if (due_count > 0) {
            EXPECT_TRUE(due(*view.notice)) << "round " << round;
            // Urgent takes the whole screen; else the band takes every due notice in turn.
            EXPECT_EQ(view.kind == NoticeView::Kind::FullScreen, highest == NoticeLevel::Urgent);
            if (view.kind == NoticeView::Kind::FullScreen) {
                EXPECT_EQ(view.notice->level, NoticeLevel::Urgent);
            } else {
                EXPECT_EQ(view.count, due_count) << "round " << round;
            }
        }
        // Nothing changes before next_change.
        if (view.next_change != INT64_MAX && view.next_change - now.unix_seconds > 1) {
            const WallTime just_before{view.next_change - 1, now.utc_offset_minutes};
            EXPECT_EQ(notice_view_at(notices, just_before, limit), view) << "round " << round;
        }
    }
}

std::vector<std::string> feed_problems(const json& notices) {
    json feed = json::parse(R"({
      "placard": 1, "version": 1, "site": {"name": "中共通渭县委组织部"},
      "channels": [{"id": "zgwc", "title": "组工文萃"}],
      "articles": [{"id": "a1", "channel": "zgwc", "title": "标题", "body": ["正文。"]}]
    })");
    feed["notices"] = notices;
    std::vector<std::string> lines;
    for (const auto& problem : parse_feed(feed.dump()).problems) {
        lines.push_back(problem.message);
    }
    return lines;
}

TEST(NoticeJson, ReadsNoticesAndCancelsInTheFeed) {
    json feed = json::parse(R"({
      "placard": 1, "version": 1, "site": {"name": "中共通渭县委组织部"},
      "channels": [{"id": "zgwc", "title": "组工文萃"}],
      "articles": [{"id": "a1", "channel": "zgwc", "title": "标题", "body": ["正文。"]}],
      "notices": [
        {"id": "drill", "issued": "2026-11-27T09:00:00+08:00", "level": "urgent",
         "title": "消防演练", "text": "请沿疏散指示有序撤离。", "expires": "2026-11-27T10:00:00+08:00"},
        {"id": "old", "issued": "2026-11-27T08:00:00+08:00", "cancel": true,
         "all_clear": "已恢复。", "all_clear_minutes": 3}
      ]
    })");
    const auto outcome = parse_feed(feed.dump());
    ASSERT_TRUE(outcome.problems.empty()) << outcome.problems.front().message;
    ASSERT_EQ(outcome.feed.notices.size(), 2U);
    const Notice& drill = outcome.feed.notices[0];
    EXPECT_EQ(drill.level, NoticeLevel::Urgent);
    EXPECT_EQ(drill.title, "消防演练");
    EXPECT_EQ(drill.expires.unix_seconds, at("2026-11-27T10:00:00+08:00").unix_seconds);
    const Notice& old = outcome.feed.notices[1];
    EXPECT_TRUE(old.cancel);
    EXPECT_EQ(old.all_clear_minutes, 3);
    // A cancel without expires lasts as long as any notice it ends could (31 days).
    EXPECT_EQ(old.expires.unix_seconds, old.issued.unix_seconds + kLongestNoticeSeconds);
}

TEST(NoticeJson, NamesEveryMistake) {
    const auto first = [](const json& notice) {
        const auto lines = feed_problems(json::array({notice}));
        return lines.empty() ? std::string("(none)") : lines.front();
    };
    const json good = json::parse(R"({"id": "n1", "issued": "2026-11-27T09:00:00+08:00",
        "level": "warning", "text": "请注意。", "expires": "2026-11-27T10:00:00+08:00"})");
    EXPECT_EQ(first(good), "(none)");
    json bad = good;
    bad["level"] = "critical";
    EXPECT_EQ(first(bad),
              "feed.json: notices[0].level: \"critical\" is not information, warning or urgent");
    bad = good;
    bad["expires"] = "2026-11-27T08:00:00+08:00";
    EXPECT_EQ(first(bad), "feed.json: notices[0].expires: must be later than issued");
    bad = good;
    bad["expires"] = "2027-01-27T08:00:00+08:00";
    EXPECT_EQ(first(bad), "feed.json: notices[0].expires: more than 31 days after issued");
    bad = good;
    bad.erase("expires");
    EXPECT_EQ(first(bad), "feed.json: notices[0].expires: missing");
    bad = good;
    bad["id"] = "has space";
    EXPECT_EQ(first(bad),
              "feed.json: notices[0].id: \"has space\" is not an id of letters, "
              "digits, '-', '_' and '.' (at most 64)");
    bad = good;
    bad["all_clear"] = "完毕";
    EXPECT_EQ(first(bad),
              "feed.json: notices[0].all_clear: only a cancel (\"cancel\": true) has an all-clear "
              "card");
    bad = good;
    bad["cancel"] = true;
    EXPECT_EQ(first(bad),
              "feed.json: notices[0].text: a cancel has no text (its card's text is all_clear)");
    bad = good;
    bad["colour"] = "red";
    EXPECT_EQ(first(bad), "feed.json: notices[0].colour: unknown field");
    bad = good;
    bad["issued"] = "today";
    EXPECT_EQ(first(bad),
              "feed.json: notices[0].issued: \"today\" is not an RFC 3339 time like "
              "2026-11-27T09:00:00+08:00");
    EXPECT_EQ(feed_problems(json::array({good, good})).front(),
              "feed.json: notices[1].id: duplicate id \"n1\"");
}

TEST(NoticeJson, ANoticeFileRoundTrips) {
    Notice original = notice("drill", "2026-11-27T09:00:00+08:00", NoticeLevel::Urgent,
                             "2026-11-27T10:00:00+08:00", "请沿疏散指示有序撤离。");
    original.title = "消防演练";
    const std::string text = notice_to_json(original).dump();
    auto read = parse_notice_document(text, "drill.placard: notice.json");
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_EQ(read->id, "drill");
    EXPECT_EQ(read->title, "消防演练");
    EXPECT_EQ(read->text, original.text);
    EXPECT_EQ(read->issued.unix_seconds, original.issued.unix_seconds);
    EXPECT_EQ(read->issued.utc_offset_minutes, 480);
    EXPECT_EQ(read->expires.unix_seconds, original.expires.unix_seconds);

    auto without_format = json::parse(text);
    without_format.erase("placard_notice");
    auto refused = parse_notice_document(without_format.dump(), "x.placard: notice.json");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message,
              "x.placard: notice.json: placard_notice: expected 1 (the notice format)");
    EXPECT_FALSE(parse_notice_document("{", "x"));
}

}  // namespace
}  // namespace placard
