#include "core/read_file.hpp"
#include "studio/content_folder.hpp"
#include "studio/drafts.hpp"
#include "studio/permissions.hpp"
#include "studio/studio_answers.hpp"
#include "studio/studio_routes.hpp"

namespace placard {

namespace {

constexpr std::uint64_t kMaxFeed = 8 * 1024 * 1024;

// The feed text to preview: a draft's, or a published version's.
Result<std::string> feed_to_preview(StudioContext& studio, const std::vector<std::string>& parts) {
    const auto id = parts.size() == 3 ? parse_id(parts[2]) : std::nullopt;
    if (id && parts[1] == "draft") {
        if (auto draft = find_draft(studio.db(), *id)) {
            return draft->feed;
        }
    } else if (id && parts[1] == "version") {
        auto feed = read_file(studio.publisher.version_folder(*id) / "feed.json", kMaxFeed);
        if (feed) {
            return feed;
        }
    }
    return make_error(ErrorKind::NotFound, "no such draft or version");
}

}  // namespace

// GET /api/preview/draft/N or /api/preview/version/N, with the query of parse_preview_query
// (size, at, time, article): a PNG of the screen, drawn by the player's own engine.
void handle_preview(StudioContext& studio, HttpExchange& exchange, const Session& session,
                    const std::vector<std::string>& parts) {
    if (!may(session.user.role, Action::Read)) {
        exchange.answer(json_error(403, "您的角色不能预览"));
        return;
    }
    if (!studio.preview) {
        exchange.answer(json_error(503, "previews are not available (no fonts)"));
        return;
    }
    const std::string& target = exchange.head().target;
    const std::size_t question = target.find('?');
    auto request = parse_preview_query(question == std::string::npos
                                           ? std::string_view()
                                           : std::string_view(target).substr(question + 1));
    auto feed = feed_to_preview(studio, parts);
    if (!request || !feed) {
        exchange.answer(refusal_answer(studio, request ? feed.error() : request.error()));
        return;
    }
    auto folder = make_content_folder(studio.folder.data, *feed, studio.media);
    if (!folder) {
        exchange.answer(refusal_answer(studio, folder.error()));
        return;
    }
    auto png = studio.preview->render(folder->path(), *request, folder->path().string() + ".png");
    if (!png) {
        exchange.answer(refusal_answer(studio, png.error()));
        return;
    }
    HttpAnswer answer;
    answer.content_type = "image/png";
    answer.body = std::move(*png);
    answer.fields.emplace_back("Cache-Control", "no-store");
    exchange.answer(answer);
}

}  // namespace placard
