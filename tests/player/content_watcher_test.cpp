#include "player/content_watcher.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "support/test_fonts.hpp"

namespace placard {
namespace {

using testing::test_fonts;

namespace fs = std::filesystem;

// A copy of the demo bundle the test can break.
class ContentWatcherTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir = fs::temp_directory_path() /
              ("placard-watch-" +
               std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(dir);
        fs::copy(PLACARD_SOURCE_DIR "/assets/demo", dir, fs::copy_options::recursive);
        std::ifstream in(dir / "feed.json");
        std::stringstream text;
        text << in.rdbuf();
        feed = text.str();
    }
    void TearDown() override { fs::remove_all(dir); }
    // Rewrites feed.json with a later modification time, as an update would.
    void rewrite(const std::string& text) {
        std::ofstream(dir / "feed.json", std::ios::trunc) << text;
        fs::last_write_time(dir / "feed.json",
                            fs::last_write_time(dir / "feed.json") + std::chrono::seconds(++bump));
    }
    std::string with_version(int version) const {
        std::string text = feed;
        const auto at = text.find("\"version\": 1");
        text.replace(at, 12, "\"version\": " + std::to_string(version));
        return text;
    }

    fs::path dir;
    std::string feed;
    int bump = 0;
};

TEST_F(ContentWatcherTest, OffersAGoodUpdateAndRefusesABadOne) {
    auto first = load_snapshot(dir, test_fonts(), 1280, 720);
    ASSERT_TRUE(first) << first.error().message;
    ContentWatcher watcher(dir, test_fonts(), 1280, 720, (*first)->stamp, (*first)->feed.version,
                           std::chrono::seconds(60));
    watcher.poll_once();
    EXPECT_EQ(watcher.take(), nullptr);  // Nothing changed.

    rewrite("{ \"placard\": 1, garbage");
    watcher.poll_once();
    EXPECT_EQ(watcher.take(), nullptr);  // The screen keeps what it shows.
    EXPECT_NE(watcher.last_error().find("feed.json: line 1"), std::string::npos)
        << watcher.last_error();

    rewrite(with_version(2));
    watcher.poll_once();
    const auto fresh = watcher.take();
    ASSERT_NE(fresh, nullptr) << watcher.last_error();
    EXPECT_EQ(fresh->feed.version, 2);
    EXPECT_TRUE(watcher.last_error().empty());
}

TEST_F(ContentWatcherTest, RefusesAnOlderVersion) {
    auto first = load_snapshot(dir, test_fonts(), 1280, 720);
    ASSERT_TRUE(first);
    ContentWatcher watcher(dir, test_fonts(), 1280, 720, (*first)->stamp, 5,
                           std::chrono::seconds(60));
    rewrite(with_version(4));
    watcher.poll_once();
    EXPECT_EQ(watcher.take(), nullptr);
    EXPECT_EQ(watcher.last_error(), "feed.json: version: 4 is older than the version on screen, 5");
}

TEST_F(ContentWatcherTest, RefusesAnUndecodableImage) {
    auto first = load_snapshot(dir, test_fonts(), 1280, 720);
    ASSERT_TRUE(first);
    ContentWatcher watcher(dir, test_fonts(), 1280, 720, (*first)->stamp, 1,
                           std::chrono::seconds(60));
    std::ofstream(dir / "media/banner-2.png", std::ios::trunc) << "not a png";
    rewrite(with_version(3));
    watcher.poll_once();
    EXPECT_EQ(watcher.take(), nullptr);
    EXPECT_NE(watcher.last_error().find("media/banner-2.png"), std::string::npos)
        << watcher.last_error();
}

TEST_F(ContentWatcherTest, ItsThreadPicksUpAnUpdate) {
    auto first = load_snapshot(dir, test_fonts(), 640, 360);
    ASSERT_TRUE(first);
    ContentWatcher watcher(dir, test_fonts(), 640, 360, (*first)->stamp, 1,
                           std::chrono::milliseconds(20));
    watcher.start();
    rewrite(with_version(7));
    std::shared_ptr<const Snapshot> fresh;
    for (int i = 0; i < 500 && !fresh; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        fresh = watcher.take();
    }
    ASSERT_NE(fresh, nullptr);
    EXPECT_EQ(fresh->feed.version, 7);
}

TEST_F(ContentWatcherTest, ABundleMayBringItsOwnLayout) {
    // Without a side slot, and the excerpt across the whole width.
    std::ofstream(dir / "layout.json") << R"({"placard_layout": 1, "zones": {
        "header": [0, 0, 1, 0.1], "banner": [0, 0.1, 1, 0.3], "side": [0, 0, 0, 0],
        "excerpt": [0.05, 0.45, 0.9, 0.4], "ticker": [0, 0.85, 1, 0.05],
        "footer": [0, 0.9, 1, 0.1]}})";
    auto snapshot = load_snapshot(dir, test_fonts(), 1000, 600);
    ASSERT_TRUE(snapshot) << snapshot.error().message;
    const HomeScreenGeometry& g = (*snapshot)->home->geometry;
    EXPECT_TRUE(g.side.empty());
    EXPECT_EQ(g.excerpt, (Rect{50, 270, 900, 240}));
    EXPECT_TRUE((*snapshot)->home->side_banners.empty());
}

TEST_F(ContentWatcherTest, ABrokenBundleLayoutIsRefusedWithItsReason) {
    std::ofstream(dir / "layout.json") << R"({"placard_layout": 1, "zones": {}})";
    auto snapshot = load_snapshot(dir, test_fonts(), 1000, 600);
    ASSERT_FALSE(snapshot);
    EXPECT_NE(snapshot.error().message.find("layout.json: zones.header: missing"),
              std::string::npos)
        << snapshot.error().message;
}

// A screen put in another group (issue 16) lays the same version out again, cut for the group:
// a banner for the group appears, one for another goes.
TEST_F(ContentWatcherTest, ANewGroupLaysTheVersionOutAgainForIt) {
    std::string text = feed;
    const auto b2 = text.find("\"id\": \"b2\"");
    ASSERT_NE(b2, std::string::npos);
    text.insert(b2, "\"groups\": [\"乡镇\"], ");
    rewrite(text);
    auto first = load_snapshot(dir, test_fonts(), 1280, 720, std::string());
    ASSERT_TRUE(first) << first.error().message;
    const std::size_t all = (*first)->feed.banners.size() + 1;
    ContentWatcher watcher(dir, test_fonts(), 1280, 720, (*first)->stamp, (*first)->feed.version,
                           std::chrono::seconds(60), std::string());
    watcher.poll_once();
    EXPECT_EQ(watcher.take(), nullptr);  // Nothing changed.
    watcher.set_screen_group("乡镇");
    watcher.poll_once();
    const auto town = watcher.take();
    ASSERT_NE(town, nullptr) << watcher.last_error();
    EXPECT_EQ(town->feed.version, (*first)->feed.version);
    EXPECT_EQ(town->feed.banners.size(), all);
    watcher.poll_once();
    EXPECT_EQ(watcher.take(), nullptr);                             // Once.
    auto everything = load_snapshot(dir, test_fonts(), 1280, 720);  // A preview: all of it.
    ASSERT_TRUE(everything);
    EXPECT_EQ((*everything)->feed.banners.size(), all);
}

}  // namespace
}  // namespace placard
