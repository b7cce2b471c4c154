// Google Benchmark for the text engine on the seed article: shaping, paragraph layout (breaking,
// spacing, justification) and drawing through the glyph cache. Reports characters per second
// and the glyph cache's hit rate. Run: build/tests/placard-text-benchmark
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "core/utf8.hpp"
#include "importers/plain_text_article.hpp"
#include "render/text_painter.hpp"
#include "support/test_fonts.hpp"
#include "text/paragraph_layout.hpp"
#include "text/punctuation_normalizer.hpp"

namespace placard {
namespace {

std::vector<std::string> seed_paragraphs() {
    std::ifstream in(PLACARD_SOURCE_DIR "/assets/demo/source/seed-page.txt");
    std::stringstream text;
    text << in.rdbuf();
    auto article = import_plain_text_article(text.str(), "seed-page.txt");
    std::vector<std::string> paragraphs;
    for (const auto& highlight : article->highlights) {
        paragraphs.push_back("●" + normalize_ascii_punctuation(highlight));
    }
    for (const auto& body : article->body) {
        paragraphs.push_back(normalize_ascii_punctuation(body));
    }
    return paragraphs;
}

std::int64_t count_characters(const std::vector<std::string>& paragraphs) {
    std::int64_t count = 0;
    for (const auto& paragraph : paragraphs) {
        for (std::size_t pos = 0; pos < paragraph.size(); ++count) {
            utf8::decode_next(paragraph, pos);
        }
    }
    return count;
}

ParagraphStyle body_style() {
    ParagraphStyle style;
    style.fonts = &testing::body_fonts(32);
    style.measure = 1200;
    style.first_line_indent = 64;
    style.justify = Justify::Yes;
    return style;
}

void ShapeSeedArticle(benchmark::State& state) {
    const auto paragraphs = seed_paragraphs();
    const FontChain& fonts = testing::body_fonts(32);
    for (auto _ : state) {
        for (const auto& paragraph : paragraphs) {
            benchmark::DoNotOptimize(shape_text(fonts, paragraph));
        }
    }
    state.counters["chars/s"] =
        benchmark::Counter(static_cast<double>(count_characters(paragraphs) * state.iterations()),
                           benchmark::Counter::kIsRate);
}
BENCHMARK(ShapeSeedArticle)->Unit(benchmark::kMillisecond);

void LayOutSeedArticle(benchmark::State& state) {
    const auto paragraphs = seed_paragraphs();
    const ParagraphStyle style = body_style();
    for (auto _ : state) {
        for (const auto& paragraph : paragraphs) {
            benchmark::DoNotOptimize(layout_paragraph(paragraph, style));
        }
    }
    state.counters["chars/s"] =
        benchmark::Counter(static_cast<double>(count_characters(paragraphs) * state.iterations()),
                           benchmark::Counter::kIsRate);
}
BENCHMARK(LayOutSeedArticle)->Unit(benchmark::kMillisecond);

// Steady state: the article drawn again and again, every glyph a cache hit.
void DrawSeedArticle(benchmark::State& state) {
    const auto paragraphs = seed_paragraphs();
    const ParagraphStyle style = body_style();
    std::vector<LaidOutParagraph> laid;
    for (const auto& paragraph : paragraphs) {
        laid.push_back(layout_paragraph(paragraph, style));
    }
    Image image{1300, 3200, std::vector<std::uint32_t>(1300 * 3200, 0xFFFFFFFF)};
    Canvas canvas(image);
    GlyphCache cache;
    for (auto _ : state) {
        float y = 0;
        for (const auto& paragraph : laid) {
            draw_paragraph(canvas, cache, paragraph, 32, y, 0xFF000000);
            y += paragraph.height;
        }
    }
    const auto& stats = cache.stats();
    state.counters["chars/s"] =
        benchmark::Counter(static_cast<double>(count_characters(paragraphs) * state.iterations()),
                           benchmark::Counter::kIsRate);
    state.counters["cache_hit_rate"] =
        static_cast<double>(stats.hits) / static_cast<double>(stats.hits + stats.misses);
    state.counters["cache_kib"] = static_cast<double>(stats.bytes) / 1024.0;
}
BENCHMARK(DrawSeedArticle)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace placard

BENCHMARK_MAIN();
