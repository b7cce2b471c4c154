#include "core/official_document.hpp"

#include <string>
#include <string_view>

#include "core/utf8.hpp"

namespace placard {
namespace {

constexpr std::size_t kMostShortLineCharacters = 40;

std::vector<char32_t> characters_of(std::string_view text) {
    std::vector<char32_t> out;
    for (std::size_t pos = 0; pos < text.size();) {
        out.push_back(utf8::decode_next(text, pos));
    }
    // Blank at either end (ASCII or ideographic spaces) is not part of the line.
    while (!out.empty() && (out.back() == U' ' || out.back() == U'\u3000')) {
        out.pop_back();
    }
    std::size_t first = 0;
    while (first < out.size() && (out[first] == U' ' || out[first] == U'\u3000')) {
        ++first;
    }
    out.erase(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(first));
    return out;
}

bool is_date_digit(char32_t c) {
    static constexpr std::u32string_view kChineseDigits = U"〇零一二三四五六七八九十";
    return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９') ||
           kChineseDigits.find(c) != std::u32string_view::npos;
}

// 2026年11月24日: digits, 年, digits, 月, digits, 日, and nothing else.
bool is_date(const std::vector<char32_t>& line) {
    std::size_t i = 0;
    for (const char32_t unit : {U'年', U'月', U'日'}) {
        const std::size_t digits_start = i;
        while (i < line.size() && is_date_digit(line[i])) {
            ++i;
        }
        if (i == digits_start || i - digits_start > 4 || i >= line.size() || line[i] != unit) {
            return false;
        }
        ++i;
    }
    return i == line.size();
}

bool is_punctuation(char32_t c) {
    static constexpr std::u32string_view kMarks = U"。，、；：？！…—”’）》」』.,;:?!)";
    return kMarks.find(c) != std::u32string_view::npos;
}

// A salutation names who the document goes to (各基层党组织：, 各乡镇党委、县直各单位：): no
// clause inside it, and not a lead into what follows (会议强调，…：, 编者按：, 全文如下：).
bool reads_as_salutation(const std::vector<char32_t>& line) {
    for (const char32_t c : line) {
        if (c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == U'，' || c == U',') {
            return false;
        }
    }
    const std::u32string text(line.begin(), line.end());
    for (const std::u32string_view lead : {U"如下：", U"按：", U"指出：", U"强调：", U"表示：",
                                           U"认为：", U"说：", U"要求：", U"内容：", U"如下:"}) {
        if (text.ends_with(lead)) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::vector<BodyLineRole> body_line_roles(const std::vector<std::string>& body) {
    std::vector<BodyLineRole> roles(body.size(), BodyLineRole::Prose);
    if (body.empty()) {
        return roles;
    }
    if (const auto first = characters_of(body.front());
        body.size() > 1 && !first.empty() && first.size() <= kMostShortLineCharacters &&
        (first.back() == U'：' || first.back() == U':') && reads_as_salutation(first)) {
        roles.front() = BodyLineRole::Salutation;
    }
    // A signature and date close a document that opened with a salutation: a news article that
    // ends in a bare date (after a photo caption, a source line) keeps its lines as they are.
    if (roles.front() != BodyLineRole::Salutation || body.size() < 3 ||
        !is_date(characters_of(body.back()))) {
        return roles;
    }
    roles.back() = BodyLineRole::Date;
    // The signature: up to two short lines without punctuation just before the date.
    for (std::size_t i = body.size() - 1, taken = 0; i-- > 0 && taken < 2; ++taken) {
        const auto line = characters_of(body[i]);
        if (line.empty() || line.size() > kMostShortLineCharacters || is_punctuation(line.back()) ||
            roles[i] != BodyLineRole::Prose) {
            break;
        }
        roles[i] = BodyLineRole::Signature;
    }
    return roles;
}

}  // namespace placard
