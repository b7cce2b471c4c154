// Google Benchmark for content updates: parse + validate a generated feed of 500 articles;
// load it whole (parse, validate, decode and scale images, lay out every excerpt); and the
// first frame after swapping it in, which repaints the whole screen with a glyph cache that
// has not seen the new text yet; and a frame of a visitor dragging an article, which repaints
// the article's viewport. Peak memory is reported as a counter (VmHWM, kB).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/feed_parser.hpp"
#include "player/frame_stats.hpp"
#include "player/snapshot.hpp"
#include "render/headless_display.hpp"
#include "render/reading_screens.hpp"
#include "support/test_fonts.hpp"

namespace placard {
namespace {

namespace fs = std::filesystem;

// The demo feed with its seed article repeated to `count` articles, each a little different.
std::string generated_feed(int count) {
    std::ifstream in(PLACARD_SOURCE_DIR "/assets/demo/feed.json");
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json feed = nlohmann::json::parse(text.str());
    const nlohmann::json seed = feed["articles"][0];
    feed["articles"] = nlohmann::json::array();
    for (int i = 0; i < count; ++i) {
        nlohmann::json article = seed;
        article["id"] = "a" + std::to_string(i);
        article["title"] = seed["title"].get<std::string>() + "（" + std::to_string(i) + "）";
        feed["articles"].push_back(article);
    }
    feed["banners"][1]["article"] = "a1";
    return feed.dump();
}

// A bundle folder with the generated feed and the demo's media.
fs::path generated_bundle(int count) {
    const fs::path dir = fs::temp_directory_path() / ("placard-bench-" + std::to_string(count));
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy(PLACARD_SOURCE_DIR "/assets/demo/media", dir / "media", fs::copy_options::recursive);
    std::ofstream(dir / "feed.json") << generated_feed(count);
    return dir;
}

void ParseAndValidate500Articles(benchmark::State& state) {
    const std::string feed = generated_feed(500);
    for (auto _ : state) {
        const FeedParseOutcome outcome = parse_feed(feed);
        if (!outcome.ok()) {
            state.SkipWithError(outcome.problems.front().message.c_str());
        }
        benchmark::DoNotOptimize(outcome);
    }
    state.counters["feed_kB"] = static_cast<double>(feed.size()) / 1024.0;
}
BENCHMARK(ParseAndValidate500Articles)->Unit(benchmark::kMillisecond);

void Load500ArticleBundle(benchmark::State& state) {
    const fs::path dir = generated_bundle(500);
    for (auto _ : state) {
        auto snapshot = load_snapshot(dir, testing::test_fonts(), 1920, 1080);
        if (!snapshot) {
            state.SkipWithError(snapshot.error().message.c_str());
        }
        benchmark::DoNotOptimize(snapshot);
    }
    state.counters["peak_rss_kB"] = static_cast<double>(resident_kilobytes(true));
    fs::remove_all(dir);
}
BENCHMARK(Load500ArticleBundle)->Unit(benchmark::kMillisecond)->Iterations(3);

void FirstFrameAfterSwap(benchmark::State& state) {
    auto before =
        load_snapshot(PLACARD_SOURCE_DIR "/assets/demo", testing::test_fonts(), 1920, 1080);
    const fs::path dir = generated_bundle(500);
    auto after = load_snapshot(dir, testing::test_fonts(), 1920, 1080);
    if (!before || !after) {
        state.SkipWithError("cannot load the content");
        return;
    }
    HeadlessDisplay display(1920, 1080, 0);
    Canvas canvas = display.canvas();
    const WallTime now = *parse_rfc3339("2026-11-25T09:00:00+08:00");
    const Rect whole{0, 0, 1920, 1080};
    for (auto _ : state) {
        state.PauseTiming();
        GlyphCache cache;  // Warm for the old content only, as on screen before the swap.
        HomeScreenPainter painter(cache);
        const HomeScreenLayout& old_layout = *(*before)->home;
        painter.draw(canvas, old_layout, painter.state_at(old_layout, 3, now), now, whole);
        state.ResumeTiming();
        const HomeScreenLayout& new_layout = *(*after)->home;
        painter.draw(canvas, new_layout, painter.state_at(new_layout, 3, now), now, whole);
    }
    fs::remove_all(dir);
}
BENCHMARK(FirstFrameAfterSwap)->Unit(benchmark::kMillisecond);

// One frame of a drag through the seed article at 1920x1080: the viewport drawn again 4 px
// further on (240 px/s at 60 frames per second), the glyph cache warm. A board's budget for it
// is a frame, 16.7 ms; this is the amd64 figure to scale from.
void ScrollArticleFrame(benchmark::State& state) {
    auto snapshot =
        load_snapshot(PLACARD_SOURCE_DIR "/assets/demo", testing::test_fonts(), 1920, 1080);
    if (!snapshot) {
        state.SkipWithError(snapshot.error().message.c_str());
        return;
    }
    const Feed& feed = (*snapshot)->feed;
    const HomeScreenLayout& home = *(*snapshot)->home;
    auto screen =
        build_article_screen(feed, feed.articles.front(), home.geometry, testing::test_fonts());
    if (!screen) {
        state.SkipWithError(screen.error().message.c_str());
        return;
    }
    const ReadingScreenLayout& article = **screen;
    HeadlessDisplay display(1920, 1080, 0);
    Canvas canvas = display.canvas();
    GlyphCache cache;
    HomeScreenPainter painter(cache);
    const WallTime now = *parse_rfc3339("2026-11-25T09:00:00+08:00");
    draw_reading_screen(canvas, cache, painter, home, article, 0, nullptr, now,
                        Rect{0, 0, 1920, 1080});
    float scroll = 0;
    for (auto _ : state) {
        scroll += 4;
        if (scroll > article.scroll_limit()) {
            scroll = 0;
        }
        draw_reading_screen(canvas, cache, painter, home, article, scroll, nullptr, now,
                            article.viewport);
    }
    state.counters["viewport_px"] =
        static_cast<double>(article.viewport.width) * static_cast<double>(article.viewport.height);
}
BENCHMARK(ScrollArticleFrame)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace placard

BENCHMARK_MAIN();
