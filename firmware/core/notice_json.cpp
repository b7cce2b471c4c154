#include "core/notice_json.hpp"

#include <initializer_list>

#include "core/audience.hpp"
#include "core/problem_list.hpp"
#include "core/utf8.hpp"

namespace placard {
namespace {

using nlohmann::json;

std::string join(const std::string& where, const std::string& key) {
    return where.empty() ? key : where + "." + key;
}

// Notice ids name the notice in update and cancel: short, printable, no spaces.
bool is_notice_id(const std::string& id) {
    if (id.empty() || id.size() > 64) {
        return false;
    }
    for (const char c : id) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                             (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        if (!allowed) {
            return false;
        }
    }
    return true;
}

class NoticeReader {
  public:
    NoticeReader(const json& object, std::string where, const NoticeProblem& problem)
        : object_(object), where_(std::move(where)), problem_(problem) {}

    void report(const std::string& key, const std::string& what) {
        ok_ = false;
        problem_(join(where_, key), what);
    }
    bool ok() const { return ok_; }
    bool has(const char* key) const { return object_.contains(key); }

    void only_keys(std::initializer_list<const char*> allowed) {
        for (const auto& item : object_.items()) {
            bool known = false;
            for (const char* key : allowed) {
                known = known || item.key() == key;
            }
            if (!known) {
                report(item.key(), "unknown field");
            }
        }
    }

    bool text(const char* key, std::string& out, bool required, std::size_t max_bytes) {
        const auto it = object_.find(key);
        if (it == object_.end()) {
            if (required) {
                report(key, "missing");
            }
            return false;
        }
        if (!it->is_string()) {
            report(key, "expected a string");
            return false;
        }
        const auto& value = it->get_ref<const std::string&>();
        if (value.size() > max_bytes) {
            report(key, "longer than " + std::to_string(max_bytes) + " bytes");
            return false;
        }
        if (!utf8::is_valid(value)) {
            report(key, "not valid UTF-8");
            return false;
        }
        if (value.empty() && required) {
            report(key, "must not be empty");
            return false;
        }
        out = value;
        return true;
    }

    std::optional<WallTime> time(const char* key, bool required) {
        std::string value;
        if (!text(key, value, required, 64)) {
            return std::nullopt;
        }
        auto parsed = parse_rfc3339(value);
        if (!parsed) {
            report(key, "\"" + value + "\" is not an RFC 3339 time like 2026-11-27T09:00:00+08:00");
        }
        return parsed;
    }

  private:
    const json& object_;
    std::string where_;
    const NoticeProblem& problem_;
    bool ok_ = true;
};

}  // namespace

std::optional<Notice> read_notice(const json& object, const std::string& where,
                                  const NoticeProblem& problem) {
    if (!object.is_object()) {
        problem(where, "expected an object");
        return std::nullopt;
    }
    NoticeReader reader(object, where, problem);
    reader.only_keys({"placard_notice", "id", "issued", "level", "title", "text", "starts",
                      "expires", "cancel", "all_clear", "all_clear_minutes", "groups"});
    Notice notice;
    if (reader.text("id", notice.id, true, 64) && !is_notice_id(notice.id)) {
        reader.report(
            "id",
            "\"" + notice.id + "\" is not an id of letters, digits, '-', '_' and '.' (at most 64)");
    }
    const auto issued = reader.time("issued", true);
    if (issued) {
        notice.issued = *issued;
    }
    if (const auto cancel = object.find("cancel"); cancel != object.end()) {
        if (!cancel->is_boolean()) {
            reader.report("cancel", "expected true or false");
        } else {
            notice.cancel = cancel->get<bool>();
        }
    }
    std::string level;
    if (reader.text("level", level, !notice.cancel, 32)) {
        if (const auto parsed = parse_notice_level(level)) {
            notice.level = *parsed;
        } else {
            reader.report("level", "\"" + level + "\" is not information, warning or urgent");
        }
    }
    reader.text("title", notice.title, false, 200);
    if (notice.cancel) {
        // A cancel ends a notice; what it says is its all-clear card.
        for (const char* key : {"text", "starts"}) {
            if (reader.has(key)) {
                reader.report(
                    key, "a cancel has no " + std::string(key) + " (its card's text is all_clear)");
            }
        }
        reader.text("all_clear", notice.all_clear, false, kMaxNoticeTextBytes);
        if (const auto minutes = object.find("all_clear_minutes"); minutes != object.end()) {
            if (!minutes->is_number_integer() || minutes->get<std::int64_t>() < 1 ||
                minutes->get<std::int64_t>() > 60) {
                reader.report("all_clear_minutes", "expected a whole number of minutes, 1 to 60");
            } else {
                notice.all_clear_minutes = minutes->get<int>();
            }
        }
    } else {
        reader.text("text", notice.text, true, kMaxNoticeTextBytes);
        for (const char* key : {"all_clear", "all_clear_minutes"}) {
            if (reader.has(key)) {
                reader.report(key, "only a cancel (\"cancel\": true) has an all-clear card");
            }
        }
        notice.starts = reader.time("starts", false);
    }
    // A cancel lasts, by default, as long as any notice it ends could: a notice expires at most
    // 31 days after it was issued, before the cancel. Kept that long, the cancel keeps such a
    // notice (from a feed, a stick, or arriving late) off the screen.
    const auto expires = reader.time("expires", !notice.cancel);
    if (expires) {
        notice.expires = *expires;
    } else if (issued) {
        notice.expires = issued->plus_seconds(static_cast<double>(kLongestNoticeSeconds));
    }
    if (issued && expires) {
        const WallTime start = notice.starts ? *notice.starts : *issued;
        if (notice.starts && notice.starts->unix_seconds < issued->unix_seconds) {
            reader.report("starts", "earlier than issued");
        }
        if (expires->unix_seconds <= start.unix_seconds) {
            reader.report("expires",
                          "must be later than " + std::string(notice.starts ? "starts" : "issued"));
        } else if (expires->unix_seconds - issued->unix_seconds > kLongestNoticeSeconds) {
            reader.report("expires", "more than 31 days after issued");
        }
    }
    if (const auto groups = object.find("groups"); groups != object.end()) {
        if (auto wrong = read_groups(*groups, notice.groups)) {
            reader.report("groups", *wrong);
        }
    }
    if (!reader.ok()) {
        return std::nullopt;
    }
    return notice;
}

Result<Notice> parse_notice_document(std::string_view text, std::string_view origin) {
    ProblemList problems;
    const std::string prefix(origin);
    const auto problem = [&](const std::string& where, const std::string& what) {
        problems.add(utf8::make_valid(prefix + ": " + (where.empty() ? "" : where + ": ") + what));
    };
    if (text.size() > 64 * 1024) {
        return make_error(ErrorKind::TooLarge, prefix + ": larger than 65536 bytes");
    }
    const json root = json::parse(text.begin(), text.end(), nullptr, false);
    if (root.is_discarded()) {
        return make_error(prefix + ": not JSON");
    }
    if (!root.is_object()) {
        return make_error(prefix + ": expected a JSON object at the top level");
    }
    const auto format = root.find("placard_notice");
    if (format == root.end() || !format->is_number_integer() || format->get<std::int64_t>() != 1) {
        problem("placard_notice", "expected 1 (the notice format)");
    }
    auto notice = read_notice(root, "", problem);
    if (!problems.empty()) {
        return problems.summary();
    }
    return std::move(notice.value());
}

nlohmann::ordered_json notice_to_json(const Notice& notice) {
    nlohmann::ordered_json out;
    out["placard_notice"] = 1;
    out["id"] = notice.id;
    out["issued"] = format_rfc3339(notice.issued);
    if (notice.cancel) {
        out["cancel"] = true;
        if (!notice.all_clear.empty()) {
            out["all_clear"] = notice.all_clear;
            out["all_clear_minutes"] = notice.all_clear_minutes;
        }
        out["expires"] = format_rfc3339(notice.expires);
        if (!notice.groups.empty()) {
            out["groups"] = notice.groups;
        }
        return out;
    }
    out["level"] = notice_level_name(notice.level);
    if (!notice.title.empty()) {
        out["title"] = notice.title;
    }
    out["text"] = notice.text;
    if (notice.starts) {
        out["starts"] = format_rfc3339(*notice.starts);
    }
    out["expires"] = format_rfc3339(notice.expires);
    if (!notice.groups.empty()) {
        out["groups"] = notice.groups;
    }
    return out;
}

}  // namespace placard
