// Draws laid-out text onto a canvas through the glyph cache.
#pragma once

#include "render/canvas.hpp"
#include "text/glyph_cache.hpp"
#include "text/paragraph_layout.hpp"

namespace placard {

// Draws `paragraph` with its top-left corner at (x, y).
void draw_paragraph(Canvas& canvas, GlyphCache& cache, const LaidOutParagraph& paragraph, float x,
                    float y, Color color);

}  // namespace placard
