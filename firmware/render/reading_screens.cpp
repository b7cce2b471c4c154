#include "render/reading_screens.hpp"

#include <algorithm>
#include <cmath>

#include "core/official_document.hpp"
#include "render/home_screen_style.hpp"
#include "render/text_painter.hpp"
#include "text/punctuation_normalizer.hpp"
#include "text/shaper.hpp"

namespace placard {
namespace {

int px(double value) {
    return static_cast<int>(std::lround(value));
}

TouchTarget target(Rect area, TouchTarget::Action action, std::string channel = {},
                   std::string article = {}, bool scrolls = false) {
    return TouchTarget{area, action, std::move(channel), std::move(article), scrolls};
}

constexpr Color kButton = 0xFFEFE4D2;
constexpr Color kButtonPressed = 0xFFD9C4A3;
constexpr Color kRule = 0xFFD8CCB8;
constexpr Color kScrollTrack = 0x22000000;
constexpr Color kScrollThumb = 0x88A4161A;

const Channel* find_channel(const Feed& feed, const std::string& id) {
    for (const Channel& channel : feed.channels) {
        if (channel.id == id) {
            return &channel;
        }
    }
    return nullptr;
}

Result<const FontChain*> chain(FontLibrary& fonts, FontRole role, float size, float unit) {
    return fonts.chain(role, std::max(8, px(size * unit)));
}

// The bars every reading screen has: the breadcrumb with a back button above, the navigation
// bar below, the scrolled viewport between. Buttons are at least 9 mm tall on a 55" panel and
// never under 64 px at 1080p.
struct Frame {
    ReadingScreenLayout layout;
    float unit;
    float margin;
    float column_x, column_width;
};

Result<Frame> frame(const HomeScreenGeometry& home, const std::string& channel_title,
                    FontLibrary& fonts) {
    Frame f;
    f.unit = home.unit;
    f.margin = home.margin;
    const int bar = std::max(px(72 * f.unit), home.min_target + px(16 * f.unit));
    ReadingScreenLayout& layout = f.layout;
    layout.breadcrumb_bar = Rect{0, home.header.bottom(), home.width, bar};
    const int nav_height = std::max(px(96 * f.unit), home.min_target + px(24 * f.unit));
    layout.nav_bar = Rect{0, home.height - nav_height, home.width, nav_height};
    layout.viewport = Rect{0, layout.breadcrumb_bar.bottom(), home.width,
                           layout.nav_bar.y - layout.breadcrumb_bar.bottom()};
    f.column_width = std::min(static_cast<float>(home.width) - 2 * f.margin, 1400 * f.unit);
    f.column_x = (static_cast<float>(home.width) - f.column_width) / 2;

    auto crumb = chain(fonts, FontRole::Body, 26, f.unit);
    auto button = chain(fonts, FontRole::Bold, 28, f.unit);
    if (!crumb || !button) {
        return (!crumb ? crumb : button).error();
    }
    // 您当前的位置：首页 > 组工文萃, with 首页 and the channel as targets.
    const std::string lead = "您当前的位置：";
    const std::string home_word = "首页";
    const std::string crumb_text = lead + home_word + " > " + channel_title;
    layout.breadcrumb =
        layout_paragraph(crumb_text, one_line_style(*crumb, static_cast<float>(home.width)));
    const float lead_width = measure_text(**crumb, lead);
    const float home_width = measure_text(**crumb, home_word);
    const float crumb_width =
        layout.breadcrumb.lines.empty() ? 0 : layout.breadcrumb.lines[0].width;
    const int bar_y = layout.breadcrumb_bar.y;
    layout.targets.push_back(
        target(Rect{px(f.column_x + lead_width) - 8, bar_y, px(home_width) + 16, bar},
               TouchTarget::Action::Home));
    const float channel_x = f.column_x + lead_width + home_width;
    layout.targets.push_back(
        target(Rect{px(channel_x), bar_y, px(crumb_width - lead_width - home_width) + 8, bar},
               TouchTarget::Action::OpenChannel));
    // 返回 at the bar's right end.
    ReadingScreenLayout::Button back;
    back.label = layout_paragraph("返回", one_line_style(*button, static_cast<float>(home.width)));
    const int back_width = px(160 * f.unit);
    back.target = target(Rect{px(f.column_x + f.column_width) - back_width, bar_y + px(8 * f.unit),
                              back_width, bar - px(16 * f.unit)},
                         TouchTarget::Action::Back);
    layout.buttons.push_back(std::move(back));
    return f;
}

}  // namespace

std::vector<const Article*> channel_articles(const Feed& feed, const std::string& channel) {
    std::vector<const Article*> list;
    for (const Article& article : feed.articles) {
        if (article.channel == channel) {
            list.push_back(&article);
        }
    }
    std::stable_sort(list.begin(), list.end(), [](const Article* a, const Article* b) {
        return a->published > b->published;
    });
    return list;
}

Result<std::unique_ptr<ReadingScreenLayout>> build_article_screen(const Feed& feed,
                                                                  const Article& article,
                                                                  const HomeScreenGeometry& home,
                                                                  FontLibrary& fonts) {
    const Channel* channel = find_channel(feed, article.channel);
    auto framed = frame(home, channel ? channel->title : article.channel, fonts);
    if (!framed) {
        return framed.error();
    }
    Frame& f = *framed;
    auto layout = std::make_unique<ReadingScreenLayout>(std::move(f.layout));
    layout->channel = article.channel;
    layout->article = article.id;
    for (TouchTarget& target : layout->targets) {
        target.channel = article.channel;
    }
    auto title = chain(fonts, FontRole::Bold, 44, f.unit);
    auto meta = chain(fonts, FontRole::Body, 24, f.unit);
    auto highlight = chain(fonts, FontRole::Body, 28, f.unit);
    auto body = chain(fonts, FontRole::Body, 32, f.unit);
    auto button = chain(fonts, FontRole::Body, 26, f.unit);
    for (const auto* loaded : {&title, &meta, &highlight, &body, &button}) {
        if (!*loaded) {
            return loaded->error();
        }
    }
    float y = 24 * f.unit;
    const auto add = [&](std::string_view text, ParagraphStyle style, Color color, float after) {
        style.language = article.language;
        LaidOutParagraph laid = layout_paragraph(normalize_ascii_punctuation(text), style);
        const float height = laid.height;
        layout->blocks.push_back(TextBlock{std::move(laid), y, color});
        y += height + after * f.unit;
    };
    ParagraphStyle title_style;
    title_style.fonts = *title;
    title_style.measure = f.column_width;
    title_style.line_height = 44 * f.unit * 1.4f;
    title_style.align = Align::Center;
    add(article.title, title_style, kInk, 8);
    std::string meta_text;
    for (const auto& [label, value] :
         {std::pair{"来源", &article.source}, std::pair{"作者", &article.author},
          std::pair{"时间", &article.published}}) {
        if (!value->empty()) {
            meta_text +=
                (meta_text.empty() ? "" : "\u3000\u3000") + std::string(label) + "：" + *value;
        }
    }
    ParagraphStyle meta_style = title_style;
    meta_style.fonts = *meta;
    meta_style.line_height = 24 * f.unit * 1.6f;
    add(meta_text, meta_style, kMetaGray, 24);
    const float bullet = measure_text(**highlight, "●", article.language);
    for (const std::string& text : article.highlights) {
        ParagraphStyle style;
        style.fonts = *highlight;
        style.measure = f.column_width;
        style.line_height = 28 * f.unit * 1.7f;
        style.continuation_indent = bullet;
        style.justify = Justify::Yes;
        add("●" + text, style, kPartyRed, 6);
    }
    y += 18 * f.unit;
    ParagraphStyle body_style;
    body_style.fonts = *body;
    body_style.measure = f.column_width;
    body_style.line_height = 32 * f.unit * 1.75f;
    body_style.first_line_indent = 2 * 32 * f.unit;
    body_style.justify = Justify::Yes;
    // A 公文's salutation flush left, its signature and date flush right (GB/T 9704).
    ParagraphStyle salutation_style = body_style;
    salutation_style.first_line_indent = 0;
    ParagraphStyle closing_style = salutation_style;
    closing_style.align = Align::End;
    closing_style.justify = Justify::No;
    const std::vector<BodyLineRole> roles = body_line_roles(article.body);
    for (std::size_t i = 0; i < article.body.size(); ++i) {
        const ParagraphStyle& style = roles[i] == BodyLineRole::Salutation ? salutation_style
                                      : roles[i] == BodyLineRole::Prose    ? body_style
                                                                           : closing_style;
        add(article.body[i], style, kInk, 0);
    }
    if (!article.note.empty()) {
        ParagraphStyle note_style = body_style;
        note_style.first_line_indent = 0;
        note_style.align = Align::Center;
        note_style.justify = Justify::No;
        add(article.note, note_style, kMetaGray, 0);
    }
    if (!article.source.empty()) {
        ParagraphStyle source_style = body_style;
        source_style.fonts = *meta;
        source_style.first_line_indent = 0;
        source_style.justify = Justify::No;
        add("来源：" + article.source, source_style, kMetaGray, 0);
    }
    layout->content_height = y + 48 * f.unit;

    // 上篇 / 下篇 in the channel's order, newest first.
    const auto list = channel_articles(feed, article.channel);
    const auto here = std::find(list.begin(), list.end(), &article);
    const float half = f.column_width / 2 - 12 * f.unit;
    const int bar_y = layout->nav_bar.y + px(12 * f.unit);
    const int bar_height = layout->nav_bar.height - px(24 * f.unit);
    const auto add_link = [&](const char* label, const Article* other, float x) {
        ReadingScreenLayout::Button link;
        const std::string text = std::string(label) + (other ? other->title : "无");
        link.label = layout_paragraph(normalize_ascii_punctuation(text),
                                      one_line_style(*button, half - 32 * f.unit));
        link.target =
            target(Rect{px(x), bar_y, px(half), bar_height}, TouchTarget::Action::OpenArticle,
                   article.channel, other ? other->id : std::string());
        layout->buttons.push_back(std::move(link));
    };
    if (here != list.end()) {
        add_link("上篇：", here == list.begin() ? nullptr : *(here - 1), f.column_x);
        add_link("下篇：", here + 1 == list.end() ? nullptr : *(here + 1),
                 f.column_x + f.column_width - half);
    }
    for (const auto& button_item : layout->buttons) {
        if (button_item.target.action != TouchTarget::Action::OpenArticle ||
            !button_item.target.article.empty()) {
            layout->targets.push_back(button_item.target);
        }
    }
    return layout;
}

Result<std::unique_ptr<ReadingScreenLayout>> build_channel_screen(const Feed& feed,
                                                                  const Channel& channel,
                                                                  const HomeScreenGeometry& home,
                                                                  FontLibrary& fonts) {
    auto framed = frame(home, channel.title, fonts);
    if (!framed) {
        return framed.error();
    }
    Frame& f = *framed;
    auto layout = std::make_unique<ReadingScreenLayout>(std::move(f.layout));
    layout->channel = channel.id;
    for (TouchTarget& target : layout->targets) {
        target.channel = channel.id;
    }
    layout->targets.push_back(layout->buttons.front().target);
    auto title = chain(fonts, FontRole::Bold, 32, f.unit);
    auto date = chain(fonts, FontRole::Body, 26, f.unit);
    if (!title || !date) {
        return (!title ? title : date).error();
    }
    const float row = std::max({96.0f * f.unit, 64.0f, static_cast<float>(home.min_target)});
    float y = 12 * f.unit;
    const float date_width = 200 * f.unit;
    for (const Article* article : channel_articles(feed, channel.id)) {
        ParagraphStyle title_style =
            one_line_style(*title, f.column_width - date_width - 24 * f.unit);
        LaidOutParagraph heading =
            layout_paragraph(normalize_ascii_punctuation(article->title), title_style);
        const float heading_y = y + (row - heading.height) / 2;
        layout->blocks.push_back(TextBlock{std::move(heading), heading_y, kInk});
        LaidOutParagraph when =
            layout_paragraph(article->published, one_line_style(*date, date_width, Align::Center));
        const float when_y = y + (row - when.height) / 2;
        // Dates sit at the right end of the column.
        TextBlock date_block{std::move(when), when_y, kMetaGray, f.column_width - date_width};
        layout->blocks.push_back(std::move(date_block));
        layout->targets.push_back(target(Rect{px(f.column_x), px(y), px(f.column_width), px(row)},
                                         TouchTarget::Action::OpenArticle, channel.id, article->id,
                                         true));
        y += row;
        layout->rules.push_back(Rect{px(f.column_x), px(y) - 1, px(f.column_width), 1});
    }
    layout->content_height = y + 24 * f.unit;
    return layout;
}

Result<std::unique_ptr<ReadingScreenLayout>> build_reading_screen(const Feed& feed,
                                                                  const std::string& key,
                                                                  const HomeScreenGeometry& home,
                                                                  FontLibrary& fonts) {
    const std::string id = key.size() > 2 ? key.substr(2) : std::string();
    if (key.starts_with("a:")) {
        if (const Article* article = feed.find_article(id)) {
            return build_article_screen(feed, *article, home, fonts);
        }
    } else if (key.starts_with("c:")) {
        for (const Channel& channel : feed.channels) {
            if (channel.id == id) {
                return build_channel_screen(feed, channel, home, fonts);
            }
        }
    }
    return make_error("feed.json: no article or channel for the screen \"" + key + "\"");
}

namespace {
std::size_t paragraph_bytes(const LaidOutParagraph& paragraph) {
    std::size_t bytes = sizeof(paragraph);
    for (const LaidOutLine& line : paragraph.lines) {
        bytes +=
            sizeof(line) + line.text.capacity() + line.glyphs.capacity() * sizeof(PositionedGlyph);
    }
    return bytes + paragraph.missing.capacity() * sizeof(char32_t);
}
}  // namespace

void for_each_glyph(const ReadingScreenLayout& screen,
                    const std::function<void(const PositionedGlyph&)>& visit) {
    const auto paragraph = [&](const LaidOutParagraph& text) {
        for (const LaidOutLine& line : text.lines) {
            for (const PositionedGlyph& glyph : line.glyphs) {
                visit(glyph);
            }
        }
    };
    paragraph(screen.breadcrumb);
    for (const auto& button : screen.buttons) {
        paragraph(button.label);
    }
    for (const TextBlock& block : screen.blocks) {
        paragraph(block.text);
    }
}

std::size_t approximate_bytes(const ReadingScreenLayout& screen) {
    std::size_t bytes = sizeof(screen) + paragraph_bytes(screen.breadcrumb) +
                        screen.rules.capacity() * sizeof(Rect) +
                        screen.targets.capacity() * sizeof(TouchTarget);
    for (const TextBlock& block : screen.blocks) {
        bytes += paragraph_bytes(block.text);
    }
    for (const auto& button : screen.buttons) {
        bytes += sizeof(button) + paragraph_bytes(button.label);
    }
    return bytes;
}

Rect scroll_bar_area(const ReadingScreenLayout& screen, const HomeScreenGeometry& home) {
    return Rect{screen.viewport.right() - px(14 * home.unit), screen.viewport.y, px(6 * home.unit),
                screen.viewport.height};
}

void draw_reading_screen(Canvas& canvas, GlyphCache& cache, HomeScreenPainter& header,
                         const HomeScreenLayout& home, const ReadingScreenLayout& screen,
                         float scroll, const TouchTarget* pressed, WallTime now, const Rect& area) {
    const HomeScreenGeometry& g = home.geometry;
    canvas.set_clip(area);
    canvas.fill(area, kPaper);
    if (!g.header.intersect(area).empty()) {
        header.draw_header_zone(canvas, home, now, area);
    }
    const float column_x = (static_cast<float>(g.width) -
                            std::min(static_cast<float>(g.width) - 2 * g.margin, 1400 * g.unit)) /
                           2;
    const auto is_pressed = [&](const TouchTarget& target) {
        return pressed && pressed->area == target.area && pressed->action == target.action;
    };
    // Scrolled content, clipped to the viewport.
    const Rect viewport = screen.viewport.intersect(area);
    if (!viewport.empty()) {
        canvas.set_clip(viewport);
        const float top = static_cast<float>(screen.viewport.y) - scroll;
        for (const TouchTarget& target : screen.targets) {
            if (target.scrolls && is_pressed(target)) {
                canvas.fill(Rect{target.area.x, px(top) + target.area.y, target.area.width,
                                 target.area.height},
                            kButtonPressed);
            }
        }
        for (const Rect& rule : screen.rules) {
            canvas.fill(Rect{rule.x, px(top) + rule.y, rule.width, rule.height}, kRule);
        }
        for (const TextBlock& block : screen.blocks) {
            draw_paragraph(canvas, cache, block.text, column_x + block.x, top + block.y,
                           block.color);
        }
        // Where the visitor is: a thin bar at the right, the thumb's share the visible share.
        if (screen.content_height > static_cast<float>(screen.viewport.height)) {
            const int track_x = scroll_bar_area(screen, g).x;
            const int track_height = screen.viewport.height - px(16 * g.unit);
            const float shown = static_cast<float>(screen.viewport.height) / screen.content_height;
            const float position = std::clamp(scroll / screen.content_height, 0.0f, 1.0f - shown);
            canvas.fill(
                Rect{track_x, screen.viewport.y + px(8 * g.unit), px(6 * g.unit), track_height},
                kScrollTrack);
            canvas.fill(
                Rect{track_x,
                     screen.viewport.y + px(8 * g.unit) +
                         px(position * static_cast<float>(track_height)),
                     px(6 * g.unit),
                     std::max(px(24 * g.unit), px(shown * static_cast<float>(track_height)))},
                kScrollThumb);
        }
    }
    // The bars on top.
    canvas.set_clip(area);
    canvas.fill(screen.breadcrumb_bar, kHeaderBackground);
    canvas.fill(Rect{0, screen.breadcrumb_bar.bottom() - 1, g.width, 1}, kRule);
    for (const TouchTarget& target : screen.targets) {
        if (!target.scrolls && target.action != TouchTarget::Action::Back &&
            target.action != TouchTarget::Action::OpenArticle && is_pressed(target)) {
            canvas.fill(target.area, kButtonPressed);
        }
    }
    draw_paragraph(
        canvas, cache, screen.breadcrumb, column_x,
        static_cast<float>(screen.breadcrumb_bar.y) +
            (static_cast<float>(screen.breadcrumb_bar.height) - screen.breadcrumb.height) / 2,
        kMetaGray);
    canvas.fill(screen.nav_bar, kHeaderBackground);
    canvas.fill(Rect{0, screen.nav_bar.y, g.width, 1}, kRule);
    for (const auto& button : screen.buttons) {
        const bool active = button.target.action != TouchTarget::Action::OpenArticle ||
                            !button.target.article.empty();
        canvas.fill(button.target.area, is_pressed(button.target) ? kButtonPressed : kButton);
        const Rect& box = button.target.area;
        const float label_width = button.label.lines.empty() ? 0 : button.label.lines[0].width;
        draw_paragraph(
            canvas, cache, button.label,
            static_cast<float>(box.x) + (static_cast<float>(box.width) - label_width) / 2,
            static_cast<float>(box.y) + (static_cast<float>(box.height) - button.label.height) / 2,
            active ? kPartyRed : kMetaGray);
    }
    canvas.reset_clip();
}

std::vector<TouchTarget> home_targets(const Feed& feed, const HomeScreenLayout& layout,
                                      const FrameState& state) {
    std::vector<TouchTarget> targets;
    const HomeScreenGeometry& g = layout.geometry;
    for (const auto& tile : layout.tiles) {
        targets.push_back(target(tile.area, TouchTarget::Action::OpenChannel, tile.channel));
    }
    if (state.banner >= 0 && !layout.banners[state.banner].article.empty()) {
        const Article* article = feed.find_article(layout.banners[state.banner].article);
        if (article) {
            targets.push_back(
                target(g.banner, TouchTarget::Action::OpenArticle, article->channel, article->id));
        }
    }
    if (state.page >= 0 && state.page < static_cast<int>(layout.page_articles.size())) {
        const Article* article = feed.find_article(layout.page_articles[state.page]);
        if (article) {
            targets.push_back(
                target(g.excerpt, TouchTarget::Action::OpenArticle, article->channel, article->id));
        }
    }
    return targets;
}

}  // namespace placard
