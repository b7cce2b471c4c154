#include "content/staged_update.hpp"

#include "content/bundle_reader.hpp"
#include "content/sha256.hpp"
#include "core/screen_layout.hpp"

namespace placard {

namespace fs = std::filesystem;

namespace {

// Every file the player will read is one the signer listed, with the listed hash; the feed's
// own sha256 fields agree with the files too.
void check_files(const fs::path& dir, const Feed& feed, const std::optional<Manifest>& manifest,
                 ProblemList& problems) {
    std::vector<std::pair<std::string, std::string>> named;  // Path, the feed's sha256.
    named.emplace_back("feed.json", "");
    if (!feed.site.logo.empty()) {
        named.emplace_back(feed.site.logo, feed.site.logo_sha256);
    }
    for (const Banner& banner : feed.banners) {
        named.emplace_back(banner.image, banner.sha256);
    }
    std::error_code error;
    if (fs::exists(fs::symlink_status(dir / "layout.json", error))) {
        named.emplace_back("layout.json", "");
    }
    for (const auto& [path, feed_hash] : named) {
        const ManifestFile* listed = manifest ? manifest->find(path) : nullptr;
        if (manifest && !listed) {
            problems.add(make_error(ErrorKind::Unauthentic, path + ": not in the signed manifest"));
            continue;
        }
        if (!listed && feed_hash.empty()) {
            continue;
        }
        auto hash = sha256_of_file(dir / path);
        if (!hash) {
            problems.add(std::move(hash).error());
            continue;
        }
        if (listed && *hash != listed->sha256) {
            problems.add(
                make_error(ErrorKind::Unauthentic, path + ": does not match the signed manifest"));
        } else if (!feed_hash.empty() && *hash != feed_hash) {
            problems.add(path + ": sha256 is " + *hash + ", feed.json says " + feed_hash);
        }
    }
}

}  // namespace

ProblemList validate_staged_folder(const fs::path& dir, const std::optional<Manifest>& manifest,
                                   const TrustPolicy& policy, std::string_view screen_site,
                                   const BundleInspector& inspect, Feed* feed_out) {
    BundleCheck check = read_bundle(dir);
    ProblemList problems = check.problems;
    if (!problems.empty()) {
        return problems;
    }
    if (manifest) {
        const std::string_view expected = !policy.site.empty()   ? std::string_view(policy.site)
                                          : !screen_site.empty() ? screen_site
                                                                 : check.feed.site.name;
        if (auto site = check_manifest_site(*manifest, expected, "signature"); !site) {
            problems.add(std::move(site).error());
            return problems;
        }
    }
    check_files(dir, check.feed, manifest, problems);
    // The layout the player will use, read by the player's own parser.
    std::error_code error;
    if (problems.empty() && fs::exists(fs::symlink_status(dir / "layout.json", error))) {
        auto text = read_file(dir / "layout.json", 64 * 1024);
        if (!text) {
            problems.add(with_context(std::move(text).error(), "layout.json"));
        } else if (auto layout = parse_screen_layout(*text, "layout.json"); !layout) {
            problems.add(std::move(layout).error());
        }
    }
    if (problems.empty() && inspect) {
        problems = inspect(dir, check.feed);
    }
    if (feed_out != nullptr) {
        *feed_out = std::move(check.feed);
    }
    // Name the files as the bundle does, not by where they were unpacked.
    problems.strip_prefix(dir.string() + "/");
    return problems;
}

std::string describe_outcome(const UpdateOutcome& outcome) {
    const bool taken = outcome.kind == UpdateOutcome::Kind::Taken;
    if (!outcome.notice_id.empty()) {
        return taken ? "took notice \"" + outcome.notice_id + "\""
                     : "notice \"" + outcome.notice_id + "\" is already taken";
    }
    return taken ? "took version " + std::to_string(outcome.version)
                 : "version " + std::to_string(outcome.version) +
                       " with the same content is already shown";
}

UpdateOutcome record_refusal(const ContentStore& store, Error refusal, std::string_view source) {
    (void)store.record([&](UpdateStatus& status) {
        status.last_error = refusal.message;
        status.last_error_kind = error_kind_name(refusal.kind);
        status.last_error_source = source;
        status.last_error_at = now_rfc3339();
        status.consecutive_failures += 1;
    });
    return UpdateOutcome{UpdateOutcome::Kind::Refused, -1, std::move(refusal), {}};
}

namespace {

// Whether the store's current version holds exactly the files of `manifest` (same sizes, same
// SHA-256).
bool current_holds(const ContentStore& store, const Manifest& manifest) {
    const std::filesystem::path current = store.current();
    if (current.empty()) {
        return false;
    }
    for (const ManifestFile& file : manifest.files) {
        std::error_code error;
        const std::filesystem::path path = current / file.path;
        if (std::filesystem::file_size(path, error) != file.size || error) {
            return false;
        }
        const auto digest = sha256_of_file(path);
        if (!digest || *digest != file.sha256) {
            return false;
        }
    }
    return true;
}

}  // namespace

UpdateOutcome finish_staged_update(const ContentStore& store, StagedUpdate update,
                                   const TrustPolicy& policy, const BundleInspector& inspect,
                                   const std::function<void(UpdateStatus&)>& on_taken) {
    Feed feed;
    // A screen stays with its site unless its configuration names one: the site of what it
    // shows is the one new content must be signed for (trust on first use).
    std::string screen_site;
    if (const auto current = store.current(); !current.empty() && policy.site.empty()) {
        screen_site = read_bundle(current).feed.site.name;
    }
    const auto problems = validate_staged_folder(update.staging.dir(), update.manifest, policy,
                                                 screen_site, inspect, &feed);
    if (!problems.empty()) {
        return record_refusal(store, problems.summary(update.origin), update.source);
    }
    // The signed content the screen already shows, offered again: by a power cut between its
    // commit and the removal of its file from the inbox (the boot test found a USB import
    // refused as "not newer" after such a cut, and 内容包未导入 on screen), or pushed twice.
    // Nothing to take and nothing to refuse.
    if (update.manifest && store.current_version() == feed.version &&
        current_holds(store, *update.manifest)) {
        return UpdateOutcome{UpdateOutcome::Kind::Unchanged, feed.version, std::nullopt, {}};
    }
    const auto refused = store.commit(update.staging, feed.version, [&](UpdateStatus& status) {
        status.version = feed.version;
        status.source = update.source;
        status.taken_at = now_rfc3339();
        status.clear_error();
        if (on_taken) {
            on_taken(status);
        }
    });
    if (refused) {
        return record_refusal(store, with_context(*refused, update.origin), update.source);
    }
    return UpdateOutcome{UpdateOutcome::Kind::Taken, feed.version, std::nullopt, {}};
}

}  // namespace placard
