// Shapes UTF-8 text with HarfBuzz through a font fallback chain (TYPOGRAPHY.md, "Shaping and
// fonts").
//
// The text is itemized into runs of one script (ICU's script property; common and inherited
// characters join the run around them), each shaped with the buffer language set, so that the
// font's `locl` feature picks Simplified, Traditional or Japanese forms. Clusters that come back
// as glyph 0 are shaped again with the next face of the chain (Godot's approach); what no face
// has is kept as the first face's .notdef and reported in `missing`.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/font_library.hpp"

namespace placard {

struct ShapedGlyph {
    const FontFace* face = nullptr;
    std::uint32_t glyph = 0;    // Glyph index in `face`; 0 means no face has the character.
    std::uint32_t cluster = 0;  // Byte offset of the first character this glyph draws.
    float x_advance = 0;        // Pixels.
    float x_offset = 0;
    float y_offset = 0;  // Pixels, up is positive (HarfBuzz's convention).
};

// Glyphs in logical (left-to-right) order. Characters no face has are appended to `missing`
// (once each) when it is given.
std::vector<ShapedGlyph> shape_text(const FontChain& chain, std::string_view text,
                                    std::string_view language = "zh-Hans",
                                    std::vector<char32_t>* missing = nullptr);

// Sum of the advances: how wide `text` is when set on one line.
float measure_text(const FontChain& chain, std::string_view text,
                   std::string_view language = "zh-Hans");

}  // namespace placard
