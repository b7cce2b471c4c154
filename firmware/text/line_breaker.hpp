// Where a line of Chinese text may break (TYPOGRAPHY.md, "Line breaking (禁则)").
//
// Starts from UAX #14 as ICU implements it for the locale zh with strict line breaking, then
// removes the opportunities CLREQ forbids that UAX #14 allows: a line never starts with closing
// or middle punctuation (CLREQ 3.1.7 "Prohibition rules for line start"), never ends with an
// opening bracket or quote ("... for line end"), and never splits —— ⸺ …… ⋯⋯ ("Unbreakable
// punctuation marks").
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "text/character_class.hpp"

namespace placard {

// Break opportunities: byte offsets where a new line may begin, sorted, each in 1..size.
struct LineBreakOpportunities {
    // Where a line ends: between characters and words. The end of the text is the last one.
    std::vector<std::size_t> between_words;
    // Inside a Latin word, number, address or path (after / - : in km/h, GB/T, C:, 2095-8048,
    // between the full-width digits of ２０１７): a line ends there only when the word is wider
    // than the line, so that it splits where it reads best rather than at any letter.
    std::vector<std::size_t> inside_words;
};

LineBreakOpportunities find_line_break_opportunities(std::string_view utf8_text);

// Only the opportunities between words.
std::vector<std::size_t> find_line_breaks(std::string_view utf8_text);

}  // namespace placard
