#include "text/paragraph_layout.hpp"

#include <algorithm>
#include <cmath>

#include "text/line_breaker.hpp"
#include "text/shaper.hpp"
#include "text/utf8.hpp"

namespace placard {
namespace {

// TYPOGRAPHY.md, "Excerpts": the ellipsis is two U+2026, kept together.
constexpr std::string_view kEllipsis = "……";
constexpr float kTolerance = 0.01f;  // Pixels; absorbs float rounding when filling the measure.

// The shaped paragraph, with the pen position at every byte so that any range's width is one
// subtraction.
struct ShapedParagraph {
    std::vector<ShapedGlyph> glyphs;
    std::vector<float> pen_at_byte;  // size() + 1 entries.

    float width(std::size_t begin, std::size_t end) const {
        return pen_at_byte[end] - pen_at_byte[begin];
    }
};

ShapedParagraph shape_paragraph(const FontFace& face, std::string_view text,
                                std::string_view language) {
    ShapedParagraph shaped;
    shaped.glyphs = shape_text(face, text, language);
    const float unset = -1;
    shaped.pen_at_byte.assign(text.size() + 1, unset);
    float pen = 0;
    for (std::size_t i = 0; i < shaped.glyphs.size(); ++i) {
        const auto cluster = shaped.glyphs[i].cluster;
        if (i == 0 || cluster != shaped.glyphs[i - 1].cluster) {
            shaped.pen_at_byte[cluster] = pen;
        }
        pen += shaped.glyphs[i].x_advance;
    }
    shaped.pen_at_byte[text.size()] = pen;
    // Bytes inside a cluster take the pen position of the next cluster start, so a range that
    // ends mid-cluster still measures the whole cluster.
    for (std::size_t b = text.size(); b-- > 0;) {
        if (shaped.pen_at_byte[b] == unset) {
            shaped.pen_at_byte[b] = shaped.pen_at_byte[b + 1];
        }
    }
    return shaped;
}

std::size_t trim_trailing_spaces(std::string_view text, std::size_t begin, std::size_t end) {
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) {
        --end;
    }
    return end;
}

// Drops a comma, enumeration comma, semicolon or colon before an appended ……: "持之以恒，……"
// reads as a typo.
std::size_t trim_before_ellipsis(std::string_view text, std::size_t begin, std::size_t end) {
    while (end > begin) {
        std::size_t start = 0;
        const char32_t last = utf8::decode_previous(text, end, start);
        if (last != U'，' && last != U'、' && last != U'；' && last != U'：' && last != U',' &&
            last != U'。') {
            break;
        }
        end = start;
    }
    return end;
}

struct LineSpan {
    std::size_t begin = 0;
    std::size_t end = 0;   // Trailing spaces excluded.
    std::size_t next = 0;  // Where the following line starts.
};

// Greedy fill: the furthest legal break whose line fits; when even the first break does not fit
// (a URL longer than the measure), the line is cut at the last cluster that fits instead, so
// nothing ever overflows.
LineSpan next_line(std::string_view text, const ShapedParagraph& shaped,
                   const std::vector<std::size_t>& breaks, std::size_t begin, float available) {
    LineSpan best{begin, begin, begin};
    for (const std::size_t candidate : breaks) {
        if (candidate <= begin) {
            continue;
        }
        const std::size_t end = trim_trailing_spaces(text, begin, candidate);
        if (shaped.width(begin, end) > available + kTolerance) {
            break;
        }
        best = LineSpan{begin, end, candidate};
    }
    if (best.next > begin) {
        return best;
    }
    std::size_t end = begin;
    for (std::size_t pos = begin; pos < text.size();) {
        std::size_t after = pos;
        utf8::decode_next(text, after);
        if (shaped.width(begin, after) > available + kTolerance && end > begin) {
            break;
        }
        end = after;
        pos = after;
    }
    return LineSpan{begin, end, end};
}

void place_glyphs(const ShapedParagraph& shaped, std::size_t begin, std::size_t end, float x,
                  float baseline, float extra_per_gap, LaidOutLine& line) {
    float pen = x;
    std::size_t gap_index = 0;
    for (std::size_t i = 0; i < shaped.glyphs.size(); ++i) {
        const ShapedGlyph& glyph = shaped.glyphs[i];
        if (glyph.cluster < begin || glyph.cluster >= end) {
            continue;
        }
        const bool new_cluster = i > 0 && glyph.cluster != shaped.glyphs[i - 1].cluster &&
                                 shaped.glyphs[i - 1].cluster >= begin;
        if (new_cluster) {
            ++gap_index;
        }
        const float spread = extra_per_gap * static_cast<float>(gap_index);
        line.glyphs.push_back(
            PositionedGlyph{glyph.glyph, pen + spread + glyph.x_offset, baseline - glyph.y_offset});
        pen += glyph.x_advance;
    }
}

std::size_t count_clusters(const ShapedParagraph& shaped, std::size_t begin, std::size_t end) {
    std::size_t clusters = 0;
    for (std::size_t i = 0; i < shaped.glyphs.size(); ++i) {
        const auto cluster = shaped.glyphs[i].cluster;
        if (cluster >= begin && cluster < end &&
            (i == 0 || cluster != shaped.glyphs[i - 1].cluster)) {
            ++clusters;
        }
    }
    return clusters;
}

}  // namespace

LaidOutParagraph layout_paragraph(std::string_view text, const ParagraphStyle& style) {
    LaidOutParagraph result;
    result.face = style.face;
    if (!style.face) {
        return result;
    }
    const FontFace& face = *style.face;
    const float line_height = style.line_height > 0 ? style.line_height : face.metrics().em * 1.6f;
    const ShapedParagraph shaped = shape_paragraph(face, text, style.language);
    for (const auto& glyph : shaped.glyphs) {
        if (glyph.glyph == 0) {
            std::size_t pos = glyph.cluster;
            const char32_t c = utf8::decode_next(text, pos);
            if (std::find(result.missing.begin(), result.missing.end(), c) ==
                result.missing.end()) {
                result.missing.push_back(c);
            }
        }
    }
    const std::vector<std::size_t> breaks = find_line_breaks(text);

    // Lines are found first, then placed, so that the last kept line knows whether it is cut.
    std::vector<LineSpan> spans;
    for (std::size_t begin = 0; begin < text.size();) {
        const float indent = spans.empty() ? style.first_line_indent : style.continuation_indent;
        const LineSpan span = next_line(text, shaped, breaks, begin, style.measure - indent);
        if (span.next <= begin) {
            break;
        }
        spans.push_back(span);
        begin = span.next;
        while (begin < text.size() && text[begin] == ' ') {
            ++begin;
        }
    }

    std::size_t ellipsis_line = spans.size();  // None.
    if (style.max_lines > 0 && spans.size() > style.max_lines) {
        ellipsis_line = style.max_lines - 1;
        spans.resize(style.max_lines);
    } else if (style.ellipsis == Ellipsis::Always && !spans.empty()) {
        ellipsis_line = spans.size() - 1;
    }

    const float ascender = face.metrics().ascender;
    const float descender = face.metrics().descender;
    const float half_leading = (line_height - (ascender + descender)) / 2;
    for (std::size_t index = 0; index < spans.size(); ++index) {
        LineSpan span = spans[index];
        const float indent = index == 0 ? style.first_line_indent : style.continuation_indent;
        const float available = style.measure - indent;
        const float baseline = static_cast<float>(index) * line_height + half_leading + ascender;
        LaidOutLine line;
        line.baseline = baseline;
        const bool with_ellipsis = index == ellipsis_line;
        float ellipsis_width = 0;
        std::vector<ShapedGlyph> ellipsis_glyphs;
        if (with_ellipsis) {
            ellipsis_glyphs = shape_text(face, kEllipsis, style.language);
            for (const auto& glyph : ellipsis_glyphs) {
                ellipsis_width += glyph.x_advance;
            }
            // Cut back to the furthest legal break that leaves room for the ellipsis.
            std::size_t cut = span.begin;
            for (const std::size_t candidate : breaks) {
                if (candidate <= span.begin) {
                    continue;
                }
                const std::size_t end = trim_before_ellipsis(
                    text, span.begin, trim_trailing_spaces(text, span.begin, candidate));
                if (candidate > span.next ||
                    shaped.width(span.begin, end) + ellipsis_width > available + kTolerance) {
                    break;
                }
                cut = end;
            }
            span.end = cut;
            result.cut = true;
        }
        const bool last_of_paragraph = index + 1 == spans.size() && !with_ellipsis;
        const float natural = shaped.width(span.begin, span.end) + ellipsis_width;
        const bool justify = style.justify == Justify::Yes && !last_of_paragraph;
        std::size_t gaps = count_clusters(shaped, span.begin, span.end) +
                           (with_ellipsis ? 1 : 0);  // The ellipsis counts as one cluster.
        gaps = gaps > 0 ? gaps - 1 : 0;
        const float extra = justify && gaps > 0
                                ? std::max(0.0f, available - natural) / static_cast<float>(gaps)
                                : 0.0f;
        float x = indent;
        if (style.align == Align::Center) {
            x = indent + std::max(0.0f, (available - natural) / 2);
        }
        place_glyphs(shaped, span.begin, span.end, x, baseline, extra, line);
        float drawn = natural + extra * static_cast<float>(gaps);
        if (with_ellipsis) {
            float pen = x + shaped.width(span.begin, span.end) + extra * static_cast<float>(gaps);
            for (const auto& glyph : ellipsis_glyphs) {
                line.glyphs.push_back(
                    PositionedGlyph{glyph.glyph, pen + glyph.x_offset, baseline - glyph.y_offset});
                pen += glyph.x_advance;
            }
        }
        line.text = std::string(text.substr(span.begin, span.end - span.begin));
        if (with_ellipsis) {
            line.text += kEllipsis;
        }
        line.x = x;
        line.width = drawn;
        line.justified = justify && gaps > 0;
        result.lines.push_back(std::move(line));
    }
    result.height = static_cast<float>(result.lines.size()) * line_height;
    return result;
}

}  // namespace placard
