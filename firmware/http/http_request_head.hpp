// The head of an HTTP/1.1 request (RFC 9112 §2-§5): the request line and the header fields,
// read by Placard's own server (bounded_http_server.hpp) so that what a stranger on the LAN
// sends before anything is authenticated is bounded — in bytes, in time and in connections.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace placard {

struct HttpRequestHead {
    std::string method, target;
    std::vector<std::pair<std::string, std::string>> fields;  // Names in lower case.

    // The field's value; nothing when absent. A field given twice with different values reads
    // as ambiguous (an error: RFC 9112 §6.3 treats conflicting Content-Length as fatal).
    Result<std::optional<std::string>> field(std::string_view name) const;
    bool has(std::string_view name) const;
};

// Parses the head: everything before the empty line that ends it (CRLF line ends; a bare LF is
// taken too, as RFC 9112 §2.2 allows). No obsolete line folding, no field without a colon.
Result<HttpRequestHead> parse_request_head(std::string_view head);

}  // namespace placard
