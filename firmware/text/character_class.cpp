#include "text/character_class.hpp"

namespace placard {

bool is_cjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x2FDF) ||    // CJK radicals, Kangxi radicals
           (c >= 0x3005 && c <= 0x3007) ||    // 々 〆 〇
           (c >= 0x3040 && c <= 0x30FF) ||    // Hiragana, Katakana
           (c >= 0x3100 && c <= 0x31FF) ||    // Bopomofo, Katakana extensions
           (c >= 0x3400 && c <= 0x4DBF) ||    // CJK Extension A
           (c >= 0x4E00 && c <= 0x9FFF) ||    // CJK Unified Ideographs
           (c >= 0xAC00 && c <= 0xD7AF) ||    // Hangul syllables
           (c >= 0xF900 && c <= 0xFAFF) ||    // CJK Compatibility Ideographs
           (c >= 0xFF10 && c <= 0xFF19) ||    // Full-width digits
           (c >= 0xFF21 && c <= 0xFF3A) ||    // Full-width Latin capitals
           (c >= 0xFF41 && c <= 0xFF5A) ||    // Full-width Latin small letters
           (c >= 0x20000 && c <= 0x3FFFF) ||  // Extensions B and later
           (c >= 0x2460 && c <= 0x24FF) ||    // Circled numbers ①②
           (c >= 0x3200 && c <= 0x33FF);      // Enclosed CJK letters, CJK compatibility
}

bool is_word_character(char32_t c) {
    return (c > U' ' && c < 0x7F) || classify(c) == CharClass::LatinLetterOrDigit ||
           (c >= 0xFF10 && c <= 0xFF19) ||  // Full-width digits
           (c >= 0xFF21 && c <= 0xFF3A) ||  // Full-width Latin capitals
           (c >= 0xFF41 && c <= 0xFF5A) ||  // Full-width Latin small letters
           c == U'－' || c == U'．';        // Full-width hyphen-minus and full stop in numbers
}

bool is_closing_bracket(char32_t c) {
    switch (c) {
        case U'”':
        case U'’':
        case U'」':
        case U'』':
        case U'）':
        case U'》':
        case U'〉':
        case U'】':
        case U'〗':
        case U'〕':
        case U'］':
        case U'｝':
            return true;
        default:
            return false;
    }
}

bool is_prohibited_at_line_start(char32_t c) {
    if (is_closing_bracket(c)) {
        return true;
    }
    switch (c) {
        // Closing and middle punctuation (GB/T 15834-2011 marks, full width).
        case U'。':
        case U'．':
        case U'，':
        case U'、':
        case U'：':
        case U'；':
        case U'！':
        case U'？':
        case U'‼':
        case U'⁇':
        case U'～':
        case U'·':
        case U'・':
        case U'‧':
        case U'／':
        // Their ASCII forms, which real feeds mix into Chinese prose.
        case U'!':
        case U')':
        case U',':
        case U'.':
        case U':':
        case U';':
        case U'?':
        case U']':
        case U'}':
        // Strict: the dash and ellipsis marks never begin a line either.
        case U'—':
        case U'⸺':
        case U'…':
        case U'⋯':
        // Iteration marks follow what they repeat.
        case U'々':
        case U'〻':
            return true;
        default:
            return false;
    }
}

bool is_prohibited_at_line_end(char32_t c) {
    switch (c) {
        case U'“':
        case U'‘':
        case U'「':
        case U'『':
        case U'（':
        case U'《':
        case U'〈':
        case U'【':
        case U'〖':
        case U'〔':
        case U'［':
        case U'｛':
        case U'(':
        case U'[':
        case U'{':
            return true;
        default:
            return false;
    }
}

bool splits_unbreakable_pair(char32_t before, char32_t after) {
    return before == after &&
           (before == U'—' || before == U'…' || before == U'⋯' || before == U'⸺');
}

CharClass classify(char32_t c) {
    if (c == U' ' || c == U'\u00A0' || c == U'\t') {
        return CharClass::Space;
    }
    if (c == U'—' || c == U'⸺' || c == U'…' || c == U'⋯') {
        return CharClass::DashOrEllipsis;
    }
    if (c == U'·' || c == U'・' || c == U'‧') {
        return CharClass::Middle;
    }
    if (c == U'-' || c == U'‐' || c == U'–' || c == U'～' || c == U'~' || c == U'/' || c == U'／') {
        return CharClass::Connector;
    }
    if (is_prohibited_at_line_end(c)) {
        return CharClass::Opening;
    }
    if (is_prohibited_at_line_start(c)) {
        return CharClass::Closing;
    }
    if (is_cjk(c)) {
        return CharClass::Han;
    }
    if ((c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') ||
        (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7) ||  // Latin-1, Extended
        (c >= 0x0370 && c <= 0x03FF) ||                                // Greek
        (c >= 0x0400 && c <= 0x04FF)) {                                // Cyrillic
        return CharClass::LatinLetterOrDigit;
    }
    return CharClass::Other;
}

}  // namespace placard
