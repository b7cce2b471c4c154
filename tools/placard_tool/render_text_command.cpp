// placard-tool render-text [--font-size PX] [--width PX] [--justify] [--lines-json OUT]
//                          --out OUT.png INPUT.txt
//
// One paragraph per input line, set as body text (first line indented 2 em). --lines-json writes
// {"lines":[{"paragraph":P,"text":"…","x":X,"y":Y,"width":W,"justified":J,"hyphenated":H}]}
// where X is the left edge of the line's first glyph and W its advance as drawn, so X + W is its
// right edge; J: filled to the measure (every line but a paragraph's last, unless it stays short
// beside a word it could reach only by spreading its characters over half an em apart); H: the
// line ends in a "-" that is not in the text (a plain word wider than the line split there).
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "core/read_file.hpp"
#include "core/utf8.hpp"
#include "render/grey_png_writer.hpp"
#include "render/image_file.hpp"
#include "render/png_writer.hpp"
#include "render/text_painter.hpp"
#include "runtime/font_setup.hpp"
#include "runtime/log.hpp"
#include "runtime/missing_characters.hpp"
#include "text/font_library.hpp"
#include "text/punctuation_normalizer.hpp"

namespace placard::tool {
namespace {

struct RenderTextOptions {
    int font_size = 32;
    int width = 1200;
    Justify justify = Justify::No;
    bool normalize_punctuation = false;
    std::string lines_json, out, input;
};

bool parse_pixels(const std::string& text, int minimum, int maximum, int& out) {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos ||
        text.size() > 5) {
        return false;
    }
    out = std::atoi(text.c_str());
    return out >= minimum && out <= maximum;
}

// The paragraphs, where each starts, and the picture they are drawn on.
struct PageOfText {
    const std::vector<LaidOutParagraph>& paragraphs;
    const std::vector<float>& tops;
    int width = 0, height = 0;
    int em = 0;
};

// Draws the paragraphs that reach into the `canvas.height()` rows from `top` (white first).
void draw_rows(const PageOfText& page, GlyphCache& cache, Canvas& canvas, int top) {
    // Opaque white is every byte 0xFF: the C library's memset fills it fastest.
    std::memset(
        canvas.pixels(), 0xFF,
        static_cast<std::size_t>(canvas.stride()) * canvas.height() * sizeof(std::uint32_t));
    for (std::size_t p = 0; p < page.paragraphs.size(); ++p) {
        // Stacked marks and tall glyphs reach outside their lines: four em each way is drawn.
        const float reach = 4.0f * static_cast<float>(page.em);
        const float from = page.tops[p] - reach;
        const float to = page.tops[p] + page.paragraphs[p].height + reach;
        if (to >= static_cast<float>(top) && from <= static_cast<float>(top + canvas.height())) {
            draw_paragraph(canvas, cache, page.paragraphs[p], 0,
                           page.tops[p] - static_cast<float>(top), 0xFF000000u);
        }
    }
}

// Black text on white is grey: drawn 64 rows at a time and handed to the grey PNG as it goes, so
// that the page's RGBA pixels (15 MB for the seed article) never exist at once and the first
// half is compressed while the second is drawn (issue 17: render-text's time). A page that is
// not grey after all (a colour glyph) is drawn whole and written by save_png.
Status save_page(const PageOfText& page, const std::string& path) {
    constexpr int kBandRows = 64;
    GlyphCache cache;
    {
        GreyPngWriter png(page.width, page.height);
        Image band;
        band.width = page.width;
        band.height = kBandRows;
        band.pixels.resize(static_cast<std::size_t>(page.width) * kBandRows);
        Canvas canvas(band);
        bool grey = true;
        for (int top = 0; grey && top < page.height; top += kBandRows) {
            draw_rows(page, cache, canvas, top);
            for (int row = 0; grey && row < std::min(kBandRows, page.height - top); ++row) {
                grey = png.add_row(band.pixels.data() + static_cast<std::size_t>(row) * page.width);
            }
        }
        if (grey) {
            return png.save(path);
        }
    }
    Image image;
    image.width = page.width;
    image.height = page.height;
    image.pixels.resize(static_cast<std::size_t>(image.width) * image.height);
    Canvas canvas(image);
    draw_rows(page, cache, canvas, 0);
    return save_png(image, path);
}

}  // namespace

int render_text_command(const Arguments& arguments) {
    RenderTextOptions options;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        const bool has_value = i + 1 < arguments.size();
        if (argument == "--justify") {
            options.justify = Justify::Yes;
        } else if (argument == "--normalize-punctuation") {
            options.normalize_punctuation = true;
        } else if (argument == "--font-size" && has_value) {
            if (!parse_pixels(arguments[++i], 6, 400, options.font_size)) {
                log_error("render-text: --font-size: \"" + arguments[i] +
                          "\" is not a size in pixels (6..400)");
                return 2;
            }
        } else if (argument == "--width" && has_value) {
            if (!parse_pixels(arguments[++i], 16, 8192, options.width)) {
                log_error("render-text: --width: \"" + arguments[i] +
                          "\" is not a width in pixels (16..8192)");
                return 2;
            }
        } else if (argument == "--lines-json" && has_value) {
            options.lines_json = arguments[++i];
        } else if (argument == "--out" && has_value) {
            options.out = arguments[++i];
        } else if (argument.starts_with("--")) {
            log_error("render-text: unknown option or missing value \"" + argument + "\"");
            return 2;
        } else if (options.input.empty()) {
            options.input = argument;
        } else {
            log_error("render-text: one INPUT.txt only");
            return 2;
        }
    }
    if (options.out.empty() || options.input.empty()) {
        log_error(
            "render-text: usage: render-text [--font-size PX] [--width PX] [--justify] "
            "[--lines-json OUT] --out OUT.png INPUT.txt");
        return 2;
    }
    auto text = read_file(options.input, 16 * 1024 * 1024);
    if (!text) {
        log_error(text.error().message);
        return 1;
    }
    if (!utf8::is_valid(*text)) {
        log_error(options.input + ": not valid UTF-8 text");
        return 1;
    }
    auto fonts = open_configured_fonts();
    if (!fonts) {
        log_error(fonts.error().message);
        return 1;
    }
    auto face = (*fonts)->chain(FontRole::Body, options.font_size);
    if (!face) {
        log_error(face.error().message);
        return 1;
    }

    ParagraphStyle style;
    style.fonts = *face;
    style.measure = static_cast<float>(options.width);
    style.line_height = static_cast<float>(options.font_size) * 1.6f;
    style.first_line_indent = 2 * static_cast<float>(options.font_size);
    style.justify = options.justify;

    std::vector<LaidOutParagraph> paragraphs;
    for (std::size_t start = 0; start < text->size();) {
        std::size_t end = std::min(text->find('\n', start), text->size());
        std::string_view line(text->data() + start, end - start);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        start = end + 1;
        if (line.empty()) {
            continue;
        }
        if (options.normalize_punctuation) {
            paragraphs.push_back(layout_paragraph(normalize_ascii_punctuation(line), style));
        } else {
            paragraphs.push_back(layout_paragraph(line, style));
        }
    }

    // The text block starts at x = 0, so that the PNG's coordinates and --lines-json's are the
    // same and a justified line's right edge is exactly --width; above, below and to the right
    // there is a margin of one em.
    const int margin = options.font_size;
    std::vector<float> tops;
    float y = static_cast<float>(margin);
    nlohmann::json lines = nlohmann::json::array();
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        tops.push_back(y);
        for (const auto& line : paragraphs[p].lines) {
            lines.push_back({{"paragraph", p},
                             {"text", line.text},
                             {"x", line.x},
                             {"y", y + line.baseline},
                             {"width", line.width},
                             {"justified", line.justified},
                             {"hyphenated", line.hyphenated}});
        }
        log_missing_characters(paragraphs[p].missing,
                               options.input + ": paragraph " + std::to_string(p + 1));
        y += paragraphs[p].height;
    }
    const PageOfText page{paragraphs, tops, options.width + margin,
                          static_cast<int>(std::ceil(y)) + margin, margin};
    if (auto written = save_page(page, options.out); !written) {
        log_error(written.error().message);
        return 1;
    }
    if (!options.lines_json.empty()) {
        std::ofstream out(options.lines_json);
        out << nlohmann::json{{"lines", lines}}.dump(1) << "\n";
        if (!out) {
            log_error(options.lines_json + ": cannot write");
            return 1;
        }
    }
    return 0;
}

}  // namespace placard::tool
