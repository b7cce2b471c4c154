#include "text/punctuation_normalizer.hpp"

#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "text/character_class.hpp"

namespace placard {
namespace {

// Chinese for this purpose: Han-like characters and full-width punctuation.
bool is_chinese(char32_t c) {
    return is_cjk(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF0F) ||
           (c >= 0xFF1A && c <= 0xFF20) || c == U'“' || c == U'”' || c == U'‘' || c == U'’' ||
           c == U'—' || c == U'…';
}

const char* full_width(char32_t c) {
    switch (c) {
        case U',':
            return "，";
        case U'?':
            return "？";
        case U'!':
            return "！";
        case U':':
            return "：";
        case U';':
            return "；";
        case U'(':
            return "（";
        case U')':
            return "）";
        default:
            return nullptr;
    }
}

// Whether the mark at `i` ends a web address: the run of characters before it, back to a space
// or Chinese, holds "://" or starts with "www.".
bool ends_an_address(const std::vector<char32_t>& chars, std::size_t i) {
    std::size_t start = i;
    while (start > 0 && chars[start - 1] != U' ' && !is_chinese(chars[start - 1])) {
        --start;
    }
    const std::u32string run(chars.begin() + static_cast<std::ptrdiff_t>(start),
                             chars.begin() + static_cast<std::ptrdiff_t>(i));
    return run.find(U"://") != std::u32string::npos || run.starts_with(U"www.");
}

}  // namespace

std::string normalize_ascii_punctuation(std::string_view text) {
    std::vector<char32_t> chars;
    for (std::size_t pos = 0; pos < text.size();) {
        chars.push_back(utf8::decode_next(text, pos));
    }
    const auto previous_visible = [&](std::size_t i) -> char32_t {
        while (i > 0) {
            --i;
            if (chars[i] != U' ') {
                return chars[i];
            }
        }
        return 0;
    };
    const auto next_visible = [&](std::size_t i) -> char32_t {
        for (++i; i < chars.size(); ++i) {
            if (chars[i] != U' ') {
                return chars[i];
            }
        }
        return 0;
    };

    std::vector<bool> convert(chars.size(), false);
    std::vector<std::size_t> open_parentheses;
    for (std::size_t i = 0; i < chars.size(); ++i) {
        const char32_t c = chars[i];
        const char32_t before = i > 0 ? chars[i - 1] : 0;
        const char32_t after = i + 1 < chars.size() ? chars[i + 1] : 0;
        if (c == U'(') {
            open_parentheses.push_back(i);
            convert[i] = is_chinese(after) || is_chinese(before);
        } else if (c == U')') {
            bool opened_chinese = false;
            if (!open_parentheses.empty()) {
                opened_chinese = convert[open_parentheses.back()];
                open_parentheses.pop_back();
            }
            convert[i] = opened_chinese || is_chinese(before);
            if (convert[i] && !opened_chinese) {
                // The pair must match: a ） closes a （.
                for (std::size_t j = i; j-- > 0;) {
                    if (chars[j] == U'(' && !convert[j]) {
                        convert[j] = true;
                        break;
                    }
                }
            }
        } else if (full_width(c)) {
            // After Chinese, or before a Chinese character: "使用Linux,而不是" and
            // "截至2019,全国" end a clause of a Chinese sentence as much as "是,而" does
            // (GB/T 15834: ，). After a Latin word, a closing mark next is no such sign: the
            // word's own punctuation stays in “Thank you!” and 《Who Moved My Cheese?》, and so
            // does an address's (访问https://a.cn/s?中文).
            const char32_t shown_before = previous_visible(i);
            const char32_t next = next_visible(i);
            const bool latin_before = classify(shown_before) == CharClass::LatinLetterOrDigit;
            convert[i] = is_chinese(before) || is_chinese(shown_before) ||
                         (is_chinese(next) &&
                          (!latin_before || (is_cjk(next) && !ends_an_address(chars, i))));
            // "3,000", "12:30", "a?b=1": between Latin letters or digits, it stays.
            if (classify(before) == CharClass::LatinLetterOrDigit &&
                classify(after) == CharClass::LatinLetterOrDigit) {
                convert[i] = false;
            }
        }
    }

    std::string out;
    out.reserve(text.size() + 16);
    bool drop_spaces = false;
    for (std::size_t i = 0; i < chars.size(); ++i) {
        if (drop_spaces && chars[i] == U' ') {
            continue;
        }
        drop_spaces = false;
        if (convert[i]) {
            out += full_width(chars[i]);
            drop_spaces = chars[i] != U'(';
        } else {
            utf8::append(out, chars[i]);
        }
    }
    return out;
}

}  // namespace placard
