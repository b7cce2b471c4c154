#include "text/line_justifier.hpp"

#include <algorithm>

namespace placard {
namespace {

float leading_trim(const Cluster& first) {
    return first.kind == CharClass::Opening ? first.blank_left : 0;
}
float trailing_trim(const Cluster& last, Justify justify) {
    return justify == Justify::Yes && last.kind == CharClass::Closing ? last.blank_right : 0;
}

// Letter-spacing a line out to the measure adds at most half an em between two characters: a
// line that would need more (a few characters before a long word) stays short rather than
// spread 3 em a gap (issue 17).
constexpr float kMostAddedBetweenCharacters = 0.5f;

// Never spaced apart: the letters, digits and marks of one word, number or address, Latin or
// full width (2 0 9 5-8 0 4 8, a d m i n @ ..., ０ ９ ３ １ － １ ２ ３ read as loose digits).
bool inside_a_word(const Cluster& cluster, const Cluster& next) {
    return is_word_character(cluster.first_char) && is_word_character(next.first_char);
}

// One adjustable amount on the line: how much it may change, and where the change goes.
struct Adjustable {
    std::size_t cluster;
    float capacity;
    enum class Where { ShrinkLeft, ShrinkRight, Gap } where;
};

}  // namespace

float natural_line_width(const ShapedParagraph& paragraph, std::size_t begin, std::size_t end,
                         Justify justify) {
    if (end <= begin) {
        return 0;
    }
    const Cluster& first = paragraph.clusters[begin];
    const Cluster& last = paragraph.clusters[end - 1];
    return paragraph.pen[end] - paragraph.pen[begin] - last.gap_after - leading_trim(first) -
           trailing_trim(last, justify);
}

float line_squeeze(const ShapedParagraph& paragraph, std::size_t begin, std::size_t end,
                   Justify justify) {
    if (end <= begin) {
        return 0;
    }
    const Cluster& first = paragraph.clusters[begin];
    const Cluster& last = paragraph.clusters[end - 1];
    return paragraph.squeeze[end] - paragraph.squeeze[begin] - leading_trim(first) -
           trailing_trim(last, justify) - last.gap_after;
}

FittedLine fit_line(const ShapedParagraph& paragraph, std::size_t begin, std::size_t end,
                    float measure, Justify justify) {
    FittedLine line;
    const std::size_t count = end > begin ? end - begin : 0;
    if (count == 0) {
        return line;
    }
    const auto& clusters = paragraph.clusters;
    std::vector<float> left_trim(count, 0), width(count), gap(count, 0);
    for (std::size_t i = 0; i < count; ++i) {
        const Cluster& cluster = clusters[begin + i];
        width[i] = cluster.advance;
        gap[i] = i + 1 < count ? cluster.gap_after : 0;
    }
    left_trim[0] = leading_trim(clusters[begin]);
    width[0] -= left_trim[0];
    width[count - 1] -= trailing_trim(clusters[end - 1], justify);

    float natural = 0;
    for (std::size_t i = 0; i < count; ++i) {
        natural += width[i] + gap[i];
    }

    // Applies `amount` spread over `pool` in proportion to each member's capacity; returns what
    // was applied. Negative amounts shrink.
    const auto apply = [&](const std::vector<Adjustable>& pool, float amount, bool shrink) {
        float capacity = 0;
        for (const auto& item : pool) {
            capacity += item.capacity;
        }
        if (capacity <= 0) {
            return 0.0f;
        }
        const float used = std::min(amount, capacity);
        for (const auto& item : pool) {
            const float share = used * item.capacity / capacity;
            const std::size_t i = item.cluster;
            switch (item.where) {
                case Adjustable::Where::ShrinkLeft:
                    left_trim[i] += share;
                    width[i] -= share;
                    break;
                case Adjustable::Where::ShrinkRight:
                    width[i] -= share;
                    break;
                case Adjustable::Where::Gap:
                    gap[i] += shrink ? -share : share;
                    break;
            }
        }
        return used;
    };

    if (natural > measure) {
        // Squeeze in CLREQ's order.
        std::vector<Adjustable> spaces, brackets, marks, gaps;
        for (std::size_t i = 0; i < count; ++i) {
            const Cluster& cluster = clusters[begin + i];
            if (cluster.kind == CharClass::Space && i + 1 < count) {
                spaces.push_back({i, cluster.advance / 3, Adjustable::Where::ShrinkRight});
            }
            if (i > 0 && cluster.blank_left > 0) {
                brackets.push_back({i, cluster.blank_left, Adjustable::Where::ShrinkLeft});
            }
            const bool trimmed_end = i + 1 == count && justify == Justify::Yes;
            if (!trimmed_end && cluster.blank_right > 0) {
                (is_closing_bracket(cluster.first_char) ? brackets : marks)
                    .push_back({i, cluster.blank_right, Adjustable::Where::ShrinkRight});
            }
            if (gap[i] > 0) {
                gaps.push_back({i, gap[i], Adjustable::Where::Gap});
            }
        }
        float excess = natural - measure;
        for (const auto* pool : {&spaces, &brackets, &marks, &gaps}) {
            excess -= apply(*pool, excess, true);
        }
    } else if (natural < measure && justify == Justify::Yes) {
        std::vector<Adjustable> spaces, mixed, all;
        const float em = paragraph.em;
        for (std::size_t i = 0; i + 1 < count; ++i) {
            const Cluster& cluster = clusters[begin + i];
            const Cluster& next = clusters[begin + i + 1];
            // A run of word spaces widens once, at its last space, not at each of them.
            const bool inside_spaces =
                cluster.kind == CharClass::Space && next.kind == CharClass::Space;
            if (cluster.kind == CharClass::Space && !inside_spaces) {
                spaces.push_back({i, em / 2, Adjustable::Where::Gap});
            }
            if (cluster.gap_after > 0) {
                mixed.push_back({i, em / 4, Adjustable::Where::Gap});
            }
            const bool inside_pair =
                cluster.kind == CharClass::DashOrEllipsis && next.first_char == cluster.first_char;
            const bool beside_connector =
                cluster.kind == CharClass::Connector || next.kind == CharClass::Connector;
            // A Han–Latin gap has grown already (mixed), and so has a word space (spaces): they
            // do not take a share twice.
            const bool beside_space =
                cluster.kind == CharClass::Space || next.kind == CharClass::Space;
            if (!inside_pair && !beside_connector && !beside_space && cluster.gap_after <= 0 &&
                !inside_a_word(cluster, next)) {
                all.push_back({i, kMostAddedBetweenCharacters * em, Adjustable::Where::Gap});
            }
        }
        float missing = measure - natural;
        for (const auto* pool : {&spaces, &mixed, &all}) {
            missing -= apply(*pool, missing, false);
        }
    }

    line.glyph_x.resize(count);
    float x = 0;
    for (std::size_t i = 0; i < count; ++i) {
        line.glyph_x[i] = x - left_trim[i] + clusters[begin + i].glyph_shift;
        x += width[i] + (i + 1 < count ? gap[i] : 0);
    }
    line.width = x;
    line.filled = std::abs(x - measure) < 0.01f;
    return line;
}

}  // namespace placard
