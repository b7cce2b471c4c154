// PlayerFrame, the frame function both drivers run: what a frame repaints (its damage) for a
// press, a scroll and an idle screen, and that a scroll which moves pixels leaves exactly the
// picture a full repaint would.
#include "player/player_frame.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "render/headless_display.hpp"
#include "render/reading_screens.hpp"
#include "support/changed_demo.hpp"
#include "support/test_fonts.hpp"

namespace placard {
namespace {

class PlayerFrameTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto loaded = load_snapshot(PLACARD_SOURCE_DIR "/assets/demo", testing::test_fonts(),
                                    kWidth, kHeight);
        ASSERT_TRUE(loaded) << loaded.error().message;
        snapshot = *loaded;
    }
    FrameOutcome at(PlayerFrame& player, Canvas& canvas, long tick,
                    std::vector<PointerEvent> input = {}) {
        const double t = static_cast<double>(tick) * kFrameSeconds;
        for (PointerEvent& event : input) {
            event.t = t;
        }
        return player.frame(t, start.plus_seconds(t), input, canvas);
    }
    // Opens the article of the excerpt and lets its crossfade end; returns the next tick.
    long open_article(PlayerFrame& player, Canvas& canvas) {
        const Rect excerpt = snapshot->home->geometry.excerpt;
        const double x = excerpt.x + excerpt.width / 2.0, y = excerpt.y + excerpt.height / 2.0;
        long tick = 0;
        for (; tick < 60; ++tick) {
            at(player, canvas, tick);
        }
        at(player, canvas, tick++, {{PointerEvent::Kind::Down, 0, x, y}});
        at(player, canvas, tick++, {{PointerEvent::Kind::Up, 0, x, y}});
        for (const long end = tick + 60; tick < end; ++tick) {
            at(player, canvas, tick);
        }
        return tick;
    }

    // A notice issued at the start, for `seconds`.
    Notice notice_from_start(std::string id, NoticeLevel level, std::string text,
                             double seconds) const {
        Notice notice;
        notice.id = std::move(id);
        notice.issued = start;
        notice.level = level;
        notice.text = std::move(text);
        notice.expires = start.plus_seconds(seconds);
        return notice;
    }
    Notice urgent_drill(double seconds) const {
        return notice_from_start("drill", NoticeLevel::Urgent, "请有序撤离。", seconds);
    }

    static constexpr int kWidth = 1920, kHeight = 1080;
    std::shared_ptr<const Snapshot> snapshot;
    WallTime start = *parse_rfc3339("2026-11-25T09:00:10+08:00");
};

TEST_F(PlayerFrameTest, AScrollRepaintsOnlyTheRowsThatComeIntoViewAndLooksLikeARepaint) {
    HeadlessDisplay display(kWidth, kHeight, 0);
    Canvas canvas = display.canvas();
    PlayerFrame player(testing::test_fonts(), snapshot, 60);
    long tick = open_article(player, canvas);
    const ReadingScreenLayout* reading = player.touch().reading();
    ASSERT_NE(reading, nullptr) << "the tap did not open the article";
    const Rect viewport = reading->viewport;
    // Drag up by 10 px a frame: each frame moves the text and paints a 10-row strip and the
    // scroll bar's column, far less than the viewport.
    const double x = kWidth / 2.0, y = viewport.y + viewport.height / 2.0;
    at(player, canvas, tick++, {{PointerEvent::Kind::Down, 0, x, y}});
    long long largest = 0;
    for (int i = 1; i <= 12; ++i) {
        const FrameOutcome outcome =
            at(player, canvas, tick++, {{PointerEvent::Kind::Move, 0, x, y - 10.0 * i}});
        largest = std::max(largest, outcome.painted_pixels);
        // The moved text is presented too: the panel only shows what a frame presents.
        bool viewport_presented = false;
        for (const Rect& presented : outcome.damage) {
            viewport_presented = viewport_presented || presented.intersect(viewport) == viewport;
        }
        EXPECT_TRUE(outcome.damage.empty() || viewport_presented)
            << "a scroll moved the text but did not present it";
    }
    EXPECT_GT(largest, 0);
    EXPECT_LT(largest, static_cast<long long>(viewport.width) * viewport.height / 10)
        << "a scroll frame repainted most of the viewport";
    // The picture equals a full repaint of the same state (the finger is still down: nothing
    // moves between the two).
    const auto pixels = [&] {
        return std::vector<std::uint32_t>(
            canvas.pixels(), canvas.pixels() + static_cast<std::ptrdiff_t>(kWidth) * kHeight);
    };
    const std::vector<std::uint32_t> moved = pixels();
    player.invalidate_all();
    at(player, canvas, tick);
    EXPECT_TRUE(moved == pixels()) << "moving the pixels left a picture a repaint does not";
}

// Flings of several speeds, to their slow tails (under half a pixel a frame), then a drag: the
// picture built by moving pixels equals a repaint. (A threshold on the exact scroll offset once
// let a whole-pixel step pass undrawn, and the next scroll moved stale pixels.)
TEST_F(PlayerFrameTest, AFlingsSlowTailLeavesNoStalePixels) {
    for (double speed = 1.5; speed < 40; speed += 2.25) {
        HeadlessDisplay display(kWidth, kHeight, 0);
        Canvas canvas = display.canvas();
        PlayerFrame player(testing::test_fonts(), snapshot, 60);
        long tick = open_article(player, canvas);
        ASSERT_NE(player.touch().reading(), nullptr);
        const Rect viewport = player.touch().reading()->viewport;
        const double x = kWidth / 2.0, y = viewport.y + viewport.height * 0.8;
        at(player, canvas, tick++, {{PointerEvent::Kind::Down, 0, x, y}});
        for (int i = 1; i <= 8; ++i) {
            at(player, canvas, tick++, {{PointerEvent::Kind::Move, 0, x, y - speed * i}});
        }
        at(player, canvas, tick++, {{PointerEvent::Kind::Up, 0, x, y - speed * 8}});
        for (const long end = tick + 300; tick < end; ++tick) {  // The fling and its tail.
            at(player, canvas, tick);
        }
        at(player, canvas, tick++, {{PointerEvent::Kind::Down, 0, x, y}});
        for (int i = 1; i <= 5; ++i) {
            at(player, canvas, tick++, {{PointerEvent::Kind::Move, 0, x, y - 3.0 * i}});
        }
        const std::vector<std::uint32_t> moved(
            canvas.pixels(), canvas.pixels() + static_cast<std::ptrdiff_t>(kWidth) * kHeight);
        player.invalidate_all();
        at(player, canvas, tick);
        EXPECT_TRUE(std::equal(moved.begin(), moved.end(), canvas.pixels()))
            << "stale pixels after a fling at " << speed << " px a frame";
    }
}

TEST_F(PlayerFrameTest, APressRepaintsItsTargetNotTheScreen) {
    HeadlessDisplay display(kWidth, kHeight, 0);
    Canvas canvas = display.canvas();
    PlayerFrame player(testing::test_fonts(), snapshot, 60);
    long tick = open_article(player, canvas);
    ASSERT_NE(player.touch().reading(), nullptr);
    // A finger on the "back" bar's button (in the nav bar, not scrolling) and held.
    const ReadingScreenLayout& reading = *player.touch().reading();
    ASSERT_FALSE(reading.buttons.empty());
    const Rect button = reading.buttons.front().target.area;
    const FrameOutcome pressed = at(player, canvas, tick++,
                                    {{PointerEvent::Kind::Down, 0, button.x + button.width / 2.0,
                                      button.y + button.height / 2.0}});
    ASSERT_GT(pressed.damaged_pixels, 0) << "the press was not shown";
    EXPECT_LE(pressed.damaged_pixels, static_cast<long long>(button.width) * button.height +
                                          static_cast<long long>(kWidth) * 80)
        << "a press repainted far more than its button";
}

TEST_F(PlayerFrameTest, ReadingScreensAreLaidOutAheadWithinTheirBudget) {
    ReadingScreenCache screens(testing::test_fonts(), std::size_t{32} << 20);
    screens.prepare(snapshot);
    ASSERT_TRUE(screens.wait_until_done(std::chrono::seconds(60)));
    const std::string first = "a:" + snapshot->feed.articles.front().id;
    EXPECT_NE(screens.find(*snapshot, first), nullptr);
    EXPECT_EQ(screens.screens(), snapshot->feed.articles.size() + snapshot->feed.channels.size());
    EXPECT_GT(screens.bytes(), 0u);
    // Another snapshot's screens are not this one's.
    auto other =
        load_snapshot(PLACARD_SOURCE_DIR "/assets/demo", testing::test_fonts(), kWidth, kHeight);
    ASSERT_TRUE(other);
    EXPECT_EQ(screens.find(**other, first), nullptr);
    // With no room at all nothing is kept, and a tap still opens the article (laid out then).
    ReadingScreenCache none(testing::test_fonts(), 0);
    HeadlessDisplay display(kWidth, kHeight, 0);
    Canvas canvas = display.canvas();
    PlayerFrame player(testing::test_fonts(), snapshot, 60, &none);
    ASSERT_TRUE(none.wait_until_done(std::chrono::seconds(60)));
    EXPECT_EQ(none.screens(), 0u);
    open_article(player, canvas);
    EXPECT_NE(player.touch().reading(), nullptr);
}

TEST_F(PlayerFrameTest, AnIdleReadingScreenDrawsNothing) {
    HeadlessDisplay display(kWidth, kHeight, 0);
    Canvas canvas = display.canvas();
    PlayerFrame player(testing::test_fonts(), snapshot, 60);
    long tick = open_article(player, canvas);
    for (const long end = tick + 30; tick < end; ++tick) {
        EXPECT_TRUE(at(player, canvas, tick).damage.empty()) << "tick " << tick;
    }
}

// Urgent notices (issue 14): a notice taken mid-play shows from the next frame; under the whole
// screen, a tap opens nothing; the band repaints its own area and nothing else; when the notice
// ends, the screen beneath comes back whole.
TEST_F(PlayerFrameTest, AnUrgentNoticeTakesTheScreenAndTouchesDoNothingUnderIt) {
    HeadlessDisplay display(kWidth, kHeight, 0);
    Canvas canvas = display.canvas();
    PlayerFrame player(testing::test_fonts(), snapshot, 60);
    long tick = 0;
    for (; tick < 30; ++tick) {
        at(player, canvas, tick);
    }
    const Notice urgent = urgent_drill(10);
    player.offer_notices(
        lay_out_notices({urgent}, testing::test_fonts(), snapshot->home->geometry));
    const FrameOutcome taken = at(player, canvas, tick++);
    EXPECT_EQ(player.notice_view().kind, NoticeView::Kind::FullScreen);
    EXPECT_EQ(taken.painted_pixels, static_cast<long long>(kWidth) * kHeight);
    // A tap on the excerpt under the notice: nothing opens.
    const Rect excerpt = snapshot->home->geometry.excerpt;
    const double x = excerpt.x + excerpt.width / 2.0, y = excerpt.y + excerpt.height / 2.0;
    at(player, canvas, tick++, {{PointerEvent::Kind::Down, 0, x, y}});
    at(player, canvas, tick++, {{PointerEvent::Kind::Up, 0, x, y}});
    for (const long end = tick + 30; tick < end; ++tick) {
        const FrameOutcome idle = at(player, canvas, tick);
        EXPECT_EQ(idle.painted_pixels, 0) << "the screen under the notice was drawn at " << tick;
    }
    EXPECT_TRUE(player.touch().on_home());
    // At its expiry (10 s after the start) the home screen comes back whole.
    FrameOutcome ended;
    for (; tick <= 11 * 60; ++tick) {
        ended = at(player, canvas, tick);
        if (player.notice_view().kind == NoticeView::Kind::None) {
            break;
        }
    }
    EXPECT_EQ(player.notice_view().kind, NoticeView::Kind::None);
    EXPECT_EQ(ended.painted_pixels, static_cast<long long>(kWidth) * kHeight);
}

// A version taken under an urgent notice on the whole screen is taken (and said) at once: the
// status and the studio name the version the screen holds, not the one before it.
TEST_F(PlayerFrameTest, AVersionTakenUnderAnUrgentNoticeIsSaid) {
    HeadlessDisplay display(kWidth, kHeight, 0);
    Canvas canvas = display.canvas();
    PlayerFrame player(testing::test_fonts(), snapshot, 60);
    const Notice urgent = urgent_drill(600);
    player.offer_notices(
        lay_out_notices({urgent}, testing::test_fonts(), snapshot->home->geometry));
    long tick = 0;
    for (; tick < 30; ++tick) {
        at(player, canvas, tick);
    }
    ASSERT_EQ(player.notice_view().kind, NoticeView::Kind::FullScreen);
    auto next = std::make_shared<Snapshot>(*snapshot);
    next->feed.version = snapshot->feed.version + 1;
    player.offer_content(next);
    EXPECT_EQ(at(player, canvas, tick).swapped_to_version, next->feed.version);
}

// Groups (issue 16): the newest version of a notice decides which screens show it — a notice
// for every screen updated to one for a group ends on the screens of other groups.
TEST_F(PlayerFrameTest, ANoticeShowsOnlyOnTheScreensOfItsGroups) {
    HeadlessDisplay display(kWidth, kHeight, 0);
    Canvas canvas = display.canvas();
    PlayerFrame player(testing::test_fonts(), snapshot, 60);
    player.set_screen_group("县委大楼");
    const Notice band = notice_from_start("water", NoticeLevel::Warning, "今日停水。", 600);
    Notice for_towns = band;
    for_towns.issued = start.plus_seconds(1);
    for_towns.groups = {"乡镇"};
    player.offer_notices(lay_out_notices({band}, testing::test_fonts(), snapshot->home->geometry));
    at(player, canvas, 0);
    EXPECT_EQ(player.notice_view().kind, NoticeView::Kind::Band);
    player.offer_notices(
        lay_out_notices({band, for_towns}, testing::test_fonts(), snapshot->home->geometry));
    at(player, canvas, 120);
    EXPECT_EQ(player.notice_view().kind, NoticeView::Kind::None);
    player.set_screen_group("乡镇");
    at(player, canvas, 121);
    EXPECT_EQ(player.notice_view().kind, NoticeView::Kind::Band);
}

TEST_F(PlayerFrameTest, ANoticeBandRepaintsOnlyItsArea) {
    HeadlessDisplay display(kWidth, kHeight, 0);
    Canvas canvas = display.canvas();
    PlayerFrame player(testing::test_fonts(), snapshot, 60);
    long tick = 0;
    for (; tick < 30; ++tick) {
        at(player, canvas, tick);
    }
    const Notice band = notice_from_start("water", NoticeLevel::Warning, "今天下午停水。", 3600);
    player.offer_notices(lay_out_notices({band}, testing::test_fonts(), snapshot->home->geometry));
    const FrameOutcome taken = at(player, canvas, tick++);
    EXPECT_EQ(player.notice_view().kind, NoticeView::Kind::Band);
    const Rect area = notice_band_area(snapshot->home->geometry);
    ASSERT_FALSE(taken.damage.empty());
    for (const Rect& painted : taken.damage) {
        EXPECT_EQ(painted.intersect(area), painted) << "the band's frame painted outside it";
    }
}

// Screen hours (issue 14): outside them the frame paints the screen black once and nothing
// more; a tap wakes it without opening anything; the home screen comes back whole.
TEST_F(PlayerFrameTest, OutsideScreenHoursTheScreenIsBlackAndATapWakesIt) {
    auto night = std::make_shared<Snapshot>(*snapshot);
    ScreenHours hours;
    auto schedule = std::make_shared<ItemSchedule>();
    schedule->calendar = std::make_shared<OfficeCalendar>();
    WeeklyWindow window;
    window.start_minute = 8 * 60;
    window.end_minute = 9 * 60;  // The test starts at 09:00:10: after hours.
    schedule->schedule.windows.push_back(window);
    hours.on = schedule;
    hours.wake_on_touch_s = 120;
    night->feed.screen_hours = hours;
    HeadlessDisplay display(kWidth, kHeight, 0);
    Canvas canvas = display.canvas();
    PlayerFrame player(testing::test_fonts(), night, 60);
    const FrameOutcome first = at(player, canvas, 0);
    EXPECT_FALSE(player.screen_power().on);
    EXPECT_EQ(first.painted_pixels, static_cast<long long>(kWidth) * kHeight);
    EXPECT_EQ(canvas.pixels()[kWidth * 500 + 900], 0xFF000000U);
    for (long tick = 1; tick < 60; ++tick) {
        EXPECT_EQ(at(player, canvas, tick).painted_pixels, 0);
    }
    const Rect excerpt = snapshot->home->geometry.excerpt;
    const double x = excerpt.x + excerpt.width / 2.0, y = excerpt.y + excerpt.height / 2.0;
    const FrameOutcome woken = at(player, canvas, 60, {{PointerEvent::Kind::Down, 0, x, y}});
    EXPECT_TRUE(player.screen_power().on);
    EXPECT_EQ(player.screen_power().reason, ScreenPowerDecision::Reason::WokenByTouch);
    EXPECT_EQ(woken.painted_pixels, static_cast<long long>(kWidth) * kHeight);
    const FrameOutcome lifted = at(player, canvas, 61, {{PointerEvent::Kind::Up, 0, x, y}});
    EXPECT_LT(lifted.painted_pixels, static_cast<long long>(kWidth) * kHeight / 4);
    for (long tick = 62; tick < 120; ++tick) {
        at(player, canvas, tick);
    }
    EXPECT_TRUE(player.touch().on_home()) << "the waking tap opened something";
    // The next tap is the visitor's own: it opens the article.
    at(player, canvas, 120, {{PointerEvent::Kind::Down, 0, x, y}});
    at(player, canvas, 121, {{PointerEvent::Kind::Up, 0, x, y}});
    for (long tick = 122; tick < 180; ++tick) {
        at(player, canvas, tick);
    }
    EXPECT_FALSE(player.touch().on_home()) << "a tap on the woken screen did nothing";
}

// A drag cut off by an urgent notice is forgotten: nothing is left dragging (which would hold
// back content swaps and keep frames coming) once the notice is gone.
TEST_F(PlayerFrameTest, ADragCutOffByANoticeIsForgotten) {
    HeadlessDisplay display(kWidth, kHeight, 0);
    Canvas canvas = display.canvas();
    PlayerFrame player(testing::test_fonts(), snapshot, 60);
    long tick = open_article(player, canvas);
    ASSERT_FALSE(player.touch().on_home());
    const double x = kWidth / 2.0, y = kHeight / 2.0;
    at(player, canvas, tick++, {{PointerEvent::Kind::Down, 0, x, y}});
    at(player, canvas, tick++, {{PointerEvent::Kind::Move, 0, x, y - 40}});
    ASSERT_TRUE(player.touch().animating()) << "the drag did not start";
    Notice urgent;
    urgent.id = "drill";
    urgent.issued = start;
    urgent.level = NoticeLevel::Urgent;
    urgent.text = "请有序撤离。";
    urgent.expires = start.plus_seconds(static_cast<double>(tick) * kFrameSeconds + 2);
    player.offer_notices(
        lay_out_notices({urgent}, testing::test_fonts(), snapshot->home->geometry));
    for (const long end = tick + 3 * 60; tick < end; ++tick) {
        at(player, canvas, tick);
    }
    EXPECT_EQ(player.notice_view().kind, NoticeView::Kind::None);
    EXPECT_FALSE(player.touch().animating()) << "the cut-off drag still holds the view";
}

// A scheduled layout (issue 14): the demo with an evening layout (a tall banner, no excerpt or
// side slot) from 18:00 to 08:00. The player changes to it at 18:00 like new content (the same
// version: no "showing content version"), and back to the content's own layout at 08:00.
TEST_F(PlayerFrameTest, AScheduledLayoutShowsInItsHours) {
    const auto evening = [](nlohmann::json& feed) {
        feed["layouts"] = nlohmann::json::parse(R"([{"id": "evening", "zones": {
            "header": [0, 0, 1, 0.0833], "banner": [0.0052, 0.0926, 0.9896, 0.7685],
            "side": [0, 0, 0, 0], "excerpt": [0, 0, 0, 0],
            "ticker": [0, 0.8704, 1, 0.0556], "footer": [0, 0.9259, 1, 0.0741]},
            "schedule": {"windows": [{"from": "18:00", "to": "08:00"}]}}])");
    };
    auto loaded = testing::load_changed_demo(evening, kWidth, kHeight);
    auto newer = testing::load_changed_demo(evening, kWidth, kHeight);
    ASSERT_TRUE(newer);
    ASSERT_TRUE(loaded) << loaded.error().message;
    ASSERT_EQ((*loaded)->layouts.size(), 1u);
    HeadlessDisplay display(kWidth, kHeight, 0);
    Canvas canvas = display.canvas();
    PlayerFrame player(testing::test_fonts(), *loaded, 60);
    const WallTime before = *parse_rfc3339("2026-11-25T17:59:30+08:00");
    bool changed = false;
    double t = 0;
    const auto run_until = [&](WallTime end) {
        for (WallTime now = before.plus_seconds(t); now < end; now = before.plus_seconds(t)) {
            const FrameOutcome outcome = player.frame(t, now, {}, canvas);
            changed = changed || outcome.layout_changed;
            EXPECT_EQ(outcome.swapped_to_version, -1) << "a layout change is not new content";
            t += 0.5;
        }
    };
    run_until(before.plus_seconds(20));
    EXPECT_EQ(player.snapshot().layout_id, "");
    EXPECT_FALSE(player.snapshot().home->geometry.excerpt.empty());
    EXPECT_FALSE(changed);
    run_until(before.plus_seconds(60));  // 18:00:30.
    EXPECT_TRUE(changed);
    EXPECT_EQ(player.snapshot().layout_id, "evening");
    EXPECT_TRUE(player.snapshot().home->geometry.excerpt.empty());
    EXPECT_GT(player.snapshot().home->geometry.banner.height,
              (*loaded)->home->geometry.banner.height);
    // New content offered in the evening shows in its own evening layout.
    player.offer_content(*newer);
    bool new_version = false;
    for (int i = 0; i < 4; ++i, t += 0.5) {
        new_version = new_version ||
                      player.frame(t, before.plus_seconds(t), {}, canvas).swapped_to_version >= 0;
    }
    EXPECT_TRUE(new_version);
    EXPECT_EQ(&player.snapshot(), (*newer)->layouts[0].get());
    // The next morning at 08:00: the content's own layout again.
    const WallTime morning = *parse_rfc3339("2026-11-26T08:00:30+08:00");
    for (const WallTime now : {morning.plus_seconds(-60), morning}) {
        for (int i = 0; i < 40; ++i, t += 0.5) {
            player.frame(t, now.plus_seconds(i * 0.5), {}, canvas);
        }
    }
    EXPECT_EQ(player.snapshot().layout_id, "");
    EXPECT_EQ(&player.snapshot(), newer->get());
}

}  // namespace
}  // namespace placard
