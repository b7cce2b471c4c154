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
#include <cctype>
#include <string_view>

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

// `text` without the spaces around it, ASCII or ideographic (U+3000): "乡镇 " is the group
// "乡镇", as the forms read an item's groups.
std::string without_blanks_around(std::string text) {
    static constexpr std::string_view kIdeographicSpace = "\u3000";
    bool cut = true;
    while (cut && !text.empty()) {
        cut = false;
        if (std::isspace(static_cast<unsigned char>(text.back())) != 0 ||
            std::isspace(static_cast<unsigned char>(text.front())) != 0) {
            const auto first = text.find_first_not_of(" \t\r\n\f\v");
            const auto last = text.find_last_not_of(" \t\r\n\f\v");
            text =
                first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
            cut = true;
        }
        if (text.starts_with(kIdeographicSpace)) {
            text.erase(0, kIdeographicSpace.size());
            cut = true;
        }
        if (text.ends_with(kIdeographicSpace)) {
            text.resize(text.size() - kIdeographicSpace.size());
            cut = true;
        }
    }
    return text;
}

void queue_command(StudioContext& studio, HttpExchange& exchange, const Session& session,
                   const nlohmann::json& request) {
    CommandAction action{};
    // A screen's group is set with POST /api/screens/N (it is a state, not an act).
    if (!parse_command_action(text_field(request, "action"), action) ||
        action == CommandAction::Group) {
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
        const std::string group = without_blanks_around(text_field(request, "group"));
        if (name.empty() || name.size() > 100 || text_field(request, "place").size() > 200 ||
            group.size() > 100) {
            exchange.answer(
                json_error(422, "名称必填（100 字节以内），地点 200、分组 100 字节以内"));
            return;
        }
        // The forms name an item's groups in a list split at these marks (studio.js, groupsOf):
        // a screen's group holding one could never be named there.
        for (const char* mark : {"、", ",", "，", ";", "；"}) {
            if (group.find(mark) != std::string::npos) {
                exchange.answer(
                    json_error(422, "分组名称不能含有顿号、逗号或分号（一块屏幕只属于一个分组）"));
                return;
            }
        }
        const Status done = studio.fleet->describe(*id, name, text_field(request, "place"), group,
                                                   session.user.name, now);
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
