#include "text/glyph_cache.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "support/test_fonts.hpp"
#include "text/shaper.hpp"

namespace placard {
namespace {

bool same(const GlyphBitmap& a, const GlyphBitmap& b) {
    return a.width == b.width && a.height == b.height && a.left == b.left && a.top == b.top &&
           a.coverage == b.coverage;
}

// A rasterizer with FreeType faces of its own draws every glyph as the render thread's cache
// does — at two sizes, and from another thread, as the reading-screen worker does.
TEST(GlyphRasterizer, DrawsWhatTheRenderThreadDraws) {
    for (const int size : {28, 64}) {
        const std::vector<ShapedGlyph> shaped =
            shape_text(testing::body_fonts(size), "组工文萃：●坚持“四个”Placard 2026");
        GlyphCache cache;
        GlyphRasterizer rasterizer;
        std::vector<GlyphBitmap> ahead;
        std::thread worker([&] {
            for (const ShapedGlyph& glyph : shaped) {
                ahead.push_back(rasterizer.rasterize(*glyph.face, glyph.glyph));
            }
        });
        worker.join();
        std::size_t i = 0, drawn = 0;
        for (const ShapedGlyph& glyph : shaped) {
            const GlyphBitmap& here = cache.get(*glyph.face, glyph.glyph);
            EXPECT_TRUE(same(here, ahead.at(i))) << "glyph " << i << " at " << size << " px";
            drawn += here.coverage.empty() ? 0 : 1;
            ++i;
        }
        EXPECT_GT(drawn, 20u);  // Not a comparison of empty bitmaps.
    }
}

TEST(GlyphCache, TakesAGlyphRasterizedAheadInsteadOfRasterizing) {
    const ShapedGlyph shaped = shape_text(testing::body_fonts(40), "萃").at(0);
    const FontFace& face = *shaped.face;
    const std::uint32_t glyph = shaped.glyph;
    PrerasterizedGlyphs ahead(1 << 20);
    GlyphRasterizer rasterizer;
    const std::uint64_t key = glyph_key(face, glyph);
    EXPECT_FALSE(ahead.offered(key));
    ASSERT_TRUE(ahead.offer(key, rasterizer.rasterize(face, glyph)));
    EXPECT_TRUE(ahead.offered(key));
    EXPECT_GT(ahead.waiting_bytes(), 0u);
    GlyphCache cache;
    cache.take_from(&ahead);
    const GlyphBitmap& got = cache.get(face, glyph);
    EXPECT_FALSE(got.coverage.empty());
    EXPECT_EQ(cache.stats().taken_ahead, 1u);
    EXPECT_EQ(ahead.waiting_bytes(), 0u);  // Moved into the cache, not copied.
    EXPECT_TRUE(ahead.offered(key));       // And not rasterized ahead again.
}

TEST(PrerasterizedGlyphs, OffersNothingPastItsBudget) {
    PrerasterizedGlyphs ahead(1000);
    GlyphBitmap big;
    big.coverage.resize(900);
    EXPECT_TRUE(ahead.offer(1, big));
    EXPECT_FALSE(ahead.offer(2, big));
    EXPECT_FALSE(ahead.offered(2));
    EXPECT_FALSE(ahead.take(2));
    EXPECT_TRUE(ahead.take(1));
    EXPECT_TRUE(ahead.offer(2, big));  // Room again once taken.
}

}  // namespace
}  // namespace placard
