// The rectangles of the screen that changed since the last frame (LVGL's invalidated areas):
// only these are repainted and presented, and an idle screen has none. Fixed capacity, so a
// frame allocates nothing; overlapping rectangles are merged, and past the capacity everything
// collapses into one bounding rectangle.
#pragma once

#include <array>
#include <cstddef>
#include <span>

#include "render/canvas.hpp"

namespace placard {

class DamageList {
  public:
    static constexpr std::size_t kCapacity = 8;

    void add(const Rect& area) {
        if (area.empty()) {
            return;
        }
        Rect merged = area;
        // Merge with any rectangle it touches, until none does.
        for (std::size_t i = 0; i < count_;) {
            if (!merged.intersect(rects_[i]).empty()) {
                merged = bounding(merged, rects_[i]);
                rects_[i] = rects_[--count_];
                i = 0;
            } else {
                ++i;
            }
        }
        if (count_ == kCapacity) {
            for (std::size_t i = 0; i < count_; ++i) {
                merged = bounding(merged, rects_[i]);
            }
            count_ = 0;
        }
        rects_[count_++] = merged;
    }
    void clear() { count_ = 0; }
    bool empty() const { return count_ == 0; }
    std::span<const Rect> rects() const { return {rects_.data(), count_}; }
    // Total pixels to repaint.
    long long area() const {
        long long total = 0;
        for (std::size_t i = 0; i < count_; ++i) {
            total += static_cast<long long>(rects_[i].width) * rects_[i].height;
        }
        return total;
    }

    static Rect bounding(const Rect& a, const Rect& b) {
        const int left = std::min(a.x, b.x), top = std::min(a.y, b.y);
        return Rect{left, top, std::max(a.right(), b.right()) - left,
                    std::max(a.bottom(), b.bottom()) - top};
    }

  private:
    std::array<Rect, kCapacity> rects_{};
    std::size_t count_ = 0;
};

}  // namespace placard
