// Rasterized glyphs (A8 coverage), kept in a cache bounded in bytes with least-recently-used
// eviction, after libass's bitmap cache. In steady state every glyph is a hit: no FreeType work
// and no allocation per frame. Colour is applied when blending, so one entry serves every colour.
//
// Not thread-safe: the thread that draws owns the cache (and so the FreeType faces' rasterizer).
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <unordered_map>
#include <vector>

#include "text/font_face.hpp"

namespace placard {

struct GlyphBitmap {
    int width = 0;
    int height = 0;
    int left = 0;                        // From the pen position to the bitmap's left edge.
    int top = 0;                         // From the baseline up to the bitmap's top edge.
    std::vector<std::uint8_t> coverage;  // width × height, row-major.
};

struct GlyphCacheStats {
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
    std::size_t bytes = 0;
    std::size_t entries = 0;
};

class GlyphCache {
  public:
    explicit GlyphCache(std::size_t max_bytes = 8 * 1024 * 1024) : max_bytes_(max_bytes) {}

    // The glyph's bitmap. The reference stays valid until the next call.
    const GlyphBitmap& get(const FontFace& face, std::uint32_t glyph);
    const GlyphCacheStats& stats() const { return stats_; }

  private:
    struct Entry {
        std::uint64_t key;
        GlyphBitmap bitmap;
    };
    GlyphBitmap rasterize(const FontFace& face, std::uint32_t glyph) const;
    void evict_to_fit();

    std::size_t max_bytes_;
    std::list<Entry> lru_;  // Most recently used first.
    std::unordered_map<std::uint64_t, std::list<Entry>::iterator> index_;
    GlyphCacheStats stats_;
};

}  // namespace placard
