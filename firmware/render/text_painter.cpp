#include "render/text_painter.hpp"

#include <cmath>

namespace placard {

void draw_paragraph(Canvas& canvas, GlyphCache& cache, const LaidOutParagraph& paragraph, float x,
                    float y, Color color) {
    for (const LaidOutLine& line : paragraph.lines) {
        for (const PositionedGlyph& glyph : line.glyphs) {
            const GlyphBitmap& bitmap = cache.get(*glyph.face, glyph.glyph);
            // Whole pixels: Han strokes stay sharp; the sub-pixel remainder is below what
            // a lobby screen's viewer can see.
            canvas.blend_glyph(bitmap, static_cast<int>(std::lround(x + glyph.x)),
                               static_cast<int>(std::lround(y + glyph.y)), color);
        }
    }
}

}  // namespace placard
