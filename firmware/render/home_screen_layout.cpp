// Building the home screen's layout: images scaled to their zones, every text laid out.
#include <algorithm>
#include <atomic>
#include <cmath>

#include "render/home_screen.hpp"
#include "render/home_screen_style.hpp"
#include "render/image_file.hpp"
#include "text/punctuation_normalizer.hpp"
#include "text/shaper.hpp"

namespace placard {
namespace {

int px(double value) {
    return static_cast<int>(std::lround(value));
}

Rect zone_rect(const ZoneFraction& zone, int width, int height) {
    const int x = px(zone.x * width), y = px(zone.y * height);
    return Rect{x, y, px((zone.x + zone.width) * width) - x,
                px((zone.y + zone.height) * height) - y};
}

// The seed page's meta line, with full-width colons and ideographic spaces between fields.
std::string meta_line(const Article& article) {
    std::string meta;
    const auto add = [&](const char* label, const std::string& value) {
        if (value.empty()) {
            return;
        }
        if (!meta.empty()) {
            meta += "\u3000\u3000";
        }
        meta += label;
        meta += "：";
        meta += value;
    };
    add("来源", article.source);
    add("作者", article.author);
    add("时间", article.published);
    return meta;
}

// Sets every text of the screen: ASCII punctuation between Chinese characters shown full width,
// characters no font has collected for the log.
class TextSetter {
  public:
    explicit TextSetter(std::vector<char32_t>& missing) : missing_(missing) {}

    LaidOutParagraph set(std::string_view text, const ParagraphStyle& style) {
        LaidOutParagraph laid = layout_paragraph(normalize_ascii_punctuation(text), style);
        for (const char32_t c : laid.missing) {
            if (std::find(missing_.begin(), missing_.end(), c) == missing_.end()) {
                missing_.push_back(c);
            }
        }
        return laid;
    }
    LaidOutParagraph line(const FontChain* fonts, std::string_view text, float measure,
                          Align align = Align::Start) {
        return set(text, one_line_style(fonts, measure, align));
    }

  private:
    std::vector<char32_t>& missing_;
};

ExcerptPage lay_out_excerpt(TextSetter& setter, const Article& article, const Rect& zone,
                            float unit, const HomeScreenFonts& fonts) {
    ExcerptPage page;
    const float measure = static_cast<float>(zone.width);
    const float bottom = static_cast<float>(zone.height);
    float y = 0;
    const auto add = [&](LaidOutParagraph text, Color color, float space_after) {
        const float block_height = text.height;
        page.blocks.push_back({std::move(text), y, color});
        y += block_height + space_after * unit;
    };
    add(setter.line(fonts.heading, article.title, measure), kInk, 2);
    add(setter.line(fonts.meta, meta_line(article), measure), kMetaGray, 10);
    // Highlights hang their bullet: continuation lines align with the text after ●
    // (TYPOGRAPHY.md, "Paragraphs and page").
    const float bullet = measure_text(*fonts.highlight, "●", article.language);
    for (const std::string& highlight : article.highlights) {
        ParagraphStyle style;
        style.fonts = fonts.highlight;
        style.language = article.language;
        style.measure = measure;
        style.line_height = 26 * unit * 1.6f;
        style.continuation_indent = bullet;
        style.justify = Justify::Yes;
        style.max_lines = 2;
        LaidOutParagraph text = setter.set("●" + highlight, style);
        if (y + text.height > bottom) {
            break;
        }
        add(std::move(text), kPartyRed, 0);
    }
    y += 8 * unit;
    // Body: justified, first line indented 2 em, cut to the lines that fit, ending in …….
    const float body_line = 28 * unit * 1.6f;
    for (std::size_t i = 0; i < article.body.size(); ++i) {
        const auto lines_left = static_cast<std::size_t>(std::max(0.0f, (bottom - y) / body_line));
        if (lines_left == 0) {
            break;
        }
        ParagraphStyle style;
        style.fonts = fonts.body;
        style.language = article.language;
        style.measure = measure;
        style.line_height = body_line;
        style.first_line_indent = 2 * fonts.body->primary().metrics().em;
        style.justify = Justify::Yes;
        style.max_lines = lines_left;
        LaidOutParagraph text = setter.set(article.body[i], style);
        const bool more_follows = i + 1 < article.body.size();
        if (!text.cut && more_follows && text.lines.size() == lines_left) {
            style.ellipsis = Ellipsis::Always;  // The zone is full: say that the text goes on.
            text = setter.set(article.body[i], style);
        }
        const bool stop = text.cut;
        add(std::move(text), kInk, 0);
        if (stop) {
            break;
        }
    }
    return page;
}

}  // namespace

ParagraphStyle one_line_style(const FontChain* fonts, float measure, Align align) {
    ParagraphStyle style;
    style.fonts = fonts;
    style.measure = measure;
    style.line_height = fonts->primary().metrics().em * 1.4f;
    style.align = align;
    style.max_lines = 1;
    return style;
}

namespace {
std::atomic<double> panel_width_mm{1210};
}  // namespace

void set_panel_width_mm(double millimetres) {
    if (millimetres > 10) {
        panel_width_mm = millimetres;
    }
}

HomeScreenGeometry HomeScreenGeometry::from(const ScreenLayout& layout, int width, int height) {
    HomeScreenGeometry g;
    g.width = width;
    g.height = height;
    g.unit = static_cast<float>(std::min(width, height)) / 1080.0f;
    g.margin = 60 * g.unit;
    // 9 mm, the least a fingertip hits reliably (ISO 9241-9 uses 9.6 mm), in this panel's pixels.
    g.min_target = std::max(48, px(9.0 * width / panel_width_mm.load()));
    g.header = zone_rect(layout.header, width, height);
    g.banner = zone_rect(layout.banner, width, height);
    g.side = zone_rect(layout.side, width, height);
    g.excerpt = zone_rect(layout.excerpt, width, height);
    g.ticker = zone_rect(layout.ticker, width, height);
    g.footer = zone_rect(layout.footer, width, height);
    // The header holds the channel tiles, the visitors' way into the channels, at least
    // min_target tall: beside the site name, or on a tall screen under it (a narrow one has no
    // room beside it). Where the layout's fraction of a small panel is less (40 px on an
    // 800 × 480 one, for 48 px tiles), the header grows and what lies under it moves down, the
    // lowest of it (the excerpt, and the side zone beside it) giving up the height.
    const int needed = width < height ? header_tile_row_height(g) + header_title_line_height(g)
                                      : channel_tile_height(g) + px(16 * g.unit);
    if (!g.header.empty() && g.header.height < needed) {
        const int extra = needed - g.header.height;
        const int below = g.header.bottom();
        std::vector<Rect*> middle;  // Banner, side, excerpt: between the header and the ticker.
        for (Rect* zone : {&g.banner, &g.side, &g.excerpt}) {
            if (!zone->empty()) {
                middle.push_back(zone);
            }
        }
        int lowest = below;
        for (const Rect* zone : middle) {
            lowest = std::max(lowest, zone->bottom());
        }
        const auto at_the_foot = [&](const Rect& zone) { return zone.bottom() >= lowest - 2; };
        // Only the usual stack (a bundle's layout.json may place zones otherwise): the header
        // on top, the middle zones under it, ticker and footer under them, and the lowest able to
        // give up the height and keep half of its own. Any other arrangement stays as it is.
        bool usual = g.header.y == 0;
        for (const Rect* zone : middle) {
            usual = usual && zone->y >= below - 2 &&
                    (!at_the_foot(*zone) || zone->height - extra >= zone->height / 2);
        }
        for (const Rect* zone : {&g.ticker, &g.footer}) {
            usual = usual && (zone->empty() || zone->y >= lowest - 2);
        }
        if (usual) {
            g.header.height = needed;
            for (Rect* zone : middle) {
                const bool shrinks = at_the_foot(*zone);
                zone->y += extra;
                if (shrinks) {
                    zone->height -= extra;
                }
            }
        }
    }
    return g;
}

int channel_tile_height(const HomeScreenGeometry& g) {
    return std::max(g.min_target, std::max(48, px(60 * g.unit)));
}

int header_tile_row_height(const HomeScreenGeometry& g) {
    return channel_tile_height(g) + px(24 * g.unit);
}

int header_title_line_height(const HomeScreenGeometry& g) {
    return px(44 * g.unit * 1.4f);  // The site name's 44-unit line, and room around it.
}

// The header: logo, site name, channel tiles, date and clock.
void lay_out_header(HomeScreenLayout& layout, const Feed& feed, const DecodedImages& images,
                    const HomeScreenFonts& fonts, TextSetter& setter) {
    const HomeScreenGeometry& g = layout.geometry;
    // Channel tiles: touch targets at least 9 mm tall on a 55" panel (56 px at 1080p) and never
    // under 48 px. A header zone tall enough for two rows of them (portrait layouts) puts the
    // tiles on a row of their own under the site name, date and clock; otherwise they follow
    // the site name on the one row.
    const int tile_height =
        std::max(g.min_target, std::min(g.header.height - px(16 * g.unit), channel_tile_height(g)));
    const int tile_row_height = tile_height + px(24 * g.unit);
    const float full_width = static_cast<float>(g.width);
    layout.site_name = setter.line(fonts.title, feed.site.name, full_width * 0.6f);
    // The logo as tall as the title row allows; where the site name ends.
    const auto lay_out_title = [&](int row_height) {
        layout.logo = {};
        const int inner = row_height - px(20 * g.unit);
        if (const auto logo = images.find(feed.site.logo); logo != images.end() && inner > 0) {
            layout.logo = scale_to_fit(logo->second, inner * 4, inner);
            mark_opacity(layout.logo);
        }
        return g.margin +
               (layout.logo.width > 0 ? static_cast<float>(layout.logo.width) + 20 * g.unit : 0) +
               first_line_width(layout.site_name);
    };
    // The date and clock sit at the right of the title row, measured at their widest (the
    // clock at "00:00", the date with two-digit month and day): tiles on the same row end
    // before them (the portrait reference once had the tiles drawn over both).
    LocalTime widest;
    widest.date = CivilDate{2026, 12, 28};
    widest.weekday = 3;
    const float clock_start =
        full_width - g.margin - first_line_width(setter.line(fonts.clock, "00:00", full_width));
    const float date_start =
        clock_start - 28 * g.unit -
        first_line_width(setter.line(fonts.date, format_chinese_date(widest), full_width));
    const float clock_gap = 32 * g.unit;
    std::vector<ChannelTile> tiles;
    float tiles_width = 0;
    for (const Channel& channel : feed.channels) {
        ChannelTile tile;
        tile.channel = channel.id;
        tile.label = setter.line(fonts.caption, channel.title, full_width);
        tiles_width +=
            (tiles.empty() ? 0 : 16 * g.unit) + first_line_width(tile.label) + 48 * g.unit;
        tiles.push_back(std::move(tile));
    }
    bool two_rows = g.header.height >= 2 * tile_row_height;
    float name_end = lay_out_title(g.header.height);
    // Two rows as well when the tiles do not fit beside the site name, date and clock but the
    // header still holds the site name's line above a row of them (a 720 × 1280 panel dropped
    // its tiles, and with them the visitors' way into the channels).
    if (!two_rows && name_end + 48 * g.unit + tiles_width > date_start - clock_gap &&
        g.header.height >= tile_row_height + header_title_line_height(g)) {
        two_rows = true;
    }
    Rect& title_row = layout.title_row;
    title_row = g.header;
    if (two_rows) {
        title_row.height = g.header.height - tile_row_height;
        name_end = lay_out_title(title_row.height);
    }
    float tile_x = two_rows ? g.margin : name_end + 48 * g.unit;
    const float tiles_end = two_rows ? full_width - g.margin : date_start - clock_gap;
    // The date yields when the site name leaves it no room (a long name on a narrow screen).
    layout.show_date = date_start - clock_gap >= name_end;
    const int tile_y =
        two_rows ? title_row.bottom() + (tile_row_height - tile_height) / 2 - px(4 * g.unit)
                 : g.header.y + (g.header.height - tile_height) / 2 - px(2 * g.unit);
    for (ChannelTile& tile : tiles) {
        const float tile_width = first_line_width(tile.label) + 48 * g.unit;
        if (tile_x + tile_width > tiles_end || g.header.empty()) {
            break;  // No room for more in the header.
        }
        tile.area = Rect{px(tile_x), tile_y, px(tile_width), tile_height};
        tile_x += tile_width + 16 * g.unit;
        layout.tiles.push_back(std::move(tile));
    }
}

Result<std::shared_ptr<const HomeScreenLayout>> build_home_screen(const Feed& feed,
                                                                  const DecodedImages& images,
                                                                  const ScreenLayout& screen,
                                                                  FontLibrary& font_library,
                                                                  int width, int height) {
    auto layout = std::make_shared<HomeScreenLayout>();
    static std::atomic<std::uint64_t> serials{0};
    layout->serial = ++serials;
    HomeScreenGeometry& g = layout->geometry;
    g = HomeScreenGeometry::from(screen, width, height);
    auto fonts = HomeScreenFonts::open(font_library, g.unit);
    if (!fonts) {
        return fonts.error();
    }
    TextSetter setter(layout->missing);
    layout->clock_face = ClockFace(one_line_style(fonts->clock, static_cast<float>(g.width)));
    layout->date_fonts = fonts->date;

    lay_out_header(*layout, feed, images, *fonts, setter);

    std::vector<const Banner*> side;
    for (const Banner& banner : feed.banners) {
        const auto image = images.find(banner.image);
        if (image == images.end()) {
            continue;  // The loader refuses a bundle whose image is missing; nothing to show.
        }
        if (banner.slot == Banner::Slot::Side) {
            side.push_back(&banner);
            continue;
        }
        if (g.banner.empty()) {
            continue;
        }
        BannerSlide slide;
        slide.id = banner.id;
        slide.image = scale_to_cover(image->second, g.banner.width, g.banner.height);
        mark_opacity(slide.image);
        slide.caption =
            setter.line(fonts->caption, banner.caption,
                        static_cast<float>(g.banner.width) - 2 * g.margin - 200 * g.unit);
        slide.article = banner.article;
        layout->banners.push_back(std::move(slide));
        layout->banner_schedule.push_back(
            ScheduledItem{banner.duration_s > 0 ? banner.duration_s : kDefaultBannerSeconds,
                          banner.from, banner.until, banner.schedule});
    }
    // The side slot shows up to two banners, each fitted into its half: side by side when the
    // slot is wide (portrait), one above the other when it is tall (landscape).
    // Which two show is the painter's to say at each moment (their dates and schedules); an
    // unscheduled pair is the first two.
    const bool stacked = g.side.height > g.side.width / 2;
    const int gap = px(16 * g.unit);
    const int cell_width = stacked ? g.side.width : (g.side.width - gap) / 2;
    const int cell_height = stacked ? (g.side.height - gap) / 2 : g.side.height;
    layout->side_first_x = g.side.x;
    layout->side_first_y = g.side.y;
    layout->side_step_x = stacked ? 0 : cell_width + gap;
    layout->side_step_y = stacked ? cell_height + gap : 0;
    int always_shown = 0;  // Side banners without schedule or dates, so far.
    for (std::size_t i = 0; i < side.size() && !g.side.empty(); ++i) {
        // Of the banners that always play, only the first two can ever be among the first two
        // that play: the others are not scaled at all.
        if (!side[i]->schedule && !side[i]->from && !side[i]->until && ++always_shown > 2) {
            continue;
        }
        SideBanner placed;
        placed.id = side[i]->id;
        placed.image = scale_to_fit(images.at(side[i]->image), cell_width, cell_height);
        mark_opacity(placed.image);
        layout->side_banners.push_back(std::move(placed));
        layout->side_schedule.push_back(
            ScheduledItem{0, side[i]->from, side[i]->until, side[i]->schedule});
    }

    // The carousel: one page per article, in feed order.
    if (!g.excerpt.empty()) {
        for (const Article& article : feed.articles) {
            layout->pages.push_back(lay_out_excerpt(setter, article, g.excerpt, g.unit, *fonts));
            layout->page_schedule.push_back(
                ScheduledItem{kExcerptSeconds, {}, {}, article.schedule});
            layout->page_articles.push_back(article.id);
        }
    }

    if (!feed.ticker.empty() && !g.ticker.empty()) {
        std::vector<std::string> texts;
        std::vector<std::size_t> all;
        bool scheduled = false;
        for (const TickerItem& item : feed.ticker) {
            all.push_back(texts.size());
            texts.push_back(item.text);
            scheduled = scheduled || item.schedule != nullptr;
        }
        layout->ticker_label = setter.line(fonts->ticker, "要闻", static_cast<float>(g.width));
        // Every item laid out once: its missing characters are the screen's.
        layout->ticker_text = setter.line(fonts->ticker, join_ticker_items(texts, all), 1e7f);
        const float text_width =
            layout->ticker_text.lines.empty() ? 0 : layout->ticker_text.lines[0].width;
        layout->ticker_period = ticker_period(text_width, fonts->ticker->primary().metrics().em);
        if (scheduled) {
            layout->ticker_items = std::move(texts);
            for (const TickerItem& item : feed.ticker) {
                layout->ticker_schedule.push_back(ScheduledItem{0, {}, {}, item.schedule});
            }
            layout->ticker_fonts = fonts->ticker;
        }
    }

    // The footer: copyright, postcode and address on one line, the filing numbers on the next,
    // as the seed page sets them.
    std::string first, second;
    for (const std::string& footer : feed.site.footer) {
        std::string& target = footer.find("备") != std::string::npos ? second : first;
        if (!target.empty()) {
            target += "\u3000\u3000";
        }
        target += footer;
    }
    for (const std::string* row : {&first, &second}) {
        if (!row->empty() && !g.footer.empty()) {
            layout->footer_lines.push_back(setter.line(
                fonts->footer, *row, static_cast<float>(g.width) - 2 * g.margin, Align::Center));
        }
    }
    return std::shared_ptr<const HomeScreenLayout>(std::move(layout));
}

}  // namespace placard
