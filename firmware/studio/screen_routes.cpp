// The fleet's routes (issue 16):
//   POST /api/screens/report          a screen's signed status report (no session: the
//                                     screen's signature is its credential; fleet.hpp)
//   POST /api/screens/screenshot/NONCE  a screen's signed screenshot (PNG), for the command NONCE
//   GET  /api/screens/N/screenshot    the latest one
//   GET  /api/screens                 every screen, its state and statistics; the ones waiting
//   POST /api/screens/accept          {"key", "name"?}: an admin accepts a waiting screen
//   POST /api/screens/N               {"name", "place", "group"}
//   POST /api/screens/N/remove
//   POST /api/screens/command         {"action", "screens": [N…] | "group": G}: signed, queued
//                                     for each screen's next report
#include <algorithm>

#include "studio/audit_log.hpp"
#include "studio/permissions.hpp"
#include "studio/studio_answers.hpp"
#include "studio/studio_routes.hpp"

namespace placard {

namespace {

constexpr std::uint64_t kMaxScreenRequest = 16 * 1024;

std::string text_field(const nlohmann::json& request, const char* key) {
    const auto found = request.find(key);
    return found != request.end() && found->is_string() ? found->get<std::string>() : std::string();
}

void queue_command(StudioContext& studio, HttpExchange& exchange, const Session& session,
                   const nlohmann::json& request) {
    CommandAction action{};
    if (!parse_command_action(text_field(request, "action"), action)) {
        exchange.answer(json_error(422,
                                   "unknown action (refresh, screenshot, display-on, "
                                   "display-off, restart)"));
        return;
    }
    std::vector<std::int64_t> ids;
    if (const auto screens = request.find("screens");
        screens != request.end() && screens->is_array()) {
        for (const auto& id : *screens) {
            if (!id.is_number_integer()) {
                exchange.answer(json_error(422, "screens: a list of screen ids"));
                return;
            }
            ids.push_back(id.get<std::int64_t>());
        }
    } else {
        ids = studio.fleet->screens_in(text_field(request, "group"));
        if (ids.empty()) {
            exchange.answer(json_error(404, "no screen in this group"));
            return;
        }
    }
    auto queued = studio.fleet->queue_command(ids, action, session.user.name, studio.now());
    if (!queued) {
        exchange.answer(refusal_answer(studio, queued.error()));
        return;
    }
    record_audit(studio.db(), {studio.now(), session.user.name, "screen command",
                               std::string(command_action_name(action)) + " to " +
                                   std::to_string(*queued) + " screen(s)"});
    exchange.answer(json_answer(200, {{"queued", *queued}}));
}

}  // namespace

void handle_screen_report(StudioContext& studio, HttpExchange& exchange, std::string_view what) {
    const bool report = what == "report";
    auto body =
        exchange.read_small_body(report ? Fleet::kMostReportBytes : Fleet::kMostScreenshotBytes);
    if (!body) {
        return;
    }
    const auto field = exchange.head().field("authorization");
    const std::string_view authorization = field && *field ? std::string_view(**field) : "";
    exchange.answer(
        report ? studio.fleet->take_report(*body, authorization, exchange.peer(), studio.now())
               : studio.fleet->take_screenshot(what.substr(what.find('/') + 1), *body,
                                               authorization, studio.now()));
}

void handle_screens(StudioContext& studio, HttpExchange& exchange, const Session& session,
                    const std::vector<std::string>& parts) {
    if (exchange.head().method == "GET") {
        const auto id =
            parts.size() == 3 && parts[2] == "screenshot" ? parse_id(parts[1]) : std::nullopt;
        if (id) {
            auto png = studio.fleet->screenshot(*id);
            if (!png) {
                exchange.answer(refusal_answer(studio, png.error()));
                return;
            }
            exchange.answer(png_answer(std::move(*png)));
            return;
        }
        if (parts.size() != 1) {
            exchange.answer(json_error(404, "no such screen resource"));
            return;
        }
        const auto published = studio.publisher.current_version();
        exchange.answer(
            json_answer(200, studio.fleet->overview(studio.now(), published.value_or(-1))));
        return;
    }
    if (!may(session.user.role, Action::ManageScreens)) {
        exchange.answer(json_error(403, "只有管理员可以管理终端"));
        return;
    }
    auto body = exchange.read_small_body(kMaxScreenRequest);
    if (!body) {
        return;
    }
    const auto request = nlohmann::json::parse(*body, nullptr, false);
    if (!request.is_object()) {
        exchange.answer(json_error(422, "the request is not a JSON object"));
        return;
    }
    const std::int64_t now = studio.now();
    if (parts.size() == 2 && parts[1] == "accept") {
        const std::string key = text_field(request, "key");
        auto id = studio.fleet->accept(key, text_field(request, "name"), session.user.name, now);
        if (!id) {
            exchange.answer(refusal_answer(studio, id.error()));
            return;
        }
        record_audit(studio.db(),
                     {now, session.user.name, "screen accepted",
                      "screen " + std::to_string(*id) + " (key " + key.substr(0, 16) + "…)"});
        exchange.answer(json_answer(200, {{"id", *id}}));
    } else if (parts.size() == 2 && parts[1] == "command") {
        queue_command(studio, exchange, session, request);
    } else if (const auto id = parts.size() >= 2 ? parse_id(parts[1]) : std::nullopt;
               id && parts.size() == 2) {
        const std::string name = text_field(request, "name");
        if (name.empty() || name.size() > 100 || text_field(request, "place").size() > 200 ||
            text_field(request, "group").size() > 100) {
            exchange.answer(
                json_error(422, "名称必填（100 字节以内），地点 200、分组 100 字节以内"));
            return;
        }
        const Status done =
            studio.fleet->describe(*id, name, text_field(request, "place"),
                                   text_field(request, "group"), session.user.name, now);
        if (!done) {
            exchange.answer(refusal_answer(studio, done.error()));
            return;
        }
        record_audit(studio.db(), {now, session.user.name, "screen described",
                                   "screen " + std::to_string(*id) + ": " + name});
        exchange.answer(json_answer(200, {{"id", *id}}));
    } else if (id && parts.size() == 3 && parts[2] == "remove") {
        const Status done = studio.fleet->remove(*id);
        if (!done) {
            exchange.answer(refusal_answer(studio, done.error()));
            return;
        }
        record_audit(studio.db(),
                     {now, session.user.name, "screen removed", "screen " + std::to_string(*id)});
        exchange.answer(json_answer(200, {{"id", *id}}));
    } else {
        exchange.answer(json_error(404, "no such screen action"));
    }
}

}  // namespace placard
