#include "studio/studio_server.hpp"

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

void handle_api(StudioContext& studio, HttpExchange& exchange, std::string_view path) {
    const auto session = request_session(studio, exchange.head());
    if (!session) {
        exchange.answer(json_error(401, "not signed in"));
        return;
    }
    if (exchange.head().method == "GET") {
        handle_api_read(studio, exchange, *session, path);
        return;
    }
    auto token = exchange.head().field("x-csrf-token");
    if (!token || !*token || !csrf_matches(*session, **token)) {
        exchange.answer(json_error(403, "the request has no valid CSRF token"));
        return;
    }
    if (path == "sign-out") {
        handle_sign_out(studio, exchange, *session);
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
