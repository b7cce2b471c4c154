#include "studio/audit_log.hpp"
#include "studio/content_folder.hpp"
#include "studio/notice_editing.hpp"
#include "studio/permissions.hpp"
#include "studio/studio_answers.hpp"
#include "studio/studio_routes.hpp"

namespace placard {

namespace {

constexpr std::uint64_t kMaxNoticeRequest = 64 * 1024;

Result<nlohmann::json> current_feed(StudioContext& studio, std::int64_t version) {
    auto text = studio.publisher.feed_text(version);
    if (!text) {
        return text.error();
    }
    auto feed = nlohmann::json::parse(*text, nullptr, false);
    if (!feed.is_object()) {
        return make_error(ErrorKind::Failed, "version " + std::to_string(version) +
                                                 "'s feed.json is not a JSON object");
    }
    return feed;
}

// The current content with `notice` in it, checked as screens check a feed and published.
Result<std::int64_t> publish_notice(StudioContext& studio, const Session& session,
                                    const nlohmann::json& request) {
    const auto current = studio.publisher.current_version();
    if (!current) {
        return make_error(ErrorKind::NotFound, "nothing is published yet");
    }
    auto feed = current_feed(studio, *current);
    if (!feed) {
        return feed.error();
    }
    const WallTime now{studio.now(), system_wall_time().utc_offset_minutes};
    auto notice = notice_from_request(request, *feed, now);
    if (!notice) {
        return notice.error();
    }
    auto files = publishable_files(studio.folder.data,
                                   feed_with_notice(*feed, *notice, now).dump(2), studio.media);
    if (!files) {
        return files.error();
    }
    const std::string what = notice->cancel ? "撤销插播" : "紧急插播";
    const std::string label = notice->cancel          ? notice->id
                              : notice->title.empty() ? notice_level_word(notice->level)
                                                      : notice->title;
    auto version = studio.publisher.publish(std::move(*files), session.user.name,
                                            what + "：" + label, now.unix_seconds, current);
    if (version && studio.fleet) {
        // Every screen polls its feed at its next report (within seconds over MQTT), instead
        // of at its next poll: this is how a notice reaches the fleet at once.
        (void)studio.fleet->queue_command({}, CommandAction::Refresh, session.user.name,
                                          now.unix_seconds);
    }
    if (version) {
        record_audit(studio.db(),
                     {now.unix_seconds, session.user.name,
                      notice->cancel ? "notice cancelled" : "notice published",
                      "notice " + notice->id +
                          (notice->cancel ? "" : " (" + notice_level_name(notice->level) + ")") +
                          " in version " + std::to_string(*version)});
    }
    return version;
}

}  // namespace

// GET /api/notices: the current version's notices, as its feed holds them.
// POST /api/notices: a notice (notice_from_request's form) published at once, as a new version.
void handle_notices(StudioContext& studio, HttpExchange& exchange, const Session& session) {
    if (exchange.head().method == "GET") {
        const auto current = studio.publisher.current_version();
        auto feed = current ? current_feed(studio, *current)
                            : Result<nlohmann::json>(nlohmann::json::object());
        if (!feed) {
            exchange.answer(refusal_answer(studio, feed.error()));
            return;
        }
        exchange.answer(json_answer(
            200,
            {{"now", studio.now()}, {"notices", feed->value("notices", nlohmann::json::array())}}));
        return;
    }
    if (!may(session.user.role, Action::Publish)) {
        exchange.answer(json_error(403, "您的角色不能发布插播"));
        return;
    }
    auto body = exchange.read_small_body(kMaxNoticeRequest);
    if (!body) {
        return;
    }
    const auto request = nlohmann::json::parse(*body, nullptr, false);
    // A notice does not depend on the content it is added to: when another version was
    // published while this one was made, it is made again on that one (a few times at most).
    auto version = publish_notice(studio, session, request);
    for (int again = 0; again < 3 && !version && version.error().kind == ErrorKind::Stale;
         ++again) {
        version = publish_notice(studio, session, request);
    }
    exchange.answer(version ? json_answer(200, {{"version", *version}})
                            : refusal_answer(studio, version.error()));
}

}  // namespace placard
