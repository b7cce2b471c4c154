#include "studio/studio_answers.hpp"

#include "core/read_file.hpp"

namespace placard {

namespace {

void add_security_fields(HttpAnswer& answer) {
    answer.fields.emplace_back("Cache-Control", "no-store");
    answer.fields.emplace_back("X-Content-Type-Options", "nosniff");
    answer.fields.emplace_back("X-Frame-Options", "DENY");
    // "same-origin", not "no-referrer": with no-referrer a browser sends "Origin: null" on the
    // sign-in form, which the origin check (studio_server.cpp) must refuse.
    answer.fields.emplace_back("Referrer-Policy", "same-origin");
    answer.fields.emplace_back("Content-Security-Policy",
                               "default-src 'self'; img-src 'self' data: blob:; "
                               "frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
}

std::string_view content_type_of(std::string_view name) {
    if (name.ends_with(".html")) {
        return "text/html; charset=utf-8";
    }
    if (name.ends_with(".css")) {
        return "text/css; charset=utf-8";
    }
    if (name.ends_with(".js")) {
        return "text/javascript; charset=utf-8";
    }
    if (name.ends_with(".png")) {
        return "image/png";
    }
    return {};
}

// Page names are plain file names: letters, digits, '-' and one '.', nothing that walks
// folders.
bool is_page_name(std::string_view name) {
    return !name.empty() && name.size() <= 64 && name.front() != '.' &&
           name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-.") ==
               std::string_view::npos &&
           name.find("..") == std::string_view::npos;
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string escaped;
    for (const char c : text) {
        switch (c) {
            case '&':
                escaped += "&amp;";
                break;
            case '<':
                escaped += "&lt;";
                break;
            case '>':
                escaped += "&gt;";
                break;
            case '"':
                escaped += "&quot;";
                break;
            case '\'':
                escaped += "&#39;";
                break;
            default:
                escaped += c;
        }
    }
    return escaped;
}

HttpAnswer page_answer(const StudioContext& studio, std::string_view name, int status,
                       std::string_view message) {
    const std::string_view type = content_type_of(name);
    auto text = is_page_name(name) && !type.empty()
                    ? read_file(studio.options.pages / std::string(name), 4 * 1024 * 1024)
                    : Result<std::string>(make_error(ErrorKind::NotFound, "no such page"));
    if (!text) {
        return json_error(404, "no such page");
    }
    HttpAnswer answer;
    answer.status = status;
    answer.content_type = std::string(type);
    answer.body = std::move(*text);
    if (const auto slot = answer.body.find("<!--message-->"); slot != std::string::npos) {
        answer.body.replace(slot, 14, html_escape(message));
    }
    add_security_fields(answer);
    return answer;
}

HttpAnswer json_answer(int status, const nlohmann::json& body) {
    HttpAnswer answer;
    answer.status = status;
    answer.content_type = "application/json";
    answer.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    add_security_fields(answer);
    return answer;
}

HttpAnswer png_answer(std::string png) {
    HttpAnswer answer;
    answer.content_type = "image/png";
    answer.body = std::move(png);
    answer.fields.emplace_back("Cache-Control", "no-store");
    return answer;
}

HttpAnswer json_error(int status, std::string_view reason) {
    return json_answer(status, nlohmann::json{{"error", std::string(reason)}});
}

HttpAnswer redirect_answer(std::string_view location) {
    HttpAnswer answer;
    answer.status = 303;
    answer.fields.emplace_back("Location", std::string(location));
    add_security_fields(answer);
    return answer;
}

std::string session_cookie(const StudioContext& studio, std::string_view token) {
    std::string cookie = std::string(kSessionCookie) + "=" + std::string(token) +
                         "; Path=/; HttpOnly; SameSite=Strict";
    if (token.empty()) {
        cookie += "; Max-Age=0";
    }
    if (studio.options.secure_cookies) {
        cookie += "; Secure";
    }
    return cookie;
}

}  // namespace placard
