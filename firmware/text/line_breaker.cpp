#include "text/line_breaker.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>

#include "core/utf8.hpp"

namespace placard {

std::vector<std::size_t> find_line_breaks(std::string_view text) {
    std::vector<std::size_t> breaks;
    if (text.empty()) {
        return breaks;
    }
    UErrorCode status = U_ZERO_ERROR;
    // "lb=strict" selects CSS/UAX #14 strict line breaking, which keeps small kana and
    // iteration marks with what precedes them.
    std::unique_ptr<icu::BreakIterator> iterator(
        icu::BreakIterator::createLineInstance(icu::Locale("zh@lb=strict"), status));
    UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status) || !iterator) {
        utext_close(utext);
        breaks.push_back(text.size());  // No iterator: the whole text is one unbreakable run.
        return breaks;
    }
    iterator->setText(utext, status);
    for (int32_t pos = iterator->next(); pos != icu::BreakIterator::DONE; pos = iterator->next()) {
        const auto offset = static_cast<std::size_t>(pos);
        if (offset >= text.size()) {
            break;
        }
        std::size_t before_start = 0;
        const char32_t before = utf8::decode_previous(text, offset, before_start);
        std::size_t after_end = offset;
        const char32_t after = utf8::decode_next(text, after_end);
        if (is_prohibited_at_line_start(after) || is_prohibited_at_line_end(before) ||
            splits_unbreakable_pair(before, after)) {
            continue;
        }
        breaks.push_back(offset);
    }
    utext_close(utext);
    breaks.push_back(text.size());
    return breaks;
}

}  // namespace placard
