// Where each line of a paragraph ends (TYPOGRAPHY.md, "Line breaking (禁则)").
//
// A line ends at the furthest break between words that fits. A closing mark that may not start
// the next line is first squeezed onto the line (先挤进, push-in) — only such marks, by at most
// half an em — and otherwise goes down with the last character (后推出, push-out). A word,
// number, address or path wider than a whole line starts on the line it comes to and is split:
// at its own opportunities (after / - : . @) where one fills half the line, else after the last
// character that fits and may end a line, with a hyphen when it is a plain word.
#pragma once

#include <cstddef>
#include <vector>

#include "text/font_library.hpp"
#include "text/line_justifier.hpp"
#include "text/shaped_paragraph.hpp"

namespace placard {

constexpr float kTolerance = 0.01f;  // Pixels of float rounding when filling.

// A line as a range of clusters: [begin, end) is drawn (trailing spaces excluded), the next
// line starts at `next`. `hyphen`: a plain word was split at `end` and the line ends in "-".
struct Span {
    std::size_t begin = 0, end = 0, next = 0;
    bool hyphen = false;
};

// Break opportunities as cluster indices (each > 0; between words the last == cluster count).
struct ClusterBreaks {
    std::vector<std::size_t> between_words;
    std::vector<std::size_t> any;  // Between words and inside them, for a word wider than a line.
};

ClusterBreaks cluster_breaks(const ShapedParagraph& shaped);

// Trailing spaces (and, in justified text, a trailing U+3000) of [begin, end) excluded.
std::size_t trim_spaces(const ShapedParagraph& shaped, std::size_t begin, std::size_t end,
                        Justify justify);
std::size_t skip_spaces(const ShapedParagraph& shaped, std::size_t index);

bool fits(const ShapedParagraph& shaped, std::size_t begin, std::size_t end, float available,
          Justify justify);
bool fits_squeezed(const ShapedParagraph& shaped, std::size_t begin, std::size_t end,
                   float available, Justify justify);

// What choosing lines needs besides where a line starts and how long it is.
struct LineContext {
    const ShapedParagraph& shaped;
    const ClusterBreaks& breaks;
    Justify justify;
    float full_line;     // A continuation line's length: a word wider than that must be split.
    float hyphen_width;  // Of the "-" that ends a line where a plain word was split.
};

Span next_line(const LineContext& context, std::size_t begin, float available);

}  // namespace placard
