// Fits one line of clusters to the measure (两端对齐, CLREQ 3.8 "Line adjustment").
//
// At the line's ends: an opening mark that starts the line loses its leading blank, a closing
// mark that ends a justified line is set half width (GB/T 15834-2011), and the Han–Latin gap at
// either end is dropped. Then, when the line is too long (a character was squeezed in rather than
// pushed out), it is compressed in CLREQ's order: Latin word spaces, the outer sides of brackets,
// the blanks of ，、；: and the like, Han–Latin gaps. When it is short and justified, it is
// expanded: Latin word spaces, Han–Latin gaps, then every gap between characters equally, by
// at most half an em (a line that needs more is left short) — never inside —— or ……, not
// beside connectors such as - or ～, and never inside a Latin word, number or address.
#pragma once

#include <cstddef>
#include <vector>

#include "text/shaped_paragraph.hpp"

namespace placard {

enum class Justify { No, Yes };

struct FittedLine {
    std::vector<float> glyph_x;  // Per cluster of the line: x of its glyphs' pen origin.
    float width = 0;             // From the first cluster's left edge to the last one's right.
    bool filled = false;         // The right edge is at the measure.
};

// The natural width of clusters [begin, end) set as a line (end-of-line rules applied).
float natural_line_width(const ShapedParagraph& paragraph, std::size_t begin, std::size_t end,
                         Justify justify);
// How much narrower the line could be squeezed.
float line_squeeze(const ShapedParagraph& paragraph, std::size_t begin, std::size_t end,
                   Justify justify);

FittedLine fit_line(const ShapedParagraph& paragraph, std::size_t begin, std::size_t end,
                    float measure, Justify justify);

}  // namespace placard
