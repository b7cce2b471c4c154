// In steady state a frame allocates nothing (ARCHITECTURE.md: "steady state does no FreeType
// work and no heap allocation per frame"). This program counts every operator new; it is its
// own test binary because it replaces the global allocator.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <new>

#include "app/snapshot.hpp"
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

TEST(SteadyState, FramesAllocateNothingAndRasterizeNothing) {
    auto snapshot =
        load_snapshot(PLACARD_SOURCE_DIR "/assets/demo", testing::test_fonts(), 1920, 1080);
    ASSERT_TRUE(snapshot) << snapshot.error().message;
    const HomeScreenLayout& layout = *(*snapshot)->home;
    HeadlessDisplay display(1920, 1080, 0);
    Canvas canvas = display.canvas();
    GlyphCache cache;
    HomeScreenPainter painter(cache);
    const WallTime start = *parse_rfc3339("2026-11-25T09:00:10+08:00");
    DamageList damage;
    FrameState shown;
    const auto run_frames = [&](double from, double to) {
        for (double t = from; t < to; t += kFrameSeconds) {
            const WallTime now = start.plus_seconds(t);
            const FrameState state = painter.state_at(layout, t, now);
            damage.clear();
            painter.damage_between(layout, shown, state, damage);
            for (const Rect& area : damage.rects()) {
                painter.draw(canvas, layout, state, now, area);
            }
            (void)painter.next_change_after(layout, t, now);
            shown = state;
        }
    };
    painter.draw(canvas, layout, painter.state_at(layout, 0, start), start, Rect{0, 0, 1920, 1080});
    run_frames(0, 26);  // Warm up: every banner, crossfade, carousel page and slide once.
    const auto misses = cache.stats().misses;
    const long before = allocations.load();
    // Another full cycle: crossfades, slides, the ticker. (The clock is laid out again once a
    // minute; that minute falls outside this window.)
    run_frames(26, 50);
    EXPECT_EQ(allocations.load() - before, 0) << "heap allocations in steady-state frames";
    EXPECT_EQ(cache.stats().misses, misses) << "glyphs rasterized in steady state";
}

}  // namespace
}  // namespace placard
