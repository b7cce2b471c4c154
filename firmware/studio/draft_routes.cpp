#include <nlohmann/json.hpp>

#include "studio/audit_log.hpp"
#include "studio/content_folder.hpp"
#include "studio/notice_editing.hpp"
#include "studio/permissions.hpp"
#include "studio/studio_answers.hpp"
#include "studio/studio_routes.hpp"
#include "studio/workflow.hpp"

namespace placard {

namespace {

constexpr std::uint64_t kMaxFeedBody = 8 * 1024 * 1024;
constexpr std::uint64_t kMaxNoteBody = 64 * 1024;

nlohmann::json draft_json(const Draft& draft, bool with_feed) {
    nlohmann::json json = {{"id", draft.id},
                           {"author", draft.author},
                           {"base_version", draft.base_version},
                           {"state", std::string(draft_state_name(draft.state))},
                           {"note", draft.note},
                           {"reviewer", draft.reviewer},
                           {"version", draft.version},
                           {"updated", draft.updated}};
    if (with_feed) {
        json["feed"] = nlohmann::json::parse(draft.feed, nullptr, false);
    }
    return json;
}

// A content folder's problems as a 422 the page can list.
HttpAnswer problems_answer(const ProblemList& problems) {
    nlohmann::json lines = problems.messages();
    return json_answer(422, {{"error", problems.front().message}, {"problems", lines}});
}

void answer_with_draft(StudioContext& studio, HttpExchange& exchange, std::int64_t id) {
    const auto now = find_draft(studio.db(), id);
    exchange.answer(now ? json_answer(200, draft_json(*now, false))
                        : json_error(404, "no such draft"));
}

// The note of a step ({"note": "..."}; an empty body is no note).
std::optional<std::string> read_note(HttpExchange& exchange) {
    const HttpRequestHead& head = exchange.head();
    if (!head.has("content-length") && !head.has("transfer-encoding")) {
        return std::string();  // A POST without a body (RFC 9110 §8.6: no length, no content).
    }
    auto body = exchange.read_small_body(kMaxNoteBody);
    if (!body) {
        return std::nullopt;
    }
    if (body->empty()) {
        return std::string();
    }
    const auto json = nlohmann::json::parse(*body, nullptr, false);
    if (!json.is_object() || (json.contains("note") && !json["note"].is_string())) {
        exchange.answer(json_error(400, "the body is not {\"note\": TEXT}"));
        return std::nullopt;
    }
    return json.value("note", std::string());
}

void create(StudioContext& studio, HttpExchange& exchange, const Session& session) {
    if (!may(session.user.role, Action::Edit)) {
        exchange.answer(json_error(403, "您的角色不能编写内容"));
        return;
    }
    const auto base = studio.publisher.current_version();
    auto feed = base ? studio.publisher.feed_text(*base)
                     : Result<std::string>(make_error("nothing is published"));
    if (!feed) {
        exchange.answer(refusal_answer(studio, feed.error()));
        return;
    }
    auto id = create_draft(studio.db(), session.user.name, *base, *feed, studio.now());
    if (!id) {
        exchange.answer(refusal_answer(studio, id.error()));
        return;
    }
    record_audit(studio.db(),
                 {studio.now(), session.user.name, "draft made",
                  "draft " + std::to_string(*id) + " from version " + std::to_string(*base)});
    const auto made = find_draft(studio.db(), *id);
    exchange.answer(made ? json_answer(201, draft_json(*made, true))
                         : json_error(500, "the new draft cannot be read back"));
}

// POST /api/drafts/N/feed: the whole feed.json, checked as a screen checks it before it is
// kept: a draft is always something screens can show.
void save_feed(StudioContext& studio, HttpExchange& exchange, const Session& session,
               const Draft& draft) {
    if (auto allowed = check_draft_step(session.user, draft, DraftStep::Edit); !allowed) {
        exchange.answer(refusal_answer(studio, allowed.error()));
        return;
    }
    auto body = exchange.read_small_body(kMaxFeedBody);
    if (!body) {
        return;
    }
    auto folder = make_content_folder(studio.folder.data, *body, studio.media);
    if (!folder) {
        exchange.answer(refusal_answer(studio, folder.error()));
        return;
    }
    if (const ProblemList problems = check_content_folder(folder->path()); !problems.empty()) {
        exchange.answer(problems_answer(problems));
        return;
    }
    if (auto saved = save_draft_feed(studio.db(), draft, *body, session.user.name, studio.now());
        !saved) {
        exchange.answer(refusal_answer(studio, saved.error()));
        return;
    }
    answer_with_draft(studio, exchange, draft.id);
}

// The content a draft publishes: its own; or, when it was made from an older version than the
// current one and only notices were published since, its own with the current notices.
Result<std::string> content_to_publish(StudioContext& studio, const Draft& draft,
                                       std::optional<std::int64_t> current) {
    if (!current || *current == draft.base_version) {
        return draft.feed;
    }
    const auto base_text = studio.publisher.feed_text(draft.base_version);
    const auto current_text = studio.publisher.feed_text(*current);
    const auto parse = [](const Result<std::string>& text) {
        return text ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json();
    };
    if (auto carried = carry_notices(nlohmann::json::parse(draft.feed, nullptr, false),
                                     parse(base_text), parse(current_text))) {
        return carried->dump(2);
    }
    // Published as it is, it would quietly undo what was published since, which its reviewer
    // never saw: refused, to be made again from the current version.
    return make_error(ErrorKind::Stale, "草稿基于 v" + std::to_string(draft.base_version) +
                                            "，之后已发布了 v" + std::to_string(*current) +
                                            "：请基于当前版本新建草稿");
}

Result<std::int64_t> publish_draft(StudioContext& studio, const Session& session,
                                   const Draft& draft) {
    const auto current = studio.publisher.current_version();
    auto content = content_to_publish(studio, draft, current);
    if (!content) {
        return content.error();
    }
    auto files = publishable_files(studio.folder.data, *content, studio.media);
    if (!files) {
        return files.error();
    }
    // Claimed first (approved → published, only if still approved): two reviewers pressing
    // 发布 at once publish it once.
    if (auto claimed = move_draft(studio.db(), draft.id, DraftState::Approved,
                                  DraftState::Published, draft.reviewer, draft.note, studio.now());
        !claimed) {
        return claimed.error();
    }
    const std::string note = draft.note.empty() ? "草稿 " + std::to_string(draft.id) : draft.note;
    auto version =
        studio.publisher.publish(std::move(*files), session.user.name, note, studio.now(), current);
    if (!version) {
        (void)move_draft(studio.db(), draft.id, DraftState::Published, DraftState::Approved,
                         draft.reviewer, draft.note, studio.now());
        return version.error();
    }
    if (auto recorded = mark_draft_published(studio.db(), draft.id, *version, studio.now());
        !recorded) {
        return recorded.error();
    }
    return version;
}

void take_step(StudioContext& studio, HttpExchange& exchange, const Session& session,
               const Draft& draft, DraftStep step, std::string_view name) {
    if (auto allowed = check_draft_step(session.user, draft, step); !allowed) {
        exchange.answer(refusal_answer(studio, allowed.error()));
        return;
    }
    std::string detail = "draft " + std::to_string(draft.id) + " by " + draft.author;
    if (step == DraftStep::Publish) {
        auto version = publish_draft(studio, session, draft);
        if (!version) {
            exchange.answer(refusal_answer(studio, version.error()));
            return;
        }
        detail = "version " + std::to_string(*version) + " from " + detail + ", approved by " +
                 draft.reviewer;
    } else {
        auto note = read_note(exchange);
        if (!note) {
            return;
        }
        const std::string reviewer = step == DraftStep::Submit ? "" : session.user.name;
        if (auto moved = move_draft(studio.db(), draft.id, state_before(step), state_after(step),
                                    reviewer, *note, studio.now());
            !moved) {
            exchange.answer(refusal_answer(studio, moved.error()));
            return;
        }
    }
    record_audit(studio.db(), {studio.now(), session.user.name, std::string(name), detail});
    answer_with_draft(studio, exchange, draft.id);
}

std::optional<DraftStep> step_named(std::string_view name) {
    if (name == "submit") {
        return DraftStep::Submit;
    }
    if (name == "approve") {
        return DraftStep::Approve;
    }
    if (name == "send-back") {
        return DraftStep::SendBack;
    }
    if (name == "publish") {
        return DraftStep::Publish;
    }
    return std::nullopt;
}

void list(StudioContext& studio, HttpExchange& exchange) {
    nlohmann::json drafts = nlohmann::json::array();
    for (const Draft& draft : open_drafts(studio.db())) {
        drafts.push_back(draft_json(draft, false));
    }
    exchange.answer(json_answer(200, {{"drafts", drafts}}));
}

}  // namespace

// /api/drafts: GET the open drafts, POST a new one (from the current version);
// /api/drafts/N: GET one with its feed; POST /api/drafts/N/feed|submit|approve|send-back|publish.
void handle_drafts(StudioContext& studio, HttpExchange& exchange, const Session& session,
                   const std::vector<std::string>& parts) {
    const bool get = exchange.head().method == "GET";
    if (parts.size() == 1) {
        get ? list(studio, exchange) : create(studio, exchange, session);
        return;
    }
    const auto id = parse_id(parts[1]);
    const auto draft = id ? find_draft(studio.db(), *id) : std::nullopt;
    if (!draft) {
        exchange.answer(json_error(404, "no such draft"));
    } else if (get && parts.size() == 2) {
        exchange.answer(json_answer(200, draft_json(*draft, true)));
    } else if (!get && parts.size() == 3 && parts[2] == "feed") {
        save_feed(studio, exchange, session, *draft);
    } else if (const auto step = parts.size() == 3 ? step_named(parts[2]) : std::nullopt;
               !get && step) {
        take_step(studio, exchange, session, *draft, *step, parts[2]);
    } else {
        exchange.answer(json_error(404, "no such action"));
    }
}

namespace {

// An old version's content with the current version's notices, as it is to be published.
Result<std::string> rolled_back_feed(StudioContext& studio, std::int64_t version,
                                     std::optional<std::int64_t> current) {
    auto old_text = studio.publisher.feed_text(version);
    if (!old_text) {
        return make_error(ErrorKind::NotFound, "no such version");
    }
    auto current_text =
        current ? studio.publisher.feed_text(*current) : Result<std::string>(std::string("{}"));
    const auto old_feed = nlohmann::json::parse(*old_text, nullptr, false);
    const auto current_feed =
        current_text ? nlohmann::json::parse(*current_text, nullptr, false) : nlohmann::json();
    if (!old_feed.is_object() || !current_feed.is_object()) {
        return make_error(ErrorKind::Failed, "a version's feed.json cannot be read");
    }
    return with_notices_of(old_feed, current_feed).dump(2);
}

}  // namespace

// POST /api/versions/N/rollback: version N's content published again as a new version (a
// screen never takes a lower version number, so going back is going forward with old content),
// with the current notices, checked as any version is.
void handle_rollback(StudioContext& studio, HttpExchange& exchange, const Session& session,
                     const std::vector<std::string>& parts) {
    const auto version = parts.size() == 3 ? parse_id(parts[1]) : std::nullopt;
    if (!version || parts[2] != "rollback") {
        exchange.answer(json_error(404, "no such action"));
        return;
    }
    if (!may(session.user.role, Action::Publish)) {
        exchange.answer(json_error(403, "您的角色不能发布"));
        return;
    }
    const auto current = studio.publisher.current_version();
    auto feed = rolled_back_feed(studio, *version, current);
    auto files = feed ? publishable_files(studio.folder.data, *feed, studio.media)
                      : Result<std::vector<TarEntry>>(feed.error());
    if (!files) {
        exchange.answer(refusal_answer(studio, files.error()));
        return;
    }
    const std::string note = "回滚：恢复 v" + std::to_string(*version) + " 的内容";
    auto published =
        studio.publisher.publish(std::move(*files), session.user.name, note, studio.now(), current);
    if (!published) {
        exchange.answer(refusal_answer(studio, published.error()));
        return;
    }
    record_audit(studio.db(), {studio.now(), session.user.name, "rolled back",
                               "version " + std::to_string(*published) + " has version " +
                                   std::to_string(*version) + "'s content"});
    exchange.answer(json_answer(200, {{"version", *published}, {"from", *version}}));
}

}  // namespace placard
