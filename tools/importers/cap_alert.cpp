#include "importers/cap_alert.hpp"

#include <expat.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <vector>

#include "core/notice_json.hpp"
#include "core/utf8.hpp"

namespace placard {
namespace {

constexpr std::string_view kCapNamespace = "urn:oasis:names:tc:emergency:cap:1.2";
constexpr std::size_t kMaxAlertBytes = 1024 * 1024;
constexpr std::size_t kMaxFieldBytes = 64 * 1024;
constexpr std::size_t kMaxTitleBytes = 200;  // notice.json's limit on a title.

struct CapInfo {
    std::string language, event, severity, effective, onset, expires, headline, description,
        instruction;
    std::vector<std::string> geocodes;
};

struct CapAlert {
    std::string identifier, sent, status, msg_type, scope, references;
    std::vector<CapInfo> infos;
};

// The alert as expat reads it: the text of each element, by where it is (alert, info, area,
// geocode). Anything outside the CAP 1.2 namespace is skipped.
class AlertReader {
  public:
    explicit AlertReader(XML_Parser parser) : parser_(parser) {}

    void start(const char* name) {
        path_.emplace_back(local_name(name));
        saw_alert = saw_alert || depth_is({"alert"});
        text_.clear();
        if (depth_is({"alert", "info"})) {
            alert.infos.emplace_back();
        }
    }
    void end() {
        const std::string& name = path_.back();
        if (path_.size() == 2 && path_[0] == "alert") {
            alert_field(name);
        } else if (path_.size() == 3 && path_[1] == "info" && !alert.infos.empty()) {
            info_field(alert.infos.back(), name);
        } else if (depth_is({"alert", "info", "area", "geocode", "value"}) &&
                   !alert.infos.empty()) {
            alert.infos.back().geocodes.push_back(trimmed());
        }
        path_.pop_back();
        text_.clear();
    }
    void characters(const char* data, int length) {
        if (text_.size() + static_cast<std::size_t>(length) > kMaxFieldBytes) {
            stop("an element's text is longer than " + std::to_string(kMaxFieldBytes) + " bytes");
            return;
        }
        text_.append(data, static_cast<std::size_t>(length));
    }
    // A DOCTYPE (and with it any entity) is refused outright: CAP has none, and a document that
    // defines entities is the door to entity expansion and external loading.
    void doctype() { stop("<!DOCTYPE is not taken (a CAP alert has none)"); }
    void stop(std::string why) {
        if (refusal.empty()) {
            refusal = std::move(why);
            XML_StopParser(parser_, XML_FALSE);
        }
    }

    CapAlert alert;
    std::string refusal;
    bool foreign_root = false;
    bool saw_alert = false;  // The root is CAP's <alert>.

  private:
    // "urn:…:cap:1.2|alert" → "alert"; a name in another namespace (or none) is kept whole, so
    // that it matches nothing.
    std::string local_name(const char* name) {
        const std::string_view full(name);
        const auto bar = full.find('|');
        if (bar != std::string_view::npos && full.substr(0, bar) == kCapNamespace) {
            return std::string(full.substr(bar + 1));
        }
        if (path_.empty()) {
            foreign_root = true;
        }
        return "{" + std::string(full) + "}";
    }
    bool depth_is(std::initializer_list<const char*> names) const {
        return path_.size() == names.size() &&
               std::equal(path_.begin(), path_.end(), names.begin());
    }
    std::string trimmed() const {
        const auto first = text_.find_first_not_of(" \t\r\n");
        if (first == std::string::npos) {
            return "";
        }
        return text_.substr(first, text_.find_last_not_of(" \t\r\n") - first + 1);
    }
    void alert_field(const std::string& name) {
        std::string* field = name == "identifier"   ? &alert.identifier
                             : name == "sent"       ? &alert.sent
                             : name == "status"     ? &alert.status
                             : name == "msgType"    ? &alert.msg_type
                             : name == "references" ? &alert.references
                             : name == "scope"      ? &alert.scope
                                                    : nullptr;
        if (field) {
            *field = trimmed();
        }
    }
    void info_field(CapInfo& info, const std::string& name) {
        std::string* field = name == "language"      ? &info.language
                             : name == "event"       ? &info.event
                             : name == "severity"    ? &info.severity
                             : name == "effective"   ? &info.effective
                             : name == "onset"       ? &info.onset
                             : name == "expires"     ? &info.expires
                             : name == "headline"    ? &info.headline
                             : name == "description" ? &info.description
                             : name == "instruction" ? &info.instruction
                                                     : nullptr;
        if (field) {
            *field = trimmed();
        }
    }

    XML_Parser parser_;
    std::vector<std::string> path_;
    std::string text_;
};

// A GB/T 2260 division code (six digits; twelve with the town and village), without its
// trailing all-zero levels: 620000 → 62 (甘肃省), 621100 → 6211 (定西市), 621121 → 621121.
std::string division_prefix(const std::string& code) {
    if ((code.size() != 6 && code.size() != 12) ||
        !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return "";
    }
    // The levels' widths: province, city, county, town, village.
    static constexpr std::size_t kLevels[] = {2, 2, 2, 3, 3};
    std::size_t end = code.size();
    for (std::size_t level = code.size() == 6 ? 3 : 5; level > 0; --level) {
        const std::size_t width = kLevels[level - 1];
        if (code.compare(end - width, width, std::string(width, '0')) != 0) {
            break;
        }
        end -= width;
    }
    return code.substr(0, end);
}

// A notice id from an alert identifier: letters, digits, '-', '_' and '.', at most 64 bytes;
// one with other characters, or too long, keeps its start and a hash of the whole.
std::string notice_id_for(const std::string& identifier) {
    std::string id = "cap-";
    bool replaced = false;
    for (const char c : identifier) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        id += plain ? c : '-';
        replaced = replaced || !plain;
    }
    // Replaced characters or a cut could make two identifiers one id: a hash of the whole
    // keeps them apart.
    if (replaced || id.size() > 64) {
        std::uint32_t hash = 2166136261U;  // FNV-1a.
        for (const char c : identifier) {
            hash = (hash ^ static_cast<unsigned char>(c)) * 16777619U;
        }
        char suffix[10];
        std::snprintf(suffix, sizeof suffix, "-%08x", hash);
        id = id.substr(0, std::min<std::size_t>(id.size(), 64 - 9)) + suffix;
    }
    return id;
}

// `text` cut to at most `limit` bytes on a character boundary, ending in …… when cut.
std::string fitted(const std::string& text, std::size_t limit) {
    if (text.size() <= limit) {
        return text;
    }
    const std::string ellipsis = "……";
    std::size_t end = limit - ellipsis.size();
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
        --end;
    }
    return text.substr(0, end) + ellipsis;
}

// A value from the alert in a message: quoted, control characters shown escaped, and cut, so
// that the message stays one short line.
std::string quoted(const std::string& value) {
    return "\"" + utf8::escape_for_message(fitted(value, 80)) + "\"";
}

// The identifier of the earliest message in a CAP references list ("sender,identifier,sent"
// apart by white space), or nothing when none can be read.
std::optional<std::string> earliest_reference(const std::string& references) {
    std::optional<std::string> identifier;
    std::optional<WallTime> earliest;
    std::size_t pos = 0;
    while (pos < references.size()) {
        const auto start = references.find_first_not_of(" \t\r\n", pos);
        if (start == std::string::npos) {
            break;
        }
        const auto end = std::min(references.find_first_of(" \t\r\n", start), references.size());
        const std::string triple = references.substr(start, end - start);
        pos = end;
        const auto first = triple.find(',');
        const auto second = first == std::string::npos ? first : triple.find(',', first + 1);
        if (second == std::string::npos) {
            continue;
        }
        const std::string id = triple.substr(first + 1, second - first - 1);
        const auto sent = parse_rfc3339(triple.substr(second + 1));
        if (id.empty() || !sent) {
            continue;
        }
        if (!earliest || *sent < *earliest) {
            earliest = sent;
            identifier = id;
        }
    }
    return identifier;
}

std::optional<NoticeLevel> level_for(const std::string& severity) {
    if (severity == "Extreme" || severity == "Severe") {
        return NoticeLevel::Urgent;
    }
    if (severity == "Moderate") {
        return NoticeLevel::Warning;
    }
    if (severity == "Minor" || severity == "Unknown") {
        return NoticeLevel::Information;
    }
    return std::nullopt;
}

// The alert's fields, read by expat as the top of this file says.
Result<CapAlert> parse_alert(std::string_view xml, const std::string& where) {
    if (xml.size() > kMaxAlertBytes) {
        return make_error(ErrorKind::TooLarge,
                          where + ": longer than " + std::to_string(kMaxAlertBytes) + " bytes");
    }
    const std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(
        XML_ParserCreateNS(nullptr, '|'), XML_ParserFree);
    if (!parser) {
        return make_error(ErrorKind::Failed, where + ": cannot make an XML parser");
    }
    AlertReader reader(parser.get());
    XML_SetUserData(parser.get(), &reader);
    XML_SetElementHandler(
        parser.get(),
        [](void* data, const XML_Char* name, const XML_Char**) {
            static_cast<AlertReader*>(data)->start(name);
        },
        [](void* data, const XML_Char*) { static_cast<AlertReader*>(data)->end(); });
    XML_SetCharacterDataHandler(parser.get(), [](void* data, const XML_Char* text, int length) {
        static_cast<AlertReader*>(data)->characters(text, length);
    });
    XML_SetStartDoctypeDeclHandler(
        parser.get(), [](void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
            static_cast<AlertReader*>(data)->doctype();
        });
    // No external entity is ever read (expat reads none without this handler; said here so
    // that nobody adds one), and parameter entities are not parsed.
    XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);
    const auto status = XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE);
    const auto line = std::to_string(XML_GetCurrentLineNumber(parser.get()));
    if (!reader.refusal.empty()) {
        return make_error(where + ": line " + line + ": " + reader.refusal);
    }
    if (status != XML_STATUS_OK) {
        return make_error(where + ": line " + line + ": not well-formed XML (" +
                          XML_ErrorString(XML_GetErrorCode(parser.get())) + ")");
    }
    if (reader.foreign_root) {
        return make_error(where + ": not a CAP 1.2 alert (its root is not <alert> in " +
                          std::string(kCapNamespace) + ")");
    }
    if (!reader.saw_alert) {
        return make_error(where + ": not a CAP 1.2 alert (its root is not <alert>)");
    }
    return std::move(reader.alert);
}

// Whether a lobby shows the alert at all: why not, or nothing.
std::optional<Error> not_for_a_lobby(const CapAlert& alert, const std::string& where,
                                     const CapOptions& options) {
    if (alert.status != "Actual" && !(alert.status == "Exercise" && options.exercises)) {
        return make_error(where + ": status " + quoted(alert.status) +
                          (alert.status == "Exercise"
                               ? ": an exercise (演练); take it with --cap-exercises"
                               : ": not an actual alert"));
    }
    if (alert.msg_type != "Alert" && alert.msg_type != "Update" && alert.msg_type != "Cancel") {
        return make_error(where + ": msgType " + quoted(alert.msg_type) +
                          ": only Alert, Update and Cancel are shown");
    }
    // A lobby screen is public: an alert for certain recipients only is not shown on it.
    if (alert.scope != "Public") {
        return make_error(where + ": scope " + quoted(alert.scope) +
                          ": only Public alerts are shown in a lobby");
    }
    if (alert.identifier.empty()) {
        return make_error(where + ": identifier: missing");
    }
    return std::nullopt;
}

Result<Notice> notice_of_alert(std::string_view xml, std::string_view origin,
                               const CapOptions& options) {
    const std::string where(origin);
    const std::string screen = division_prefix(options.area);
    if (screen.empty()) {
        return make_error(where + ": --area \"" + options.area +
                          "\" is not a division code (GB/T 2260: six or twelve digits)");
    }
    auto parsed = parse_alert(xml, where);
    if (!parsed) {
        return parsed.error();
    }
    const CapAlert& alert = *parsed;
    if (auto refusal = not_for_a_lobby(alert, where, options)) {
        return *refusal;
    }
    const auto sent = parse_rfc3339(alert.sent);
    if (!sent) {
        return make_error(where + ": sent: " + quoted(alert.sent) + " is not a time");
    }
    // Of the infos whose areas cover the screen (an alert may be red for one county and yellow
    // for the next), the one in Chinese, else the first.
    const CapInfo* info = nullptr;
    for (const CapInfo& candidate : alert.infos) {
        const bool covers = std::any_of(candidate.geocodes.begin(), candidate.geocodes.end(),
                                        [&](const std::string& code) {
                                            const std::string prefix = division_prefix(code);
                                            return !prefix.empty() && screen.starts_with(prefix);
                                        });
        if (covers && (!info || (candidate.language.starts_with("zh") &&
                                 !info->language.starts_with("zh")))) {
            info = &candidate;
        }
    }
    if (alert.infos.empty()) {
        return make_error(where + ": no <info>: nothing to show");
    }
    if (!info) {
        return make_error(ErrorKind::NotFound,
                          where + ": not for area " + options.area +
                              " (none of its areas' geocodes is that division or contains it)");
    }
    Notice notice;
    // An Update or Cancel names the messages it follows ("sender,identifier,sent" each, apart
    // by white space): the notice is that of the earliest, the alert that began it.
    std::string identifier = alert.identifier;
    if (alert.msg_type != "Alert") {
        auto original = earliest_reference(alert.references);
        if (!original) {
            return make_error(where + ": references: an " + alert.msg_type +
                              " must name the alert it follows (sender,identifier,sent)");
        }
        identifier = *original;
    }
    notice.id = notice_id_for(identifier);
    notice.issued = *sent;
    const std::string title = !info->headline.empty() ? info->headline : info->event;
    if (alert.msg_type == "Cancel") {
        // The all-clear card: the cancel's headline ("……预警解除"), not the warning's words.
        notice.cancel = true;
        notice.all_clear =
            fitted(!title.empty() ? title : std::string("预警解除"), kMaxNoticeTextBytes);
        notice.expires = sent->plus_seconds(static_cast<double>(kLongestNoticeSeconds));
        return notice;
    }
    const auto level = level_for(info->severity);
    if (!level) {
        return make_error(where + ": severity " + quoted(info->severity) +
                          " is not Extreme, Severe, Moderate, Minor or Unknown");
    }
    notice.level = *level;
    notice.title = fitted(title, kMaxTitleBytes);
    std::string text = info->description;
    if (!info->instruction.empty()) {
        text += (text.empty() ? "" : "\n") + info->instruction;
    }
    notice.text = fitted(text.empty() ? title : text, kMaxNoticeTextBytes);
    // Shown from when the warning takes effect (not the event's onset, which it warns of).
    if (!info->effective.empty()) {
        const auto effective = parse_rfc3339(info->effective);
        if (!effective) {
            return make_error(where + ": effective: " + quoted(info->effective) + " is not a time");
        }
        if (*sent < *effective) {
            notice.starts = *effective;
        }
    }
    notice.expires = sent->plus_seconds(24 * 3600.0);
    if (!info->expires.empty()) {
        const auto expires = parse_rfc3339(info->expires);
        if (!expires) {
            return make_error(where + ": expires: " + quoted(info->expires) + " is not a time");
        }
        notice.expires =
            std::min(*expires, sent->plus_seconds(static_cast<double>(kLongestNoticeSeconds)));
    }
    if (!utf8::is_valid(notice.title) || !utf8::is_valid(notice.text)) {
        return make_error(where + ": text that is not UTF-8");
    }
    return notice;
}

}  // namespace

Result<Notice> read_cap_alert(std::string_view xml, std::string_view origin,
                              const CapOptions& options) {
    auto notice = notice_of_alert(xml, origin, options);
    if (!notice) {
        return notice;
    }
    // What a screen will check, checked here: an alert whose times or texts make no notice
    // (it expires before it starts, it has nothing to say) is refused with the reason.
    if (auto checked = parse_notice_document(notice_to_json(*notice).dump(), std::string(origin));
        !checked) {
        return checked.error();
    }
    return notice;
}

}  // namespace placard
