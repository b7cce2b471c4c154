// Rasterized glyphs (A8 coverage), kept in a cache bounded in bytes with least-recently-used
// eviction, after libass's bitmap cache. In steady state every glyph is a hit: no FreeType work
// and no allocation per frame. Colour is applied when blending, so one entry serves every colour.
//
// Not thread-safe: the thread that draws owns the cache (and so the FreeType faces' rasterizer).
// Another thread can rasterize ahead with a GlyphRasterizer of its own and offer the bitmaps in
// a PrerasterizedGlyphs, which the cache takes from on a miss instead of calling FreeType.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <list>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "text/font_face.hpp"
#include "text/glyph_rasterizer.hpp"

namespace placard {

struct GlyphCacheStats {
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
    std::uint64_t taken_ahead = 0;  // Misses answered by glyphs rasterized ahead.
    std::size_t bytes = 0;
    std::size_t entries = 0;
};

// A glyph's key: its face (unique in the process) and glyph index.
inline std::uint64_t glyph_key(const FontFace& face, std::uint32_t glyph) {
    return (static_cast<std::uint64_t>(face.id()) << 32) | glyph;
}

// Glyphs rasterized ahead on another thread, waiting for the render thread's cache to take
// them. Thread-safe. Bounded in bytes: a new glyph pushes out the glyphs waiting longest (those
// of screens nobody opened, of content since replaced), and the render thread rasterizes what
// it misses itself, as it would without this.
class PrerasterizedGlyphs {
  public:
    explicit PrerasterizedGlyphs(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    // Whether `key` was offered before (taken, pushed out or waiting): then it is not
    // rasterized again.
    bool offered(std::uint64_t key) const;
    // Offers a bitmap, pushing out the oldest waiting ones to make room; false, and nothing
    // kept, for a bitmap larger than the whole budget.
    bool offer(std::uint64_t key, GlyphBitmap bitmap);
    // The waiting bitmap for `key`, moved out, if there is one.
    std::optional<GlyphBitmap> take(std::uint64_t key);
    std::size_t waiting_bytes() const;

  private:
    mutable std::mutex mutex_;
    const std::size_t max_bytes_;
    std::size_t bytes_ = 0;
    std::unordered_map<std::uint64_t, GlyphBitmap> waiting_;
    std::deque<std::uint64_t> order_;  // Offered keys, oldest first (taken ones are skipped).
    std::unordered_set<std::uint64_t> offered_;
};

class GlyphCache {
  public:
    explicit GlyphCache(std::size_t max_bytes = 8 * 1024 * 1024) : max_bytes_(max_bytes) {}

    // The glyph's bitmap. The reference stays valid until the next call.
    const GlyphBitmap& get(const FontFace& face, std::uint32_t glyph);
    const GlyphCacheStats& stats() const { return stats_; }
    // On a miss, take the glyph from `ahead` when it is there (null: always rasterize here).
    void take_from(PrerasterizedGlyphs* ahead) { ahead_ = ahead; }

  private:
    struct Entry {
        std::uint64_t key;
        GlyphBitmap bitmap;
    };
    void evict_to_fit();

    std::size_t max_bytes_;
    PrerasterizedGlyphs* ahead_ = nullptr;
    std::list<Entry> lru_;  // Most recently used first.
    std::unordered_map<std::uint64_t, std::list<Entry>::iterator> index_;
    GlyphCacheStats stats_;
};

}  // namespace placard
