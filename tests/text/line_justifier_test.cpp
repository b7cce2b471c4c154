// CLREQ 3.8: compress first, then expand, in its order; one behaviour per test at 28 px.
#include "text/line_justifier.hpp"

#include <gtest/gtest.h>

#include "support/test_fonts.hpp"

namespace placard {
namespace {

constexpr float kEm = 28;

ShapedParagraph shaped(std::string_view text) {
    return testing::shaped_body(text);
}

TEST(LineJustifier, SpreadsHanGapsEquallyToTheMeasure) {
    const ShapedParagraph paragraph = shaped("党支部工作");
    const FittedLine line = fit_line(paragraph, 0, 5, 6 * kEm, Justify::Yes);
    EXPECT_TRUE(line.filled);
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_FLOAT_EQ(line.glyph_x[i], static_cast<float>(i) * (kEm + kEm / 4));
    }
}

// Issue 17: "2 0 9 5-8 0 4 8-", "a d m i n @ e x a m p l e . g o v".
TEST(LineJustifier, NeverSpacesTheLettersOfAWordNumberOrAddress) {
    const ShapedParagraph paragraph = shaped("党支部号2095-8048见admin@a.gov");
    const std::size_t n = paragraph.clusters.size();
    const FittedLine line = fit_line(paragraph, 0, n, paragraph.pen[n] + 1.5f * kEm, Justify::Yes);
    for (std::size_t i = 1; i + 1 < n; ++i) {
        const Cluster& cluster = paragraph.clusters[i];
        if (cluster.kind != CharClass::Han && paragraph.clusters[i + 1].kind != CharClass::Han) {
            EXPECT_NEAR(line.glyph_x[i + 1] - line.glyph_x[i], cluster.advance, 0.001f) << i;
        }
    }
    EXPECT_TRUE(line.filled);  // By the Han–Latin gaps and those between 党支部号.
}

// Nor the digits of a full-width number: ０ ９ ３ １ － １ ２ ３ read as loose digits.
TEST(LineJustifier, NeverSpacesTheDigitsOfAFullWidthNumber) {
    const ShapedParagraph paragraph = shaped("咨询电话０９３１－１２３４");
    const std::size_t n = paragraph.clusters.size();
    const FittedLine line = fit_line(paragraph, 0, n, paragraph.pen[n] + kEm, Justify::Yes);
    EXPECT_TRUE(line.filled);  // By the three gaps of 咨询电话 and the one before the number.
    for (std::size_t i = 4; i + 1 < n; ++i) {
        EXPECT_NEAR(line.glyph_x[i + 1] - line.glyph_x[i], paragraph.clusters[i].advance, 0.001f)
            << i;
    }
}

// At most half an em between two characters: a line that needs more stays short (issue 17:
// lines before an unbreakable word spread to 3.7 em a gap).
TEST(LineJustifier, SpreadsCharactersAtMostHalfAnEm) {
    const ShapedParagraph paragraph = shaped("党支部");
    const FittedLine line = fit_line(paragraph, 0, 3, 10 * kEm, Justify::Yes);
    EXPECT_FALSE(line.filled);
    EXPECT_FLOAT_EQ(line.glyph_x[1], kEm * 1.5f);
    EXPECT_FLOAT_EQ(line.width, 4 * kEm);
}

// A word space widens by half an em at most, once: the gaps beside it take no share of the
// letter-spacing on top (review of issue 17: "I am" spread 1.5 em in its one space).
TEST(LineJustifier, AWordSpaceWidensHalfAnEmAtMost) {
    const ShapedParagraph paragraph = shaped("I am");
    const std::size_t n = paragraph.clusters.size();
    const FittedLine line = fit_line(paragraph, 0, n, paragraph.pen[n] + 3 * kEm, Justify::Yes);
    EXPECT_FALSE(line.filled);
    EXPECT_NEAR(line.width, paragraph.pen[n] + kEm / 2, 0.01f);
}

TEST(LineJustifier, ExpandsWordSpacesBeforeLetterGaps) {
    const ShapedParagraph paragraph = shaped("ab cd");
    const float natural = natural_line_width(paragraph, 0, 5, Justify::Yes);
    const FittedLine line = fit_line(paragraph, 0, 5, natural + 5, Justify::Yes);
    EXPECT_FLOAT_EQ(line.glyph_x[1], paragraph.pen[1]);      // a|b unchanged.
    EXPECT_FLOAT_EQ(line.glyph_x[3], paragraph.pen[3] + 5);  // The space took it all.
    EXPECT_FLOAT_EQ(line.glyph_x[4] - line.glyph_x[3], paragraph.pen[4] - paragraph.pen[3]);
}

// Three spaces in a row widen once, at the last, not three times (issue 17).
TEST(LineJustifier, ARunOfSpacesWidensOnce) {
    const ShapedParagraph paragraph = shaped("ab   cd");
    const float natural = natural_line_width(paragraph, 0, 7, Justify::Yes);
    const FittedLine line = fit_line(paragraph, 0, 7, natural + 5, Justify::Yes);
    EXPECT_TRUE(line.filled);
    EXPECT_FLOAT_EQ(line.glyph_x[3] - line.glyph_x[2], paragraph.pen[3] - paragraph.pen[2]);
    EXPECT_FLOAT_EQ(line.glyph_x[4] - line.glyph_x[3], paragraph.pen[4] - paragraph.pen[3]);
    EXPECT_FLOAT_EQ(line.glyph_x[5] - line.glyph_x[4], paragraph.pen[5] - paragraph.pen[4] + 5);
}

TEST(LineJustifier, ExpandsHanLatinGapsBeforeHanGaps) {
    const ShapedParagraph paragraph = shaped("用Linux系统");
    const std::size_t n = paragraph.clusters.size();
    const float natural = natural_line_width(paragraph, 0, n, Justify::Yes);
    const FittedLine line = fit_line(paragraph, 0, n, natural + 6, Justify::Yes);
    EXPECT_FLOAT_EQ(line.glyph_x[1] - line.glyph_x[0], kEm + kEm / 4 + 3);  // 用|L
    EXPECT_FLOAT_EQ(line.glyph_x[n - 1] - line.glyph_x[n - 2], kEm);        // 系|统
}

TEST(LineJustifier, NeverExpandsInsideADashOrEllipsis) {
    const ShapedParagraph paragraph = shaped("好——坏……了");
    const std::size_t n = paragraph.clusters.size();
    // Noto Sans CJK ligates —— into one two-em glyph, so it cannot open up; the two … stay
    // separate clusters and must stay together.
    ASSERT_EQ(n, 6u);
    EXPECT_FLOAT_EQ(paragraph.clusters[1].advance, 2 * kEm);
    const FittedLine line = fit_line(paragraph, 0, n, 8 * kEm, Justify::Yes);
    EXPECT_TRUE(line.filled);
    EXPECT_FLOAT_EQ(line.glyph_x[4] - line.glyph_x[3], paragraph.clusters[3].advance);
    EXPECT_GT(line.glyph_x[1] - line.glyph_x[0], paragraph.clusters[0].advance);
    EXPECT_GT(line.glyph_x[3] - line.glyph_x[2], paragraph.clusters[2].advance);
}

TEST(LineJustifier, SqueezesBracketsBeforeCommasAndNeverHanCharacters) {
    const ShapedParagraph paragraph = shaped("甲（乙）丙，丁");
    const std::size_t n = paragraph.clusters.size();
    const float natural = natural_line_width(paragraph, 0, n, Justify::Yes);
    const FittedLine line = fit_line(paragraph, 0, n, natural - 10, Justify::Yes);
    EXPECT_TRUE(line.filled);
    // The comma kept its blank: 丁 sits a full em after ，.
    EXPECT_FLOAT_EQ(line.glyph_x[6] - line.glyph_x[5], kEm);
    // 乙 is still one em wide: its neighbours moved, not it.
    EXPECT_LT(line.glyph_x[2] - line.glyph_x[0], 2 * kEm);
}

TEST(LineJustifier, SqueezesCommasOnceBracketsAreUsedUp) {
    const ShapedParagraph paragraph = shaped("甲，乙，丙");
    const std::size_t n = paragraph.clusters.size();
    const FittedLine line = fit_line(paragraph, 0, n, 4 * kEm, Justify::Yes);
    EXPECT_TRUE(line.filled);
    EXPECT_FLOAT_EQ(line.glyph_x[2] - line.glyph_x[1], kEm / 2);
    EXPECT_FLOAT_EQ(line.glyph_x[4] - line.glyph_x[3], kEm / 2);
}

}  // namespace
}  // namespace placard
