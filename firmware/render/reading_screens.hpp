// The screens a visitor reaches by touch: one channel's list of articles (newest first, with
// dates) and a whole article (breadcrumb 您当前的位置：首页 > 组工文萃, title, meta line,
// highlights, full body, note and origin, 上篇 / 下篇, back), each scrolled by dragging, with a
// visible scroll position. Laid out ahead by the player's reading-screen cache (a worker
// thread), or when opened if the cache has not got to it.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/content_model.hpp"
#include "core/result.hpp"
#include "render/home_screen.hpp"

namespace placard {

// Something a tap can hit, and what it does.
struct TouchTarget {
    enum class Action { OpenArticle, OpenChannel, Home, Back };
    Rect area;
    Action action = Action::Home;
    std::string channel;
    std::string article;
    // Targets in scrolled content move with it.
    bool scrolls = false;
};

struct ReadingScreenLayout {
    Rect breadcrumb_bar, viewport, nav_bar;
    LaidOutParagraph breadcrumb;
    std::vector<TextBlock> blocks;  // y from the top of the scrolled content.
    std::vector<Rect> rules;        // Separator lines, in content coordinates.
    float content_height = 0;
    struct Button {
        TouchTarget target;
        LaidOutParagraph label;
    };
    std::vector<Button> buttons;  // Back, 上篇, 下篇; list rows have targets only.
    std::vector<TouchTarget> targets;
    std::string channel, article;
    float scroll_limit() const {
        return std::max(0.0f, content_height - static_cast<float>(viewport.height));
    }
};

// The channel's articles, newest first (by `published`, then feed order).
std::vector<const Article*> channel_articles(const Feed& feed, const std::string& channel);

Result<std::unique_ptr<ReadingScreenLayout>> build_article_screen(const Feed& feed,
                                                                  const Article& article,
                                                                  const HomeScreenGeometry& home,
                                                                  FontLibrary& fonts);
Result<std::unique_ptr<ReadingScreenLayout>> build_channel_screen(const Feed& feed,
                                                                  const Channel& channel,
                                                                  const HomeScreenGeometry& home,
                                                                  FontLibrary& fonts);

// The screen named `key` ("a:ID" an article, "c:ID" a channel's list); an error naming the key
// when the feed has no such article or channel.
Result<std::unique_ptr<ReadingScreenLayout>> build_reading_screen(const Feed& feed,
                                                                  const std::string& key,
                                                                  const HomeScreenGeometry& home,
                                                                  FontLibrary& fonts);

// Calls `visit` for every glyph the screen draws, top to bottom (the breadcrumb, the buttons,
// then the scrolled text): what a worker rasterizes ahead of a visitor opening it.
void for_each_glyph(const ReadingScreenLayout& screen,
                    const std::function<void(const PositionedGlyph&)>& visit);

// About how much memory a laid-out screen holds (its glyphs, lines and texts), for a cache's
// byte budget.
std::size_t approximate_bytes(const ReadingScreenLayout& screen);

// The column of the viewport where the scroll bar is drawn (fixed on screen while the text
// under it moves): what a scroll must repaint besides the rows that come into view.
Rect scroll_bar_area(const ReadingScreenLayout& screen, const HomeScreenGeometry& home);

// Draws `area` of a reading screen scrolled to `scroll`, with `pressed` (or null) shown pressed.
void draw_reading_screen(Canvas& canvas, GlyphCache& cache, HomeScreenPainter& header,
                         const HomeScreenLayout& home, const ReadingScreenLayout& screen,
                         float scroll, const TouchTarget* pressed, WallTime now, const Rect& area);

// Home screen targets: the banner and the excerpt open their article; channel tiles.
std::vector<TouchTarget> home_targets(const Feed& feed, const HomeScreenLayout& layout,
                                      const FrameState& state);

}  // namespace placard
