#include "render/clock_face.hpp"

#include <gtest/gtest.h>

#include "render/home_screen_style.hpp"
#include "support/test_fonts.hpp"

namespace placard {
namespace {

// The clock set from characters shaped once is the clock shaped whole: same glyphs, same
// places, same width, for every digit in every position — in the bold the header's clock uses,
// and in the regular.
TEST(ClockFace, SetsTheTimeAsShapingItWholeWould) {
    for (const FontChain* fonts : {&testing::bold_fonts(40), &testing::body_fonts(64)}) {
        const ParagraphStyle style = one_line_style(fonts, 1920);
        const ClockFace face(style);
        for (const char* time : {"00:00", "09:41", "12:34", "23:59", "18:07", "11:11"}) {
            const LaidOutParagraph whole = layout_paragraph(time, style);
            const LaidOutParagraph set = face.set(time);
            ASSERT_EQ(set.lines.size(), 1u);
            ASSERT_EQ(whole.lines.size(), 1u);
            const LaidOutLine &a = whole.lines[0], &b = set.lines[0];
            EXPECT_EQ(b.text, time);
            EXPECT_FLOAT_EQ(b.width, a.width) << time;
            EXPECT_FLOAT_EQ(b.x, a.x) << time;
            EXPECT_FLOAT_EQ(b.baseline, a.baseline) << time;
            EXPECT_FLOAT_EQ(set.height, whole.height) << time;
            ASSERT_EQ(b.glyphs.size(), a.glyphs.size()) << time;
            for (std::size_t i = 0; i < a.glyphs.size(); ++i) {
                EXPECT_EQ(b.glyphs[i].glyph, a.glyphs[i].glyph) << time << " glyph " << i;
                EXPECT_EQ(b.glyphs[i].face, a.glyphs[i].face) << time << " glyph " << i;
                EXPECT_NEAR(b.glyphs[i].x, a.glyphs[i].x, 1e-3) << time << " glyph " << i;
                EXPECT_FLOAT_EQ(b.glyphs[i].y, a.glyphs[i].y) << time << " glyph " << i;
            }
        }
    }
}

TEST(ClockFace, LeavesOutWhatItHasNotShaped) {
    const ClockFace face(one_line_style(&testing::body_fonts(32), 800));
    EXPECT_EQ(face.set("1x2").lines.at(0).text, "12");
    EXPECT_TRUE(face.set("").lines.empty());
    EXPECT_TRUE(ClockFace().set("12:00").lines.empty());  // Shaped nothing: sets nothing.
}

}  // namespace
}  // namespace placard
