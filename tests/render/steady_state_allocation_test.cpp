// In steady state a frame allocates nothing (ARCHITECTURE.md: "steady state does no FreeType
// work and no heap allocation per frame"). This program counts every operator new; it is its
// own test binary because it replaces the global allocator.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <new>

#include "player/player_frame.hpp"
#include "player/snapshot.hpp"
#include "render/headless_display.hpp"
#include "support/test_fonts.hpp"

namespace {
std::atomic<long> allocations{0};
}

void* operator new(std::size_t size) {
    ++allocations;
    if (void* memory = std::malloc(size ? size : 1)) {
        return memory;
    }
    throw std::bad_alloc();
}
void operator delete(void* memory) noexcept {
    std::free(memory);
}
void operator delete(void* memory, std::size_t) noexcept {
    std::free(memory);
}

namespace placard {
namespace {

// The player's own frame function (PlayerFrame::frame, which the live loop and --screenshot
// both run), not a copy of it: ticker, banner crossfades and excerpt slides.
TEST(SteadyState, FramesAllocateNothingAndRasterizeNothing) {
    auto snapshot =
        load_snapshot(PLACARD_SOURCE_DIR "/assets/demo", testing::test_fonts(), 1920, 1080);
    ASSERT_TRUE(snapshot) << snapshot.error().message;
    HeadlessDisplay display(1920, 1080, 0);
    Canvas canvas = display.canvas();
    PlayerFrame player(testing::test_fonts(), *snapshot, 60);
    const WallTime start = *parse_rfc3339("2026-11-25T09:00:10+08:00");
    long frames_drawn = 0;
    const auto run_frames = [&](long from_tick, long to_tick) {
        for (long tick = from_tick; tick < to_tick; ++tick) {
            const double t = static_cast<double>(tick) * kFrameSeconds;
            const FrameOutcome outcome = player.frame(t, start.plus_seconds(t), {}, canvas);
            frames_drawn += outcome.damage.empty() ? 0 : 1;
        }
    };
    run_frames(0, 26 * 60);  // Warm up: every banner, crossfade, carousel page and slide once.
    const auto misses = player.glyph_cache_stats().misses;
    const long before = allocations.load();
    frames_drawn = 0;
    // Another full cycle: crossfades, slides, the ticker. (The clock is laid out again once a
    // minute; that minute falls outside this window.)
    run_frames(26 * 60, 50 * 60);
    EXPECT_EQ(allocations.load() - before, 0) << "heap allocations in steady-state frames";
    EXPECT_EQ(player.glyph_cache_stats().misses, misses) << "glyphs rasterized in steady state";
    EXPECT_GT(frames_drawn, 1000) << "the frames drew nothing: the test would prove nothing";
}

}  // namespace
}  // namespace placard
