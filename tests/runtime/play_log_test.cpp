// The play log (issue 14): records written in one transaction, rolled up by hour (times before
// 1970 too), pruned by age and by size, read back; a damaged file set aside and a new one
// started. See also the week-long soak in tests/bench/soak.cpp.
#include "runtime/play_log.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace placard {
namespace {

namespace fs = std::filesystem;

class PlayLogTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir = fs::temp_directory_path() /
              ("placard-plays-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir);
        file = dir / "plays.sqlite";
    }
    void TearDown() override { fs::remove_all(dir); }
    fs::path dir, file;
};

constexpr std::int64_t kNine = 1795741200;  // 2026-11-27T09:00:00+08:00.

TEST_F(PlayLogTest, WritesRollsUpAndReadsBack) {
    auto log = PlayLog::open(file);
    ASSERT_TRUE(log) << log.error().message;
    (*log)->record(PlayRecord{"banner", "b1", 42, kNine, 8});
    (*log)->record(PlayRecord{"banner", "b1", 42, kNine + 8, 8});
    (*log)->record(PlayRecord{"excerpt", "a1", 42, kNine + 3700, 12});
    (*log)->record(VisitRecord{kNine + 100, 41, "a:a1 35; c:zgwc 6"});
    auto written = (*log)->flush(kNine + 4000);
    ASSERT_TRUE(written) << written.error().message;
    EXPECT_EQ(*written, 4U);
    auto plays = (*log)->plays_since(0);
    ASSERT_TRUE(plays);
    ASSERT_EQ(plays->size(), 3U);
    EXPECT_EQ((*plays)[0].item, "b1");
    EXPECT_EQ((*plays)[2].zone, "excerpt");
    auto hourly = (*log)->hourly_since(0);
    ASSERT_TRUE(hourly);
    ASSERT_EQ(hourly->size(), 2U);
    EXPECT_EQ((*hourly)[0].item, "b1");
    EXPECT_EQ((*hourly)[0].plays, 2);
    EXPECT_DOUBLE_EQ((*hourly)[0].seconds, 16);
    EXPECT_EQ((*hourly)[1].hour, kNine + 3600);
    auto visits = (*log)->visits_since(kNine);
    ASSERT_TRUE(visits);
    ASSERT_EQ(visits->size(), 1U);
    EXPECT_EQ((*visits)[0].screens, "a:a1 35; c:zgwc 6");
    // Reopened, by another reader (`placard-tool plays`), it holds the same.
    auto reader = PlayLog::open_existing(file);
    ASSERT_TRUE(reader);
    EXPECT_EQ((*reader)->plays_since(kNine + 1)->size(), 2U);
}

// The reader is read-only: while the player writes it sees each committed minute; once the
// player has closed the log it reads it as it is and leaves no -wal or -shm file beside it (one
// made by root would shut the player out of its own log). A path with URI characters is read.
TEST_F(PlayLogTest, AReaderWritesNothingAndSeesWhatThePlayerCommitted) {
    const fs::path odd = dir / "log #1 ?50%.sqlite";
    {
        auto writer = PlayLog::open(odd);
        ASSERT_TRUE(writer) << writer.error().message;
        (*writer)->record(PlayRecord{"banner", "b1", 1, kNine, 8});
        ASSERT_TRUE((*writer)->flush(kNine + 60));
        auto reader = PlayLog::open_existing(odd);
        ASSERT_TRUE(reader) << reader.error().message;
        EXPECT_EQ((*reader)->plays_since(0)->size(), 1U);
        (*writer)->record(PlayRecord{"banner", "b2", 1, kNine + 8, 8});
        ASSERT_TRUE((*writer)->flush(kNine + 120));
        EXPECT_EQ((*reader)->plays_since(0)->size(), 2U);
    }
    ASSERT_FALSE(fs::exists(odd.string() + "-wal"));
    {
        auto reader = PlayLog::open_existing(odd);
        ASSERT_TRUE(reader) << reader.error().message;
        EXPECT_EQ((*reader)->plays_since(0)->size(), 2U);
        EXPECT_FALSE(fs::exists(odd.string() + "-wal"));
        EXPECT_FALSE(fs::exists(odd.string() + "-shm"));
    }
    const auto missing = PlayLog::open_existing(dir / "none.sqlite");
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("none.sqlite: no such file"), std::string::npos);
    EXPECT_FALSE(fs::exists(dir / "none.sqlite"));
}

TEST_F(PlayLogTest, AnHourBeforeNineteenSeventyIsTheHourBefore) {
    auto log = PlayLog::open(file);
    ASSERT_TRUE(log);
    (*log)->record(PlayRecord{"banner", "b1", 1, -1, 1});
    ASSERT_TRUE((*log)->flush(60));
    const auto hourly = (*log)->hourly_since(-7200);
    ASSERT_TRUE(hourly);
    ASSERT_EQ(hourly->size(), 1U);
    EXPECT_EQ((*hourly)[0].hour, -3600);
}

TEST_F(PlayLogTest, RawPlaysGoAfterTwoWeeksTheHourlySumsAfterHalfAYear) {
    auto log = PlayLog::open(file);
    ASSERT_TRUE(log);
    (*log)->record(PlayRecord{"banner", "old", 1, kNine, 8});
    ASSERT_TRUE((*log)->flush(kNine + 60));
    ASSERT_TRUE((*log)->flush(kNine + 15 * 86400));
    EXPECT_TRUE((*log)->plays_since(0)->empty());
    EXPECT_EQ((*log)->hourly_since(0)->size(), 1U);
    ASSERT_TRUE((*log)->flush(kNine + 181 * 86400));
    EXPECT_TRUE((*log)->hourly_since(0)->empty());
}

TEST_F(PlayLogTest, StaysWithinItsSize) {
    PlayLogLimits limits;
    limits.max_bytes = 256 * 1024;
    auto log = PlayLog::open(file, limits);
    ASSERT_TRUE(log);
    for (int minute = 0; minute < 200; ++minute) {
        for (int i = 0; i < 60; ++i) {
            (*log)->record(PlayRecord{"banner", "banner-with-a-long-id-" + std::to_string(i % 7), 3,
                                      kNine + minute * 60 + i, 1});
        }
        ASSERT_TRUE((*log)->flush(kNine + minute * 60 + 60));
    }
    // Pruning keeps it about at its bound (a flush may add before the next prune halves).
    EXPECT_LT((*log)->size_bytes(), 2 * limits.max_bytes);
    EXPECT_FALSE((*log)->plays_since(0)->empty());
    // The hourly sums keep every play.
    std::int64_t total = 0;
    const auto hourly = (*log)->hourly_since(0);
    ASSERT_TRUE(hourly);
    for (const HourlyRecord& hour : *hourly) {
        total += hour.plays;
    }
    EXPECT_EQ(total, 200 * 60);
}

TEST_F(PlayLogTest, ADamagedFileIsSetAsideAndANewOneStarted) {
    fs::create_directories(dir);
    std::ofstream(file) << std::string(8192, 'x');
    auto log = PlayLog::open(file);
    ASSERT_TRUE(log) << log.error().message;
    bool set_aside = false;
    for (const auto& entry : fs::directory_iterator(dir)) {
        set_aside =
            set_aside || entry.path().filename().string().starts_with("plays.sqlite.damaged-");
    }
    EXPECT_TRUE(set_aside);
    (*log)->record(PlayRecord{"banner", "b1", 1, kNine, 8});
    EXPECT_TRUE((*log)->flush(kNine + 60));
    EXPECT_EQ((*log)->plays_since(0)->size(), 1U);
}

}  // namespace
}  // namespace placard
