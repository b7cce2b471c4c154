#include "http/http_request_head.hpp"

#include <algorithm>
#include <cctype>

namespace placard {
namespace {

std::string_view trim_spaces(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
        text.remove_suffix(1);
    }
    return text;
}

// RFC 9110 §5.6.2: a field name is a token.
bool is_token(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
               std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
    });
}

}  // namespace

Result<std::optional<std::string>> HttpRequestHead::field(std::string_view name) const {
    std::optional<std::string> found;
    for (const auto& [field_name, value] : fields) {
        if (field_name != name) {
            continue;
        }
        if (found && *found != value) {
            return make_error(std::string(name) + " is given twice, with different values");
        }
        found = value;
    }
    return found;
}

bool HttpRequestHead::has(std::string_view name) const {
    return std::any_of(fields.begin(), fields.end(),
                       [&](const auto& field) { return field.first == name; });
}

Result<HttpRequestHead> parse_request_head(std::string_view head) {
    HttpRequestHead parsed;
    bool first = true;
    while (!head.empty()) {
        const auto end = head.find('\n');
        std::string_view line = head.substr(0, end);
        head = end == std::string_view::npos ? std::string_view() : head.substr(end + 1);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (first) {
            // request-line = method SP request-target SP HTTP-version
            const auto space = line.find(' ');
            const auto second = line.find(' ', space == std::string_view::npos ? space : space + 1);
            if (space == std::string_view::npos || second == std::string_view::npos ||
                !line.substr(second + 1).starts_with("HTTP/1.")) {
                return make_error("not an HTTP/1.1 request line");
            }
            parsed.method = std::string(line.substr(0, space));
            parsed.target = std::string(line.substr(space + 1, second - space - 1));
            if (!is_token(parsed.method) || parsed.target.empty()) {
                return make_error("not an HTTP/1.1 request line");
            }
            first = false;
            continue;
        }
        if (line.empty()) {
            break;
        }
        if (line.front() == ' ' || line.front() == '\t') {
            return make_error("obsolete line folding in the header");
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos || !is_token(line.substr(0, colon))) {
            return make_error("a header field without a name");
        }
        std::string name(line.substr(0, colon));
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        parsed.fields.emplace_back(std::move(name),
                                   std::string(trim_spaces(line.substr(colon + 1))));
    }
    if (first) {
        return make_error("an empty request");
    }
    return parsed;
}

}  // namespace placard
