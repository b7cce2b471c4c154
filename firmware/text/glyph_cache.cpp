#include "text/glyph_cache.hpp"

#include <utility>

namespace placard {
namespace {
// A glyph's share of a budget: its pixels plus the bookkeeping around them.
std::size_t cost(const GlyphBitmap& bitmap) {
    return bitmap.coverage.size() + 64;
}
}  // namespace

bool PrerasterizedGlyphs::offered(std::uint64_t key) const {
    std::lock_guard lock(mutex_);
    return offered_.contains(key);
}

bool PrerasterizedGlyphs::offer(std::uint64_t key, GlyphBitmap bitmap) {
    std::lock_guard lock(mutex_);
    if (cost(bitmap) > max_bytes_ || offered_.contains(key)) {
        return false;
    }
    while (bytes_ + cost(bitmap) > max_bytes_ && !order_.empty()) {
        if (const auto oldest = waiting_.find(order_.front()); oldest != waiting_.end()) {
            bytes_ -= cost(oldest->second);
            waiting_.erase(oldest);
        }
        order_.pop_front();
    }
    offered_.insert(key);
    order_.push_back(key);
    bytes_ += cost(bitmap);
    waiting_.emplace(key, std::move(bitmap));
    return true;
}

std::optional<GlyphBitmap> PrerasterizedGlyphs::take(std::uint64_t key) {
    std::lock_guard lock(mutex_);
    const auto found = waiting_.find(key);
    if (found == waiting_.end()) {
        return std::nullopt;
    }
    GlyphBitmap bitmap = std::move(found->second);
    waiting_.erase(found);
    bytes_ -= cost(bitmap);
    return bitmap;
}

std::size_t PrerasterizedGlyphs::waiting_bytes() const {
    std::lock_guard lock(mutex_);
    return bytes_;
}

const GlyphBitmap& GlyphCache::get(const FontFace& face, std::uint32_t glyph) {
    const std::uint64_t key = glyph_key(face, glyph);
    if (const auto found = index_.find(key); found != index_.end()) {
        ++stats_.hits;
        lru_.splice(lru_.begin(), lru_, found->second);
        return found->second->bitmap;
    }
    ++stats_.misses;
    std::optional<GlyphBitmap> ahead = ahead_ ? ahead_->take(key) : std::nullopt;
    if (ahead) {
        ++stats_.taken_ahead;
    } else {
        ahead = rasterize_glyph(face.file().raster_face(), face.pixel_size(), glyph);
    }
    lru_.push_front(Entry{key, std::move(*ahead)});
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

}  // namespace placard
