// What the device knows about its content updates, kept in STORE/status.json for
// `placard-tool status` and for conditional requests across restarts.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/result.hpp"

namespace placard {

struct UpdateStatus {
    std::int64_t version = -1;  // The current version; -1 when there is none.
    std::string source;         // Where it came from (a URL or a file).
    std::string taken_at;       // RFC 3339, when it became current.
    std::string last_poll_at;
    std::string last_error;         // Empty when the last attempt succeeded.
    std::string last_error_kind;    // error_kind_name(): "unauthentic", "stale", "failed"...
    std::string last_error_source;  // Where the refused content came from ("bundle X", a URL).
    std::string last_error_at;
    int consecutive_failures = 0;

    // After a success: no error, no failures in a row.
    void clear_error();
    std::string etag, last_modified;  // Of the feed as last taken...
    std::string validated_url;        // ...from this URL: they mean nothing for another.
};

// A missing file reads as an empty status; a damaged one too (it is only a record), and a field
// of the wrong type reads as if it were absent: a bad status.json must never stop the player or
// `placard-tool status` (under Restart=always that would be a crash loop).
UpdateStatus load_update_status(const std::filesystem::path& file);
UpdateStatus parse_update_status(std::string_view text);
Status save_update_status(const std::filesystem::path& file, const UpdateStatus& status);
// The time now in RFC 3339 with the machine's offset.
std::string now_rfc3339();

}  // namespace placard
