#include "render/text_painter.hpp"

#include <cmath>

namespace placard {

void draw_paragraph(Canvas& canvas, GlyphCache& cache, const LaidOutParagraph& paragraph, float x,
                    float y, Color color) {
    const Rect& clip = canvas.clip();
    if (clip.empty()) {
        return;
    }
    for (const LaidOutLine& line : paragraph.lines) {
        if (line.glyphs.empty()) {
            continue;
        }
        // Ink stays within two em of a glyph's origin; lines and glyphs wholly outside the clip
        // are skipped without touching the cache (a scrolling ticker is mostly outside).
        const float reach = 2.0f * static_cast<float>(line.glyphs.front().face->pixel_size());
        const float baseline = y + line.baseline;
        if (baseline + reach < static_cast<float>(clip.y) ||
            baseline - reach > static_cast<float>(clip.bottom())) {
            continue;
        }
        for (const PositionedGlyph& glyph : line.glyphs) {
            const float left = x + glyph.x;
            if (left + reach < static_cast<float>(clip.x)) {
                continue;
            }
            if (left - reach > static_cast<float>(clip.right())) {
                break;  // Glyphs run left to right: the rest are outside too.
            }
            const GlyphBitmap& bitmap = cache.get(*glyph.face, glyph.glyph);
            // Whole pixels: Han strokes stay sharp; the sub-pixel remainder is below what
            // a lobby screen's viewer can see.
            canvas.blend_glyph(bitmap, static_cast<int>(std::lround(left)),
                               static_cast<int>(std::lround(y + glyph.y)), color);
        }
    }
}

}  // namespace placard
