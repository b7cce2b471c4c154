// placard-tool notice: an urgent notice (or its cancel) as a signed notice file, ready for
// `push`, the inbox or a USB stick's placard/ folder (docs/feed-format.md, "Urgent notices"):
//
//   notice OUT.placard --key NAME.key --site SITE --id ID --level LEVEL --text TEXT
//          [--title TITLE] [--minutes N] [--starts TIME] [--issued TIME] [--group G]...
//   notice OUT.placard --key NAME.key --site SITE --cancel ID [--all-clear TEXT]
//          [--all-clear-minutes N] [--issued TIME] [--group G]...
//   notice OUT.placard --key NAME.key --site SITE --from-cap ALERT.xml --area CODE
//          [--cap-exercises]
//
// --from-cap reads a CAP 1.2 early-warning alert (GB/T 35965.1) for the screens of the division
// CODE (importers/cap_alert.hpp): an alert for another area makes no file (exit 3). Each
// --group G makes the notice for the screens of group G only (core/audience.hpp); a cancel
// should name the groups of the notice it ends.
//
// The signature lasts as long as the notice: after that, a copy of the file is worth nothing.
#include <cstdio>
#include <cstdlib>

#include "commands.hpp"
#include "content/bundle_signature.hpp"
#include "content/content_store.hpp"
#include "core/notice_json.hpp"
#include "core/read_file.hpp"
#include "importers/cap_alert.hpp"
#include "runtime/log.hpp"

namespace placard::tool {
namespace {

constexpr const char* kUsage =
    "notice: usage: notice OUT.placard --key NAME.key --site SITE --id ID --level "
    "information|warning|urgent --text TEXT [--title TITLE] [--minutes N] [--starts TIME] "
    "[--issued TIME] [--group G]...\n"
    "   or: notice OUT.placard --key NAME.key --site SITE --cancel ID [--all-clear TEXT] "
    "[--all-clear-minutes N] [--issued TIME] [--group G]...\n"
    "   or: notice OUT.placard --key NAME.key --site SITE --from-cap ALERT.xml --area CODE "
    "[--cap-exercises]";

int fail(const std::string& message, int code = 1) {
    log_error(message);
    return code;
}

bool read_whole_number(const std::string& text, long low, long high, long& out) {
    char* end = nullptr;
    out = std::strtol(text.c_str(), &end, 10);
    return !text.empty() && *end == '\0' && out >= low && out <= high;
}

// Checks `notice` as a screen will, signs it for as long as it lasts and writes the file.
int sign_notice(const Notice& notice, const std::string& out, const std::string& key_file,
                const std::string& site) {
    // What the screen will check, checked here first: the same reader, the same messages.
    const std::string text = notice_to_json(notice).dump(2) + "\n";
    if (auto checked = parse_notice_document(text, "notice"); !checked) {
        return fail(checked.error().message);
    }
    auto key_text = read_file(key_file, 4096);
    if (!key_text) {
        return fail(key_text.error().message);
    }
    auto key = parse_secret_key(*key_text, key_file);
    if (!key) {
        return fail(key.error().message);
    }
    SigningTerms terms;
    terms.kind = SignedKind::Notice;
    terms.site = site;
    terms.expires = static_cast<std::time_t>(notice.expires.unix_seconds);
    auto entries = sign_bundle_files({TarEntry{std::string(kNoticeEntry), text}}, *key, terms);
    if (!entries) {
        return fail(entries.error().message);
    }
    auto archive = write_tar(*entries);
    if (!archive) {
        return fail(archive.error().message);
    }
    if (auto written = write_file_atomically(out, *archive); !written) {
        return fail(written.error().message);
    }
    std::printf("%s: %s \"%s\", issued %s, until %s\n", out.c_str(),
                notice.cancel ? "cancel of notice" : notice_level_name(notice.level).c_str(),
                notice.id.c_str(), format_rfc3339(notice.issued).c_str(),
                format_rfc3339(notice.expires).c_str());
    return 0;
}

}  // namespace

int notice_command(const Arguments& arguments) {
    std::string out, key_file, site, level = "information", minutes = "60", starts, issued,
                                     all_clear_minutes, cap_file;
    Notice notice;
    CapOptions cap;
    bool has_id = false, has_text = false;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& option = arguments[i];
        const bool has_value = i + 1 < arguments.size();
        if (option == "--cap-exercises") {
            cap.exercises = true;
            continue;
        }
        if (!option.starts_with("--")) {
            if (!out.empty()) {
                return fail(kUsage, 2);
            }
            out = option;
            continue;
        }
        if (!has_value) {
            return fail(kUsage, 2);
        }
        const std::string& value = arguments[++i];
        if (option == "--key") {
            key_file = value;
        } else if (option == "--site") {
            site = value;
        } else if (option == "--id" || option == "--cancel") {
            notice.id = value;
            notice.cancel = option == "--cancel";
            has_id = true;
        } else if (option == "--level") {
            level = value;
        } else if (option == "--text") {
            notice.text = value;
            has_text = true;
        } else if (option == "--title") {
            notice.title = value;
        } else if (option == "--minutes") {
            minutes = value;
        } else if (option == "--starts") {
            starts = value;
        } else if (option == "--issued") {
            issued = value;
        } else if (option == "--all-clear") {
            notice.all_clear = value;
        } else if (option == "--all-clear-minutes") {
            all_clear_minutes = value;
        } else if (option == "--from-cap") {
            cap_file = value;
        } else if (option == "--area") {
            cap.area = value;
        } else if (option == "--group") {
            notice.groups.push_back(value);
        } else {
            return fail(kUsage, 2);
        }
    }
    if (!cap_file.empty()) {
        // The alert says everything else: options that would change it are a mistake.
        const bool other_options = has_id || has_text || !notice.title.empty() || minutes != "60" ||
                                   level != "information" || !starts.empty() || !issued.empty() ||
                                   !notice.all_clear.empty() || !all_clear_minutes.empty() ||
                                   !notice.groups.empty();
        if (out.empty() || key_file.empty() || site.empty() || other_options || cap.area.empty()) {
            return fail(kUsage, 2);
        }
        auto xml = read_file(cap_file, 1024 * 1024);
        if (!xml) {
            return fail(xml.error().message);
        }
        auto from_cap = read_cap_alert(*xml, cap_file, cap);
        if (!from_cap) {
            return fail(from_cap.error().message,
                        from_cap.error().kind == ErrorKind::NotFound ? 3 : 1);
        }
        if (!(system_wall_time() < from_cap->expires)) {
            return fail(cap_file + ": expired at " + format_rfc3339(from_cap->expires) +
                        ": a screen would refuse it");
        }
        return sign_notice(*from_cap, out, key_file, site);
    }
    if (out.empty() || key_file.empty() || site.empty() || !has_id || has_text == notice.cancel) {
        return fail(kUsage, 2);
    }
    notice.issued = system_wall_time();
    if (!issued.empty()) {
        const auto parsed = parse_rfc3339(issued);
        if (!parsed) {
            return fail("notice: --issued: \"" + issued +
                        "\" is not a time like "
                        "2026-11-27T09:00:00+08:00");
        }
        notice.issued = *parsed;
    }
    if (notice.cancel) {
        if (!all_clear_minutes.empty()) {
            long value = 0;
            if (!read_whole_number(all_clear_minutes, 1, 60, value)) {
                return fail("notice: --all-clear-minutes: expected 1 to 60");
            }
            notice.all_clear_minutes = static_cast<int>(value);
        }
        // Signed for as long as a notice it ends could run (notice_json.hpp): an admin can
        // still carry it to the screen days later.
        notice.expires = notice.issued.plus_seconds(static_cast<double>(kLongestNoticeSeconds));
    } else {
        const auto parsed = parse_notice_level(level);
        if (!parsed) {
            return fail("notice: --level: \"" + level + "\" is not information, warning or urgent");
        }
        notice.level = *parsed;
        long lasting = 0;
        if (!read_whole_number(minutes, 1, 31L * 24 * 60, lasting)) {
            return fail("notice: --minutes: expected 1 to 44640 (31 days)");
        }
        if (!starts.empty()) {
            notice.starts = parse_rfc3339(starts);
            if (!notice.starts) {
                return fail("notice: --starts: \"" + starts +
                            "\" is not a time like "
                            "2026-11-27T09:00:00+08:00");
            }
        }
        notice.expires = (notice.starts ? *notice.starts : notice.issued)
                             .plus_seconds(static_cast<double>(lasting) * 60);
    }
    return sign_notice(notice, out, key_file, site);
}

}  // namespace placard::tool
