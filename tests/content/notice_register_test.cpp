// The notice register (issue 14): the newest notice of each id, replays refused, a cancel kept as
// long as any notice it ends could come back, a register that cannot be read never taken for
// empty, and a clock that went back judged by the register's own.
#include "content/notice_register.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "core/notice_json.hpp"

namespace placard {
namespace {

namespace fs = std::filesystem;

class NoticeRegisterTest : public ::testing::Test {
  protected:
    void SetUp() override {
        parent = fs::temp_directory_path() /
                 ("placard-notices-" + std::to_string(::getpid()) + "-" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(parent);
        auto opened = ContentStore::for_writing(parent / "store");
        ASSERT_TRUE(opened);
        store.emplace(std::move(opened.value()));
        policy.site = "中共通渭县委组织部";
    }
    void TearDown() override { fs::remove_all(parent); }

    static Notice notice(const char* issued, const char* text, bool cancel = false) {
        Notice n;
        n.id = "drill";
        n.issued = *parse_rfc3339(issued);
        n.cancel = cancel;
        n.level = NoticeLevel::Urgent;
        n.text = cancel ? "" : text;
        n.expires = cancel ? n.issued.plus_seconds(static_cast<double>(kLongestNoticeSeconds))
                           : n.issued.plus_seconds(3600);
        return n;
    }
    UpdateOutcome take(const Notice& n, const char* now) {
        Manifest manifest;
        manifest.kind = SignedKind::Notice;
        manifest.site = policy.site;
        manifest.expires = static_cast<std::time_t>(n.expires.unix_seconds);
        return take_notice(*store, manifest, notice_to_json(n).dump(), policy,
                           static_cast<std::time_t>(parse_rfc3339(now)->unix_seconds),
                           "drill.placard", "bundle drill.placard");
    }
    std::vector<RegisteredNotice> taken() {
        auto loaded = load_notice_register(notice_register_file(*store));
        EXPECT_TRUE(loaded);
        return loaded ? loaded->notices : std::vector<RegisteredNotice>{};
    }

    fs::path parent;
    std::optional<ContentStore> store;
    TrustPolicy policy;
};

TEST_F(NoticeRegisterTest, TakesUpdatesAndRefusesReplays) {
    const Notice first = notice("2026-11-27T09:00:00+08:00", "第一版");
    EXPECT_EQ(take(first, "2026-11-27T09:00:05+08:00").kind, UpdateOutcome::Kind::Taken);
    EXPECT_EQ(take(first, "2026-11-27T09:00:06+08:00").kind, UpdateOutcome::Kind::Unchanged);
    const Notice update = notice("2026-11-27T09:05:00+08:00", "第二版");
    EXPECT_EQ(take(update, "2026-11-27T09:05:01+08:00").kind, UpdateOutcome::Kind::Taken);
    const UpdateOutcome replay = take(first, "2026-11-27T09:06:00+08:00");
    EXPECT_EQ(replay.kind, UpdateOutcome::Kind::Refused);
    EXPECT_NE(replay.reason().find("refused as a replay"), std::string::npos) << replay.reason();
    ASSERT_EQ(taken().size(), 1U);
    EXPECT_EQ(taken()[0].notice.text, "第二版");
}

TEST_F(NoticeRegisterTest, ACancelKeepsTheOldNoticeOutForAsLongAsItCouldRun) {
    // The cancel arrives first; the notice it ends turns up an hour later (a slow stick).
    const Notice cancel = notice("2026-11-27T09:10:00+08:00", "", true);
    EXPECT_EQ(take(cancel, "2026-11-27T09:10:01+08:00").kind, UpdateOutcome::Kind::Taken);
    Notice late = notice("2026-11-27T09:00:00+08:00", "迟到的通知");
    late.expires = late.issued.plus_seconds(24 * 3600.0);
    EXPECT_EQ(take(late, "2026-11-27T10:10:00+08:00").kind, UpdateOutcome::Kind::Refused);
    // Another notice taken a day later (which prunes what has expired) keeps the cancel.
    Notice other = notice("2026-11-28T09:00:00+08:00", "别的");
    other.id = "other";
    EXPECT_EQ(take(other, "2026-11-28T09:00:01+08:00").kind, UpdateOutcome::Kind::Taken);
    EXPECT_EQ(taken().size(), 2U);
    EXPECT_EQ(take(late, "2026-11-28T09:00:02+08:00").kind, UpdateOutcome::Kind::Refused);
}

TEST_F(NoticeRegisterTest, ARegisterThatCannotBeReadIsNotTakenForEmpty) {
    EXPECT_EQ(take(notice("2026-11-27T09:00:00+08:00", "一"), "2026-11-27T09:00:01+08:00").kind,
              UpdateOutcome::Kind::Taken);
    std::ofstream(notice_register_file(*store)) << "{\"notices\": 3";  // Damaged.
    const UpdateOutcome refused =
        take(notice("2026-11-27T09:05:00+08:00", "二"), "2026-11-27T09:05:01+08:00");
    EXPECT_EQ(refused.kind, UpdateOutcome::Kind::Refused);
    EXPECT_NE(refused.reason().find("cannot be read"), std::string::npos) << refused.reason();
    EXPECT_FALSE(load_notice_register(notice_register_file(*store)));
}

TEST_F(NoticeRegisterTest, AClockThatWentBackIsJudgedByTheRegisters) {
    EXPECT_EQ(take(notice("2026-11-27T09:00:00+08:00", "一"), "2026-11-27T09:00:01+08:00").kind,
              UpdateOutcome::Kind::Taken);
    // The register was last written at 12:00 (another notice); the board comes back from a
    // power cut believing it is 09:30: a notice that expired at 10:00 is still refused.
    Notice other = notice("2026-11-27T11:59:00+08:00", "二");
    other.id = "other";
    EXPECT_EQ(take(other, "2026-11-27T12:00:00+08:00").kind, UpdateOutcome::Kind::Taken);
    Notice expired = notice("2026-11-27T09:00:00+08:00", "三");
    expired.id = "third";
    const UpdateOutcome refused = take(expired, "2026-11-27T09:30:00+08:00");
    EXPECT_EQ(refused.kind, UpdateOutcome::Kind::Refused);
    EXPECT_NE(refused.reason().find("expired"), std::string::npos) << refused.reason();
}

TEST_F(NoticeRegisterTest, ANoticeForAnotherSiteIsRefused) {
    Manifest manifest;
    manifest.kind = SignedKind::Notice;
    manifest.site = "另一个单位";
    const Notice n = notice("2026-11-27T09:00:00+08:00", "一");
    manifest.expires = static_cast<std::time_t>(n.expires.unix_seconds);
    const UpdateOutcome refused = take_notice(
        *store, manifest, notice_to_json(n).dump(), policy,
        static_cast<std::time_t>(parse_rfc3339("2026-11-27T09:00:01+08:00")->unix_seconds),
        "x.placard", "x");
    EXPECT_EQ(refused.kind, UpdateOutcome::Kind::Refused);
    EXPECT_TRUE(taken().empty());
}

}  // namespace
}  // namespace placard
