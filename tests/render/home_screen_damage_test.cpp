// The retained scene's damage: only what changes is invalidated, an idle screen nothing.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "render/home_screen.hpp"
#include "support/test_fonts.hpp"

namespace placard {
namespace {

ScreenLayout landscape() {
    std::ifstream in(PLACARD_SOURCE_DIR "/assets/layouts/landscape.json");
    std::stringstream text;
    text << in.rdbuf();
    auto layout = parse_screen_layout(text.str(), "landscape.json");
    EXPECT_TRUE(layout) << layout.error().message;
    return *layout;
}

struct Scene {
    Feed feed;
    DecodedImages images;
    std::shared_ptr<const HomeScreenLayout> layout;
};

// A feed with `banners` main banners, one article, and a ticker when asked.
Scene make_scene(int banners, bool ticker) {
    Scene scene;
    scene.feed.site.name = "中共通渭县委组织部";
    scene.feed.channels = {{"zgwc", "组工文萃"}};
    Article article;
    article.id = "a1";
    article.channel = "zgwc";
    article.title = "持之以恒建强机关党支部";
    article.body = {"党支部是党的组织基础，基础不牢，地动山摇。"};
    scene.feed.articles = {article};
    for (int i = 0; i < banners; ++i) {
        Banner banner;
        banner.id = "b" + std::to_string(i);
        banner.image = "media/b" + std::to_string(i) + ".png";
        scene.feed.banners.push_back(banner);
        scene.images[banner.image] = Image{
            4, 2, std::vector<std::uint32_t>(8, 0xFF000000u | (0x30u * static_cast<unsigned>(i)))};
    }
    if (ticker) {
        scene.feed.ticker = {"党支部是党的组织基础"};
    }
    auto built =
        build_home_screen(scene.feed, scene.images, landscape(), testing::test_fonts(), 1920, 1080);
    EXPECT_TRUE(built) << built.error().message;
    scene.layout = *built;
    return scene;
}

const WallTime kNine = *parse_rfc3339("2026-11-25T09:00:00+08:00");

std::vector<Rect> damage_between(const HomeScreenLayout& layout, double t0, double t1) {
    GlyphCache cache;
    HomeScreenPainter painter(cache);
    DamageList damage;
    painter.damage_between(layout, painter.state_at(layout, t0, kNine.plus_seconds(t0)),
                           painter.state_at(layout, t1, kNine.plus_seconds(t1)), damage);
    return {damage.rects().begin(), damage.rects().end()};
}

TEST(HomeScreenDamage, AnIdleScreenInvalidatesNothing) {
    const Scene scene = make_scene(1, false);
    EXPECT_TRUE(damage_between(*scene.layout, 1.0, 1.0 + kFrameSeconds).empty());
    EXPECT_TRUE(damage_between(*scene.layout, 1.0, 30.0).empty());
    GlyphCache cache;
    HomeScreenPainter painter(cache);
    // Nothing moves: the player may sleep until the clock's next minute.
    EXPECT_DOUBLE_EQ(painter.next_change_after(*scene.layout, 1.0, kNine.plus_seconds(1)), 60.0);
}

TEST(HomeScreenDamage, AMovingTickerInvalidatesOnlyItsOwnZone) {
    const Scene scene = make_scene(1, true);
    const auto damage = damage_between(*scene.layout, 1.0, 1.0 + kFrameSeconds);
    ASSERT_EQ(damage.size(), 1u);
    EXPECT_EQ(damage[0], scene.layout->geometry.ticker);
}

TEST(HomeScreenDamage, ACrossfadeInvalidatesOnlyTheBanner) {
    const Scene scene = make_scene(2, false);
    const double mid_fade = kDefaultBannerSeconds - kBannerFadeSeconds / 2;
    const auto damage = damage_between(*scene.layout, mid_fade, mid_fade + kFrameSeconds);
    ASSERT_EQ(damage.size(), 1u);
    EXPECT_EQ(damage[0], scene.layout->geometry.banner);
    EXPECT_TRUE(damage_between(*scene.layout, 2.0, 2.5).empty());  // Between fades: nothing.
}

TEST(HomeScreenDamage, TheNextMinuteInvalidatesTheHeader) {
    const Scene scene = make_scene(1, false);
    const auto damage = damage_between(*scene.layout, 59.5, 60.5);
    ASSERT_EQ(damage.size(), 1u);
    EXPECT_EQ(damage[0], scene.layout->geometry.header);
}

TEST(HomeScreenGeometry, TouchTargetsAreAtLeastNineMillimetres) {
    set_panel_width_mm(221);  // A 10" 16:9 panel: 1920 px over 221 mm.
    const Scene small = make_scene(1, false);
    set_panel_width_mm(1210);
    EXPECT_EQ(small.layout->geometry.min_target, 78);
    ASSERT_FALSE(small.layout->tiles.empty());
    for (const ChannelTile& tile : small.layout->tiles) {
        EXPECT_GE(tile.area.height, 78);
    }
    const Scene large = make_scene(1, false);
    EXPECT_EQ(large.layout->geometry.min_target, 48);  // Never below 48 px.
}

TEST(DamageList, MergesOverlapsAndCollapsesPastItsCapacity) {
    DamageList damage;
    damage.add(Rect{0, 0, 10, 10});
    damage.add(Rect{5, 5, 10, 10});
    ASSERT_EQ(damage.rects().size(), 1u);
    EXPECT_EQ(damage.rects()[0], (Rect{0, 0, 15, 15}));
    damage.clear();
    for (int i = 0; i < 20; ++i) {
        damage.add(Rect{i * 20, 0, 10, 10});
    }
    EXPECT_LE(damage.rects().size(), DamageList::kCapacity);
    long long covered = 0;
    for (const Rect& rect : damage.rects()) {
        covered += static_cast<long long>(rect.width) * rect.height;
    }
    EXPECT_GE(covered, 20 * 100);  // Every added pixel is still covered.
    damage.add(Rect{0, 0, 0, 5});
    EXPECT_LE(damage.rects().size(), DamageList::kCapacity);
}

TEST(ScreenLayout, RefusesZonesOutsideTheScreen) {
    const auto bad = parse_screen_layout(
        R"({"placard_layout": 1, "zones": {"header": [0, 0, 1, 0.1], "banner": [0, 0, 1, 0.1],
            "side": [0, 0, 0, 0], "excerpt": [0, 0, 1, 0.1], "ticker": [0.5, 0.9, 0.6, 0.1],
            "footer": [0, 0.9, 1, 0.1]}})",
        "layout.json");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message,
              "layout.json: zones.ticker: must lie within the screen (fractions 0..1)");
}

}  // namespace
}  // namespace placard
