// The grey PNG render-text writes as it draws: what it writes reads back as the rows given, and
// it refuses what it cannot keep.
#include "render/grey_png_writer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "render/image_decoder.hpp"

namespace placard {
namespace {

std::string temp_png(const std::string& name) {
    return (std::filesystem::temp_directory_path() /
            ("grey-png-" + std::to_string(getpid()) + "-" + name + ".png"))
        .string();
}

// 300 rows (three parts of 128 and one short): white, grey ramps, white again.
std::vector<std::uint32_t> page(int width, int height) {
    std::vector<std::uint32_t> pixels(static_cast<std::size_t>(width) * height, 0xFFFFFFFFu);
    for (int y = 40; y < 260; ++y) {
        for (int x = 0; x < width; ++x) {
            const auto level = static_cast<std::uint32_t>((x * 7 + y * 3) % 256);
            if ((x + y) % 5 != 0) {
                pixels[static_cast<std::size_t>(y) * width + x] =
                    0xFF000000u | level << 16 | level << 8 | level;
            }
        }
    }
    return pixels;
}

TEST(GreyPngWriter, ReadsBackAsTheRowsGiven) {
    const int width = 173, height = 300;
    const std::vector<std::uint32_t> pixels = page(width, height);
    const std::string path = temp_png("page");
    {
        GreyPngWriter png(width, height);
        for (int y = 0; y < height; ++y) {
            ASSERT_TRUE(png.add_row(pixels.data() + static_cast<std::size_t>(y) * width));
        }
        ASSERT_TRUE(png.save(path)) << path;
    }
    const auto read = load_image(path);
    std::filesystem::remove(path);
    ASSERT_TRUE(read) << read.error().message;
    ASSERT_EQ(read->width, width);
    ASSERT_EQ(read->height, height);
    EXPECT_EQ(read->pixels, pixels);
}

TEST(GreyPngWriter, RefusesColourAndAnImageMissingRows) {
    const std::string path = temp_png("refused");
    GreyPngWriter png(4, 3);
    const std::uint32_t grey[4] = {0xFFFFFFFFu, 0xFF808080u, 0xFF000000u, 0xFFFFFFFFu};
    const std::uint32_t red[4] = {0xFFFFFFFFu, 0xFFFF0000u, 0xFFFFFFFFu, 0xFFFFFFFFu};
    const std::uint32_t clear[4] = {0x00FFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu};
    EXPECT_TRUE(png.add_row(grey));
    EXPECT_FALSE(png.add_row(red));
    EXPECT_FALSE(png.add_row(grey));  // Spent after a refusal.
    GreyPngWriter other(4, 1);
    EXPECT_FALSE(other.add_row(clear));
    const Status saved = png.save(path);
    ASSERT_FALSE(saved);
    EXPECT_NE(saved.error().message.find("1 of its 3 rows"), std::string::npos)
        << saved.error().message;
    EXPECT_FALSE(std::filesystem::exists(path));
}

// A writer given up on half way (render-text falling back to colour) stops its thread cleanly.
TEST(GreyPngWriter, AbandonedHalfWayStopsCleanly) {
    const int width = 64, height = 400;
    const std::vector<std::uint32_t> pixels = page(width, height);
    GreyPngWriter png(width, height);
    for (int y = 0; y < 200; ++y) {
        ASSERT_TRUE(png.add_row(pixels.data() + static_cast<std::size_t>(y) * width));
    }
}

}  // namespace
}  // namespace placard
