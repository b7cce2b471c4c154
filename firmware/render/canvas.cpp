#include "render/canvas.hpp"

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

void Canvas::draw_image(const Image& image, int x, int y, int opacity) {
    const Rect box{x, y, image.width, image.height};
    const Rect target = box.intersect(clip_);
    const auto global = static_cast<std::uint32_t>(std::clamp(opacity, 0, 255));
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

}  // namespace placard
