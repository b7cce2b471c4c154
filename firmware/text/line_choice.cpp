#include "text/line_choice.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <string_view>

#include "text/line_breaker.hpp"

namespace placard {
namespace {

std::vector<std::size_t> to_clusters(const ShapedParagraph& shaped,
                                     const std::vector<std::size_t>& offsets) {
    std::vector<std::size_t> breaks;
    for (const std::size_t offset : offsets) {
        const std::size_t index = offset >= shaped.text.size() ? shaped.clusters.size()
                                                               : shaped.cluster_starting_at(offset);
        if (index > 0 && index <= shaped.clusters.size() &&
            (breaks.empty() || index > breaks.back())) {
            breaks.push_back(index);
        }
    }
    return breaks;
}

// CLREQ's push-in (先挤进) is for marks that may not start a line: the line [begin, end) may be
// squeezed only when what reaches past the measure is such marks alone, and by at most half an
// em (TYPOGRAPHY.md; issue 17: squeezing whole lines to pull in the next word set their ，。 half
// width).
bool may_push_in(const ShapedParagraph& shaped, std::size_t begin, std::size_t end, float available,
                 Justify justify) {
    if (natural_line_width(shaped, begin, end, justify) > available + shaped.em / 2 ||
        !fits_squeezed(shaped, begin, end, available, justify)) {
        return false;
    }
    std::size_t reach = begin;
    while (reach < end && fits(shaped, begin, reach + 1, available, justify)) {
        ++reach;
    }
    for (std::size_t i = reach; i < end; ++i) {
        if (!is_prohibited_at_line_start(shaped.clusters[i].first_char)) {
            return false;
        }
    }
    return reach < end;
}

// Whether a cut inside a word may fall before cluster `at`: not before a closing mark, not after
// an opening one, not inside —— or …… (CLREQ 3.1.7 holds for a split word too).
bool may_cut_before(const ShapedParagraph& shaped, std::size_t at) {
    const char32_t before = shaped.clusters[at - 1].first_char;
    const char32_t after = shaped.clusters[at].first_char;
    return !is_prohibited_at_line_start(after) && !is_prohibited_at_line_end(before) &&
           !splits_unbreakable_pair(before, after) && shaped.clusters[at].kind != CharClass::Space;
}

bool is_letter(const Cluster& cluster) {
    return cluster.kind == CharClass::LatinLetterOrDigit &&
           u_isalpha(static_cast<UChar32>(cluster.first_char));
}

// What may stand right beside a plain word: anything but a digit or a mark that joins it into
// an address, a path or a code (. / @ : _ - \ and the like). Sentence punctuation, quotes and
// brackets may.
bool may_border_a_plain_word(const Cluster& cluster) {
    static constexpr std::u32string_view kSentenceMarks = U",;!?\"'()[]{}";
    const char32_t c = cluster.first_char;
    return !is_word_character(c) || kSentenceMarks.find(c) != std::u32string_view::npos;
}

// Looked at no further than this many letters each way, so that splitting a huge word stays
// linear.
constexpr std::size_t kLongestWord = 64;

struct LetterRun {
    std::size_t first = 0, last = 0;
};

// The run of letters around a cut at `at` when the cut falls between two letters of a plain word
// (one without digits or joining marks: a hyphen would read as part of a number, an address, a
// path or a code); else {at, at}.
LetterRun plain_word_around(const ShapedParagraph& shaped, std::size_t at) {
    const auto& clusters = shaped.clusters;
    if (at == 0 || at >= clusters.size() || !is_letter(clusters[at - 1]) ||
        !is_letter(clusters[at])) {
        return {at, at};
    }
    std::size_t first = at, last = at;
    while (first > 0 && at - first < kLongestWord && is_letter(clusters[first - 1])) {
        --first;
    }
    while (last < clusters.size() && last - at < kLongestWord && is_letter(clusters[last])) {
        ++last;
    }
    const bool bordered = (first == 0 || may_border_a_plain_word(clusters[first - 1])) &&
                          (last == clusters.size() || may_border_a_plain_word(clusters[last]));
    return bordered ? LetterRun{first, last} : LetterRun{at, at};
}

// Whether the word or characters from `from` to the next break between words are wider than a
// whole line: then they must be split wherever they start.
bool overflows_a_line(const LineContext& context, std::size_t from) {
    const auto& words = context.breaks.between_words;
    const auto next = std::upper_bound(words.begin(), words.end(), from);
    if (from >= context.shaped.clusters.size() || next == words.end()) {
        return false;
    }
    // With the marks that may not start a line after it (2095-8048，): they go where it goes,
    // squeezed in if need be.
    const std::size_t end = trim_spaces(context.shaped, from, *next, context.justify);
    return !fits(context.shaped, from, end, context.full_line, context.justify) &&
           !may_push_in(context.shaped, from, end, context.full_line, context.justify);
}

// The furthest break inside a word that fits from `begin`, or none (`begin`).
Span furthest_split(const LineContext& context, std::size_t begin, float available) {
    Span split{begin, begin, begin};
    for (const std::size_t candidate : context.breaks.any) {
        if (candidate <= begin) {
            continue;
        }
        const std::size_t end = trim_spaces(context.shaped, begin, candidate, context.justify);
        if (!fits(context.shaped, begin, end, available, context.justify)) {
            break;
        }
        split = Span{begin, end, candidate};
    }
    return split;
}

// After the last character that fits and may end a line, no further back than where the word
// being split starts (`word`); with the room for a hyphen when the cut falls inside a plain
// word, two letters at least kept on either side. `next` is `begin` when there is no such cut.
Span cut_inside(const LineContext& context, std::size_t begin, std::size_t word, float available) {
    const ShapedParagraph& shaped = context.shaped;
    const std::size_t size = shaped.clusters.size();
    std::size_t reach = begin + 1;
    while (reach < size && fits(shaped, begin, reach + 1, available, context.justify)) {
        ++reach;
    }
    const std::size_t lowest = std::max(begin + 1, word + 1);
    std::size_t cut = reach;
    while (cut > lowest && cut < size && !may_cut_before(shaped, cut)) {
        --cut;
    }
    if (cut < size && !may_cut_before(shaped, cut)) {
        // No legal place inside the word: before it when it does not start the line, else where
        // the characters reach rather than overflow.
        return word > begin ? Span{begin, begin, begin} : Span{begin, reach, reach};
    }
    const LetterRun run = plain_word_around(shaped, cut);
    if (run.first == run.last) {
        return Span{begin, cut, cut};
    }
    // Inside a plain word: two letters at least on either side, and room for the hyphen.
    std::size_t hyphenated = std::min(cut, run.last - 2);
    while (hyphenated >= run.first + 2 && hyphenated > begin &&
           !fits(shaped, begin, hyphenated, available - context.hyphen_width, context.justify)) {
        --hyphenated;
    }
    if (hyphenated >= run.first + 2 && hyphenated > begin) {
        return Span{begin, hyphenated, hyphenated, true};
    }
    if (run.first > begin && run.first >= word) {
        return Span{begin, run.first, run.first};  // Before the word: too short to split there.
    }
    return Span{begin, cut, cut};
}

// A word wider than the line starts on this line and is split at its furthest opportunity that
// fits (after / - : . @ in an address or number) if that fills half the line at least, else cut
// inside: a line of "//" or "card-" before the rest of an address reads worse than a cut.
Span split_word(const LineContext& context, std::size_t begin, const Span& best, float available) {
    const Span split = furthest_split(context, begin, available);
    if (split.next > best.next &&
        natural_line_width(context.shaped, begin, split.end, context.justify) >= available / 2) {
        return split;
    }
    const std::size_t word = best.next > begin ? skip_spaces(context.shaped, best.next) : begin;
    const Span cut = cut_inside(context, begin, word, available);
    if (cut.next > best.next) {
        return cut;
    }
    if (best.next > begin) {
        return best;
    }
    // Nothing fits and nothing may be cut: one character, so that the text moves on.
    return Span{begin, begin + 1, begin + 1};
}

}  // namespace

ClusterBreaks cluster_breaks(const ShapedParagraph& shaped) {
    const LineBreakOpportunities found = find_line_break_opportunities(shaped.text);
    ClusterBreaks breaks;
    breaks.between_words = to_clusters(shaped, found.between_words);
    if (breaks.between_words.empty() || breaks.between_words.back() != shaped.clusters.size()) {
        breaks.between_words.push_back(shaped.clusters.size());
    }
    std::vector<std::size_t> any = found.between_words;
    any.insert(any.end(), found.inside_words.begin(), found.inside_words.end());
    std::sort(any.begin(), any.end());
    breaks.any = to_clusters(shaped, any);
    return breaks;
}

std::size_t trim_spaces(const ShapedParagraph& shaped, std::size_t begin, std::size_t end,
                        Justify justify) {
    // An ideographic space (U+3000) ending a justified line is blank as well: kept, the line
    // stopped an em short of the measure. Elsewhere it may be meant (a date set 右空四字).
    while (end > begin &&
           (shaped.clusters[end - 1].kind == CharClass::Space ||
            (justify == Justify::Yes && shaped.clusters[end - 1].first_char == U'\u3000'))) {
        --end;
    }
    return end;
}

std::size_t skip_spaces(const ShapedParagraph& shaped, std::size_t index) {
    while (index < shaped.clusters.size() && shaped.clusters[index].kind == CharClass::Space) {
        ++index;
    }
    return index;
}

bool fits(const ShapedParagraph& shaped, std::size_t begin, std::size_t end, float available,
          Justify justify) {
    return natural_line_width(shaped, begin, end, justify) <= available + kTolerance;
}

bool fits_squeezed(const ShapedParagraph& shaped, std::size_t begin, std::size_t end,
                   float available, Justify justify) {
    return natural_line_width(shaped, begin, end, justify) -
               line_squeeze(shaped, begin, end, justify) <=
           available + kTolerance;
}

Span next_line(const LineContext& context, std::size_t begin, float available) {
    const ShapedParagraph& shaped = context.shaped;
    Span best{begin, begin, begin};
    for (const std::size_t candidate : context.breaks.between_words) {
        if (candidate <= begin) {
            continue;
        }
        const std::size_t end = trim_spaces(shaped, begin, candidate, context.justify);
        if (fits(shaped, begin, end, available, context.justify)) {
            best = Span{begin, end, candidate};
            continue;
        }
        if (may_push_in(shaped, begin, end, available, context.justify)) {
            best = Span{begin, end, candidate};
        }
        break;
    }
    if (best.next == begin || overflows_a_line(context, skip_spaces(shaped, best.next))) {
        return split_word(context, begin, best, available);
    }
    return best;
}

}  // namespace placard
