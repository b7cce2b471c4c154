// Lays out one paragraph: shape, break into lines of a measure, justify, cut to an excerpt.
//
// TYPOGRAPHY.md: lines break only where UAX #14 and CLREQ's prohibitions allow; a mark that may
// not start a line is first squeezed onto the line before (先挤进, push-in) and only when that
// fails does the last character go down with it (后推出, push-out); a last line of one lone
// character (孤字) is avoided when the paragraph can absorb it; body text is justified (every
// line but the last fills the measure exactly); the first line may be indented (2 em for body
// text) and continuation lines may hang (● highlights); an excerpt of N lines ends in ……
// (two U+2026) cut at a legal break.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/font_library.hpp"
#include "text/line_justifier.hpp"

namespace placard {

// End: flush right (a 公文's signature and date, core/official_document.hpp).
enum class Align { Start, Center, End };
// Ellipsis::IfCut ends the last kept line in …… only when text was cut; Ellipsis::Always also
// when the paragraph ends there but more text (another paragraph) follows.
enum class Ellipsis { IfCut, Always };
enum class LoneLastCharacter { Avoid, Allow };

struct ParagraphStyle {
    const FontChain* fonts = nullptr;
    std::string language = "zh-Hans";
    float measure = 0;              // Line length in pixels.
    float line_height = 0;          // Baseline to baseline; 0 means 1.6 em.
    float first_line_indent = 0;    // Pixels; body text uses 2 em.
    float continuation_indent = 0;  // Pixels for every line after the first (hanging bullets).
    Justify justify = Justify::No;
    Align align = Align::Start;
    std::size_t max_lines = 0;  // 0: no limit.
    Ellipsis ellipsis = Ellipsis::IfCut;
    LoneLastCharacter lone_last_character = LoneLastCharacter::Avoid;
};

struct PositionedGlyph {
    const FontFace* face = nullptr;
    std::uint32_t glyph = 0;
    float x = 0;  // Pen position relative to the paragraph's left edge, offsets applied.
    float y = 0;  // Baseline relative to the paragraph's top, offsets applied (down positive).
};

struct LaidOutLine {
    std::string text;  // The characters of the line as laid out, trailing spaces excluded.
    float x = 0;       // Left edge of the first glyph's box.
    float width = 0;   // Advance as drawn: x + width is the right edge.
    float baseline = 0;
    bool justified = false;   // Filled to the measure.
    bool hyphenated = false;  // Ends in a "-" not in `text`: a plain word was split there.
    std::vector<PositionedGlyph> glyphs;
};

struct LaidOutParagraph {
    std::vector<LaidOutLine> lines;
    float height = 0;               // lines × line height.
    bool cut = false;               // Text was left out (and the last line ends in ……).
    std::vector<char32_t> missing;  // Characters no font of the chain has.
};

LaidOutParagraph layout_paragraph(std::string_view text, const ParagraphStyle& style);

}  // namespace placard
