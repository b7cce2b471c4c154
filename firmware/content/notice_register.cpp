#include "content/notice_register.hpp"

#include <nlohmann/json.hpp>

#include "content/bundle_reader.hpp"
#include "content/update_status.hpp"
#include "core/notice_json.hpp"
#include "core/read_file.hpp"
#include "core/utf8.hpp"

namespace placard {
namespace {

using nlohmann::json;

// 64 notices of the largest size, their text escaped in JSON, fit with room to spare.
constexpr std::size_t kMaxRegisterBytes = 8 * 1024 * 1024;

std::string register_text(const std::vector<RegisteredNotice>& notices, std::time_t clock) {
    nlohmann::ordered_json entries = nlohmann::ordered_json::array();
    for (const RegisteredNotice& entry : notices) {
        nlohmann::ordered_json item;
        item["notice"] = nlohmann::ordered_json::parse(entry.json);
        item["keep_until"] = format_utc_time(entry.keep_until);
        item["source"] = entry.source;
        item["received"] = entry.received;
        entries.push_back(std::move(item));
    }
    nlohmann::ordered_json root;
    root["clock"] = format_utc_time(clock);
    root["notices"] = std::move(entries);
    return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace

std::filesystem::path notice_register_file(const ContentStore& store) {
    return store.root() / "notices.json";
}

Result<NoticeRegister> load_notice_register(const std::filesystem::path& file) {
    NoticeRegister loaded;
    std::vector<RegisteredNotice>& out = loaded.notices;
    std::error_code missing;
    if (!std::filesystem::exists(std::filesystem::symlink_status(file, missing))) {
        return loaded;
    }
    auto text = read_file(file, kMaxRegisterBytes);
    if (!text) {
        return make_error(ErrorKind::Failed, text.error().message);
    }
    const json root = json::parse(*text, nullptr, false);
    if (!root.is_object() || !root.contains("notices") || !root["notices"].is_array()) {
        return make_error(ErrorKind::Failed, file.string() + ": not a notice register");
    }
    if (root.contains("clock") && root["clock"].is_string()) {
        loaded.clock = parse_utc_time(root["clock"].get<std::string>()).value_or(0);
    }
    for (const json& item : root["notices"]) {
        if (!item.is_object() || !item.contains("notice") || out.size() >= kMaxRegisteredNotices) {
            continue;
        }
        RegisteredNotice entry;
        entry.json = item["notice"].dump();
        auto notice = parse_notice_document(entry.json, "notices.json");
        if (!notice) {
            continue;
        }
        entry.notice = std::move(notice.value());
        const auto text_of = [&](const char* key) {
            return item.contains(key) && item[key].is_string() ? item[key].get<std::string>()
                                                               : std::string();
        };
        entry.keep_until = parse_utc_time(text_of("keep_until")).value_or(0);
        entry.source = text_of("source");
        entry.received = text_of("received");
        out.push_back(std::move(entry));
    }
    return loaded;
}

UpdateOutcome take_notice(const ContentStore& store, const Manifest& manifest,
                          const std::string& notice_json, const TrustPolicy& policy,
                          std::time_t now, std::string_view origin, std::string_view source) {
    const std::string where(origin);
    auto parsed = parse_notice_document(notice_json, where + ": notice.json");
    if (!parsed) {
        return record_refusal(store, std::move(parsed).error(), source);
    }
    const Notice& notice = *parsed;
    // The site binding, as for content: the configured site, else the site of what the screen
    // shows. A screen with no content yet has no site to check a notice against.
    std::string site = policy.site;
    if (site.empty()) {
        if (const auto current = store.current(); !current.empty()) {
            site = read_bundle(current).feed.site.name;
        }
    }
    if (site.empty()) {
        return record_refusal(store,
                              make_error(ErrorKind::Unauthentic,
                                         where + ": this screen has no content yet, so no site "
                                                 "to take a notice for (set `site` in its "
                                                 "configuration)"),
                              source);
    }
    if (auto checked = check_manifest_site(manifest, site, where); !checked) {
        return record_refusal(store, std::move(checked).error(), source);
    }
    // The register's clock, when it is ahead of this one (a board back from a power cut at an
    // earlier time): expiry is judged by the later.
    if (auto loaded = load_notice_register(notice_register_file(store)); loaded) {
        now = std::max(now, loaded->clock);
    }
    if (notice.expires.unix_seconds <= now) {
        return record_refusal(
            store,
            make_error(ErrorKind::Stale, where + ": notice \"" + notice.id + "\" expired at " +
                                             format_rfc3339(notice.expires)),
            source);
    }
    UpdateOutcome outcome;
    outcome.notice_id = notice.id;
    const auto file = notice_register_file(store);
    std::optional<Error> refusal;
    auto written = store.locked([&]() -> Status {
        auto loaded = load_notice_register(file);
        if (!loaded) {
            refusal = make_error(ErrorKind::Failed,
                                 where +
                                     ": the notice register cannot be read, so nothing is "
                                     "taken: " +
                                     loaded.error().message);
            return Done{};
        }
        now = std::max(now, loaded->clock);
        std::vector<RegisteredNotice>& notices = loaded->notices;
        // Entries whose notice and signature have both expired are forgotten: no replay can
        // pass the signature check any more.
        std::erase_if(notices, [&](const RegisteredNotice& entry) {
            return entry.keep_until <= now && entry.notice.expires.unix_seconds <= now;
        });
        auto same_id = std::find_if(notices.begin(), notices.end(), [&](const auto& entry) {
            return entry.notice.id == notice.id;
        });
        std::time_t keep_until =
            std::max(manifest.expires, static_cast<std::time_t>(notice.expires.unix_seconds));
        if (same_id != notices.end()) {
            const Notice& taken = same_id->notice;
            if (taken.issued.unix_seconds == notice.issued.unix_seconds &&
                json::parse(same_id->json) == json::parse(notice_json)) {
                outcome.kind = UpdateOutcome::Kind::Unchanged;
                return Done{};
            }
            if (notice.issued.unix_seconds <= taken.issued.unix_seconds) {
                refusal = make_error(ErrorKind::Stale,
                                     where + ": notice \"" + notice.id + "\" issued " +
                                         format_rfc3339(notice.issued) +
                                         " is not newer than the one taken (issued " +
                                         format_rfc3339(taken.issued) + "): refused as a replay");
                return Done{};
            }
            // An update or a cancel: the entry stays as long as the longest it replaces would
            // have, so that the older notice cannot come back in the meantime.
            keep_until = std::max(keep_until, same_id->keep_until);
            notices.erase(same_id);
        } else if (notices.size() >= kMaxRegisteredNotices) {
            refusal =
                make_error(ErrorKind::TooLarge, where + ": the screen holds " +
                                                    std::to_string(kMaxRegisteredNotices) +
                                                    " notices already (each is kept until it and "
                                                    "its signature have expired)");
            return Done{};
        }
        RegisteredNotice entry;
        entry.notice = notice;
        entry.json = json::parse(notice_json).dump();
        entry.keep_until = keep_until;
        entry.source = std::string(source);
        entry.received = now_rfc3339();
        notices.push_back(std::move(entry));
        outcome.kind = UpdateOutcome::Kind::Taken;
        return write_file_atomically(file, register_text(notices, now));
    });
    if (!written) {
        return record_refusal(store, with_context(std::move(written).error(), where), source);
    }
    if (refusal) {
        return record_refusal(store, std::move(*refusal), source);
    }
    return outcome;
}

}  // namespace placard
