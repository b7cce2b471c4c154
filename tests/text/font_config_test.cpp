#include "text/font_config.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "text/font_library.hpp"

namespace placard {
namespace {

TEST(FontConfig, ReadsChainsInOrderWithWeights) {
    const auto config = parse_font_config(
        "# comment\nbody = Noto Sans CJK SC, DejaVu Sans\nbold = Noto Sans CJK SC:bold\n",
        "fallback.conf");
    ASSERT_TRUE(config) << config.error().message;
    ASSERT_EQ(config->body.size(), 2u);
    EXPECT_EQ(config->body[1].family, "DejaVu Sans");
    EXPECT_FALSE(config->body[0].bold);
    ASSERT_EQ(config->bold.size(), 1u);
    EXPECT_TRUE(config->bold[0].bold);
}

TEST(FontConfig, SaysWhichLineIsWrong) {
    EXPECT_EQ(parse_font_config("body = A\nitalic = B\n", "f.conf").error().message,
              "f.conf:2: unknown role \"italic\" (expected body or bold)");
    EXPECT_EQ(parse_font_config("body A\n", "f.conf").error().message,
              "f.conf:1: expected ROLE = FAMILY, FAMILY, ...");
    EXPECT_EQ(parse_font_config("body = A\n", "f.conf").error().message,
              "f.conf: needs both a body and a bold chain");
}

TEST(FontConfig, TheShippedFileNamesInstalledFonts) {
    std::ifstream in(PLACARD_SOURCE_DIR "/fonts/fallback.conf");
    std::stringstream text;
    text << in.rdbuf();
    const auto config = parse_font_config(text.str(), "fallback.conf");
    ASSERT_TRUE(config) << config.error().message;
    auto fonts = FontLibrary::create(*config);
    ASSERT_TRUE(fonts) << fonts.error().message;
    EXPECT_TRUE((*fonts)->warnings().empty());
}

TEST(FontConfig, AMissingFallbackIsLeftOutWithAWarningAndAMissingPrimaryFails) {
    FontConfig config = default_font_config();
    config.body.push_back({"No Such Font Family", false});
    auto fonts = FontLibrary::create(config);
    ASSERT_TRUE(fonts);
    ASSERT_EQ((*fonts)->warnings().size(), 1u);
    EXPECT_EQ((*fonts)->warnings()[0],
              "font \"No Such Font Family\" is not installed; left out of the chain");
    config.bold.insert(config.bold.begin(), {"No Such Font Family", true});
    EXPECT_FALSE(FontLibrary::create(config));
}

}  // namespace
}  // namespace placard

namespace placard {
namespace {

// The test programs see the test fonts of tests/fonts and no other (support/hermetic_fonts.cpp):
// the body and bold families come from there, and a family the machine has but the tests do
// not keep (Noto Serif CJK SC, from fonts-noto-cjk) is not found.
TEST(TestFonts, AreTheOnlyFontsATestProgramSees) {
    const std::string kept = std::string(PLACARD_SOURCE_DIR) + "/tests/fonts/";
    for (const bool bold : {false, true}) {
        for (const char* family : {"Noto Sans CJK SC", "DejaVu Sans"}) {
            const auto found = FontLibrary::find_family(family, bold);
            ASSERT_TRUE(found) << family << ": " << found.error().message;
            EXPECT_TRUE(found->path.starts_with(kept)) << family << " came from " << found->path;
        }
    }
    EXPECT_FALSE(FontLibrary::find_family("Noto Serif CJK SC", false));
}

}  // namespace
}  // namespace placard
