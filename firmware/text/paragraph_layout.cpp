#include "text/paragraph_layout.hpp"

#include <unicode/uchar.h>

#include <algorithm>

#include "core/utf8.hpp"
#include "text/line_choice.hpp"
#include "text/shaped_paragraph.hpp"

namespace placard {
namespace {

constexpr std::string_view kEllipsis = "……";  // TYPOGRAPHY.md, "Excerpts": two U+2026.

// Characters that count for a lone last line: not punctuation or spaces (an ASCII " or a ％
// after the last character does not keep it company; 〇, ① or an emoji does).
std::size_t count_characters(const ShapedParagraph& shaped, const Span& span) {
    std::size_t count = 0;
    for (std::size_t i = span.begin; i < span.end; ++i) {
        const char32_t c = shaped.clusters[i].first_char;
        count += shaped.clusters[i].kind != CharClass::Space && c != U'\u3000' &&
                         !u_ispunct(static_cast<UChar32>(c))
                     ? 1
                     : 0;
    }
    return count;
}

// 孤字: a last line of one character. Squeeze it onto the line before if that line can take
// it; otherwise bring the line before's last legal segment down to keep it company.
void avoid_lone_last_character(const ShapedParagraph& shaped,
                               const std::vector<std::size_t>& breaks, const ParagraphStyle& style,
                               std::vector<Span>& spans) {
    if (spans.size() < 2 || count_characters(shaped, spans.back()) > 1) {
        return;
    }
    Span& previous = spans[spans.size() - 2];
    const Span last = spans.back();
    const float previous_available =
        style.measure - (spans.size() == 2 ? style.first_line_indent : style.continuation_indent);
    if (fits_squeezed(shaped, previous.begin, last.end, previous_available, Justify::No)) {
        previous.end = last.end;
        previous.next = last.next;
        previous.hyphen = last.hyphen;
        spans.pop_back();
        return;
    }
    const float last_available = style.measure - style.continuation_indent;
    for (auto it = breaks.rbegin(); it != breaks.rend(); ++it) {
        const std::size_t candidate = *it;
        if (candidate >= previous.next || candidate <= previous.begin) {
            continue;
        }
        const std::size_t start = skip_spaces(shaped, candidate);
        if (!fits(shaped, start, last.end, last_available, Justify::No)) {
            return;  // Bringing more down would overflow the last line.
        }
        previous.end = trim_spaces(shaped, previous.begin, candidate, style.justify);
        previous.next = candidate;
        previous.hyphen = false;
        spans.back().begin = start;
        return;
    }
}

// Drops ，、；：。 before an appended ……: "持之以恒，……" reads as a typo.
std::size_t trim_before_ellipsis(const ShapedParagraph& shaped, std::size_t begin,
                                 std::size_t end) {
    while (end > begin) {
        const char32_t last = shaped.clusters[end - 1].first_char;
        if (last != U'，' && last != U'、' && last != U'；' && last != U'：' && last != U',' &&
            last != U'。' && shaped.clusters[end - 1].kind != CharClass::Space) {
            break;
        }
        --end;
    }
    return end;
}

// Sets clusters [begin, end) as a line; `hyphen`, when given, is the "-" that ends it (a plain
// word split there), its room kept at the end of the line.
void place_line(const ShapedParagraph& shaped, std::size_t begin, std::size_t end, float indent,
                float available, Justify justify, const ParagraphStyle& style, float baseline,
                const ShapedParagraph* hyphen, LaidOutLine& line) {
    const float hyphen_width = hyphen ? hyphen->pen.back() : 0;
    FittedLine fitted = fit_line(shaped, begin, end, available - hyphen_width, justify);
    float x = indent;
    if (style.align == Align::Center) {
        x += std::max(0.0f, (available - fitted.width - hyphen_width) / 2);
    } else if (style.align == Align::End) {
        x += std::max(0.0f, available - fitted.width - hyphen_width);
    }
    for (std::size_t i = begin; i < end; ++i) {
        const Cluster& cluster = shaped.clusters[i];
        float pen = x + fitted.glyph_x[i - begin];
        for (std::uint32_t g = 0; g < cluster.glyph_count; ++g) {
            const ShapedGlyph& glyph = shaped.glyphs[cluster.first_glyph + g];
            line.glyphs.push_back(PositionedGlyph{glyph.face, glyph.glyph, pen + glyph.x_offset,
                                                  baseline - glyph.y_offset});
            pen += glyph.x_advance;
        }
    }
    if (hyphen && !hyphen->glyphs.empty()) {
        const ShapedGlyph& glyph = hyphen->glyphs.front();
        line.glyphs.push_back(PositionedGlyph{
            glyph.face, glyph.glyph, x + fitted.width + glyph.x_offset, baseline - glyph.y_offset});
        fitted.width += hyphen_width;
        line.hyphenated = true;
    }
    if (end > begin) {
        const std::size_t from = shaped.clusters[begin].begin;
        line.text = std::string(shaped.text.substr(from, shaped.clusters[end - 1].end - from));
    }
    line.x = x;
    line.width = fitted.width;
    line.baseline = baseline;
    line.justified = justify == Justify::Yes && fitted.filled;
}

}  // namespace

LaidOutParagraph layout_paragraph(std::string_view text, const ParagraphStyle& style) {
    LaidOutParagraph result;
    if (!style.fonts || text.empty()) {
        return result;
    }
    const FontFace& face = style.fonts->primary();
    const float em = static_cast<float>(face.pixel_size());
    const float line_height = style.line_height > 0 ? style.line_height : em * 1.6f;
    const ShapedParagraph shaped = shape_paragraph(*style.fonts, text, style.language);
    result.missing = shaped.missing;
    const ClusterBreaks found = cluster_breaks(shaped);
    const std::vector<std::size_t>& breaks = found.between_words;
    // The "-" a split plain word ends in, shaped only for text with Latin letters.
    const bool has_latin =
        std::any_of(shaped.clusters.begin(), shaped.clusters.end(),
                    [](const Cluster& c) { return c.kind == CharClass::LatinLetterOrDigit; });
    const ShapedParagraph hyphen =
        has_latin ? shape_paragraph(*style.fonts, "-", style.language) : ShapedParagraph{};

    std::vector<Span> spans;
    const LineContext context{shaped, found, style.justify,
                              style.measure - style.continuation_indent,
                              hyphen.pen.empty() ? 0 : hyphen.pen.back()};
    for (std::size_t begin = 0; begin < shaped.clusters.size();) {
        const float indent = spans.empty() ? style.first_line_indent : style.continuation_indent;
        const Span span = next_line(context, begin, style.measure - indent);
        spans.push_back(span);
        begin = skip_spaces(shaped, span.next);
    }

    std::size_t ellipsis_line = spans.size();  // None.
    bool truncated = false;
    if (style.max_lines > 0 && spans.size() > style.max_lines) {
        ellipsis_line = style.max_lines - 1;
        spans.resize(style.max_lines);
        truncated = true;
    } else if (style.ellipsis == Ellipsis::Always && !spans.empty()) {
        ellipsis_line = spans.size() - 1;
    } else if (style.lone_last_character == LoneLastCharacter::Avoid) {
        avoid_lone_last_character(shaped, breaks, style, spans);
    }

    const float ascender = face.metrics().ascender;
    const float half_leading = (line_height - (ascender + face.metrics().descender)) / 2;
    for (std::size_t index = 0; index < spans.size(); ++index) {
        const Span& span = spans[index];
        const float indent = index == 0 ? style.first_line_indent : style.continuation_indent;
        const float available = style.measure - indent;
        const float baseline = static_cast<float>(index) * line_height + half_leading + ascender;
        LaidOutLine line;
        if (index == ellipsis_line) {
            // Cut back to the furthest legal break that leaves room for the ellipsis (inside a
            // word too: the line may be part of an address), then set the kept text and the
            // ellipsis as one line.
            const float ellipsis_width = measure_text(*style.fonts, kEllipsis, style.language);
            std::size_t cut = span.begin;
            for (const std::size_t candidate : found.any) {
                if (candidate <= span.begin) {
                    continue;
                }
                const std::size_t end = trim_before_ellipsis(
                    shaped, span.begin, trim_spaces(shaped, span.begin, candidate, style.justify));
                if (candidate > span.next ||
                    natural_line_width(shaped, span.begin, end, Justify::No) + ellipsis_width >
                        available + kTolerance) {
                    break;
                }
                cut = end;
            }
            // No break at all on the line (the middle of a long address): the characters that
            // fit, not ending in an opening mark.
            const bool nothing_kept = cut == span.begin;
            for (std::size_t end = span.begin + 1; nothing_kept && end <= span.end; ++end) {
                if (natural_line_width(shaped, span.begin, end, Justify::No) + ellipsis_width >
                    available + kTolerance) {
                    break;
                }
                if (!is_prohibited_at_line_end(shaped.clusters[end - 1].first_char)) {
                    cut = end;
                }
            }
            std::string kept;
            if (cut > span.begin) {
                const std::size_t from = shaped.clusters[span.begin].begin;
                kept = std::string(text.substr(from, shaped.clusters[cut - 1].end - from));
            }
            kept += kEllipsis;
            const ShapedParagraph ending = shape_paragraph(*style.fonts, kept, style.language);
            // A line cut short of its text fills the measure; a paragraph's own last line that
            // only gains the ellipsis (more paragraphs follow) stays as short as it is.
            place_line(ending, 0, ending.clusters.size(), indent, available,
                       truncated ? style.justify : Justify::No, style, baseline, nullptr, line);
            line.text = kept;
            result.cut = true;
        } else {
            const bool last = index + 1 == spans.size();
            place_line(shaped, span.begin, span.end, indent, available,
                       last ? Justify::No : style.justify, style, baseline,
                       span.hyphen ? &hyphen : nullptr, line);
        }
        result.lines.push_back(std::move(line));
    }
    result.height = static_cast<float>(result.lines.size()) * line_height;
    return result;
}

}  // namespace placard
