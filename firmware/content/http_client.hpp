// One HTTP(S) GET with libcurl, bounded in time and size, with conditional-request headers
// (RFC 9110 §13: If-None-Match with the ETag, If-Modified-Since with Last-Modified).
#pragma once

#include <cstddef>
#include <string>

#include "core/result.hpp"

namespace placard {

struct HttpRequest {
    std::string url;
    std::string if_none_match;      // A previous ETag, or empty.
    std::string if_modified_since;  // A previous Last-Modified, or empty.
    double connect_timeout_s = 10;
    double total_timeout_s = 60;
    std::size_t max_bytes = 8 * 1024 * 1024;
    bool not_found_is_an_answer = false;  // 404 returned as a response, not an error.
};

struct HttpResponse {
    long status = 0;  // 200, 304, …
    std::string body;
    std::string etag;
    std::string last_modified;
};

// Fails (with the URL and the reason) on connection errors, time-outs, bodies over max_bytes
// and statuses other than 200 and 304.
Result<HttpResponse> http_get(const HttpRequest& request);

// POSTs `body` (application/octet-stream) with an optional Authorization header; any HTTP
// status is returned (the caller decides), connection failures are errors.
Result<HttpResponse> http_post(const std::string& url, const std::string& body,
                               const std::string& authorization, double timeout_s = 120);

// `relative` resolved against the folder of `base` ("http://h/feeds/feed.json" + "media/a.png"
// → "http://h/feeds/media/a.png").
std::string resolve_url(const std::string& base, const std::string& relative);

}  // namespace placard
