#include "text/paragraph_layout.hpp"

#include <gtest/gtest.h>

#include <cctype>

#include "core/utf8.hpp"
#include "support/test_fonts.hpp"
#include "text/character_class.hpp"
#include "text/shaper.hpp"

namespace placard {
namespace {

using testing::body_fonts;

constexpr float kEm = 28;

ParagraphStyle style_of(float measure_em, Justify justify = Justify::Yes) {
    ParagraphStyle style;
    style.fonts = &body_fonts(static_cast<int>(kEm));
    style.measure = measure_em * kEm;
    style.justify = justify;
    return style;
}

std::vector<std::string> texts(const LaidOutParagraph& paragraph) {
    std::vector<std::string> lines;
    for (const auto& line : paragraph.lines) {
        lines.push_back(line.text);
    }
    return lines;
}

TEST(ParagraphLayout, ShapesHanWithTheCjkFontOneEmEach) {
    const auto glyphs = shape_text(body_fonts(), "党支部");
    ASSERT_EQ(glyphs.size(), 3u);
    for (const auto& glyph : glyphs) {
        EXPECT_NE(glyph.glyph, 0u);
        EXPECT_EQ(glyph.face, &body_fonts().primary());
        EXPECT_FLOAT_EQ(glyph.x_advance, 28.0f);
    }
}

TEST(ParagraphLayout, FallsBackPerClusterToTheNextFont) {
    // ♔ and א are not in Noto Sans CJK SC; DejaVu Sans has them.
    const auto glyphs = shape_text(body_fonts(), "王♔א后");
    ASSERT_EQ(glyphs.size(), 4u);
    EXPECT_EQ(glyphs[0].face, body_fonts().faces[0]);
    EXPECT_EQ(glyphs[1].face, body_fonts().faces[1]);
    EXPECT_NE(glyphs[1].glyph, 0u);
    EXPECT_EQ(glyphs[2].face, body_fonts().faces[1]);
    EXPECT_EQ(glyphs[3].face, body_fonts().faces[0]);
}

TEST(ParagraphLayout, ReportsCharactersNoFontHas) {
    const LaidOutParagraph laid = layout_paragraph("泰文ก字ก", style_of(20));
    ASSERT_EQ(laid.missing.size(), 1u);  // Once, however often it occurs.
    EXPECT_EQ(laid.missing[0], U'ก');
}

// A character with a variation selector (❤️, 😀️) that the first font lacks goes to the
// next font whole: it used to vanish, with no width and no warning (issue 17, Fallback).
TEST(ParagraphLayout, ACharacterWithAVariationSelectorFallsBackWhole) {
    for (const char* text : {"爱❤\uFE0F心", "爱❤\uFE0E心", "爱😀\uFE0F心"}) {
        std::vector<char32_t> missing;
        const auto glyphs = shape_text(body_fonts(), text, "zh-Hans", &missing);
        EXPECT_TRUE(missing.empty()) << text;
        ASSERT_GE(glyphs.size(), 3u) << text;
        EXPECT_EQ(glyphs[1].face, body_fonts().faces[1]) << text;
        EXPECT_NE(glyphs[1].glyph, 0u) << text;
        EXPECT_GT(glyphs[1].x_advance, 0) << text;
    }
}

// A tab is set as a space (it was .notdef, drawn over the next character, and reported).
TEST(ParagraphLayout, ATabIsASpace) {
    std::vector<char32_t> missing;
    const auto tab = shape_text(body_fonts(), "制表\t符", "zh-Hans", &missing);
    const auto space = shape_text(body_fonts(), "制表 符");
    EXPECT_TRUE(missing.empty());
    ASSERT_EQ(tab.size(), space.size());
    EXPECT_EQ(tab[2].glyph, space[2].glyph);
    EXPECT_GT(tab[2].x_advance, 0);
}

// Of a ZWJ sequence no font has, the people are missing, not the joiners between them.
TEST(ParagraphLayout, AJoinerIsNeverWhatIsMissing) {
    std::vector<char32_t> missing;
    shape_text(body_fonts(), "家\U0001F468\u200D\U0001F469\u200D\U0001F467", "zh-Hans", &missing);
    EXPECT_EQ(missing, (std::vector<char32_t>{U'\U0001F468', U'\U0001F469', U'\U0001F467'}));
}

// Flush right (a 公文's signature and date): the line ends at the measure.
TEST(ParagraphLayout, AlignEndSetsTheLineFlushRight) {
    ParagraphStyle style = style_of(20, Justify::No);
    style.align = Align::End;
    const LaidOutParagraph laid = layout_paragraph("中共通渭县委组织部", style);
    ASSERT_EQ(laid.lines.size(), 1u);
    EXPECT_NEAR(laid.lines[0].x + laid.lines[0].width, style.measure, 0.01f);
    EXPECT_NEAR(laid.lines[0].glyphs.front().x, style.measure - 9 * kEm, 0.01f);
}

TEST(ParagraphLayout, FirstLineIndentAndJustifiedLinesFillTheMeasure) {
    ParagraphStyle style = style_of(10);
    style.first_line_indent = 2 * kEm;
    const LaidOutParagraph laid = layout_paragraph(
        "党支部是党的组织基础，基础不牢，地动山摇。在党的建设中，党支部占有极其重要的地位。",
        style);
    ASSERT_GE(laid.lines.size(), 3u);
    EXPECT_FLOAT_EQ(laid.lines[0].x, 2 * kEm);
    for (std::size_t i = 0; i + 1 < laid.lines.size(); ++i) {
        EXPECT_TRUE(laid.lines[i].justified) << laid.lines[i].text;
        EXPECT_NEAR(laid.lines[i].x + laid.lines[i].width, style.measure, 0.01f);
    }
    EXPECT_FALSE(laid.lines.back().justified);
}

TEST(ParagraphLayout, PushesInAClosingMarkWhenTheLineCanBeSqueezed) {
    // Ten em fit exactly up to 九; the ， after it may not start a line, and the line has the
    // blank of the first ， to give: 先挤进.
    const LaidOutParagraph laid = layout_paragraph("一二三，四五六七八九，十一二三", style_of(10));
    ASSERT_GE(laid.lines.size(), 2u);
    EXPECT_EQ(laid.lines[0].text, "一二三，四五六七八九，");
    EXPECT_NEAR(laid.lines[0].x + laid.lines[0].width, 10 * kEm, 0.01f);
}

TEST(ParagraphLayout, PushesOutWhenThereIsNothingToSqueeze) {
    // No blank to give: 九 goes down with the ， (后推出), and the line is spread to the measure.
    const LaidOutParagraph laid = layout_paragraph("一二三四五六七八九十，甲乙丙丁", style_of(10));
    ASSERT_GE(laid.lines.size(), 2u);
    EXPECT_EQ(laid.lines[0].text, "一二三四五六七八九");
    EXPECT_TRUE(laid.lines[0].justified);
    EXPECT_EQ(laid.lines[1].text.substr(0, std::string("十，").size()), "十，");
}

TEST(ParagraphLayout, AvoidsALoneLastCharacter) {
    const std::string text = "一二三四五六七八九十甲";
    const LaidOutParagraph avoided = layout_paragraph(text, style_of(5));
    EXPECT_EQ(texts(avoided), (std::vector<std::string>{"一二三四五", "六七八九", "十甲"}));
    ParagraphStyle allow = style_of(5);
    allow.lone_last_character = LoneLastCharacter::Allow;
    EXPECT_EQ(texts(layout_paragraph(text, allow)),
              (std::vector<std::string>{"一二三四五", "六七八九十", "甲"}));
}

TEST(ParagraphLayout, ALoneCharacterWithItsFullStopStillCountsAsLone) {
    const LaidOutParagraph laid = layout_paragraph("一二三四五六七八九十甲。", style_of(5));
    ASSERT_EQ(laid.lines.size(), 3u);
    EXPECT_EQ(laid.lines.back().text, "十甲。");
}

// An ASCII quote or a percent sign after it does not keep a last character company (issue 17).
TEST(ParagraphLayout, QuotesAndPercentSignsDoNotCountAgainstALoneCharacter) {
    for (const std::string end : {"甲\"", "甲％"}) {
        const LaidOutParagraph laid = layout_paragraph("一二三四五六七八九十" + end, style_of(5));
        ASSERT_EQ(laid.lines.size(), 3u) << end;
        EXPECT_EQ(laid.lines.back().text, "十" + end);
    }
}

// An ideographic space that ends a line is blank: the justified line reaches the measure with
// its last character (issue 17: it stopped an em short).
TEST(ParagraphLayout, AnIdeographicSpaceEndingALineIsTrimmed) {
    const LaidOutParagraph laid = layout_paragraph("一二三四\u3000五六七八九十", style_of(5));
    ASSERT_GE(laid.lines.size(), 2u);
    EXPECT_EQ(laid.lines[0].text, "一二三四");
    EXPECT_TRUE(laid.lines[0].justified);
    EXPECT_NEAR(laid.lines[0].x + laid.lines[0].width, 5 * kEm, 0.01f);
}

// 〇, ① and the like are characters: a last line of two of them is not a lone one.
TEST(ParagraphLayout, LingAndCircledNumbersCountAsCharacters) {
    EXPECT_EQ(texts(layout_paragraph("一二三四五六七八九十二〇", style_of(5))),
              (std::vector<std::string>{"一二三四五", "六七八九十", "二〇"}));
}

// A flush-right date keeps the ideographic spaces it was given (GB/T 9704's 右空四字).
TEST(ParagraphLayout, AnUnjustifiedLineKeepsItsIdeographicSpaces) {
    ParagraphStyle style = style_of(20, Justify::No);
    style.align = Align::End;
    const LaidOutParagraph laid =
        layout_paragraph("二〇二六年十一月\u3000\u3000\u3000\u3000", style);
    ASSERT_EQ(laid.lines.size(), 1u);
    EXPECT_NEAR(laid.lines[0].glyphs.front().x, 8 * kEm, 0.01f);
}

TEST(ParagraphLayout, ExcerptEndsInTwoEllipsesAtALegalBreak) {
    ParagraphStyle style = style_of(12);
    style.max_lines = 2;
    const std::string text =
        "严在常态。任何工作难在抓经常，也贵在抓经常。有了一系列规章制度，就要持之以恒地抓紧抓好，在"
        "规范的基础上常态抓落实。";
    const LaidOutParagraph laid = layout_paragraph(text, style);
    ASSERT_EQ(laid.lines.size(), 2u);
    EXPECT_TRUE(laid.cut);
    const std::string& last = laid.lines[1].text;
    ASSERT_TRUE(last.ends_with("……")) << last;
    EXPECT_NEAR(laid.lines[1].x + laid.lines[1].width, style.measure, 0.01f);
    const std::string before = last.substr(0, last.size() - std::string("……").size());
    std::size_t start = 0;
    const char32_t final_char = utf8::decode_previous(before, before.size(), start);
    EXPECT_FALSE(is_prohibited_at_line_end(final_char));
    EXPECT_NE(final_char, U'，');  // No comma hangs before the ellipsis.
    EXPECT_EQ(text.find(laid.lines[0].text + before), 0u);
}

TEST(ParagraphLayout, HangingBulletAlignsContinuationLines) {
    ParagraphStyle style = style_of(14, Justify::No);
    style.continuation_indent = measure_text(body_fonts(), "●");
    const LaidOutParagraph laid =
        layout_paragraph("●不断创新支部工作思路，才能使支部工作真正体现时代性", style);
    ASSERT_GE(laid.lines.size(), 2u);
    EXPECT_FLOAT_EQ(laid.lines[0].x, 0);
    EXPECT_FLOAT_EQ(laid.lines[1].x, style.continuation_indent);
}

TEST(ParagraphLayout, AnOverlongWordIsCutRatherThanOverflowing) {
    ParagraphStyle style = style_of(7, Justify::No);
    const std::string text = "见https://example.org/a/very/long/path/that/cannot/fit";
    const LaidOutParagraph laid = layout_paragraph(text, style);
    std::string joined;
    for (const auto& line : laid.lines) {
        EXPECT_LE(line.x + line.width, style.measure + 0.01f);
        joined += line.text;
    }
    EXPECT_EQ(joined, text);
}

// A path that fits on a line is not split at its slashes (issue 17: /etc/apt/|preferences): the
// line before it stays short instead.
TEST(ParagraphLayout, AWordThatFitsIsNotSplit) {
    const LaidOutParagraph laid =
        layout_paragraph("请写入文件/etc/apt/preferences中", style_of(12));
    ASSERT_EQ(laid.lines.size(), 2u);
    EXPECT_EQ(laid.lines[0].text, "请写入文件");
    EXPECT_EQ(laid.lines[1].text, "/etc/apt/preferences中");
    EXPECT_FALSE(laid.lines[0].justified);  // Five characters spread over 12 em: too far.
}

// A word wider than any line starts on the line it comes to (no 是 alone on a ragged line) and
// is split at its own opportunities (after / in an address) where they fill half the line.
TEST(ParagraphLayout, AWordWiderThanTheLineStartsOnTheCurrentLine) {
    const LaidOutParagraph laid = layout_paragraph(
        "是https://www.example.gov.cn/zzb/xwzx/tzgg/202611/index.html的缩写", style_of(12));
    ASSERT_GE(laid.lines.size(), 3u);
    EXPECT_EQ(laid.lines[0].text.rfind("是https://", 0), 0u) << laid.lines[0].text;
    EXPECT_EQ(laid.lines[1].text.back(), '/') << laid.lines[1].text;
    std::string joined;
    for (const auto& line : laid.lines) {
        EXPECT_LE(line.x + line.width, 12 * kEm + 0.01f) << line.text;
        joined += line.text;
    }
    EXPECT_EQ(joined, "是https://www.example.gov.cn/zzb/xwzx/tzgg/202611/index.html的缩写");
}

// The cut inside a word with no opportunity keeps CLREQ's prohibitions: a full stop right after
// the cut goes down with the last letter rather than start a line alone.
TEST(ParagraphLayout, ACutInsideAWordKeepsTheProhibitions) {
    for (int measure = 5; measure <= 9; ++measure) {
        const LaidOutParagraph laid =
            layout_paragraph("见Pneumonoultramicroscopicsilicovolcanoconiosis。",
                             style_of(static_cast<float>(measure)));
        for (std::size_t i = 1; i < laid.lines.size(); ++i) {
            std::size_t pos = 0;
            EXPECT_FALSE(is_prohibited_at_line_start(utf8::decode_next(laid.lines[i].text, pos)))
                << measure << " em: " << laid.lines[i].text;
        }
    }
}

// A plain word wider than the line is split at a letter and that line ends in a hyphen (drawn,
// not in the text); an address or a number never gets one (TYPOGRAPHY.md).
TEST(ParagraphLayout, APlainWordSplitAtALetterEndsInAHyphen) {
    const std::string word = "当Pneumonoultramicroscopicsilicovolcanoconiosis出现";
    const LaidOutParagraph laid = layout_paragraph(word, style_of(10));
    ASSERT_GE(laid.lines.size(), 2u);
    EXPECT_TRUE(laid.lines[0].hyphenated);
    std::size_t characters = 0;
    for (std::size_t pos = 0; pos < laid.lines[0].text.size(); ++characters) {
        utf8::decode_next(laid.lines[0].text, pos);
    }
    EXPECT_EQ(laid.lines[0].glyphs.size(), characters + 1);  // The hyphen's glyph.
    EXPECT_TRUE(std::isalpha(static_cast<unsigned char>(laid.lines[0].text.back())));
    EXPECT_LE(laid.lines[0].x + laid.lines[0].width, 10 * kEm + 0.01f);
    std::string joined;
    for (const auto& line : laid.lines) {
        joined += line.text;
    }
    EXPECT_EQ(joined, word);
    for (const std::string address : {"见https://www.example.gov.cn/abcdefghijklmnopqrstuvwxyz",
                                      "号20261127202611272026112720261127"}) {
        for (const auto& line : layout_paragraph(address, style_of(8)).lines) {
            EXPECT_FALSE(line.hyphenated) << line.text;
        }
    }
}

// A plain word next to sentence punctuation is still plain; a split keeps two letters on either
// side, else the word goes down whole (review of issue 17: "i" / "nternationalizati-",
// "conios-" / "is。").
TEST(ParagraphLayout, ASplitPlainWordKeepsTwoLettersEachSide) {
    for (const std::string text : {"Pneumonoultramicroscopicsilicovolcanoconiosis, is long.",
                                   "本系统支持internationalization和localization。",
                                   "他说Pneumonoultramicroscopicsilicovolcanoconiosis。"}) {
        for (int measure = 6; measure <= 12; ++measure) {
            const LaidOutParagraph laid =
                layout_paragraph(text, style_of(static_cast<float>(measure)));
            std::size_t consumed = 0;
            for (std::size_t i = 0; i + 1 < laid.lines.size(); ++i) {
                const std::string& line = laid.lines[i].text;
                const std::string& next = laid.lines[i + 1].text;
                consumed += line.size();
                const bool at_space = consumed < text.size() && text[consumed] == ' ';
                while (consumed < text.size() && text[consumed] == ' ') {
                    ++consumed;
                }
                const bool inside_word = !at_space &&
                                         std::isalpha(static_cast<unsigned char>(line.back())) &&
                                         std::isalpha(static_cast<unsigned char>(next.front()));
                if (!inside_word) {
                    continue;
                }
                EXPECT_TRUE(laid.lines[i].hyphenated) << measure << " em: " << line;
                EXPECT_TRUE(line.size() >= 2 &&
                            std::isalpha(static_cast<unsigned char>(line[line.size() - 2])))
                    << measure << " em: " << line;
                EXPECT_TRUE(next.size() >= 2 && std::isalpha(static_cast<unsigned char>(next[1])))
                    << measure << " em: " << next;
            }
        }
    }
}

// An excerpt cut on a line inside a long address keeps what fits of it before the …… (review of
// issue 17: the line came out as …… alone).
TEST(ParagraphLayout, AnExcerptCutInsideAnAddressKeepsItsStart) {
    ParagraphStyle style = style_of(10);
    style.max_lines = 2;
    const LaidOutParagraph laid = layout_paragraph(
        "请访问https://www.example.gov.cn/xxgk/zcwj/t20261127abcdefghijklmnopqrstuvwxyzabcdefgh"
        "ijklmnopqrstuvwxyz/index.html查看全文",
        style);
    ASSERT_EQ(laid.lines.size(), 2u);
    EXPECT_TRUE(laid.cut);
    EXPECT_GT(laid.lines[1].text.size(), std::string("……").size()) << laid.lines[1].text;
    EXPECT_LE(laid.lines[1].x + laid.lines[1].width, 10 * kEm + 0.01f);
}

// Push-in (先挤进) only for a mark that may not start a line: a line is never squeezed to pull
// in the start of a Latin word (issue 17: 203 lines squeezed up to 3.5 em in the audit).
TEST(ParagraphLayout, NeverSqueezesALineToPullInAWord) {
    for (float measure = 10; measure <= 13; measure += 0.125f) {
        const LaidOutParagraph laid =
            layout_paragraph("一二三，四五六七八Linux系统，甲乙丙丁", style_of(measure));
        ASSERT_GE(laid.lines.size(), 2u);
        const std::string& first = laid.lines[0].text;
        const LaidOutParagraph natural = layout_paragraph(first, style_of(30, Justify::No));
        EXPECT_LE(natural.lines[0].width, measure * kEm + 0.01f) << measure << " em: " << first;
    }
}

TEST(ParagraphLayout, TitlesAreCentredAndBreakByTheSameRules) {
    ParagraphStyle style = style_of(30, Justify::No);
    style.align = Align::Center;
    const LaidOutParagraph laid = layout_paragraph("组工文萃", style);
    ASSERT_EQ(laid.lines.size(), 1u);
    EXPECT_NEAR(laid.lines[0].x + laid.lines[0].width / 2, 15 * kEm, 0.5f);
}

}  // namespace
}  // namespace placard
