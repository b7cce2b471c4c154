// The rules of TYPOGRAPHY.md checked over real text: the seed article (as written, and with its
// ASCII punctuation normalized) and a corpus with quotes, book-title marks, ——, ……, Latin
// words, numbers, URLs and circled numbers, at several sizes and measures.
#include <gtest/gtest.h>

#include "core/utf8.hpp"
#include "support/test_fonts.hpp"
#include "support/text_corpus.hpp"
#include "text/character_class.hpp"
#include "text/paragraph_layout.hpp"

namespace placard {
namespace {

std::vector<std::string> corpus() {
    std::vector<std::string> paragraphs = testing::seed_article_paragraphs(true);
    EXPECT_FALSE(paragraphs.empty());
    for (std::string& line : testing::corpus_paragraphs("tests/data/corpus.txt")) {
        paragraphs.push_back(std::move(line));
    }
    return paragraphs;
}

char32_t first_char(const std::string& text) {
    std::size_t pos = 0;
    return utf8::decode_next(text, pos);
}
char32_t last_char(const std::string& text) {
    std::size_t start = 0;
    return utf8::decode_previous(text, text.size(), start);
}
bool is_letter_or_digit(char32_t c) {
    return classify(c) == CharClass::LatinLetterOrDigit;
}

struct Setting {
    int font_size;
    float measure;
};

class CorpusInvariants : public ::testing::TestWithParam<Setting> {};

TEST_P(CorpusInvariants, EveryLineKeepsTheRules) {
    const Setting setting = GetParam();
    ParagraphStyle style;
    style.fonts = &testing::body_fonts(setting.font_size);
    style.measure = setting.measure;
    style.first_line_indent = 2.0f * static_cast<float>(setting.font_size);
    style.justify = Justify::Yes;
    std::size_t lines_checked = 0;
    for (const std::string& paragraph : corpus()) {
        const LaidOutParagraph laid = layout_paragraph(paragraph, style);
        ASSERT_FALSE(laid.lines.empty());
        EXPECT_TRUE(laid.missing.empty()) << paragraph;
        std::string joined;
        for (std::size_t i = 0; i < laid.lines.size(); ++i) {
            const LaidOutLine& line = laid.lines[i];
            const std::string where = "line " + std::to_string(i) + " \"" + line.text + "\"";
            joined += line.text;
            std::string between;  // What the break dropped: the spaces it fell on.
            if (i + 1 < laid.lines.size()) {
                between = paragraph.substr(
                    joined.size(),
                    paragraph.find(laid.lines[i + 1].text, joined.size()) - joined.size());
                joined += between;
            }
            ASSERT_FALSE(line.text.empty());
            EXPECT_FALSE(is_prohibited_at_line_start(first_char(line.text))) << where;
            EXPECT_FALSE(is_prohibited_at_line_end(last_char(line.text))) << where;
            EXPECT_LE(line.x + line.width, style.measure + 0.01f) << where;
            if (i + 1 < laid.lines.size()) {
                const char32_t end = last_char(line.text);
                const char32_t next = first_char(laid.lines[i + 1].text);
                EXPECT_FALSE(splits_unbreakable_pair(end, next)) << where;
                // Latin words and numbers break only at spaces (or after hyphens).
                EXPECT_FALSE(is_letter_or_digit(end) && is_letter_or_digit(next) &&
                             between.find(' ') == std::string::npos)
                    << where;
                // A line stays short only beside a word: cut inside one wider than the line,
                // or before one it could reach only by spreading its characters more than half
                // an em apart (typography_sweep_test.cpp measures the spreads).
                const char32_t opening = first_char(laid.lines[i + 1].text);
                const bool beside_a_word = is_letter_or_digit(end) || is_letter_or_digit(next) ||
                                           classify(opening) == CharClass::Opening;
                if (!beside_a_word) {
                    EXPECT_TRUE(line.justified) << where;
                    EXPECT_NEAR(line.x + line.width, style.measure, 0.01f) << where;
                }
            }
            ++lines_checked;
        }
        EXPECT_EQ(joined, paragraph);  // Nothing lost or repeated between lines.
        if (laid.lines.size() > 1) {
            std::size_t characters = 0;
            for (std::size_t pos = 0; pos < laid.lines.back().text.size();) {
                const CharClass kind = classify(utf8::decode_next(laid.lines.back().text, pos));
                characters += kind == CharClass::Han || kind == CharClass::LatinLetterOrDigit;
            }
            EXPECT_GT(characters, 1u) << "lone last character: " << laid.lines.back().text;
        }
    }
    EXPECT_GT(lines_checked, 100u);
}

INSTANTIATE_TEST_SUITE_P(SizesAndMeasures, CorpusInvariants,
                         ::testing::Values(Setting{32, 1200}, Setting{28, 900}, Setting{24, 517},
                                           Setting{20, 333}),
                         [](const auto& setting_info) {
                             return std::to_string(setting_info.param.font_size) + "px_" +
                                    std::to_string(static_cast<int>(setting_info.param.measure)) +
                                    "px";
                         });

}  // namespace
}  // namespace placard
