#include "text/glyph_cache.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <cstring>

namespace placard {
namespace {
// A glyph's share of the budget: its pixels plus the bookkeeping around them.
std::size_t cost(const GlyphBitmap& bitmap) {
    return bitmap.coverage.size() + 64;
}
}  // namespace

const GlyphBitmap& GlyphCache::get(const FontFace& face, std::uint32_t glyph) {
    const std::uint64_t key = (static_cast<std::uint64_t>(face.id()) << 32) | glyph;
    if (const auto found = index_.find(key); found != index_.end()) {
        ++stats_.hits;
        lru_.splice(lru_.begin(), lru_, found->second);
        return found->second->bitmap;
    }
    ++stats_.misses;
    lru_.push_front(Entry{key, rasterize(face, glyph)});
    index_[key] = lru_.begin();
    stats_.bytes += cost(lru_.front().bitmap);
    stats_.entries = index_.size();
    evict_to_fit();
    return lru_.front().bitmap;
}

void GlyphCache::evict_to_fit() {
    // The entry just added (front) always stays, even if it alone is over the budget.
    while (stats_.bytes > max_bytes_ && lru_.size() > 1) {
        stats_.bytes -= cost(lru_.back().bitmap);
        index_.erase(lru_.back().key);
        lru_.pop_back();
    }
    stats_.entries = index_.size();
}

GlyphBitmap GlyphCache::rasterize(const FontFace& face, std::uint32_t glyph) const {
    GlyphBitmap bitmap;
    FT_Face ft = face.file().raster_face();
    // Every size shares the file's FreeType face; set this one's size when it differs.
    if (ft->size->metrics.x_ppem != face.pixel_size() &&
        FT_Set_Pixel_Sizes(ft, 0, static_cast<FT_UInt>(face.pixel_size())) != 0) {
        return bitmap;
    }
    // Light hinting snaps only vertically: crisp horizontal strokes in Han characters without
    // distorting the advances HarfBuzz laid out.
    if (FT_Load_Glyph(ft, glyph, FT_LOAD_TARGET_LIGHT | FT_LOAD_RENDER) != 0 ||
        ft->glyph->bitmap.pixel_mode != FT_PIXEL_MODE_GRAY) {
        return bitmap;  // An empty bitmap draws nothing; the layout already logged the glyph.
    }
    const FT_Bitmap& source = ft->glyph->bitmap;
    bitmap.width = static_cast<int>(source.width);
    bitmap.height = static_cast<int>(source.rows);
    bitmap.left = ft->glyph->bitmap_left;
    bitmap.top = ft->glyph->bitmap_top;
    bitmap.coverage.resize(static_cast<std::size_t>(bitmap.width) * bitmap.height);
    for (int row = 0; row < bitmap.height; ++row) {
        std::memcpy(bitmap.coverage.data() + static_cast<std::size_t>(row) * bitmap.width,
                    source.buffer + static_cast<std::ptrdiff_t>(row) * source.pitch,
                    static_cast<std::size_t>(bitmap.width));
    }
    return bitmap;
}

}  // namespace placard
