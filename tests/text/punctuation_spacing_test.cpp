// CLREQ 3.1.6 (标点挤压) and 3.4 (Han–Latin spacing), one rule per test, at 28 px (1 em = 28).
#include <gtest/gtest.h>

#include "support/test_fonts.hpp"
#include "text/line_justifier.hpp"
#include "text/shaped_paragraph.hpp"

namespace placard {
namespace {

constexpr float kEm = 28;

ShapedParagraph shaped(std::string_view text) {
    return testing::shaped_body(text);
}

float width(std::string_view text, Justify justify = Justify::No) {
    const ShapedParagraph paragraph = shaped(text);
    return natural_line_width(paragraph, 0, paragraph.clusters.size(), justify);
}

TEST(PunctuationSpacing, AFullWidthMarkCarriesHalfAnEmOfBlank) {
    const ShapedParagraph comma = shaped("，");
    ASSERT_EQ(comma.clusters.size(), 1u);
    EXPECT_FLOAT_EQ(comma.clusters[0].advance, kEm);
    EXPECT_FLOAT_EQ(comma.clusters[0].blank_right, kEm / 2);
    const ShapedParagraph bracket = shaped("《");
    EXPECT_FLOAT_EQ(bracket.clusters[0].blank_left, kEm / 2);
}

TEST(PunctuationSpacing, AdjacentMarksTakeOneAndAHalfEm) {
    EXPECT_FLOAT_EQ(width("字。」字") - 2 * kEm, 1.5f * kEm);
    EXPECT_FLOAT_EQ(width("字）、字") - 2 * kEm, 1.5f * kEm);
    EXPECT_FLOAT_EQ(width("字，《字") - 2 * kEm, 1.5f * kEm);
    EXPECT_FLOAT_EQ(width("字《〈字") - 2 * kEm, 1.5f * kEm);
}

TEST(PunctuationSpacing, ALineEndMarkIsHalfWidthInJustifiedText) {
    EXPECT_FLOAT_EQ(width("党支部，", Justify::Yes), 3.5f * kEm);
    EXPECT_FLOAT_EQ(width("党支部，", Justify::No), 4.0f * kEm);
}

TEST(PunctuationSpacing, AnOpeningBracketAtLineStartLosesItsLeadingBlank) {
    EXPECT_FLOAT_EQ(width("《报》"), 2.5f * kEm);
}

TEST(PunctuationSpacing, QuarterEmBetweenHanAndLatinLettersOrDigits) {
    const ShapedParagraph paragraph = shaped("用Debian系统2017年");
    const float latin = shaped("Debian").pen.back();
    const float digits = shaped("2017").pen.back();
    // Four gaps: 用|D, n|系, 统|2, 7|年.
    EXPECT_NEAR(paragraph.pen.back(), 4 * kEm + latin + digits + 4 * kEm / 4, 0.01f);
}

// A number's sign is part of its Latin run: the quarter em goes around "15%", "25°", "¥100"
// (issue 17: it stopped at % and °, and was missing before ¥).
TEST(PunctuationSpacing, QuarterEmAroundANumberWithItsSign) {
    for (const std::string number : {"15%", "25°", "¥100", "3‰"}) {
        const ShapedParagraph paragraph = shaped("增" + number + "的");
        const float run = shaped(number).pen.back();
        EXPECT_NEAR(paragraph.pen.back(), 2 * kEm + run + 2 * kEm / 4, 0.01f) << number;
    }
}

// A hashtag is no number: no gap splits 话题#两会#.
TEST(PunctuationSpacing, NoGapAroundAHashtag) {
    for (const Cluster& cluster : shaped("话题#两会#").clusters) {
        EXPECT_FLOAT_EQ(cluster.gap_after, 0);
    }
}

TEST(PunctuationSpacing, NoGapBesidePunctuationOrSpaces) {
    const ShapedParagraph paragraph = shaped("，Debian 系");
    for (const Cluster& cluster : paragraph.clusters) {
        EXPECT_FLOAT_EQ(cluster.gap_after, 0);
    }
}

TEST(PunctuationSpacing, NoGapAtTheEndOfALine) {
    const ShapedParagraph paragraph = shaped("系统Debian");
    // The line "系统" ends where the gap would be: its width is two em exactly.
    EXPECT_FLOAT_EQ(natural_line_width(paragraph, 0, 2, Justify::No), 2 * kEm);
}

}  // namespace
}  // namespace placard
