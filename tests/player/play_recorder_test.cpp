// The play recorder (issue 14): the frames a screen runs become play-log records — each banner
// and excerpt from when it came until it went, a visitor's session with the screens opened —
// and nothing while the screen is dark.
#include "player/play_recorder.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <set>

#include "render/headless_display.hpp"
#include "support/test_fonts.hpp"

namespace placard {
namespace {

namespace fs = std::filesystem;

TEST(PlayRecorder, BannersExcerptsAndAVisitBecomeRecords) {
    const fs::path dir =
        fs::temp_directory_path() / ("placard-recorder-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    auto log = PlayLog::open(dir / "plays.sqlite");
    ASSERT_TRUE(log);
    auto snapshot =
        load_snapshot(PLACARD_SOURCE_DIR "/assets/demo", testing::test_fonts(), 1280, 720);
    ASSERT_TRUE(snapshot);
    HeadlessDisplay display(1280, 720, 0);
    Canvas canvas = display.canvas();
    PlayerFrame player(testing::test_fonts(), *snapshot, 20);
    PlayRecorder recorder(**log);
    const WallTime start = *parse_rfc3339("2026-11-27T09:00:00+08:00");
    const auto run = [&](long from, long to, std::vector<PointerEvent> input = {}) {
        for (long tick = from; tick < to; ++tick) {
            const double t = static_cast<double>(tick) * kFrameSeconds;
            for (PointerEvent& event : input) {
                event.t = t;
            }
            player.frame(t, start.plus_seconds(t),
                         tick == from ? input : std::vector<PointerEvent>{}, canvas);
            recorder.after_frame(player, t, static_cast<double>(start.unix_seconds) + t);
        }
    };
    run(0, 60 * 30);  // 30 s of the home screen: several banners.
    const Rect excerpt = (*snapshot)->home->geometry.excerpt;
    const double x = excerpt.x + excerpt.width / 2.0, y = excerpt.y + excerpt.height / 2.0;
    run(60 * 30, 60 * 30 + 1, {{PointerEvent::Kind::Down, 0, x, y}});
    run(60 * 30 + 1, 60 * 30 + 2, {{PointerEvent::Kind::Up, 0, x, y}});
    run(60 * 30 + 2, 60 * 60);  // The article, then the idle timeout (20 s) returns home.
    recorder.finish(60, static_cast<double>(start.unix_seconds) + 60);
    ASSERT_TRUE((*log)->flush(start.unix_seconds + 120));
    auto plays = (*log)->plays_since(0);
    ASSERT_TRUE(plays);
    int banners = 0, excerpts = 0;
    double banner_seconds = 0, side_seconds = 0;
    std::set<std::string> side_banners;
    for (const PlayRecord& play : *plays) {
        banners += play.zone == "banner";
        excerpts += play.zone == "excerpt";
        if (play.zone == "side") {
            side_banners.insert(play.item);
            side_seconds += play.seconds;
        }
        if (play.zone == "banner") {
            banner_seconds += play.seconds;
            EXPECT_FALSE(play.item.empty());
            EXPECT_EQ(play.version, (*snapshot)->feed.version);
        }
    }
    EXPECT_GE(banners, 3) << "30 s of 8 s banners";
    EXPECT_GE(excerpts, 2);
    // The banners showed for the home screen's time: 30 s, and the few seconds back home.
    EXPECT_GT(banner_seconds, 29);
    EXPECT_LT(banner_seconds, 60 - 19);
    // The side slot's two banners (the demo's s1 and s2), each for the home screen's time: one
    // showing each, not cut by the main banners' turns.
    EXPECT_EQ(side_banners, (std::set<std::string>{"s1", "s2"}));
    EXPECT_NEAR(side_seconds, 2 * banner_seconds, 1);
    auto visits = (*log)->visits_since(0);
    ASSERT_TRUE(visits);
    ASSERT_EQ(visits->size(), 1U);
    EXPECT_EQ((*visits)[0].screens.rfind("a:", 0), 0U) << (*visits)[0].screens;
    EXPECT_NEAR((*visits)[0].seconds, 20, 1.5);
    fs::remove_all(dir);
}

// A long showing is cut at every minute (written within it, in its own hour); a content swap
// that keeps the banner on screen is one showing; a dark screen counts nothing.
TEST(PlayRecorder, LongShowingsAreCutEachMinuteAndADarkScreenCountsNothing) {
    const fs::path dir =
        fs::temp_directory_path() / ("placard-recorder-cut-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    auto log = PlayLog::open(dir / "plays.sqlite");
    ASSERT_TRUE(log);
    auto loaded = load_snapshot(PLACARD_SOURCE_DIR "/assets/demo", testing::test_fonts(), 640, 360);
    ASSERT_TRUE(loaded);
    // One banner only, shown for three minutes.
    auto one_banner = std::make_shared<Snapshot>(**loaded);
    auto home = std::make_shared<HomeScreenLayout>(*one_banner->home);
    home->banners.resize(1);
    home->banner_schedule.resize(1);
    one_banner->home = home;
    HeadlessDisplay display(640, 360, 0);
    Canvas canvas = display.canvas();
    PlayerFrame player(testing::test_fonts(), one_banner, 60);
    PlayRecorder recorder(**log);
    const WallTime start = *parse_rfc3339("2026-11-27T09:59:30+08:00");
    for (int second = 0; second < 180; ++second) {
        const double t = second;
        player.frame(t, start.plus_seconds(t), {}, canvas);
        recorder.after_frame(player, t, static_cast<double>(start.unix_seconds) + t);
    }
    recorder.finish(180, static_cast<double>(start.unix_seconds) + 180);
    ASSERT_TRUE((*log)->flush(start.unix_seconds + 200));
    double banner_seconds = 0;
    int banner_records = 0;
    const auto plays = (*log)->plays_since(0);
    ASSERT_TRUE(plays);
    for (const PlayRecord& play : *plays) {
        if (play.zone == "banner") {
            ++banner_records;
            banner_seconds += play.seconds;
            EXPECT_LE(play.seconds, 60.0);
        }
    }
    EXPECT_EQ(banner_records, 4) << "09:59:30, 10:00, 10:01, 10:02 to 10:02:30";
    EXPECT_NEAR(banner_seconds, 180, 1);
    const auto hourly = (*log)->hourly_since(0);
    ASSERT_TRUE(hourly);
    for (const HourlyRecord& hour : *hourly) {
        EXPECT_LE(hour.seconds, 3600.0);
    }

    // The screen dark for the night: nothing is counted.
    auto night = std::make_shared<Snapshot>(**loaded);
    auto schedule = std::make_shared<ItemSchedule>();
    schedule->calendar = std::make_shared<OfficeCalendar>();
    WeeklyWindow window;
    window.start_minute = 8 * 60;
    window.end_minute = 9 * 60;
    schedule->schedule.windows.push_back(window);
    night->feed.screen_hours = ScreenHours{schedule, 300};
    PlayerFrame dark(testing::test_fonts(), night, 60);
    PlayRecorder dark_recorder(**log);
    const WallTime late = *parse_rfc3339("2026-11-27T22:00:00+08:00");
    for (int second = 0; second < 60; ++second) {
        dark.frame(second, late.plus_seconds(second), {}, canvas);
        dark_recorder.after_frame(dark, second, static_cast<double>(late.unix_seconds) + second);
    }
    dark_recorder.finish(60, static_cast<double>(late.unix_seconds) + 60);
    ASSERT_TRUE((*log)->flush(late.unix_seconds + 100));
    EXPECT_TRUE((*log)->plays_since(late.unix_seconds - 1)->empty());
    fs::remove_all(dir);
}

}  // namespace
}  // namespace placard
