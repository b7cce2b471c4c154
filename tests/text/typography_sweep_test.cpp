// A sweep of the line rules over text real notices carry — URLs, e-mail addresses, paths, long
// numbers, full-width digits, ‘…’ quotations, emoji — at three sizes and every 23 px from 300 to
// 1910 px of measure, each line checked with knowledge of the source text (issue 17). It prints
// how many lines break each rule, so a change can be measured against the one before it.
#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "core/utf8.hpp"
#include "support/test_fonts.hpp"
#include "support/text_corpus.hpp"
#include "text/character_class.hpp"
#include "text/paragraph_layout.hpp"

namespace placard {
namespace {

std::vector<std::string> paragraphs() {
    std::vector<std::string> all = testing::seed_article_paragraphs(false);
    EXPECT_FALSE(all.empty());
    for (const char* file : {"tests/data/corpus.txt", "tests/data/stress-corpus.txt"}) {
        for (std::string& line : testing::corpus_paragraphs(file)) {
            all.push_back(std::move(line));
        }
    }
    return all;
}

std::vector<char32_t> code_points(std::string_view text) {
    std::vector<char32_t> out;
    for (std::size_t pos = 0; pos < text.size();) {
        out.push_back(utf8::decode_next(text, pos));
    }
    return out;
}

// What the test takes for part of one word, number, address or path: the source's knowledge,
// independent of the engine's classes.
bool in_word(char32_t c) {
    return (c > U' ' && c < 0x7F) || classify(c) == CharClass::LatinLetterOrDigit ||
           (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
           (c >= 0xFF41 && c <= 0xFF5A) || c == U'－' || c == U'．';
}
bool proportional(char32_t c) {
    return in_word(c) && c < 0xFF00;
}

enum class Violation {
    StartsWithProhibitedMark,
    EndsWithOpeningMark,
    SplitsDashOrEllipsis,
    SplitsWordThatFits,
    HoldsOnlyPunctuation,
    LetterSpacesWord,
    SpreadOverHalfAnEm,
    SqueezedWithoutReason,
    Overflows,
    LosesText,
};

const char* name_of(Violation v) {
    switch (v) {
        case Violation::StartsWithProhibitedMark:
            return "line starts with a closing mark";
        case Violation::EndsWithOpeningMark:
            return "line ends with an opening mark";
        case Violation::SplitsDashOrEllipsis:
            return "—— or …… split";
        case Violation::SplitsWordThatFits:
            return "word, number or URL split though it fits";
        case Violation::HoldsOnlyPunctuation:
            return "line of punctuation only";
        case Violation::SpreadOverHalfAnEm:
            return "characters spread over half an em apart";
        case Violation::LetterSpacesWord:
            return "letters of a word spaced apart";
        case Violation::SqueezedWithoutReason:
            return "line squeezed with no mark pushed in";
        case Violation::Overflows:
            return "line wider than the measure";
        case Violation::LosesText:
            return "text lost or repeated";
    }
    return "?";
}

struct Sweep {
    std::map<Violation, std::size_t> counts;
    std::map<Violation, std::string> first_example;
    std::size_t lines = 0, layouts = 0;
    std::size_t short_lines = 0;  // Not the last, not filled to the measure: counted only.

    void add(Violation v, const std::string& example) {
        if (counts[v]++ == 0) {
            first_example[v] = example;
        }
        // PLACARD_SWEEP_EXAMPLES=N prints the first N lines of each kind.
        static const long shown =
            std::getenv("PLACARD_SWEEP_EXAMPLES") != nullptr
                ? std::strtol(std::getenv("PLACARD_SWEEP_EXAMPLES"), nullptr, 10)
                : 0;
        if (static_cast<long>(counts[v]) <= shown) {
            std::printf("  [%s] %s\n", name_of(v), example.c_str());
        }
    }
};

float natural_width(const FontChain& fonts, const std::string& text) {
    ParagraphStyle style;
    style.fonts = &fonts;
    style.measure = 1e6f;
    const LaidOutParagraph laid = layout_paragraph(text, style);
    return laid.lines.empty() ? 0 : laid.lines[0].width;
}

// The most the justifier added between two letters of one Latin word on `line`, and between
// any two characters that are not word spaces, in pixels, against the same line set unjustified
// (`loose`, shaped in the same context). 0 when the two differ or their glyphs do not map one
// to one onto the characters.
struct Spacing {
    float inside_a_word = 0;
    float between_characters = 0;
};

Spacing added_spacing(const LaidOutLine& line, const LaidOutLine& loose) {
    const std::vector<char32_t> chars = code_points(line.text);
    Spacing added;
    if (loose.text != line.text || loose.glyphs.size() != chars.size() ||
        line.glyphs.size() != chars.size()) {
        return added;
    }
    const auto& set = line.glyphs;
    const auto& natural = loose.glyphs;
    for (std::size_t i = 0; i + 1 < chars.size(); ++i) {
        const float extra = (set[i + 1].x - set[i].x) - (natural[i + 1].x - natural[i].x);
        if (proportional(chars[i]) && proportional(chars[i + 1])) {
            added.inside_a_word = std::max(added.inside_a_word, extra);
        }
        if (chars[i] != U' ' && chars[i + 1] != U' ') {
            added.between_characters = std::max(added.between_characters, extra);
        }
    }
    return added;
}

void check(const std::string& paragraph, const ParagraphStyle& style, int font_size, Sweep& sweep) {
    const LaidOutParagraph laid = layout_paragraph(paragraph, style);
    ParagraphStyle unjustified = style;
    unjustified.justify = Justify::No;
    const LaidOutParagraph loose = layout_paragraph(paragraph, unjustified);
    ++sweep.layouts;
    const auto where = [&](std::size_t i) {
        return std::to_string(font_size) + " px, " +
               std::to_string(static_cast<int>(style.measure)) + " px: \"" + laid.lines[i].text +
               "\"";
    };
    std::string joined;
    for (std::size_t i = 0; i < laid.lines.size(); ++i) {
        const LaidOutLine& line = laid.lines[i];
        ++sweep.lines;
        const std::vector<char32_t> chars = code_points(line.text);
        if (chars.empty()) {
            sweep.add(Violation::LosesText, where(i));
            continue;
        }
        joined += line.text;
        std::string between;  // The spaces a break fell on.
        const bool last = i + 1 == laid.lines.size();
        if (!last) {
            const std::size_t next = paragraph.find(laid.lines[i + 1].text, joined.size());
            between = paragraph.substr(joined.size(), next - joined.size());
            joined += between;
        }
        if (i > 0 && is_prohibited_at_line_start(chars.front())) {
            sweep.add(Violation::StartsWithProhibitedMark, where(i));
        }
        bool all_punctuation = true;
        for (const char32_t c : chars) {
            all_punctuation = all_punctuation && u_ispunct(static_cast<UChar32>(c));
        }
        if (all_punctuation) {
            sweep.add(Violation::HoldsOnlyPunctuation, where(i));
        }
        if (line.x + line.width > style.measure + 0.01f) {
            sweep.add(Violation::Overflows, where(i));
        }
        if (i < loose.lines.size()) {
            const Spacing added = added_spacing(line, loose.lines[i]);
            if (added.inside_a_word > 0.01f) {
                sweep.add(Violation::LetterSpacesWord, where(i));
            }
            if (added.between_characters > static_cast<float>(font_size) / 2 + 0.01f) {
                sweep.add(Violation::SpreadOverHalfAnEm, where(i));
            }
        }
        if (last) {
            continue;
        }
        const char32_t end = chars.back();
        const char32_t next = code_points(laid.lines[i + 1].text).front();
        if (is_prohibited_at_line_end(end)) {
            sweep.add(Violation::EndsWithOpeningMark, where(i));
        }
        if (splits_unbreakable_pair(end, next)) {
            sweep.add(Violation::SplitsDashOrEllipsis, where(i));
        }
        const bool inside_word = between.empty() && in_word(end) && in_word(next);
        if (inside_word) {
            // The whole word around the break, from the source text.
            std::size_t from = joined.size(), to = joined.size();
            std::size_t start = 0;
            while (from > 0 && in_word(utf8::decode_previous(paragraph, from, start))) {
                from = start;
            }
            for (std::size_t pos = to; pos < paragraph.size();) {
                if (!in_word(utf8::decode_next(paragraph, pos))) {
                    break;
                }
                to = pos;
            }
            const std::string word = paragraph.substr(from, to - from);
            // With the marks that may not start a line after it, which go where it goes (a
            // closing mark ending a line loses its half-em blank).
            std::string unit = word;
            for (std::size_t pos = to; pos < paragraph.size();) {
                if (!is_prohibited_at_line_start(utf8::decode_next(paragraph, pos))) {
                    break;
                }
                unit = paragraph.substr(from, pos - from);
            }
            const float trimmed = unit.size() > word.size() ? static_cast<float>(font_size) / 2 : 0;
            if (natural_width(*style.fonts, unit) - trimmed <= style.measure) {
                sweep.add(Violation::SplitsWordThatFits, where(i) + " in " + word);
            }
        }
        if (!line.justified) {
            ++sweep.short_lines;
        }
        const float available = style.measure - (i == 0 ? style.first_line_indent : 0);
        const float em = static_cast<float>(font_size);
        // Squeezed: the line's characters set naturally (a closing mark at its end losing its
        // half-em blank) are wider than the line.
        if (natural_width(*style.fonts, line.text) - em / 2 > available + 1 &&
            !is_prohibited_at_line_start(end)) {
            sweep.add(Violation::SqueezedWithoutReason, where(i));
        }
    }
    if (joined != paragraph) {
        sweep.add(Violation::LosesText, paragraph);
    }
}

TEST(TypographySweep, NoLineBreaksARuleAtAnySizeOrMeasure) {
    Sweep sweep;
    const std::vector<std::string> texts = paragraphs();
    for (const int font_size : {20, 28, 40}) {
        ParagraphStyle style;
        style.fonts = &testing::body_fonts(font_size);
        style.first_line_indent = 2.0f * static_cast<float>(font_size);
        style.justify = Justify::Yes;
        for (int measure = 300; measure <= 1910; measure += 23) {
            style.measure = static_cast<float>(measure);
            for (const std::string& paragraph : texts) {
                check(paragraph, style, font_size, sweep);
            }
        }
    }
    std::printf(
        "typography sweep: %zu paragraphs, %zu layouts, %zu lines, %zu short of the measure\n",
        texts.size(), sweep.layouts, sweep.lines, sweep.short_lines);
    for (int v = 0; v <= static_cast<int>(Violation::LosesText); ++v) {
        const auto violation = static_cast<Violation>(v);
        std::printf("  %-45s %6zu  %s\n", name_of(violation), sweep.counts[violation],
                    sweep.first_example[violation].c_str());
    }
    for (const auto& [violation, count] : sweep.counts) {
        EXPECT_EQ(count, 0u) << name_of(violation) << ", e.g. " << sweep.first_example[violation];
    }
}

}  // namespace
}  // namespace placard
