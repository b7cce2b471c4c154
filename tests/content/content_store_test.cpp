#include "content/content_store.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "content/staged_update.hpp"

namespace placard {
namespace {

namespace fs = std::filesystem;

// A process id no process has: a child that has exited and been waited for.
pid_t dead_pid() {
    const pid_t child = ::fork();
    if (child == 0) {
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
}

class ContentStoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        parent = fs::temp_directory_path() /
                 ("placard-store-" + std::to_string(::getpid()) + "-" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(parent);
        fs::create_directories(parent);
        root = parent / "store";
    }
    void TearDown() override { fs::remove_all(parent); }
    // Stages and commits a version; nothing when taken, else the refusal.
    std::optional<Error> take(const ContentStore& store, std::int64_t version) {
        auto staging = store.begin_staging();
        EXPECT_TRUE(staging);
        std::ofstream(staging->dir() / "feed.json") << version;
        return store.commit(*staging, version, [](UpdateStatus&) {});
    }
    fs::path parent, root;
};

TEST_F(ContentStoreTest, AReaderCreatesNothing) {
    const ContentStore store = ContentStore::for_reading(root);
    EXPECT_TRUE(store.current().empty());
    EXPECT_FALSE(store.current_version());
    EXPECT_FALSE(fs::exists(root));
}

TEST_F(ContentStoreTest, CommitsSwitchCurrentAndKeepPrevious) {
    auto store = ContentStore::for_writing(root);
    ASSERT_TRUE(store);
    EXPECT_FALSE(take(*store, 3));
    EXPECT_FALSE(take(*store, 4));
    EXPECT_FALSE(take(*store, 5));
    EXPECT_EQ(store->current_version(), 5);
    EXPECT_EQ(version_of_folder(store->previous()), 4);
    EXPECT_TRUE(store->other_versions().empty());  // 3 was pruned.
}

TEST_F(ContentStoreTest, AVersionNotAboveTheHighestIsRefusedUnderTheLock) {
    auto store = ContentStore::for_writing(root);
    ASSERT_TRUE(store);
    EXPECT_FALSE(take(*store, 7));
    const auto refused = take(*store, 7);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->kind, ErrorKind::Stale);
    EXPECT_EQ(store->current_version(), 7);
}

TEST_F(ContentStoreTest, ARefusalIsRecordedWithItsKindAndSourceUntilASuccess) {
    auto store = ContentStore::for_writing(root);
    ASSERT_TRUE(store);
    const UpdateOutcome outcome =
        record_refusal(*store, make_error(ErrorKind::Unauthentic, "x.placard: signed by key 1234…"),
                       "bundle x.placard");
    EXPECT_EQ(outcome.kind, UpdateOutcome::Kind::Refused);
    EXPECT_FALSE(outcome.transient());
    UpdateStatus status = load_update_status(store->status_file());
    EXPECT_EQ(status.last_error, "x.placard: signed by key 1234…");
    EXPECT_EQ(status.last_error_kind, "unauthentic");
    EXPECT_EQ(status.last_error_source, "bundle x.placard");
    EXPECT_EQ(status.consecutive_failures, 1);
    // A device fault is worth trying again; the content's faults are not.
    EXPECT_TRUE(
        record_refusal(*store, make_error(ErrorKind::Failed, "disk full"), "bundle y").transient());
    ASSERT_TRUE(store->record([](UpdateStatus& now) { now.clear_error(); }));
    status = load_update_status(store->status_file());
    EXPECT_TRUE(status.last_error.empty() && status.last_error_kind.empty() &&
                status.last_error_source.empty());
    EXPECT_EQ(status.consecutive_failures, 0);
}

TEST_F(ContentStoreTest, TheHighestVersionSurvivesTheStoreBeingRemoved) {
    {
        auto store = ContentStore::for_writing(root);
        ASSERT_TRUE(store);
        EXPECT_FALSE(take(*store, 9));
    }
    fs::remove_all(root);
    auto store = ContentStore::for_writing(root);
    ASSERT_TRUE(store);
    EXPECT_EQ(store->highest_version(), 9);
    EXPECT_TRUE(take(*store, 8));
    EXPECT_FALSE(take(*store, 10));
}

TEST_F(ContentStoreTest, EachWriterStagesInAFolderOfItsOwn) {
    auto store = ContentStore::for_writing(root);
    ASSERT_TRUE(store);
    auto first = store->begin_staging(), second = store->begin_staging();
    ASSERT_TRUE(first);
    ASSERT_TRUE(second);
    EXPECT_NE(first->dir(), second->dir());
    // A live writer's staging survives the cleaning; a dropped one is gone.
    store->remove_abandoned_staging();
    EXPECT_TRUE(fs::exists(first->dir()));
    const fs::path dropped = second->dir();
    { auto gone = std::move(second.value()); }
    EXPECT_FALSE(fs::exists(dropped));
}

TEST_F(ContentStoreTest, StagingWithoutALiveOwnerIsCleanedByTheNextWriter) {
    auto store = ContentStore::for_writing(root);
    ASSERT_TRUE(store);
    fs::create_directories(root / "staging" / "update-left-by-a-dead-writer" / "media");
    EXPECT_FALSE(take(*store, 1));
    EXPECT_FALSE(fs::exists(root / "staging" / "update-left-by-a-dead-writer"));
}

// A writer's lock file between its creation and its flock (".update-PID-….lock", not yet
// locked): a cleaner running then must leave it alone while the writer lives. The cleaner once
// took the lock itself and removed the file, and the writer failed with "cannot lock the
// staging folder (No such file or directory)" (found by integration.concurrent_writers).
TEST_F(ContentStoreTest, ALockFileBeingMadeByALiveWriterIsLeftAlone) {
    auto store = ContentStore::for_writing(root);
    ASSERT_TRUE(store);
    const fs::path being_made =
        root / "staging" / (".update-" + std::to_string(::getpid()) + "-12345.lock");
    std::ofstream(being_made).put('\n');
    const fs::path dead_writers =
        root / "staging" / (".update-" + std::to_string(dead_pid()) + "-12345.lock");
    std::ofstream(dead_writers).put('\n');
    store->remove_abandoned_staging();
    EXPECT_TRUE(fs::exists(being_made));
    EXPECT_FALSE(fs::exists(dead_writers));
}

TEST_F(ContentStoreTest, AStatusFileOfTheWrongShapeReadsAsEmpty) {
    const UpdateStatus status = parse_update_status(
        R"({"version":"seven","last_error":42,"consecutive_failures":-3,"source":["x"]})");
    EXPECT_EQ(status.version, -1);
    EXPECT_TRUE(status.last_error.empty());
    EXPECT_EQ(status.consecutive_failures, 0);
    EXPECT_TRUE(status.source.empty());
}

}  // namespace
}  // namespace placard
