#include "studio/studio_server.hpp"

#include <filesystem>

#include "http/request_fields.hpp"
#include "runtime/log.hpp"
#include "studio/studio_answers.hpp"
#include "studio/studio_routes.hpp"

namespace placard {

namespace {

// A browser names the page a change comes from in Origin (RFC 6454 §7); a change from another
// site's page is refused even before the session and the CSRF token are looked at. Clients
// that are not browsers send no Origin.
bool from_elsewhere(const HttpRequestHead& head) {
    auto origin = head.field("origin");
    auto host = head.field("host");
    if (!origin || !*origin) {
        return false;
    }
    const std::string& value = **origin;
    const std::size_t scheme_end = value.find("://");
    return !host || !*host || scheme_end == std::string::npos ||
           value.substr(scheme_end + 3) != **host;
}

std::vector<std::string> split_path(std::string_view path) {
    std::vector<std::string> parts;
    while (!path.empty()) {
        const std::size_t slash = path.find('/');
        parts.emplace_back(path.substr(0, slash));
        path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
    }
    return parts;
}

// The routes shared by GET and POST (each decides by the method).
bool handle_resource(StudioContext& studio, HttpExchange& exchange, const Session& session,
                     const std::vector<std::string>& parts) {
    if (parts.empty()) {
        return false;
    }
    if (parts[0] == "drafts") {
        handle_drafts(studio, exchange, session, parts);
    } else if (parts[0] == "media") {
        handle_media(studio, exchange, session, parts);
    } else if (parts[0] == "preview") {
        handle_preview(studio, exchange, session, parts);
    } else if (parts.size() == 1 && parts[0] == "notices") {
        handle_notices(studio, exchange, session);
    } else if (parts[0] == "screens") {
        handle_screens(studio, exchange, session, parts);
    } else {
        return false;
    }
    return true;
}

void handle_api(StudioContext& studio, HttpExchange& exchange, std::string_view path) {
    const auto session = request_session(studio, exchange.head());
    if (!session) {
        exchange.answer(json_error(401, "not signed in"));
        return;
    }
    const std::vector<std::string> parts = split_path(path);
    if (exchange.head().method == "GET") {
        if (!handle_resource(studio, exchange, *session, parts)) {
            handle_api_read(studio, exchange, *session, path);
        }
        return;
    }
    auto token = exchange.head().field("x-csrf-token");
    if (!token || !*token || !csrf_matches(*session, **token)) {
        exchange.answer(json_error(403, "the request has no valid CSRF token"));
    } else if (handle_resource(studio, exchange, *session, parts)) {
        return;
    } else if (path == "sign-out") {
        handle_sign_out(studio, exchange, *session);
    } else if (path == "import-article") {
        handle_import_article(studio, exchange, *session);
    } else if (!parts.empty() && parts[0] == "versions") {
        handle_rollback(studio, exchange, *session, parts);
    } else {
        exchange.answer(json_error(404, "no such action"));
    }
}

void handle_get(StudioContext& studio, HttpExchange& exchange, std::string_view path) {
    if (path == "/") {
        exchange.answer(request_session(studio, exchange.head())
                            ? redirect_answer("/studio")
                            : page_answer(studio, "sign-in.html"));
    } else if (path == "/studio") {
        exchange.answer(request_session(studio, exchange.head())
                            ? page_answer(studio, "studio.html")
                            : redirect_answer("/"));
    } else if (path.starts_with("/assets/")) {
        exchange.answer(page_answer(studio, path.substr(8)));
    } else if (path.starts_with("/feed/")) {
        handle_feed_file(studio, exchange, path.substr(6));
    } else if (path.starts_with("/api/")) {
        handle_api(studio, exchange, path.substr(5));
    } else {
        exchange.answer(json_error(404, "not found"));
    }
}

}  // namespace

HttpAnswer refusal_answer(const StudioContext& studio, const Error& error) {
    std::string message = error.message;
    for (const std::string& data :
         {std::filesystem::absolute(studio.folder.data).string(), studio.folder.data.string()}) {
        for (std::size_t at = data.empty() ? std::string::npos : message.find(data);
             at != std::string::npos; at = message.find(data)) {
            message.replace(at, data.size(), "…");
        }
    }
    switch (error.kind) {
        case ErrorKind::Unauthentic:
            return json_error(403, message);
        case ErrorKind::Stale:
            return json_error(409, message);
        case ErrorKind::NotFound:
            return json_error(404, message);
        case ErrorKind::TooLarge:
            return json_error(413, message);
        case ErrorKind::Failed:
            return json_error(500, message);
        case ErrorKind::Invalid:
            break;
    }
    return json_error(422, message);
}

std::optional<std::int64_t> parse_id(std::string_view text) {
    if (text.empty() || text.size() > 18 ||
        text.find_first_not_of("0123456789") != std::string::npos) {
        return std::nullopt;
    }
    const std::int64_t id = std::stoll(std::string(text));
    return id > 0 ? std::optional<std::int64_t>(id) : std::nullopt;
}

void handle_studio_request(StudioContext& studio, HttpExchange& exchange) {
    const std::string& method = exchange.head().method;
    const std::string_view path = target_path(exchange.head().target);
    if (method == "GET") {
        handle_get(studio, exchange, path);
        return;
    }
    if (method != "POST") {
        HttpAnswer answer = json_error(405, "only GET and POST are served");
        answer.fields.emplace_back("Allow", "GET, POST");
        exchange.answer(answer);
        return;
    }
    if (from_elsewhere(exchange.head())) {
        exchange.answer(json_error(403, "a change from another site's page"));
    } else if (path == "/api/screens/report" || path.starts_with("/api/screens/screenshot/")) {
        handle_screen_report(studio, exchange,
                             path.substr(std::string_view("/api/screens/").size()));
    } else if (path == "/sign-in") {
        handle_sign_in(studio, exchange);
    } else if (path.starts_with("/api/")) {
        handle_api(studio, exchange, path.substr(5));
    } else {
        exchange.answer(json_error(404, "not found"));
    }
}

Result<std::unique_ptr<BoundedHttpServer>> start_studio_server(const std::string& listen,
                                                               StudioContext& studio) {
    HttpLimits limits;
    // A browser opens up to six connections to a site at once; the page and its parts load in
    // parallel. Still bounded: a stranger gets at most eight at once.
    limits.max_connections = 32;
    limits.max_connections_per_peer = 8;
    limits.body_deadline = std::chrono::seconds(120);
    return BoundedHttpServer::start(
        listen, "--listen", limits,
        [&studio](HttpExchange& exchange) { handle_studio_request(studio, exchange); },
        [](const std::string& reason) { log_warning("studio: refused " + reason); });
}

}  // namespace placard
