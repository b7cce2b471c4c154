// The studio's routes, one group per file:
//   sign_in_routes.cpp   GET /, POST /sign-in, POST /api/sign-out
//   feed_routes.cpp      GET /feed/… (what screens pull)
//   api_routes.cpp       GET /api/… (what the pages read)
// studio_server.cpp sends each request to one of them, after the checks every route shares.
#pragma once

#include <string_view>

#include "http/bounded_http_server.hpp"
#include "studio/studio_context.hpp"

namespace placard {

void handle_sign_in(StudioContext& studio, HttpExchange& exchange);
void handle_sign_out(StudioContext& studio, HttpExchange& exchange, const Session& session);
// `path` is what follows /feed/.
void handle_feed_file(StudioContext& studio, HttpExchange& exchange, std::string_view path);
// `path` is what follows /api/.
void handle_api_read(StudioContext& studio, HttpExchange& exchange, const Session& session,
                     std::string_view path);

}  // namespace placard
