#include "studio/content_folder.hpp"
#include "studio/drafts.hpp"
#include "studio/permissions.hpp"
#include "studio/studio_answers.hpp"
#include "studio/studio_routes.hpp"

namespace placard {

namespace {

constexpr std::uint64_t kMaxFeed = 8 * 1024 * 1024;
constexpr int kMaxUnsavedPreviews = 2;

// One of the few previews of unsaved feeds that may be read and drawn at once, held while it
// lives.
class PreviewSlot {
  public:
    explicit PreviewSlot(std::atomic<int>& in_use)
        : in_use_(in_use), taken_(++in_use <= kMaxUnsavedPreviews) {}
    ~PreviewSlot() { --in_use_; }
    PreviewSlot(const PreviewSlot&) = delete;
    PreviewSlot& operator=(const PreviewSlot&) = delete;
    bool taken() const { return taken_; }

  private:
    std::atomic<int>& in_use_;
    bool taken_;
};

// The feed text to preview: a draft's (as saved, or as the page holds it unsaved: a POST's
// body), or a published version's.
Result<std::string> feed_to_preview(StudioContext& studio, HttpExchange& exchange,
                                    const std::vector<std::string>& parts) {
    const auto id = parts.size() == 3 ? parse_id(parts[1] == "draft" || parts[1] == "version"
                                                     ? std::string_view(parts[2])
                                                     : std::string_view())
                                      : std::nullopt;
    const bool post = exchange.head().method == "POST";
    if (id && parts[1] == "draft") {
        if (auto draft = find_draft(studio.db(), *id)) {
            if (!post) {
                return draft->feed;
            }
            if (auto body = exchange.read_small_body(kMaxFeed)) {
                return std::move(*body);
            }
            return make_error(ErrorKind::Invalid, "the feed to preview did not arrive whole");
        }
    } else if (id && parts[1] == "version" && !post) {
        if (auto feed = studio.publisher.feed_text(*id)) {
            return feed;
        }
    }
    return make_error(ErrorKind::NotFound, "no such draft or version");
}

}  // namespace

// GET /api/preview/draft/N or /api/preview/version/N, with the query of parse_preview_query
// (size, at, time, article): a PNG of the screen, drawn by the player's own engine. POST
// /api/preview/draft/N with a feed.json body: the same for the draft as it is being edited, before
// it is saved (the page's live preview).
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
    // At most kMaxUnsavedPreviews previews of unsaved feeds at once: another waits its turn in
    // the page (the live preview sends one at a time), not in the studio's memory.
    std::optional<PreviewSlot> slot;
    if (exchange.head().method == "POST" && !slot.emplace(studio.unsaved_previews).taken()) {
        exchange.answer(json_error(503, "预览繁忙，请稍后再试"));
        return;
    }
    const std::string& target = exchange.head().target;
    const std::size_t question = target.find('?');
    auto request = parse_preview_query(question == std::string::npos
                                           ? std::string_view()
                                           : std::string_view(target).substr(question + 1));
    auto feed = feed_to_preview(studio, exchange, parts);
    if (exchange.answered()) {
        return;  // The body was refused (too large, too slow) with its reason.
    }
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
    exchange.answer(png_answer(std::move(*png)));
}

}  // namespace placard
