// The kinds of answer the studio gives, each with the header fields a web app for admins
// should send (OWASP's secure headers): no caching of pages or data, no sniffing of content
// types, no framing by other sites, scripts and styles only from the studio itself.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "http/bounded_http_server.hpp"
#include "studio/studio_context.hpp"

namespace placard {

// A file of the studio's pages (assets/studio/NAME); 404 when NAME is not one of them.
// `message` replaces the page's <!--message--> (HTML-escaped), for the sign-in page's errors.
HttpAnswer page_answer(const StudioContext& studio, std::string_view name, int status = 200,
                       std::string_view message = {});
HttpAnswer json_answer(int status, const nlohmann::json& body);
// {"error": reason}, for the pages to show.
HttpAnswer json_error(int status, std::string_view reason);
// A PNG (a preview, a screen's screenshot), never cached: it is redrawn or replaced.
HttpAnswer png_answer(std::string png);
HttpAnswer redirect_answer(std::string_view location);
// The session cookie's Set-Cookie value; an empty token clears it.
std::string session_cookie(const StudioContext& studio, std::string_view token);
std::string html_escape(std::string_view text);

}  // namespace placard
