// The studio's routes, one group per file:
//   studio_server.cpp    GET /, /studio, /assets/… (the pages), and the dispatch
//   sign_in_routes.cpp   POST /sign-in, POST /api/sign-out
//   feed_routes.cpp      GET /feed/… (what screens pull)
//   api_routes.cpp       GET /api/session|versions|audit|users (what the pages read)
//   draft_routes.cpp     /api/drafts… (the 审核 workflow), /api/versions/N/rollback
//   media_routes.cpp     /api/media… (uploads), /api/import-article
//   preview_routes.cpp   /api/preview/… (the exact preview)
//   notice_routes.cpp    /api/notices (紧急插播, published at once)
//   screen_routes.cpp    /api/screens… (the fleet: reports, acceptance, commands)
// studio_server.cpp sends each request to one of them, after the checks every route shares.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
// `parts` is the path after /api/, split at '/' ("drafts", "12", "submit").
void handle_drafts(StudioContext& studio, HttpExchange& exchange, const Session& session,
                   const std::vector<std::string>& parts);
void handle_rollback(StudioContext& studio, HttpExchange& exchange, const Session& session,
                     const std::vector<std::string>& parts);
void handle_media(StudioContext& studio, HttpExchange& exchange, const Session& session,
                  const std::vector<std::string>& parts);
void handle_import_article(StudioContext& studio, HttpExchange& exchange, const Session& session);
void handle_preview(StudioContext& studio, HttpExchange& exchange, const Session& session,
                    const std::vector<std::string>& parts);
void handle_notices(StudioContext& studio, HttpExchange& exchange, const Session& session);
// POST /api/screens/report and /api/screens/screenshot/NONCE (`what`: the path after
// /api/screens/): signed by the screen, not by a session.
void handle_screen_report(StudioContext& studio, HttpExchange& exchange, std::string_view what);
void handle_screens(StudioContext& studio, HttpExchange& exchange, const Session& session,
                    const std::vector<std::string>& parts);

// The answer to a refused action: its reason, with the status its kind stands for (403 not
// allowed, 409 the state moved on, 404 no such thing, 422 content a screen would refuse...),
// without the studio's own paths (the data folder is nobody's business).
HttpAnswer refusal_answer(const StudioContext& studio, const Error& error);
// A positive integer path part ("12"); nothing for anything else.
std::optional<std::int64_t> parse_id(std::string_view text);

}  // namespace placard
