// The character classes Chinese layout needs (CLREQ §3.1 "Punctuation marks"; JLREQ Appendix A
// names the same classes): which marks open or close, which never begin or end a line, which
// are Han and which Latin (for the quarter-em gap between them).
#pragma once

#include <cstdint>

namespace placard {

enum class CharClass : std::uint8_t {
    Han,                 // Ideographs, kana, hangul, full-width letters: set on the em grid.
    LatinLetterOrDigit,  // Proportional letters and digits (Latin, Greek, Cyrillic).
    Space,               // Word spaces between Latin words.
    Opening,  // Opening brackets and quotes: “‘「『（《〈【〖〔［｛ and ASCII ( [ {
    Closing,  // Closing brackets, quotes and sentence punctuation: 。，、：；！？”’」）》…
    Middle,          // Middle dots · ・ ‧
    DashOrEllipsis,  // — ⸺ … ⋯: used in pairs that never split.
    Connector,       // Hyphen, en dash, wave dash: no extra space around them.
    Other,
};

CharClass classify(char32_t c);

// Closing brackets (not sentence punctuation): CLREQ compresses their outer side before the
// blank of ，、； when a line must be squeezed.
bool is_closing_bracket(char32_t c);

// CLREQ 3.1.7 "Prohibition rules for line start / line end".
bool is_prohibited_at_line_start(char32_t c);
bool is_prohibited_at_line_end(char32_t c);
// Whether a break between `before` and `after` would split an unbreakable mark (——, ……, ⋯⋯).
bool splits_unbreakable_pair(char32_t before, char32_t after);

// Han-like: ideographs, kana, hangul, CJK symbols that sit on the em grid.
bool is_cjk(char32_t c);

// Part of one Latin word, number, address or path: letters and digits (full width too), and the
// ASCII marks that join them (/ - : . @ _ ( )). Between two of these a line breaks only when the
// word is wider than the line, and justification never spaces them apart (issue 17).
bool is_word_character(char32_t c);

}  // namespace placard
