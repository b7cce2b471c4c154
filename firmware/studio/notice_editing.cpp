#include "studio/notice_editing.hpp"

#include <set>

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
                                                    "cancel", "all_clear", "all_clear_minutes"};
        if (!known.contains(key)) {
            return make_error(key + ": not a field of a notice request");
        }
    }
    const bool cancel = request.value("cancel", false);
    json object = {{"id", request.value("id", "")}};
    if (!object["id"].is_string()) {
        return make_error("id: expected text");
    }
    // Later than the notice it replaces by at least a second: screens order a notice's
    // versions by `issued`, to the second (an equal one would be refused as a replay).
    WallTime issued = now;
    for (const Notice& held : notices_of(feed)) {
        if (held.id == object["id"] && held.issued.unix_seconds >= issued.unix_seconds) {
            issued.unix_seconds = held.issued.unix_seconds + 1;
        }
    }
    if (object["id"].get<std::string>().empty()) {
        if (cancel) {
            return make_error("id: a cancel names the notice it ends");
        }
        object["id"] = "studio-" + std::to_string(issued.unix_seconds);
    }
    object["issued"] = format_rfc3339(issued);
    if (cancel) {
        object["cancel"] = true;
        for (const char* key : {"all_clear", "all_clear_minutes"}) {
            if (request.contains(key)) {
                object[key] = request[key];
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

json feed_with_notice(json feed, const Notice& notice, WallTime now) {
    json kept = json::array();
    for (const Notice& held : notices_of(feed)) {
        // A cancel's `expires` is when every notice it could end has (read_notice sets it).
        if (held.id != notice.id && now.unix_seconds < held.expires.unix_seconds) {
            kept.push_back(feed_notice_json(held));
        }
    }
    kept.push_back(feed_notice_json(notice));
    feed["notices"] = std::move(kept);
    return feed;
}

json with_notices_of(const json& feed, const json& current) {
    std::vector<Notice> all = notices_of(current);
    for (Notice& notice : notices_of(feed)) {
        all.push_back(std::move(notice));
    }
    json merged = feed;
    merged["notices"] = json::array();
    for (const Notice& notice : newest_of_each_id(all)) {
        merged["notices"].push_back(feed_notice_json(notice));
    }
    if (merged["notices"].empty()) {
        merged.erase("notices");
    }
    return merged;
}

std::optional<json> carry_notices(const json& draft, const json& base, const json& current) {
    if (without_notices(base) != without_notices(current)) {
        return std::nullopt;
    }
    return with_notices_of(draft, current);
}

}  // namespace placard
