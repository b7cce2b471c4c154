// Shapes a run of UTF-8 text with HarfBuzz (TYPOGRAPHY.md, "Shaping and fonts").
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/font_face.hpp"

namespace placard {

struct ShapedGlyph {
    std::uint32_t glyph = 0;    // Glyph index in the face; 0 means the font lacks the character.
    std::uint32_t cluster = 0;  // Byte offset of the first character this glyph draws.
    float x_advance = 0;        // Pixels.
    float x_offset = 0;
    float y_offset = 0;  // Pixels, up is positive (HarfBuzz's convention).
};

// The buffer's language is `language` (BCP 47, "zh-Hans" by default) so that the font's `locl`
// feature picks Simplified, Traditional or Japanese forms; direction is left-to-right.
std::vector<ShapedGlyph> shape_text(const FontFace& face, std::string_view text,
                                    std::string_view language = "zh-Hans");

// Sum of the advances: how wide `text` is when set on one line.
float measure_text(const FontFace& face, std::string_view text,
                   std::string_view language = "zh-Hans");

}  // namespace placard
