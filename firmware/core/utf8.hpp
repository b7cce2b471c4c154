// Small UTF-8 helpers for walking text by code point. Invalid bytes decode as U+FFFD, one byte
// at a time, so that a walk always advances.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace placard::utf8 {

// Decodes the code point starting at `pos` and moves `pos` past it.
char32_t decode_next(std::string_view text, std::size_t& pos);
// The code point that ends at `pos` (pos > 0), and its start in `start`.
char32_t decode_previous(std::string_view text, std::size_t pos, std::size_t& start);
void append(std::string& out, char32_t code_point);
// Whether `text` is well-formed UTF-8 (RFC 3629: no overlongs, surrogates or values > U+10FFFF).
bool is_valid(std::string_view text);
// `text` with every ill-formed byte replaced by U+FFFD, so that it can go into a log or JSON.
std::string make_valid(std::string_view text);
// `text` made safe to print in a one-line message: control characters (C0, DEL, C1, and the
// line and paragraph separators U+2028/U+2029), and bytes that are not UTF-8, written as \xNN or
// \u{NNNN}. (A backslash stays as it is, so that a message escaped twice — at its source and
// at the log — reads the same.) A name from outside (an archive entry, a header, a URL) then
// cannot forge a log line or move the terminal's cursor.
std::string escape_for_message(std::string_view text);

}  // namespace placard::utf8
