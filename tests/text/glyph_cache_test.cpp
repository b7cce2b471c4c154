#include "text/glyph_cache.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "support/test_fonts.hpp"
#include "text/shaper.hpp"

namespace placard {
namespace {

bool same(const GlyphBitmap& a, const GlyphBitmap& b) {
    return a.width == b.width && a.height == b.height && a.left == b.left && a.top == b.top &&
           a.coverage == b.coverage;
}

// A rasterizer with FreeType faces of its own, on a worker thread, draws every glyph as the
// render thread's cache does at the same time on this one — at two sizes.
TEST(GlyphRasterizer, DrawsWhatTheRenderThreadDrawsAtTheSameTime) {
    for (const int size : {28, 64}) {
        const std::vector<ShapedGlyph> shaped =
            shape_text(testing::body_fonts(size), "组工文萃：●坚持“四个”Placard 2026");
        GlyphRasterizer rasterizer;
        std::vector<std::optional<GlyphBitmap>> ahead;
        std::thread worker([&] {
            for (const ShapedGlyph& glyph : shaped) {
                ahead.push_back(rasterizer.rasterize(*glyph.face, glyph.glyph));
            }
        });
        GlyphCache cache;
        std::vector<GlyphBitmap> here;
        for (const ShapedGlyph& glyph : shaped) {
            here.push_back(cache.get(*glyph.face, glyph.glyph));
        }
        worker.join();
        ASSERT_EQ(ahead.size(), here.size());
        std::size_t drawn = 0;
        for (std::size_t i = 0; i < here.size(); ++i) {
            ASSERT_TRUE(ahead[i]) << "glyph " << i;
            EXPECT_TRUE(same(here[i], *ahead[i])) << "glyph " << i << " at " << size << " px";
            drawn += here[i].coverage.empty() ? 0 : 1;
        }
        EXPECT_GT(drawn, 20u);  // Not a comparison of empty bitmaps.
    }
}

TEST(GlyphCache, TakesAGlyphRasterizedAheadInsteadOfRasterizing) {
    const ShapedGlyph shaped = shape_text(testing::body_fonts(40), "萃").at(0);
    const FontFace& face = *shaped.face;
    PrerasterizedGlyphs ahead(1 << 20);
    GlyphRasterizer rasterizer;
    const std::uint64_t key = glyph_key(face, shaped.glyph);
    EXPECT_FALSE(ahead.offered(key));
    // A marked bitmap: what the cache returns is this one, not one it rasterized.
    GlyphBitmap marked = *rasterizer.rasterize(face, shaped.glyph);
    ASSERT_FALSE(marked.coverage.empty());
    marked.coverage[0] = 77;
    ASSERT_TRUE(ahead.offer(key, marked));
    EXPECT_TRUE(ahead.offered(key));
    EXPECT_GT(ahead.waiting_bytes(), 0u);
    GlyphCache cache;
    cache.take_from(&ahead);
    const GlyphBitmap& got = cache.get(face, shaped.glyph);
    EXPECT_EQ(got.coverage[0], 77);
    EXPECT_EQ(cache.stats().taken_ahead, 1u);
    EXPECT_EQ(ahead.waiting_bytes(), 0u);    // No longer waiting: taken.
    EXPECT_FALSE(ahead.offer(key, marked));  // And not offered again.
}

TEST(PrerasterizedGlyphs, ANewGlyphPushesOutTheOldestWaiting) {
    PrerasterizedGlyphs ahead(2500);
    GlyphBitmap glyph;
    glyph.coverage.resize(900);  // 964 bytes with the bookkeeping: two fit, not three.
    EXPECT_TRUE(ahead.offer(1, glyph));
    EXPECT_TRUE(ahead.offer(2, glyph));
    EXPECT_TRUE(ahead.take(1));  // Taken: room without pushing anything out.
    EXPECT_TRUE(ahead.offer(3, glyph));
    EXPECT_TRUE(ahead.offer(4, glyph));  // Pushes out 2, the oldest still waiting.
    EXPECT_FALSE(ahead.take(2));
    EXPECT_TRUE(ahead.take(3));
    EXPECT_TRUE(ahead.take(4));
    GlyphBitmap huge;
    huge.coverage.resize(4000);
    EXPECT_FALSE(ahead.offer(5, huge));  // Larger than the whole budget.
    EXPECT_FALSE(ahead.offered(5));
}

TEST(FileIdentity, ChangesWhenTheFileAtAPathIsReplaced) {
    const auto path =
        std::filesystem::temp_directory_path() / ("placard-identity-" + std::to_string(::getpid()));
    std::ofstream(path) << "one";
    const FileIdentity first = file_identity(path.string());
    EXPECT_EQ(file_identity(path.string()), first);
    const auto replacement = path.string() + ".new";
    std::ofstream(replacement) << "a new font";
    std::filesystem::rename(replacement, path);  // As dpkg installs a file.
    EXPECT_NE(file_identity(path.string()), first);
    std::filesystem::remove(path);
    EXPECT_EQ(file_identity(path.string()), FileIdentity{});
}

}  // namespace
}  // namespace placard
