// Reads feed format v1 (docs/feed-format.md) into the content model, and says what is wrong.
//
// Every problem is reported, one line each, as "ORIGIN: PATH: WHAT", e.g.
// "feed.json: articles[3].body[2]: expected a string", so that an admin can fix a feed in one go.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/content_model.hpp"
#include "core/problem_list.hpp"
#include "core/result.hpp"

namespace placard {

struct FeedLimits {
    std::size_t max_feed_bytes = 8 * 1024 * 1024;
    std::size_t max_articles = 2000;
    std::size_t max_banners = 100;
    std::size_t max_channels = 100;
    std::size_t max_paragraphs = 1000;
    std::size_t max_highlights = 20;
    std::size_t max_ticker_items = 200;
    std::size_t max_notices = 32;
    std::size_t max_footer_lines = 20;
    std::size_t max_string_bytes = 32 * 1024;
    std::size_t max_id_bytes = 64;
    double max_banner_duration_s = 3600;
};

struct FeedParseOutcome {
    Feed feed;             // Meaningful only when problems is empty.
    ProblemList problems;  // One "ORIGIN: PATH: WHAT" each.
    bool ok() const { return problems.empty(); }
};

FeedParseOutcome parse_feed(std::string_view json_text, std::string_view origin = "feed.json",
                            const FeedLimits& limits = {});

// A path inside a bundle must be relative, use '/', and never leave the bundle (no "..", no
// empty or "." segments, no backslashes or control characters).
bool is_safe_bundle_path(std::string_view path);

}  // namespace placard
