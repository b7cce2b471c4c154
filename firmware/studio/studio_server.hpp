// Placard Studio's web server: the admins' pages, their JSON API (docs/studio-api.md) and the
// signed feed screens pull, on Placard's own bounded HTTP server (http/), since the studio
// faces the same LAN the screens do.
#pragma once

#include <memory>
#include <string>

#include "http/bounded_http_server.hpp"
#include "studio/studio_context.hpp"

namespace placard {

// Sends one request to its route, after the checks every route shares: the method, the
// session for /api/ and /studio, the CSRF token and the origin for every change.
void handle_studio_request(StudioContext& studio, HttpExchange& exchange);

// Serves `studio` on `listen` (HOST:PORT) until destroyed.
Result<std::unique_ptr<BoundedHttpServer>> start_studio_server(const std::string& listen,
                                                               StudioContext& studio);

}  // namespace placard
