#include "render/canvas.hpp"

#include <cstdlib>
#include <cstring>

namespace placard {

void Canvas::fill(const Rect& area, Color color) {
    const Rect target = area.intersect(clip_);
    const std::uint32_t alpha = color >> 24;
    for (int row = target.y; row < target.bottom(); ++row) {
        std::uint32_t* line = pixels_ + static_cast<std::ptrdiff_t>(row) * stride_;
        if (alpha == 255) {
            std::fill(line + target.x, line + target.right(), color);
        } else {
            for (int column = target.x; column < target.right(); ++column) {
                line[column] = mix(line[column], color, alpha);
            }
        }
    }
}

void Canvas::blend_glyph(const GlyphBitmap& glyph, int x, int y, Color color) {
    const Rect box{x + glyph.left, y - glyph.top, glyph.width, glyph.height};
    const Rect target = box.intersect(clip_);
    const std::uint32_t alpha = color >> 24;
    for (int row = target.y; row < target.bottom(); ++row) {
        const std::uint8_t* coverage =
            glyph.coverage.data() + static_cast<std::ptrdiff_t>(row - box.y) * glyph.width - box.x;
        std::uint32_t* line = pixels_ + static_cast<std::ptrdiff_t>(row) * stride_;
        for (int column = target.x; column < target.right(); ++column) {
            const std::uint32_t weight = coverage[column] * alpha / 255;
            if (weight != 0) {
                line[column] = mix(line[column], color, weight);
            }
        }
    }
}

void mark_opacity(Image& image) {
    std::uint32_t alpha = 0xFF000000u;
    for (const std::uint32_t pixel : image.pixels) {
        alpha &= pixel;
    }
    image.opaque = alpha == 0xFF000000u;
}

void Canvas::draw_crossfade(const Image& from, const Image& to, int x, int y, int weight) {
    const Rect box{x, y, std::min(from.width, to.width), std::min(from.height, to.height)};
    const Rect target = box.intersect(clip_);
    const auto w = static_cast<std::uint32_t>(std::clamp(weight, 0, 255));
    for (int row = target.y; row < target.bottom(); ++row) {
        const std::uint32_t* a =
            from.pixels.data() + static_cast<std::ptrdiff_t>(row - y) * from.width - x;
        const std::uint32_t* b =
            to.pixels.data() + static_cast<std::ptrdiff_t>(row - y) * to.width - x;
        std::uint32_t* line = pixels_ + static_cast<std::ptrdiff_t>(row) * stride_;
        for (int column = target.x; column < target.right(); ++column) {
            line[column] = mix(a[column], b[column], w);
        }
    }
}

void Canvas::draw_image(const Image& image, int x, int y, int opacity) {
    const Rect box{x, y, image.width, image.height};
    const Rect target = box.intersect(clip_);
    const auto global = static_cast<std::uint32_t>(std::clamp(opacity, 0, 255));
    if (image.opaque && global == 255) {
        // The common case, a banner or photo: copy rows.
        for (int row = target.y; row < target.bottom(); ++row) {
            std::memcpy(pixels_ + static_cast<std::ptrdiff_t>(row) * stride_ + target.x,
                        image.pixels.data() + static_cast<std::ptrdiff_t>(row - y) * image.width +
                            (target.x - x),
                        static_cast<std::size_t>(target.width) * 4);
        }
        return;
    }
    for (int row = target.y; row < target.bottom(); ++row) {
        const std::uint32_t* source =
            image.pixels.data() + static_cast<std::ptrdiff_t>(row - y) * image.width - x;
        std::uint32_t* line = pixels_ + static_cast<std::ptrdiff_t>(row) * stride_;
        for (int column = target.x; column < target.right(); ++column) {
            const std::uint32_t pixel = source[column];
            const std::uint32_t weight = (pixel >> 24) * global / 255;
            if (weight == 255) {
                line[column] = pixel;
            } else if (weight != 0) {
                line[column] = mix(line[column], pixel, weight);
            }
        }
    }
}

void Canvas::move_rows(const Rect& area, int dy) {
    const Rect inside = area.intersect(Rect{0, 0, width_, height_});
    if (inside.empty() || dy == 0 || std::abs(dy) >= inside.height) {
        return;
    }
    const auto row = [&](int y) {
        return pixels_ + static_cast<std::ptrdiff_t>(y) * stride_ + inside.x;
    };
    const std::size_t bytes = static_cast<std::size_t>(inside.width) * 4;
    // Copy in the direction that never reads a row already overwritten.
    if (dy < 0) {
        for (int y = inside.y; y < inside.bottom() + dy; ++y) {
            std::memcpy(row(y), row(y - dy), bytes);
        }
    } else {
        for (int y = inside.bottom() - 1; y >= inside.y + dy; --y) {
            std::memcpy(row(y), row(y - dy), bytes);
        }
    }
}

}  // namespace placard
