#include "render/canvas.hpp"

#include <gtest/gtest.h>

#include "render/image_file.hpp"

namespace placard {
namespace {

Image blank(int width, int height, Color color) {
    return Image{width, height, std::vector<std::uint32_t>(width * height, color)};
}

TEST(Canvas, FillIsClippedToTheCanvasAndTheClip) {
    Image image = blank(10, 10, 0xFF000000);
    Canvas canvas(image);
    canvas.set_clip(Rect{0, 0, 5, 10});
    canvas.fill(Rect{-5, -5, 100, 100}, 0xFFFFFFFF);
    EXPECT_EQ(image.pixels[0], 0xFFFFFFFFu);
    EXPECT_EQ(image.pixels[4], 0xFFFFFFFFu);
    EXPECT_EQ(image.pixels[5], 0xFF000000u);
}

TEST(Canvas, GlyphCoverageBlendsTheColour) {
    Image image = blank(4, 4, 0xFF000000);
    Canvas canvas(image);
    GlyphBitmap glyph{2, 1, 0, 1, {255, 128}};
    canvas.blend_glyph(glyph, 1, 2, 0xFFFFFFFF);  // Baseline at y = 2, so the row is y = 1.
    EXPECT_EQ(image.pixels[1 * 4 + 1], 0xFFFFFFFFu);
    EXPECT_EQ(image.pixels[1 * 4 + 2], 0xFF808080u);
    EXPECT_EQ(image.pixels[2 * 4 + 1], 0xFF000000u);
}

TEST(Canvas, ImageOpacityCrossfades) {
    Image image = blank(2, 1, 0xFF000000);
    const Image white = blank(2, 1, 0xFFFFFFFF);
    Canvas canvas(image);
    canvas.draw_image(white, 0, 0, 255);
    EXPECT_EQ(image.pixels[0], 0xFFFFFFFFu);
    Image dark = blank(2, 1, 0xFF000000);
    Canvas second(dark);
    second.draw_image(white, 1, 0, 51);  // 20 %: half off the canvas, clipped.
    EXPECT_EQ(dark.pixels[0], 0xFF000000u);
    EXPECT_EQ(dark.pixels[1], 0xFF333333u);
}

TEST(ImageFile, CoverScalingFillsTheSlotAndRotationTurnsClockwise) {
    Image source = blank(4, 2, 0xFF000000);
    source.pixels[0] = 0xFFFF0000;  // Top-left red.
    const Image scaled = scale_to_cover(source, 8, 8);
    EXPECT_EQ(scaled.width, 8);
    EXPECT_EQ(scaled.height, 8);
    const Image turned = rotate_clockwise(source, 90);
    EXPECT_EQ(turned.width, 2);
    EXPECT_EQ(turned.height, 4);
    EXPECT_EQ(turned.pixels[1], 0xFFFF0000u);  // Top-left moves to the top-right.
}

}  // namespace
}  // namespace placard
