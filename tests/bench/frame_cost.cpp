// placard-frame-cost WIDTHxHEIGHT: runs the player's frame function (PlayerFrame::frame) through
// the frames that cost the most, and has valgrind's callgrind count their instructions
// (issue 13, "Performance"). Instruction counts are deterministic where wall-clock times on a
// shared machine are not; tests/bench/frame_cost.sh turns them into a cost per frame and checks
// them against tests/bench/frame_budgets.txt.
//
// Only the measured frames run instrumented (CALLGRIND_START/STOP_INSTRUMENTATION, run under
// --instr-atstart=no); each scenario ends with a dump of its own (CALLGRIND_DUMP_STATS_AT) and
// a line "SCENARIO FRAMES" on stdout. Outside valgrind the macros do nothing.
#include <unistd.h>
#include <valgrind/callgrind.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "player/player_frame.hpp"
#include "player/snapshot.hpp"
#include "render/headless_display.hpp"
#include "support/changed_demo.hpp"
#include "support/test_fonts.hpp"

namespace placard {
namespace {

constexpr int kFramesPerScenario = 30;

struct Bench {
    int width, height;
    std::shared_ptr<const Snapshot> snapshot;
    HeadlessDisplay display;
    Canvas canvas;
    WallTime start = *parse_rfc3339("2026-11-25T09:00:10+08:00");

    Bench(int w, int h, std::shared_ptr<const Snapshot> s)
        : width(w), height(h), snapshot(std::move(s)), display(w, h, 0), canvas(display.canvas()) {}

    FrameOutcome frame(PlayerFrame& player, long tick, std::span<const PointerEvent> input = {},
                       bool measured = false) {
        const double t = static_cast<double>(tick) * kFrameSeconds;
        if (measured) {
            CALLGRIND_START_INSTRUMENTATION;
        }
        FrameOutcome outcome = player.frame(t, start.plus_seconds(t), input, canvas);
        if (measured) {
            CALLGRIND_STOP_INSTRUMENTATION;
        }
        return outcome;
    }
};

void report(const char* scenario, int frames) {
    CALLGRIND_DUMP_STATS_AT(scenario);
    std::printf("%s %d\n", scenario, frames);
}

// Home screen frames of one kind (which the painter's state at t tells): the ticker alone, a
// banner crossfade, an excerpt slide.
void home_frames(Bench& bench, const char* scenario,
                 const std::function<bool(const FrameState&)>& wanted) {
    PlayerFrame player(testing::test_fonts(), bench.snapshot, 60);
    GlyphCache probe_glyphs;
    HomeScreenPainter probe(probe_glyphs);
    int measured = 0;
    for (long tick = 0; tick < 60 * 60 && measured < kFramesPerScenario; ++tick) {
        const double t = static_cast<double>(tick) * kFrameSeconds;
        const FrameState state =
            probe.state_at(*bench.snapshot->home, t, bench.start.plus_seconds(t));
        // The first seconds warm the caches up (every glyph and image drawn once).
        const bool measure = tick > 30 * 60 / 2 && wanted(state);
        const FrameOutcome outcome = bench.frame(player, tick, {}, measure);
        if (measure && !outcome.damage.empty()) {
            ++measured;
        }
    }
    report(scenario, measured);
}

// A tap on the excerpt opens its article (the frame that takes the tap shows the article the
// cache laid out ahead, and starts the crossfade to it), then a drag scrolls it (the frames of the
// drag and of the fling after it).
void article_frames(Bench& bench) {
    // As the player runs: the reading screens laid out ahead on the cache's worker (waited for
    // here, so that the tap finds its article ready as it would a few seconds after a swap).
    ReadingScreenCache screens(testing::test_fonts(), std::size_t{32} << 20);
    PlayerFrame player(testing::test_fonts(), bench.snapshot, 60, &screens);
    if (!screens.wait_until_done(std::chrono::seconds(600))) {
        std::fprintf(stderr, "placard-frame-cost: the reading screens were not laid out\n");
    }
    const Rect excerpt = bench.snapshot->home->geometry.excerpt;
    const double x = excerpt.x + excerpt.width / 2.0, y = excerpt.y + excerpt.height / 2.0;
    long tick = 0;
    for (; tick < 120; ++tick) {
        bench.frame(player, tick);
    }
    const double down_at = static_cast<double>(tick) * kFrameSeconds;
    const PointerEvent down{PointerEvent::Kind::Down, down_at, x, y};
    bench.frame(player, tick++, {&down, 1});
    for (; tick < 125; ++tick) {
        bench.frame(player, tick);
    }
    const PointerEvent up{PointerEvent::Kind::Up, static_cast<double>(tick) * kFrameSeconds, x, y};
    bench.frame(player, tick++, {&up, 1}, true);
    report("open_article", player.touch().on_home() ? 0 : 1);
    // The crossfade from the home screen into the article (0.35 s: 20 frames).
    int fading = 0;
    for (const long end = tick + 20; tick < end; ++tick) {
        fading += bench.frame(player, tick, {}, true).damage.empty() ? 0 : 1;
    }
    report("screen_fade", fading);
    // Past the crossfade, then a drag upwards over 0.4 s, and its fling.
    for (const long end = tick + 40; tick < end; ++tick) {
        bench.frame(player, tick);
    }
    std::vector<PointerEvent> drag;
    const double drag_at = static_cast<double>(tick) * kFrameSeconds;
    drag.push_back({PointerEvent::Kind::Down, drag_at, x, y});
    for (int i = 1; i <= 24; ++i) {
        drag.push_back({PointerEvent::Kind::Move, drag_at + i * kFrameSeconds, x,
                        y - i * bench.height / 60.0});
    }
    drag.push_back(
        {PointerEvent::Kind::Up, drag_at + 25 * kFrameSeconds, x, y - 24 * bench.height / 60.0});
    int measured = 0;
    for (const PointerEvent& event : drag) {
        const FrameOutcome outcome = bench.frame(player, tick++, {&event, 1}, true);
        measured += outcome.damage.empty() ? 0 : 1;
    }
    while (measured < kFramesPerScenario && tick < 60 * 60) {
        const FrameOutcome outcome = bench.frame(player, tick++, {}, true);
        measured += outcome.damage.empty() ? 0 : 1;
    }
    report("article_scroll", measured);
}

// New content offered on the home screen: the frame that swaps it in repaints everything.
void content_swap(Bench& bench, std::shared_ptr<const Snapshot> next) {
    PlayerFrame player(testing::test_fonts(), bench.snapshot, 60);
    long tick = 0;
    for (; tick < 120; ++tick) {
        bench.frame(player, tick);
    }
    player.offer_content(std::move(next));
    int swapped = 0;
    for (; tick < 60 * 60 && swapped == 0; ++tick) {
        // Every frame is measured until the swap: frames before it are skipped from the count
        // by zeroing the counters (a dump without a name is not reported).
        CALLGRIND_ZERO_STATS;
        swapped = bench.frame(player, tick, {}, true).swapped_to_version >= 0 ? 1 : 0;
    }
    report("content_swap", swapped);
}

// The frame where the clock turns, one second after `start` (RFC 3339): the clock set again
// from the characters the layout shaped once; at midnight the date laid out again too.
void clock_turn(Bench& bench, const char* scenario, const char* start) {
    PlayerFrame player(testing::test_fonts(), bench.snapshot, 60);
    const WallTime saved = bench.start;
    bench.start = *parse_rfc3339(start);
    const long turn = 60;  // t = 1 s.
    for (long tick = 0; tick < turn; ++tick) {
        (void)bench.frame(player, tick);
    }
    const FrameOutcome outcome = bench.frame(player, turn, {}, true);
    report(scenario, outcome.damage.empty() ? 0 : 1);
    bench.start = saved;
}

// The frame that first shows an urgent notice offered mid-play (the notice already laid out, as
// the notice watcher hands it over): the band over the foot of the screen, or the whole screen;
// then, with the notice up, a ticker frame under the band (the cost the notice adds to every
// frame: the view is evaluated each frame).
void notice_arrives(Bench& bench, const char* scenario, NoticeLevel level) {
    PlayerFrame player(testing::test_fonts(), bench.snapshot, 60);
    long tick = 0;
    for (; tick < 120; ++tick) {
        bench.frame(player, tick);
    }
    Notice notice;
    notice.id = "drill";
    notice.issued = bench.start;
    notice.level = level;
    notice.title = "消防演练";
    notice.text = "今天上午十点举行消防疏散演练。听到警报后，请沿疏散指示标志有序撤离到楼前广场。";
    notice.expires = bench.start.plus_seconds(3600);
    player.offer_notices(
        lay_out_notices({notice}, testing::test_fonts(), bench.snapshot->home->geometry));
    const FrameOutcome shown = bench.frame(player, tick++, {}, true);
    report(scenario, shown.damage.empty() ? 0 : 1);
}

}  // namespace
}  // namespace placard

int main(int argc, char** argv) {
    using namespace placard;
    int width = 0, height = 0;
    if (argc != 2 || std::sscanf(argv[1], "%dx%d", &width, &height) != 2 || width <= 0 ||
        height <= 0) {
        std::fprintf(stderr, "usage: placard-frame-cost WIDTHxHEIGHT\n");
        return 2;
    }
    auto first =
        load_snapshot(PLACARD_SOURCE_DIR "/assets/demo", testing::test_fonts(), width, height);
    auto second =
        load_snapshot(PLACARD_SOURCE_DIR "/assets/demo", testing::test_fonts(), width, height);
    if (!first || !second) {
        std::fprintf(stderr, "placard-frame-cost: %s\n",
                     (!first ? first : second).error().message.c_str());
        return 1;
    }
    Bench bench(width, height, *first);
    home_frames(bench, "ticker",
                [](const FrameState& s) { return s.next_banner < 0 && s.next_page < 0; });
    home_frames(bench, "banner_crossfade", [](const FrameState& s) { return s.next_banner >= 0; });
    home_frames(bench, "excerpt_slide",
                [](const FrameState& s) { return s.next_page >= 0 && s.next_banner < 0; });
    article_frames(bench);
    clock_turn(bench, "minute_change", "2026-11-25T09:00:59+08:00");
    clock_turn(bench, "day_change", "2026-11-25T23:59:59+08:00");
    content_swap(bench, *second);
    notice_arrives(bench, "notice_band", NoticeLevel::Warning);
    notice_arrives(bench, "urgent_notice", NoticeLevel::Urgent);
    // Every banner, article and ticker item scheduled: what evaluating schedules adds to the
    // cheapest frame (issue 14, "schedule evaluation cost").
    auto scheduled = testing::load_changed_demo(testing::schedule_everything, width, height);
    if (!scheduled) {
        std::fprintf(stderr, "placard-frame-cost: %s\n", scheduled.error().message.c_str());
        return 1;
    }
    Bench scheduled_bench(width, height, *scheduled);
    home_frames(scheduled_bench, "ticker_scheduled",
                [](const FrameState& s) { return s.next_banner < 0 && s.next_page < 0; });
    return 0;
}
