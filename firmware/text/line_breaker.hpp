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

// A break opportunity: the byte offset where a new line may begin. Sorted, each in 1..size;
// the end of the text is always the last one.
std::vector<std::size_t> find_line_breaks(std::string_view utf8_text);

}  // namespace placard
