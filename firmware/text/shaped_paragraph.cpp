#include "text/shaped_paragraph.hpp"

#include <hb.h>

#include <algorithm>

#include "core/utf8.hpp"

namespace placard {
namespace {

// The blank beside a full-width punctuation mark's ink, at most half an em. Zero for marks that
// are not full width (ASCII punctuation, proportional quotes in a Latin font).
void measure_blanks(const ShapedParagraph& paragraph, Cluster& cluster) {
    if (cluster.glyph_count != 1 ||
        (cluster.kind != CharClass::Opening && cluster.kind != CharClass::Closing)) {
        return;
    }
    const ShapedGlyph& glyph = paragraph.glyphs[cluster.first_glyph];
    const float em = static_cast<float>(glyph.face->pixel_size());
    if (glyph.x_advance < 0.9f * em) {
        return;
    }
    hb_glyph_extents_t extents{};
    if (!hb_font_get_glyph_extents(glyph.face->shaping_font(), glyph.glyph, &extents)) {
        return;
    }
    const float ink_left = static_cast<float>(extents.x_bearing) / 64.0f;
    const float ink_right = static_cast<float>(extents.x_bearing + extents.width) / 64.0f;
    if (cluster.kind == CharClass::Opening) {
        cluster.blank_left = std::clamp(ink_left, 0.0f, em / 2);
    } else {
        cluster.blank_right = std::clamp(glyph.x_advance - ink_right, 0.0f, em / 2);
    }
}

// A cluster of a Latin run: a letter or digit, or a half-width sign that belongs to a number
// (15%, 25°, ¥100, $5, 3‰): the quarter em goes around "15%", not between 15 and %.
bool is_latin_run(const Cluster& cluster) {
    static constexpr std::u32string_view kNumberSigns = U"%‰°¥$€£";
    return cluster.kind == CharClass::LatinLetterOrDigit ||
           (cluster.kind != CharClass::Han &&
            kNumberSigns.find(cluster.first_char) != std::u32string_view::npos);
}

bool is_han_latin_pair(const Cluster& a, const Cluster& b) {
    return (a.kind == CharClass::Han && is_latin_run(b)) ||
           (is_latin_run(a) && b.kind == CharClass::Han);
}

}  // namespace

std::size_t ShapedParagraph::cluster_starting_at(std::size_t offset) const {
    const auto found = std::lower_bound(
        clusters.begin(), clusters.end(), offset,
        [](const Cluster& cluster, std::size_t value) { return cluster.begin < value; });
    if (found == clusters.end() || found->begin != offset) {
        return clusters.size();
    }
    return static_cast<std::size_t>(found - clusters.begin());
}

ShapedParagraph shape_paragraph(const FontChain& chain, std::string_view text,
                                std::string_view language) {
    ShapedParagraph paragraph;
    paragraph.text = text;
    paragraph.em = static_cast<float>(chain.primary().pixel_size());
    paragraph.glyphs = shape_text(chain, text, language, &paragraph.missing);

    // Clusters, in logical order: each distinct HarfBuzz cluster value starts one.
    const auto& glyphs = paragraph.glyphs;
    for (std::size_t i = 0; i < glyphs.size(); ++i) {
        if (i == 0 || glyphs[i].cluster != glyphs[i - 1].cluster) {
            Cluster cluster;
            cluster.begin = glyphs[i].cluster;
            cluster.first_glyph = static_cast<std::uint32_t>(i);
            std::size_t pos = cluster.begin;
            cluster.first_char = utf8::decode_next(text, pos);
            cluster.kind = classify(cluster.first_char);
            paragraph.clusters.push_back(cluster);
        }
        Cluster& cluster = paragraph.clusters.back();
        ++cluster.glyph_count;
        cluster.advance += glyphs[i].x_advance;
    }
    auto& clusters = paragraph.clusters;
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        clusters[i].end = i + 1 < clusters.size() ? clusters[i + 1].begin
                                                  : static_cast<std::uint32_t>(text.size());
        measure_blanks(paragraph, clusters[i]);
    }

    // Adjacent marks: the blank between them goes (CLREQ 3.1.6.2).
    for (std::size_t i = 0; i + 1 < clusters.size(); ++i) {
        Cluster& a = clusters[i];
        Cluster& b = clusters[i + 1];
        if (a.blank_right > 0 && (b.kind == CharClass::Closing || b.blank_left > 0)) {
            a.advance -= a.blank_right;
            a.blank_right = 0;
        } else if (a.kind == CharClass::Opening && b.blank_left > 0) {
            b.advance -= b.blank_left;
            b.glyph_shift -= b.blank_left;
            b.blank_left = 0;
        }
    }
    // A quarter em between Han and Latin letters or digits (CLREQ 3.4.2).
    for (std::size_t i = 0; i + 1 < clusters.size(); ++i) {
        if (is_han_latin_pair(clusters[i], clusters[i + 1])) {
            clusters[i].gap_after = paragraph.em / 4;
        }
    }

    paragraph.pen.assign(clusters.size() + 1, 0);
    paragraph.squeeze.assign(clusters.size() + 1, 0);
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        paragraph.pen[i + 1] = paragraph.pen[i] + clusters[i].advance + clusters[i].gap_after;
        paragraph.squeeze[i + 1] = paragraph.squeeze[i] + clusters[i].squeezable();
    }
    return paragraph;
}

}  // namespace placard
