#include "render/home_screen.hpp"

#include <algorithm>
#include <cmath>

#include "render/image_file.hpp"
#include "render/text_painter.hpp"
#include "text/punctuation_normalizer.hpp"
#include "text/shaper.hpp"

namespace placard {
namespace {

constexpr Color kPaper = 0xFFF4EFE6;
constexpr Color kHeaderBackground = 0xFFFFFBF4;
constexpr Color kPartyRed = 0xFFA4161A;
constexpr Color kInk = 0xFF1F1F1F;
constexpr Color kMetaGray = 0xFF6B6B6B;
constexpr Color kFooterBackground = 0xFF7D1416;
constexpr Color kFooterInk = 0xFFF6E9D8;
constexpr Color kCaptionShade = 0x99000000;
constexpr Color kWhite = 0xFFFFFFFF;
constexpr Color kDotIdle = 0xCCFFFFFF;

int px(float value) {
    return static_cast<int>(std::lround(value));
}

// A one-line paragraph, for headings and labels.
ParagraphStyle one_line_style(const FontChain* fonts, float measure, Align align) {
    ParagraphStyle style;
    style.fonts = fonts;
    style.measure = measure;
    style.line_height = fonts->primary().metrics().em * 1.4f;
    style.align = align;
    style.max_lines = 1;
    return style;
}

LaidOutParagraph one_line(const FontChain* fonts, const std::string& text, float measure) {
    return layout_paragraph(text, one_line_style(fonts, measure, Align::Start));
}

std::string meta_line(const Article& article) {
    // The seed page's meta line, with full-width colons and ideographic spaces between fields.
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

}  // namespace

HomeScreenGeometry HomeScreenGeometry::for_size(int width, int height) {
    HomeScreenGeometry g;
    g.width = width;
    g.height = height;
    g.unit = static_cast<float>(std::min(width, height)) / 1080.0f;
    const float u = g.unit;
    g.margin = 60 * u;
    g.header = Rect{0, 0, width, px(96 * u)};
    const int gap = px(10 * u);
    const int banner_width = width - 2 * gap;
    // The seed's banners are 1900 × 440; the slot keeps that shape at any width.
    const int banner_height = px(static_cast<float>(banner_width) * 440.0f / 1900.0f);
    g.banner = Rect{gap, g.header.bottom() + gap, banner_width, banner_height};
    const int footer_height = px(80 * u);
    g.footer = Rect{0, height - footer_height, width, footer_height};
    const int excerpt_top = g.banner.bottom() + px(24 * u);
    g.excerpt = Rect{px(g.margin), excerpt_top, width - 2 * px(g.margin),
                     g.footer.y - px(16 * u) - excerpt_top};
    return g;
}

Result<std::shared_ptr<const HomeScreenLayout>> build_home_screen(const Feed& feed,
                                                                  const DecodedImages& images,
                                                                  FontLibrary& fonts, int width,
                                                                  int height) {
    auto layout = std::make_shared<HomeScreenLayout>();
    HomeScreenGeometry& g = layout->geometry;
    g = HomeScreenGeometry::for_size(width, height);
    const float u = g.unit;
    const auto fonts_for = [&](FontRole role, float size) {
        return fonts.chain(role, std::max(8, px(size * u)));
    };
    auto title_fonts = fonts_for(FontRole::Bold, 44);
    auto heading_fonts = fonts_for(FontRole::Bold, 40);
    auto clock_fonts = fonts_for(FontRole::Bold, 40);
    auto date_fonts = fonts_for(FontRole::Body, 26);
    auto caption_fonts = fonts_for(FontRole::Body, 28);
    auto meta_fonts = fonts_for(FontRole::Body, 22);
    auto highlight_fonts = fonts_for(FontRole::Body, 26);
    auto body_fonts = fonts_for(FontRole::Body, 28);
    auto footer_fonts = fonts_for(FontRole::Body, 20);
    for (const auto* result :
         {&title_fonts, &heading_fonts, &clock_fonts, &date_fonts, &caption_fonts, &meta_fonts,
          &highlight_fonts, &body_fonts, &footer_fonts}) {
        if (!*result) {
            return result->error();
        }
    }
    // Every text of the screen is set through these two: ASCII punctuation between Chinese
    // characters shown full width, and characters no font has collected for the log.
    const auto set = [&](std::string_view text, const ParagraphStyle& style) {
        LaidOutParagraph laid = layout_paragraph(normalize_ascii_punctuation(text), style);
        for (const char32_t c : laid.missing) {
            if (std::find(layout->missing.begin(), layout->missing.end(), c) ==
                layout->missing.end()) {
                layout->missing.push_back(c);
            }
        }
        return laid;
    };
    const auto heading = [&](const FontChain* chain, std::string_view text, float measure,
                             Align align = Align::Start) {
        return set(text, one_line_style(chain, measure, align));
    };
    layout->clock_fonts = *clock_fonts;
    layout->date_fonts = *date_fonts;
    layout->site_name = heading(*title_fonts, feed.site.name, static_cast<float>(g.width) * 0.6f);

    for (const Banner& banner : feed.banners) {
        const auto image = images.find(banner.image);
        if (image == images.end()) {
            continue;  // The loader refuses a bundle whose image is missing; nothing to show.
        }
        BannerSlide slide;
        slide.image = scale_to_cover(image->second, g.banner.width, g.banner.height);
        slide.caption = heading(*caption_fonts, banner.caption,
                                static_cast<float>(g.banner.width) - 2 * g.margin - 200 * u);
        slide.duration_s = banner.duration_s > 0 ? banner.duration_s : kDefaultBannerSeconds;
        slide.from = banner.from;
        slide.until = banner.until;
        layout->banners.push_back(std::move(slide));
    }

    // The excerpt shows the first article a banner links to, else the first article.
    const Article* article = feed.articles.empty() ? nullptr : &feed.articles.front();
    for (const Banner& banner : feed.banners) {
        if (const Article* linked = feed.find_article(banner.article)) {
            article = linked;
            break;
        }
    }
    if (article) {
        const float measure = static_cast<float>(g.excerpt.width);
        const float bottom = static_cast<float>(g.excerpt.height);
        float y = 0;
        const auto add = [&](LaidOutParagraph text, Color color, float space_after) {
            const float block_height = text.height;
            layout->excerpt.push_back({std::move(text), y, color});
            y += block_height + space_after * u;
        };
        add(heading(*heading_fonts, article->title, measure), kInk, 2);
        add(heading(*meta_fonts, meta_line(*article), measure), kMetaGray, 10);
        // Highlights hang their bullet: continuation lines align with the text after ●
        // (TYPOGRAPHY.md, "Paragraphs and page").
        const float bullet = measure_text(**highlight_fonts, "●", article->language);
        for (const std::string& highlight : article->highlights) {
            ParagraphStyle style;
            style.fonts = *highlight_fonts;
            style.language = article->language;
            style.measure = measure;
            style.line_height = 26 * u * 1.6f;
            style.continuation_indent = bullet;
            style.justify = Justify::Yes;
            style.max_lines = 2;
            LaidOutParagraph text = set("●" + highlight, style);
            if (y + text.height > bottom) {
                break;
            }
            add(std::move(text), kPartyRed, 0);
        }
        y += 8 * u;
        // Body: justified, first line indented 2 em, cut to the lines that fit, ending in …….
        const float body_line = 28 * u * 1.6f;
        for (std::size_t i = 0; i < article->body.size(); ++i) {
            const auto lines_left = static_cast<std::size_t>((bottom - y) / body_line);
            if (lines_left == 0) {
                break;
            }
            ParagraphStyle style;
            style.fonts = *body_fonts;
            style.language = article->language;
            style.measure = measure;
            style.line_height = body_line;
            style.first_line_indent = 2 * (*body_fonts)->primary().metrics().em;
            style.justify = Justify::Yes;
            style.max_lines = lines_left;
            style.ellipsis = Ellipsis::IfCut;
            LaidOutParagraph text = set(article->body[i], style);
            const bool more_follows = i + 1 < article->body.size();
            if (!text.cut && more_follows && text.lines.size() == lines_left) {
                style.ellipsis = Ellipsis::Always;  // The screen is full: say that text goes on.
                text = set(article->body[i], style);
            }
            const bool stop = text.cut;
            add(std::move(text), kInk, 0);
            if (stop) {
                break;
            }
        }
    }

    // The footer: copyright, postcode and address on one line, the filing numbers on the next,
    // as the seed page sets them.
    std::string first, second;
    for (const std::string& line : feed.site.footer) {
        std::string& target = line.find("备") != std::string::npos ? second : first;
        if (!target.empty()) {
            target += "\u3000\u3000";
        }
        target += line;
    }
    for (const std::string* line : {&first, &second}) {
        if (!line->empty()) {
            layout->footer_lines.push_back(heading(
                *footer_fonts, *line, static_cast<float>(g.width) - 2 * g.margin, Align::Center));
        }
    }
    return std::shared_ptr<const HomeScreenLayout>(std::move(layout));
}

HomeScreenPainter::BannerState HomeScreenPainter::banner_state(const HomeScreenLayout& layout,
                                                               double t, WallTime now) const {
    std::vector<int> active;
    for (std::size_t i = 0; i < layout.banners.size(); ++i) {
        const BannerSlide& slide = layout.banners[i];
        if ((!slide.from || !(now < *slide.from)) && (!slide.until || now < *slide.until)) {
            active.push_back(static_cast<int>(i));
        }
    }
    BannerState state;
    state.next_event = std::numeric_limits<double>::infinity();
    if (active.empty()) {
        return state;
    }
    state.current = active.front();
    if (active.size() == 1) {
        return state;
    }
    double cycle = 0;
    for (const int index : active) {
        cycle += layout.banners[index].duration_s;
    }
    const double cycle_start = std::floor(t / cycle) * cycle;
    double slide_start = cycle_start;
    for (std::size_t k = 0; k < active.size(); ++k) {
        const double duration = layout.banners[active[k]].duration_s;
        const double slide_end = slide_start + duration;
        if (t < slide_end) {
            state.current = active[k];
            const double fade_start = slide_end - kBannerFadeSeconds;
            if (t >= fade_start) {
                state.next = active[(k + 1) % active.size()];
                state.fade = (t - fade_start) / kBannerFadeSeconds;
                state.next_event = t + 1.0 / 60.0;
            } else {
                state.next_event = fade_start;
            }
            return state;
        }
        slide_start = slide_end;
    }
    return state;
}

bool HomeScreenPainter::in_transition(const HomeScreenLayout& layout, double t,
                                      WallTime now) const {
    return banner_state(layout, t, now).next >= 0;
}

double HomeScreenPainter::next_change_after(const HomeScreenLayout& layout, double t,
                                            WallTime now) const {
    const LocalTime local = to_local(now);
    const double next_minute = t + (60 - local.second);
    return std::min(next_minute, banner_state(layout, t, now).next_event);
}

void HomeScreenPainter::draw_header(Canvas& canvas, const HomeScreenLayout& layout, WallTime now) {
    const HomeScreenGeometry& g = layout.geometry;
    const LocalTime local = to_local(now);
    const std::string clock = format_clock(local);
    const std::string date = format_chinese_date(local);
    if (clock != shown_clock_ || date != shown_date_ || shown_fonts_ != layout.clock_fonts) {
        clock_text_ = one_line(layout.clock_fonts, clock, static_cast<float>(g.width));
        date_text_ = one_line(layout.date_fonts, date, static_cast<float>(g.width));
        shown_clock_ = clock;
        shown_date_ = date;
        shown_fonts_ = layout.clock_fonts;
    }
    canvas.fill(g.header, kHeaderBackground);
    const float u = g.unit;
    const float middle = static_cast<float>(g.header.y) + static_cast<float>(g.header.height) / 2;
    draw_paragraph(canvas, cache_, layout.site_name, g.margin, middle - layout.site_name.height / 2,
                   kPartyRed);
    const float clock_width = clock_text_.lines.empty() ? 0 : clock_text_.lines[0].width;
    const float date_width = date_text_.lines.empty() ? 0 : date_text_.lines[0].width;
    const float clock_x = static_cast<float>(g.width) - g.margin - clock_width;
    draw_paragraph(canvas, cache_, clock_text_, clock_x, middle - clock_text_.height / 2, kInk);
    draw_paragraph(canvas, cache_, date_text_, clock_x - 28 * u - date_width,
                   middle - date_text_.height / 2, kMetaGray);
    canvas.fill(Rect{0, g.header.bottom() - px(4 * u), g.width, px(4 * u)}, kPartyRed);
}

void HomeScreenPainter::draw(Canvas& canvas, const HomeScreenLayout& layout, double t,
                             WallTime now) {
    const HomeScreenGeometry& g = layout.geometry;
    const float u = g.unit;
    canvas.fill(Rect{0, 0, canvas.width(), canvas.height()}, kPaper);
    draw_header(canvas, layout, now);

    const BannerState banner = banner_state(layout, t, now);
    if (banner.current >= 0) {
        const BannerSlide& current = layout.banners[banner.current];
        canvas.draw_image(current.image, g.banner.x, g.banner.y);
        const BannerSlide* captioned = &current;
        if (banner.next >= 0) {
            const BannerSlide& next = layout.banners[banner.next];
            canvas.draw_image(next.image, g.banner.x, g.banner.y,
                              static_cast<int>(std::lround(banner.fade * 255)));
            if (banner.fade >= 0.5) {
                captioned = &next;
            }
        }
        if (!captioned->caption.lines.empty()) {
            const int strip = px(60 * u);
            canvas.fill(Rect{g.banner.x, g.banner.bottom() - strip, g.banner.width, strip},
                        kCaptionShade);
            draw_paragraph(canvas, cache_, captioned->caption,
                           static_cast<float>(g.banner.x) + g.margin / 2,
                           static_cast<float>(g.banner.bottom() - strip) +
                               (static_cast<float>(strip) - captioned->caption.height) / 2,
                           kWhite);
        }
        // One dot per banner, the current one in red, at the strip's right end.
        const int dot = px(14 * u), spacing = px(26 * u);
        const int count = static_cast<int>(layout.banners.size());
        int x = g.banner.right() - px(g.margin / 2) - count * spacing;
        const int y = g.banner.bottom() - px(30 * u) - dot / 2;
        const int shown = banner.next >= 0 && banner.fade >= 0.5 ? banner.next : banner.current;
        for (int i = 0; i < count; ++i, x += spacing) {
            canvas.fill(Rect{x, y, dot, dot}, i == shown ? kPartyRed : kDotIdle);
        }
    }

    for (const auto& block : layout.excerpt) {
        draw_paragraph(canvas, cache_, block.text, static_cast<float>(g.excerpt.x),
                       static_cast<float>(g.excerpt.y) + block.y, block.color);
    }

    canvas.fill(g.footer, kFooterBackground);
    float total = 0;
    for (const auto& line : layout.footer_lines) {
        total += line.height;
    }
    float y = static_cast<float>(g.footer.y) + (static_cast<float>(g.footer.height) - total) / 2;
    for (const auto& line : layout.footer_lines) {
        draw_paragraph(canvas, cache_, line, g.margin, y, kFooterInk);
        y += line.height;
    }
}

}  // namespace placard
