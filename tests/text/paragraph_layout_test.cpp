#include "text/paragraph_layout.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "core/plain_text_article.hpp"
#include "support/test_fonts.hpp"
#include "text/font_library.hpp"
#include "text/line_breaker.hpp"
#include "text/shaper.hpp"
#include "text/utf8.hpp"

namespace placard {
namespace {

using testing::test_fonts;

class ParagraphLayout : public ::testing::Test {
  protected:
    static const FontFace* body(int size = 28) { return *test_fonts().face(FontRole::Body, size); }
};

char32_t first_char(const std::string& text) {
    std::size_t pos = 0;
    return utf8::decode_next(text, pos);
}
char32_t last_char(const std::string& text) {
    std::size_t start = 0;
    return utf8::decode_previous(text, text.size(), start);
}

std::vector<std::string> seed_paragraphs() {
    std::ifstream in(PLACARD_SOURCE_DIR "/assets/demo/source/seed-page.txt");
    std::stringstream text;
    text << in.rdbuf();
    auto article = import_plain_text_article(text.str(), "seed-page.txt");
    std::vector<std::string> paragraphs = article->highlights;
    paragraphs.insert(paragraphs.end(), article->body.begin(), article->body.end());
    return paragraphs;
}

TEST_F(ParagraphLayout, ShapesHanWithTheCjkFont) {
    const auto glyphs = shape_text(*body(), "党支部");
    ASSERT_EQ(glyphs.size(), 3u);
    for (const auto& glyph : glyphs) {
        EXPECT_NE(glyph.glyph, 0u);
        EXPECT_FLOAT_EQ(glyph.x_advance, 28.0f);  // Han characters are one em wide.
    }
}

TEST_F(ParagraphLayout, SeedArticleKeepsTheRulesAndFillsTheMeasure) {
    ParagraphStyle style;
    style.face = body();
    style.measure = 900;
    style.first_line_indent = 56;
    style.justify = Justify::Yes;
    std::size_t lines_checked = 0;
    for (const std::string& paragraph : seed_paragraphs()) {
        const LaidOutParagraph laid = layout_paragraph(paragraph, style);
        ASSERT_FALSE(laid.lines.empty());
        std::string joined;
        for (std::size_t i = 0; i < laid.lines.size(); ++i) {
            const LaidOutLine& line = laid.lines[i];
            joined += line.text;
            EXPECT_FALSE(is_prohibited_at_line_start(first_char(line.text))) << line.text;
            EXPECT_FALSE(is_prohibited_at_line_end(last_char(line.text))) << line.text;
            EXPECT_LE(line.x + line.width, style.measure + 0.01f) << line.text;
            if (i + 1 < laid.lines.size()) {
                EXPECT_NEAR(line.x + line.width, style.measure, 0.01f) << line.text;
                EXPECT_TRUE(line.justified);
            }
            ++lines_checked;
        }
        EXPECT_EQ(joined, paragraph);  // Nothing lost or duplicated between lines.
        EXPECT_FLOAT_EQ(laid.lines[0].x, 56);
    }
    EXPECT_GT(lines_checked, 50u);
}

TEST_F(ParagraphLayout, ExcerptEndsInTwoEllipsesAtALegalBreak) {
    ParagraphStyle style;
    style.face = body();
    style.measure = 600;
    style.max_lines = 2;
    style.justify = Justify::Yes;
    const std::string paragraph = seed_paragraphs()[3];
    const LaidOutParagraph laid = layout_paragraph(paragraph, style);
    ASSERT_EQ(laid.lines.size(), 2u);
    EXPECT_TRUE(laid.cut);
    const std::string& last = laid.lines[1].text;
    EXPECT_TRUE(last.ends_with("……")) << last;
    EXPECT_NEAR(laid.lines[1].x + laid.lines[1].width, 600, 0.01f);
    const std::string before = last.substr(0, last.size() - std::string("……").size());
    EXPECT_FALSE(is_prohibited_at_line_end(last_char(before)));
    EXPECT_NE(last_char(before), U'，');  // No comma hangs before the ellipsis.
    EXPECT_EQ(paragraph.find(laid.lines[0].text + before), 0u);
}

TEST_F(ParagraphLayout, HangingBulletAlignsContinuationLines) {
    ParagraphStyle style;
    style.face = body();
    style.measure = 400;
    style.continuation_indent = measure_text(*body(), "●");
    const LaidOutParagraph laid =
        layout_paragraph("●不断创新支部工作思路，才能使支部工作真正体现时代性", style);
    ASSERT_GE(laid.lines.size(), 2u);
    EXPECT_FLOAT_EQ(laid.lines[0].x, 0);
    EXPECT_FLOAT_EQ(laid.lines[1].x, style.continuation_indent);
}

TEST_F(ParagraphLayout, AnOverlongWordIsCutRatherThanOverflowing) {
    ParagraphStyle style;
    style.face = body();
    style.measure = 200;
    const LaidOutParagraph laid =
        layout_paragraph("见https://example.org/a/very/long/path/that/cannot/fit", style);
    std::string joined;
    for (const auto& line : laid.lines) {
        EXPECT_LE(line.x + line.width, 200.01f);
        joined += line.text;
    }
    EXPECT_EQ(joined, "见https://example.org/a/very/long/path/that/cannot/fit");
}

TEST_F(ParagraphLayout, CentredLinesSitInTheMiddle) {
    ParagraphStyle style;
    style.face = body();
    style.measure = 1000;
    style.align = Align::Center;
    const LaidOutParagraph laid = layout_paragraph("组工文萃", style);
    ASSERT_EQ(laid.lines.size(), 1u);
    EXPECT_NEAR(laid.lines[0].x + laid.lines[0].width / 2, 500, 0.5f);
}

}  // namespace
}  // namespace placard
