// What a request carries besides its head: the fields of an HTML form's body
// (application/x-www-form-urlencoded, WHATWG URL §5.1), a cookie (RFC 6265 §5.4) and the path
// of the target without its query.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "http/http_request_head.hpp"

namespace placard {

// The form's fields by name; a name given twice keeps its first value. Nothing when the body is
// not well-formed (a bad percent escape).
std::optional<std::map<std::string, std::string>> parse_form(std::string_view body);
// The value of cookie `name` in the request's Cookie field; empty when absent.
std::string cookie_value(const HttpRequestHead& head, std::string_view name);
// The target's path: before any '?' or '#'.
std::string_view target_path(std::string_view target);

}  // namespace placard
