// A paragraph shaped once and cut into clusters (the units a line may be measured, broken and
// spaced by), with CLREQ's fixed spacing applied:
//
//  - Punctuation compression (标点挤压, CLREQ 3.1.6): a full-width mark carries half an em of
//    blank on its open side; when two marks meet (。」 ）、 《〈) the blank between them goes,
//    so the pair takes 1.5 em instead of 2. The blank is measured from the glyph's ink, so it
//    follows the font rather than a table.
//  - Mixed Chinese and Latin (CLREQ 3.4): a quarter-em gap between a Han character and a Latin
//    letter or digit, none next to punctuation. The gap is dropped where a line begins or ends.
//
// Every per-line quantity (natural width, how much it may be squeezed) is a difference of two
// prefix sums, so choosing lines costs O(1) per candidate break.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/character_class.hpp"
#include "text/shaper.hpp"

namespace placard {

struct Cluster {
    std::uint32_t begin = 0, end = 0;  // Byte range in the paragraph.
    std::uint32_t first_glyph = 0, glyph_count = 0;
    char32_t first_char = 0;
    CharClass kind = CharClass::Other;
    float advance = 0;      // After fixed punctuation compression.
    float glyph_shift = 0;  // Added to the glyphs' x (an opening mark that lost its left blank).
    float blank_left = 0;   // Blank that may still be removed on the left (opening marks).
    float blank_right = 0;  // ... on the right (closing marks).
    float gap_after = 0;    // Han–Latin gap before the next cluster.
    // How much this cluster may give up when a line must be squeezed: its blanks, its gap, and
    // a third of a word space.
    float squeezable() const {
        return blank_left + blank_right + gap_after + (kind == CharClass::Space ? advance / 3 : 0);
    }
};

struct ShapedParagraph {
    std::string_view text;  // Not owned.
    float em = 0;
    std::vector<ShapedGlyph> glyphs;
    std::vector<Cluster> clusters;
    std::vector<float> pen;         // pen[i]: Σ advance + gap_after of clusters before i.
    std::vector<float> squeeze;     // squeeze[i]: Σ squeezable() of clusters before i.
    std::vector<char32_t> missing;  // Characters no font of the chain has.

    // The cluster that starts at byte `offset`, or clusters.size() when none does.
    std::size_t cluster_starting_at(std::size_t offset) const;
};

ShapedParagraph shape_paragraph(const FontChain& chain, std::string_view text,
                                std::string_view language);

}  // namespace placard
