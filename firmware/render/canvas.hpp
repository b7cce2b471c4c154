// A view of 32-bit pixels (0xAARRGGBB in a uint32_t, SDL's ARGB8888/XRGB8888) and the few
// operations a signage screen needs: fill, blend glyph coverage in a colour, draw an image with
// opacity. Everything clips to the canvas and to an optional clip rectangle.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "text/glyph_cache.hpp"

namespace placard {

using Color = std::uint32_t;  // 0xAARRGGBB

struct Rect {
    int x = 0, y = 0, width = 0, height = 0;
    int right() const { return x + width; }
    int bottom() const { return y + height; }
    bool empty() const { return width <= 0 || height <= 0; }
    Rect intersect(const Rect& other) const {
        const int left = std::max(x, other.x), top = std::max(y, other.y);
        const int r = std::min(right(), other.right()), b = std::min(bottom(), other.bottom());
        return Rect{left, top, std::max(0, r - left), std::max(0, b - top)};
    }
    bool operator==(const Rect&) const = default;
};

// An owned picture in the same pixel format, straight (not premultiplied) alpha.
struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint32_t> pixels;
    bool opaque = false;  // Every pixel's alpha is 255 (set by mark_opacity): drawn by copying.
};

// Sets image.opaque from its pixels.
void mark_opacity(Image& image);

class Canvas {
  public:
    // `stride` is in pixels. The canvas does not own the memory.
    Canvas(std::uint32_t* pixels, int width, int height, int stride)
        : pixels_(pixels),
          width_(width),
          height_(height),
          stride_(stride),
          clip_{0, 0, width, height} {}
    explicit Canvas(Image& image)
        : Canvas(image.pixels.data(), image.width, image.height, image.width) {}

    int width() const { return width_; }
    int height() const { return height_; }
    int stride() const { return stride_; }
    std::uint32_t* pixels() { return pixels_; }

    // Drawing is limited to `clip` (intersected with the canvas) until reset.
    void set_clip(const Rect& clip) { clip_ = clip.intersect(Rect{0, 0, width_, height_}); }
    void reset_clip() { clip_ = Rect{0, 0, width_, height_}; }
    const Rect& clip() const { return clip_; }

    void fill(const Rect& area, Color color);
    // Blends `color` through the glyph's coverage with its origin (pen, baseline) at (x, y).
    void blend_glyph(const GlyphBitmap& glyph, int x, int y, Color color);
    // Draws `image` with its top-left at (x, y), multiplied by `opacity` (0..255).
    void draw_image(const Image& image, int x, int y, int opacity = 255);
    // Draws the mix of two opaque images of the same size, `weight`/255 of `to`: a crossfade
    // frame in one pass.
    void draw_crossfade(const Image& from, const Image& to, int x, int y, int weight);
    // Moves the pixels inside `area` by `dy` rows (down when positive), as a scroll does; the
    // rows that come into view keep what they had, for the caller to repaint. Not clipped.
    void move_rows(const Rect& area, int dy);

  private:
    std::uint32_t* pixels_;
    int width_, height_, stride_;
    Rect clip_;
};

// Mixes `from` towards `to` by weight/255 per channel; the result is opaque. The weight is
// stretched to 0..256 first so that full coverage gives exactly `to` with a shift, not a divide.
inline std::uint32_t mix(std::uint32_t from, std::uint32_t to, std::uint32_t weight) {
    const std::uint32_t w = weight + (weight >> 7);
    const std::uint32_t inverse = 256 - w;
    // Red and blue together, then green: each lane's sum stays below 2^16.
    const std::uint32_t rb =
        ((((from & 0xFF00FF) * inverse + (to & 0xFF00FF) * w) + 0x800080) >> 8) & 0xFF00FF;
    const std::uint32_t g =
        ((((from & 0x00FF00) * inverse + (to & 0x00FF00) * w) + 0x008000) >> 8) & 0x00FF00;
    return 0xFF000000u | rb | g;
}

}  // namespace placard
