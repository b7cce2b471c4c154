// The home screen's header on the panels people buy (issue 17, "Panels"): every channel has its
// tile — the visitors' way into the channels — and the tiles stay inside the header, clear of
// one another and of the title row's date and clock. A 720 × 1280 panel once dropped them all
// (its header too short for the two rows portrait headers have, too narrow for one).
#include <gtest/gtest.h>

#include <string>

#include "player/snapshot.hpp"
#include "support/test_fonts.hpp"

namespace placard {
namespace {

struct Panel {
    int width, height;
};

class HeaderOnPanels : public ::testing::TestWithParam<Panel> {};

TEST_P(HeaderOnPanels, EveryChannelHasATileClearOfTheRest) {
    const Panel panel = GetParam();
    auto loaded = load_snapshot(PLACARD_SOURCE_DIR "/assets/demo", testing::test_fonts(),
                                panel.width, panel.height);
    ASSERT_TRUE(loaded) << loaded.error().message;
    const HomeScreenLayout& home = *(*loaded)->home;
    const Rect header = home.geometry.header;
    ASSERT_EQ(home.tiles.size(), (*loaded)->feed.channels.size())
        << panel.width << "x" << panel.height << ": a channel without a tile";
    for (std::size_t i = 0; i < home.tiles.size(); ++i) {
        const Rect tile = home.tiles[i].area;
        EXPECT_EQ(tile.intersect(header), tile) << "tile " << i << " leaves the header";
        for (std::size_t j = 0; j < i; ++j) {
            EXPECT_TRUE(tile.intersect(home.tiles[j].area).empty()) << "tiles " << j << ", " << i;
        }
        // On the title row (one row), the tiles end before the date; else they are under it.
        const bool under_title = tile.y >= home.title_row.bottom();
        const bool one_row = home.title_row.height == header.height;
        EXPECT_TRUE(one_row || under_title) << "tile " << i << " over the title row";
    }
    EXPECT_TRUE(home.show_date) << "the date was dropped";
}

INSTANTIATE_TEST_SUITE_P(Panels, HeaderOnPanels,
                         ::testing::Values(Panel{800, 480}, Panel{480, 800}, Panel{1024, 600},
                                           Panel{600, 1024}, Panel{1280, 720}, Panel{720, 1280},
                                           Panel{1366, 768}, Panel{768, 1366}, Panel{1920, 1080},
                                           Panel{1080, 1920}, Panel{3840, 2160}, Panel{2160, 3840}),
                         [](const ::testing::TestParamInfo<Panel>& param_info) {
                             return std::to_string(param_info.param.width) + "x" +
                                    std::to_string(param_info.param.height);
                         });

}  // namespace
}  // namespace placard
