#include "text/line_breaker.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>

#include "core/utf8.hpp"

namespace placard {
namespace {

// ICU's strict zh rules class ‘ ’ “ ” as QU, ambiguous quotation, around which UAX #14 allows no
// break at all: 做到‘学’‘思’‘践’‘悟’相统一 held together, leaving 做 alone on a ragged line. Next
// to Chinese they are not ambiguous (UAX #14's East Asian quotation rule, CLREQ 3.1.7): ‘ “ open, a
// line may start with them; ’ ” close, a line may end after them.
bool is_chinese_opening_quote(char32_t c) {
    return c == U'‘' || c == U'“';
}
bool is_chinese_closing_quote(char32_t c) {
    return c == U'’' || c == U'”';
}
bool is_chinese_context(char32_t c) {
    const CharClass kind = classify(c);
    return kind == CharClass::Han || kind == CharClass::Opening || kind == CharClass::Closing;
}

// A path after Chinese (文件路径/var/lib/…): UAX #14 never breaks before "/" (SY), which glued
// the path's first letters' line to the character before it. A path has a second "/" before it
// ends; a unit does not (元/kg, 公里/h stay whole).
bool starts_a_path(char32_t before, char32_t slash, std::string_view rest) {
    if (slash != U'/' || classify(before) != CharClass::Han || rest.empty() ||
        rest.front() == '/') {
        return false;
    }
    for (std::size_t pos = 0; pos < rest.size();) {
        const char32_t c = utf8::decode_next(rest, pos);
        if (c == U'/') {
            return true;
        }
        if (!is_word_character(c)) {
            return false;
        }
    }
    return false;
}

// ASCII " beside Chinese (认为"Placard"是): ICU offers no break around it (QU), so the quoted
// word and the characters on either side were one unbreakable run. Before a word it opens (a
// line may start with it); after a word, followed by Chinese, it closes (a line may end after
// it). Between two Chinese characters it is left alone: which way it faces is unknown.
bool opens_before_a_word(char32_t before, char32_t quote, std::string_view rest) {
    std::size_t pos = 0;
    return quote == U'"' && is_chinese_context(before) && !rest.empty() &&
           is_word_character(utf8::decode_next(rest, pos)) && rest.front() != '"';
}
bool closes_after_a_word(char32_t before, char32_t quote, std::string_view rest) {
    std::size_t pos = 0;
    return quote == U'"' && is_word_character(before) && before != U'"' && !rest.empty() &&
           is_chinese_context(utf8::decode_next(rest, pos));
}

// Inside an address (www.example.gov.cn, admin@example.org): after a dot or an at sign
// followed by a letter, where a reader sees the address continue. UAX #14 (LB29) keeps "e.g."
// whole; these serve only to split an address wider than the line (TYPOGRAPHY.md).
bool continues_an_address(char32_t before, char32_t mark, std::string_view rest) {
    if ((mark != U'.' && mark != U'@') || classify(before) != CharClass::LatinLetterOrDigit ||
        rest.empty()) {
        return false;
    }
    const char next = rest.front();
    return (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
}

// The opportunities beside those quotes and before such paths, in Chinese context.
void add_chinese_context_breaks(std::string_view text, std::vector<std::size_t>& breaks) {
    char32_t before = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t offset = pos;
        const char32_t after = utf8::decode_next(text, pos);
        const std::string_view rest = text.substr(pos);
        if (offset > 0 &&
            ((is_chinese_opening_quote(after) && is_chinese_context(before)) ||
             (is_chinese_closing_quote(before) && is_chinese_context(after)) ||
             starts_a_path(before, after, rest) || opens_before_a_word(before, after, rest))) {
            breaks.push_back(offset);
        }
        if (offset > 0 && closes_after_a_word(before, after, rest)) {
            breaks.push_back(pos);
        }
        if (continues_an_address(before, after, text.substr(pos))) {
            breaks.push_back(pos);
        }
        before = after;
    }
}

}  // namespace

LineBreakOpportunities find_line_break_opportunities(std::string_view text) {
    LineBreakOpportunities found;
    auto& breaks = found.between_words;
    if (text.empty()) {
        return found;
    }
    UErrorCode status = U_ZERO_ERROR;
    // "lb=strict" selects CSS/UAX #14 strict line breaking, which keeps small kana and
    // iteration marks with what precedes them.
    std::unique_ptr<icu::BreakIterator> iterator(
        icu::BreakIterator::createLineInstance(icu::Locale("zh@lb=strict"), status));
    UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status) || !iterator) {
        utext_close(utext);
        breaks.push_back(text.size());  // No iterator: the whole text is one unbreakable run.
        return found;
    }
    iterator->setText(utext, status);
    std::vector<std::size_t> candidates;
    for (int32_t pos = iterator->next(); pos != icu::BreakIterator::DONE; pos = iterator->next()) {
        candidates.push_back(static_cast<std::size_t>(pos));
    }
    utext_close(utext);
    add_chinese_context_breaks(text, candidates);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (const std::size_t offset : candidates) {
        if (offset >= text.size()) {
            break;
        }
        std::size_t before_start = 0;
        const char32_t before = utf8::decode_previous(text, offset, before_start);
        std::size_t after_end = offset;
        const char32_t after = utf8::decode_next(text, after_end);
        if (is_prohibited_at_line_start(after) || is_prohibited_at_line_end(before) ||
            splits_unbreakable_pair(before, after)) {
            continue;
        }
        (is_word_character(before) && is_word_character(after) ? found.inside_words : breaks)
            .push_back(offset);
    }
    breaks.push_back(text.size());
    return found;
}

std::vector<std::size_t> find_line_breaks(std::string_view text) {
    return find_line_break_opportunities(text).between_words;
}

}  // namespace placard
