// The retained scene's damage: only what changes is invalidated, an idle screen nothing.
#include <gtest/gtest.h>

#include <algorithm>
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

// A feed with `banners` main banners, one article, and a ticker when asked (`ticker_items`, or
// one item).
Scene make_scene(int banners, bool ticker, std::vector<TickerItem> ticker_items = {}) {
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
        scene.feed.ticker = ticker_items.empty()
                                ? std::vector<TickerItem>{{"党支部是党的组织基础", nullptr, {}}}
                                : std::move(ticker_items);
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

// A ticker item with a schedule scrolls by only while it plays (issue 14): the line is set again
// when the set of playing items changes, which damages the ticker; within a set, it is not set
// again (the same line, the same period). When nothing plays the band is empty and still.
TEST(HomeScreenDamage, AScheduledTickerItemScrollsByOnlyWhileItPlays) {
    const auto calendar = std::make_shared<OfficeCalendar>();
    Schedule mornings;  // Working days, 09:00 to 12:00.
    mornings.windows = {WeeklyWindow{DaySet{DaySet::Kind::WorkingDays}, 9 * 60, 12 * 60}};
    const Scene scene =
        make_scene(1, true,
                   {{"党支部是党的组织基础", nullptr, {}},
                    {"上午九时至十二时办理党员组织关系转接",
                     std::make_shared<ItemSchedule>(ItemSchedule{mornings, calendar}),
                     {}}});
    const HomeScreenLayout& layout = *scene.layout;
    ASSERT_EQ(layout.ticker_items.size(), 2u);
    const WallTime wednesday_ten = *parse_rfc3339("2026-11-25T10:00:00+08:00");
    const WallTime wednesday_one = *parse_rfc3339("2026-11-25T13:00:00+08:00");
    const WallTime saturday_ten = *parse_rfc3339("2026-11-28T10:00:00+08:00");
    ScheduledTicker ticker;
    ticker.update(layout, wednesday_ten);
    const float both = ticker.period();
    const unsigned first = ticker.generation();
    EXPECT_FLOAT_EQ(both, layout.ticker_period);  // Both items: the whole line.
    ticker.update(layout, wednesday_ten.plus_seconds(3600));
    EXPECT_EQ(ticker.generation(), first);  // The same items: not set again.
    ticker.update(layout, wednesday_one);
    EXPECT_NE(ticker.generation(), first);
    EXPECT_LT(ticker.period(), both);
    EXPECT_GT(ticker.period(), 0);
    ticker.update(layout, saturday_ten);  // Not a working day.
    EXPECT_LT(ticker.period(), both);

    // Through the painter: the change of line damages the ticker's zone.
    GlyphCache cache;
    HomeScreenPainter painter(cache);
    const FrameState at_ten = painter.state_at(layout, 5, wednesday_ten);
    const FrameState at_one = painter.state_at(layout, 5, wednesday_one);
    EXPECT_NE(at_ten.ticker_line, at_one.ticker_line);
    DamageList damage;
    painter.damage_between(layout, at_ten, at_one, damage);
    const std::vector<Rect> rects(damage.rects().begin(), damage.rects().end());
    EXPECT_NE(std::find(rects.begin(), rects.end(), layout.geometry.ticker), rects.end());

    // Only a scheduled item, outside its hours: nothing scrolls, nothing moves.
    const Scene lone =
        make_scene(1, true,
                   {{"上午九时至十二时办理党员组织关系转接",
                     std::make_shared<ItemSchedule>(ItemSchedule{mornings, calendar}),
                     {}}});
    ticker.update(*lone.layout, wednesday_one);
    EXPECT_EQ(ticker.period(), 0);
    HomeScreenPainter idle(cache);
    EXPECT_DOUBLE_EQ(idle.next_change_after(*lone.layout, 1.0, wednesday_one.plus_seconds(1)),
                     60.0);
}

// The side slot shows the first two side banners that play (issue 14): a weekday banner gives
// way at the weekend to the one after the pair, which moves up a place; the change damages the
// slot. A banner outside its from/until is not shown either.
TEST(HomeScreenDamage, TheSideSlotShowsTheFirstTwoThatPlay) {
    Scene scene = make_scene(1, false);
    Schedule weekdays;
    weekdays.windows = {WeeklyWindow{DaySet{DaySet::Kind::DaysOfWeek, 0x3E}, 0, 24 * 60}};
    for (int i = 0; i < 3; ++i) {
        Banner side;
        side.id = "s" + std::to_string(i);
        side.slot = Banner::Slot::Side;
        side.image = "media/s" + std::to_string(i) + ".png";
        if (i == 0) {
            side.schedule = std::make_shared<ItemSchedule>(
                ItemSchedule{weekdays, std::make_shared<OfficeCalendar>()});
        }
        scene.feed.banners.push_back(side);
        scene.images[side.image] = Image{4, 2, std::vector<std::uint32_t>(8, 0xFF0000FFu)};
    }
    auto built =
        build_home_screen(scene.feed, scene.images, landscape(), testing::test_fonts(), 1920, 1080);
    ASSERT_TRUE(built) << built.error().message;
    const HomeScreenLayout& layout = **built;
    ASSERT_EQ(layout.side_banners.size(), 3u);
    GlyphCache cache;
    HomeScreenPainter painter(cache);
    const WallTime wednesday = *parse_rfc3339("2026-11-25T10:00:00+08:00");
    const WallTime saturday = *parse_rfc3339("2026-11-28T10:00:00+08:00");
    const FrameState weekday_state = painter.state_at(layout, 1, wednesday);
    EXPECT_EQ(weekday_state.side_first, 0);
    EXPECT_EQ(weekday_state.side_second, 1);
    const FrameState weekend_state = painter.state_at(layout, 1, saturday);
    EXPECT_EQ(weekend_state.side_first, 1);
    EXPECT_EQ(weekend_state.side_second, 2);
    DamageList damage;
    painter.damage_between(layout, weekday_state, weekend_state, damage);
    const std::vector<Rect> rects(damage.rects().begin(), damage.rects().end());
    EXPECT_NE(std::find(rects.begin(), rects.end(), layout.geometry.side), rects.end());

    // s1 only until Friday: at the weekend s2 alone is shown, in the first place.
    scene.feed.banners[2].until = *parse_rfc3339("2026-11-28T00:00:00+08:00");
    auto until_friday =
        build_home_screen(scene.feed, scene.images, landscape(), testing::test_fonts(), 1920, 1080);
    ASSERT_TRUE(until_friday);
    const FrameState later = painter.state_at(**until_friday, 1, saturday);
    EXPECT_EQ(later.side_first, 2);
    EXPECT_EQ(later.side_second, -1);
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

// A header too small for its tiles grows on the usual stack only (issue 17): the zones under it
// move down, the lowest gives up the height. A bundle's own arrangement stays as it is.
TEST(HomeScreenGeometry, ASmallHeaderGrowsOnlyOnTheUsualStack) {
    const HomeScreenGeometry usual = HomeScreenGeometry::from(landscape(), 800, 480);
    EXPECT_GE(usual.header.height, channel_tile_height(usual));
    EXPECT_GE(usual.banner.y, usual.header.bottom());
    EXPECT_LE(usual.excerpt.bottom(), usual.ticker.y);
    EXPECT_LE(usual.side.bottom(), usual.ticker.y);
    // The ticker right under the header: growing would cover it.
    ScreenLayout ticker_first = landscape();
    ticker_first.ticker = {0, 0.0833, 1, 0.05};
    ticker_first.banner.y = 0.14;
    const HomeScreenGeometry kept = HomeScreenGeometry::from(ticker_first, 800, 480);
    EXPECT_EQ(kept.header.height, 40);
    EXPECT_EQ(kept.ticker.y, kept.header.bottom());
    // The header at the foot: it stays there, inside the screen.
    ScreenLayout header_last = landscape();
    header_last.header = {0, 0.89, 1, 0.0833};
    EXPECT_LE(HomeScreenGeometry::from(header_last, 800, 480).header.bottom(), 480);
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
