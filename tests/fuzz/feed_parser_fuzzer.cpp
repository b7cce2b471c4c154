// libFuzzer target for the feed parser and validator (after libass's fuzz/fuzz.c): any bytes
// in, a parse outcome out, never a crash, a hang or undefined behaviour; every problem line
// is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/feed_parser.hpp"
#include "core/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const placard::FeedParseOutcome outcome = placard::parse_feed(text);
    for (const auto& problem : outcome.problems) {
        if (!placard::utf8::is_valid(problem.message)) {
            std::abort();
        }
    }
    return 0;
}
