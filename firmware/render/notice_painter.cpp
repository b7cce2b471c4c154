#include "render/notice_painter.hpp"

#include <algorithm>
#include <cmath>

#include "render/home_screen_style.hpp"
#include "render/text_painter.hpp"

namespace placard {
namespace {

// Colours that say the level at a glance, each with white text above 4.5:1 contrast (WCAG 2.1,
// 1.4.3): blue for information, amber for a warning, red for urgent, green for the all-clear.
constexpr Color kInformationBand = 0xFF1D4E89;
constexpr Color kWarningBand = 0xFF9A4A00;
constexpr Color kUrgentScreen = 0xFFB71C1C;
constexpr Color kAllClearBand = 0xFF1E6B34;
constexpr Color kLabelShade = 0x40000000;
constexpr Color kIssuedInk = 0xFFFFE3E3;

// Type sizes at 1080 px, scaled by the screen's unit.
constexpr float kBandTextPx = 40;
constexpr float kBandLabelPx = 40;
constexpr float kBandHeight = 168;
constexpr float kTitlePx = 80;
constexpr float kIssuedPx = 30;
constexpr float kBodySizesPx[] = {60, 52, 44, 38};

int px(float value) {
    return static_cast<int>(std::lround(value));
}

const FontChain* chain(FontLibrary& fonts, FontRole role, float size, float unit) {
    auto found = fonts.chain(role, std::max(12, px(size * unit)));
    return found ? *found : nullptr;
}

Color band_colour(const NoticeView& view, const Notice& notice) {
    if (view.kind == NoticeView::Kind::AllClear) {
        return kAllClearBand;
    }
    return notice.level == NoticeLevel::Warning ? kWarningBand : kInformationBand;
}

// The text's paragraphs: one a line of the notice's text.
std::vector<std::string> paragraphs_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        if (end > start) {
            out.push_back(text.substr(start, end - start));
        }
        start = end + 1;
    }
    return out;
}

void lay_out_band(LaidOutNotice& laid, FontLibrary& fonts, const HomeScreenGeometry& g) {
    const Notice& notice = laid.notice;
    const FontChain* label_fonts = chain(fonts, FontRole::Bold, kBandLabelPx, g.unit);
    const FontChain* text_fonts = chain(fonts, FontRole::Body, kBandTextPx, g.unit);
    if (!label_fonts || !text_fonts) {
        return;
    }
    ParagraphStyle label;
    label.fonts = label_fonts;
    label.measure = static_cast<float>(g.width) / 4;
    label.max_lines = 1;
    const std::string label_text =
        notice.cancel ? "解除"
                      : (notice.title.empty() ? notice_level_word(notice.level) : notice.title);
    laid.label = layout_paragraph(label_text, label);
    const float label_width = laid.label.lines.empty() ? 0 : laid.label.lines.front().width;
    ParagraphStyle text;
    text.fonts = text_fonts;
    text.measure = static_cast<float>(g.width) - label_width - 3 * g.margin;
    text.line_height = kBandTextPx * g.unit * 1.45f;
    text.justify = Justify::Yes;
    text.max_lines = 2;
    std::string joined = notice.cancel ? notice.all_clear : notice.text;
    std::replace(joined.begin(), joined.end(), '\n', ' ');
    laid.band_text = layout_paragraph(joined, text);
}

void lay_out_screen(LaidOutNotice& laid, FontLibrary& fonts, const HomeScreenGeometry& g) {
    const Notice& notice = laid.notice;
    const FontChain* title_fonts = chain(fonts, FontRole::Bold, kTitlePx, g.unit);
    const FontChain* issued_fonts = chain(fonts, FontRole::Body, kIssuedPx, g.unit);
    if (!title_fonts || !issued_fonts) {
        return;
    }
    const float measure = static_cast<float>(g.width) - 4 * g.margin;
    ParagraphStyle title;
    title.fonts = title_fonts;
    title.measure = measure;
    title.align = Align::Center;
    title.max_lines = 2;
    laid.title = layout_paragraph(
        notice.title.empty() ? notice_level_word(notice.level) : notice.title, title);
    ParagraphStyle issued;
    issued.fonts = issued_fonts;
    issued.measure = measure;
    issued.align = Align::Center;
    issued.max_lines = 1;
    const LocalTime local = to_local(notice.issued);
    laid.issued = layout_paragraph(
        "发布时间：" + format_chinese_date(local) + " " + format_clock(local), issued);
    const float gap = 48 * g.unit;
    const float room = static_cast<float>(g.height) - 3 * g.margin - laid.title.height -
                       laid.issued.height - 2 * gap;
    // The largest size at which the whole text fits; at the smallest, what does not fit is cut
    // (with ……) rather than run off the screen.
    const std::vector<std::string> paragraphs = paragraphs_of(notice.text);
    for (const float size : kBodySizesPx) {
        const FontChain* body_fonts = chain(fonts, FontRole::Body, size, g.unit);
        if (!body_fonts) {
            return;
        }
        const bool last_size = size == kBodySizesPx[std::size(kBodySizesPx) - 1];
        ParagraphStyle body;
        body.fonts = body_fonts;
        body.measure = measure;
        body.justify = Justify::Yes;
        // CLREQ 3.1.5: a paragraph opens with a two-character indent.
        body.first_line_indent = 2 * size * g.unit;
        body.line_height = size * g.unit * 1.5f;
        laid.body.clear();
        float used = 0;
        for (const std::string& paragraph : paragraphs) {
            if (last_size) {
                const float left = room - used;
                body.max_lines = static_cast<std::size_t>(std::max(0.0f, left / body.line_height));
                if (body.max_lines == 0) {
                    break;
                }
            }
            laid.body.push_back(layout_paragraph(paragraph, body));
            used += laid.body.back().height;
        }
        if (used <= room || last_size) {
            const float block = laid.title.height + gap + used + gap + laid.issued.height;
            laid.body_top = std::max(g.margin, (static_cast<float>(g.height) - block) / 2);
            return;
        }
    }
}

}  // namespace

std::shared_ptr<const NoticeBoard> lay_out_notices(const std::vector<Notice>& notices,
                                                   FontLibrary& fonts,
                                                   const HomeScreenGeometry& geometry) {
    auto board = std::make_shared<NoticeBoard>();
    for (const Notice& notice : notices) {
        LaidOutNotice laid;
        laid.notice = notice;
        if (!notice.cancel || !notice.all_clear.empty()) {
            lay_out_band(laid, fonts, geometry);
        }
        if (!notice.cancel && notice.level == NoticeLevel::Urgent) {
            lay_out_screen(laid, fonts, geometry);
        }
        for (const LaidOutParagraph* paragraph : {&laid.label, &laid.band_text, &laid.title}) {
            board->missing.insert(board->missing.end(), paragraph->missing.begin(),
                                  paragraph->missing.end());
        }
        for (const LaidOutParagraph& paragraph : laid.body) {
            board->missing.insert(board->missing.end(), paragraph.missing.begin(),
                                  paragraph.missing.end());
        }
        board->notices.push_back(std::move(laid));
    }
    std::sort(board->missing.begin(), board->missing.end());
    board->missing.erase(std::unique(board->missing.begin(), board->missing.end()),
                         board->missing.end());
    return board;
}

Rect notice_band_area(const HomeScreenGeometry& geometry) {
    // At least its own height, and down from the ticker's top: the ticker's news and the band's
    // notice never show one above the other.
    int top = geometry.height - std::min(geometry.height, px(kBandHeight * geometry.unit));
    if (!geometry.ticker.empty()) {
        top = std::min(top, geometry.ticker.y);
    }
    return Rect{0, top, geometry.width, geometry.height - top};
}

void draw_notice(Canvas& canvas, GlyphCache& glyphs, const LaidOutNotice& laid,
                 const NoticeView& view, const HomeScreenGeometry& g) {
    if (view.kind == NoticeView::Kind::FullScreen) {
        canvas.fill(Rect{0, 0, g.width, g.height}, kUrgentScreen);
        const float x = 2 * g.margin;
        float y = laid.body_top;
        draw_paragraph(canvas, glyphs, laid.title, x, y, kWhite);
        y += laid.title.height + 48 * g.unit;
        for (const LaidOutParagraph& paragraph : laid.body) {
            draw_paragraph(canvas, glyphs, paragraph, x, y, kWhite);
            y += paragraph.height;
        }
        draw_paragraph(canvas, glyphs, laid.issued, x, y + 48 * g.unit, kIssuedInk);
        return;
    }
    const Rect band = notice_band_area(g);
    canvas.fill(band, band_colour(view, laid.notice));
    const float label_width = laid.label.lines.empty() ? 0 : laid.label.lines.front().width;
    const Rect label_box{band.x, band.y, px(label_width + g.margin), band.height};
    canvas.fill(label_box, kLabelShade);
    const auto centred = [&](const LaidOutParagraph& paragraph) {
        return static_cast<float>(band.y) +
               (static_cast<float>(band.height) - paragraph.height) / 2;
    };
    draw_paragraph(canvas, glyphs, laid.label, static_cast<float>(band.x) + g.margin / 2,
                   centred(laid.label), kWhite);
    draw_paragraph(canvas, glyphs, laid.band_text, static_cast<float>(label_box.right()) + g.margin,
                   centred(laid.band_text), kWhite);
}

}  // namespace placard
