#include "studio/notice_editing.hpp"

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include "core/notice_json.hpp"

namespace placard {

namespace {

using json = nlohmann::json;

constexpr std::int64_t kLongestNoticeMinutes = kLongestNoticeSeconds / 60;

// The feed's notices that read as notices (a feed a screen took has only such).
std::vector<Notice> notices_of(const json& feed) {
    std::vector<Notice> notices;
    const auto list = feed.find("notices");
    if (list == feed.end() || !list->is_array()) {
        return notices;
    }
    for (const json& object : *list) {
        if (auto notice = read_notice(object, "", [](const std::string&, const std::string&) {})) {
            notices.push_back(std::move(*notice));
        }
    }
    return notices;
}

// A whole number of minutes in [lowest, highest] from request[key], or `fallback` without one.
Result<std::int64_t> minutes(const json& request, const char* key, std::int64_t lowest,
                             std::int64_t highest, std::int64_t fallback) {
    const auto value = request.find(key);
    if (value == request.end()) {
        return fallback;
    }
    if (!value->is_number_integer() || value->get<std::int64_t>() < lowest ||
        value->get<std::int64_t>() > highest) {
        return make_error(std::string(key) + ": expected whole minutes from " +
                          std::to_string(lowest) + " to " + std::to_string(highest));
    }
    return value->get<std::int64_t>();
}

// A notice as a feed's "notices" holds it (a notice file's marker left out).
json feed_notice_json(const Notice& notice) {
    json object = notice_to_json(notice);
    object.erase("placard_notice");
    return object;
}

json without_notices(json feed) {
    if (feed.is_object()) {
        for (const char* key : {"notices", "version", "generated"}) {
            feed.erase(key);
        }
    }
    return feed;
}

}  // namespace

Result<Notice> notice_from_request(const json& request, const json& feed, WallTime now) {
    if (!request.is_object()) {
        return make_error("the notice is not a JSON object");
    }
    for (const auto& [key, value] : request.items()) {
        static const std::set<std::string> known = {"id",     "level",     "title",
                                                    "text",   "minutes",   "starts_in_minutes",
                                                    "cancel", "all_clear", "all_clear_minutes",
                                                    "groups"};
        if (!known.contains(key)) {
            return make_error(key + ": not a field of a notice request");
        }
    }
    const auto cancel_field = request.find("cancel");
    const auto id_field = request.find("id");
    if (cancel_field != request.end() && !cancel_field->is_boolean()) {
        return make_error("cancel: expected true or false");
    }
    if (id_field != request.end() && !id_field->is_string()) {
        return make_error("id: expected text");
    }
    const bool cancel = cancel_field != request.end() && cancel_field->get<bool>();
    std::string id = id_field == request.end() ? std::string() : id_field->get<std::string>();
    const std::vector<Notice> held = notices_of(feed);
    const auto holds = [&held](const std::string& name) {
        return std::any_of(held.begin(), held.end(),
                           [&name](const Notice& notice) { return notice.id == name; });
    };
    if (cancel && (id.empty() || !holds(id))) {
        return make_error(ErrorKind::NotFound, id.empty() ? "id: a cancel names the notice it ends"
                                                          : "no notice \"" + id + "\" to cancel");
    }
    // Later than the notice it replaces by at least a second: screens order a notice's
    // versions by `issued`, to the second (an equal one would be refused as a replay).
    WallTime issued = now;
    for (const Notice& notice : held) {
        if (notice.id == id && notice.issued.unix_seconds >= issued.unix_seconds) {
            issued.unix_seconds = notice.issued.unix_seconds + 1;
        }
    }
    if (id.empty()) {
        // Named by its time; a second one within the same second (two admins at once) gets
        // its own name, so that neither replaces the other.
        id = "studio-" + std::to_string(issued.unix_seconds);
        for (int n = 2; holds(id); ++n) {
            id = "studio-" + std::to_string(issued.unix_seconds) + "-" + std::to_string(n);
        }
    }
    json object = {{"id", id}};
    object["issued"] = format_rfc3339(issued);
    if (cancel) {
        object["cancel"] = true;
        for (const char* key : {"all_clear", "all_clear_minutes"}) {
            if (request.contains(key)) {
                object[key] = request[key];
            }
        }
        // The screens that showed the notice, and only they, take its end (and all-clear card).
        for (const Notice& notice : held) {
            if (notice.id == id && !notice.groups.empty()) {
                object["groups"] = notice.groups;
            }
        }
    } else {
        auto lasting = minutes(request, "minutes", 1, kLongestNoticeMinutes, 60);
        auto delay = minutes(request, "starts_in_minutes", 0, kLongestNoticeMinutes, 0);
        if (!lasting || !delay) {
            return lasting ? delay.error() : lasting.error();
        }
        const WallTime starts = issued.plus_seconds(static_cast<double>(*delay * 60));
        if (*delay > 0) {
            object["starts"] = format_rfc3339(starts);
        }
        object["expires"] = format_rfc3339(starts.plus_seconds(static_cast<double>(*lasting * 60)));
        // "groups": the screens it is for (core/audience.hpp); [] or none: every screen.
        if (const auto groups = request.find("groups");
            groups != request.end() && !(groups->is_array() && groups->empty())) {
            object["groups"] = *groups;
        }
        for (const char* key : {"level", "title", "text"}) {
            if (request.contains(key)) {
                object[key] = request[key];
            }
        }
    }
    std::string problem;
    auto notice =
        read_notice(object, "notice", [&](const std::string& where, const std::string& what) {
            if (problem.empty()) {
                problem = where + ": " + what;
            }
        });
    if (!notice) {
        return make_error(problem.empty() ? "the notice cannot be read" : problem);
    }
    return std::move(*notice);
}

// Whether a notice still has something to show at `now`: a notice until it expires; a cancel
// while its all-clear card shows (the notice it ended is gone from the feed with it: a screen
// that takes a later version without either shows neither).
bool still_shows(const Notice& notice, WallTime now) {
    if (notice.cancel) {
        const std::int64_t card = notice.all_clear.empty() ? 0 : notice.all_clear_minutes * 60L;
        return now.unix_seconds < notice.issued.unix_seconds + card;
    }
    return now.unix_seconds < notice.expires.unix_seconds;
}

json feed_with_notice(json feed, const Notice& notice, WallTime now) {
    json kept = json::array();
    for (const Notice& held : notices_of(feed)) {
        if (held.id != notice.id && still_shows(held, now)) {
            kept.push_back(feed_notice_json(held));
        }
    }
    kept.push_back(feed_notice_json(notice));
    feed["notices"] = std::move(kept);
    return feed;
}

json with_notices_of(json feed, const json& current) {
    const auto notices = current.find("notices");
    if (notices == current.end() || notices->empty()) {
        feed.erase("notices");
    } else {
        feed["notices"] = *notices;
    }
    return feed;
}

std::optional<json> carry_notices(const json& draft, const json& base, const json& current) {
    if (without_notices(base) != without_notices(current)) {
        return std::nullopt;
    }
    // A three-way merge by id: what the draft changed since its base (added, edited, removed)
    // over what was published since (a notice, an update, a cancel); where both changed one
    // notice, the later issued counts, as on a screen.
    const auto by_id = [](const json& feed) {
        std::vector<std::pair<std::string, json>> notices;
        if (const auto list = feed.find("notices"); list != feed.end() && list->is_array()) {
            for (const json& object : *list) {
                if (object.is_object() && object.contains("id") && object["id"].is_string()) {
                    notices.emplace_back(object["id"].get<std::string>(), object);
                }
            }
        }
        return notices;
    };
    const auto ours = by_id(draft), theirs = by_id(current), common = by_id(base);
    const auto find = [](const std::vector<std::pair<std::string, json>>& notices,
                         const std::string& id) {
        const auto it = std::find_if(notices.begin(), notices.end(),
                                     [&id](const auto& entry) { return entry.first == id; });
        return it == notices.end() ? json() : it->second;
    };
    std::vector<std::string> ids;
    for (const auto* side : {&theirs, &ours, &common}) {
        for (const auto& entry : *side) {
            if (std::find(ids.begin(), ids.end(), entry.first) == ids.end()) {
                ids.push_back(entry.first);
            }
        }
    }
    json merged = draft;
    merged["notices"] = json::array();
    for (const std::string& id : ids) {
        const json mine = find(ours, id), published = find(theirs, id), before = find(common, id);
        json taken = mine == before ? published : published == before ? mine : json();
        if (mine != before && published != before) {
            const auto issued = [](const json& notice) {
                const auto time =
                    notice.is_object() && notice.contains("issued") && notice["issued"].is_string()
                        ? parse_rfc3339(notice["issued"].get<std::string>())
                        : std::nullopt;
                return time ? time->unix_seconds : INT64_MIN;
            };
            taken = issued(mine) > issued(published) ? mine : published;
        }
        if (!taken.is_null()) {
            merged["notices"].push_back(taken);
        }
    }
    if (merged["notices"].empty()) {
        merged.erase("notices");
    }
    return merged;
}

}  // namespace placard
